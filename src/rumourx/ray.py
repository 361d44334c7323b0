"""Ray Data integration: extract a whole dataset with one extractor per actor.

    import ray
    from rumourx import Settings
    from rumourx.ray import extract_dataset

    ds = ray.data.read_json("articles.jsonl")
    out = extract_dataset(ds, Settings(strategy="llm", model="gpt-4o-mini"), concurrency=4)
    out.write_json("reports/")

Needs the extra: ``pip install 'rumourx[ray]'``. Every input row gives exactly one
output row: the same id, a ``report`` column (the report as JSON, or null), an
``error`` column (``{"type", "message"}`` as JSON, or null) and every other column
passed through. A failing article is an error row, never a lost row or a failed job.
Inside each actor the rows of a batch run through :func:`rumourx.extract_many`, the
same engine as everywhere else, so model latency overlaps within an actor too.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from rumourx.batch.runner import extract_many
from rumourx.core.errors import ConfigurationError
from rumourx.core.settings import Settings
from rumourx.extractor import Extractor

if TYPE_CHECKING:
    import pyarrow
    import ray.data

__all__ = ["ERROR_COLUMN", "REPORT_COLUMN", "extract_dataset"]

REPORT_COLUMN = "report"
ERROR_COLUMN = "error"

#: Articles in flight at once inside one actor (model latency overlaps there too).
ACTOR_CONCURRENCY = 8
#: Rows handed to an actor at once (fewer, larger tasks than Ray's small blocks).
ROWS_PER_BATCH = 32


class _ExtractBatch:
    """A Ray Data actor: one extractor, built once, for every batch it is given."""

    def __init__(
        self, settings: Settings, text_column: str, id_column: str, in_flight: int
    ) -> None:
        self._extractor = Extractor(settings)
        self._text_column = text_column
        self._id_column = id_column
        self._in_flight = in_flight

    def __call__(self, table: pyarrow.Table) -> pyarrow.Table:
        import pyarrow as pa

        missing = {self._text_column, self._id_column} - set(table.column_names)
        if missing:
            raise ValueError(f"the dataset has no column {', '.join(sorted(missing))}")
        rows = table.to_pylist()
        # Keys by position: an id repeated in the input is still two rows, two answers.
        # Only what extraction reads goes in: the other columns pass through the table.
        items = (
            {
                "id": str(index),
                "text": row[self._text_column],
                **{
                    k: row[k]
                    for k in ("publisher", "published", "url")
                    if isinstance(row.get(k), str)
                },
            }
            for index, row in enumerate(rows)
        )
        reports: list[str | None] = [None] * len(rows)
        errors: list[str | None] = [None] * len(rows)
        for outcome in extract_many(items, extractor=self._extractor, concurrency=self._in_flight):
            assert outcome.id is not None  # every item above has an id
            index = int(outcome.id)
            if outcome.report is not None:
                reports[index] = outcome.report.model_dump_json()
            else:
                error = outcome.error
                kind, message = (error.type, error.message) if error else ("UnknownError", "")
                errors[index] = json.dumps({"type": kind, "message": message}, ensure_ascii=False)
        for name in (REPORT_COLUMN, ERROR_COLUMN):
            if name in table.column_names:
                table = table.drop_columns([name])
        table = table.append_column(REPORT_COLUMN, pa.array(reports, type=pa.string()))
        return table.append_column(ERROR_COLUMN, pa.array(errors, type=pa.string()))


def extract_dataset(
    ds: ray.data.Dataset,
    settings: Settings | None = None,
    *,
    concurrency: int = 2,
    text_column: str = "text",
    id_column: str = "id",
    num_cpus: float = 0.5,
) -> ray.data.Dataset:
    """Extract every row of a Ray dataset; one output row per input row.

    Args:
        ds: The articles, one a row.
        settings: Settings for the extractors, resolved here (so the driver's
            environment decides) and shipped to every actor; frozen and picklable.
        concurrency: Actors, each with its own :class:`~rumourx.Extractor`.
        text_column: The column holding each article's text (or HTML).
        id_column: The column holding each article's id, passed through as is.
        num_cpus: CPUs Ray reserves for each actor. The reservation is logical (an
            actor still uses a whole core when it has the work); below 1 by
            default so that the tasks reading the input can always be scheduled
            beside the actors: with one CPU per actor and as many actors as CPUs,
            a dataset read from files never starts. Raise it to 1 for the
            CPU-bound ``rules`` strategy on a cluster with CPUs to spare.

    Returns:
        A lazy dataset with the input columns, plus ``report`` and ``error``
        (JSON strings, exactly one of them null per row). An input column called
        ``report`` or ``error`` is replaced.

    Raises:
        ConfigurationError: Ray (the ``rumourx[ray]`` extra) is not installed.
        ValueError: ``concurrency`` is below 1 or ``num_cpus`` is not positive.
    """
    try:
        from ray.data import ActorPoolStrategy
    except ImportError as exc:
        raise ConfigurationError(
            "extract_dataset needs Ray Data: pip install 'rumourx[ray]'"
        ) from exc
    if concurrency < 1:
        raise ValueError("concurrency must be at least 1")
    if num_cpus <= 0:
        raise ValueError("num_cpus must be positive")
    resolved = (settings or Settings()).resolved()
    return ds.map_batches(
        _ExtractBatch,
        fn_constructor_kwargs={
            "settings": resolved,
            "text_column": text_column,
            "id_column": id_column,
            "in_flight": ACTOR_CONCURRENCY,
        },
        batch_format="pyarrow",
        batch_size=ROWS_PER_BATCH,
        compute=ActorPoolStrategy(size=concurrency),
        num_cpus=num_cpus,
        udf_modifying_row_count=False,
    )
