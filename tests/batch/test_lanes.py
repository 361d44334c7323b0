"""How a batch orders its articles' work on the event loop (rumourx.providers.turns)."""

import asyncio
from typing import Any

from rumourx import ModelRequest, ModelResponse, Settings, Usage
from rumourx.batch.runner import aextract_many, extract_many
from rumourx.extractor import Extractor
from rumourx.providers.turns import lent

TEXT = "Arsenal have made a £30m bid for Lyon midfielder Houssem Aouar, according to Goal."
ANSWER = {
    "rumours": [
        {"player": "Houssem Aouar", "to_club": "Arsenal", "status": "bid", "evidence": TEXT}
    ]
}
LLM = Settings(strategy="llm", api_key="k", model="m")


class HeldAnswers:
    """A model that knows about turns, like the real provider; the test decides when
    each of the first ``held`` answers arrives. It logs what it sends and reads."""

    name = "held"
    lends_turn = True

    def __init__(self, held: int, arrival: list[int]) -> None:
        self.held = held
        self.arrival = arrival
        self.log: list[str] = []
        self.answers: dict[str, asyncio.Future[None]] = {}

    def complete(self, request: ModelRequest[Any]) -> ModelResponse[Any]:
        raise AssertionError("the batch runs async")

    async def acomplete(self, request: ModelRequest[Any]) -> ModelResponse[Any]:
        key = request.messages[-1]["content"].rsplit("Update ", 1)[1].split(".")[0]
        loop = asyncio.get_running_loop()
        self.answers[key] = answer = loop.create_future()
        self.log.append(f"sent {key}")
        if len(self.answers) == self.held:  # every held request is out: answer in `arrival` order
            loop.call_soon(self._arrive)
        elif len(self.answers) > self.held:
            answer.set_result(None)
        async with lent():
            await answer
        self.log.append(f"read {key}")
        output = request.response_model.model_validate(ANSWER, context=request.context)
        return ModelResponse(output, Usage(calls=1))

    def _arrive(self) -> None:
        for key in self.arrival:  # all in one step: a burst of answers
            self.answers[str(key)].set_result(None)


def _articles(n: int) -> list[dict[str, str]]:
    return [{"id": f"a{i}", "text": f"{TEXT} Update {i}."} for i in range(n)]


def test_answers_are_worked_on_in_arrival_order_each_followed_by_the_next_request() -> None:
    model = HeldAnswers(held=3, arrival=[2, 0, 1])

    async def run() -> list[str]:
        async for outcome in aextract_many(
            _articles(6), extractor=Extractor(LLM, model=model), concurrency=3
        ):
            assert outcome.ok
            model.log.append(f"out {outcome.id}")
        return model.log

    log = asyncio.run(run())
    burst = log[log.index("read 2") :][:9]
    assert burst == [
        "read 2",
        "out a2",
        "sent 3",  # the lane that finished sends its next request ...
        "read 0",  # ... before the next answer in line is worked on
        "out a0",
        "sent 4",
        "read 1",
        "out a1",
        "sent 5",
    ]
    assert sorted(entry for entry in log if entry.startswith("out")) == [
        f"out a{i}" for i in range(6)
    ]


def test_a_caller_busy_elsewhere_does_not_hold_up_the_other_articles() -> None:
    model = HeldAnswers(held=3, arrival=[0, 1, 2])
    read_while_busy: list[bool] = []

    async def run() -> list[str | None]:
        ids = []
        async for outcome in aextract_many(
            _articles(3), extractor=Extractor(LLM, model=model), concurrency=3
        ):
            ids.append(outcome.id)
            if len(ids) == 1:  # the caller awaits something else for a while
                for _ in range(500):
                    if {"read 1", "read 2"} <= set(model.log):
                        break
                    await asyncio.sleep(0.002)
                read_while_busy.append({"read 1", "read 2"} <= set(model.log))
        return ids

    assert sorted(asyncio.run(run())) == ["a0", "a1", "a2"]  # type: ignore[type-var]
    assert read_while_busy == [True]


def test_the_reports_are_the_same_with_or_without_turns() -> None:
    model = HeldAnswers(held=4, arrival=[3, 1, 0, 2])
    batch = {
        o.id: o.report
        for o in extract_many(_articles(8), extractor=Extractor(LLM, model=model), concurrency=4)
    }
    one_by_one = Extractor(LLM, model=HeldAnswers(held=0, arrival=[]))
    for article in _articles(8):
        expected = asyncio.run(one_by_one.aextract(article["text"]))
        assert batch[article["id"]] == expected
