"""Ground quotes in the article: find the exact characters a quote stands for.

Alignment tries, in order: the exact text; then a match tolerant of whitespace,
typographic quotes and dashes, and case; then the most similar sentence, if it is
close enough. The offsets returned always slice the article to the evidence text.
"""

from __future__ import annotations

import difflib

from rumourx.core.types import Evidence
from rumourx.text.sentences import Sentence, split_sentences

__all__ = ["align", "normalise_with_map"]

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


def normalise_with_map(text: str) -> tuple[str, list[int]]:
    """Fold quotes, dashes, case and runs of whitespace.

    Case folds with :meth:`str.casefold`, which can turn one character into several
    (``İ`` into ``i̇``, ``ß`` into ``ss``, ``ﬁ`` into ``fi``); each of them keeps the
    offset of the character it came from, so offsets never shift.

    Returns:
        The folded text, and for each of its characters the offset in ``text``.
    """
    out: list[str] = []
    where: list[int] = []
    previous_space = True
    for offset, char in enumerate(text.translate(_FOLD)):
        if char.isspace():
            if previous_space:
                continue
            out.append(" ")
            where.append(offset)
            previous_space = True
            continue
        folded = char.casefold()
        out.append(folded)
        where.extend([offset] * len(folded))
        previous_space = False
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


def align(
    quote: str,
    article: str,
    *,
    sentences: list[Sentence] | None = None,
    min_similarity: float = 0.85,
) -> Evidence | None:
    """Find ``quote`` in ``article``.

    Args:
        quote: Text that claims to come from the article.
        article: The article.
        sentences: The article's sentences, if already split.
        min_similarity: Lowest similarity (0..1) for the sentence fallback.

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
    folded_quote, _ = normalise_with_map(quote)
    folded_article, where = normalise_with_map(article)
    if folded_quote:
        found = folded_article.find(folded_quote)
        if found >= 0:
            return _evidence(article, where[found], where[found + len(folded_quote) - 1] + 1)
    best: tuple[float, Sentence | None] = (0.0, None)
    for sentence in sentences if sentences is not None else split_sentences(article):
        folded_sentence, _ = normalise_with_map(sentence.text)
        ratio = difflib.SequenceMatcher(None, folded_quote, folded_sentence, autojunk=False).ratio()
        if ratio > best[0]:
            best = (ratio, sentence)
    if best[1] is not None and best[0] >= min_similarity:
        return _evidence(article, best[1].start, best[1].end)
    return None
