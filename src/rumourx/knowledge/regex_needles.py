r"""Needles: literal strings of which every match of a regular expression contains one.

``\bmove to\b`` cannot match a text without ``"move to"`` in it, and
``(?:sign|land)s?\s+him`` none without ``"sign"``, ``"land"`` or ``" him"``... or
rather, without one of the needles :func:`needles` picks (it keeps the set whose
shortest needle is longest). A cue table searched sentence by sentence can skip
every cue whose needles are all absent, without running its regular expression:
that is what :class:`~rumourx.knowledge.cue_alternation.CueAlternation` does.

The analysis reads Python's own parse of the pattern and only ever claims less than
is true: whatever it does not understand (character classes, look-arounds,
back-references, optional parts) gives no needle. Needles are ASCII. For a pattern
that ignores case they are lower case and are looked for in :func:`fold_case` of the
text, which maps every character the regular expression engine takes for an ASCII
letter when ignoring case ("K", the Kelvin sign, "ſ", "ı", "İ") to that letter.
"""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Iterable
from typing import Any

__all__ = ["fold_case", "needles"]

# Python's parser for its own regular expressions (``re._parser`` from 3.11 on).
_PARSER: Any = importlib.import_module("re._parser" if sys.version_info >= (3, 11) else "sre_parse")

# Characters the engine matches to an ASCII letter when ignoring case, but that
# ``str.lower`` does not lower to that one letter (a test checks every code point).
_TO_ASCII = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})
_REPEATS = frozenset({"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"})

_Needles = frozenset[str]


def fold_case(text: str) -> str:
    """``text`` as needles of a case-ignoring pattern are looked for in it."""
    if not text.isascii() and ("İ" in text or "ı" in text or "ſ" in text):
        text = text.translate(_TO_ASCII)
    return text.lower()


def needles(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Strings of which every match of ``pattern`` (with ``flags``) contains one.

    None when the analysis finds no such set (an empty match is possible, or the
    pattern is beyond what it reads); the pattern must then simply be run.
    """
    if flags & (re.ASCII | re.LOCALE):
        return None
    try:
        tree = _PARSER.parse(pattern, flags)
        fold = bool(tree.state.flags & re.IGNORECASE)
        found = _sequence(tree, fold)
    except _GiveUp:
        return None
    return _smallest(found) if found else None


class _GiveUp(Exception):
    """The pattern turns case-ignoring on in a part: not read."""


def _sequence(items: Iterable[tuple[Any, Any]], fold: bool) -> _Needles | None:
    """The best needle set of a sequence: any one of its required elements will do."""
    candidates: list[_Needles] = []
    run: list[str] = []

    def close_run() -> None:
        if run:
            candidates.append(frozenset({"".join(run)}))
            run.clear()

    for op, value in items:
        name = op.name
        if name == "LITERAL" and value < 128:
            run.append(chr(value).lower() if fold else chr(value))
            continue
        close_run()
        found: _Needles | None = None
        if name == "SUBPATTERN":
            _, add_flags, _, inner = value
            if add_flags & re.IGNORECASE and not fold:
                raise _GiveUp
            found = _sequence(inner, fold)
        elif name == "ATOMIC_GROUP":
            found = _sequence(value, fold)
        elif name == "BRANCH":
            found = _branches(value[1], fold)
        elif name in _REPEATS and value[0] >= 1:
            found = _sequence(value[2], fold)
        # Anything else (classes, anchors, look-arounds, optional parts) requires no
        # literal text of its own.
        if found:
            candidates.append(found)
    close_run()
    if not candidates:
        return None
    return max(candidates, key=lambda s: (min(map(len, s)), -len(s)))


def _branches(branches: Iterable[Iterable[tuple[Any, Any]]], fold: bool) -> _Needles | None:
    """Needles of an alternation: one set from each branch, or none at all."""
    union: set[str] = set()
    for branch in branches:
        found = _sequence(branch, fold)
        if not found:
            return None
        union |= found
    return frozenset(union)


def _smallest(found: _Needles) -> _Needles:
    """The set without needles that contain another ("stays" goes when "stay" is in)."""
    return frozenset(n for n in found if not any(o != n and o in n for o in found))
