"""Whether an article names a player, and the name to report for him.

A reader may give a player's name in a fuller form than the article writes: a model
that knows football answers "Harry Kane" where the article says "Kane". The player
is named all the same, so the move is kept, under the name the article gives him:
the surname, or the one fuller form the article writes. A name whose surname the
article only uses inside another name ("Benbacen Cottage" against "Craven
Cottage") is not the article's player.
"""

from __future__ import annotations

import re

from rumourx.knowledge.clubs import club_index
from rumourx.knowledge.folding import fold
from rumourx.knowledge.outlets import outlet_index
from rumourx.strategies.article_index import WORD, article_words

__all__ = ["article_words", "full_name", "player_as_written", "player_in_article"]

_WORD = WORD


_PARTICLES = frozenset(
    {"de", "da", "do", "dos", "das", "di", "del", "della", "van", "von", "der", "den"}
)


def player_in_article(player: str, article_words: set[str]) -> bool:
    """Whether the article names the player: every part of his name occurs in it.

    "Ramos" alone is enough for a name the article gives in full elsewhere; a name
    with a part the article never uses ("Benbacen Cottage") is not in it.
    """
    tokens = [t for t in _WORD.findall(fold(player)) if t not in _PARTICLES]
    return bool(tokens) and all(t in article_words for t in tokens)


_NAME_BEFORE = re.compile(r"((?:[A-Z][\w'’.-]*\s+){1,2})$")
_NOT_FIRST_NAMES = frozenset(
    """the a an and but with for from to as of in on at by meanwhile however yesterday today
    now also then while when if after before sources reports report midfielder striker
    defender winger forward goalkeeper keeper manager boss coach star youngster captain
    international teenager team-mate teammate former ex new mr target""".split()
)


def full_name(player: str, article: str) -> str:
    """A surname the article also gives in full, in full ("Aouar" is "Houssem Aouar").

    Only when the article writes exactly one fuller form of the name; anything else,
    and every name of two or more words, is kept as given.
    """
    if len(player.split()) != 1:
        return player
    clubs = club_index()
    outlets = outlet_index()
    forms: set[str] = set()
    for match in re.finditer(r"(?<![\w'’-])" + re.escape(player) + r"(?![\w'’-])", article):
        before = _NAME_BEFORE.search(article[max(0, match.start() - 60) : match.start()])
        if before is None:
            continue
        words = before.group(1).split()
        ends = [i for i, w in enumerate(words) if w.endswith((".", "!", "?"))]
        words = words[ends[-1] + 1 :] if ends else words  # "Aouar. Aouar": a sentence ended
        while words and (
            fold(words[0]) in _NOT_FIRST_NAMES
            or clubs.canonical(words[0].rstrip("'’s"))
            or outlets.lookup(words[0])
            or words[0].endswith(("'s", "’s", ".", "'", "’"))
        ):
            words = words[1:]
        if words and not any(
            clubs.canonical(w) or w.endswith(("'s", "’s", "'", "’")) for w in words
        ):
            forms.add(" ".join([*words, player]))
    return forms.pop() if len(forms) == 1 else player


def _standing_alone(previous: str, gap: str) -> bool:
    """Whether a word after ``previous`` (across ``gap``) starts a name rather than ends one."""
    if not previous or gap.strip() or "\n" in gap or not previous[:1].isupper():
        return True
    bare = previous.removesuffix("'s").removesuffix("’s").rstrip("'’")
    return (
        bare != previous
        or previous.endswith(".")
        or fold(previous) in _NOT_FIRST_NAMES
        or club_index().canonical(bare) is not None
        or outlet_index().lookup(bare) is not None
    )


def player_as_written(player: str, article: str, words: set[str] | None = None) -> str | None:
    """The name to report for ``player``, as the article writes him; None if it never does.

    Every part of the name in the article: the name (a surname expanded to the one
    fuller form the article writes). Otherwise, when the article writes his surname
    standing alone ("Kane", "England striker Kane", "Kane's"), that surname in the
    article's form, or its one fuller form.

    Args:
        player: The name a reader gave.
        article: The article.
        words: ``article_words(article)``, when already computed.
    """
    if player_in_article(player, words if words is not None else article_words(article)):
        return full_name(player, article)
    tokens = [t for t in _WORD.findall(fold(player)) if t not in _PARTICLES]
    if len(tokens) < 2:
        return None
    surname = tokens[-1]
    found = list(_WORD.finditer(article))
    for index, match in enumerate(found):
        written = match.group(0).removesuffix("'s").removesuffix("’s").rstrip("'’")
        if fold(written) != surname or not written[:1].isupper():
            continue
        previous = found[index - 1] if index else None
        gap = article[previous.end() : match.start()] if previous else ""
        if _standing_alone(previous.group(0) if previous else "", gap):
            return full_name(written, article)
    return None
