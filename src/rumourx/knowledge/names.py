"""Word lists for telling players from everyone else, read from ``people.json``.

- ``non_players``: people often named in transfer news who are not players
  (managers, executives, owners, pundits);
- ``not_names``: capitalised words that are never part of a player's name
  ("However", "Premier", "Gunners");
- ``titles``: words in front of a name that make the person no player ("Boss");
- ``places``: countries, regions and competitions ("Czech Republic", "Serie A");
- ``nationalities``: nationality words ("Colombian", "Dane");
- ``venues``: words that open a ground's name ("Stade" in "Stade Louis II").

The file is checked when loaded: an unknown key, a value that is not a list of
strings, or an entry listed twice raises :class:`ConfigurationError`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from rumourx.core.errors import ConfigurationError
from rumourx.knowledge.folding import fold

__all__ = ["NameLists", "load_name_lists", "name_lists"]

_KEYS = ("non_players", "not_names", "titles", "places", "nationalities", "venues")


@dataclass(frozen=True)
class NameLists:
    """The lists, ready for lookups (``non_players`` and ``places`` folded)."""

    non_players: frozenset[str]
    not_names: frozenset[str]
    titles: frozenset[str]
    places: frozenset[str]
    nationalities: frozenset[str]
    venues: frozenset[str]

    def is_nationality(self, word: str) -> bool:
        """Whether ``word`` is a nationality ("Colombian", "Dane")."""
        return fold(word) in self.nationalities

    def is_place(self, name: str) -> bool:
        """Whether ``name`` is a country, region or competition (case and accents ignored)."""
        return fold(name) in self.places

    def is_non_player(self, name: str) -> bool:
        """Whether ``name`` is a known manager, executive, owner or pundit.

        A lone surname counts when it is long, belongs to one listed person only, and
        is not a common football surname ("Tuchel" yes, "Martinez" no).
        """
        key = fold(name)
        if key in self.non_players:
            return True
        return " " not in key and key in _unique_surnames(self.non_players)


_COMMON_SURNAMES = frozenset(
    "silva martinez jesus smith parker frank neville henry santos fernandes rodriguez garcia "
    "gomez lopez alonso costa jardim pereira fonseca howe gerrard rooney keane lampard "
    "kompany carrick wagner arnold ward mitchell bloom lim edwards campos perez maldini simeone "
    "inzaghi henderson jackson ferdinand".split()
)


@lru_cache(maxsize=4)
def _unique_surnames(names: frozenset[str]) -> frozenset[str]:
    last = [n.split()[-1] for n in names if " " in n]
    return frozenset(
        s for s in last if len(s) >= 5 and last.count(s) == 1 and s not in _COMMON_SURNAMES
    )


def load_name_lists(raw: Any, source: str = "people.json") -> NameLists:
    """Check and index the lists of a parsed ``people.json``.

    Raises:
        ConfigurationError: Unknown key, a missing list, a non-string entry or a duplicate.
    """
    if not isinstance(raw, dict):
        raise ConfigurationError(f"{source}: expected an object with {', '.join(_KEYS)}")
    unknown = [k for k in raw if k not in _KEYS and not k.startswith("_")]
    if unknown:
        raise ConfigurationError(f"{source}: unknown key {unknown[0]!r}; known: {', '.join(_KEYS)}")
    lists: dict[str, list[str]] = {}
    for key in _KEYS:
        values = raw.get(key)
        if not isinstance(values, list) or not all(isinstance(v, str) and v for v in values):
            raise ConfigurationError(f"{source}: {key!r} must be a list of non-empty strings")
        seen: set[str] = set()
        for value in values:
            folded = fold(value) if key in ("non_players", "places", "nationalities") else value
            if folded in seen:
                raise ConfigurationError(f"{source}: {key!r} lists {value!r} twice")
            seen.add(folded)
        lists[key] = values
    return NameLists(
        non_players=frozenset(fold(v) for v in lists["non_players"]),
        not_names=frozenset(lists["not_names"]),
        titles=frozenset(lists["titles"]),
        places=frozenset(fold(v) for v in lists["places"]),
        nationalities=frozenset(fold(v) for v in lists["nationalities"]),
        venues=frozenset(lists["venues"]),
    )


@lru_cache(maxsize=1)
def name_lists() -> NameLists:
    """The shipped lists, loaded and checked once."""
    text = resources.files("rumourx.knowledge.data").joinpath("people.json").read_text("utf-8")
    return load_name_lists(json.loads(text))
