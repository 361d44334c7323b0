"""``rumourx batch --provider-batch``: the same output, through the provider's Batch API.

Each article's plan is first run against a probe that answers every request with an
empty default, which lists the requests the article needs (the strategies ask the
same questions whatever the answers). All requests go up in one batch; when it is
done, each article's plan runs again against the downloaded answers and through the
shared grounding and normalisation, and the outcome is written as in a live batch.

The batch id is saved beside the output (``OUT.batch.json``) as soon as the batch
exists, so a rerun after a kill resumes polling instead of paying again.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openai

from rumourx.batch.admission import Admitted, InvalidItem, admit
from rumourx.batch.command import BatchSummary, open_batch
from rumourx.batch.files import read_input
from rumourx.batch.outcomes import BatchError, BatchOutcome
from rumourx.batch.pricing import BATCH_DISCOUNT, estimate_cost, load_prices
from rumourx.core.errors import RumourxError
from rumourx.core.model import ModelRequest, ModelResponse
from rumourx.core.types import Usage
from rumourx.extractor import Extractor
from rumourx.providers.openai_batch import BatchJob, OpenAIBatchClient

__all__ = ["run_provider_batch"]


class _Probe:
    """Answers every request with the response model's defaults, and keeps the requests."""

    name = "probe"

    def __init__(self) -> None:
        self.requests: list[ModelRequest[Any]] = []

    def complete(self, request: ModelRequest[Any]) -> ModelResponse[Any]:
        self.requests.append(request)
        return ModelResponse(output=request.response_model(), usage=Usage())

    async def acomplete(self, request: ModelRequest[Any]) -> ModelResponse[Any]:
        return self.complete(request)


class _Replay:
    """Answers an article's requests, in order, from the batch results."""

    name = "replay"

    def __init__(self, rows: list[dict[str, Any] | None]) -> None:
        self._rows = rows
        self._next = 0

    def complete(self, request: ModelRequest[Any]) -> ModelResponse[Any]:
        row = self._rows[self._next] if self._next < len(self._rows) else None
        self._next += 1
        return OpenAIBatchClient.parse(row, request)

    async def acomplete(self, request: ModelRequest[Any]) -> ModelResponse[Any]:
        return self.complete(request)


def _custom_id(article_id: str, index: int) -> str:
    return f"{index}:{article_id}"


def run_provider_batch(
    source: Path,
    target: Path,
    extractor: Extractor,
    *,
    poll_interval: float = 30.0,
    prices_file: str | None = None,
    client: openai.OpenAI | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> BatchSummary:
    """Run a whole JSONL file through the provider's Batch API.

    Raises:
        InputError: ``source`` cannot be read.
        OutputError: ``target`` cannot be used (see :func:`open_batch`).
        ProviderError: The batch could not be submitted or read.
    """
    prices = load_prices(prices_file)
    settings = extractor.settings
    batch_client = OpenAIBatchClient(settings, client=client)
    state_path = target.with_name(target.name + ".batch.json")
    writer, plan = open_batch(source, target)
    summary = BatchSummary(total=plan.total, skipped=plan.skipped, changed=plan.changed)
    started = time.perf_counter()
    try:
        articles: dict[str, tuple[Admitted, int]] = {}
        lines: list[dict[str, Any]] = []
        seen: set[str] = set(plan.skip_ids)
        for item in read_input(source, plan.skip_ids, plan.skip_lines):
            outcome = _prepare(item, seen, articles, lines, extractor, batch_client)
            if outcome is not None:
                writer.write(outcome)
                summary.add(outcome)
        if lines:
            job = _submit_or_resume(batch_client, lines, state_path)
            job = batch_client.wait(
                job.id, poll_interval=poll_interval, sleep=sleep, on_status=_report_status
            )
            results = batch_client.results(job) if job.status == "completed" else {}
            for article_id, (admitted, count) in articles.items():
                rows = [results.get(_custom_id(article_id, i)) for i in range(count)]
                outcome = _replayed(admitted, rows, extractor, job)
                writer.write(outcome)
                summary.add(outcome)
        state_path.unlink(missing_ok=True)
    finally:
        writer.close()
        summary.seconds = time.perf_counter() - started
    summary.cost = estimate_cost(settings.model, summary.usage, prices, discount=BATCH_DISCOUNT)
    return summary


def _prepare(
    item: dict[str, Any] | InvalidItem,
    seen: set[str],
    articles: dict[str, tuple[Admitted, int]],
    lines: list[dict[str, Any]],
    extractor: Extractor,
    batch_client: OpenAIBatchClient,
) -> BatchOutcome | None:
    """Queue an article's requests; return an outcome at once if it needs none."""
    admitted = admit(item, len(seen) + 1, seen)
    if isinstance(admitted, BatchOutcome):
        return admitted
    article_id = str(admitted.id)
    probe = _Probe()
    try:
        report = Extractor(settings=extractor.settings, model=probe).extract(admitted.article)
    except RumourxError as exc:
        return admitted.failed(exc)
    if not probe.requests:  # the rules strategy, or nothing to ask: done locally
        return admitted.outcome(report=report)
    for index, request in enumerate(probe.requests):
        lines.append(batch_client.request_line(_custom_id(article_id, index), request))
    articles[article_id] = (admitted, len(probe.requests))
    return None


def _submit_or_resume(
    batch_client: OpenAIBatchClient, lines: list[dict[str, Any]], state_path: Path
) -> BatchJob:
    if state_path.exists():
        state = json.loads(state_path.read_text(encoding="utf-8"))
        print(f"rumourx: resuming provider batch {state['batch_id']}", file=sys.stderr)
        return batch_client.retrieve(str(state["batch_id"]))
    job = batch_client.submit(lines)
    state_path.write_text(
        json.dumps({"batch_id": job.id, "requests": len(lines)}), encoding="utf-8"
    )
    print(f"rumourx: submitted provider batch {job.id} ({len(lines)} requests)", file=sys.stderr)
    return job


def _report_status(job: BatchJob) -> None:
    print(f"rumourx: provider batch {job.id}: {job.status}", file=sys.stderr)


def _replayed(
    admitted: Admitted,
    rows: list[dict[str, Any] | None],
    extractor: Extractor,
    job: BatchJob,
) -> BatchOutcome:
    if job.status != "completed":
        message = f"provider batch {job.id} ended {job.status}"
        return admitted.outcome(error=BatchError("ProviderError", message))
    try:
        model = _Replay(rows)
        report = Extractor(settings=extractor.settings, model=model).extract(admitted.article)
    except RumourxError as exc:
        return admitted.failed(exc)
    return admitted.outcome(report=report)
