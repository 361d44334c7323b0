"""The ``rules`` strategy: deterministic extraction, no model at all.

Two passes over the article (:mod:`.reading`, :mod:`.moves`) find the moves; then
:mod:`.decisions` settles each move's status, kind, fee and sources from the
sentences that state it and from what the article says of the player elsewhere.
"""

from __future__ import annotations

from rumourx.core.types import TransferType
from rumourx.knowledge.clubs import club_index
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
from rumourx.strategies.rules.reading import Reading, read_article

__all__ = ["RulesStrategy", "propose_drafts"]


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


def _distinct_players(reading: Reading, index: int) -> int:
    return len({m.person for m in reading.facts[index].players if m.explicit})


def _draft(reading: Reading, move: Move, moves: list[Move], exclude: set[str]) -> Draft:
    sentences = reading.sentences
    own = [sentences[i].text for i in move.sentences + move.context]
    context_ids = _context(reading, move, moves)
    context = [sentences[i].text for i in context_ids]
    anchored = [
        (sentences[i].text, move.anchors.get(i, 0) - sentences[i].start) for i in move.sentences
    ] + [(sentences[i].text, 0) for i in move.context]
    status = decide_status(anchored, extension=move.extension)
    transfer_type = decide_type(own, context, extension=move.extension)
    fee_statements = [
        sentences[i].text
        for i in move.sentences + move.context + context_ids
        if _distinct_players(reading, i) <= 1
    ]
    fee = decide_fee(fee_statements, transfer_type)
    outlets = outlet_index()
    sources: list[str] = []
    single_move = sum(1 for m in moves if m.player == move.player and not m.extension) == 1
    source_ids = move.sentences + move.context + (
        context_ids if single_move and not move.extension else []
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
        if from_club is None and move.sellers:
            from_club = move.sellers[0]
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


def propose_drafts(job: ArticleJob) -> list[Draft]:
    """Every move the rules find in the article, as drafts."""
    reading = read_article(job.text, club_index(), outlet_index())
    moves = find_moves(reading)
    exclude: set[str] = set()
    if job.publisher:
        publisher = outlet_index().lookup(job.publisher)
        exclude.add(publisher.name if publisher else job.publisher)
    return [_draft(reading, move, moves, exclude) for move in moves]


class RulesStrategy:
    """Deterministic extraction: fast, free and reproducible."""

    name = "rules"

    def plan(self, job: ArticleJob) -> Plan:
        """Propose without asking any model."""
        return Proposal(drafts=propose_drafts(job))
        yield  # pragma: no cover - makes this a generator that asks nothing
