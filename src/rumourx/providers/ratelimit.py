"""A shared limiter for requests and tokens per minute that backs off on 429s.

One limiter serves every concurrent extraction of an :class:`~rumourx.Extractor`,
threads and asyncio tasks alike: the arithmetic (how long to wait) is done once,
under a lock, and only the sleeping differs between sync and async callers.

Limits are sliding budgets refilled continuously (a token bucket per minute). When
the endpoint answers 429, everyone pauses for the ``Retry-After`` it asked for and
the configured rates drop by half; each success afterwards recovers 5 % of the
full rate, so a batch slows down when it meets 429s and speeds up again after.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from rumourx.providers.turns import pass_turn

__all__ = ["RateLimiter"]


@dataclass
class _Bucket:
    per_minute: float
    level: float
    updated: float

    def refill(self, now: float, factor: float) -> None:
        rate = self.per_minute * factor / 60.0
        self.level = min(self.per_minute, self.level + (now - self.updated) * rate)
        self.updated = now

    def wait_for(self, amount: float, factor: float) -> float:
        missing = min(amount, self.per_minute) - self.level
        return 0.0 if missing <= 0 else missing / (self.per_minute * factor / 60.0)


@dataclass
class RateLimiter:
    """Requests and tokens per minute, shared across threads and tasks.

    Args:
        requests_per_minute: Request budget, or None for no limit.
        tokens_per_minute: Token budget (prompt plus completion), or None.
        clock: Monotonic clock; with ``sleep`` and ``asleep``, for tests.
    """

    requests_per_minute: float | None = None
    tokens_per_minute: float | None = None
    clock: Callable[[], float] = field(default=time.monotonic, repr=False)
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False)
    asleep: Callable[[float], Awaitable[None]] = field(default=asyncio.sleep, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)
    _buckets: dict[str, _Bucket] = field(default_factory=dict, init=False, repr=False)
    _paused_until: float = field(default=0.0, init=False, repr=False)
    _factor: float = field(default=1.0, init=False, repr=False)

    def __post_init__(self) -> None:
        now = self.clock()
        for name, limit in (
            ("requests", self.requests_per_minute),
            ("tokens", self.tokens_per_minute),
        ):
            if limit is not None:
                if limit <= 0:
                    raise ValueError(f"{name} per minute must be positive")
                self._buckets[name] = _Bucket(float(limit), float(limit), now)

    @property
    def slowdown(self) -> float:
        """Share of the configured rate in force (1.0 until a 429 is met)."""
        return self._factor

    def _reserve(self, tokens: int) -> float:
        """Take the budget for one request if it is there; else say how long to wait."""
        with self._lock:
            now = self.clock()
            wait = max(0.0, self._paused_until - now)
            wanted = {"requests": 1.0, "tokens": float(max(tokens, 0))}
            for name, bucket in self._buckets.items():
                bucket.refill(now, self._factor)
                wait = max(wait, bucket.wait_for(wanted[name], self._factor))
            if wait > 0:
                return wait
            for name, bucket in self._buckets.items():
                bucket.level -= min(wanted[name], bucket.per_minute)
            return 0.0

    def acquire(self, tokens: int = 0) -> None:
        """Block until one request of ``tokens`` tokens fits the budget."""
        while (wait := self._reserve(tokens)) > 0:
            self.sleep(wait)

    async def aacquire(self, tokens: int = 0) -> None:
        """Async twin of :meth:`acquire`."""
        while (wait := self._reserve(tokens)) > 0:
            pass_turn()  # a batch's other articles work while this one waits
            await self.asleep(wait)

    def rate_limited(self, retry_after: float | None) -> None:
        """The endpoint answered 429: pause everyone and halve the rates."""
        with self._lock:
            pause = retry_after if retry_after is not None else 1.0
            self._paused_until = max(self._paused_until, self.clock() + pause)
            self._factor = max(0.05, self._factor / 2)

    def succeeded(self) -> None:
        """A request went through: recover part of the full rate."""
        with self._lock:
            self._factor = min(1.0, self._factor + 0.05)
