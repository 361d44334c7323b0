r"""A cue table searched as one alternation, quickly: only the cues the text can hold run.

A cue table is a regular expression ``(?:cue1)|(?:cue2)|...`` (and, read right before
a club or a name, ``(?:cue1|cue2|...)\s*$``). Python's engine tries every cue at
every position of the text, so a table of a hundred cues costs a hundred scans of
each sentence. :class:`CueAlternation` gives the same answers (the same match, at
the same place, with the same cue winning) by running each cue on its own, and
only the cues whose needles (:mod:`rumourx.knowledge.regex_needles`) occur in the
text: most sentences hold the words of very few cues.

Why the answers are the same: the alternation's match is the leftmost position
where some cue (followed by the tail) matches, and there the first such cue in the
table. Each cue run on its own finds its own leftmost position; the earliest of
these, ties going to the cue listed first, is that match. A cue without its needles
in the text matches nowhere in it. A table with capturing groups (their numbers
would change) is simply run whole.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator, Sequence
from itertools import compress

from rumourx.knowledge.regex_needles import fold_case, needles

__all__ = ["CueAlternation"]

_END = sys.maxsize
# The text last folded, and its folded form: several tables are searched in a row
# on the same sentence or the same words before a club.
_last_folded: tuple[str, str] = ("", "")


class CueAlternation:
    r"""``(?:cue1)|(?:cue2)|...`` then ``tail``, searched cue by cue where that is faster.

    Args:
        cues: The cues, strongest first (an earlier cue wins a tie).
        flags: Regular-expression flags for all of them.
        tail: What must follow the cue (``\s*$``: the text searched ends there).
    """

    def __init__(self, cues: Sequence[str], flags: int = 0, tail: str = "") -> None:
        alternation = "|".join(f"(?:{cue})" for cue in cues)
        self.whole = re.compile(f"(?:{alternation}){tail}" if tail else alternation, flags)
        self.pattern = self.whole.pattern
        self.flags = self.whole.flags
        self._fold = bool(self.flags & re.IGNORECASE)
        self._source = (tuple(cues), flags, tail)
        # Built on first use (importing the rules stays quick): the cues one by one,
        # each needle with the cue it stands for, and the cues that have none.
        self._cues: list[re.Pattern[str]] | None = None
        self._ready = self.whole.groups > 0  # capturing groups: the whole pattern only
        self._needles: tuple[str, ...] = ()
        self._needle_cues: tuple[int, ...] = ()
        self._always: frozenset[int] = frozenset()

    def _split(self) -> list[re.Pattern[str]] | None:
        """The cues one by one, built the first time (None: run the whole pattern)."""
        if self._ready:
            return self._cues
        cues, flags, tail = self._source
        wanted = [needles(cue, flags) for cue in cues]
        pairs = [(n, i) for i, found in enumerate(wanted) for n in sorted(found or ())]
        self._needles = tuple(n for n, _ in pairs)
        self._needle_cues = tuple(i for _, i in pairs)
        self._always = frozenset(i for i, found in enumerate(wanted) if found is None)
        self._cues = [re.compile(f"(?:{cue}){tail}", flags) for cue in cues]
        self._ready = True
        return self._cues

    def __repr__(self) -> str:
        return f"CueAlternation({self.pattern!r})"

    def _haystack(self, text: str) -> str:
        global _last_folded
        if not self._fold:
            return text
        last = _last_folded
        if last[0] == text:
            return last[1]
        folded = fold_case(text)
        _last_folded = (text, folded)
        return folded

    def _candidates(self, text: str, pos: int, endpos: int) -> list[int]:
        """The cues that may match in ``text[pos:endpos]`` (their needles are in it), in order.

        A match lies inside the part searched (look-arounds may look further, but
        needles come from the text a match takes).
        """
        # The engine reads a negative pos or endpos as 0 (a slice would count from the end).
        pos, endpos = max(pos, 0), max(endpos, 0)
        if pos > 0 or endpos < len(text):
            text = text[pos:endpos]
        present = compress(self._needle_cues, map(self._haystack(text).__contains__, self._needles))
        return sorted(self._always.union(present))

    def search(self, text: str, pos: int = 0, endpos: int = _END) -> re.Match[str] | None:
        """The same match as ``self.whole.search(text, pos, endpos)``."""
        cues = self._split()
        if cues is None:
            return self.whole.search(text, pos, endpos)
        return self._search(cues, self._candidates(text, pos, endpos), text, pos, endpos)

    @staticmethod
    def _search(
        cues: list[re.Pattern[str]], candidates: list[int], text: str, pos: int, endpos: int
    ) -> re.Match[str] | None:
        best: re.Match[str] | None = None
        for index in candidates:
            found = cues[index].search(text, pos, endpos)
            if found is not None and (best is None or found.start() < best.start()):
                best = found
                if found.start() == pos:
                    break  # no cue can start earlier; earlier cues did not match here
        return best

    def match(self, text: str, pos: int = 0, endpos: int = _END) -> re.Match[str] | None:
        """The same match as ``self.whole.match(text, pos, endpos)``."""
        cues = self._split()
        if cues is None:
            return self.whole.match(text, pos, endpos)
        for index in self._candidates(text, pos, endpos):
            found = cues[index].match(text, pos, endpos)
            if found is not None:
                return found
        return None

    def finditer(self, text: str, pos: int = 0, endpos: int = _END) -> Iterator[re.Match[str]]:
        """The same matches as ``self.whole.finditer(text, pos, endpos)``."""
        cues = self._split()
        if cues is None:
            yield from self.whole.finditer(text, pos, endpos)
            return
        # Each cue's next match, kept until the search passes it: one scan per cue.
        ahead = {
            index: cues[index].search(text, pos, endpos)
            for index in self._candidates(text, pos, endpos)
        }
        while True:
            best: re.Match[str] | None = None
            for index, found in ahead.items():
                if found is not None and found.start() < pos:
                    found = ahead[index] = cues[index].search(text, pos, endpos)
                if found is not None and (best is None or found.start() < best.start()):
                    best = found
            if best is None:
                return
            if best.end() == best.start():
                # After an empty match the engine's own stepping rules apply: hand over.
                yield from self.whole.finditer(text, best.start(), endpos)
                return
            yield best
            pos = best.end()

    def sub(self, replacement: str, text: str) -> str:
        """``self.whole.sub(replacement, text)``."""
        if "\\" in replacement:  # group references: the engine's own expansion
            return self.whole.sub(replacement, text)
        pieces: list[str] = []
        last = 0
        for found in self.finditer(text):
            pieces += (text[last : found.start()], replacement)
            last = found.end()
        return "".join([*pieces, text[last:]]) if pieces else text
