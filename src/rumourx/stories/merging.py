"""Merging rumours from many reports into stories: one per (player, destination).

Reports stream in; each rumour becomes a :class:`Mention` parked in the spill,
and its group (player name as written, destination) keeps a handful of numbers.
When the reports end, groups are joined:

1. A shorter name joins a longer one when its words end the longer name
   ("Kane" and "Harry Kane", "van Dijk" and "Virgil van Dijk"), the destinations
   are the same and the selling clubs agree (equal, or one side names none), and
   exactly one longer name fits.
2. A move with no destination attaches to the player's story only when the
   player has exactly one story with a destination (and the selling clubs
   agree); otherwise it stays a story of its own with no destination.

Clubs are compared by their canonical names in the club index, so nicknames and
aliases ("the Gunners", "Man Utd") meet.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from rumourx.core.types import TransferRumour
from rumourx.knowledge.clubs import club_index
from rumourx.knowledge.folding import fold
from rumourx.stories.outlets import resolve_outlet, resolve_publisher
from rumourx.stories.reports import ReportRecord
from rumourx.stories.spill import NO_ENTRY, EntrySpill

__all__ = ["Mention", "MergedGroup", "StoryMerger", "name_words"]

_WORD = re.compile(r"[a-z0-9']+")


@lru_cache(maxsize=65536)
def name_words(name: str) -> tuple[str, ...]:
    """A player's name as folded words ("Caleta-Car" and "Caleta Car" meet)."""
    return tuple(_WORD.findall(fold(name).replace("-", " ")))


@dataclass(frozen=True)
class Mention:
    """One article's report of one move, as parked in the spill."""

    seq: int
    id: str
    published: str | None
    key: str | None
    publisher: str | None
    url: str | None
    player: str
    from_club: str | None
    to_club: str | None
    status: str
    transfer_type: str
    fee: dict[str, Any] | None
    sources: list[str]
    tiers: dict[str, int | None]
    evidence: list[dict[str, Any]]

    def to_row(self) -> list[Any]:
        """The spill row."""
        return [
            self.seq, self.id, self.published, self.key, self.publisher, self.url,
            self.player, self.from_club, self.to_club, self.status, self.transfer_type,
            self.fee, self.sources, self.tiers, self.evidence,
        ]  # fmt: skip

    @classmethod
    def from_row(cls, row: list[Any]) -> Mention:
        """Back from a spill row."""
        return cls(*row)


@dataclass
class _Group:
    index: int
    words: tuple[str, ...]
    to_key: str
    to_club: str | None
    names: dict[str, int] = field(default_factory=dict)
    sellers: set[str] = field(default_factory=set)
    head: int = NO_ENTRY


@dataclass(frozen=True)
class MergedGroup:
    """A story before assembly: its destination, name variants and mention chains.

    Attributes:
        player: The name to show: a full name before a surname, then the most
            frequent spelling, then the longest.
        to_club: Canonical destination, or None.
        heads: Spill chains holding the story's mentions.
        members: The merged groups' numbers.
        competing: Other destinations reported for the same player.
    """

    player: str
    to_club: str | None
    heads: tuple[int, ...]
    members: tuple[int, ...]
    competing: int


class StoryMerger:
    """Collects mentions from reports, then joins them into stories."""

    def __init__(self, spill: EntrySpill) -> None:
        self._spill = spill
        self._groups: dict[tuple[tuple[str, ...], str], _Group] = {}
        self._seq = 0
        #: Groups that got a mention since the caller last cleared this set.
        self.touched: set[int] = set()

    def add(self, record: ReportRecord) -> None:
        """Park every rumour of one report."""
        for rumour in record.rumours:
            self._add(record, rumour)

    def _add(self, record: ReportRecord, rumour: TransferRumour) -> None:
        words = name_words(rumour.player)
        if not words:
            return
        clubs = club_index()
        to_club = clubs.normalise(rumour.to_club)
        from_club = clubs.normalise(rumour.from_club)
        sources, tiers = _who_said_it(rumour, record)
        self._seq += 1
        mention = Mention(
            seq=self._seq,
            id=record.id,
            published=record.published,
            key=record.key,
            publisher=record.publisher,
            url=record.url,
            player=rumour.player,
            from_club=from_club,
            to_club=to_club,
            status=rumour.status.value,
            transfer_type=rumour.transfer_type.value,
            fee=rumour.fee.model_dump(mode="json") if rumour.fee else None,
            sources=sources,
            tiers=tiers,
            evidence=[e.model_dump(mode="json") for e in rumour.evidence],
        )
        to_key = fold(to_club) if to_club else ""
        group = self._groups.get((words, to_key))
        if group is None:
            group = _Group(len(self._groups), words, to_key, to_club)
            self._groups[(words, to_key)] = group
        self.touched.add(group.index)
        group.names[rumour.player] = group.names.get(rumour.player, 0) + 1
        if from_club:
            group.sellers.add(fold(from_club))
        group.head = self._spill.append(group.head, mention.to_row())

    def merged(self) -> list[MergedGroup]:
        """Join the groups into stories (see the module's rules)."""
        groups = list(self._groups.values())
        root = list(range(len(groups)))
        sellers = [set(group.sellers) for group in groups]  # merged per root, per call

        def find(i: int) -> int:
            while root[i] != i:
                root[i] = root[root[i]]
                i = root[i]
            return i

        def union(child: int, parent: int) -> None:
            child, parent = find(child), find(parent)
            if child != parent:
                root[child] = parent
                sellers[parent] |= sellers[child]

        # 1. shorter names into longer ones with the same destination
        by_suffix: dict[tuple[tuple[str, ...], str], list[int]] = {}
        for i, group in enumerate(groups):
            for start in range(1, len(group.words)):
                by_suffix.setdefault((group.words[start:], group.to_key), []).append(i)
        for i in sorted(range(len(groups)), key=lambda i: -len(groups[i].words)):
            group = groups[i]
            fits = {
                find(j)
                for j in by_suffix.get((group.words, group.to_key), [])
                if _sellers_agree(sellers[i], sellers[find(j)])
            }
            if len(fits) == 1:
                union(i, fits.pop())
        # 2. no destination: attach to the player's only story with one
        with_destination: dict[tuple[str, ...], set[int]] = {}
        for i, group in enumerate(groups):
            if group.to_key and find(i) == i:
                for start in range(len(group.words)):
                    with_destination.setdefault(group.words[start:], set()).add(i)
        competing: dict[int, int] = {}
        for i, group in enumerate(groups):
            if group.to_key or find(i) != i:
                continue
            players = {find(j) for j in with_destination.get(group.words, set())}
            fits = {j for j in players if _sellers_agree(sellers[i], sellers[j])}
            if len(players) == 1 and len(fits) == 1:
                union(i, fits.pop())
            else:
                competing[i] = len(players)
        return self._assemble(groups, find, competing)

    def _assemble(
        self, groups: list[_Group], find: Callable[[int], int], competing: dict[int, int]
    ) -> list[MergedGroup]:
        members: dict[int, list[int]] = {}
        for i in range(len(groups)):
            members.setdefault(find(i), []).append(i)
        names: dict[int, str] = {}
        per_player: dict[tuple[str, ...], int] = {}
        for r, group_ids in members.items():
            variants: dict[str, int] = {}
            for i in group_ids:
                for name, count in groups[i].names.items():
                    variants[name] = variants.get(name, 0) + count
            # a full name before a surname, then the most frequent ("Harry Kane" over
            # "England's Harry Kane" when it is the usual spelling), then the longest
            names[r] = max(
                variants,
                key=lambda n: (len(name_words(n)) > 1, variants[n], len(name_words(n)), n),
            )
            if groups[r].to_key:
                player = name_words(names[r])
                per_player[player] = per_player.get(player, 0) + 1
        merged: list[MergedGroup] = []
        for r, group_ids in members.items():
            group = groups[r]
            others = per_player[name_words(names[r])] - 1 if group.to_key else competing.get(r, 0)
            merged.append(
                MergedGroup(
                    player=names[r],
                    to_club=group.to_club,
                    heads=tuple(groups[i].head for i in group_ids),
                    members=tuple(group_ids),
                    competing=others,
                )
            )
        return merged

    def mentions_of(self, group: MergedGroup) -> Iterator[Mention]:
        """Every mention of a merged group, read back from the spill."""
        for head in group.heads:
            for row in self._spill.chain(head):
                yield Mention.from_row(row)


def _sellers_agree(a: set[str], b: set[str]) -> bool:
    return not a or not b or bool(a & b)


def _who_said_it(
    rumour: TransferRumour, record: ReportRecord
) -> tuple[list[str], dict[str, int | None]]:
    """The outlets behind a rumour: those it cites, else its publisher."""
    tiers: dict[str, int | None] = {}
    for source in rumour.sources:
        name, tier = resolve_outlet(source)
        tier = rumour.source_tiers.get(source, tier)
        if name not in tiers or (tier is not None and (tiers[name] or 9) > tier):
            tiers[name] = tier
    if not tiers:
        publisher = resolve_publisher(record.publisher, record.url)
        if publisher is not None:
            tiers[publisher[0]] = publisher[1]
    return list(tiers), tiers
