"""Split text into sentences that keep their character offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Sentence", "split_sentences"]

_ABBREVIATIONS = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "jr",
        "sr",
        "vs",
        "v",
        "no",
        "fc",
        "cf",
        "ac",
        "etc",
        "approx",
        "sp",
        "co",
        "inc",
        "ltd",
        "u.s",
        "e.g",
        "i.e",
        "sig",
        "sra",
    }
)
_LETTER_NAMES = frozenset(
    {"serie", "group", "division", "league", "liga", "plan", "grade", "class"}
)
# A candidate boundary: end punctuation, optional closing quotes/brackets, then space;
# the ideographic full stop and its kin end a sentence with no space after them.
_BOUNDARY = re.compile(
    r"[.!?…؟۔।॥።。！？｡]+['\"’”)\]」』»]*(?=\s+)|[。！？｡]+['\"’”)\]」』»]*(?=\S)"
)
_TRAILING_SOURCE = re.compile(r"\([^()]{1,80}\)\s*")
_PARAGRAPH = re.compile(r"\n\s*\n|\n")


@dataclass(frozen=True)
class Sentence:
    """A sentence and where it sits.

    Attributes:
        text: The sentence, verbatim (``article[start:end] == text``).
        start: Offset of its first character.
        end: Offset just past its last character.
        paragraph: Index of its paragraph (line block) in the article.
        index: Index of the sentence in the article.
    """

    text: str
    start: int
    end: int
    paragraph: int
    index: int


def _is_abbreviation(text: str, dot: int) -> bool:
    word_start = dot
    while word_start > 0 and (text[word_start - 1].isalnum() or text[word_start - 1] == "."):
        word_start -= 1
    word = text[word_start:dot].lower()
    if word in _ABBREVIATIONS:
        return True
    # Initials ("J. Smith"), but not a league letter ("Serie A. Then...").
    if len(word) == 1 and word.isalpha() and text[word_start].isupper():
        previous = text[max(0, word_start - 12) : word_start].split()
        return not (previous and previous[-1].lower() in _LETTER_NAMES)
    return False


def _split_block(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    cursor = start
    for match in _BOUNDARY.finditer(text, start, end):
        if text[match.start()] == "." and _is_abbreviation(text, match.start()):
            continue
        after = match.end()
        rest = text[after:end].lstrip()
        if _TRAILING_SOURCE.fullmatch(rest):
            # "... £150m. (Mirror)": a gossip item's source belongs to its item.
            continue
        if rest and not (
            rest[0].isupper()
            or rest[0].isdigit()
            or rest[0] in "'\"‘“(£€$¿¡「『«"
            or (rest[0].isalpha() and not rest[0].islower())  # a script without case
        ):
            continue
        spans.append((cursor, after))
        cursor = after
    spans.append((cursor, end))
    return spans


def split_sentences(text: str) -> list[Sentence]:
    """Split an article into sentences with exact offsets.

    Line breaks always end a sentence (captions and headings have no full stop);
    within a line, ``.``, ``!``, ``?`` (and ``؟``, ``۔``, ``।``, and ``。``, ``！``,
    ``？`` even with no space after them) end one unless they close an abbreviation or
    an initial, or the next word starts in lower case.
    """
    sentences: list[Sentence] = []
    block_start = 0
    paragraph = 0
    blocks = [*_PARAGRAPH.finditer(text), None]
    for separator in blocks:
        block_end = separator.start() if separator else len(text)
        for raw_start, raw_end in _split_block(text, block_start, block_end):
            chunk = text[raw_start:raw_end]
            stripped = chunk.strip()
            if stripped:
                lead = len(chunk) - len(chunk.lstrip())
                s = raw_start + lead
                sentences.append(
                    Sentence(stripped, s, s + len(stripped), paragraph, len(sentences))
                )
        if separator is None:
            break
        if text[block_start:block_end].strip():
            paragraph += 1
        block_start = separator.end()
    return sentences
