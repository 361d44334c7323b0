r"""Map character offsets of a derived text back to the text it was derived from.

rumourx reads a normalised copy of what the caller passed (line endings unified, NFC,
zero-width characters removed, HTML reduced to text). Evidence found in that copy is
mapped back through an :class:`OffsetMap`, so that offsets always slice the caller's own
string.

A map is a run of segments covering the derived text from start to end. A *linear*
segment copies characters one for one (derived ``d`` is origin ``o + (d - d0)``); a
*group* segment stands for a whole origin span (an ``\r\n`` that became ``\n``, a
decomposed letter that became one composed character): every derived character in it
maps to the whole origin span. Origin characters that no segment covers (a removed
zero-width space) fall between segments; a span that crosses them includes them.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from dataclasses import dataclass, field

__all__ = ["MapBuilder", "OffsetMap"]


@dataclass(frozen=True)
class OffsetMap:
    """Where each character of a derived text came from in its origin.

    Attributes:
        derived_length: Length of the derived text.
        origin_length: Length of the origin text.
    """

    derived_length: int
    origin_length: int
    # Segment i covers derived [d_start[i], d_start[i+1]) (the last one runs to the end).
    _d_start: array[int] = field(repr=False)
    _o_start: array[int] = field(repr=False)
    _o_end: array[int] = field(repr=False)
    _linear: bytes = field(repr=False)

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        """The map of a text to itself."""
        builder = MapBuilder()
        builder.copy(0, length)
        return builder.build(length)

    @property
    def segments(self) -> int:
        """Number of segments (for tests and benchmarks)."""
        return len(self._d_start)

    def _segment(self, position: int) -> int:
        return bisect_right(self._d_start, position) - 1

    def origin_start(self, position: int) -> int:
        """Origin offset where derived character ``position`` begins."""
        i = self._segment(position)
        if self._linear[i]:
            return self._o_start[i] + position - self._d_start[i]
        return self._o_start[i]

    def origin_end(self, position: int) -> int:
        """Origin offset just past derived character ``position``."""
        i = self._segment(position)
        if self._linear[i]:
            return self._o_start[i] + position - self._d_start[i] + 1
        return self._o_end[i]

    def to_origin(self, start: int, end: int) -> tuple[int, int]:
        """The origin span that derived ``[start, end)`` came from.

        Raises:
            ValueError: The span is empty or outside the derived text.
        """
        if not 0 <= start < end <= self.derived_length:
            raise ValueError(f"span [{start}, {end}) is not inside 0..{self.derived_length}")
        return self.origin_start(start), self.origin_end(end - 1)

    def then(self, outer: OffsetMap) -> OffsetMap:
        """Compose: this map (derived to middle) followed by ``outer`` (middle to origin)."""
        builder = MapBuilder()
        for i in range(len(self._d_start)):
            d0 = self._d_start[i]
            d1 = self._d_start[i + 1] if i + 1 < len(self._d_start) else self.derived_length
            if d1 <= d0:
                continue
            if not self._linear[i]:
                o0, o1 = self._o_start[i], self._o_end[i]
                if o1 > o0:
                    builder.group(d1 - d0, outer.origin_start(o0), outer.origin_end(o1 - 1))
                else:  # an inserted character: an empty span where it stands
                    at = (
                        outer.origin_start(o0) if o0 < outer.derived_length else outer.origin_length
                    )
                    builder.group(d1 - d0, at, at)
                continue
            middle, stop = self._o_start[i], self._o_start[i] + d1 - d0
            while middle < stop:
                j = outer._segment(middle)
                seg_end = (
                    outer._d_start[j + 1] if j + 1 < len(outer._d_start) else outer.derived_length
                )
                upto = min(stop, seg_end)
                if outer._linear[j]:
                    builder.copy(outer.origin_start(middle), upto - middle)
                else:
                    builder.group(upto - middle, outer._o_start[j], outer._o_end[j])
                middle = upto
        return builder.build(self.derived_length, outer.origin_length)


class MapBuilder:
    """Build an :class:`OffsetMap` left to right, in derived order."""

    def __init__(self) -> None:
        self._d_start: array[int] = array("q")
        self._o_start: array[int] = array("q")
        self._o_end: array[int] = array("q")
        self._linear = bytearray()
        self._length = 0
        self._origin_seen = 0

    @property
    def length(self) -> int:
        """Derived characters mapped so far."""
        return self._length

    def copy(self, origin_start: int, count: int) -> None:
        """``count`` derived characters copied one for one from ``origin_start``."""
        if count <= 0:
            return
        if (
            self._linear
            and self._linear[-1]
            and self._o_start[-1] + self._length - self._d_start[-1] == origin_start
        ):
            self._length += count  # extends the previous linear run
        else:
            self._append(count, origin_start, origin_start + count, linear=True)
        self._origin_seen = max(self._origin_seen, origin_start + count)

    def group(self, count: int, origin_start: int, origin_end: int) -> None:
        """``count`` derived characters that together stand for origin ``[start, end)``."""
        if count <= 0:
            return
        if count == origin_end - origin_start == 1:
            self.copy(origin_start, 1)
            return
        self._append(count, origin_start, origin_end, linear=False)
        self._origin_seen = max(self._origin_seen, origin_end)

    def _append(self, count: int, origin_start: int, origin_end: int, *, linear: bool) -> None:
        self._d_start.append(self._length)
        self._o_start.append(origin_start)
        self._o_end.append(origin_end)
        self._linear.append(1 if linear else 0)
        self._length += count

    def build(self, derived_length: int, origin_length: int | None = None) -> OffsetMap:
        """The finished map.

        Raises:
            ValueError: The segments do not cover exactly ``derived_length`` characters.
        """
        if self._length != derived_length:
            raise ValueError(f"map covers {self._length} characters, text has {derived_length}")
        if not self._d_start:  # an empty text: one empty segment keeps lookups simple
            self._append(0, 0, 0, linear=True)
        return OffsetMap(
            derived_length=derived_length,
            origin_length=self._origin_seen if origin_length is None else origin_length,
            _d_start=self._d_start,
            _o_start=self._o_start,
            _o_end=self._o_end,
            _linear=bytes(self._linear),
        )
