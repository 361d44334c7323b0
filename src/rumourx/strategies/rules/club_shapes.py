"""Clubs the club table does not know, recognised by the shape of their name or slot.

The press names hundreds of small clubs. A name is taken for a club when:

- it opens or closes with a club word ("FC Cincinnati", "Solihull Moors");
- a club descriptor stands before it ("Swedish club Falkenbergs", "League One side X");
- it fills the club slot of a player formula: "X and Georgia winger NAME" or
  "X's 21-year-old Colombian forward NAME".

The club words and descriptors are cue tables (``club_prefix``, ``club_suffix``,
``club_descriptor``); countries and known people never count as clubs.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from rumourx.knowledge.clubs import ClubIndex, ClubMention
from rumourx.knowledge.names import name_lists
from rumourx.knowledge.outlets import outlet_index
from rumourx.strategies.rules.lexicon import (
    CLUB_DESCRIPTOR,
    CLUB_PREFIX,
    CLUB_SLOT_BEFORE,
    CLUB_SUFFIX,
    POSITION,
)

__all__ = ["club_shaped", "find_club_shapes"]

_AGE_AFTER = re.compile(r",\s*\d{2}\b")
_WORD = r"St\.|[A-Z][\w'’&-]*\w|[A-Z]"
_LINK = r"(?:de|da|del|do|of)\s+"
_NAMES = rf"(?:{_WORD})(?:\s+(?:{_LINK})?(?:{_WORD}|\d{{2,4}}\b)){{0,2}}"


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], ...]:
    return (
        re.compile(rf"(?<![\w'’-])((?:(?:{_WORD})\s+){{1,3}}(?:{CLUB_SUFFIX}))(?![\w'’-])"),
        re.compile(rf"(?<![\w'’-])((?:{CLUB_PREFIX})\s+{_NAMES})(?![\w-])"),
        # Starting only where a word starts: "Smith-Smith-...-Smith" is read once,
        # not once from each capital ("O'Neill" starts at "O", "'Premier" at "P").
        re.compile(
            rf"(?<![\w-])(?<!\w['’])(?:(?:[A-Z][\w'’-]*|One|Two|top-flight|second-tier|"
            rf"third-tier|non-league|lower-league|newly-promoted|promoted|relegated)\s+)"
            rf"(?:{CLUB_DESCRIPTOR})\s+({_NAMES})(?![\w-])",
        ),
        re.compile(rf"(?i:{CLUB_SLOT_BEFORE})\s+({_NAMES})(?![\w'’-])"),
        re.compile(
            rf"(?<![\w'’-])({_NAMES})\s+and\s+(?:the\s+)?(?P<place>{_NAMES})\s+"
            rf"(?:(?:Under-\d\d|[\w-]+)\s+){{0,2}}?(?i:{POSITION})\b",
        ),
        re.compile(
            rf"(?<![\w'’-])({_NAMES})['’]s?\s+(?:\d{{2}}-year-old\s+)?(?P<place>{_NAMES})\s+"
            rf"(?:(?:Under-\d\d|[\w-]+)\s+){{0,1}}?(?i:{POSITION})\b",
        ),
    )


def _trim(name: str) -> str:
    """Drop leading words that never open a name ("However", "The"), club words kept."""
    words = name.split()
    stop = name_lists().not_names
    club_word = re.compile(rf"(?:{CLUB_PREFIX}|{CLUB_SUFFIX})")
    while words and words[0] in stop and not club_word.fullmatch(words[0]):
        words = words[1:]
    return " ".join(words)


def club_shaped(name: str) -> bool:
    """Whether a name opens or closes with a club word ("FC Dallas", "Solihull Moors")."""
    pattern_suffix, pattern_prefix = _patterns()[:2]
    return bool(pattern_suffix.fullmatch(name) or pattern_prefix.fullmatch(name))


def _acceptable(name: str, clubs: ClubIndex) -> bool:
    lists = name_lists()
    words = name.split()
    if not words or clubs.canonical(name) or lists.is_place(name) or lists.is_non_player(name):
        return False
    if not words[0][0].isupper() or all(w in lists.not_names for w in words):
        return False
    return len(words) > 1 or not clubs.is_alias(words[0])


def find_club_shapes(text: str, clubs: ClubIndex) -> list[str]:
    """Names in ``text`` that are clubs by shape or slot, first seen first."""
    found: list[str] = []
    known = [(m.start, m.end) for m in clubs.find(text)]
    # Named clubs do not overlap and come in order: the last one starting before a
    # span's end is the only one that may overlap it.
    known_starts = [s for s, _ in known]
    for index, pattern in enumerate(_patterns()):
        for match in pattern.finditer(text):
            start, end = match.span(1)
            if index >= 4:
                place = match.group("place")
                lists = name_lists()
                if not lists.is_place(place) and not lists.is_nationality(place):
                    continue
                if not match.group(1)[0].isupper():
                    continue
            before = bisect.bisect_left(known_starts, end) - 1
            if before >= 0 and start < known[before][1]:
                continue
            if _AGE_AFTER.match(text, end):
                continue  # "fresh terms for Tom Brack, 27,": a person, not a club
            name = _trim(match.group(1))
            if index < 2 and len(name.split()) < 2:
                continue  # the club word alone ("The Athletic" is an outlet)
            if outlet_index().lookup(match.group(1)) or outlet_index().lookup(name):
                continue
            if _acceptable(name, clubs) and name not in found:
                found.append(name)
    # "FC Union" inside "FC Union Cincinnati": keep the longest.
    return [n for n in found if not any(n != o and f" {n} " in f" {o} " for o in found)]


def shape_mentions(
    sentence: str, offset: int, names: list[str], taken: list[tuple[int, int]]
) -> list[ClubMention]:
    """Mentions of the article's shaped clubs in one sentence, outside ``taken`` spans."""
    mentions = []
    for name in names:
        for match in re.finditer(rf"(?<![\w'’-]){re.escape(name)}(?![\w-])", sentence):
            start, end = match.start() + offset, match.end() + offset
            if not any(s < end and start < e for s, e in taken):
                mentions.append(ClubMention(name, name, start, end))
                taken.append((start, end))
    return mentions
