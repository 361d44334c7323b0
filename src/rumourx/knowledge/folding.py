"""Accent- and case-insensitive folding of names."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["fold"]

_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# Short strings (names, aliases, words) are folded again and again; whole articles
# are folded a few times each by finishing. Both are remembered, within bounds.
_SHORT = 200


def _keep(match: re.Match[str]) -> str:
    char = match.group()
    return "" if unicodedata.combining(char) else char


def _fold(text: str) -> str:
    if text.isascii():
        # NFKD leaves ASCII as it is, and no ASCII character is combining.
        return " ".join(text.lower().split())
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = _NON_ASCII.sub(_keep, decomposed)
    stripped = stripped.replace("’", "'").replace("‘", "'").replace("ß", "ss")
    return " ".join(stripped.lower().split())


_fold_short = lru_cache(maxsize=16_384)(_fold)
_fold_long = lru_cache(maxsize=8)(_fold)


def fold(text: str) -> str:
    """Lower-case, strip accents, fold quotes and collapse spaces."""
    return _fold_short(text) if len(text) <= _SHORT else _fold_long(text)
