"""Which clubs an article names, and in what form: what grounds a club a reader gives.

A model names clubs the way a football reader does: in full ("Manchester United",
"Brighton & Hove Albion") where the article writes "United", "Brighton's" or "the
Blues". The finishing layer must not drop such a club as "never named". A club
counts as written in the article when the article writes it

- by any of its aliases, wherever it stands ("interested in Brighton's Bissouma":
  the club index reads "in Brighton" as a place when it finds mentions, but a
  reader who names the club there is not inventing it);
- by a contextual alias that fits it ("United", "City", "the Blues"): which club
  the short form means is the reader's word where the article leaves it open;
- by the first or last word of its name standing alone ("Real are interested",
  "Atletico want"), not as part of a longer capitalised name ("Real Betis").

A club the article writes in none of these forms (a periphrasis such as "Bielsa's
men", or a club the reader invented) is not written.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rumourx.knowledge.clubs import club_index
from rumourx.knowledge.folding import fold
from rumourx.strategies.article_index import ArticleIndex
from rumourx.strategies.drafts import Draft

__all__ = ["club_in_context", "club_written", "clubs_named", "clubs_written", "draft_club"]

_CAPITALISED_RUN = re.compile(r"[A-Z][\w'’.&-]*(?:\s+(?:&\s+)?[A-Z][\w'’.&-]*)*")
_LONGEST_ALIAS = 5  # words
_NOT_SHORT_FORMS = frozenset({"fc", "ac", "as", "sc", "cf", "afc", "the", "de"})


def clubs_named(article: str) -> set[str]:
    """Canonical clubs the article names, short forms ("United") read in context."""
    clubs = club_index()
    mentioned = {m.club for m in clubs.find(article)}
    return mentioned | {m.club for m in clubs.find(article, mentioned)}


@lru_cache(maxsize=64)
def clubs_written(article: str) -> frozenset[str]:
    """Canonical clubs whose alias the article writes anywhere, as a run of capitalised words.

    Unlike :func:`clubs_named`, an alias counts wherever it stands ("in Brighton").
    """
    clubs = club_index()
    found: set[str] = set()
    for run in _CAPITALISED_RUN.finditer(article):
        words = [w.rstrip("'’").removesuffix("'s").removesuffix("’s") for w in run.group(0).split()]
        for start in range(len(words)):
            for end in range(start + 1, min(len(words), start + _LONGEST_ALIAS) + 1):
                club = clubs.canonical(" ".join(words[start:end]))
                if club is not None:
                    found.add(club)
    return frozenset(found)


def _short_form_written(club: str, article: str) -> bool:
    """Whether the article writes the first or last word of ``club``'s name standing alone."""
    words = club.split()
    if len(words) < 2:
        return False
    for word in {words[0], words[-1]}:
        if len(word) < 3 or fold(word) in _NOT_SHORT_FORMS:
            continue
        pattern = r"(?<![\w'’.-])" + re.escape(word) + r"(?![\w-])"
        for match in re.finditer(pattern, article):
            before = article[max(0, match.start() - 30) : match.start()]
            after = article[match.end() : match.end() + 20]
            if re.search(r"[A-Z][\w'’-]*\s+$", before) or re.match(r"\s+[A-Z]", after):
                continue  # part of a longer name: "Real Betis", "Leeds United"
            return True
    return False


def club_written(name: str | None, article: str, mentioned: set[str]) -> bool:
    """Whether the article writes the club ``name`` in some form (see the module doc).

    Args:
        name: The club as a reader gave it (None counts as written: no claim).
        article: The article.
        mentioned: The clubs the article names (:func:`clubs_named`).
    """
    if name is None or not name.strip():
        return True
    clubs = club_index()
    canonical = clubs.canonical(name)
    if canonical in mentioned or fold(name) in fold(article):
        return True
    if canonical is None:
        return False
    if canonical in clubs_written(article):
        return True
    if canonical in {m.club for m in clubs.find(article, {canonical})}:
        return True
    return _short_form_written(canonical, article)


def club_in_context(name: str | None, mentioned: set[str]) -> str | None:
    """The canonical club for ``name``, reading a short form against the article's clubs.

    "Real" is Real Madrid, and "United" Manchester United, when the article names
    exactly one club whose name starts or ends with that short form. Otherwise the
    name is normalised as usual (canonical when known, else as given).
    """
    clubs = club_index()
    canonical = clubs.canonical(name)
    if canonical is not None or not name:
        return canonical if canonical is not None else clubs.normalise(name)
    found = clubs.find(name, mentioned)
    if len(found) == 1 and len(found[0].alias) >= len(name.strip()) - 4:
        return found[0].club  # a contextual alias: "the Blues" when Chelsea are named
    short = fold(name).split()
    if short and short[0] == "the":
        short = short[1:]
    fits = {
        club
        for club in mentioned
        if short
        and len(short) < len(words := fold(club).split())
        and (words[: len(short)] == short or words[-len(short) :] == short)
    }
    return fits.pop() if len(fits) == 1 else clubs.normalise(name)


def draft_club(
    name: str | None, draft: Draft, mentioned: set[str], index: ArticleIndex | None = None
) -> str | None:
    """A club a draft names, short forms read first against its own evidence, then the article.

    With the article's ``index``, the clubs of each evidence text are found once.
    """
    clubs = club_index()
    if name is None or clubs.canonical(name) is not None:
        return club_in_context(name, mentioned)
    quoted = " ".join(draft.evidence)
    nearby = index.clubs_named_in(quoted) if index is not None else clubs_named(quoted)
    found = club_in_context(name, nearby) if nearby else None
    if found is not None and found in clubs.clubs:
        return found
    return club_in_context(name, mentioned)
