"""A club mention with the role it plays in a sentence's move (buyer, seller, ...)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from rumourx.knowledge.clubs import ClubMention

__all__ = ["ClubRole", "TaggedClub"]


class ClubRole(str, Enum):
    """What a club is to the move in this sentence."""

    BUYER = "buyer"
    SELLER = "seller"
    OPPONENT = "opponent"
    PAST = "past"
    OTHER = "other"
    NAMED = "named"


@dataclass(frozen=True)
class TaggedClub:
    """A club mention and its role; ``owner_of`` is the player it is the club of."""

    mention: ClubMention
    role: ClubRole
    owner_of: str | None = None
