"""What the pipeline asks of one article's reading text, worked out once.

Grounding, the llm wire validators, the ensemble's agreement and finishing all
ask the same questions of an article: its folded form, its words, its sentences,
the clubs it names, whether it names an outlet. Each used to re-derive the answer
per rumour and per field (folding the whole article once per source, finding its
clubs once per club field). An :class:`ArticleIndex` answers each question the
first time it is asked and keeps the answer for the rest of the article.

It also carries the article's :class:`~rumourx.core.deadline.Deadline`:
:meth:`ArticleIndex.check` is the one-line check a long loop calls.

The index is built per article (``ArticleJob.index``), never shared across
articles, so it holds no more than one article's worth of answers.
"""

from __future__ import annotations

import re
from typing import Any

from rumourx.core.deadline import Deadline
from rumourx.knowledge.clubs import ClubMention, club_index
from rumourx.knowledge.folding import fold
from rumourx.knowledge.outlets import Outlet, outlet_index
from rumourx.text.grounding import GroundingIndex
from rumourx.text.sentences import Sentence

__all__ = ["WORD", "ArticleIndex", "article_words"]

#: A word, as finishing reads names ("Lingard's", "Saint-Maximin").
WORD = re.compile(r"[\w'’-]+")

_UNSET: Any = object()


def article_words(text: str) -> set[str]:
    """The text's words, folded; a possessive also counts as the bare name ("Lingard's")."""
    return _words_of_folded(fold(text))


def _words_of_folded(folded: str) -> set[str]:
    words = set(WORD.findall(folded))
    return (
        words
        | {w[:-2] for w in words if w.endswith("'s")}
        | {w[:-1] for w in words if w.endswith("'")}
    )


class ArticleIndex:
    """One article's reading text and the answers derived from it, each computed once.

    Args:
        text: The reading text.
        deadline: When work on the article must end; none by default.
    """

    def __init__(self, text: str, deadline: Deadline | None = None) -> None:
        self.text = text
        self.deadline = deadline if deadline is not None else Deadline.unlimited()
        self._folded: str | None = None
        self._words: set[str] | None = None
        self._clubs: list[ClubMention] | None = None
        self._mentioned: set[str] | None = None
        self._word_list: list[str] | None = None
        self._grounding: GroundingIndex | None = None
        self._sentence_words: dict[int, set[str]] = {}
        self._sentence_clubs: dict[int, set[str]] = {}
        self._clubs_in: dict[str, set[str]] = {}
        self._outlets: dict[str, Outlet | None] = {}
        self._windows: dict[tuple[int, int], Outlet | None] = {}

    def check(self, stage: str = "") -> None:
        """Raise :class:`~rumourx.core.errors.ArticleTimeout` once the budget is spent."""
        self.deadline.check(stage)

    @property
    def folded(self) -> str:
        """The text folded as names are compared (:func:`~rumourx.knowledge.folding.fold`)."""
        if self._folded is None:
            self._folded = fold(self.text)
        return self._folded

    @property
    def words(self) -> set[str]:
        """The text's folded words, possessives also bare (see :func:`article_words`)."""
        if self._words is None:
            self._words = _words_of_folded(self.folded)
        return self._words

    @property
    def grounding(self) -> GroundingIndex:
        """The article as quote alignment needs it (folded with its map, sentences)."""
        if self._grounding is None:
            self._grounding = GroundingIndex(self.text, check=self.deadline.check)
        return self._grounding

    @property
    def sentences(self) -> list[Sentence]:
        """The text's sentences, with offsets."""
        return self.grounding.sentences

    def sentence_words(self, number: int) -> set[str]:
        """The folded words of sentence ``number`` (see :func:`article_words`)."""
        if number not in self._sentence_words:
            self._sentence_words[number] = article_words(self.sentences[number].text)
        return self._sentence_words[number]

    def sentence_clubs(self, number: int) -> set[str]:
        """The canonical clubs sentence ``number`` names outright."""
        if number not in self._sentence_clubs:
            found = club_index().find(self.sentences[number].text)
            self._sentence_clubs[number] = {m.club for m in found}
        return self._sentence_clubs[number]

    @property
    def club_mentions(self) -> list[ClubMention]:
        """Every club the text names outright, with positions."""
        if self._clubs is None:
            self._clubs = club_index().find(self.text)
        return self._clubs

    @property
    def clubs_named(self) -> set[str]:
        """Canonical clubs the text names outright."""
        return {m.club for m in self.club_mentions}

    @property
    def mentioned(self) -> set[str]:
        """Canonical clubs the text names, short forms ("United") read in context."""
        if self._mentioned is None:
            named = self.clubs_named
            self._mentioned = named | {m.club for m in club_index().find(self.text, named)}
        return self._mentioned

    def clubs_named_in(self, passage: str) -> set[str]:
        """The clubs a passage of this article names (its evidence), short forms in context.

        The same as ``finishing.clubs_named(passage)``, found once per passage.
        """
        if passage not in self._clubs_in:
            clubs = club_index()
            named = {m.club for m in clubs.find(passage)}
            self._clubs_in[passage] = named | {m.club for m in clubs.find(passage, named)}
        return self._clubs_in[passage]

    def outlet(self, name: str) -> Outlet | None:
        """``outlet_index().lookup(name)``, asked once per name in this article."""
        found = self._outlets.get(name, _UNSET)
        if found is _UNSET:
            found = self._outlets[name] = outlet_index().lookup(name)
        return found  # type: ignore[no-any-return]

    def names_source(self, source: str) -> bool:
        """Whether the text names this outlet or person (misspellings allowed).

        The same answer as :func:`rumourx.strategies.finishing.source_in_article`,
        with the article folded once and each word window looked up once.
        """
        if fold(source) in self.folded:
            return True
        wanted = self.outlet(source)
        if wanted is None:
            return False
        words = self._article_word_list()
        size = len(source.split())
        for width in {size, size + 1, max(size - 1, 1)}:
            self.check("looking for sources")
            for start in range(len(words) - width + 1):
                if self._window(start, width) == wanted:
                    return True
        return False

    def _article_word_list(self) -> list[str]:
        if self._word_list is None:
            self._word_list = WORD.findall(self.text)
        return self._word_list

    def _window(self, start: int, width: int) -> Outlet | None:
        key = (start, width)
        found = self._windows.get(key, _UNSET)
        if found is _UNSET:
            words = self._article_word_list()
            found = self._windows[key] = self.outlet(" ".join(words[start : start + width]))
        return found  # type: ignore[no-any-return]
