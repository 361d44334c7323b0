"""Where a move's stage is told outside the clause that names the player.

The press often names the player in one clause and says how far the buying club has
gone in the next, with the club as the unspoken subject:

- "Arsenal are keen on X, 24, and have made contact with his representatives";
- "X is a target for Arsenal, who have opened talks with Lyon" (a plural verb: the
  club, not the player, is the subject);
- "Arsenal are keen on X. They have already made contact with Lyon." (the next
  sentence, with the buyer, "they" or "the club" as its subject and no other player).

Those clauses are extra anchors for :func:`.decisions.decide_status`, which keeps the
furthest stage. A clause or sentence that names another player or another buying club
lends nothing.
"""

from __future__ import annotations

import re

from rumourx.strategies.rules.lexicon import BUYER_PRONOUN
from rumourx.strategies.rules.moves import Move
from rumourx.strategies.rules.reading import Reading
from rumourx.strategies.rules.roles import clauses
from rumourx.strategies.rules.stage_reading import own_clause
from rumourx.strategies.rules.tagged_club import ClubRole

__all__ = ["continuation_anchors"]

# A clause whose subject is the club just named: "and have ...", "who are ...".
_SAME_SUBJECT = re.compile(
    r"^(?:and|who)\s+(?:(?:have|had|are|were)\b|(?:have|had)\s+(?:already|also|now)\b)",
    re.IGNORECASE,
)
_AGE = re.compile(r"^\s*\d{2}\s*$")


def _other_names(reading: Reading, index: int, move: Move, lo: int, hi: int) -> bool:
    """Whether the span names another player or a club other than the move's two."""
    facts = reading.facts[index]
    start = facts.sentence.start
    mine = {move.to_club, reading.current_club.get(move.player)}
    return any(
        lo <= m.start - start < hi and m.person != move.player and m.explicit for m in facts.players
    ) or any(
        lo <= c.mention.start - start < hi
        and c.mention.club not in mine
        and c.role is ClubRole.BUYER
        for c in facts.clubs
    )


def continuation_anchors(reading: Reading, move: Move) -> list[tuple[str, int]]:
    """``(sentence, offset)`` pairs for clauses that continue the buyer's clause."""
    found: list[tuple[str, int]] = []
    if move.to_club is None or move.extension:
        return found
    for index in move.sentences:
        facts = reading.facts[index]
        text = facts.sentence.text
        anchor = move.anchors.get(index, facts.sentence.start) - facts.sentence.start
        spans = clauses(text)
        own = own_clause(spans, anchor)
        if own is None:
            continue
        for start, end in spans[own + 1 :]:
            piece = text[start:end]
            if _AGE.match(piece):
                continue  # "X, 24, and have ...": the age is no clause
            if _SAME_SUBJECT.match(piece) and not _other_names(reading, index, move, start, end):
                found.append((text, start))
            break
    found.extend(_next_sentence(reading, move))
    return found


def _next_sentence(reading: Reading, move: Move) -> list[tuple[str, int]]:
    """The sentence right after the move's last one, when the buyer is its subject."""
    last = max(move.sentences)
    if last + 1 >= len(reading.facts):
        return []
    facts = reading.facts[last + 1]
    if facts.background or facts.heading:
        return []
    if any(m.explicit or m.person != move.player for m in facts.players):
        return []  # another player, or him by name (his own sentence, read already)
    text = facts.sentence.text
    lead = [
        c
        for c in facts.clubs
        if re.fullmatch(r"\s*(?:the\s+)?", text[: c.mention.start - facts.sentence.start], re.I)
    ]
    subject = (lead and lead[0].mention.club == move.to_club) or (
        not lead and BUYER_PRONOUN.match(text)
    )
    # Only when the sentence before reported this buyer's move for one player alone.
    before = reading.facts[last]
    alone = {m.person for m in before.players if m.explicit} <= {move.player}
    if not subject or not alone or _other_names(reading, last + 1, move, 0, len(text)):
        return []
    return [(text, 0)]
