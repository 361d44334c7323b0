import asyncio
from typing import Any

import httpx2
import pytest

from rumourx import Extractor, Settings, extract_many
from rumourx.providers.openai_compat import _lend_once_written
from rumourx.providers.ratelimit import RateLimiter
from rumourx.providers.turns import Turn, Turns, current_turn, lent, pass_turn, use_turn

from ..faultserver import FaultServer, empty_answer

TEXT = "Arsenal have made a £30m bid for Lyon midfielder Houssem Aouar, according to Goal."


async def _queue_up(turns: Turns, names: list[str], got: list[str], first: set[str]) -> None:
    async def one(name: str) -> None:
        turn = Turn(turns)
        await turn.take(first=name in first)
        got.append(name)
        await asyncio.sleep(0)
        turn.give()

    await asyncio.gather(*(one(name) for name in names))


def test_turns_go_first_come_first_served_and_first_jumps_the_queue() -> None:
    async def scenario() -> list[str]:
        turns, got = Turns(), []
        holder = Turn(turns)
        await holder.take()
        waiting = asyncio.ensure_future(_queue_up(turns, ["a", "b", "c", "d"], got, {"c"}))
        await asyncio.sleep(0.01)  # all four are in line now
        holder.give()
        await waiting
        assert not turns.busy
        return got

    assert asyncio.run(scenario()) == ["c", "a", "b", "d"]


def test_a_cancelled_waiter_is_skipped_and_a_turn_handed_to_it_passes_on() -> None:
    async def scenario() -> list[str]:
        turns, got = Turns(), []
        holder = Turn(turns)
        await holder.take()

        async def wait(name: str) -> None:
            turn = Turn(turns)
            await turn.take()
            got.append(name)
            turn.give()

        skipped = asyncio.ensure_future(wait("skipped"))
        handed = asyncio.ensure_future(wait("handed"))
        last = asyncio.ensure_future(wait("last"))
        await asyncio.sleep(0)
        skipped.cancel()
        await asyncio.sleep(0)
        holder.give()  # goes to "handed", which is cancelled before it runs
        handed.cancel()
        await asyncio.gather(skipped, handed, last, return_exceptions=True)
        assert not turns.busy
        return got

    assert asyncio.run(scenario()) == ["last"]


def test_lent_gives_the_turn_away_while_waiting_and_takes_it_back_in_line() -> None:
    async def scenario() -> list[str]:
        turns, log = Turns(), []

        async def lane(name: str, answer: asyncio.Future[None]) -> None:
            use_turn(Turn(turns))
            turn = current_turn()
            assert turn is not None
            await turn.take()
            log.append(f"{name} sends")
            async with lent():
                assert not turn.held
                await answer
            assert turn.held
            log.append(f"{name} reads")
            turn.give()

        loop = asyncio.get_running_loop()
        answers = [loop.create_future() for _ in range(2)]
        lanes = [asyncio.ensure_future(lane(n, a)) for n, a in zip("ab", answers, strict=True)]
        await asyncio.sleep(0.01)
        answers[1].set_result(None)
        answers[0].set_result(None)
        await asyncio.gather(*lanes)
        return log

    assert asyncio.run(scenario()) == ["a sends", "b sends", "b reads", "a reads"]


def test_outside_a_batch_turns_do_nothing() -> None:
    async def scenario() -> None:
        assert current_turn() is None
        pass_turn()
        async with lent():
            await asyncio.sleep(0)

    asyncio.run(scenario())


def test_pass_turn_hands_over_a_held_turn() -> None:
    async def scenario() -> None:
        turns = Turns()
        turn = Turn(turns)
        use_turn(turn)
        await turn.take()
        assert turns.busy
        pass_turn()
        assert not turn.held and not turns.busy
        pass_turn()  # not held: nothing to give

    asyncio.run(scenario())


@pytest.mark.parametrize("first", [False, True])
def test_a_free_turn_is_taken_at_once(first: bool) -> None:
    async def scenario() -> None:
        turn = Turn(Turns())
        await turn.take(first=first)
        await turn.take()  # already held: no-op
        assert turn.held

    asyncio.run(scenario())


def test_waiting_on_the_rate_limit_gives_the_turn_up() -> None:
    now = [0.0]
    held_while_sleeping: list[bool] = []

    async def scenario() -> None:
        turn = Turn(Turns())
        use_turn(turn)
        await turn.take()

        async def sleep(seconds: float) -> None:
            held_while_sleeping.append(turn.held)
            now[0] += seconds

        limiter = RateLimiter(requests_per_minute=1, clock=lambda: now[0], asleep=sleep)
        await limiter.aacquire()
        assert turn.held and held_while_sleeping == []
        await limiter.aacquire()  # waits a minute for the budget

    asyncio.run(scenario())
    assert held_while_sleeping == [False]


def test_in_a_batch_the_provider_lends_its_turn_out_while_the_server_works() -> None:
    requests_seen_when_answering: list[int] = []

    def answer(body: dict[str, Any]) -> Any:
        requests_seen_when_answering.append(server.calls)
        return empty_answer(body)

    with FaultServer(latency=0.5, answer=answer) as server:
        settings = Settings(strategy="llm", base_url=server.url, api_key="sk-test", model="m")
        articles = [{"id": str(i), "text": f"{TEXT} Update {i}."} for i in range(3)]
        outcomes = list(extract_many(articles, extractor=Extractor(settings), concurrency=3))
    assert [o.ok for o in outcomes] == [True] * 3
    # Every request was out before the first was answered: no turn was held over a wait.
    assert requests_seen_when_answering[0] == 3


@pytest.mark.parametrize(
    ("event", "gives"),
    [
        ("connection.connect_tcp.started", True),  # a new connection: never hold the turn
        ("http11.send_request_headers.complete", False),
        ("http11.send_request_body.complete", True),
        ("http2.send_request_body.complete", True),
    ],
)
def test_the_provider_gives_its_turn_up_once_the_request_is_on_its_way(
    event: str, gives: bool
) -> None:
    async def scenario() -> bool:
        turn = Turn(Turns())
        use_turn(turn)
        await turn.take()
        request = httpx2.Request("POST", "http://127.0.0.1/v1/chat/completions")
        async with lent(once_sent=True):
            await _lend_once_written(request)
            await request.extensions["trace"](event, {})
            given = not turn.held
        assert turn.held  # taken back after the wait
        return given

    assert asyncio.run(scenario()) is gives
