"""Clubs whose officials speak: "Arsenal manager X says Y will be sold".

A club named before its manager, president or executive acts through him. What he
says decides what the club is to the move: his own player's club when he speaks of
the player staying or leaving, no buyer when he reports another club's interest.
A club that tells another club its player is not for sale is likewise his club.
"""

from __future__ import annotations

import re

from rumourx.strategies.rules.lexicon import OWN_PLAYER_TALK
from rumourx.strategies.rules.people import Mention
from rumourx.strategies.rules.tagged_club import ClubRole, TaggedClub

__all__ = ["speakers_clubs", "told_clubs"]

# "Lyon's president X has confirmed (that) Arsenal ...": he reports another club's move.
_REPORTS_ANOTHER = re.compile(
    r"^(?:,\s*\d{2},\s*)?\s*(?:has\s+|had\s+)?(?:confirm|sa[iy]|admit|reveal|claim|insist|believe|"
    r"explain|told|tell|disclos)\w*\s+(?:(?:reporters|the media)\s+)?(?:that\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
_HIS_CLUB = re.compile(r"\b(?:his|her|their) (?:side|club|team)\b|\bthem\b", re.IGNORECASE)


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
        if not _HIS_CLUB.search(rest) and any(
            t.owner_of is None and _REPORTS_ANOTHER.match(article[at : t.mention.start])
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
_TOLD = re.compile(
    r"^\s+(?:have|has|had)\s+(?:\w+\s+)?(?:told|informed|warned|reminded)\s+$", re.IGNORECASE
)
_KEEPS = re.compile(
    r"\bnot\s+(?:\w+\s+)?for\s+sale\b|\b(?:will|would)\s+not\s+(?:be\s+)?sell\b|\bwon['’]t\s+sell\b|"
    r"\bnot\s+(?:be\s+)?(?:sold|available)\b|\bnot\s+(?:be\s+)?(?:leaving|allowed\s+to\s+leave)\b",
    re.IGNORECASE,
)


def told_clubs(article: str, tagged: list[TaggedClub], players: list[Mention]) -> None:
    """A club that tells another its player is not for sale is his club; the other asked."""
    for index in range(len(tagged) - 1):
        teller, told = tagged[index], tagged[index + 1]
        if not _TOLD.match(article[teller.mention.end : told.mention.start]):
            continue
        rest = article[told.mention.end : told.mention.end + 250].split(". ")[0]
        if not _KEEPS.search(rest):
            continue
        named = {p.person for p in players if p.explicit and p.start >= told.mention.end}
        owner = next(iter(named)) if len(named) == 1 else None
        tagged[index] = TaggedClub(teller.mention, ClubRole.SELLER, owner)
        tagged[index + 1] = TaggedClub(told.mention, ClubRole.BUYER, None)
