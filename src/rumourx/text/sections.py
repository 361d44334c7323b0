"""Find the publisher's own opinion sections ("SPORTSLENS VIEW", "OUR VERDICT")."""

from __future__ import annotations

import re

from rumourx.text.sentences import Sentence

__all__ = ["is_heading", "opinion_sentences"]

_OPINION_HEADING = re.compile(
    r"\b(view|verdict|opinion|our say|our take|comment|analysis|what we think|editorial|"
    r"column|the lowdown|our thoughts)\b",
    re.IGNORECASE,
)


def is_heading(sentence: Sentence) -> bool:
    """A short line of its own in capitals (or ending with a colon)."""
    text = sentence.text.strip()
    if len(text) > 60 or not text:
        return False
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return False
    upper = sum(c.isupper() for c in letters) / len(letters)
    return upper > 0.8 or (text.endswith(":") and len(text.split()) <= 6)


def opinion_sentences(sentences: list[Sentence]) -> set[int]:
    """Indexes of the sentences that sit under an opinion heading.

    An opinion section runs from its heading to the next heading or the end.
    """
    inside = False
    found: set[int] = set()
    for sentence in sentences:
        if is_heading(sentence):
            inside = bool(_OPINION_HEADING.search(sentence.text))
            if inside:
                found.add(sentence.index)
            continue
        if inside:
            found.add(sentence.index)
    return found
