"""OpenAI's Batch API: upload requests, create a batch, poll it, read the results.

Requests are the same chat completions the live path sends in ``tools`` mode, one
JSONL line each; results are parsed and validated exactly as live answers are, with
the article as validation context. There are no re-asks in a batch: an answer that
does not validate raises :class:`ExtractionError`, which the strategy may salvage.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import openai
from instructor import openai_schema
from pydantic import BaseModel, ValidationError

from rumourx.core.errors import ConfigurationError, ExtractionError, ProviderError
from rumourx.core.model import ModelRequest, ModelResponse
from rumourx.core.settings import Settings
from rumourx.core.types import Usage

__all__ = ["BatchJob", "OpenAIBatchClient"]

_FINAL = frozenset({"completed", "failed", "expired", "cancelled"})


@dataclass(frozen=True)
class BatchJob:
    """A batch as the provider last described it."""

    id: str
    status: str
    output_file_id: str | None = None
    error_file_id: str | None = None


class OpenAIBatchClient:
    """The few Batch and Files calls rumourx needs.

    Args:
        settings: Resolved settings (model, endpoint, key).
        client: An ``openai.OpenAI`` to use instead of building one.
    """

    def __init__(self, settings: Settings, *, client: openai.OpenAI | None = None) -> None:
        if settings.output_mode != "tools":
            raise ConfigurationError("the provider Batch API path sends tools-mode requests only")
        self._settings = settings
        key = settings.api_key.get_secret_value() if settings.api_key is not None else None
        self._client = client or openai.OpenAI(
            api_key=key or "unused", base_url=settings.base_url, timeout=settings.timeout
        )

    def request_line(self, custom_id: str, request: ModelRequest[Any]) -> dict[str, Any]:
        """One line of the batch input file for ``request``."""
        schema = openai_schema(request.response_model).openai_schema
        body: dict[str, Any] = {
            "model": self._settings.model,
            "messages": request.messages,
            "tools": [{"type": "function", "function": schema}],
            "tool_choice": {"type": "function", "function": {"name": schema["name"]}},
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

    def submit(self, lines: list[dict[str, Any]]) -> BatchJob:
        """Upload the requests and create the batch."""
        payload = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
        try:
            uploaded = self._client.files.create(
                file=("rumourx-requests.jsonl", payload.encode("utf-8")), purpose="batch"
            )
            batch = self._client.batches.create(
                input_file_id=uploaded.id,
                endpoint="/v1/chat/completions",
                completion_window="24h",
                metadata={"created_by": "rumourx"},
            )
        except openai.APIError as exc:
            raise ProviderError(f"could not submit the batch: {exc}") from exc
        return BatchJob(batch.id, batch.status)

    def retrieve(self, batch_id: str) -> BatchJob:
        """The batch's current status and files."""
        try:
            batch = self._client.batches.retrieve(batch_id)
        except openai.APIError as exc:
            raise ProviderError(f"could not read batch {batch_id}: {exc}") from exc
        return BatchJob(batch.id, batch.status, batch.output_file_id, batch.error_file_id)

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
            if job.status in _FINAL:
                return job
            sleep(poll_interval)

    def results(self, job: BatchJob) -> dict[str, dict[str, Any]]:
        """Each request's result line, by custom id (answers and per-request errors)."""
        found: dict[str, dict[str, Any]] = {}
        for file_id in (job.output_file_id, job.error_file_id):
            if not file_id:
                continue
            try:
                text = self._client.files.content(file_id).text
            except openai.APIError as exc:
                raise ProviderError(f"could not download batch results {file_id}: {exc}") from exc
            for line in text.splitlines():
                if line.strip():
                    row = json.loads(line)
                    found[str(row.get("custom_id"))] = row
        return found

    @staticmethod
    def parse(row: dict[str, Any] | None, request: ModelRequest[Any]) -> ModelResponse[Any]:
        """Validate one result line as the request's response model.

        Raises:
            ProviderError: The request failed at the provider.
            ExtractionError: The answer does not validate.
        """
        if row is None:
            raise ProviderError("the batch returned no result for this request")
        response = row.get("response") or {}
        if row.get("error") or response.get("status_code", 200) != 200:
            detail = row.get("error") or response.get("body")
            raise ProviderError(f"the request failed in the batch: {detail}")
        body = response.get("body") or {}
        raw_usage = body.get("usage") or {}
        usage = Usage(
            prompt_tokens=int(raw_usage.get("prompt_tokens", 0)),
            completion_tokens=int(raw_usage.get("completion_tokens", 0)),
            calls=1,
        )
        try:
            message = body["choices"][0]["message"]
            calls = message.get("tool_calls") or []
            arguments = calls[0]["function"]["arguments"] if calls else message.get("content") or ""
        except (KeyError, IndexError, TypeError) as exc:
            raise ExtractionError(
                "the batch answer has no message", usage=usage, attempts=1
            ) from exc
        model: type[BaseModel] = request.response_model
        try:
            output = model.model_validate_json(arguments, context=request.context)
        except (ValidationError, ValueError) as exc:
            raise ExtractionError(
                f"the batch answer did not validate: {str(exc)[:300]}",
                raw_output=str(arguments),
                attempts=1,
                usage=usage,
            ) from exc
        return ModelResponse(output=output, usage=usage)
