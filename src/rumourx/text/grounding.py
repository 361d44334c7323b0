"""Ground quotes in the article: find the exact characters a quote stands for.

Alignment tries, in order: the exact text; then a match tolerant of whitespace,
typographic quotes and dashes, and case; then the most similar sentence, if it is
close enough. The offsets returned always slice the article to the evidence text.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable

from rumourx.core.types import Evidence
from rumourx.text.sentences import Sentence, split_sentences

__all__ = ["GroundingIndex", "align", "normalise_with_map"]

_FOLD = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‛": "'",
        "`": "'",
        "´": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "–": "-",
        "—": "-",
        "\u00a0": " ",
    }
)


_SPACES = re.compile(r"\s+")


def normalise_with_map(text: str) -> tuple[str, list[int]]:
    """Fold quotes, dashes, case and runs of whitespace.

    Case folds with :meth:`str.casefold`, which can turn one character into several
    (``İ`` into ``i̇``, ``ß`` into ``ss``, ``ﬁ`` into ``fi``); each of them keeps the
    offset of the character it came from, so offsets never shift.

    Returns:
        The folded text, and for each of its characters the offset in ``text``.
    """
    translated = text.translate(_FOLD)
    out: list[str] = []
    where: list[int] = []
    position = 0
    for space in (*_SPACES.finditer(translated), None):
        end = len(translated) if space is None else space.start()
        if end > position:
            piece = translated[position:end]
            if piece.isascii():  # one character each way: slice and offsets in bulk
                out.append(piece.lower())
                where.extend(range(position, end))
            else:
                for offset, char in enumerate(piece, position):
                    folded = char.casefold()
                    out.append(folded)
                    where.extend([offset] * len(folded))
            if space is not None:
                out.append(" ")
                where.append(space.start())
        if space is not None:
            position = space.end()
    if out and out[-1] == " ":
        out.pop()
        where.pop()
    return "".join(out), where


def _evidence(article: str, start: int, end: int) -> Evidence | None:
    piece = article[start:end]
    lead = len(piece) - len(piece.lstrip())
    trail = len(piece) - len(piece.rstrip())
    start, end = start + lead, end - trail
    if end <= start:
        return None
    return Evidence(text=article[start:end], start=start, end=end)


class GroundingIndex:
    """What aligning quotes needs of one article, worked out once for all its quotes.

    The folded article with its offset map, and the article's sentences with their
    folded forms, each computed on first use and kept.

    Args:
        article: The article.
        sentences: Its sentences, if already split.
        check: Called in the sentence loop (a deadline's ``check``); may raise.
    """

    def __init__(
        self,
        article: str,
        sentences: list[Sentence] | None = None,
        check: Callable[[str], None] | None = None,
    ) -> None:
        self.article = article
        self._sentences = sentences
        self._folded: tuple[str, list[int]] | None = None
        self._folded_sentences: list[str] | None = None
        self.check = check

    @property
    def folded(self) -> tuple[str, list[int]]:
        """The folded article and, per character, its offset in the article."""
        if self._folded is None:
            self._folded = normalise_with_map(self.article)
        return self._folded

    @property
    def sentences(self) -> list[Sentence]:
        """The article's sentences."""
        if self._sentences is None:
            self._sentences = split_sentences(self.article)
        return self._sentences

    @property
    def folded_sentences(self) -> list[str]:
        """Each sentence, folded as quotes are."""
        if self._folded_sentences is None:
            self._folded_sentences = [normalise_with_map(s.text)[0] for s in self.sentences]
        return self._folded_sentences


def align(
    quote: str,
    article: str,
    *,
    sentences: list[Sentence] | None = None,
    min_similarity: float = 0.85,
    index: GroundingIndex | None = None,
) -> Evidence | None:
    """Find ``quote`` in ``article``.

    Args:
        quote: Text that claims to come from the article.
        article: The article.
        sentences: The article's sentences, if already split.
        min_similarity: Lowest similarity (0..1) for the sentence fallback.
        index: The article's :class:`GroundingIndex`, when aligning many quotes in it.

    Returns:
        Evidence whose offsets slice ``article`` to its text, or None when the
        quote is not in the article.
    """
    quote = quote.strip()
    if not quote or not article:
        return None
    found = article.find(quote)
    if found >= 0:
        return _evidence(article, found, found + len(quote))
    if index is None or index.article is not article:
        index = GroundingIndex(article, sentences)
    folded_quote, _ = normalise_with_map(quote)
    folded_article, where = index.folded
    if folded_quote:
        found = folded_article.find(folded_quote)
        if found >= 0:
            return _evidence(article, where[found], where[found + len(folded_quote) - 1] + 1)
    return _most_similar(folded_quote, index, min_similarity)


def _most_similar(
    folded_quote: str, index: GroundingIndex, min_similarity: float
) -> Evidence | None:
    """The sentence most like the quote, if at least ``min_similarity`` alike.

    A sentence is compared in full only when difflib's cheap upper bounds say it
    could beat both the threshold and the best so far (the same answer, sooner).
    """
    best: tuple[float, Sentence | None] = (0.0, None)
    for sentence, folded_sentence in zip(index.sentences, index.folded_sentences, strict=True):
        if index.check is not None:
            index.check("grounding quotes")
        matcher = difflib.SequenceMatcher(None, folded_quote, folded_sentence, autojunk=False)
        floor = max(best[0], min_similarity)
        if matcher.real_quick_ratio() < floor or matcher.quick_ratio() < floor:
            continue
        ratio = matcher.ratio()
        if ratio > best[0]:
            best = (ratio, sentence)
    if best[1] is not None and best[0] >= min_similarity:
        return _evidence(index.article, best[1].start, best[1].end)
    return None
