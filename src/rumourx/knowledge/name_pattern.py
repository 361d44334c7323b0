"""One regular expression for many names, shaped as a trie.

``alternation(names)`` matches exactly what ``"|".join(escaped names, longest
first)`` matches, at the same places, but the regex engine reads each position
once along the trie instead of trying every name in turn. At one position all the
names that match are prefixes of one another, so they lie on one path of the
trie; trying the longer continuation first, and backing off to the shorter when
what follows fails, picks the same name the longest-first alternation picks.
"""

from __future__ import annotations

import re

__all__ = ["alternation"]

_END = ""  # a key no character equals: "a name ends here"


def alternation(names: list[str]) -> str:
    """A regex fragment (no group) matching any of ``names``, longest first."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for name in names:
        if not name:
            continue
        node = trie
        for char in name:
            node = node.setdefault(char, {})
        node[_END] = {}
    return _pattern(trie)


def _pattern(node: dict) -> str:  # type: ignore[type-arg]
    branches = [re.escape(char) + _pattern(child) for char, child in node.items() if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # A name ending here: the longer names first (greedy), this one when they fail.
    return "(?:" + body + ")?" if _END in node else body
