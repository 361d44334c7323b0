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
from collections.abc import AsyncIterator, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from rumourx.batch.cache import ReportCache, cache_key
from rumourx.batch.outcomes import BatchError, BatchOutcome
from rumourx.core.errors import RumourxError
from rumourx.core.settings import Settings
from rumourx.core.types import Article, RumourReport
from rumourx.extractor import Extractor

__all__ = ["DEFAULT_CONCURRENCY", "InvalidItem", "admit", "aextract_many", "extract_many"]

#: Articles in flight at once when the caller does not say.
DEFAULT_CONCURRENCY = 8

BatchItem = Article | Mapping[str, Any] | tuple[str, str]


@dataclass(frozen=True)
class InvalidItem:
    """An input that could not be read as an article (kept, so it gets its outcome)."""

    id: str
    message: str


#: Article metadata read from input mappings and kept on output lines.
_METADATA = ("publisher", "published", "url")


def _metadata(article: Article) -> dict[str, Any]:
    return {k: v for k in _METADATA if (v := getattr(article, k)) is not None}


def _first_error(exc: ValueError) -> str:
    errors = getattr(exc, "errors", None)
    if callable(errors):
        first = errors()[0]
        message = str(first.get("msg", exc))
        return message.removeprefix("Value error, ")
    return str(exc)


def _article(
    item: BatchItem | InvalidItem, index: int
) -> tuple[str, Article | None, str, dict[str, Any]]:
    """(id, article or None, error message, passed-through fields)."""
    if isinstance(item, InvalidItem):
        return item.id, None, item.message, {}
    if isinstance(item, Article):
        article_id = item.id if item.id is not None else f"#{index}"
        return article_id, item, "", _metadata(item)
    if isinstance(item, tuple) and len(item) == 2:
        return str(item[0]), Article(id=str(item[0]), text=item[1]), "", {}
    if isinstance(item, Mapping):
        raw_id = item.get("id")
        article_id = str(raw_id) if raw_id is not None else f"#{index}"
        extra = {k: v for k, v in item.items() if k not in ("id", "text")}
        if raw_id is None:
            return article_id, None, "input has no 'id'", extra
        text = item.get("text")
        if not isinstance(text, str):
            return article_id, None, "input 'text' must be a string", extra
        try:
            article = Article(
                id=article_id,
                text=text,
                published=item.get("published"),
                **{k: v for k in ("publisher", "url") if isinstance(v := item.get(k), str)},
            )
        except ValueError as exc:  # an unreadable 'published': this line only
            return article_id, None, f"input {_first_error(exc)}", extra
        return article_id, article, "", {**extra, **_metadata(article)}
    return f"#{index}", None, f"cannot read a {type(item).__name__} as an article", {}


def admit(
    item: BatchItem | InvalidItem, index: int, seen: set[str]
) -> tuple[Article, dict[str, Any]] | BatchOutcome:
    """Read one input as an article with an id not seen before.

    Returns:
        The article and the fields to pass through, or the error outcome that
        input gets instead (unreadable, no id, a repeated id).
    """
    article_id, article, problem, extra = _article(item, index)
    if article_id in seen:
        error = BatchError("DuplicateIdError", "this id came earlier in the input")
        return BatchOutcome(article_id, error=error, extra=extra)
    seen.add(article_id)
    if article is None:
        return BatchOutcome(article_id, error=BatchError("InputError", problem), extra=extra)
    if article.id != article_id:
        article = article.model_copy(update={"id": article_id})
    return article, extra


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
    article, extra = admitted
    article_id = str(article.id)
    key = cache_key(article.text, article.publisher, fingerprint) if cache is not None else ""
    if cache is not None and (cached := cache.get(key)) is not None:
        return BatchOutcome(article_id, report=cached, cached=True, extra=extra)
    try:
        report: RumourReport = await extractor.aextract(article)
    except RumourxError as exc:
        return BatchOutcome(article_id, error=BatchError(type(exc).__name__, str(exc)), extra=extra)
    except Exception as exc:  # one bad article never ends the batch
        message = f"unexpected {type(exc).__name__}: {exc}"
        return BatchOutcome(article_id, error=BatchError("InternalError", message), extra=extra)
    if cache is not None:
        cache.put(key, report)
    return BatchOutcome(article_id, report=report, extra=extra)


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
    try:
        while True:
            while not exhausted and len(pending) < concurrency:
                try:
                    item = next(source)
                except StopIteration:
                    exhausted = True
                    break
                index += 1
                pending.add(
                    asyncio.ensure_future(_one(extractor, cache, fingerprint, item, index, seen))
                )
            if not pending:
                return
            done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
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
