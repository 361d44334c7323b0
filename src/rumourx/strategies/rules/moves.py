"""Second pass: which (player, destination) moves the article reports.

A move needs a player, a destination and a transfer cue in the same sentence.
The destination is a club in a buying role, or a named club that is not the
player's own; "they" and "the club" stand for the club the text is about; a
contract renewal is a move to the player's own club; "wants to leave" with no
destination is a move to nowhere, kept only when the player has no other move.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from rumourx.strategies.rules.attachment import assign_clubs, replaced_players
from rumourx.strategies.rules.frames import offer_moves
from rumourx.strategies.rules.lexicon import (
    DEPARTURE,
    EXTENSION,
    MOVE_WORD,
    NEGATED_EXTENSION,
    STATUS_CUES,
)
from rumourx.strategies.rules.people import Mention
from rumourx.strategies.rules.reading import Reading, SentenceFacts, first_cue, is_background
from rumourx.strategies.rules.roles import ClubRole, TaggedClub, clauses

__all__ = ["Move", "find_moves"]

_CONTINUATION_CHARS = 90
_CONTRAST = re.compile(r"^(?:but|while|whereas|however|although|though|yet|meanwhile)\b", re.I)
# "X, who had been linked with Villa, looks set to join Leipzig": the main clause resumes.
_RESUMES = re.compile(
    r"^(?:has|have|is|are|was|were|will|would|could|can|may|might|looks?|seems?|remains?|"
    r"wants?|is set|are set)\b",
    re.IGNORECASE,
)
# "They are also targeting X": the club the text is about, as the sentence's subject.
_SUBJECT_PRONOUN = re.compile(
    r"^(?:they|the club|the (?:[A-Z][\w-]*\s+){0,3}(?:club|side|giants|champions|outfit))\s+"
    r"(?:are|have|were|had|will|would|could|may|might|also|remain|want|look)\b",
    re.IGNORECASE,
)
# "Among their targets, X and Y", "on the Serie A club's list": the topic club.
_PRONOUN_TARGET = re.compile(
    r"\b(?:their|the (?:[\w-]+\s+){0,3}?(?:club|side|giants|champions|outfit)['’]s?)\s+"
    r"(?:\w+ ){0,2}(?:targets?|radar|shortlist|list|wish ?list|priority)\b",
    re.I,
)
_CLUB_PRONOUN = re.compile(r"\b(?:they|the club|the side)\b", re.IGNORECASE)
_STRONG_CUES = frozenset({"completed", "agreed", "bid", "talks", "collapsed", "bid_rejected"})


@dataclass
class Move:
    """A move found by the rules, before its fields are decided.

    Attributes:
        player: Full name.
        to_club: Canonical destination; None for a departure with no destination.
        extension: A renewal at the player's own club.
        opinion: Found only in the publisher's opinion section.
        sentences: Indexes of the sentences that state it, first found first.
        anchors: Per sentence, the offset of the destination (or player) mention.
        context: Sentences read with it (a sentence it continues).
        sellers: Clubs named as the player's club in its sentences.
    """

    player: str
    to_club: str | None
    extension: bool = False
    opinion: bool = False
    sentences: list[int] = field(default_factory=list)
    anchors: dict[int, int] = field(default_factory=dict)
    context: list[int] = field(default_factory=list)
    sellers: list[str] = field(default_factory=list)


def _destinations(
    facts: SentenceFacts, clubs: list[TaggedClub], player: Mention, current: str | None
) -> list[TaggedClub]:
    """Clubs the player may be moving to: buyers, else named clubs, clause by clause."""
    usable = [
        c
        for c in clubs
        if c.role in (ClubRole.BUYER, ClubRole.NAMED)
        and c.mention.club != current
        and not (c.owner_of and c.owner_of != player.person)
    ]
    sentence = facts.sentence
    chosen: list[TaggedClub] = []
    for start, end in clauses(sentence.text):
        local = [c for c in usable if start <= c.mention.start - sentence.start <= end]
        buyers = [c for c in local if c.role is ClubRole.BUYER]
        chosen.extend(buyers or local)
    return chosen


class _Collector:
    def __init__(self) -> None:
        self.moves: dict[tuple[str, str | None, bool, bool], Move] = {}

    def add(
        self,
        player: str,
        to_club: str | None,
        facts: SentenceFacts,
        anchor: int,
        *,
        extension: bool = False,
        context: int | None = None,
        mine: list[TaggedClub] | None = None,
    ) -> None:
        key = (player, to_club, extension, facts.opinion)
        move = self.moves.setdefault(
            key, Move(player, to_club, extension=extension, opinion=facts.opinion)
        )
        index = facts.sentence.index
        if index not in move.sentences:
            move.sentences.append(index)
            move.anchors[index] = anchor
        if context is not None and context not in move.context:
            move.context.append(context)
        # A selling club with no named player sells the players it was attached to,
        # or, when it opens the sentence, every player the sentence names.
        first = min((m.start for m in facts.players), default=facts.sentence.end)
        for club in facts.clubs:
            subject = club is facts.clubs[0] and club.mention.end <= first
            attached = mine is None or club in mine or subject
            own = club.owner_of == player or (club.owner_of is None and attached)
            if club.role is ClubRole.SELLER and own:
                move.sellers.append(club.mention.club)


def _clause_index(text: str, offset: int) -> int:
    spans = clauses(text)
    return next((i for i, (s, e) in enumerate(spans) if s <= offset <= e), len(spans) - 1)


def _without_history(facts: SentenceFacts) -> SentenceFacts | None:
    """The sentence's facts minus the clauses that tell of history, or None if all do."""
    sentence = facts.sentence
    history: list[tuple[int, int]] = []
    for start, end in clauses(sentence.text):
        piece = sentence.text[start:end]
        # A clause after a history clause continues it ("signed players such as X, Y
        # and Z"), unless it turns to the news ("..., but Brentford moved quickly").
        continues = bool(history) and not (_CONTRAST.match(piece) or _RESUMES.match(piece))
        if is_background(piece) or continues:
            history.append((start + sentence.start, end + sentence.start))
    if not history:
        return None  # the history reading spans the clauses: the whole sentence is history

    def old(offset: int) -> bool:
        return any(start <= offset < end for start, end in history)

    return replace(
        facts,
        players=[m for m in facts.players if not old(m.start)],
        clubs=[c for c in facts.clubs if not old(c.mention.start)],
    )


def find_moves(reading: Reading) -> list[Move]:
    """Every move the article states, in order of first mention."""
    collector = _Collector()
    previous: SentenceFacts | None = None
    for facts in reading.facts:
        if facts.heading:
            previous = facts
            continue
        if facts.background:
            # Keep what the news clauses say; drop the people and clubs of the history.
            news = _without_history(facts)
            if news is None:
                continue
            facts = news
        text = facts.sentence.text
        cue = first_cue(text)
        players = list({m.person: m for m in facts.players}.values())
        continued_from: int | None = None
        if (
            not players
            and not facts.people_named
            and len(text) <= _CONTINUATION_CHARS + 50
            and previous is not None
            and len({m.person for m in previous.players}) == 1
            and facts.clubs
            and (
                (
                    first_cue(previous.sentence.text) in ("bid", "talks", "linked")
                    and len(text) <= _CONTINUATION_CHARS
                    and not _destinations(previous, previous.clubs, previous.players[0], None)
                )
                or (
                    # "X will not leave. Saints have turned down a bid from Villa."
                    (cue in _STRONG_CUES or (cue and len(text) <= _CONTINUATION_CHARS))
                    and any(c.role is ClubRole.BUYER for c in facts.clubs)
                    and not any(key[0] == previous.players[0].person for key in collector.moves)
                )
            )
        ):
            # "...has had a second offer. Now it comes from Hillport."
            players = [previous.players[0]]
            continued_from = previous.sentence.index
            cue = cue or first_cue(previous.sentence.text)
        assigned = (
            assign_clubs(reading.article, facts)
            if continued_from is None
            else {players[0].person: facts.clubs}
        )
        offered = offer_moves(reading.article, facts) if continued_from is None else {}
        for person, replacing in replaced_players(reading.article, facts).items():
            reading.learn_club(person, replacing, "weak")
        # What the sentence says whoever the player: read once, not once per player.
        renewal = bool(EXTENSION.search(text)) and not NEGATED_EXTENSION.search(text)
        topic_cue = bool(
            (cue in _STRONG_CUES and _CLUB_PRONOUN.search(text))
            or (
                cue is not None
                and _SUBJECT_PRONOUN.match(text)
                and (MOVE_WORD.search(text) or any(p.search(text) for _, p in STATUS_CUES))
            )
            or _PRONOUN_TARGET.search(text)
        )
        departure = bool(DEPARTURE.search(text))
        for player in players:
            if player.person in offered:
                # "Chelsea have offered X to Inter": X goes from Chelsea to Inter.
                destination, seller = offered[player.person]
                reading.learn_club(player.person, seller, "strong")
                collector.add(
                    player.person, destination.mention.club, facts, destination.mention.start
                )
                continue
            current = reading.current_club.get(player.person)
            if renewal:
                present = [
                    c.mention.club
                    for c in facts.clubs
                    if c.role not in (ClubRole.PAST, ClubRole.OPPONENT, ClubRole.OTHER)
                ]
                if current is not None:
                    club = current if current in present or not present else None
                elif len(set(present)) == 1:
                    club = present[0]
                    reading.learn_club(player.person, club, "weak")
                else:
                    club = facts.topic if not present else None
                if club is not None:
                    collector.add(player.person, club, facts, player.start, extension=True)
                    # Other clubs of the sentence may still be after him: "X has turned
                    # down a new deal, putting United and Chelsea on alert".
                    current = club
                    if not any(
                        c.role in (ClubRole.BUYER, ClubRole.NAMED) and c.mention.club != club
                        for c in assigned.get(player.person, [])
                    ):
                        continue
            mine = assigned.get(player.person, [])
            if continued_from is not None:
                # The club completes the previous sentence's offer: "from X" is the bidder.
                targets = [
                    c
                    for c in mine
                    if c.mention.club != current
                    and c.role not in (ClubRole.PAST, ClubRole.OPPONENT)
                ]
                buyers = [c for c in targets if c.role is ClubRole.BUYER]
                targets = buyers or targets
            else:
                targets = _destinations(facts, mine, player, current) if cue else []
            if (
                not targets
                and topic_cue
                and facts.topic is not None
                and facts.topic != current
                and all(c.role is not ClubRole.BUYER for c in facts.clubs)
                and not any(key[0] == player.person for key in collector.moves)
            ):
                # "they" / "the club": the club the text is about.
                collector.add(
                    player.person, facts.topic, facts, player.start, context=continued_from
                )
                continue
            for target in targets:
                # A subject club far from its player: read the stage in the player's clause.
                anchor = target.mention.start
                if anchor < player.start and _clause_index(
                    text, anchor - facts.sentence.start
                ) != _clause_index(text, player.start - facts.sentence.start):
                    anchor = player.start
                collector.add(
                    player.person,
                    target.mention.club,
                    facts,
                    anchor,
                    context=continued_from,
                    mine=mine,
                )
            if not targets and departure:
                collector.add(player.person, None, facts, player.start)
        previous = facts
    moves = list(collector.moves.values())
    # A departure with no destination only stands when the player has no other move.
    with_destination = {m.player for m in moves if m.to_club is not None and not m.extension}
    return [m for m in moves if m.to_club is not None or m.player not in with_destination]
