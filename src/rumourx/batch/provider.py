"""``rumourx batch --provider-batch``: the same output, through the provider's Batch API.

Each article's plan is first run against a probe that answers every request with an
empty default, which lists the requests the article needs (the strategies ask the
same questions whatever the answers). All requests go up in one batch; when it is
done, each article's plan runs again against the downloaded answers and through the
shared grounding and normalisation, and the outcome is written as in a live batch.

What was paid for is kept:

- The state (``OUT.batch.json`` beside the output) is saved before each paid step
  and each id as soon as it is known; the upload and the batch carry a tag (a hash
  of the requests). A rerun after a kill at any point resumes the batch, or finds
  the upload or batch whose id was lost, instead of paying again.
- Every finished batch's output and error files are read, whatever its status: the
  answered requests of an expired, cancelled or failed batch become reports, the
  others error lines that say why. Usage and cost count every answered request.
- ``--retry-failed`` drops the error lines first, so only those ids go into a new
  batch.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openai

from rumourx.batch.admission import Admitted, InvalidItem, admit
from rumourx.batch.command import BatchSummary, open_batch
from rumourx.batch.files import read_input
from rumourx.batch.outcomes import BatchOutcome
from rumourx.batch.pricing import BATCH_DISCOUNT, estimate_cost, load_prices
from rumourx.core.errors import ProviderError, RumourxError
from rumourx.core.model import ModelRequest, ModelResponse
from rumourx.core.types import Usage
from rumourx.extractor import Extractor
from rumourx.providers.openai_batch import BatchJob, OpenAIBatchClient, row_usage

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

    def __init__(self, rows: list[dict[str, Any] | None], job: BatchJob) -> None:
        self._rows = rows
        self._job = job
        self._next = 0

    def complete(self, request: ModelRequest[Any]) -> ModelResponse[Any]:
        row = self._rows[self._next] if self._next < len(self._rows) else None
        self._next += 1
        if row is None:
            reason = f"provider batch {self._job.id} ended {self._job.status}"
            if self._job.status != "completed":
                reason += " before this request ran"
            if self._job.errors:
                reason += f" ({'; '.join(self._job.errors[:3])})"
            raise ProviderError(f"{reason}: no result for this request")
        try:
            return OpenAIBatchClient.parse(row, request)
        except ProviderError as exc:
            raise ProviderError(
                f"provider batch {self._job.id} ({self._job.status}): {exc}"
            ) from exc

    async def acomplete(self, request: ModelRequest[Any]) -> ModelResponse[Any]:
        return self.complete(request)


class _State:
    """What this output's provider batch has reached, saved beside the output.

    Written whole (a temporary file, synced, then renamed) before and after each
    paid step, so a kill at any point leaves either the old state or the new one.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.data: dict[str, Any] = {}
        if path.exists():
            try:
                loaded = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                loaded = {}
            self.data = loaded if isinstance(loaded, dict) else {}

    def save(self, **fields: Any) -> None:
        self.data.update(fields)
        temporary = self.path.with_name(self.path.name + ".tmp")
        with temporary.open("w", encoding="utf-8") as file:
            file.write(json.dumps(self.data))
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, self.path)

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)


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
    retry_failed: bool = False,
) -> BatchSummary:
    """Run a whole JSONL file through the provider's Batch API.

    Args:
        source: JSONL input.
        target: JSONL output; ids already in it are skipped.
        extractor: Supplies the settings and strategy.
        poll_interval: Seconds between status checks.
        prices_file: Price table for the cost estimate.
        client: An ``openai.OpenAI`` to use instead of building one.
        sleep: How to wait between status checks.
        retry_failed: Drop the output's error lines first, so only those ids go
            into a new batch.

    Raises:
        InputError: ``source`` cannot be read.
        OutputError: ``target`` cannot be used (see :func:`open_batch`).
        ProviderError: The batch could not be submitted or read.
    """
    prices = load_prices(prices_file)
    settings = extractor.settings
    batch_client = OpenAIBatchClient(settings, client=client)
    state = _State(target.with_name(target.name + ".batch.json"))
    writer, plan = open_batch(source, target, retry_failed=retry_failed)
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
            job = _submit_or_resume(batch_client, lines, state)
            job = batch_client.wait(
                job.id, poll_interval=poll_interval, sleep=sleep, on_status=_report_status
            )
            results = batch_client.results(job)
            for article_id, (admitted, count) in articles.items():
                rows = [results.get(_custom_id(article_id, i)) for i in range(count)]
                outcome = _replayed(admitted, rows, extractor, job)
                writer.write(outcome)
                summary.add(outcome)
            # What was billed: every answered request, including those of articles
            # that failed later (an answer that did not validate is paid for too).
            summary.usage = sum((row_usage(row) for row in results.values()), Usage())
        state.clear()
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
    batch_client: OpenAIBatchClient, lines: list[dict[str, Any]], state: _State
) -> BatchJob:
    """The batch for these requests: the one already paid for, or a new one.

    The state is saved before each paid step and each id as soon as it is known. A
    state with a tag but no id means a kill came between a paid step and saving
    its result: the provider is asked for the upload or batch with that tag first.
    """
    payload = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines).encode()
    tag = hashlib.sha256(payload).hexdigest()[:32]
    if state.data.get("batch_id"):
        print(f"rumourx: resuming provider batch {state.data['batch_id']}", file=sys.stderr)
        return batch_client.retrieve(str(state.data["batch_id"]))
    earlier = state.data.get("tag")
    file_id: str | None = None
    if isinstance(earlier, str):
        found = batch_client.find_batch(earlier)
        if found is not None:
            state.save(batch_id=found.id)
            print(f"rumourx: found provider batch {found.id} from an earlier run", file=sys.stderr)
            return found
        if earlier == tag:
            file_id = state.data.get("file_id") or batch_client.find_upload(tag)
    state.save(tag=tag, requests=len(lines), file_id=file_id, batch_id=None)
    if file_id is None:
        file_id = batch_client.upload(payload, tag)
        state.save(file_id=file_id)
    job = batch_client.create(file_id, tag)
    state.save(batch_id=job.id)
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
    """The article's outcome from its answers: a report, or an error that says why."""
    model = _Replay(rows, job)
    try:
        report = Extractor(settings=extractor.settings, model=model).extract(admitted.article)
    except RumourxError as exc:
        return admitted.failed(exc)
    return admitted.outcome(report=report)
