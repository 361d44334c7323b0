"""Where each rumour's evidence sits in the text, cut into marked segments.

Evidence offsets are character offsets into the text that was read. Overlapping
evidence of several rumours is allowed: the text is cut at every start and end, and
each piece carries every rumour that covers it, so each is shown in all its marks.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from rumourx.core.types import TransferRumour

__all__ = ["Key", "Placement", "Segment", "place_evidence", "segments"]

Group = Literal["rumour", "opinion"]


@dataclass(frozen=True, order=True)
class Key:
    """One move of the report: ``rumour`` N is ``report.rumours[N]``; ``opinion`` N likewise."""

    group: Group
    index: int

    @property
    def name(self) -> str:
        """Short identifier used in the page (``r0``, ``o1``)."""
        return f"{self.group[0]}{self.index}"


@dataclass(frozen=True)
class Span:
    """One passage of evidence of one move, placed in the text."""

    key: Key
    start: int
    end: int


@dataclass(frozen=True)
class Segment:
    """A piece of the text and the moves whose evidence covers it (none: plain text)."""

    start: int
    end: int
    keys: tuple[Key, ...]


@dataclass
class Placement:
    """Every placed passage, and what could not be placed at its offsets (and why)."""

    spans: list[Span]
    problems: list[str]


def _clip(passage: str, limit: int = 80) -> str:
    flat = " ".join(passage.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def place_evidence(
    text: str, rumours: Sequence[TransferRumour], opinion: Sequence[TransferRumour] = ()
) -> Placement:
    """Place every evidence passage of ``rumours`` and ``opinion`` in ``text``.

    A passage is placed at its offsets when ``text[start:end]`` is its text. Otherwise
    (the caller passed another text than the one read) it is placed where ``text``
    first holds it, and that is reported; a passage ``text`` does not hold is reported
    and left out.
    """
    spans: list[Span] = []
    problems: list[str] = []
    groups: tuple[tuple[Group, Sequence[TransferRumour]], ...] = (
        ("rumour", rumours),
        ("opinion", opinion),
    )
    for group, moves in groups:
        for index, move in enumerate(moves):
            key = Key(group, index)
            label = f"{'rumour' if group == 'rumour' else 'opinion move'} {index + 1}"
            for evidence in move.evidence:
                start, end = evidence.start, evidence.end
                if 0 <= start < end <= len(text) and text[start:end] == evidence.text:
                    spans.append(Span(key, start, end))
                    continue
                found = text.find(evidence.text)
                if found >= 0:
                    spans.append(Span(key, found, found + len(evidence.text)))
                    problems.append(
                        f"Evidence of {label} ({move.player}) is not at characters "
                        f"{start}-{end} of this text; shown at {found}-"
                        f"{found + len(evidence.text)}, where the text holds it."
                    )
                else:
                    problems.append(
                        f"Evidence of {label} ({move.player}) is not in this text, so it is "
                        f'not highlighted: "{_clip(evidence.text)}"'
                    )
    return Placement(spans, problems)


def segments(length: int, spans: Sequence[Span]) -> Iterator[Segment]:
    """Cut ``range(length)`` at every span boundary; yield the pieces in order.

    Linear in ``length`` plus ``n log n`` in the number of spans: any article size works.
    """
    events: list[tuple[int, int, Key]] = []
    for span in spans:
        events.append((span.start, 1, span.key))
        events.append((span.end, -1, span.key))
    events.sort(key=lambda event: event[0])
    active: dict[Key, int] = {}
    position = 0
    at = 0
    while at < len(events) or position < length:
        boundary = events[at][0] if at < len(events) else length
        if boundary > position:
            yield Segment(position, boundary, tuple(sorted(active)))
            position = boundary
        while at < len(events) and events[at][0] == boundary:
            _, change, key = events[at]
            count = active.get(key, 0) + change
            if count:
                active[key] = count
            else:
                active.pop(key, None)
            at += 1
        if at >= len(events) and position >= length:
            break
