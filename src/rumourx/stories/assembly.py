"""From a merged group's mentions to a story: timeline, status, outlets, contradictions."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rumourx.core.dates import published_day
from rumourx.core.types import Evidence, Fee, Status, TransferType
from rumourx.stories.merging import Mention
from rumourx.stories.model import Contradiction, StoryOutlet, TimelineEntry

__all__ = ["Assembled", "assemble"]

#: Which status one article's entry keeps when it reports the move more than once.
_PRECEDENCE = {
    Status.LINKED: 0,
    Status.TALKS: 1,
    Status.BID: 2,
    Status.BID_REJECTED: 3,
    Status.AGREED: 4,
    Status.COLLAPSED: 5,
    Status.COMPLETED: 6,
}
_POSITIVE = frozenset({Status.AGREED, Status.COMPLETED})


@dataclass(frozen=True)
class Assembled:
    """A story's parts, before its probability."""

    timeline: list[TimelineEntry]
    from_club: str | None
    status: Status
    first_reported: str | None
    last_reported: str | None
    outlets: list[StoryOutlet]
    best_tier: int | None
    contradictions: list[Contradiction]


def _entry(mentions: list[Mention]) -> tuple[TimelineEntry, str | None, int]:
    """One article's timeline entry from its mentions of the story."""
    first = min(mentions, key=lambda m: m.seq)
    status = max((Status(m.status) for m in mentions), key=_PRECEDENCE.__getitem__)
    sources: dict[str, None] = {}
    evidence: dict[tuple[str, int, int], Evidence] = {}
    for m in sorted(mentions, key=lambda m: m.seq):
        sources.update(dict.fromkeys(m.sources))
        for e in m.evidence:
            key = (e["text"], e["start"], e["end"])
            if key not in evidence:  # validated when the report was read
                evidence[key] = Evidence.model_construct(text=key[0], start=key[1], end=key[2])
    kinds = [m.transfer_type for m in mentions if m.transfer_type != TransferType.UNKNOWN.value]
    fee = next((m.fee for m in mentions if m.fee), None)
    entry = TimelineEntry.model_construct(
        id=first.id,
        published=first.published,
        status=status,
        sources=list(sources),
        evidence=sorted(evidence.values(), key=lambda e: e.start),
        player=first.player,
        from_club=next((m.from_club for m in mentions if m.from_club), None),
        to_club=next((m.to_club for m in mentions if m.to_club), None),
        transfer_type=TransferType(kinds[0]) if kinds else TransferType.UNKNOWN,
        fee=Fee.model_construct(**fee) if fee else None,
        publisher=first.publisher,
        url=first.url,
    )
    return entry, first.key, first.seq


def _outlets(timeline: list[TimelineEntry], tiers: dict[str, int | None]) -> list[StoryOutlet]:
    counts: dict[str, int] = {}
    for entry in timeline:
        for name in entry.sources:
            counts[name] = counts.get(name, 0) + 1
    return sorted(
        (StoryOutlet(name=n, tier=tiers.get(n), articles=c) for n, c in counts.items()),
        key=lambda o: (o.tier or 9, -o.articles, o.name),
    )


def _same_day(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return published_day(a) == published_day(b)


def _contradictions(timeline: list[TimelineEntry]) -> list[Contradiction]:
    """Turns between "agreed/completed" and "collapsed", in timeline order."""
    found: list[Contradiction] = []
    decisive: TimelineEntry | None = None
    for entry in timeline:
        if entry.status not in _POSITIVE and entry.status is not Status.COLLAPSED:
            continue
        if decisive is not None and (decisive.status in _POSITIVE) != (entry.status in _POSITIVE):
            conflict = _same_day(decisive.published, entry.published) and not set(
                decisive.sources
            ) & set(entry.sources)
            earlier_by = ", ".join(decisive.sources) or decisive.id
            later_by = ", ".join(entry.sources) or entry.id
            if conflict:
                text = (
                    f"{earlier_by} said {decisive.status.value} while {later_by} "
                    f"said {entry.status.value}"
                )
            else:
                when = f" on {entry.published}" if entry.published else " later"
                text = (
                    f"{decisive.status.value} ({earlier_by}), then "
                    f"{entry.status.value}{when} ({later_by})"
                )
            found.append(
                Contradiction(
                    kind="conflict" if conflict else "reversal",
                    earlier=decisive.id,
                    later=entry.id,
                    earlier_status=decisive.status,
                    later_status=entry.status,
                    description=text,
                )
            )
        decisive = entry
    return found


def _seller(timeline: list[TimelineEntry]) -> str | None:
    counts: dict[str, tuple[int, int]] = {}
    for position, entry in enumerate(timeline):
        if entry.from_club:
            count, _ = counts.get(entry.from_club, (0, 0))
            counts[entry.from_club] = (count + 1, position)
    return max(counts, key=counts.__getitem__) if counts else None


def assemble(mentions: Iterable[Mention]) -> Assembled:
    """A story's timeline and what follows from it.

    Raises:
        ValueError: No mentions.
    """
    by_article: dict[str, list[Mention]] = {}
    tiers: dict[str, int | None] = {}
    for mention in mentions:
        by_article.setdefault(mention.id, []).append(mention)
        for name, tier in mention.tiers.items():
            known = tiers.get(name)
            tiers[name] = tier if known is None else min(known, tier or known)
    if not by_article:
        raise ValueError("a story needs at least one mention")
    entries = sorted(
        (_entry(group) for group in by_article.values()), key=lambda e: (e[1] or "", e[2])
    )
    timeline = [entry for entry, _, _ in entries]
    dated = [entry.published for entry, key, _ in entries if key is not None]
    outlets = _outlets(timeline, tiers)
    known_tiers = [o.tier for o in outlets if o.tier is not None]
    return Assembled(
        timeline=timeline,
        from_club=_seller(timeline),
        status=timeline[-1].status,
        first_reported=dated[0] if dated else None,
        last_reported=dated[-1] if dated else None,
        outlets=outlets,
        best_tier=min(known_tiers) if known_tiers else None,
        contradictions=_contradictions(timeline),
    )
