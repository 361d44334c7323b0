"""The README's Spark example (examples/spark_extract.py) on a local Spark, when one can run."""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
from collections.abc import Iterator
from typing import Any

import pytest

from rumourx import Settings, extract_many

from .conftest import OWN_CORPUS, ROOT, read_jsonl

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def spark(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    pytest.importorskip(
        "pyspark", reason="pyspark is not installed: pip install 'rumourx[spark]' (CI installs it)"
    )
    if shutil.which("java") is None:
        pytest.skip("no Java runtime: Spark needs one (java 17 or later)")
    from pyspark.sql import SparkSession

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PYSPARK_PYTHON", sys.executable)
        patch.setenv("PYSPARK_DRIVER_PYTHON", sys.executable)
        session = (
            SparkSession.builder.master("local[2]")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.ui.enabled", "false")
            .config("spark.local.dir", str(tmp_path_factory.mktemp("spark")))
            .getOrCreate()
        )
        session.sparkContext.setLogLevel("ERROR")
        yield session
        session.stop()


def _example() -> Any:
    spec = importlib.util.spec_from_file_location(
        "spark_extract", ROOT / "examples" / "spark_extract.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_spark_example_answers_every_row_as_extract_many_does(spark: Any) -> None:
    own = read_jsonl(OWN_CORPUS / "articles.jsonl")
    rows = [(f"s{i}", own[i % len(own)]["text"], i) for i in range(60)]
    rows[7] = ("s7", "", 7)
    df = spark.createDataFrame(rows, "id string, text string, n long").repartition(3)
    settings = Settings(strategy="rules")
    out = [row.asDict() for row in _example().extract_frame(df, settings).collect()]
    assert sorted(r["id"] for r in out) == sorted(r[0] for r in rows)
    by_id = {r["id"]: r for r in out}
    for row_id, text, n in rows:
        assert (by_id[row_id]["text"], by_id[row_id]["n"]) == (text, n)
        assert (by_id[row_id]["report"] is None) != (by_id[row_id]["error"] is None)
    expected = {o.id: o for o in extract_many([(r[0], r[1]) for r in rows], settings=settings)}
    for row_id, outcome in expected.items():
        if outcome.report is not None:
            assert by_id[row_id]["report"] == outcome.report.model_dump_json()
    assert json.loads(by_id["s7"]["error"])["type"] == "InputError"
