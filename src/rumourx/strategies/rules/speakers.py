"""Clubs whose officials speak: "Arsenal manager X says Y will be sold".

A club named before its manager, president or executive acts through him. What he
says decides what the club is to the move: his own player's club when he speaks of
the player staying or leaving, no buyer when he reports another club's interest.
A club that tells another club its player is not for sale is likewise his club.
"""

from __future__ import annotations

from rumourx.strategies.rules.lexicon import (
    KEPT_PLAYER,
    OWN_PLAYER_TALK,
    SPEAKER_OWN_CLUB,
    SPEAKER_REPORTS,
    TOLD,
)
from rumourx.strategies.rules.people import Mention
from rumourx.strategies.rules.tagged_club import ClubRole, TaggedClub

__all__ = ["speakers_clubs", "told_clubs"]


def speakers_clubs(
    article: str, tagged: list[TaggedClub], players: list[Mention], speakers: list[tuple[int, int]]
) -> None:
    """A club whose official speaks of a player staying, leaving or being sold is his.

    "Arsenal manager X says Y will be sold": Arsenal is Y's club, not his destination
    (``own_player_talk`` cues); "Roma boss X wants to sign Y" keeps Roma a destination.
    An official who reports another club's move names no buyer in his own club.
    """
    for index, at in speakers:
        rest = article[at : at + 250].split(". ")[0]
        if not SPEAKER_OWN_CLUB.search(rest) and any(
            t.owner_of is None and SPEAKER_REPORTS.match(article[at : t.mention.start])
            for t in tagged[index + 1 :]
        ):
            # "Lyon's CEO X has confirmed Arsenal are keen on Y": Lyon is not a buyer,
            # unless he puts his club in the race too ("vying with his side").
            tagged[index] = TaggedClub(tagged[index].mention, ClubRole.OTHER, None)
            continue
        if tagged[index].role is not ClubRole.NAMED:
            continue
        talk = OWN_PLAYER_TALK.search(rest)
        # Another club between ("persuade Juventus to sell him") or already his club
        # ("talks with Liverpool, who are willing to sell"): the speaker may be buying.
        if (
            talk is None
            or any(at <= t.mention.start < at + talk.start() for t in tagged)
            or any(t.role is ClubRole.SELLER for t in tagged)
        ):
            continue
        named = {p.person for p in players if p.explicit and p.start >= at}
        owner = next(iter(named)) if len(named) == 1 else None
        role = ClubRole.SELLER if owner else ClubRole.OTHER
        tagged[index] = TaggedClub(tagged[index].mention, role, owner)


# "Benfica have told Everton that X is not for sale": Benfica keeps him, Everton asked.
# (``told_verb`` and ``kept_player`` cues)


def told_clubs(article: str, tagged: list[TaggedClub], players: list[Mention]) -> None:
    """A club that tells another its player is not for sale is his club; the other asked."""
    for index in range(len(tagged) - 1):
        teller, told = tagged[index], tagged[index + 1]
        if not TOLD.match(article[teller.mention.end : told.mention.start]):
            continue
        rest = article[told.mention.end : told.mention.end + 250].split(". ")[0]
        if not KEPT_PLAYER.search(rest):
            continue
        named = {p.person for p in players if p.explicit and p.start >= told.mention.end}
        owner = next(iter(named)) if len(named) == 1 else None
        tagged[index] = TaggedClub(teller.mention, ClubRole.SELLER, owner)
        tagged[index + 1] = TaggedClub(told.mention, ClubRole.BUYER, None)
