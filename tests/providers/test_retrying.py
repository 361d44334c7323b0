import asyncio

import httpx2
import openai
import pytest

from rumourx.providers.retrying import (
    MalformedResponseError,
    RetryPolicy,
    is_transient,
    retry_after_seconds,
)
from rumourx.providers.turns import Turn, Turns, use_turn


def _status_error(code: int, headers: dict[str, str] | None = None) -> openai.APIStatusError:
    request = httpx2.Request("POST", "http://x/v1/chat/completions")
    response = httpx2.Response(code, headers=headers or {}, request=request)
    return openai.APIStatusError("boom", response=response, body=None)


def test_which_failures_are_transient() -> None:
    assert is_transient(_status_error(429)) and is_transient(_status_error(503))
    assert is_transient(_status_error(408))
    assert not is_transient(_status_error(400)) and not is_transient(_status_error(401))
    assert not is_transient(ValueError("x"))


def test_retry_after_headers_are_read() -> None:
    assert retry_after_seconds(_status_error(429, {"retry-after-ms": "250"})) == 0.25
    assert retry_after_seconds(_status_error(429, {"retry-after": "7"})) == 7.0
    assert retry_after_seconds(_status_error(429)) is None
    assert retry_after_seconds(ValueError()) is None


def test_the_total_time_budget_stops_the_loop_before_a_long_wait() -> None:
    calls: list[int] = []
    sleeps: list[float] = []

    def always_429() -> None:
        calls.append(1)
        raise _status_error(429, {"retry-after": "20"})

    policy = RetryPolicy(max_attempts=10, max_seconds=5, max_wait=30, sleep=sleeps.append)
    with pytest.raises(openai.APIStatusError):
        policy.call(always_429)
    assert len(calls) == 1
    assert sleeps == []


def test_backoff_grows_and_is_capped() -> None:
    sleeps: list[float] = []
    policy = RetryPolicy(
        max_attempts=5, max_seconds=1000, initial_wait=1, max_wait=4, sleep=sleeps.append
    )

    def fail() -> None:
        raise _status_error(500)

    with pytest.raises(openai.APIStatusError):
        policy.call(fail)
    assert len(sleeps) == 4
    assert all(0 < s <= 4 for s in sleeps)


def test_in_a_batch_a_back_off_never_holds_the_turn() -> None:
    held_while_sleeping: list[bool] = []

    async def scenario() -> str:
        turn = Turn(Turns())
        use_turn(turn)
        await turn.take()

        async def sleep(seconds: float) -> None:
            held_while_sleeping.append(turn.held)

        attempts = iter([MalformedResponseError("half a body"), None])

        async def attempt() -> str:
            error = next(attempts)
            if error is not None:
                raise error  # raised after the answer came, with the turn back in hand
            return "answer"

        return await RetryPolicy(max_attempts=2, asleep=sleep).acall(attempt)

    assert asyncio.run(scenario()) == "answer"
    assert held_while_sleeping == [False]
