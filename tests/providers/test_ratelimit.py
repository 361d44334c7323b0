import asyncio
import threading

import pytest

from rumourx.providers.ratelimit import RateLimiter


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_the_request_budget_holds_and_refills() -> None:
    clock = Clock()
    limiter = RateLimiter(requests_per_minute=60, clock=clock)
    for _ in range(60):
        assert limiter._reserve(0) == 0.0
    wait = limiter._reserve(0)
    assert wait == pytest.approx(1.0)
    clock.now += wait
    assert limiter._reserve(0) == 0.0


def test_the_token_budget_holds() -> None:
    clock = Clock()
    limiter = RateLimiter(tokens_per_minute=1000, clock=clock)
    assert limiter._reserve(800) == 0.0
    assert limiter._reserve(400) == pytest.approx(12.0)  # 200 missing at 1000/min


def test_a_429_pauses_everyone_and_halves_the_rate_then_recovers() -> None:
    clock = Clock()
    limiter = RateLimiter(requests_per_minute=60, clock=clock)
    limiter.rate_limited(retry_after=5)
    assert limiter._reserve(0) == pytest.approx(5.0)
    assert limiter.slowdown == 0.5
    for _ in range(10):
        limiter.succeeded()
    assert limiter.slowdown == 1.0


def test_without_limits_only_a_429_pause_waits() -> None:
    clock = Clock()
    limiter = RateLimiter(clock=clock)
    assert limiter._reserve(10**9) == 0.0
    limiter.rate_limited(retry_after=None)
    assert limiter._reserve(0) == pytest.approx(1.0)


def test_concurrent_threads_and_tasks_never_exceed_the_budget() -> None:
    limiter = RateLimiter(requests_per_minute=600)  # 10 a second, 600 at once in the bucket
    limiter._buckets["requests"].level = 5  # start nearly empty
    granted: list[float] = []
    lock = threading.Lock()

    def take() -> None:
        limiter.acquire()
        with lock:
            granted.append(limiter.clock())

    async def atake() -> None:
        await limiter.aacquire()
        granted.append(limiter.clock())

    threads = [threading.Thread(target=take) for _ in range(5)]
    for thread in threads:
        thread.start()

    async def tasks() -> None:
        await asyncio.gather(*(atake() for _ in range(5)))

    asyncio.run(tasks())
    for thread in threads:
        thread.join()
    assert len(granted) == 10
    span = max(granted) - min(granted)
    assert span >= 0.4  # 5 were in the bucket; 5 more at 10/s take about 0.5 s


def test_bad_limits_are_refused() -> None:
    with pytest.raises(ValueError):
        RateLimiter(requests_per_minute=0)
