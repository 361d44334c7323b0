"""The layers every strategy shares: normalise, ground, de-duplicate.

Drafts come in with names as written and quotes as claimed; rumours go out with
canonical clubs and outlets, reliability tiers, evidence whose offsets slice the
article, and one rumour per (player, destination). Anything that cannot be
grounded in the article is dropped, with a warning that says why.
"""

from __future__ import annotations

import re

from rumourx.core.types import Evidence, RumourReport, TransferRumour, TransferType, Usage
from rumourx.knowledge.clubs import club_index
from rumourx.knowledge.folding import fold
from rumourx.knowledge.outlets import outlet_index
from rumourx.strategies.drafts import Draft
from rumourx.text.grounding import align
from rumourx.text.injection import looks_like_instruction
from rumourx.text.sentences import Sentence, split_sentences

__all__ = ["finish", "player_in_article", "source_in_article"]

_WORD = re.compile(r"[\w'’-]+")


def _words(text: str) -> set[str]:
    words = set(_WORD.findall(fold(text)))
    # "Haaland's agent" names Haaland.
    return words | {re.sub(r"'s?$", "", w) for w in words}


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


def source_in_article(source: str, article: str) -> bool:
    """Whether the article names this outlet or person (misspellings allowed)."""
    if fold(source) in fold(article):
        return True
    outlets = outlet_index()
    wanted = outlets.lookup(source)
    if wanted is None:
        return False
    words = _WORD.findall(article)
    size = len(source.split())
    for width in {size, size + 1, max(size - 1, 1)}:
        for start in range(len(words) - width + 1):
            if outlets.lookup(" ".join(words[start : start + width])) == wanted:
                return True
    return False


def _surname(player: str) -> str:
    tokens = _WORD.findall(fold(player))
    return tokens[-1] if tokens else fold(player)


def _club_in_article(club: str | None, mentioned: set[str], folded_article: str) -> bool:
    return club is None or club in mentioned or fold(club) in folded_article


def _evidence(draft: Draft, article: str, sentences: list[Sentence]) -> list[Evidence]:
    found: list[Evidence] = []
    for quote in draft.evidence:
        evidence = align(quote, article, sentences=sentences)
        if (
            evidence is not None
            and evidence not in found
            and not looks_like_instruction(evidence.text)
        ):
            found.append(evidence)
    return found


def _supporting_sentence(
    player: str, to_club: str | None, sentences: list[Sentence]
) -> list[Evidence]:
    """Find the first sentence naming both the player and the destination.

    Used for a draft that came without usable evidence.
    """
    surname = _surname(player)
    clubs = club_index()
    for sentence in sentences:
        if surname not in _words(sentence.text) or looks_like_instruction(sentence.text):
            continue
        if to_club is None or any(m.club == to_club for m in clubs.find(sentence.text)):
            return [Evidence(text=sentence.text, start=sentence.start, end=sentence.end)]
    return []


def _merge(into: TransferRumour, other: TransferRumour) -> None:
    for evidence in other.evidence:
        if evidence not in into.evidence:
            into.evidence.append(evidence)
    for source in other.sources:
        if source not in into.sources:
            into.sources.append(source)
            if source in other.source_tiers:
                into.source_tiers[source] = other.source_tiers[source]
    if into.fee is None and other.fee is not None:
        into.fee = other.fee
    if into.from_club is None:
        into.from_club = other.from_club
    if into.transfer_type is TransferType.UNKNOWN:
        into.transfer_type = other.transfer_type


def finish(
    drafts: list[Draft],
    article: str,
    *,
    strategy: str,
    usage: Usage | None = None,
    warnings: list[str] | None = None,
) -> RumourReport:
    """Turn drafts into a grounded, normalised, de-duplicated report."""
    clubs = club_index()
    outlets = outlet_index()
    sentences = split_sentences(article)
    mentioned = {m.club for m in clubs.find(article)}
    mentioned |= {m.club for m in clubs.find(article, mentioned)}
    folded = fold(article)
    article_words = _words(article)
    notes = list(warnings or [])
    reported: dict[tuple[str, str | None], TransferRumour] = {}
    opinion: dict[tuple[str, str | None], TransferRumour] = {}
    for draft in drafts:
        to_club = clubs.normalise(draft.to_club)
        from_club = clubs.normalise(draft.from_club)
        if draft.transfer_type is TransferType.EXTENSION and to_club is None:
            to_club = from_club
        if not player_in_article(draft.player, article_words):
            notes.append(f"dropped {draft.player!r}: the article never names this player")
            continue
        if not _club_in_article(to_club, mentioned, folded):
            notes.append(
                f"dropped {draft.player} to {to_club!r}: the article never names that club"
            )
            continue
        if not _club_in_article(from_club, mentioned, folded):
            notes.append(f"cleared from_club {from_club!r} of {draft.player}: not in the article")
            from_club = None
        if (
            outlets.lookup(draft.player)
            or clubs.canonical(draft.player)
            or clubs.find(draft.player)
        ):
            notes.append(f"dropped {draft.player!r}: that is an outlet or a club, not a player")
            continue
        evidence = _evidence(draft, article, sentences) or _supporting_sentence(
            draft.player, to_club, sentences
        )
        if not evidence:
            notes.append(f"dropped {draft.player} to {to_club}: no evidence found in the article")
            continue
        sources: list[str] = []
        tiers: dict[str, int] = {}
        for name in draft.sources:
            if not source_in_article(name, article):
                notes.append(f"dropped source {name!r} of {draft.player}: not in the article")
                continue
            outlet = outlets.lookup(name)
            shown = outlets.display_name(name)
            if shown and shown not in sources:
                sources.append(shown)
                if outlet is not None:
                    tiers[shown] = outlet.tier
        try:
            rumour = TransferRumour(
                player=draft.player,
                from_club=from_club,
                to_club=to_club,
                transfer_type=draft.transfer_type,
                status=draft.status,
                fee=draft.fee,
                sources=sources,
                source_tiers=tiers,
                evidence=evidence,
            )
        except ValueError as exc:
            notes.append(f"dropped {draft.player!r}: {exc}".splitlines()[0])
            continue
        key = (_surname(rumour.player), rumour.to_club)
        target = opinion if draft.opinion else reported
        if key in target:
            _merge(target[key], rumour)
        else:
            target[key] = rumour
    return RumourReport(
        rumours=list(reported.values()),
        opinion=[r for k, r in opinion.items() if k not in reported],
        usage=usage or Usage(),
        warnings=notes,
        strategy=strategy,
    )
