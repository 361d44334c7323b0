"""Structured output from any OpenAI-compatible endpoint.

Works with OpenAI, Azure OpenAI, Ollama, vLLM, llama.cpp's server and LiteLLM.
Each response model's tool definition (or response format) is built once per
process by :mod:`rumourx.providers.wire`, with instructor's schema generator; each
answer is validated by pydantic with the request's validation context, and an
invalid answer is sent back with the validation error (instructor's re-ask format)
at most ``Settings.max_reasks`` times. Requests go out through the openai client's
``post``, which keeps its auth, timeouts and typed errors but skips re-validating a
request we built and re-building a response we only read.

The openai client's own retries are switched off: transient failures are retried by
one :class:`~rumourx.providers.retrying.RetryPolicy` around each HTTP request, sync
and async alike, so the two layers never multiply beyond
``max_attempts * (max_reasks + 1)`` requests.
"""

from __future__ import annotations

import asyncio
import functools
import json
import logging
import ssl
from collections.abc import Generator
from dataclasses import dataclass, field
from typing import Any, TypeVar, cast

import httpx2
import openai
from pydantic import BaseModel

from rumourx.core.errors import (
    ConfigurationError,
    ExtractionError,
    ProviderError,
    ProviderTimeoutError,
)
from rumourx.core.model import ModelRequest, ModelResponse
from rumourx.core.settings import Settings
from rumourx.core.types import Usage
from rumourx.providers.ratelimit import RateLimiter
from rumourx.providers.retrying import (
    MalformedResponseError,
    RetryPolicy,
    retry_after_seconds,
)
from rumourx.providers.turns import lending, lent, pass_turn
from rumourx.providers.wire import AnswerError, Completion, WireFormat, answer_text, wire_format

__all__ = ["OpenAICompatibleModel"]

T = TypeVar("T", bound=BaseModel)

_PATH = "/chat/completions"

logger = logging.getLogger("rumourx")


@dataclass
class _Meter:
    """Counts HTTP requests and tokens for one structured call."""

    calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    raw: list[str] = field(default_factory=list)

    def record(self, completion: Completion) -> None:
        usage = completion.get("usage")
        if isinstance(usage, dict):
            self.prompt_tokens += int(usage.get("prompt_tokens") or 0)
            self.completion_tokens += int(usage.get("completion_tokens") or 0)
        self.raw.append(answer_text(completion))

    def usage(self) -> Usage:
        return Usage(
            prompt_tokens=self.prompt_tokens,
            completion_tokens=self.completion_tokens,
            calls=self.calls,
        )


def _completion(raw: bytes) -> Completion:
    """The JSON body of a 2xx answer, which must be a chat completion."""
    try:
        completion = json.loads(raw)
    except ValueError as exc:
        raise MalformedResponseError(f"malformed response body: {exc}") from exc
    if not isinstance(completion, dict) or not isinstance(completion.get("choices"), list):
        raise MalformedResponseError("malformed response body: not a chat completion")
    return completion


#: httpx trace events after which the turn is given up: the request is written, or a
#: new connection is being opened (a TLS handshake with a remote endpoint takes a
#: round trip or two, and the other articles must not wait for it).
_WRITTEN = (
    "connect_tcp.started",
    "connect_unix_socket.started",
    "send_request_body.complete",
    "receive_response_headers.started",
)


async def _lend_once_written(request: httpx2.Request) -> None:
    """Request hook: in a batch, give up the turn as soon as the request is on its way."""
    if not lending():
        return
    previous = request.extensions.get("trace")

    async def trace(event: str, info: dict[str, Any]) -> None:
        if event.endswith(_WRITTEN):
            pass_turn()
        if previous is not None:
            await previous(event, info)

    request.extensions["trace"] = trace


@functools.cache
def _tls_context() -> ssl.SSLContext:
    """The TLS settings httpx would build for every new client (about 30 ms each), once."""
    return httpx2.create_ssl_context()


def _one_line(text: str, limit: int = 300) -> str:
    """Collapse a multi-line message (a pydantic error report) into one short line."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 3] + "..."


def _redact(text: str, secret: str | None) -> str:
    if secret and len(secret) >= 4:
        text = text.replace(secret, "***")
    return text


class OpenAICompatibleModel:
    """A :class:`~rumourx.core.model.StructuredModel` over the openai client.

    Args:
        settings: Resolved settings (model, endpoint, key, limits).
        client: An ``openai.OpenAI`` to use instead of building one.
        async_client: An ``openai.AsyncOpenAI`` to use instead of building one.
        retry: The retry policy; by default one built from the settings.
        limiter: The rate limiter; by default one built from the settings. Every
            request of every concurrent extraction through this model shares it.
    """

    #: Lends a batch's turn out itself while it waits on the network (see
    #: :mod:`rumourx.providers.turns`), so it parses answers in arrival order.
    lends_turn = True

    def __init__(
        self,
        settings: Settings,
        *,
        client: openai.OpenAI | None = None,
        async_client: openai.AsyncOpenAI | None = None,
        retry: RetryPolicy | None = None,
        limiter: RateLimiter | None = None,
    ) -> None:
        if settings.model is None:
            raise ConfigurationError("no model name: call Settings.resolved() first")
        self._settings = settings
        self._policy = retry or RetryPolicy(
            max_attempts=settings.max_attempts, max_seconds=settings.max_retry_seconds
        )
        self._limiter = limiter or RateLimiter(
            settings.requests_per_minute, settings.tokens_per_minute
        )
        self._client = client
        self._async_client = async_client
        self._owns_async = async_client is None
        self._async_loop: asyncio.AbstractEventLoop | None = None

    @property
    def name(self) -> str:
        """The model name sent to the endpoint."""
        return str(self._settings.model)

    def _client_options(self) -> dict[str, Any]:
        key = self._settings.api_key
        return {
            "api_key": key.get_secret_value() if key is not None else "unused",
            "base_url": self._settings.base_url,
            "timeout": self._settings.timeout,
            "max_retries": 0,
        }

    def _sync(self) -> openai.OpenAI:
        if self._client is None:
            self._client = openai.OpenAI(**self._client_options())
        return self._client

    def _async(self) -> openai.AsyncOpenAI:
        # An async client belongs to the event loop it first ran on: each batch run
        # (a new loop) gets its own, closed again by :meth:`aclose`.
        loop = asyncio.get_running_loop()
        if self._async_client is None or (self._owns_async and self._async_loop is not loop):
            hooks = {"request": [_lend_once_written]}
            http = openai.DefaultAsyncHttpxClient(event_hooks=hooks, verify=_tls_context())
            self._async_client = openai.AsyncOpenAI(**self._client_options(), http_client=http)
            self._async_loop = loop
            self._owns_async = True
        return self._async_client

    async def aclose(self) -> None:
        """Close the async client this model opened on the running loop, if any."""
        client, self._async_client = self._async_client, None
        if client is not None and self._owns_async:
            await client.close()
        elif client is not None:
            self._async_client = client

    @property
    def limiter(self) -> RateLimiter:
        """The rate limiter every request through this model shares."""
        return self._limiter

    def _budget(self, body: dict[str, Any]) -> int:
        prompt = sum(len(str(m.get("content") or "")) for m in body.get("messages", []))
        return prompt // 4 + int(body.get("max_tokens") or 0)

    def _outcome(
        self, meter: _Meter, completion: Any = None, error: Exception | None = None
    ) -> None:
        if error is None:
            meter.record(completion)
            self._limiter.succeeded()
        elif isinstance(error, openai.RateLimitError):
            asked = retry_after_seconds(error)
            pause = None if asked is None else min(asked, self._policy.max_wait)
            self._limiter.rate_limited(pause)

    def _send(self, body: dict[str, Any], meter: _Meter) -> Completion:
        """One HTTP request, retried by the policy; the completion as the endpoint sent it."""

        def attempt() -> Completion:
            self._limiter.acquire(self._budget(body))
            meter.calls += 1
            try:
                raw = self._sync().post(_PATH, cast_to=bytes, body=body)
            except Exception as exc:
                self._outcome(meter, error=exc)
                raise
            completion = _completion(raw)
            self._outcome(meter, completion)
            return completion

        return self._policy.call(attempt)

    async def _asend(self, body: dict[str, Any], meter: _Meter) -> Completion:
        """Async twin of :meth:`_send`, under the same retry policy."""

        async def attempt() -> Completion:
            await self._limiter.aacquire(self._budget(body))
            meter.calls += 1
            try:
                raw = await self._async().post(_PATH, cast_to=bytes, body=body)
            except Exception as exc:
                self._outcome(meter, error=exc)
                pass_turn()  # not written, perhaps: never hold a turn through a back-off
                raise
            completion = _completion(raw)
            self._outcome(meter, completion)
            return completion

        return await self._policy.acall(attempt)

    def _conversation(self, request: ModelRequest[T]) -> Generator[dict[str, Any], Completion, T]:
        """Yield request bodies, receive completions; re-ask invalid answers; return the output.

        At most ``max_reasks + 1`` answers are read. The same generator serves
        :meth:`complete` and :meth:`acomplete`, so the two can never drift apart.

        Raises:
            AnswerError: The last answer was cut off, refused or never validated.
        """
        wire = wire_format(request.response_model, self._settings.output_mode)
        messages = wire.messages(request.messages)
        base = self._base_body(wire)
        for asked in range(self._settings.max_reasks + 1):
            completion = yield {**base, "messages": messages}
            try:
                return cast(T, wire.read(completion, request.context))
            except AnswerError as exc:
                if exc.kind != "invalid" or asked == self._settings.max_reasks:
                    raise
                logger.debug("rumourx: re-asking %s after: %s", wire.name, _one_line(str(exc)))
                messages = [*messages, *wire.reask(completion, exc)]
        raise AssertionError("unreachable")  # pragma: no cover

    def _base_body(self, wire: WireFormat) -> dict[str, Any]:
        body: dict[str, Any] = {
            "model": self._settings.model,
            "temperature": self._settings.temperature,
            "max_tokens": self._settings.max_output_tokens,
            **wire.fields,
        }
        body.update(self._settings.extra_body)
        return body

    def complete(self, request: ModelRequest[T]) -> ModelResponse[T]:
        """Ask for a validated ``request.response_model``; see the protocol."""
        meter = _Meter()
        conversation = self._conversation(request)
        try:
            body = next(conversation)
            while True:
                body = conversation.send(self._send(body, meter))
        except StopIteration as done:
            return ModelResponse(output=done.value, usage=meter.usage())
        except Exception as exc:
            raise self._translate(exc, meter) from exc

    async def acomplete(self, request: ModelRequest[T]) -> ModelResponse[T]:
        """Async twin of :meth:`complete`."""
        meter = _Meter()
        conversation = self._conversation(request)
        try:
            body = next(conversation)
            while True:
                # In a batch, the others work while we wait; our own client says
                # when the request is written, so it goes out before their work.
                async with lent(once_sent=self._owns_async):
                    completion = await self._asend(body, meter)
                body = conversation.send(completion)
        except StopIteration as done:
            return ModelResponse(output=done.value, usage=meter.usage())
        except Exception as exc:
            raise self._translate(exc, meter) from exc

    def _translate(self, exc: Exception, meter: _Meter) -> Exception:
        key = self._settings.api_key
        secret = key.get_secret_value() if key is not None else None
        if isinstance(exc, MalformedResponseError):
            return ProviderError(
                f"model endpoint sent a malformed response after {meter.calls} attempt(s)",
                attempts=meter.calls,
            )
        if isinstance(exc, openai.APITimeoutError):
            return ProviderTimeoutError(
                f"model endpoint timed out after {meter.calls} attempt(s)", attempts=meter.calls
            )
        if isinstance(exc, openai.APIStatusError):
            detail = _one_line(_redact(str(exc.message), secret))
            return ProviderError(
                f"model endpoint answered HTTP {exc.status_code} after "
                f"{meter.calls} attempt(s): {detail}",
                status_code=exc.status_code,
                attempts=meter.calls,
            )
        if isinstance(exc, openai.APIConnectionError):
            return ProviderError(
                f"could not reach the model endpoint after {meter.calls} attempt(s)",
                attempts=meter.calls,
            )
        raw = meter.raw[-1] if meter.raw else ""
        if isinstance(exc, AnswerError):
            reason = {
                "invalid": "output never validated",
                "cut_off": "output was cut off",
                "refused": "refused to answer",
            }[exc.kind]
            detail = _one_line(_redact(str(exc), secret))
            return ExtractionError(
                f"model {reason} after {meter.calls} call(s): {detail}",
                raw_output=raw,
                attempts=meter.calls,
                usage=meter.usage(),
            )
        return ExtractionError(
            f"model call failed: {type(exc).__name__}: {_one_line(_redact(str(exc), secret))}",
            raw_output=raw,
            attempts=meter.calls,
            usage=meter.usage(),
        )
