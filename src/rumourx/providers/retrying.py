"""One retry policy for transient endpoint failures, sync and async alike.

Retried: 429 (honouring ``retry-after-ms`` and ``Retry-After``), 408, 409, 5xx,
timeouts and dropped connections. Not retried: other 4xx (a bad key stays bad).
Waits back off exponentially with jitter; both the number of attempts and the total
time are bounded, and a wait that would overrun the time budget ends the loop.
"""

from __future__ import annotations

import asyncio
import email.utils
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, TypeVar

import openai
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    Retrying,
    retry_if_exception,
    stop_after_attempt,
    stop_before_delay,
)

from rumourx.providers.turns import pass_turn

__all__ = ["MalformedResponseError", "RetryPolicy", "is_transient", "retry_after_seconds"]

R = TypeVar("R")

_RETRY_STATUS = frozenset({408, 409, 429})


class MalformedResponseError(Exception):
    """The endpoint answered 2xx with a body that is not a chat completion."""


def is_transient(exc: BaseException) -> bool:
    """Whether a failed request is worth repeating."""
    if isinstance(exc, (openai.APIConnectionError, MalformedResponseError)):
        return True  # APIConnectionError includes APITimeoutError
    if isinstance(exc, openai.APIStatusError):
        return exc.status_code in _RETRY_STATUS or exc.status_code >= 500
    return False


def retry_after_seconds(exc: BaseException | None) -> float | None:
    """Seconds the server asked us to wait, from ``retry-after-ms`` or ``Retry-After``."""
    if not isinstance(exc, openai.APIStatusError):
        return None
    headers = exc.response.headers
    millis = headers.get("retry-after-ms")
    if millis:
        try:
            return max(float(millis) / 1000.0, 0.0)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return max(float(value), 0.0)
    except ValueError:
        parsed = email.utils.parsedate_to_datetime(value) if value else None
        if parsed is None:
            return None
        return max(parsed.timestamp() - time.time(), 0.0)


@dataclass(frozen=True)
class RetryPolicy:
    """Bounded retries with backoff for one model call.

    Attributes:
        max_attempts: Total attempts, the first included.
        max_seconds: Total time budget; no attempt starts after it.
        initial_wait: First backoff, in seconds.
        max_wait: Longest single backoff, in seconds.
    """

    max_attempts: int = 3
    max_seconds: float = 40.0
    initial_wait: float = 0.5
    max_wait: float = 20.0
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False, compare=False)
    asleep: Callable[[float], Awaitable[None]] | None = field(
        default=None, repr=False, compare=False
    )

    def _wait(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        asked = retry_after_seconds(exc)
        if asked is not None:
            return min(asked, self.max_wait)
        exponential = self.initial_wait * 2.0 ** max(state.attempt_number - 1, 0)
        return float(min(self.max_wait, exponential + random.uniform(0, self.initial_wait)))

    @cached_property
    def _options(self) -> dict[str, Any]:
        return {
            "stop": stop_after_attempt(self.max_attempts) | stop_before_delay(self.max_seconds),
            "wait": self._wait,
            "retry": retry_if_exception(is_transient),
            "reraise": True,
        }

    def call(self, fn: Callable[..., R], *args: Any, **kwargs: Any) -> R:
        """Call ``fn`` with retries."""
        return Retrying(sleep=self.sleep, **self._options)(fn, *args, **kwargs)

    async def acall(self, fn: Callable[..., Awaitable[R]], *args: Any, **kwargs: Any) -> R:
        """Await ``fn`` with retries."""
        asleep = self.asleep or asyncio.sleep

        async def sleep(seconds: float) -> None:
            pass_turn()  # in a batch, the other articles work through a back-off
            await asleep(seconds)

        return await AsyncRetrying(sleep=sleep, **self._options)(fn, *args, **kwargs)
