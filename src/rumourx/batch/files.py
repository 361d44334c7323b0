"""Batch input: a JSONL file read lazily, line by line, with every line accounted for.

A line that cannot be read as an article (too long, not UTF-8, not JSON, not an
object, no usable id) becomes an :class:`~rumourx.batch.admission.InvalidItem` known
by its line number, so it gets an error outcome of its own. A UTF-8 byte order mark
on line 1 is accepted. No line is read whole if it is longer than
:data:`MAX_LINE_BYTES`, so a file with no newlines cannot exhaust memory.
"""

from __future__ import annotations

import hashlib
import json
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from rumourx.batch.admission import InvalidItem, normalise_id
from rumourx.core.errors import InputError

__all__ = ["MAX_LINE_BYTES", "check_input", "parse_line", "raw_lines", "read_input"]

#: Longest input line read, in bytes (an article may have 2,000,000 characters;
#: JSON escapes can make each one up to 12 bytes, and other keys come along).
MAX_LINE_BYTES = 64 * 1024 * 1024

_BOM = b"\xef\xbb\xbf"
_KINDS = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def check_input(path: Path) -> None:
    """Make sure ``path`` is a regular file that can be read.

    Raises:
        InputError: Missing, a directory, a FIFO or device (batch input is read
            twice: once to count and plan, once to extract), or unreadable.
    """
    try:
        mode = path.stat().st_mode
    except (FileNotFoundError, NotADirectoryError):
        raise InputError(f"no such file: {path}") from None
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if stat.S_ISDIR(mode):
        raise InputError(f"{path} is a directory, not a JSONL file")
    for test, kind in _KINDS:
        if test(mode):
            raise InputError(
                f"{path} is {kind}: batch input must be a regular file "
                "(it is read twice, once to plan and once to extract)"
            )
    try:
        path.open("rb").close()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc


def raw_lines(path: Path) -> Iterator[tuple[int, bytes, bool]]:
    """(line number, bytes, too long) for every non-blank line; never a whole huge line."""
    try:
        with path.open("rb") as file:
            number = 0
            while raw := file.readline(MAX_LINE_BYTES + 1):
                number += 1
                too_long = len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n")
                if too_long:
                    rest = raw
                    while rest and not rest.endswith(b"\n"):
                        rest = file.readline(1 << 20)
                if number == 1 and raw.startswith(_BOM):
                    raw = raw[len(_BOM) :]
                if too_long or raw.strip():
                    yield number, raw, too_long
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc


def parse_line(number: int, raw: bytes, too_long: bool) -> dict[str, Any] | InvalidItem:
    """One input line as a row with a string id, or why it is not one."""
    digest = hashlib.sha256(raw.rstrip(b"\r\n")).hexdigest()

    def invalid(problem: str) -> InvalidItem:
        return InvalidItem(number, f"line {number} {problem}", digest)

    if too_long:
        return invalid(f"is longer than {MAX_LINE_BYTES:,} bytes")
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return invalid(f"is not UTF-8 text (byte {exc.start + 1})")
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        return invalid(f"is not JSON: {exc.msg}")
    except (ValueError, RecursionError) as exc:  # huge integers, deep nesting
        return invalid(f"is not JSON rumourx can read: {type(exc).__name__}")
    if not isinstance(row, dict):
        return invalid('is not a JSON object {"id": ..., "text": ...}')
    if row.get("id") is None:
        return invalid("has no 'id'")
    article_id, problem = normalise_id(row["id"])
    if article_id is None:
        return invalid(f"has a bad id: {problem}")
    row["id"] = article_id
    return row


def read_input(
    path: Path, skip: set[str] | None = None, skip_lines: set[int] | None = None
) -> Iterator[dict[str, Any] | InvalidItem]:
    """Yield the articles of a JSONL file, lazily, leaving out what is done.

    Args:
        path: The input file.
        skip: Ids to leave out (every line with one of them).
        skip_lines: Line numbers of unreadable lines to leave out.

    Yields:
        ``{"id": str, ...}`` rows (other keys as they are in the line), or an
        :class:`InvalidItem` for a line that cannot be read.

    Raises:
        InputError: The file cannot be read at all.
    """
    check_input(path)
    skip = skip or set()
    skip_lines = skip_lines or set()
    for number, raw, too_long in raw_lines(path):
        item = parse_line(number, raw, too_long)
        if isinstance(item, InvalidItem):
            if item.line not in skip_lines:
                yield item
        elif item["id"] not in skip:
            yield item
