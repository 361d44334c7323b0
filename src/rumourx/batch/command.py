"""``rumourx batch``: a JSONL file in, a JSONL file out, resumable, with progress."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rumourx.batch.cache import ReportCache
from rumourx.batch.files import OutputWriter, count_lines, finished_ids, read_input
from rumourx.batch.outcomes import BatchOutcome
from rumourx.batch.pricing import estimate_cost, load_prices
from rumourx.batch.runner import extract_many
from rumourx.core.errors import InputError
from rumourx.core.types import Usage
from rumourx.extractor import Extractor

__all__ = ["BatchSummary", "run_batch"]


@dataclass
class BatchSummary:
    """What a batch run did."""

    total: int = 0
    skipped: int = 0
    done: int = 0
    failed: int = 0
    cached: int = 0
    usage: Usage = field(default_factory=Usage)
    seconds: float = 0.0
    cost: float | None = None
    errors: dict[str, int] = field(default_factory=dict)

    def add(self, outcome: BatchOutcome) -> None:
        """Count one outcome."""
        if outcome.report is not None:
            self.done += 1
            self.cached += outcome.cached
            if not outcome.cached:
                self.usage = self.usage + outcome.report.usage
        else:
            self.failed += 1
            kind = outcome.error.type if outcome.error else "UnknownError"
            self.errors[kind] = self.errors.get(kind, 0) + 1

    def lines(self) -> list[str]:
        """The printed summary."""
        cost = (
            "unknown (model not in the price table)" if self.cost is None else f"${self.cost:.4f}"
        )
        rate = (self.done + self.failed) / self.seconds if self.seconds > 0 else 0.0
        lines = [
            f"articles: {self.total} in input, {self.skipped} already done, "
            f"{self.done} done ({self.cached} from cache), {self.failed} failed",
            f"tokens: {self.usage.prompt_tokens} prompt + "
            f"{self.usage.completion_tokens} completion in {self.usage.calls} model call(s); "
            f"estimated cost {cost}",
            f"time: {self.seconds:.1f} s ({rate:.1f} articles/s)",
        ]
        if self.errors:
            kinds = ", ".join(f"{kind} x{count}" for kind, count in sorted(self.errors.items()))
            lines.append(f"failures: {kinds}")
        return lines


@contextmanager
def _progress(total: int, enabled: bool) -> Iterator[Any]:
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TaskProgressColumn,
        TextColumn,
        TimeRemainingColumn,
    )

    columns = (
        TextColumn("rumourx batch"),
        BarColumn(),
        MofNCompleteColumn(),
        TaskProgressColumn(),
        TextColumn("[progress.data.speed]{task.fields[rate]}"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), transient=False) as progress:
        task = progress.add_task("batch", total=total, rate="")
        yield lambda done, rate: progress.update(task, completed=done, rate=f"{rate:.1f}/s")


def run_batch(
    source: Path,
    target: Path,
    extractor: Extractor,
    *,
    concurrency: int,
    cache: ReportCache | None,
    retry_failed: bool = False,
    prices_file: str | None = None,
    show_progress: bool | None = None,
) -> BatchSummary:
    """Extract every article of ``source`` into ``target``; skip what is done.

    Raises:
        InputError: ``source`` cannot be read, or ``target`` is a directory.
    """
    if source.is_dir():
        raise InputError(f"{source} is a directory, not a JSONL file")
    if not source.is_file():
        raise InputError(f"no such file: {source}")
    if target.is_dir():
        raise InputError(f"{target} is a directory; give an output file")
    prices = load_prices(prices_file)
    done_ids = finished_ids(target, drop_errors=retry_failed)
    summary = BatchSummary(total=count_lines(source))
    summary.skipped = min(len(done_ids), summary.total)
    todo = summary.total - summary.skipped
    writer = OutputWriter(target)
    started = time.perf_counter()
    progress_wanted = sys.stderr.isatty() if show_progress is None else show_progress
    try:
        with _progress(todo, progress_wanted) as update:
            outcomes = extract_many(
                read_input(source, done_ids),
                extractor=extractor,
                concurrency=concurrency,
                cache=cache,
            )
            for outcome in outcomes:
                writer.write(outcome)
                summary.add(outcome)
                if update is not None:
                    handled = summary.done + summary.failed
                    update(handled, handled / max(time.perf_counter() - started, 1e-9))
    finally:
        writer.close()
        summary.seconds = time.perf_counter() - started
    uses_model = extractor.strategy != "rules"
    summary.cost = (
        estimate_cost(extractor.settings.model, summary.usage, prices) if uses_model else 0.0
    )
    return summary
