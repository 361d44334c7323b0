"""Extract a Spark DataFrame of articles with rumourx: ``mapInPandas``, one extractor per task.

    pip install 'rumourx[spark]'
    PYSPARK_PYTHON=$(which python) python examples/spark_extract.py articles.jsonl reports/

The input needs ``id`` and ``text`` columns; every other column is passed through.
Each output row adds ``report`` (the report as JSON, or null) and ``error``
(``{"type", "message"}`` as JSON, or null). ``tests/test_spark.py`` runs this code on
a local Spark in CI.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from typing import Any

from rumourx import Extractor, Settings, extract_many


def extract_partitions(settings: Settings) -> Callable[[Iterator[Any]], Iterator[Any]]:
    """The ``mapInPandas`` function: settings are pickled to the executors."""

    def extract(frames: Iterator[Any]) -> Iterator[Any]:
        extractor = Extractor(settings)  # one per task, reused for all its rows
        for frame in frames:
            items = [{"id": str(i), "text": text} for i, text in enumerate(frame["text"])]
            found = {int(o.id): o for o in extract_many(items, extractor=extractor)}
            done = [found[i] for i in range(len(frame))]
            yield frame.assign(
                report=[o.report.model_dump_json() if o.report else None for o in done],
                error=[
                    json.dumps({"type": o.error.type, "message": o.error.message})
                    if o.error
                    else None
                    for o in done
                ],
            )

    return extract


def extract_frame(df: Any, settings: Settings) -> Any:
    """``df`` with ``report`` and ``error`` columns added, one output row per input row."""
    from pyspark.sql.types import StringType, StructField, StructType

    schema = StructType(
        [*df.schema.fields, StructField("report", StringType()), StructField("error", StringType())]
    )
    return df.mapInPandas(extract_partitions(settings), schema=schema)


if __name__ == "__main__":
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.getOrCreate()
    extract_frame(spark.read.json(sys.argv[1]), Settings()).write.json(sys.argv[2])
