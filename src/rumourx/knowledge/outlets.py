"""Outlets and journalists, with reliability tiers, tolerant of misspellings."""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rapidfuzz import process
from rapidfuzz.distance import Indel

from rumourx.knowledge.folding import fold
from rumourx.knowledge.name_pattern import alternation

__all__ = ["Outlet", "OutletIndex", "normalise_outlet", "outlet_index"]

_CUTOFF = 0.84  # difflib ratio of a misspelling to a multi-word name
_REMEMBERED = 65_536  # names looked up, remembered per index (then forgotten at once)


@dataclass(frozen=True)
class Outlet:
    """A source of transfer news.

    Attributes:
        name: Canonical name.
        tier: Reliability, 1 (most reliable) to 5 (least).
        kind: ``outlet`` or ``journalist``.
    """

    name: str
    tier: int
    kind: str


class OutletIndex:
    """Finds outlets and journalists in text; tolerates small misspellings.

    Args:
        outlets: Canonical name to ``{"tier", "kind", "aliases"}``.
    """

    def __init__(self, outlets: dict[str, dict[str, object]]) -> None:
        self._by_alias: dict[str, Outlet] = {}
        self._by_folded: dict[str, Outlet] = {}
        for name, entry in outlets.items():
            outlet = Outlet(name=name, tier=int(str(entry["tier"])), kind=str(entry["kind"]))
            aliases = entry.get("aliases", [])
            assert isinstance(aliases, list)
            for alias in [name, *aliases]:
                self._by_alias.setdefault(str(alias), outlet)
                self._by_folded.setdefault(fold(str(alias)), outlet)
        names = sorted(self._by_alias, key=len, reverse=True)
        self._pattern = re.compile(r"(?<![\w.])(" + alternation(names) + r")(?![\w])")
        # Multi-word names are long enough to match with one or two typos.
        self._fuzzy_keys = [k for k in self._by_folded if " " in k and len(k) >= 7]
        self._found: dict[str, Outlet | None] = {}

    def lookup(self, name: str) -> Outlet | None:
        """The outlet a name stands for: exact alias, folded, or a close misspelling."""
        if name in self._found:
            return self._found[name]
        found = self._lookup(name)
        if len(name) > 200:
            return found
        if len(self._found) >= _REMEMBERED:
            self._found.clear()
        self._found[name] = found
        return found

    def _close(self, key: str) -> str | None:
        """The fuzzy key difflib's ``get_close_matches(key, keys, 1, 0.84)`` would pick.

        Only keys whose Indel similarity (2 * longest common subsequence / total
        length, computed in C++) reaches the cutoff go to difflib: difflib's ratio
        counts matching blocks, a common subsequence, so it is never higher. The
        answer is the same, for a fraction of the time.
        """
        near = process.extract(
            key,
            self._fuzzy_keys,
            scorer=Indel.normalized_similarity,
            score_cutoff=_CUTOFF - 0.005,
            limit=None,
        )
        if not near:
            return None
        kept = sorted(index for _, _, index in near)
        close = difflib.get_close_matches(
            key, [self._fuzzy_keys[i] for i in kept], n=1, cutoff=_CUTOFF
        )
        return close[0] if close else None

    def _lookup(self, name: str) -> Outlet | None:
        if name in self._by_alias:
            return self._by_alias[name]
        key = fold(name)
        if key.startswith("the ") and key[4:] in self._by_folded:
            return self._by_folded[key[4:]]
        if key in self._by_folded:
            return self._by_folded[key]
        if " " in key and len(key) >= 7:
            close = self._close(key)
            if close:
                return self._by_folded[close]
        return None

    def aliases(self) -> list[str]:
        """Every name and alias the table knows, as written there."""
        return list(self._by_alias)

    def display_name(self, name: str) -> str:
        """How to report a source the article names as ``name``.

        The article's own naming is kept when it is a known way of writing the
        outlet ("Mail", "Telegraph", "football.london"); a misspelling is corrected
        to the canonical name ("Diaro Gol" is "Diario Gol"); unknown names are kept.
        """
        name = " ".join(name.split())
        if name.startswith("the "):
            name = name[4:]
        if name in self._by_alias or fold(name) in self._by_folded:
            return name
        found = self.lookup(name)
        return found.name if found else name

    def find(self, text: str) -> list[tuple[Outlet, int, int]]:
        """Known outlets named in ``text``, exactly as in the table, with offsets."""
        return [
            (self._by_alias[m.group(1)], m.start(1), m.end(1)) for m in self._pattern.finditer(text)
        ]


@lru_cache(maxsize=1)
def outlet_index() -> OutletIndex:
    """The outlet index built from the shipped ``outlets.json``."""
    raw = json.loads(
        resources.files("rumourx.knowledge.data").joinpath("outlets.json").read_text("utf-8")
    )
    return OutletIndex(raw["outlets"])


def normalise_outlet(name: str) -> str:
    """Canonical outlet name ("Diaro Gol" is "Diario Gol"), else the name trimmed."""
    found = outlet_index().lookup(name)
    return found.name if found else " ".join(name.split())
