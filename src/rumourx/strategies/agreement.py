"""Where the model and the rules agree on a move, and whose word each field takes.

A move is known by its player's surname and its canonical destination, the key the
finishing layer de-duplicates on and the corpus scores on. For a move both readers
report, each field takes what the article proves, and the model's word where the
text leaves it open:

- ``fee``: the model's figure when the article states it (after reading a fee given
  in thousands or millions); when it does not, the fee the parser reads from the
  model's evidence sentence, else the rules' figure, if the article states it; else
  the model's. A model that gives no fee is taken at its word.
- ``sources``: the model's that the article names; the rules' when the model named
  sources and the article names none of them.
- ``from_club``: the model's; the rules' when the model named a club the article
  never names.
- ``transfer_type``, ``status``: the model's.
- ``player``: the fuller of the two names; ``evidence``: both, the model's first.
"""

from __future__ import annotations

from dataclasses import replace

from rumourx.core.types import Fee, TransferType
from rumourx.knowledge.clubs import club_index
from rumourx.knowledge.fees import find_money, parse_fee
from rumourx.knowledge.folding import fold
from rumourx.strategies.drafts import Draft
from rumourx.strategies.finishing import (
    draft_club,
    provable_fee,
    source_in_article,
    source_name,
)
from rumourx.text.sentences import split_sentences

__all__ = ["MoveKey", "focus_sentences", "merge_fields", "move_key", "surname"]

MoveKey = tuple[str, str | None]


def surname(player: str) -> str:
    """The last word of a name, folded ("Houssem Aouar" is "aouar")."""
    words = fold(player).replace("’", "'").split()
    return words[-1] if words else ""


def move_key(draft: Draft, mentioned: set[str]) -> MoveKey:
    """(surname, canonical destination); an extension's destination is his own club.

    Args:
        draft: The move.
        mentioned: The clubs the article names, to read short forms ("Real").
    """
    to_club = draft_club(draft.to_club, draft, mentioned)
    if to_club is None and draft.transfer_type is TransferType.EXTENSION:
        to_club = draft_club(draft.from_club, draft, mentioned)
    return surname(draft.player), to_club


def _stated(amount: int | None, passages: list[str]) -> bool:
    if not amount:
        return False
    sums = [money.amount for passage in passages for money in find_money(passage)]
    return any(abs(s - amount) <= 0.02 * s for s in sums)


def _fee(model: Draft, rules: Draft, article: str) -> Fee | None:
    fee = provable_fee(model.fee, [article])
    if fee is None or _stated(fee.amount, [article]):
        return fee
    for quote in model.evidence:
        parsed = parse_fee(quote)
        if parsed is not None and _stated(parsed.amount, [article]):
            return Fee(amount=parsed.amount, currency=parsed.currency, add_ons=parsed.add_ons)
    if rules.fee is not None and _stated(rules.fee.amount, [article]):
        return rules.fee
    return fee


def _club_named(club: str | None, article: str) -> bool:
    if not club:
        return False
    clubs = club_index()
    canonical = clubs.canonical(club)
    named = {m.club for m in clubs.find(article)}
    return (canonical is not None and canonical in named) or fold(club) in fold(article)


def merge_fields(model: Draft, rules: Draft, article: str) -> Draft:
    """One draft for a move both readers report, field by field (see the module doc)."""
    sources = [s for s in model.sources if source_in_article(source_name(s), article)]
    if model.sources and not sources:
        sources = list(rules.sources)
    from_club = model.from_club
    if from_club and not _club_named(from_club, article):
        from_club = rules.from_club
    player = model.player
    if len(rules.player.split()) > len(player.split()):
        player = rules.player
    evidence = list(model.evidence)
    evidence += [quote for quote in rules.evidence if quote not in evidence]
    return replace(
        model,
        player=player,
        from_club=from_club,
        fee=_fee(model, rules, article),
        sources=sources,
        evidence=evidence,
        opinion=rules.opinion,
    )


def focus_sentences(drafts: list[Draft], article: str) -> list[str]:
    """The article's sentences that mention the drafts' players, in article order.

    A sentence counts when it names a player's surname or is one of his move's
    evidence sentences.
    """
    names = {surname(draft.player) for draft in drafts}
    quoted = {" ".join(quote.split()) for draft in drafts for quote in draft.evidence}
    found: list[str] = []
    for sentence in split_sentences(article):
        words = set(fold(sentence.text).replace("’", "'").replace(",", " ").split())
        words |= {w.strip(".,;:!?()\"'") for w in words}
        words |= {w[:-2] for w in words if w.endswith("'s")}
        if (names & words or " ".join(sentence.text.split()) in quoted) and (
            sentence.text not in found
        ):
            found.append(sentence.text)
    return found
