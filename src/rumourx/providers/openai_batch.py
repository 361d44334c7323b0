"""OpenAI's Batch API: upload requests, create a batch, poll it, read every result.

Requests are the same chat completions the live path sends in ``tools`` mode, one
JSONL line each, built from the same cached wire format; answers are read by the
same reader, with the article as validation context. There are no re-asks in a
batch: an answer that does not validate raises :class:`ExtractionError`, which the
strategy may salvage.

Nothing paid for is lost or paid twice:

- The two paid steps (uploading the requests, creating the batch) carry a tag, a
  hash of the request file: the upload is named ``rumourx-TAG.jsonl`` and the batch
  carries ``metadata={"rumourx_tag": TAG}``. :meth:`find_upload` and
  :meth:`find_batch` look them up, so a caller that lost an id (a kill, a dropped
  connection after the server acted) finds the work instead of repeating it.
- The openai client's own retries are off here: a retried POST would upload or
  create twice. Reads are retried by the :class:`RetryPolicy`; a failed paid step is
  looked up by its tag before it is tried again.
- :meth:`results` reads the output and error files of any finished batch, completed
  or not: an expired or cancelled batch keeps the answers it billed for.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import openai
from pydantic import BaseModel

from rumourx.core.errors import ConfigurationError, ExtractionError, ProviderError
from rumourx.core.model import ModelRequest, ModelResponse
from rumourx.core.settings import Settings
from rumourx.core.types import Usage
from rumourx.providers.retrying import RetryPolicy, is_transient
from rumourx.providers.wire import AnswerError, answer_text, wire_format

__all__ = ["BatchJob", "OpenAIBatchClient", "row_usage"]

R = TypeVar("R")

FINAL_STATUSES = frozenset({"completed", "failed", "expired", "cancelled"})
_TAG_KEY = "rumourx_tag"
#: How many of the newest files or batches a lookup by tag reads at most.
_LOOKUP_LIMIT = 500


@dataclass(frozen=True)
class BatchJob:
    """A batch as the provider last described it."""

    id: str
    status: str
    output_file_id: str | None = None
    error_file_id: str | None = None
    errors: list[str] = field(default_factory=list)

    @property
    def final(self) -> bool:
        """Whether the batch has ended (completed, failed, expired or cancelled)."""
        return self.status in FINAL_STATUSES


def _job(batch: Any) -> BatchJob:
    errors = getattr(getattr(batch, "errors", None), "data", None) or []
    return BatchJob(
        batch.id,
        batch.status,
        getattr(batch, "output_file_id", None),
        getattr(batch, "error_file_id", None),
        [str(getattr(e, "message", None) or getattr(e, "code", None) or e) for e in errors],
    )


def upload_name(tag: str) -> str:
    """The file name an upload tagged ``tag`` carries."""
    return f"rumourx-{tag}.jsonl"


def row_usage(row: dict[str, Any] | None) -> Usage:
    """What one result line was billed: its tokens, and one call if it was answered."""
    response = (row or {}).get("response") or {}
    if response.get("status_code") != 200:
        return Usage()
    raw = (response.get("body") or {}).get("usage") or {}
    return Usage(
        prompt_tokens=int(raw.get("prompt_tokens") or 0),
        completion_tokens=int(raw.get("completion_tokens") or 0),
        calls=1,
    )


class OpenAIBatchClient:
    """The few Batch and Files calls rumourx needs.

    Args:
        settings: Resolved settings (model, endpoint, key).
        client: An ``openai.OpenAI`` to use instead of building one.
        retry: Retry policy for reads and for paid steps after a lookup.
    """

    def __init__(
        self,
        settings: Settings,
        *,
        client: openai.OpenAI | None = None,
        retry: RetryPolicy | None = None,
    ) -> None:
        if settings.output_mode != "tools":
            raise ConfigurationError("the provider Batch API path sends tools-mode requests only")
        self._settings = settings
        key = settings.api_key.get_secret_value() if settings.api_key is not None else None
        self._client = client or openai.OpenAI(
            api_key=key or "unused",
            base_url=settings.base_url,
            timeout=settings.timeout,
            max_retries=0,
        )
        self._policy = retry or RetryPolicy(
            max_attempts=settings.max_attempts, max_seconds=settings.max_retry_seconds
        )

    def request_line(self, custom_id: str, request: ModelRequest[Any]) -> dict[str, Any]:
        """One line of the batch input file for ``request``."""
        model: type[BaseModel] = request.response_model
        wire = wire_format(model, "tools")
        body: dict[str, Any] = {
            "model": self._settings.model,
            "messages": wire.messages(request.messages),
            **wire.fields,
            "temperature": self._settings.temperature,
            "max_tokens": self._settings.max_output_tokens,
            **self._settings.extra_body,
        }
        return {
            "custom_id": custom_id,
            "method": "POST",
            "url": "/v1/chat/completions",
            "body": body,
        }

    def _read(self, what: str, call: Callable[[], R]) -> R:
        try:
            return self._policy.call(call)
        except openai.APIError as exc:
            raise ProviderError(f"could not {what}: {exc}") from exc

    def _paid(self, what: str, create: Callable[[], R], find: Callable[[], R | None]) -> R:
        """Run a paid step; after a transient failure, look for its work before trying again."""
        for attempt in range(1, self._policy.max_attempts + 1):
            try:
                return create()
            except openai.APIError as exc:
                if not is_transient(exc) or attempt == self._policy.max_attempts:
                    raise ProviderError(f"could not {what}: {exc}") from exc
            found = find()
            if found is not None:
                return found
            self._policy.sleep(min(self._policy.initial_wait * 2 ** (attempt - 1), 10.0))
        raise AssertionError("unreachable")  # pragma: no cover

    def upload(self, payload: bytes, tag: str) -> str:
        """Upload the request file named for ``tag``; return its file id."""

        def create() -> str:
            uploaded = self._client.files.create(file=(upload_name(tag), payload), purpose="batch")
            return str(uploaded.id)

        return self._paid("upload the batch requests", create, lambda: self.find_upload(tag))

    def find_upload(self, tag: str) -> str | None:
        """The id of an earlier upload tagged ``tag``, if the provider has one."""

        def look() -> str | None:
            for count, item in enumerate(self._client.files.list(purpose="batch")):
                if item.filename == upload_name(tag) and item.status != "error":
                    return str(item.id)
                if count >= _LOOKUP_LIMIT:
                    break
            return None

        return self._read("list uploaded files", look)

    def create(self, file_id: str, tag: str) -> BatchJob:
        """Create the batch over ``file_id``, tagged ``tag`` in its metadata."""

        def create() -> BatchJob:
            batch = self._client.batches.create(
                input_file_id=file_id,
                endpoint="/v1/chat/completions",
                completion_window="24h",
                metadata={"created_by": "rumourx", _TAG_KEY: tag},
            )
            return _job(batch)

        return self._paid("create the batch", create, lambda: self.find_batch(tag))

    def find_batch(self, tag: str) -> BatchJob | None:
        """An earlier batch tagged ``tag``, if the provider has one."""

        def look() -> BatchJob | None:
            for count, batch in enumerate(self._client.batches.list(limit=100)):
                if (getattr(batch, "metadata", None) or {}).get(_TAG_KEY) == tag:
                    return _job(batch)
                if count >= _LOOKUP_LIMIT:
                    break
            return None

        return self._read("list batches", look)

    def retrieve(self, batch_id: str) -> BatchJob:
        """The batch's current status and files."""
        return self._read(
            f"read batch {batch_id}", lambda: _job(self._client.batches.retrieve(batch_id))
        )

    def wait(
        self,
        batch_id: str,
        *,
        poll_interval: float,
        sleep: Callable[[float], None] = time.sleep,
        on_status: Callable[[BatchJob], None] | None = None,
    ) -> BatchJob:
        """Poll until the batch is completed, failed, expired or cancelled."""
        while True:
            job = self.retrieve(batch_id)
            if on_status is not None:
                on_status(job)
            if job.final:
                return job
            sleep(poll_interval)

    def results(self, job: BatchJob) -> dict[str, dict[str, Any]]:
        """Each request's result line by custom id, from the output and error files.

        Read for every finished batch, whatever its status: the output file of an
        expired or cancelled batch holds the requests that were answered (and billed).
        """
        found: dict[str, dict[str, Any]] = {}
        for file_id in (job.error_file_id, job.output_file_id):  # answers win over errors
            if not file_id:
                continue
            for row in _rows(self._download(file_id).splitlines()):
                found[str(row.get("custom_id"))] = row
        return found

    def _download(self, file_id: str) -> str:
        def download() -> str:
            return str(self._client.files.content(file_id).text)

        return self._read(f"download batch results {file_id}", download)

    @staticmethod
    def parse(row: dict[str, Any] | None, request: ModelRequest[Any]) -> ModelResponse[Any]:
        """Validate one result line as the request's response model.

        Raises:
            ProviderError: The request failed at the provider, or has no result.
            ExtractionError: The answer does not validate.
        """
        if row is None:
            raise ProviderError("the batch returned no result for this request")
        response = row.get("response") or {}
        error = row.get("error")
        if error or response.get("status_code") != 200:
            raise ProviderError(f"the request failed in the batch: {_why(error, response)}")
        body = response.get("body") or {}
        usage = row_usage(row)
        model: type[BaseModel] = request.response_model
        try:
            output = wire_format(model, "tools").read(
                body, request.context, lenient=True
            )
        except AnswerError as exc:
            raise ExtractionError(
                f"the batch answer did not validate: {str(exc)[:300]}",
                raw_output=answer_text(body),
                attempts=1,
                usage=usage,
            ) from exc
        return ModelResponse(output=output, usage=usage)


def _why(error: Any, response: dict[str, Any]) -> str:
    if isinstance(error, dict):
        code, message = error.get("code"), error.get("message")
        return ": ".join(str(part) for part in (code, message) if part) or "unknown error"
    if error:
        return str(error)
    body = response.get("body")
    detail = body.get("error", body) if isinstance(body, dict) else body
    if isinstance(detail, dict):
        detail = detail.get("message") or detail
    return f"HTTP {response.get('status_code')}: {detail}"


def _rows(lines: Iterable[str]) -> Iterable[dict[str, Any]]:
    for line in lines:
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(row, dict):
            yield row
