"""An in-process OpenAI-compatible endpoint for provider tests (httpx2 MockTransport)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx2
import openai

from rumourx import Settings
from rumourx.providers.openai_compat import OpenAICompatibleModel
from rumourx.providers.ratelimit import RateLimiter
from rumourx.providers.retrying import RetryPolicy

from ..completions import tool_call_completion

Reply = Callable[[httpx2.Request, dict[str, Any]], httpx2.Response]


class FakeEndpoint:
    """Answers each request from a script of callables; records what it saw."""

    def __init__(self, *replies: Reply) -> None:
        self.replies = list(replies)
        self.requests: list[httpx2.Request] = []

    def __call__(self, request: httpx2.Request) -> httpx2.Response:
        self.requests.append(request)
        body = json.loads(request.content or b"{}")
        reply = self.replies[min(len(self.requests), len(self.replies)) - 1]
        return reply(request, body)


def ok(arguments: Any, **kwargs: Any) -> Reply:
    return lambda request, body: httpx2.Response(200, json=tool_call_completion(body, arguments, **kwargs))


def status(code: int, headers: dict[str, str] | None = None) -> Reply:
    return lambda request, body: httpx2.Response(
        code, headers=headers or {}, json={"error": {"message": f"status {code}"}}
    )


def timeout() -> Reply:
    def raise_timeout(request: httpx2.Request, body: dict[str, Any]) -> httpx2.Response:
        raise httpx2.ReadTimeout("too slow", request=request)

    return raise_timeout


def dropped() -> Reply:
    def drop(request: httpx2.Request, body: dict[str, Any]) -> httpx2.Response:
        raise httpx2.RemoteProtocolError("server disconnected", request=request)

    return drop


def model_for(
    endpoint: FakeEndpoint, *, sleeps: list[float] | None = None, **settings: Any
) -> OpenAICompatibleModel:
    resolved = Settings(
        api_key="sk-test-secret-0123456789abcdef",
        base_url="http://fake.test/v1",
        model="fake-model",
        **settings,
    ).resolved({})
    client = openai.OpenAI(
        api_key="sk-test-secret-0123456789abcdef",
        base_url="http://fake.test/v1",
        max_retries=0,
        http_client=httpx2.Client(transport=httpx2.MockTransport(endpoint)),
    )

    async def fake_async(request: httpx2.Request) -> httpx2.Response:
        return endpoint(request)

    async_client = openai.AsyncOpenAI(
        api_key="sk-test-secret-0123456789abcdef",
        base_url="http://fake.test/v1",
        max_retries=0,
        http_client=httpx2.AsyncClient(transport=httpx2.MockTransport(fake_async)),
    )
    waits = sleeps if sleeps is not None else []

    async def asleep(seconds: float) -> None:
        waits.append(seconds)

    policy = RetryPolicy(
        max_attempts=resolved.max_attempts,
        max_seconds=resolved.max_retry_seconds,
        sleep=waits.append,
        asleep=asleep,
    )
    clock = FakeClock()
    limiter = RateLimiter(
        resolved.requests_per_minute,
        resolved.tokens_per_minute,
        clock=clock,
        sleep=clock.advance,
        asleep=clock.aadvance,
    )
    return OpenAICompatibleModel(
        resolved, client=client, async_client=async_client, retry=policy, limiter=limiter
    )


class FakeClock:
    """A clock that moves only when something sleeps on it."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds

    async def aadvance(self, seconds: float) -> None:
        self.advance(seconds)
