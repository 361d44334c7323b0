"""Score a reader against player-labelled items (``../shared/corpus/bbc-items``).

The items carry machine labels with no roles: the players each item is about and
the clubs it names. So the figures are the ones the items' README defines:

- **player recall:** the share of labelled (item, player) pairs for which some
  rumour names that player (full name, or a surname among the other name's words,
  ignoring case and accents);
- **player precision:** the share of returned rumours whose player is labelled
  for that item;
- **club consistency:** the share of those matched rumours whose clubs (destination
  and, when given, current club) are all among the item's ``clubs_mentioned``.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rumourx.core.errors import InputError, RumourxError
from rumourx.core.settings import Settings
from rumourx.core.types import Article
from rumourx.evaluation.corpus import read_jsonl
from rumourx.evaluation.scoring import players_agree
from rumourx.extractor import Extractor
from rumourx.knowledge.clubs import club_index
from rumourx.knowledge.folding import fold

__all__ = [
    "ItemsResult",
    "ItemsScore",
    "LabelledItem",
    "evaluate_items",
    "load_items",
    "read_ids",
    "score_item",
]

Rumour = Mapping[str, Any]
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class LabelledItem:
    """One item: its text, its labelled players and the clubs it names."""

    id: str
    text: str
    players: tuple[str, ...]
    clubs: tuple[str, ...]


def read_ids(path: Path) -> set[str]:
    """Ids from a file with one id a line (blank lines and ``#`` comments skipped).

    Raises:
        InputError: The file is missing.
    """
    if not path.is_file():
        raise InputError(f"no such file: {path}")
    lines = (line.split("#", 1)[0].strip() for line in path.read_text("utf-8").splitlines())
    return {line for line in lines if line}


def load_items(
    path: Path, *, exclude: set[str] | frozenset[str] = frozenset()
) -> list[LabelledItem]:
    """The items of ``path`` in file order, minus the ids in ``exclude``.

    Raises:
        InputError: The file is missing or a line lacks ``text`` or ``players``.
    """
    items = []
    for number, row in enumerate(read_jsonl(path), start=1):
        if row["id"] in exclude:
            continue
        players, clubs = row.get("players"), row.get("clubs_mentioned", [])
        if not isinstance(row.get("text"), str) or not isinstance(players, list):
            raise InputError(f"{path}: item {number} needs a 'text' and a 'players' list")
        if not isinstance(clubs, list):
            raise InputError(f"{path}: item {number}: 'clubs_mentioned' must be a list")
        items.append(
            LabelledItem(
                id=str(row["id"]),
                text=row["text"],
                players=tuple(str(p) for p in players),
                clubs=tuple(str(c) for c in clubs),
            )
        )
    return items


def _club_key(name: str) -> str:
    return fold(club_index().normalise(name) or name)


@dataclass
class ItemsScore:
    """Counts that add up across items."""

    items: int = 0
    labelled: int = 0
    recalled: int = 0
    returned: int = 0
    returned_labelled: int = 0
    consistent: int = 0
    misses: list[str] = field(default_factory=list)

    def __iadd__(self, other: ItemsScore) -> ItemsScore:
        self.items += other.items
        self.labelled += other.labelled
        self.recalled += other.recalled
        self.returned += other.returned
        self.returned_labelled += other.returned_labelled
        self.consistent += other.consistent
        self.misses.extend(other.misses)
        return self

    @property
    def recall(self) -> float:
        """Labelled players some rumour names, over labelled players."""
        return self.recalled / self.labelled if self.labelled else 0.0

    @property
    def precision(self) -> float:
        """Rumours whose player is labelled, over rumours."""
        return self.returned_labelled / self.returned if self.returned else 0.0

    @property
    def club_consistency(self) -> float:
        """Matched rumours whose clubs are all among the item's clubs."""
        return self.consistent / self.returned_labelled if self.returned_labelled else 0.0

    def as_dict(self) -> dict[str, Any]:
        """Figures for JSON output."""
        return {
            "items": self.items,
            "labelled_players": self.labelled,
            "recalled_players": self.recalled,
            "rumours": self.returned,
            "rumours_with_labelled_player": self.returned_labelled,
            "player_recall": round(self.recall, 4),
            "player_precision": round(self.precision, 4),
            "club_consistency": round(self.club_consistency, 4),
        }


def score_item(item: LabelledItem, rumours: Sequence[Rumour]) -> ItemsScore:
    """Score one item's rumours against its labelled players and clubs."""
    score = ItemsScore(items=1, labelled=len(item.players), returned=len(rumours))
    named = [str(r.get("player") or "") for r in rumours]
    for player in item.players:
        if any(players_agree(player, name) for name in named):
            score.recalled += 1
        else:
            score.misses.append(f"{item.id}: missed {player}")
    mentioned = {_club_key(c) for c in item.clubs}
    for rumour, name in zip(rumours, named, strict=True):
        move = f"{name} -> {rumour.get('to_club')}"
        if not any(players_agree(player, name) for player in item.players):
            score.misses.append(f"{item.id}: extra {move}")
            continue
        score.returned_labelled += 1
        clubs = [c for c in (rumour.get("to_club"), rumour.get("from_club")) if c]
        stray = [str(c) for c in clubs if _club_key(str(c)) not in mentioned]
        if stray:
            score.misses.append(f"{item.id}: {move}: club not mentioned: {', '.join(stray)}")
        else:
            score.consistent += 1
    return score


@dataclass
class ItemsResult:
    """How one strategy did on an items file."""

    name: str
    score: ItemsScore
    seconds: float
    errors: list[str] = field(default_factory=list)
    categories: Counter[str] | None = None

    def as_dict(self) -> dict[str, Any]:
        """Figures for JSON output."""
        per = max(self.score.items, 1)
        figures = {
            "strategy": self.name,
            **self.score.as_dict(),
            "seconds_per_item": round(self.seconds / per, 5),
            "errors": len(self.errors),
        }
        if self.categories is not None:
            figures["miss_categories"] = dict(self.categories.most_common())
        return figures


def evaluate_items(
    items: Sequence[LabelledItem],
    strategy: str,
    settings: Settings,
    *,
    progress: Progress | None = None,
    categorise: bool = False,
) -> ItemsResult:
    """Extract every item with ``strategy`` and score it; a failed item returns nothing.

    With ``categorise``, also count the misses by category (:mod:`.miss_categories`).
    """
    from rumourx.evaluation.miss_categories import categorise_item

    extractor = Extractor(settings.model_copy(update={"strategy": strategy}))
    categories: Counter[str] | None = Counter() if categorise else None
    total = ItemsScore()
    errors: list[str] = []
    started = time.perf_counter()
    for done, item in enumerate(items, start=1):
        rumours: list[dict[str, Any]] = []
        try:
            report = extractor.extract(Article(text=item.text, id=item.id))
            rumours = [r.model_dump(mode="json") for r in report.rumours]
        except RumourxError as exc:
            errors.append(f"{item.id}: {type(exc).__name__}: {exc}")
        total += score_item(item, rumours)
        if categories is not None:
            categories.update(categorise_item(item, rumours))
        if progress is not None:
            progress(done, len(items))
    return ItemsResult(
        name=strategy,
        score=total,
        seconds=time.perf_counter() - started,
        errors=errors,
        categories=categories,
    )
