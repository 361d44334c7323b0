"""The layers every strategy shares: normalise, ground, de-duplicate.

Drafts come in with names as written and quotes as claimed; rumours go out with
canonical clubs and outlets, reliability tiers, evidence whose offsets slice the
article, and one rumour per (player, destination). Anything that cannot be
grounded in the article is dropped, with a warning that says why.
"""

from __future__ import annotations

import re

from rumourx.core.types import Evidence, Fee, RumourReport, TransferRumour, TransferType, Usage
from rumourx.knowledge.clubs import club_index
from rumourx.knowledge.fees import find_money
from rumourx.knowledge.folding import fold
from rumourx.knowledge.outlets import outlet_index
from rumourx.strategies.article_index import ArticleIndex
from rumourx.strategies.club_names import club_in_context, club_written, clubs_named, draft_club
from rumourx.strategies.drafts import Draft
from rumourx.strategies.player_names import (
    article_words,
    full_name,
    player_as_written,
    player_in_article,
)
from rumourx.text.grounding import align
from rumourx.text.injection import looks_like_instruction
from rumourx.text.sentences import Sentence

_WORD = re.compile(r"[\w'’-]+")

__all__ = [
    "article_words",
    "club_in_context",
    "clubs_named",
    "draft_club",
    "finish",
    "full_name",
    "player_in_article",
    "provable_fee",
    "source_in_article",
    "source_name",
]


def source_in_article(source: str, article: str, index: ArticleIndex | None = None) -> bool:
    """Whether the article names this outlet or person (misspellings allowed).

    Args:
        source: The outlet or person.
        article: The article.
        index: The article's index, when asking about several sources.
    """
    if index is None or index.text != article:
        index = ArticleIndex(article)
    return index.names_source(source)


def _surname(player: str) -> str:
    tokens = _WORD.findall(fold(player))
    return tokens[-1] if tokens else fold(player)


def _whole_sentence(evidence: Evidence, sentences: list[Sentence]) -> Evidence:
    """A quote cut mid-sentence, widened to the sentence it was cut from."""
    for sentence in sentences:
        if sentence.start <= evidence.start and evidence.end <= sentence.end:
            if (sentence.start, sentence.end) == (evidence.start, evidence.end):
                return evidence
            return Evidence(text=sentence.text, start=sentence.start, end=sentence.end)
    return evidence


def _whole_club_name(name: str) -> bool:
    """Whether the name is a club's ("Manchester United", "Chelsea's").

    A player who shares a word with a club ("Milan Skriniar", "Enner Valencia") is not.
    """
    stripped = name.strip()
    mentions = club_index().find(stripped)
    whole = len(mentions) == 1 and mentions[0].end == len(stripped)
    whole = whole and stripped[: mentions[0].start].strip().lower() in ("", "the")
    possessive = any(stripped[m.end :].startswith(("'s", "’s")) for m in mentions)
    return whole or possessive


def _not_a_club(club: str | None, draft: Draft) -> bool:
    """A club name no club has: the player's own name, or a known outlet's."""
    if club is None or club in club_index().clubs:
        return False
    return fold(club) == fold(draft.player) or outlet_index().lookup(club) is not None


def _evidence(draft: Draft, index: ArticleIndex) -> list[Evidence]:
    found: list[Evidence] = []
    sentences = index.sentences
    for quote in draft.evidence:
        evidence = align(quote, index.text, sentences=sentences, index=index.grounding)
        if evidence is not None:
            evidence = _whole_sentence(evidence, sentences)
        if (
            evidence is not None
            and evidence not in found
            and not looks_like_instruction(evidence.text)
        ):
            found.append(evidence)
    return found


def provable_fee(fee: Fee | None, passages: list[str]) -> Fee | None:
    """The fee, rescaled when the passages prove it was given in thousands or millions.

    A model may answer 40000 (thousands) or 40 (millions) for "£40m". When the
    amount is not among the sums the passages state but 1,000 or 1,000,000 times it
    is, that sum is the fee. Otherwise the fee is returned unchanged.
    """
    if fee is None or not fee.amount:
        return fee
    sums = [money for passage in passages for money in find_money(passage)]

    def stated(amount: float) -> bool:
        return any(abs(money.amount - amount) <= 0.02 * money.amount for money in sums)

    if not sums or stated(fee.amount):
        return fee
    for factor in (1_000, 1_000_000):
        if stated(fee.amount * factor):
            return Fee(
                amount=fee.amount * factor,
                currency=fee.currency,
                add_ons=fee.add_ons * factor if fee.add_ons and fee.add_ons < 1e6 else fee.add_ons,
                text=fee.text,
            )
    return fee


_HANDLE_PART = re.compile(r"[A-Z][a-z']+|[A-Z]+(?![a-z])|\d+")


def source_name(name: str) -> str:
    """A source as a name: "@FabrizioRomano" is "Fabrizio Romano", "@SkySports" "Sky Sports"."""
    name = " ".join(name.split())
    if not name.startswith("@"):
        return name
    handle = name[1:].replace("_", " ")
    if " " in handle:
        return handle
    return " ".join(_HANDLE_PART.findall(handle)) or handle


def _supporting_sentence(player: str, to_club: str | None, index: ArticleIndex) -> list[Evidence]:
    """Find the first sentence naming both the player and the destination.

    Used for a draft that came without usable evidence.
    """
    surname = _surname(player)
    for number, sentence in enumerate(index.sentences):
        index.check("finding supporting sentences")
        if surname not in index.sentence_words(number) or looks_like_instruction(sentence.text):
            continue
        if to_club is None or to_club in index.sentence_clubs(number):
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
    index: ArticleIndex | None = None,
) -> RumourReport:
    """Turn drafts into a grounded, normalised, de-duplicated report.

    ``index`` is the article's :class:`ArticleIndex` (``ArticleJob.index``): what the
    strategy already worked out about the text is reused, and its deadline checked.
    """
    clubs = club_index()
    outlets = outlet_index()
    if index is None or index.text != article:
        index = ArticleIndex(article)
    index.check("finishing")
    mentioned = index.mentioned
    words = index.words
    notes = list(warnings or [])
    reported: dict[tuple[str, str | None], TransferRumour] = {}
    opinion: dict[tuple[str, str | None], TransferRumour] = {}
    for draft in drafts:
        index.check("finishing")
        to_club = draft_club(draft.to_club, draft, mentioned, index)
        from_club = draft_club(draft.from_club, draft, mentioned, index)
        if draft.transfer_type is TransferType.EXTENSION and to_club is None:
            to_club = from_club
        player = player_as_written(draft.player, article, words)
        if player is None:
            notes.append(f"dropped {draft.player!r}: the article never names this player")
            continue
        if not club_written(to_club, article, mentioned) or _not_a_club(to_club, draft):
            notes.append(
                f"dropped {draft.player} to {to_club!r}: the article never names that club"
            )
            continue
        if not club_written(from_club, article, mentioned) or _not_a_club(from_club, draft):
            notes.append(f"cleared from_club {from_club!r} of {draft.player}: not in the article")
            from_club = None
        if (
            index.outlet(draft.player)
            or clubs.canonical(draft.player)
            or _whole_club_name(draft.player)
        ):
            notes.append(f"dropped {draft.player!r}: that is an outlet or a club, not a player")
            continue
        evidence = _evidence(draft, index) or _supporting_sentence(draft.player, to_club, index)
        if not evidence:
            notes.append(f"dropped {draft.player} to {to_club}: no evidence found in the article")
            continue
        sources: list[str] = []
        tiers: dict[str, int] = {}
        for name in map(source_name, draft.sources):
            if not index.names_source(name):
                notes.append(f"dropped source {name!r} of {draft.player}: not in the article")
                continue
            outlet = index.outlet(name)
            shown = outlets.display_name(name)
            if shown and shown not in sources:
                sources.append(shown)
                if outlet is not None:
                    tiers[shown] = outlet.tier
        try:
            rumour = TransferRumour(
                player=player,
                from_club=from_club,
                to_club=to_club,
                transfer_type=draft.transfer_type,
                status=draft.status,
                fee=provable_fee(draft.fee, [e.text for e in evidence]),
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
