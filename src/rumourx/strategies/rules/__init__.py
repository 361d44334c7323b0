"""The ``rules`` strategy: deterministic extraction, no model at all.

Two passes over the article (:mod:`.reading`, :mod:`.moves`) find the moves; then
:mod:`.decisions` settles each move's status, kind, fee and sources from the
sentences that state it and from what the article says of the player elsewhere.
"""

from __future__ import annotations

import re

from rumourx.core.types import TransferType
from rumourx.knowledge.clubs import club_index
from rumourx.knowledge.fees import find_money
from rumourx.knowledge.outlets import outlet_index
from rumourx.strategies.base import ArticleJob, Plan, Proposal
from rumourx.strategies.drafts import Draft
from rumourx.strategies.rules.decisions import (
    decide_fee,
    decide_status,
    decide_type,
    find_sources,
)
from rumourx.strategies.rules.lexicon import FREE
from rumourx.strategies.rules.moves import Move, find_moves
from rumourx.strategies.rules.reading import LONGEST_SENTENCE, Reading, read_article
from rumourx.strategies.rules.roles import ClubRole, clauses
from rumourx.strategies.rules.stage_context import continuation_anchors

__all__ = ["RulesStrategy", "propose_drafts"]

_LEAD_SENTENCES = 3
_BID_WORD = re.compile(
    r"\b(?:bid|offer|fee|proposal|oferta|offerta|proposta|offre|angebot)\b", re.I
)


def _context(reading: Reading, move: Move, moves: list[Move]) -> list[int]:
    """Other sentences about the player that belong to no other move of his."""
    taken = {
        index
        for other in moves
        if other.player == move.player and other.to_club != move.to_club
        for index in other.sentences
    }
    own = set(move.sentences) | set(move.context)
    allowed_clubs = {move.to_club, reading.current_club.get(move.player)}
    found = []
    for index in reading.player_sentences(move.player):
        facts = reading.facts[index]
        if index in own or index in taken or facts.background or facts.heading:
            continue
        if facts.opinion and not move.opinion:
            continue
        if any(c.mention.club not in allowed_clubs for c in facts.clubs):
            continue
        found.append(index)
    return found


def _pair_anchors(reading: Reading, move: Move) -> list[tuple[str, int]]:
    """Other clauses of the move's sentences that name both the player and his buyer.

    "Hillport are back in talks for X from Rivertown, whose German side would sell
    the forward to the Gulls": the move is anchored at "the Gulls", but the clause
    that names Hillport and X by name says how far it went.
    A clause about another club or another player lends nothing.
    """
    pairs: list[tuple[str, int]] = []
    if move.to_club is None or move.extension:
        return pairs
    for index in move.sentences:
        facts = reading.facts[index]
        start = facts.sentence.start
        text = facts.sentence.text
        spans = clauses(text)
        buyers = [
            c.mention.start - start
            for c in facts.clubs
            if c.mention.club == move.to_club and c.role in (ClubRole.BUYER, ClubRole.NAMED)
        ]
        anchor = move.anchors.get(index, start) - start
        for mention in facts.players:
            if mention.person != move.player or not mention.explicit:
                continue
            at = mention.start - start
            span = next(((s, e) for s, e in spans if s <= at <= e), None)
            if span is None or span[0] <= anchor <= span[1]:
                continue
            if any(span[0] <= b <= span[1] for b in buyers):
                pairs.append((text, at))
    return pairs


def _fee_statement(reading: Reading, index: int, player: str) -> str | None:
    """The sentence as a fee statement for ``player``, or None.

    In a sentence naming several players, a sum belongs to the nearest player
    named before it, unless he is one of a list ("£66m on X and Y").
    """
    facts = reading.facts[index]
    text = facts.sentence.text
    named = sorted((m for m in facts.players if m.explicit), key=lambda m: m.start)
    if len({m.person for m in named}) <= 1:
        return text
    chars = list(text)
    for money in find_money(text):
        at = facts.sentence.start + money.start
        before = [m for m in named if m.end <= at]
        owner = before[-1] if before else None
        listed = owner is not None and any(
            other is not owner
            and (abs(other.start - owner.end) < 12 or abs(owner.start - other.end) < 12)
            for other in named
        )
        if owner is None or owner.person != player or listed:
            chars[money.start : money.end] = " " * (money.end - money.start)
    return "".join(chars)


def _club_fee_statements(reading: Reading, move: Move) -> list[str]:
    """Sentences that price the move without naming another player.

    Either they name the destination club ("Hillport's offer is made up of £12m and
    a further £3m in add-ons"), or they follow the move's own sentences closely and name no
    other club ("the fee will be split into £24m up front with a further £4m").
    """
    near = {i + step for i in move.sentences for step in (1, 2)}
    own_clubs = {move.to_club, reading.current_club.get(move.player)}
    found = []
    for facts in reading.facts:
        if facts.background or facts.heading or facts.opinion != move.opinion:
            continue
        others = {m.person for m in facts.players if m.explicit} - {move.player}
        clubs = {c.mention.club for c in facts.clubs}
        names_it = move.to_club in clubs
        follows = facts.sentence.index in near and clubs <= own_clubs
        if others or not (names_it or follows):
            continue
        if _BID_WORD.search(facts.sentence.text) and find_money(facts.sentence.text):
            found.append(facts.sentence.text)
    return found


def _lead_attributions(reading: Reading, move: Move) -> list[int]:
    """Lead sentences about the player that name no destination.

    Their sources ("Obi is open to a move, according to Corriere dello Sport") cover
    the moves reported after them; a quote further down ("Eberl told Sky") does not.
    """
    current = reading.current_club.get(move.player)
    first = min(move.sentences)
    found = []
    for index in reading.player_sentences(move.player):
        facts = reading.facts[index]
        if index >= min(first, _LEAD_SENTENCES) or facts.background or facts.heading:
            continue
        if facts.opinion:
            continue
        destinations = [
            c
            for c in facts.clubs
            if c.role in (ClubRole.BUYER, ClubRole.NAMED) and c.mention.club != current
        ]
        if not destinations:
            found.append(index)
    return found


def _draft(reading: Reading, move: Move, moves: list[Move], exclude: set[str]) -> Draft:
    sentences = reading.sentences
    own = [sentences[i].text for i in move.sentences + move.context]
    context_ids = _context(reading, move, moves)
    context = [sentences[i].text for i in context_ids]
    anchored = [
        (sentences[i].text, move.anchors.get(i, 0) - sentences[i].start) for i in move.sentences
    ] + [(sentences[i].text, 0) for i in move.context]
    status = decide_status(
        anchored + _pair_anchors(reading, move) + continuation_anchors(reading, move),
        extension=move.extension,
    )
    transfer_type = decide_type(own, context, extension=move.extension)
    fee_statements = [
        statement
        for i in move.sentences + move.context + context_ids
        if (statement := _fee_statement(reading, i, move.player)) is not None
    ]
    for statement in _club_fee_statements(reading, move):
        if statement not in fee_statements:
            fee_statements.append(statement)
    fee = decide_fee(fee_statements, transfer_type)
    outlets = outlet_index()
    sources: list[str] = []
    single_move = sum(1 for m in moves if m.player == move.player and not m.extension) == 1
    source_ids = (
        move.sentences
        + move.context
        + (context_ids if single_move and not move.extension else [])
        + ([] if move.extension else _lead_attributions(reading, move))
    )
    for index in source_ids:
        for name in find_sources(sentences[index].text, outlets, exclude):
            if name not in sources:
                sources.append(name)
    if move.extension:
        from_club = move.to_club
    else:
        from_club = reading.current_club.get(move.player)
        free_agent = any("free agent" in text.lower() for text in own + context)
        if from_club is None:
            sellers = move.sellers + [
                club for other in moves if other.player == move.player for club in other.sellers
            ]
            from_club = next((c for c in sellers if c != move.to_club), None)
        if free_agent and not reading.strongly_known(move.player):
            from_club = None
        if from_club == move.to_club:
            from_club = None
    if transfer_type is TransferType.UNKNOWN and FREE.search(" ".join(own)):
        transfer_type = TransferType.FREE
    return Draft(
        player=move.player,
        to_club=move.to_club,
        from_club=from_club,
        transfer_type=transfer_type,
        status=status,
        fee=fee,
        sources=sources,
        evidence=[sentences[i].text for i in move.sentences],
        opinion=move.opinion,
    )


def _propose(job: ArticleJob) -> Proposal:
    reading = read_article(job.text, club_index(), outlet_index())
    moves = find_moves(reading)
    exclude: set[str] = set()
    if job.publisher:
        publisher = outlet_index().lookup(job.publisher)
        exclude.add(publisher.name if publisher else job.publisher)
    # No destination, no move: "X wants to leave" is left open, and said so.
    open_ended = [m for m in moves if m.to_club is None]
    moves = [m for m in moves if m.to_club is not None]
    return Proposal(
        drafts=[_draft(reading, move, moves, exclude) for move in moves],
        warnings=[
            f"{m.player}: a departure with no destination named; no move reported"
            for m in open_ended
        ]
        + [
            f"a sentence of {len(reading.sentences[i].text):,} characters was not read "
            f"(longer than {LONGEST_SENTENCE:,})"
            for i in reading.unread
        ],
    )


def propose_drafts(job: ArticleJob) -> list[Draft]:
    """Every move the rules find in the article, as drafts (each with a destination)."""
    return _propose(job).drafts


class RulesStrategy:
    """Deterministic extraction: fast, free and reproducible."""

    name = "rules"

    def plan(self, job: ArticleJob) -> Plan:
        """Propose without asking any model."""
        return _propose(job)
        yield  # pragma: no cover - makes this a generator that asks nothing
