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
from rumourx.batch.files import check_input, read_input
from rumourx.batch.outcomes import BatchOutcome
from rumourx.batch.output import BatchOutput
from rumourx.batch.pricing import estimate_cost, load_prices
from rumourx.batch.resume import ResumePlan, plan_resume
from rumourx.batch.runner import extract_many
from rumourx.core.types import Usage
from rumourx.extractor import Extractor

__all__ = ["BatchSummary", "open_batch", "run_batch"]


@dataclass
class BatchSummary:
    """What a batch run did."""

    total: int = 0
    skipped: int = 0
    changed: int = 0
    retried: int = 0
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
        again = ""
        if self.changed:
            again += f", {self.changed} changed since their output line (redone)"
        if self.retried:
            again += f", {self.retried} failed before (retried)"
        lines = [
            f"articles: {self.total} in input, {self.skipped} already done{again}, "
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


def open_batch(
    source: Path, target: Path, *, retry_failed: bool = False
) -> tuple[BatchOutput, ResumePlan]:
    """Check the input, open and lock the output, and plan what this run does.

    The output is left holding one line per id that is done and unchanged; what
    the plan redoes has lost its old lines.

    Raises:
        InputError: ``source`` cannot be read.
        OutputError: ``target`` cannot be used (see :class:`BatchOutput`).
    """
    check_input(source)
    output = BatchOutput.open(target, source=source)
    try:
        plan = plan_resume(source, output.index, retry_failed=retry_failed)
        output.prepare(plan.drop_ids, plan.drop_lines)
    except BaseException:
        output.close()
        raise
    return output, plan


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

    A rerun skips ids whose output line is there and whose text is unchanged,
    redoes those whose text changed and, with ``retry_failed``, those that failed.

    Raises:
        InputError: ``source`` cannot be read.
        OutputError: ``target`` is the input, not rumourx output, locked by another
            run, or cannot be written.
    """
    prices = load_prices(prices_file)
    output, plan = open_batch(source, target, retry_failed=retry_failed)
    summary = BatchSummary(
        total=plan.total, skipped=plan.skipped, changed=plan.changed, retried=plan.retried
    )
    todo = summary.total - summary.skipped
    started = time.perf_counter()
    progress_wanted = sys.stderr.isatty() if show_progress is None else show_progress
    try:
        with _progress(todo, progress_wanted) as update:
            outcomes = extract_many(
                read_input(source, plan.skip_ids, plan.skip_lines),
                extractor=extractor,
                concurrency=concurrency,
                cache=cache,
            )
            for outcome in outcomes:
                output.write(outcome)
                summary.add(outcome)
                if update is not None:
                    handled = summary.done + summary.failed
                    update(handled, handled / max(time.perf_counter() - started, 1e-9))
    finally:
        output.close()
        summary.seconds = time.perf_counter() - started
    uses_model = extractor.strategy != "rules"
    summary.cost = (
        estimate_cost(extractor.settings.model, summary.usage, prices) if uses_model else 0.0
    )
    return summary
