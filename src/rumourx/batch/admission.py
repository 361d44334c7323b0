"""Admission: read one batch input as an article with a usable, unique id, or say why not.

Ids are strings: an integer id becomes its decimal string, so ``42`` and ``"42"``
are the same id and the second one is a duplicate (its error says so). Floats,
booleans, objects, arrays and empty strings are refused. An input with no usable id
gets an outcome with ``id`` None and its line or position, which no user id can take.
Input keys that rumourx writes itself (:data:`RESERVED_KEYS`) are refused, and so is
a text that cannot be written as UTF-8 (a lone surrogate): each is an error for that
input alone.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from rumourx.batch.outcomes import RESERVED_KEYS, BatchError, BatchOutcome, input_hash
from rumourx.core.errors import RumourxError
from rumourx.core.types import Article, RumourReport

__all__ = ["Admitted", "BatchItem", "InvalidItem", "admit", "normalise_id", "unencodable"]

BatchItem = Article | Mapping[str, Any] | tuple[str, str]


@dataclass(frozen=True)
class InvalidItem:
    """A batch-file line that could not be read as an article (kept, so it gets its outcome).

    Attributes:
        line: The line number in the input file.
        message: Why the line could not be read.
        input_hash: SHA-256 of the raw line, so a resumed batch sees a changed line.
    """

    line: int
    message: str
    input_hash: str = ""


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"the number {value!r}"
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, (list, tuple)):
        return "an array"
    return f"a {type(value).__name__}"


def normalise_id(value: object) -> tuple[str | None, str]:
    """An input id as a string, or None and why it cannot be one.

    Strings are kept as they are and integers become their decimal string, so
    ``42`` and ``"42"`` are the same id (the second one is a duplicate). Floats,
    booleans, objects, arrays, empty strings and strings that are not valid
    Unicode are refused.
    """
    if isinstance(value, str):
        if not value:
            return None, "id must not be empty"
        if (problem := unencodable(value)) is not None:
            return None, f"id {problem}"
        return value, ""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value), ""
    return None, f"id must be a string or integer, not {_kind(value)}"


def unencodable(text: str) -> str | None:
    """Why ``text`` cannot be written as UTF-8 (a lone surrogate), or None."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        code = ord(text[exc.start])
        return (
            f"holds a lone surrogate (U+{code:04X}) at character {exc.start}: "
            "it is not valid Unicode"
        )
    return None


@dataclass(frozen=True)
class _Read:
    id: str | None
    article: Article | None
    problem: str
    extra: dict[str, Any]
    input_hash: str
    line: int | None


def _from_mapping(item: Mapping[str, Any], index: int) -> _Read:
    extra = {k: v for k, v in item.items() if k not in RESERVED_KEYS and k != "text"}
    text, publisher = item.get("text"), item.get("publisher")
    digest = input_hash(text, publisher)
    if item.get("id") is None:
        return _Read(None, None, "input has no 'id'", extra, digest, index)
    article_id, problem = normalise_id(item["id"])
    if article_id is None:
        return _Read(None, None, problem, extra, digest, index)
    reserved = sorted(k for k in item if k in RESERVED_KEYS and k != "id")
    if reserved:
        names = ", ".join(repr(k) for k in reserved)
        problem = f"input key {names} is reserved for rumourx's output: rename it"
    elif not isinstance(text, str):
        problem = "input 'text' must be a string"
    elif (bad := unencodable(text)) is not None:
        problem = f"input 'text' {bad}"
    if problem:
        return _Read(article_id, None, problem, extra, digest, None)
    try:
        article = Article(
            id=article_id,
            text=text,
            published=item.get("published"),
            **{k: v for k in ("publisher", "url") if isinstance(v := item.get(k), str)},
        )
    except ValueError as exc:  # an unreadable 'published': this line only
        return _Read(article_id, None, f"input {_first_error(exc)}", extra, digest, None)
    return _Read(article_id, article, "", {**extra, **_metadata(article)}, digest, None)


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


def _article(item: BatchItem | InvalidItem, index: int) -> _Read:
    """Read one input: its id, the article or why there is none, passed-through fields."""
    if isinstance(item, InvalidItem):
        return _Read(None, None, item.message, {}, item.input_hash, item.line)
    if isinstance(item, Mapping):
        return _from_mapping(item, index)
    if isinstance(item, Article):
        digest = input_hash(item.text, item.publisher)
        if item.id is None:  # extracted all the same, known by its position
            bad = unencodable(item.text)
            problem = f"input 'text' {bad}" if bad else ""
            return _Read(None, None if bad else item, problem, {}, digest, index)
        read = _from_mapping({"id": item.id, "text": item.text, "publisher": item.publisher}, index)
        article = item.model_copy(update={"id": read.id}) if read.article is not None else None
        return _Read(read.id, article, read.problem, _metadata(item), digest, read.line)
    if isinstance(item, tuple) and len(item) == 2:
        return _from_mapping({"id": item[0], "text": item[1]}, index)
    problem = f"cannot read an input of type {type(item).__name__} as an article"
    return _Read(None, None, problem, {}, "", index)


@dataclass(frozen=True)
class Admitted:
    """An input accepted for extraction, with what its outcome line needs."""

    article: Article
    id: str | None
    extra: dict[str, Any]
    input_hash: str
    line: int | None

    def outcome(
        self,
        *,
        report: RumourReport | None = None,
        error: BatchError | None = None,
        cached: bool = False,
    ) -> BatchOutcome:
        """This input's outcome."""
        return BatchOutcome(
            self.id,
            report=report,
            error=error,
            cached=cached,
            extra=self.extra,
            input_hash=self.input_hash,
            line=self.line,
        )

    def failed(self, exc: BaseException) -> BatchOutcome:
        """The outcome of an extraction that raised ``exc``."""
        if isinstance(exc, RumourxError):
            return self.outcome(error=BatchError(type(exc).__name__, str(exc)))
        message = f"unexpected {type(exc).__name__}: {exc}"
        return self.outcome(error=BatchError("InternalError", message))


def admit(item: BatchItem | InvalidItem, index: int, seen: set[str]) -> Admitted | BatchOutcome:
    """Read one input as an article with an id not seen before.

    Args:
        item: The input.
        index: Its 1-based position among the inputs.
        seen: Ids admitted so far (updated).

    Returns:
        The admitted article, or the error outcome that input gets instead
        (unreadable, no usable id, a reserved key, a text that is not valid
        Unicode, a repeated id).
    """
    read = _article(item, index)
    digest = read.input_hash or None
    if read.id is not None and read.id in seen:
        message = "this id came earlier in the input"
        if read.id.lstrip("-").isdigit():
            message += ' (ids are compared as strings: 42 and "42" are the same id)'
        error = BatchError("DuplicateIdError", message)
        return BatchOutcome(read.id, error=error, extra=read.extra, input_hash=digest)
    if read.id is not None:
        seen.add(read.id)
    if read.article is None:
        error = BatchError("InputError", read.problem)
        return BatchOutcome(
            read.id, error=error, extra=read.extra, input_hash=digest, line=read.line
        )
    return Admitted(read.article, read.id, read.extra, read.input_hash, read.line)
