import asyncio

import pytest
from pydantic import BaseModel

from rumourx import ExtractionError, ModelRequest, ProviderError, ProviderTimeoutError

from .fakes import FakeEndpoint, dropped, model_for, ok, status, timeout


class Answer(BaseModel):
    player: str


REQUEST = ModelRequest(messages=[{"role": "user", "content": "Who?"}], response_model=Answer)


def test_a_valid_answer_comes_back_with_its_usage() -> None:
    endpoint = FakeEndpoint(ok({"player": "Sergio Ramos"}, usage=(120, 30)))
    response = model_for(endpoint).complete(REQUEST)
    assert response.output.player == "Sergio Ramos"
    assert (
        response.usage.prompt_tokens,
        response.usage.completion_tokens,
        response.usage.calls,
    ) == (120, 30, 1)
    sent = endpoint.requests[0]
    assert sent.url.path == "/v1/chat/completions"


def test_429_honours_retry_after_then_succeeds() -> None:
    sleeps: list[float] = []
    endpoint = FakeEndpoint(
        status(429, {"retry-after": "3"}),
        status(429, {"retry-after-ms": "1500"}),
        ok({"player": "X Y"}),
    )
    response = model_for(endpoint, sleeps=sleeps).complete(REQUEST)
    assert response.output.player == "X Y"
    assert sleeps == [3.0, 1.5]
    assert response.usage.calls == 3


@pytest.mark.parametrize("failure", [status(500), status(503), timeout(), dropped()])
def test_transient_failures_are_retried(failure) -> None:
    endpoint = FakeEndpoint(failure, ok({"player": "X Y"}))
    assert model_for(endpoint).complete(REQUEST).output.player == "X Y"
    assert len(endpoint.requests) == 2


def test_a_server_that_always_fails_is_tried_a_bounded_number_of_times() -> None:
    endpoint = FakeEndpoint(status(500))
    with pytest.raises(ProviderError) as caught:
        model_for(endpoint, max_attempts=3).complete(REQUEST)
    assert caught.value.status_code == 500
    assert caught.value.attempts == 3
    assert len(endpoint.requests) == 3


def test_timeouts_raise_a_typed_error() -> None:
    endpoint = FakeEndpoint(timeout())
    with pytest.raises(ProviderTimeoutError, match="timed out"):
        model_for(endpoint, max_attempts=2).complete(REQUEST)
    assert len(endpoint.requests) == 2


def test_a_bad_key_is_not_retried_and_never_shown() -> None:
    endpoint = FakeEndpoint(status(401))
    with pytest.raises(ProviderError) as caught:
        model_for(endpoint).complete(REQUEST)
    assert len(endpoint.requests) == 1
    assert "sk-test-secret" not in str(caught.value)
    assert "sk-test-secret" not in repr(caught.value)


def test_malformed_output_is_re_asked_then_fails_with_raw_output_attempts_and_usage() -> None:
    endpoint = FakeEndpoint(ok("{not json", usage=(50, 5)), ok({"nobody": 1}, usage=(60, 6)))
    with pytest.raises(ExtractionError) as caught:
        model_for(endpoint, max_reasks=1).complete(REQUEST)
    error = caught.value
    assert error.attempts == 2
    assert error.usage is not None and (error.usage.prompt_tokens, error.usage.calls) == (110, 2)
    assert "nobody" in error.raw_output
    assert isinstance(error.__cause__, Exception)


def test_an_invalid_answer_is_corrected_by_a_re_ask_and_usage_sums_every_call() -> None:
    endpoint = FakeEndpoint(
        ok({"nobody": 1}, usage=(50, 5)), ok({"player": "Sergio Ramos"}, usage=(70, 7))
    )
    response = model_for(endpoint, max_reasks=1).complete(REQUEST)
    assert response.output.player == "Sergio Ramos"
    assert (
        response.usage.prompt_tokens,
        response.usage.completion_tokens,
        response.usage.calls,
    ) == (120, 12, 2)


def test_truncated_output_is_an_extraction_error() -> None:
    endpoint = FakeEndpoint(ok('{"player": "Ser', finish_reason="length"))
    with pytest.raises(ExtractionError):
        model_for(endpoint, max_reasks=0).complete(REQUEST)


def test_the_async_path_shares_the_retry_policy() -> None:
    sleeps: list[float] = []
    endpoint = FakeEndpoint(status(429, {"retry-after": "2"}), ok({"player": "X Y"}))
    model = model_for(endpoint, sleeps=sleeps)
    response = asyncio.run(model.acomplete(REQUEST))
    assert response.output.player == "X Y"
    assert sleeps == [2.0]
    assert response.usage.calls == 2


def test_retries_and_re_asks_never_multiply_past_their_product() -> None:
    endpoint = FakeEndpoint(status(500))
    with pytest.raises(ProviderError):
        model_for(endpoint, max_attempts=3, max_reasks=2).complete(REQUEST)
    assert len(endpoint.requests) == 3


def test_a_429_pauses_the_shared_limiter_for_its_retry_after() -> None:
    endpoint = FakeEndpoint(status(429, {"retry-after": "4"}), ok({"player": "X Y"}))
    model = model_for(endpoint)
    model.complete(REQUEST)
    assert model.limiter.slowdown == 0.55  # halved by the 429, then one success
    assert model.limiter.clock.slept == [4.0]  # type: ignore[attr-defined]


def test_the_request_budget_spaces_calls() -> None:
    endpoint = FakeEndpoint(ok({"player": "X Y"}))
    model = model_for(endpoint, requests_per_minute=60)
    model.limiter._buckets["requests"].level = 1
    for _ in range(3):
        model.complete(REQUEST)
    assert model.limiter.clock.slept == [1.0, 1.0]  # type: ignore[attr-defined]
