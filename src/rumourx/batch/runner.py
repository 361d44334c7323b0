"""Run many articles with bounded concurrency; stream one outcome per article.

One async engine does the work. :func:`extract_many` runs that same engine on an
event loop in a helper thread and hands outcomes over through a bounded queue, so it
works in scripts, notebooks (which already run a loop) and worker processes alike.
Input is read lazily and at most ``concurrency`` articles are in flight, so memory
stays flat however long the input is. On the loop, the articles take turns on the CPU
in the order their answers arrive (:mod:`rumourx.providers.turns`), so that waiting
on the model and working on other articles overlap.
"""

from __future__ import annotations

import asyncio
import contextlib
import queue
import threading
from collections import deque
from collections.abc import AsyncGenerator, AsyncIterator, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, cast

from rumourx.batch.admission import BatchItem, InvalidItem, admit
from rumourx.batch.cache import ReportCache, cache_key
from rumourx.batch.outcomes import BatchOutcome
from rumourx.core.settings import Settings
from rumourx.core.types import RumourReport
from rumourx.extractor import Extractor
from rumourx.providers.turns import Turn, Turns, use_turn

__all__ = ["DEFAULT_CONCURRENCY", "InvalidItem", "admit", "aextract_many", "extract_many"]

#: Articles in flight at once when the caller does not say.
DEFAULT_CONCURRENCY = 8


@dataclass(frozen=True)
class _Failure:
    error: BaseException


async def _one(
    extractor: Extractor,
    cache: ReportCache | None,
    fingerprint: dict[str, Any],
    item: BatchItem | InvalidItem,
    index: int,
    seen: set[str],
) -> BatchOutcome:
    admitted = admit(item, index, seen)
    if isinstance(admitted, BatchOutcome):
        return admitted
    article = admitted.article
    key = cache_key(article.text, article.publisher, fingerprint) if cache is not None else ""
    if cache is not None and (cached := cache.get(key)) is not None:
        return admitted.outcome(report=cached, cached=True)
    try:
        report: RumourReport = await extractor.aextract(article)
    except Exception as exc:  # one bad article never ends the batch
        return admitted.failed(exc)
    if cache is not None:
        cache.put(key, report)
    return admitted.outcome(report=report)


async def aextract_many(
    articles: Iterable[BatchItem | InvalidItem],
    *,
    extractor: Extractor | None = None,
    settings: Settings | None = None,
    concurrency: int = DEFAULT_CONCURRENCY,
    cache: ReportCache | None = None,
) -> AsyncIterator[BatchOutcome]:
    """Extract many articles; yield each outcome as soon as it is ready.

    Args:
        articles: :class:`Article` objects with ids, ``{"id", "text", ...}``
            mappings (other keys are passed through), or ``(id, text)`` pairs.
            Read lazily.
        extractor: The extractor to share; built from ``settings`` if not given.
        settings: Settings for a new extractor.
        concurrency: Articles in flight at once.
        cache: Where to look up and store reports; None for no cache.

    Yields:
        Exactly one :class:`BatchOutcome` per input, in completion order. An
        input that cannot be read, a repeated id or a failed extraction yields an
        outcome with an error; nothing is dropped.

    Raises:
        Exception: What iterating ``articles`` raised, once every article read
            before it has yielded its outcome.
    """
    if concurrency < 1:
        raise ValueError("concurrency must be at least 1")
    extractor = extractor or Extractor(settings)
    lanes = _Lanes(extractor, cache, iter(articles))
    workers = [asyncio.ensure_future(lanes.work(Turn(lanes.turns))) for _ in range(concurrency)]
    try:
        running = concurrency
        while running:
            got = await lanes.results.get()
            if got is _LANE_DONE:
                running -= 1
            elif isinstance(got, _Failure):
                raise got.error
            else:
                assert isinstance(got, BatchOutcome)
                yield got
                lanes.taken()
        if lanes.failure is not None:  # every article read before it has its outcome
            raise lanes.failure
    finally:
        for worker in workers:
            worker.cancel()
        try:
            await asyncio.gather(*workers, return_exceptions=True)
        finally:  # cancelled again while the lanes stop: the connections still close
            await extractor.aclose()


_LANE_DONE = object()


class _Lanes:
    """``concurrency`` lanes, each running one article after another.

    A lane holds its :class:`~rumourx.providers.turns.Turn` while it works on the
    CPU and lends it out while its article waits on the model, so answers are worked
    on in arrival order, and a lane that finishes an article reads and sends the next
    one before the next answer in line is touched. A lane reads the next input only
    once the caller has taken its outcome (so never more than ``concurrency``
    articles are read ahead of the caller); while the caller is busy elsewhere, the
    lane lends its turn out.
    """

    def __init__(
        self,
        extractor: Extractor,
        cache: ReportCache | None,
        source: Iterator[BatchItem | InvalidItem],
    ) -> None:
        self.extractor = extractor
        self.cache = cache
        self.fingerprint = extractor.fingerprint()
        self.source = source
        self.seen: set[str] = set()
        self.index = 0
        self.exhausted = False
        self.failure: Exception | None = None  # what the input's iterator raised
        self.turns = Turns()
        self.results: asyncio.Queue[object] = asyncio.Queue()
        self._credits = 0  # outcomes the caller took that no lane has followed up yet
        self._waiting: deque[asyncio.Future[None]] = deque()

    def taken(self) -> None:
        """The caller took an outcome and asks for more: one more article may start."""
        while self._waiting:
            lane = self._waiting.popleft()
            if not lane.done():
                lane.set_result(None)
                return
        self._credits += 1

    async def _wait_until_taken(self, turn: Turn) -> None:
        if self._credits:
            self._credits -= 1
            return
        loop = asyncio.get_running_loop()
        taken: asyncio.Future[None] = loop.create_future()
        self._waiting.append(taken)
        # Runs after the caller's step: a caller that takes outcomes at once finds the
        # lane still holding its turn; one busy elsewhere lets the other lanes work.
        loop.call_soon(lambda: None if taken.done() else turn.give())
        await taken
        await turn.take(first=True)

    def _next(self) -> object:
        if not self.exhausted:
            try:
                return next(self.source)
            except StopIteration:
                self.exhausted = True
            except Exception as exc:  # the input failed: finish what was read, then say so
                self.exhausted = True
                self.failure = exc
        return _LANE_DONE

    async def work(self, turn: Turn) -> None:
        use_turn(turn)
        try:
            await turn.take()
            while (item := self._next()) is not _LANE_DONE:
                self.index += 1
                outcome = await _one(
                    self.extractor,
                    self.cache,
                    self.fingerprint,
                    cast("BatchItem | InvalidItem", item),
                    self.index,
                    self.seen,
                )
                self.results.put_nowait(outcome)
                await self._wait_until_taken(turn)
            self.results.put_nowait(_LANE_DONE)
        except asyncio.CancelledError:
            raise
        except BaseException as exc:  # Ctrl-C in the input, say: the caller sees it at once
            self.results.put_nowait(_Failure(exc))
        finally:
            turn.give()


_DONE = object()


def extract_many(
    articles: Iterable[BatchItem | InvalidItem],
    *,
    extractor: Extractor | None = None,
    settings: Settings | None = None,
    concurrency: int = DEFAULT_CONCURRENCY,
    cache: ReportCache | None = None,
) -> Iterator[BatchOutcome]:
    """Synchronous twin of :func:`aextract_many` (same engine, same guarantees).

    Stopping the iteration early cancels the articles still in flight.
    """
    if concurrency < 1:
        raise ValueError("concurrency must be at least 1")
    # One outcome waits for the caller at most: the lanes read on only as the caller
    # takes outcomes, so the input is read no further ahead than through the async API.
    handover: queue.Queue[object] = queue.Queue(maxsize=1)
    stop = threading.Event()
    running: list[tuple[asyncio.AbstractEventLoop, asyncio.Task[None]]] = []

    def put(item: object) -> None:
        while not stop.is_set():
            try:
                handover.put(item, timeout=0.05)
                return
            except queue.Full:
                continue

    async def pump() -> None:
        loop = asyncio.get_running_loop()
        task = asyncio.current_task()
        assert task is not None
        running.append((loop, task))  # so that the caller can cancel us when it stops
        if stop.is_set():
            return
        outcomes = cast(  # an async generator: closed as soon as we stop
            "AsyncGenerator[BatchOutcome, None]",
            aextract_many(
                articles,
                extractor=extractor,
                settings=settings,
                concurrency=concurrency,
                cache=cache,
            ),
        )
        try:
            async with contextlib.aclosing(outcomes):
                async for outcome in outcomes:
                    try:
                        handover.put_nowait(outcome)  # no thread hop while the caller keeps up
                    except queue.Full:
                        await loop.run_in_executor(None, put, outcome)
                    if stop.is_set():
                        return
        except asyncio.CancelledError:
            if stop.is_set():
                return  # the caller stopped early: the articles in flight are cancelled
            put(_Failure(asyncio.CancelledError()))
            return
        except BaseException as exc:  # re-raised in the caller's thread
            put(_Failure(exc))
            return
        put(_DONE)

    worker = threading.Thread(target=lambda: asyncio.run(pump()), name="rumourx-batch", daemon=True)
    worker.start()
    try:
        while True:
            item = handover.get()
            if item is _DONE:
                return
            if isinstance(item, _Failure):
                raise item.error
            assert isinstance(item, BatchOutcome)
            yield item
    finally:
        stop.set()
        # Whatever the loop awaits (the next outcome, perhaps one that never comes),
        # the caller has stopped: cancel it rather than wait for it.
        for loop, task in running:
            with contextlib.suppress(RuntimeError):  # a closed loop: the batch had ended
                loop.call_soon_threadsafe(task.cancel)
        worker.join()
