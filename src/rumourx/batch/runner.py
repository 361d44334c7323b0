"""Run many articles with bounded concurrency; stream one outcome per article.

One async engine does the work. :func:`extract_many` runs that same engine on an
event loop in a helper thread and hands outcomes over through a bounded queue, so it
works in scripts, notebooks (which already run a loop) and worker processes alike.
Input is read lazily and at most ``concurrency`` articles are in flight, so memory
stays flat however long the input is.
"""

from __future__ import annotations

import asyncio
import queue
import threading
from collections.abc import AsyncIterator, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from rumourx.batch.admission import BatchItem, InvalidItem, admit
from rumourx.batch.cache import ReportCache, cache_key
from rumourx.batch.outcomes import BatchOutcome
from rumourx.core.settings import Settings
from rumourx.core.types import RumourReport
from rumourx.extractor import Extractor

__all__ = ["DEFAULT_CONCURRENCY", "InvalidItem", "admit", "aextract_many", "extract_many"]

#: Articles in flight at once when the caller does not say.
DEFAULT_CONCURRENCY = 8


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
    """
    if concurrency < 1:
        raise ValueError("concurrency must be at least 1")
    extractor = extractor or Extractor(settings)
    fingerprint = extractor.fingerprint()
    seen: set[str] = set()
    source = iter(articles)
    pending: set[asyncio.Task[BatchOutcome]] = set()
    index = 0
    exhausted = False

    def fill() -> None:
        nonlocal index, exhausted
        while not exhausted and len(pending) < concurrency:
            try:
                item = next(source)
            except StopIteration:
                exhausted = True
                return
            index += 1
            pending.add(
                asyncio.ensure_future(_one(extractor, cache, fingerprint, item, index, seen))
            )

    try:
        while True:
            fill()
            if not pending:
                return
            done, waiting = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
            pending.clear()
            pending.update(waiting)
            for task in done:
                yield task.result()
    finally:
        for task in pending:
            task.cancel()
        await extractor.aclose()


_DONE = object()


@dataclass(frozen=True)
class _Failure:
    error: BaseException


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
    handover: queue.Queue[object] = queue.Queue(maxsize=concurrency * 2)
    stop = threading.Event()

    def put(item: object) -> None:
        while not stop.is_set():
            try:
                handover.put(item, timeout=0.05)
                return
            except queue.Full:
                continue

    async def pump() -> None:
        loop = asyncio.get_running_loop()
        try:
            async for outcome in aextract_many(
                articles,
                extractor=extractor,
                settings=settings,
                concurrency=concurrency,
                cache=cache,
            ):
                try:
                    handover.put_nowait(outcome)  # no thread hop while the caller keeps up
                except queue.Full:
                    await loop.run_in_executor(None, put, outcome)
                if stop.is_set():
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
        worker.join()
