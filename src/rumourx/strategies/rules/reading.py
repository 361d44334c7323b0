"""First pass over an article: who and which clubs each sentence names, in what role.

The reading remembers across sentences: the players seen so far (so "Ramos" and
"the 34-year-old" resolve to "Sergio Ramos"), each player's current club, and the
club the text is talking about ("they", "the club").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from rumourx.knowledge.clubs import ClubIndex
from rumourx.knowledge.outlets import OutletIndex
from rumourx.strategies.rules.club_shapes import find_club_shapes, shape_mentions
from rumourx.strategies.rules.frames import subject_buyers, subject_sellers
from rumourx.strategies.rules.lexicon import (
    BACKGROUND,
    BACKGROUND_TIME,
    BACKGROUND_VERB,
    BYSTANDER_BEFORE,
    MOVE_WORD,
    SELL_WORD,
    STATUS_CUES,
)
from rumourx.strategies.rules.people import Mention, PeopleRegistry
from rumourx.strategies.rules.roles import ClubRole, TaggedClub, tag_clubs
from rumourx.text.injection import looks_like_instruction
from rumourx.text.sections import is_heading, opinion_sentences
from rumourx.text.sentences import Sentence, split_sentences

__all__ = ["Reading", "SentenceFacts", "first_cue", "is_background", "read_article"]

_HIS_CLUB = re.compile(r"\b(?:his|their)\s*$", re.IGNORECASE)
_PLAYS_FOR = re.compile(
    r"\b(?:appearances|games|goals|matches|caps)\s+(?:\w+\s+){0,3}for\s*$", re.IGNORECASE
)
_ENUMERATION = re.compile(
    r"(?:alongside|the likes of|such as|including|and|,)\s*(?:the\s+)?$", re.IGNORECASE
)
_SOLD = re.compile(
    r"\b(?:selling|sold|sell|offloading|offloaded|offload|loaning out|loaned out|releasing|"
    r"released)"
    r"\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_DESCRIBES = re.compile(r"\d{2}-year-old", re.IGNORECASE)
#: Longer "sentences" are not prose (a squad list, a table pasted as text, a hostile
#: input): they are not read, so that reading stays linear in the article's length.
#: The corpus's longest sentence has 355 characters.
LONGEST_SENTENCE = 2_000
_WEAK = "weak"
_STRONG = "strong"


@dataclass
class SentenceFacts:
    """What one sentence names.

    Attributes:
        sentence: The sentence.
        players: People in it who are (as far as the article shows) players; a
            descriptor ("the 22-year-old") stands in when no name is given.
        clubs: Club mentions with their roles.
        heading: A heading line.
        opinion: Inside the publisher's opinion section.
        background: Describes history rather than news.
    """

    sentence: Sentence
    players: list[Mention]
    clubs: list[TaggedClub]
    heading: bool
    opinion: bool
    background: bool
    topic: str | None = None
    people_named: int = 0


@dataclass
class Reading:
    """The whole first pass."""

    article: str
    sentences: list[Sentence]
    facts: list[SentenceFacts]
    people: PeopleRegistry
    current_club: dict[str, str] = field(default_factory=dict)
    club_strength: dict[str, str] = field(default_factory=dict)
    unread: list[int] = field(default_factory=list)

    def player_sentences(self, player: str) -> list[int]:
        """Indexes of the sentences that name or describe ``player``."""
        return [f.sentence.index for f in self.facts if any(m.person == player for m in f.players)]

    def learn_club(self, player: str, club: str, strength: str) -> None:
        """Record a player's current club; strong evidence overrides weak."""
        known = self.club_strength.get(player)
        if known is None or (known == _WEAK and strength == _STRONG):
            self.current_club[player] = club
            self.club_strength[player] = strength

    def strongly_known(self, player: str) -> bool:
        """Whether the player's club comes from "X's player" or "X striker player"."""
        return self.club_strength.get(player) == _STRONG


def _scan_stage(text: str) -> str | None:
    return next((status for status, pattern in STATUS_CUES if pattern.search(text)), None)


# Each sentence is asked for its stage several times (reading, moves, the sentence
# before): the scan runs once. Long texts are remembered only a few at a time.
_stage_short = lru_cache(maxsize=4096)(_scan_stage)
_stage_long = lru_cache(maxsize=4)(_scan_stage)


def _stage(text: str) -> str | None:
    return _stage_short(text) if len(text) <= 1_000 else _stage_long(text)


def first_cue(text: str) -> str | None:
    """The strongest stage a sentence names (collapsed first, linked last), if any.

    A move verb or noun alone ("can sign", "the signing of") counts as linked.
    """
    found = _stage(text)
    return found or ("linked" if MOVE_WORD.search(text) or SELL_WORD.search(text) else None)


def _buying_cue(text: str) -> str | None:
    """The stage cue that makes a sentence's opening club a buyer: selling words aside."""
    found = _stage(text)
    return found or ("linked" if MOVE_WORD.search(text) else None)


def is_background(text: str) -> bool:
    """Whether a sentence or clause tells of history rather than news."""
    return bool(
        BACKGROUND.search(text) or (BACKGROUND_VERB.search(text) and BACKGROUND_TIME.search(text))
    )


def read_article(article: str, clubs: ClubIndex, outlets: OutletIndex) -> Reading:
    """Read ``article`` once, sentence by sentence."""
    sentences = split_sentences(article)
    opinion = opinion_sentences(sentences)
    known = {m.club for m in clubs.find(article)}
    shaped = find_club_shapes(article, clubs)
    people = PeopleRegistry(clubs=clubs, outlets=outlets)
    reading = Reading(article=article, sentences=sentences, facts=[], people=people)
    topic: str | None = None
    for sentence in sentences:
        if len(sentence.text) > LONGEST_SENTENCE:
            # Not read: kept in its place as a heading would be, naming nobody.
            reading.unread.append(sentence.index)
            facts = SentenceFacts(sentence, [], [], True, sentence.index in opinion, False, topic)
            reading.facts.append(facts)
            continue
        heading = is_heading(sentence)
        club_mentions = clubs.find(sentence.text, known)
        if shaped:
            taken = [(m.start, m.end) for m in club_mentions]
            club_mentions += shape_mentions(sentence.text, 0, shaped, taken)
            club_mentions.sort(key=lambda m: m.start)
        club_mentions = [
            type(m)(m.club, m.alias, m.start + sentence.start, m.end + sentence.start)
            for m in club_mentions
        ]
        spans = [(m.start, m.end) for m in club_mentions]
        everyone = people.scan(sentence, article, spans)
        named = [m for m in everyone if people.is_player(m.person)]
        descriptors = people.descriptor_mentions(sentence, named)
        # "... bid for the striker should Brack go": a descriptor counts
        # beside names when it points back to someone named before.
        extra = [
            d
            for d in descriptors
            if named
            and _DESCRIBES.search(article[d.start : d.end])
            and not any(m.start < d.end and d.start < m.end for m in named)
        ]
        players = sorted(named + extra, key=lambda m: m.start) if named else descriptors
        # A sentence naming no club has no club to tag: its stage is not needed here.
        cue = _buying_cue(sentence.text) if club_mentions else None
        tagged = tag_clubs(article, club_mentions, players, sentence.start, cue)
        tagged = subject_buyers(article, tagged, players, sentence.start, sentence.end)
        tagged = subject_sellers(article, tagged, players, sentence.start, sentence.end)
        for club in tagged:
            before = article[max(0, club.mention.start - 40) : club.mention.start]
            if club.owner_of and club.role is ClubRole.SELLER:
                reading.learn_club(club.owner_of, club.mention.club, _STRONG)
            elif len({p.person for p in players}) == 1 and (
                _HIS_CLUB.search(before) or _PLAYS_FOR.search(before)
            ):
                reading.learn_club(players[0].person, club.mention.club, _STRONG)
            elif club.role is ClubRole.SELLER and len({p.person for p in players}) == 1:
                reading.learn_club(players[0].person, club.mention.club, _WEAK)
        # "Brentford ... after selling Ivan Tomas to Juventus": the subject sold him.
        for mention in named:
            if _SOLD.search(article[max(0, mention.start - 25) : mention.start]):
                earlier = [c for c in tagged if c.mention.end <= mention.start]
                if earlier:
                    reading.learn_club(mention.person, earlier[-1].mention.club, _STRONG)
        # "The Lyon winger": a club inside a descriptor is that player's club.
        named_people = list({m.person for m in named})
        for mention in descriptors:
            if len(named_people) <= 1:
                person = named_people[0] if named_people else mention.person
                for club in tagged:
                    if mention.start <= club.mention.start < mention.end:
                        reading.learn_club(person, club.mention.club, _STRONG)
        subjects = [
            m
            for m in named
            if m.explicit
            and not _ENUMERATION.search(article[max(0, m.start - 30) : m.start])
            and not BYSTANDER_BEFORE.search(article[max(0, m.start - 80) : m.start])
        ]
        if subjects:
            people.last_player = subjects[-1].person
        reading.facts.append(
            SentenceFacts(
                sentence=sentence,
                players=players,
                clubs=tagged,
                heading=heading,
                opinion=sentence.index in opinion,
                background=is_background(sentence.text) or looks_like_instruction(sentence.text),
                topic=topic,
                people_named=len(everyone),
            )
        )
        if tagged and not heading:
            ranked = sorted(
                (c for c in tagged if c.role in (ClubRole.BUYER, ClubRole.NAMED)),
                key=lambda c: c.role is not ClubRole.BUYER,
            )
            topic = ranked[0].mention.club if ranked else topic
    return reading
