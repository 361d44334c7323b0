"""Structured output from any OpenAI-compatible endpoint, through instructor.

Works with OpenAI, Azure OpenAI, Ollama, vLLM, llama.cpp's server and LiteLLM.
The openai client's own retries are switched off: transient failures are retried by
one :class:`~rumourx.providers.retrying.RetryPolicy` around each HTTP request, and
invalid output is re-asked by instructor at most ``Settings.max_reasks`` times, so
the two layers never multiply beyond ``max_attempts * (max_reasks + 1)`` requests.
"""

from __future__ import annotations

import asyncio
import contextvars
import json
import logging
from dataclasses import dataclass, field
from typing import Any, TypeVar

import instructor
import openai
from instructor.core.exceptions import IncompleteOutputException, InstructorRetryException
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

__all__ = ["OpenAICompatibleModel"]

T = TypeVar("T", bound=BaseModel)

_MODES = {
    "tools": instructor.Mode.TOOLS,
    "json_schema": instructor.Mode.JSON_SCHEMA,
    "json_object": instructor.Mode.JSON,
}


@dataclass
class _Meter:
    """Counts HTTP requests and tokens for one structured call."""

    calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    last_status: int | None = None
    raw: list[str] = field(default_factory=list)

    def record(self, response: Any) -> None:
        usage = getattr(response, "usage", None)
        if usage is not None:
            self.prompt_tokens += int(getattr(usage, "prompt_tokens", 0) or 0)
            self.completion_tokens += int(getattr(usage, "completion_tokens", 0) or 0)
        self.raw.append(_raw_text(response))

    def usage(self) -> Usage:
        return Usage(
            prompt_tokens=self.prompt_tokens,
            completion_tokens=self.completion_tokens,
            calls=self.calls,
        )


_METER: contextvars.ContextVar[_Meter] = contextvars.ContextVar("rumourx_meter")

# instructor logs every failed attempt at ERROR; rumourx reports the outcome itself
# (an exception, or a warning on the report). Records still reach handlers the
# application configures; only Python's last-resort printing to stderr is avoided.
logging.getLogger("instructor").addHandler(logging.NullHandler())


def _raw_text(response: Any) -> str:
    try:
        message = response.choices[0].message
    except (AttributeError, IndexError, TypeError):
        return ""
    calls = getattr(message, "tool_calls", None) or []
    if calls:
        return str(calls[0].function.arguments or "")
    return str(getattr(message, "content", "") or "")


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
        mode = _MODES[settings.output_mode]
        self._create = instructor.patch(create=self._raw_create, mode=mode)
        self._acreate = instructor.patch(create=self._raw_acreate, mode=mode)

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
            self._async_client = openai.AsyncOpenAI(**self._client_options())
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

    def _budget(self, kwargs: dict[str, Any]) -> int:
        prompt = sum(len(str(m.get("content") or "")) for m in kwargs.get("messages", []))
        return prompt // 4 + int(kwargs.get("max_tokens") or 0)

    def _outcome(self, meter: _Meter, response: Any = None, error: Exception | None = None) -> None:
        if error is None:
            meter.record(response)
            self._limiter.succeeded()
        elif isinstance(error, openai.RateLimitError):
            asked = retry_after_seconds(error)
            pause = None if asked is None else min(asked, self._policy.max_wait)
            self._limiter.rate_limited(pause)

    def _raw_create(self, **kwargs: Any) -> Any:
        meter = _METER.get()

        def attempt() -> Any:
            self._limiter.acquire(self._budget(kwargs))
            meter.calls += 1
            try:
                response = self._sync().chat.completions.create(**kwargs)
            except (json.JSONDecodeError, openai.APIResponseValidationError) as exc:
                raise MalformedResponseError(f"malformed response body: {exc}") from exc
            except Exception as exc:
                self._outcome(meter, error=exc)
                raise
            self._outcome(meter, response)
            return response

        return self._policy.call(attempt)

    async def _raw_acreate(self, **kwargs: Any) -> Any:
        meter = _METER.get()

        async def attempt() -> Any:
            await self._limiter.aacquire(self._budget(kwargs))
            meter.calls += 1
            try:
                response = await self._async().chat.completions.create(**kwargs)
            except (json.JSONDecodeError, openai.APIResponseValidationError) as exc:
                raise MalformedResponseError(f"malformed response body: {exc}") from exc
            except Exception as exc:
                self._outcome(meter, error=exc)
                raise
            self._outcome(meter, response)
            return response

        return await self._policy.acall(attempt)

    def _arguments(self, request: ModelRequest[T]) -> dict[str, Any]:
        arguments: dict[str, Any] = {
            "model": self._settings.model,
            "messages": request.messages,
            "response_model": request.response_model,
            "context": request.context,
            "max_retries": self._settings.max_reasks,
            "temperature": self._settings.temperature,
            "max_tokens": self._settings.max_output_tokens,
        }
        if self._settings.extra_body:
            arguments["extra_body"] = dict(self._settings.extra_body)
        return arguments

    def complete(self, request: ModelRequest[T]) -> ModelResponse[T]:
        """Ask for a validated ``request.response_model``; see the protocol."""
        meter = _Meter()
        token = _METER.set(meter)
        try:
            output = self._create(**self._arguments(request))
        except Exception as exc:
            raise self._translate(exc, meter) from exc
        finally:
            _METER.reset(token)
        return ModelResponse(output=output, usage=meter.usage())

    async def acomplete(self, request: ModelRequest[T]) -> ModelResponse[T]:
        """Async twin of :meth:`complete`."""
        meter = _Meter()
        token = _METER.set(meter)
        try:
            output = await self._acreate(**self._arguments(request))
        except Exception as exc:
            raise self._translate(exc, meter) from exc
        finally:
            _METER.reset(token)
        return ModelResponse(output=output, usage=meter.usage())

    def _translate(self, exc: Exception, meter: _Meter) -> Exception:
        key = self._settings.api_key
        secret = key.get_secret_value() if key is not None else None
        cause: BaseException = exc
        if isinstance(exc, InstructorRetryException) and isinstance(
            exc.__cause__, (openai.APIError, MalformedResponseError)
        ):
            cause = exc.__cause__
        if isinstance(cause, MalformedResponseError):
            return ProviderError(
                f"model endpoint sent a malformed response after {meter.calls} attempt(s)",
                attempts=meter.calls,
            )
        if isinstance(cause, openai.APITimeoutError):
            return ProviderTimeoutError(
                f"model endpoint timed out after {meter.calls} attempt(s)", attempts=meter.calls
            )
        if isinstance(cause, openai.APIStatusError):
            detail = _one_line(_redact(str(cause.message), secret))
            return ProviderError(
                f"model endpoint answered HTTP {cause.status_code} after "
                f"{meter.calls} attempt(s): {detail}",
                status_code=cause.status_code,
                attempts=meter.calls,
            )
        if isinstance(cause, openai.APIConnectionError):
            return ProviderError(
                f"could not reach the model endpoint after {meter.calls} attempt(s)",
                attempts=meter.calls,
            )
        if isinstance(exc, (InstructorRetryException, IncompleteOutputException)):
            cut = isinstance(exc, IncompleteOutputException) or isinstance(
                exc.__cause__, IncompleteOutputException
            )
            reason = (
                "output was cut off (finish_reason length)" if cut else "output never validated"
            )
            last = exc.__cause__ if exc.__cause__ is not None else exc
            detail = _one_line(_redact(str(last), secret))
            return ExtractionError(
                f"model {reason} after {meter.calls} call(s): {detail}",
                raw_output=meter.raw[-1] if meter.raw else "",
                attempts=meter.calls,
                usage=meter.usage(),
            )
        return ExtractionError(
            f"model call failed: {type(exc).__name__}: {_one_line(_redact(str(exc), secret))}",
            raw_output=meter.raw[-1] if meter.raw else "",
            attempts=meter.calls,
            usage=meter.usage(),
        )
