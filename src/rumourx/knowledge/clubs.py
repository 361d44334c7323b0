"""Club names, nicknames and stadiums to canonical club names."""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rumourx.knowledge.folding import fold
from rumourx.knowledge.name_pattern import alternation

__all__ = ["ClubIndex", "ClubMention", "club_index", "normalise_club"]

_INSTITUTION = re.compile(
    r"\s+(?:City\s+)?(?:Council|Holdings|Airport|University|Police|Hospital|Museum|Cathedral|"
    r"Crown Court|Magistrates|Council's|Chamber|Metro|Railway|Station|Zoo|Port|Harbour|"
    r"Business School|City Region|Combined Authority|Borough|Constabulary)\b"
)


# "interested in Stuttgart left-back X", "in Lyon's X", "in Lyon and France midfielder X":
# the club, not the city.
_CLUB_SLOT_AFTER = re.compile(
    r"(?:['’]s?\s|\s+(?:and\s+(?:[A-Z][\w'’-]*\s+){1,3})?(?:[\w-]+\s+)?)(?:midfielder|striker|"
    r"forward|defender|winger|goalkeeper|keeper|centre-back|center-back|full-back|left-back|"
    r"right-back|playmaker|attacker|star|captain|youngster|teenager|player|boss|manager|coach|"
    r"international)\b|['’]s?\s"
)
_CITY_CLUB = re.compile(r"\s+(?:club|side|outfit|giants|rivals|club's|side's)\b")


@dataclass(frozen=True)
class ClubMention:
    """A club named in a text: ``text[start:end]`` is the alias as written."""

    club: str
    alias: str
    start: int
    end: int


class ClubIndex:
    """Finds and normalises club names.

    Args:
        clubs: Canonical name to aliases (matched case-sensitively, whole words).
        contextual: Aliases that name a club only when the article already names a
            club they fit ("United" after "Manchester United"), with those clubs.
        cities: Aliases that are also city names ("in Madrid" is no club).
        defaults: The club a contextual alias names when the article names none it
            fits ("United" alone is Manchester United).
    """

    def __init__(
        self,
        clubs: dict[str, list[str]],
        contextual: dict[str, list[str]],
        cities: frozenset[str] = frozenset(),
        defaults: dict[str, str] | None = None,
    ) -> None:
        self._cities = cities
        self._defaults = defaults or {}
        self._alias_to_club: dict[str, str] = {}
        self._folded: dict[str, str] = {}
        for club, aliases in clubs.items():
            for alias in [club, *aliases]:
                self._alias_to_club.setdefault(alias, club)
                self._folded.setdefault(fold(alias), club)
        self._contextual = contextual
        names = sorted(self._alias_to_club, key=len, reverse=True)
        self._pattern = re.compile(r"(?<![\w.])(?:the\s+)?(" + alternation(names) + r")(?![\w-])")
        context_names = sorted(contextual, key=len, reverse=True)
        self._context_pattern = re.compile(
            r"(?<![\w.])(" + alternation(context_names) + r")(?![\w-])"
        )
        self.clubs: frozenset[str] = frozenset(clubs)

    def canonical(self, name: str | None) -> str | None:
        """Canonical club for a name or alias (case and accents ignored), else None."""
        if not name:
            return None
        key = fold(name)
        if key.startswith("the "):
            key = key[4:]
        return self._folded.get(key)

    def normalise(self, name: str | None) -> str | None:
        """Canonical name when known, else the name as given (trimmed); None stays None."""
        if name is None:
            return None
        return self.canonical(name) or " ".join(name.split()) or None

    def alias_items(self) -> list[tuple[str, str]]:
        """Every ``(alias, canonical club)`` pair."""
        return list(self._alias_to_club.items())

    def is_alias(self, word: str) -> bool:
        """Whether ``word`` is exactly a known club alias."""
        return word in self._alias_to_club

    def find(self, text: str, known: set[str] | None = None) -> list[ClubMention]:
        """Every club named in ``text``, longest alias first, left to right.

        Args:
            text: Where to look.
            known: Clubs the article already names, to resolve contextual aliases.
        """
        mentions: list[ClubMention] = []
        taken: list[tuple[int, int]] = []
        for match in self._pattern.finditer(text):
            alias = match.group(1)
            if _INSTITUTION.match(text, match.end(1)):
                continue  # "Manchester City Council", "Arsenal Holdings": not the club
            if (
                alias in self._cities
                and re.search(r"\bin\s+$", text[max(0, match.start(1) - 4) : match.start(1)])
                and not _CLUB_SLOT_AFTER.match(text, match.end(1))
            ):
                continue
            if alias in self._cities and _CITY_CLUB.match(text, match.end(1)):
                continue  # "the Birmingham club" is a club of that city, not the one so named
            mentions.append(
                ClubMention(self._alias_to_club[alias], alias, match.start(1), match.end(1))
            )
            taken.append((match.start(1), match.end(1)))
        if known is not None:
            # The taken spans come in order and never overlap: only the last one
            # starting at or before a match may hold it.
            starts = [s for s, _ in taken]
            for match in self._context_pattern.finditer(text):
                last = bisect.bisect_right(starts, match.start(1)) - 1
                if last >= 0 and match.start(1) < taken[last][1]:
                    continue
                alias = match.group(1)
                fits = [c for c in self._contextual[alias] if c in known]
                if not fits and alias in self._defaults:
                    # "United" alone, with no other United named: Manchester United.
                    before = text[max(0, match.start(1) - 25) : match.start(1)]
                    after = text[match.end(1) : match.end(1) + 20]
                    if not re.search(r"[A-Z][\w'’-]*\s+$", before) and not re.match(
                        r"\s+[A-Z]", after
                    ):
                        fits = [self._defaults[alias]]
                if len(fits) == 1:
                    mentions.append(ClubMention(fits[0], alias, match.start(1), match.end(1)))
        mentions.sort(key=lambda m: m.start)
        return mentions


@lru_cache(maxsize=1)
def club_index() -> ClubIndex:
    """The club index built from the shipped ``clubs.json``."""
    raw = json.loads(
        resources.files("rumourx.knowledge.data").joinpath("clubs.json").read_text("utf-8")
    )
    clubs = {name: entry["aliases"] for name, entry in raw["clubs"].items()}
    return ClubIndex(
        clubs,
        raw["contextual"],
        frozenset(raw.get("cities", [])),
        raw.get("contextual_default", {}),
    )


def normalise_club(name: str | None) -> str | None:
    """Canonical club name for ``name`` ("the Gunners" is "Arsenal"), else ``name``."""
    return club_index().normalise(name)
