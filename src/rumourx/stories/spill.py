"""Timeline entries parked outside the heap while the reports stream past.

Merging keeps only a few numbers per story in memory; each article's entry is
appended to a temporary file (held in memory up to a limit, then on disk) with
the offset of the same group's previous entry, so a group is a linked list whose
head is one integer. Memory is then bounded by the number of stories, however
many reports go by.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from typing import Any

__all__ = ["NO_ENTRY", "EntrySpill"]

#: The offset that ends a chain.
NO_ENTRY = -1

#: Bytes kept in memory before the spill moves to a temporary file.
_IN_MEMORY = 4 * 1024 * 1024


class EntrySpill:
    """An append-only store of JSON entries, each linked to its group's previous one."""

    def __init__(self, in_memory: int = _IN_MEMORY) -> None:
        self._file = tempfile.SpooledTemporaryFile(max_size=in_memory, mode="w+b")  # noqa: SIM115
        self._end = 0

    def append(self, previous: int, entry: list[Any]) -> int:
        """Store ``entry`` after ``previous`` in its chain; return its offset."""
        offset = self._end
        data = json.dumps([previous, *entry], ensure_ascii=False).encode("utf-8") + b"\n"
        self._file.seek(offset)
        self._file.write(data)
        self._end += len(data)
        return offset

    def chain(self, head: int) -> Iterator[list[Any]]:
        """The entries of a chain, newest first."""
        while head != NO_ENTRY:
            self._file.seek(head)
            previous, *entry = json.loads(self._file.readline())
            yield entry
            head = previous

    def close(self) -> None:
        """Drop the store (and its temporary file)."""
        self._file.close()
