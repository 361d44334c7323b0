import asyncio
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from rumourx import Article, ModelRequest, ModelResponse, ProviderError, Settings, Usage
from rumourx.batch.cache import ReportCache
from rumourx.batch.runner import aextract_many, extract_many
from rumourx.extractor import Extractor
from rumourx.testing import FunctionModel

TEXT = "Arsenal have made a £30m bid for Lyon midfielder Houssem Aouar, according to Goal."
ANSWER = {
    "rumours": [
        {"player": "Houssem Aouar", "to_club": "Arsenal", "status": "bid", "evidence": TEXT}
    ]
}
LLM = Settings(strategy="llm", api_key="k", model="m")


def _articles(n: int) -> list[dict[str, Any]]:
    return [{"id": f"a{i}", "text": TEXT, "feed": "wire"} for i in range(n)]


def test_every_input_gets_exactly_one_outcome_even_when_calls_fail() -> None:
    calls = {"n": 0}

    def flaky(request: ModelRequest[Any]) -> Any:
        calls["n"] += 1
        if calls["n"] % 3 == 0:
            return ProviderError("scripted 503", status_code=503, attempts=3)
        return ANSWER

    items: list[Any] = [
        *_articles(60),
        {"id": "a5", "text": TEXT},
        {"text": "no id"},
        {"id": "e", "text": " "},
        42,
    ]
    outcomes = list(
        extract_many(items, extractor=Extractor(LLM, model=FunctionModel(flaky)), concurrency=5)
    )
    assert len(outcomes) == len(items)
    ids = [o.id for o in outcomes]
    assert sorted(i for i in ids if i is not None) == sorted(
        [*(f"a{i}" for i in range(60)), "a5", "e"]
    )
    assert ids.count("a5") == 2
    assert sorted((o.line, o.error.message) for o in outcomes if o.id is None and o.error) == [
        (62, "input has no 'id'"),
        (64, "cannot read an input of type int as an article"),
    ]
    failed = {o.error.type for o in outcomes if o.error}
    assert failed == {"ProviderError", "DuplicateIdError", "InputError"}
    ok = [o for o in outcomes if o.ok]
    assert ok and all(o.report and o.report.rumours[0].to_club == "Arsenal" for o in ok)
    assert all(o.extra == {"feed": "wire"} for o in outcomes if o.id and o.id != "a5" and o.ok)


class SlowModel:
    name = "slow"

    def __init__(self) -> None:
        self.in_flight = 0
        self.peak = 0

    def complete(self, request: ModelRequest[Any]) -> ModelResponse[Any]:
        raise AssertionError("the batch runs async")

    async def acomplete(self, request: ModelRequest[Any]) -> ModelResponse[Any]:
        self.in_flight += 1
        self.peak = max(self.peak, self.in_flight)
        await asyncio.sleep(0.01)
        self.in_flight -= 1
        return ModelResponse(
            request.response_model.model_validate(ANSWER, context=request.context), Usage(calls=1)
        )


def test_concurrency_is_bounded_and_input_is_read_lazily() -> None:
    model = SlowModel()
    pulled = {"n": 0}

    def source() -> Iterator[Article]:
        for i in range(100):
            pulled["n"] += 1
            yield Article(id=str(i), text=TEXT)

    async def first() -> int:
        async for _ in aextract_many(
            source(), extractor=Extractor(LLM, model=model), concurrency=4
        ):
            return pulled["n"]
        return -1

    assert asyncio.run(first()) <= 5
    outcomes = list(extract_many(source(), extractor=Extractor(LLM, model=model), concurrency=4))
    assert len(outcomes) == 100 and model.peak == 4


def test_stopping_early_cancels_cleanly() -> None:
    model = SlowModel()
    stream = extract_many(_articles(50), extractor=Extractor(LLM, model=model), concurrency=3)
    first = next(stream)
    stream.close()
    assert first.ok


def test_the_cache_means_an_identical_request_is_never_paid_twice(tmp_path: Any) -> None:
    calls: list[int] = []

    def answer(request: ModelRequest[Any]) -> Any:
        calls.append(1)
        return ANSWER

    cache = ReportCache(tmp_path)
    extractor = Extractor(LLM, model=FunctionModel(answer))
    distinct = [{"id": f"a{i}", "text": f"{TEXT} Update {i}."} for i in range(3)]
    first = list(extract_many(distinct, extractor=extractor, cache=cache))
    again = list(extract_many(distinct, extractor=extractor, cache=cache))
    assert len(calls) == 3
    assert all(not o.cached for o in first) and all(o.cached for o in again)
    assert [o.report for o in sorted(again, key=lambda o: str(o.id))] == [
        o.report for o in sorted(first, key=lambda o: str(o.id))
    ]
    other = Extractor(LLM.model_copy(update={"temperature": 0.5}), model=FunctionModel(answer))
    list(extract_many(distinct[:1], extractor=other, cache=cache))
    assert len(calls) == 4
    duplicates = [{"id": f"d{i}", "text": TEXT} for i in range(3)]
    list(extract_many(duplicates, extractor=extractor, cache=cache, concurrency=1))
    assert len(calls) == 5, "the same text under three ids is paid for once"


def test_bad_concurrency_is_refused() -> None:
    with pytest.raises(ValueError):
        list(extract_many([], settings=Settings(strategy="rules"), concurrency=0))


class StuckAfter:
    """Answers the first ``answered`` calls; every later call waits until cancelled."""

    name = "stuck"

    def __init__(self, answered: int) -> None:
        self.answered = answered
        self.calls = 0
        self.cancelled = 0
        self.stuck = threading.Event()  # set once a call waits for good

    def complete(self, request: ModelRequest[Any]) -> ModelResponse[Any]:
        raise AssertionError("the batch runs async")

    async def acomplete(self, request: ModelRequest[Any]) -> ModelResponse[Any]:
        self.calls += 1
        if self.calls > self.answered:
            self.stuck.set()
            try:
                await asyncio.Event().wait()
            except asyncio.CancelledError:
                self.cancelled += 1
                raise
        return ModelResponse(
            request.response_model.model_validate(ANSWER, context=request.context), Usage(calls=1)
        )


@pytest.mark.parametrize("concurrency", [1, 4])
def test_breaking_out_early_cancels_the_articles_in_flight_at_once(concurrency: int) -> None:
    model = StuckAfter(answered=3)
    articles = [{"id": f"a{i}", "text": f"{TEXT} Update {i}."} for i in range(10)]
    taken: list[str | None] = []

    def consume() -> None:
        for outcome in extract_many(
            articles, extractor=Extractor(LLM, model=model), concurrency=concurrency
        ):
            taken.append(outcome.id)
            if len(taken) == 3:
                assert model.stuck.wait(60)  # the next article is in flight ...
                break  # ... and its answer never comes: nothing may wait for it

    caller = threading.Thread(target=consume, daemon=True)
    caller.start()
    caller.join(60)  # a hang detector, not a timing bound: the break returns at once
    assert not caller.is_alive(), "leaving the loop waited for an article still in flight"
    assert len(taken) == 3
    assert model.calls > 3 and model.cancelled == model.calls - 3


@pytest.mark.parametrize("concurrency", [1, 4])
def test_an_input_that_fails_midway_still_gives_every_article_read_its_outcome(
    concurrency: int,
) -> None:
    def source() -> Iterator[dict[str, Any]]:
        yield from ({"id": f"a{i}", "text": f"{TEXT} Update {i}."} for i in range(6))
        raise OSError("the input broke")

    async def run_async() -> list[str | None]:
        got: list[str | None] = []
        with pytest.raises(OSError, match="the input broke"):
            async for outcome in aextract_many(
                source(), extractor=Extractor(LLM, model=SlowModel()), concurrency=concurrency
            ):
                got.append(outcome.id)
        return got

    got: list[str | None] = []
    with pytest.raises(OSError, match="the input broke"):
        for outcome in extract_many(
            source(), extractor=Extractor(LLM, model=SlowModel()), concurrency=concurrency
        ):
            got.append(outcome.id)
    assert sorted(got) == [f"a{i}" for i in range(6)]  # type: ignore[type-var]
    assert sorted(asyncio.run(run_async())) == [f"a{i}" for i in range(6)]  # type: ignore[type-var]


def test_a_slow_synchronous_caller_is_never_more_than_one_article_behind_the_lanes() -> None:
    concurrency = 4
    pulled = {"n": 0}
    taken = {"n": 0}
    too_far = threading.Event()

    def source() -> Iterator[Article]:
        for i in range(30):
            pulled["n"] += 1
            if pulled["n"] - taken["n"] > concurrency + 1:
                too_far.set()
            yield Article(id=str(i), text=TEXT)

    model = FunctionModel(lambda request: ANSWER)
    for _ in extract_many(source(), extractor=Extractor(LLM, model=model), concurrency=concurrency):
        taken["n"] += 1
        # The caller is busy elsewhere: the batch gets every chance to read on.
        assert not too_far.wait(0.05), f"read {pulled['n']} articles with {taken['n']} taken"
    assert taken["n"] == 30


def test_the_model_is_closed_even_when_the_caller_is_cancelled_again_while_stopping() -> None:
    class Lingering(SlowModel):
        """Takes a moment to stop when cancelled (a request being torn down)."""

        def __init__(self) -> None:
            super().__init__()
            self.asked = asyncio.Event()
            self.stopping = asyncio.Event()
            self.closed = 0

        async def acomplete(self, request: ModelRequest[Any]) -> ModelResponse[Any]:
            self.asked.set()
            try:
                await asyncio.Event().wait()
            except asyncio.CancelledError:
                self.stopping.set()
                await asyncio.sleep(0.05)
                raise
            raise AssertionError("never answered")

        async def aclose(self) -> None:
            self.closed += 1

    model = Lingering()

    async def run() -> None:
        async def consume() -> None:
            async for _ in aextract_many(
                _articles(4), extractor=Extractor(LLM, model=model), concurrency=2
            ):
                pass

        caller = asyncio.ensure_future(consume())
        await model.asked.wait()
        caller.cancel()
        await model.stopping.wait()  # the batch is stopping its lanes now ...
        caller.cancel()  # ... when the caller is cancelled once more
        with pytest.raises(asyncio.CancelledError):
            await caller

    asyncio.run(run())
    assert model.closed == 1
