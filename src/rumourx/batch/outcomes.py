"""One outcome per input article: a report, or a typed error. Never neither.

An outcome's output line is ``{"id", "input_sha256", ...passed-through keys, "report"}``
or the same with ``"error"``. ``id`` comes first, so a line torn by a kill is
recognisable as rumourx's own. An input with no usable id gets ``"id": null`` and
``"input_line"``: no user id can be null, so it never collides with one.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from rumourx.core.types import RumourReport

__all__ = [
    "LINE_START",
    "RESERVED_KEYS",
    "BatchError",
    "BatchOutcome",
    "dump_line",
    "input_hash",
]

#: How every output line begins (``id`` is always written first), torn or whole.
LINE_START = b'{"id": '

#: Output keys rumourx writes itself; an input line may not use them.
RESERVED_KEYS = frozenset({"id", "report", "error", "input_sha256", "input_line"})


def input_hash(text: object, publisher: object = None) -> str:
    """The hash an output line records of what its report depends on.

    It covers the article text and its publisher (the rest of an input line is
    only passed through), so a resumed batch redoes an article whose text changed.
    Any value hashes, lone surrogates included.
    """
    material = json.dumps(
        [text, publisher if isinstance(publisher, str) else None],
        ensure_ascii=True,
        sort_keys=True,
        default=repr,
    )
    return hashlib.sha256(material.encode("ascii")).hexdigest()


@dataclass(frozen=True)
class BatchError:
    """Why an article has no report.

    Attributes:
        type: The error class name (``InputError``, ``ProviderError``, ...).
        message: One line saying what went wrong.
    """

    type: str
    message: str


@dataclass(frozen=True)
class BatchOutcome:
    """What became of one input article.

    Attributes:
        id: The article's id, always a string; None when the input had no usable
            id (then ``line`` says which input it was).
        report: The report, when extraction succeeded.
        error: The error, when it did not.
        cached: The report came from the cache, at no cost.
        extra: Input fields other than ``id`` and ``text``, passed through.
        input_hash: :func:`input_hash` of the article (of the raw line, for a
            line that could not be read).
        line: For an input without a usable id: its line number in a batch file,
            or its 1-based position among the inputs.
    """

    id: str | None
    report: RumourReport | None = None
    error: BatchError | None = None
    cached: bool = False
    extra: dict[str, Any] = field(default_factory=dict)
    input_hash: str | None = None
    line: int | None = None

    @property
    def ok(self) -> bool:
        """Whether there is a report."""
        return self.report is not None

    def to_line(self) -> dict[str, Any]:
        """The output line as a dict (see the module docstring for its keys)."""
        line: dict[str, Any] = {"id": self.id}
        if self.id is None and self.line is not None:
            line["input_line"] = self.line
        if self.input_hash is not None:
            line["input_sha256"] = self.input_hash
        line.update((k, v) for k, v in self.extra.items() if k not in RESERVED_KEYS)
        if self.report is not None:
            line["report"] = self.report.model_dump(mode="json")
        else:
            error = self.error or BatchError("UnknownError", "no report")
            line["error"] = {"type": error.type, "message": error.message}
        return line

    def to_json(self) -> str:
        """The output line as JSON, always encodable as UTF-8.

        A passed-through value holding a lone surrogate is written with JSON's
        ASCII escapes, so the line still reads back to exactly what came in.
        """
        return dump_line(self.to_line())


def dump_line(line: Mapping[str, Any]) -> str:
    """JSON for one line; escaped to ASCII when plain UTF-8 cannot hold it."""
    text = json.dumps(line, ensure_ascii=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = json.dumps(line, ensure_ascii=True)
    return text
