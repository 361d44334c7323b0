"""Compose a text to NFC piece by piece, so that every piece keeps its offsets.

NFC of a whole text equals the NFC of its *clusters* joined: a character followed by
the run of characters that can attach to what precedes it (combining marks, the second
half of a canonical pair such as a Hangul vowel, and characters whose decomposition
starts with a combining mark). Only the
clusters that change are replaced, each as one group in the offset map.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from itertools import chain

from rumourx.text.offsets import MapBuilder, OffsetMap

__all__ = ["compose"]

# Planes 0-2 and 14 hold every character that takes part in canonical composition.
_PLANES = chain(range(0xD800), range(0xE000, 0x30000), range(0xE0000, 0xE1000))


def _char_class(points: list[int]) -> str:
    ranges: list[str] = []
    start = previous = -2
    for point in [*points, -2]:
        if point == previous + 1:
            previous = point
            continue
        if start >= 0:
            first = re.escape(chr(start))
            ranges.append(first if start == previous else f"{first}-{re.escape(chr(previous))}")
        start = previous = point
    return "".join(ranges)


@cache
def _clusters() -> re.Pattern[str]:
    """A pattern for the clusters NFC may change (built once, on first use)."""
    attaching: set[int] = set(range(0x1161, 0x1176)) | set(range(0x11A8, 0x11C3))
    unstable: list[int] = []
    for point in _PLANES:
        char = chr(point)
        if unicodedata.combining(char):
            attaching.add(point)
        decomposition = unicodedata.decomposition(char)
        if decomposition and not decomposition.startswith("<"):
            parts = [int(code, 16) for code in decomposition.split()]
            if len(parts) == 2:
                attaching.add(parts[1])
            if unicodedata.combining(chr(parts[0])):
                attaching.add(point)
            if not unicodedata.is_normalized("NFC", char):
                unstable.append(point)
    joins = _char_class(sorted(attaching))
    return re.compile(f"[{_char_class(unstable)}][{joins}]*|[{joins}]+")


def compose(text: str) -> tuple[str, OffsetMap]:
    """``text`` in NFC, with the map from the composed text back to ``text``."""
    if unicodedata.is_normalized("NFC", text):
        return text, OffsetMap.identity(len(text))
    pieces: list[str] = []
    builder = MapBuilder()
    done = 0
    for match in _clusters().finditer(text):
        # A run of attaching characters, with the character it attaches to.
        start = match.start()
        if start > done and unicodedata.is_normalized("NFC", text[start - 1]):
            start -= 1
        cluster = text[start : match.end()]
        composed = unicodedata.normalize("NFC", cluster)
        if composed == cluster:
            continue
        pieces.append(text[done:start])
        builder.copy(done, start - done)
        pieces.append(composed)
        builder.group(len(composed), start, match.end())
        done = match.end()
    pieces.append(text[done:])
    builder.copy(done, len(text) - done)
    result = "".join(pieces)
    return result, builder.build(len(result), len(text))
