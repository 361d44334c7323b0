"""Whether "from CLUB" after a bid names the club that bids or the player's club.

"A £30m bid from Newcastle" names the bidder; "make a bid for X from Salzburg" names
X's club. Read by the club-role tagging (:mod:`.roles`).
"""

from __future__ import annotations

from rumourx.knowledge.clubs import ClubMention
from rumourx.strategies.rules.lexicon import BID_BEFORE, BID_RECEIVED, BUYER_VERB, INTEREST_NOUN
from rumourx.strategies.rules.people import Mention

__all__ = ["bidder_from"]


def bidder_from(article: str, club: ClubMention, players: list[Mention]) -> bool:
    """Whether "from CLUB" names the bidder: "a £30m bid from Newcastle".

    With a player in between: "interest in X from Liverpool" names the interested
    club, and "Wolves have rejected a bid for X from Tottenham" the bidder; but a
    move verb before the player ("an interest in signing X, 20, from Schalke") or a
    bid that is being made ("make a bid for X from Salzburg") names his club.
    """
    start = max(0, club.start - 90)
    bid = BID_BEFORE.search(article[start : club.start])
    if bid is None:
        return False
    at = start + bid.start()
    after = at + len(bid.group().split()[0])
    between = [p for p in players if p.explicit and at <= p.start < club.start]
    if not between:
        return True
    if BUYER_VERB.search(article[after : between[0].start]):
        return False
    if INTEREST_NOUN.match(bid.group()):
        return True
    return BID_RECEIVED.search(article[max(0, at - 40) : at]) is not None
