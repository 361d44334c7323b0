"""A renewal's own stage, and how a renewal ends or stays out of other moves.

A new contract climbs the same ladder as a move; its own words say where it stands
("set to give him a new deal" is agreed, "wants to renew" is talks, "turned down a
new deal" ends it). Agreed at his club, it ends the other clubs' moves; turned down,
it ends only itself.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rumourx.strategies.rules.lexicon import (
    EXTENSION,
    HEDGE,
    INTENDED,
    PLAYER_STAYS,
    RENEWAL_AGREED,
    RENEWAL_REFUSED,
    RENEWAL_TALKS,
)
from rumourx.strategies.rules.roles import clauses
from rumourx.strategies.rules.stage_reading import OTHER_DEAL, RANK, own_clause, stage_in

__all__ = [
    "blank_extension_clauses",
    "concessive_end",
    "refusal_outside",
    "renewal_settled",
    "renewal_stage",
]

# "..., despite being linked with Hillport": the main clause's ending is his too.
_CONCESSIVE = re.compile(r"^(?:despite|in spite of|amid)\b", re.I)


@lru_cache(maxsize=4096)  # asked again for each move of the sentence
def concessive_end(text: str, offset: int) -> str | None:
    """The ending ("collapsed") when the anchor's clause concedes a link the main one ends.

    "Dan Ostrow will stay at Hillport, despite interest from Eastbury": the
    player staying ends Eastbury's move, though the link is named in its own clause.
    """
    spans = clauses(text)
    own = own_clause(spans, offset)
    if not own or not _CONCESSIVE.match(text[spans[own][0] : spans[own][1]]):
        return None
    main = text[spans[own - 1][0] : spans[own - 1][1]]
    stays = PLAYER_STAYS.search(main) and not HEDGE.search(main) and not INTENDED.search(main)
    return "collapsed" if stays or stage_in(main) == "collapsed" else None


@lru_cache(maxsize=4096)  # asked again for each move of the sentence
def renewal_settled(text: str, anchor: int) -> bool:
    """Whether a clause after the anchor's agrees the player's new contract, unhedged.

    "Hillport's chase of X ended with the winger agreeing a new deal at Eastbury": a
    renewal agreed at his club ends the other clubs' moves.
    """
    if not EXTENSION.search(text) or HEDGE.search(text) or INTENDED.search(text):
        return False
    spans = clauses(text)
    own = own_clause(spans, anchor)
    for start, end in spans[own + 1 :] if own is not None else []:
        piece = text[start:end]
        if (
            EXTENSION.search(piece)
            and not OTHER_DEAL.match(piece)
            and (stage_in(piece) == "agreed" or RENEWAL_AGREED.search(piece))
        ):
            return True
    return False


@lru_cache(maxsize=4096)  # asked again for each move of the sentence
def renewal_stage(text: str, anchor: int) -> str | None:
    """A renewal's own stage, from its own words or from the clauses naming it.

    Its own words: a new deal turned down (collapsed), about to be signed (agreed) or
    wanted by either side (talks). Else the furthest stage short of an ending of a
    clause, from the anchor's on, that names the new contract.

    "Hillport's interest in X has cooled, with the winger agreeing a new deal": the
    renewal is agreed though the player is named in another clause.
    """
    if RENEWAL_REFUSED.search(text):
        return "collapsed"
    if RENEWAL_AGREED.search(text):
        return "agreed"
    if RENEWAL_TALKS.search(text):
        return "talks"
    spans = clauses(text)
    own = own_clause(spans, anchor) or 0
    found = [
        stage_in(text[start:end])
        for start, end in spans[own:]
        if EXTENSION.search(text[start:end]) and not OTHER_DEAL.match(text[start:end])
    ]
    return min(
        (f for f in found if f and f not in ("collapsed", "bid_rejected")),
        key=RANK.__getitem__,
        default=None,
    )


def refusal_outside(text: str, anchor: int) -> str:
    """The sentence with any new deal turned down blanked, unless it names the anchor.

    "X has rejected a new deal at Hillport and agreed to join Eastbury": the refusal
    ends the renewal, not Eastbury's move; "turned down a new Hillport contract" is
    the refused renewal itself, so a move to Hillport is off.
    """
    chars = list(text)
    for match in RENEWAL_REFUSED.finditer(text):
        if match.start() <= anchor <= match.end():
            return "collapsed"
        chars[match.start() : match.end()] = " " * (match.end() - match.start())
    return "".join(chars)


def blank_extension_clauses(text: str, anchor: int = -1) -> str:
    """The sentence with the clauses about a new contract blanked, for another move.

    "X has said no to fresh terms at his club, which alerts Hillport":
    the rejected offer is the renewal's, not Hillport's. The anchor's clause stays.
    """
    chars = list(text)
    for start, end in clauses(text):
        if not start <= anchor <= end and EXTENSION.search(text[start:end]):
            chars[start:end] = " " * (end - start)
    return "".join(chars)
