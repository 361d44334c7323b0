"""Club-role tagging: what each club named in a sentence is to the move.

A club is the buyer, the seller, an opponent, a former club, or just named.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rumourx.knowledge.clubs import ClubMention
from rumourx.strategies.rules.bid_origin import bidder_from
from rumourx.strategies.rules.lexicon import (
    BUYER_AFTER,
    BUYER_BEFORE,
    BYSTANDER_BEFORE,
    DESCRIPTOR_TAIL,
    EXTENSION,
    OPPONENT_BEFORE,
    PAST_CLUB_BEFORE,
    SELLER_AFTER,
    SELLER_BEFORE,
)
from rumourx.strategies.rules.owners import (
    OWNS_NEXT_FORMULA,
    PLAYER_NOUN,
    described_owner,
    respective_owners,
)
from rumourx.strategies.rules.people import Mention
from rumourx.strategies.rules.speakers import speakers_clubs, told_clubs
from rumourx.strategies.rules.tagged_club import ClubRole, TaggedClub

__all__ = ["ClubRole", "TaggedClub", "clauses", "tag_clubs"]

_OWNS_NEXT = re.compile(
    rf"^(?:['’]s?\s+(?:{PLAYER_NOUN}\s+)?|\s+{PLAYER_NOUN}\s+|\s+)$", re.IGNORECASE
)
# "Sassuolo and Ivory Coast's Jo Bamba": his club, then his country, then his name.
_OWNS_NEXT_COUNTRY = re.compile(r"^\s+and\s+(?:[A-Z][\w-]*\s+)?[A-Z][\w-]*['’]s?\s+$")
# "Jonas Keller, of Stuttgart": the club named after the player is his.
_OF_CLUB = re.compile(r"^,?\s*(?:\d{2},\s*)?(?:of|from)\s+(?:the\s+)?$")
# "a move back to former club Chelsea": the former club is where he goes.
_FORMER = re.compile(r"\s*(?:his |their )?(?:former|ex-)\s*(?:club\s+|side\s+)?$", re.I)
_TALKS_WITH = re.compile(
    r"\b(?:(?:talks|negotiations|discussions|agreement|contact|deal|terms|dialogue)\s+with|"
    r"(?:talking|speaking|spoken|talked|spoke)\s+(?:to|with))\s*$",
    re.I,
)
_APPOSITION = re.compile(r"^,\s*(?:the\s+|a\s+)?$")
_OWNS_PREVIOUS = re.compile(rf"^(?:['’]s?\s+|\s+){PLAYER_NOUN}\b", re.IGNORECASE)
# "Inter Milan and Roma", "Inter Milan and Jose Mourinho's Roma": the clubs share a role.
_COORDINATED = re.compile(
    r"^\s*(?:,|and|or|&|,\s*and|,\s*or|as well as)\s*"
    r"(?:the\s+|(?:[A-Z][\w'’-]*\s+){1,3}?[A-Z][\w-]*['’]s?\s+)?$"
)
# "former Hillport, Rivertown ...", "former Hillport and Rivertown ...": a list of clubs.
_LIST_FOLLOWS = re.compile(r"^\s*(?:,|and)\s+(?-i:[A-Z])")
_BARE_FORMER = re.compile(r"\b(?:former|ex-)\s*$", re.IGNORECASE)
_BUYING_CUES = frozenset({"bid", "agreed", "completed", "talks", "linked"})
# "Officials from Arsenal and Fiorentina met": the clubs talk, neither is sold from.
_DELEGATES_FROM = re.compile(
    r"\b(?:officials|representatives|chiefs|executives|directors|delegation|scouts)\s+from\s*$",
    re.IGNORECASE,
)
_AFTER_BEFORE = re.compile(r"\b(?:after|when|since)\s*$", re.IGNORECASE)
_PAST_SUITOR_AFTER = re.compile(
    r"^\s+(?:had\s+)?(?:hoped|wanted|tried|attempted|failed)\s+to\s+(?:sign|land|bring)\b",
    re.IGNORECASE,
)
_TURN = re.compile(r"\b(?:but|while|whereas|although|though)\b|;|\s[–—-]\s", re.IGNORECASE)
_BEAT_TO = re.compile(
    r"^\s+to\s+(?:the\s+|his\s+|her\s+)?(?:signing|signature|deal|capture)\b", re.IGNORECASE
)
_ROLE_AFTER = re.compile(
    r"^['’]?s?\s*(?:boss|manager|coach|president|chairman|director|owner|head|fans|supporters)\b",
    re.IGNORECASE,
)
_ROLE_AND_NAME = re.compile(
    r"^['’]?s?\s*(?:boss|manager|head coach|coach|president|chairman|director|sporting director|"
    r"owner|owners|chief executive|CEO)\s+(?:[A-Z][\w'’-]*\s+){1,3}"
)
_POSSESSIVE = re.compile(r"^['’]s?\s")
# Also before "after dropping ...", "before they signed ...", "as Inter appear set
# to ...": a subordinate clause with its own subject or verb (the word stays with it).
# "after selling X to Y" stays: the subject sold him (read with the main clause).
_CLAUSE_BREAK = re.compile(
    r"\s*(?:[,;:]\s+|\s+[–—-]\s+|\s+while\s+|\s+but\s+|\s+whereas\s+)"
    r"|\s+(?=(?:after|before)\s+(?!selling|signing|sending)(?:\w+ing|they|he|it)\b"
    r"|as\s+(?-i:[A-Z])\w+)"
)


def clauses(text: str) -> list[tuple[int, int]]:
    """Spans of the clauses of a sentence (split at commas, dashes, "while", "but")."""
    # Asked again and again of the same sentence: split once, a fresh list each time.
    return list(_clauses_short(text) if len(text) <= 1_000 else _clauses_long(text))


def _split_clauses(text: str) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _CLAUSE_BREAK.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return tuple((s, e) for s, e in spans if e > s)


_clauses_short = lru_cache(maxsize=4096)(_split_clauses)
_clauses_long = lru_cache(maxsize=4)(_split_clauses)


def tag_clubs(
    article: str,
    clubs: list[ClubMention],
    players: list[Mention],
    sentence_start: int = 0,
    cue: str | None = None,
) -> list[TaggedClub]:
    """Give each club mention in a sentence its role.

    A club right before a player ("Chelsea's Conor Gallagher", "Lyon winger
    Bertrand Traore") is that player's club. Otherwise the words around it decide:
    "from X" and "X have rejected" make a seller, "move to X" and "X are keen" a
    buyer, "defeat to X" an opponent, "former X" a past club.
    """
    tagged: list[TaggedClub] = []
    speakers: list[tuple[int, int]] = []
    for club in clubs:
        before = article[max(0, club.start - 80) : club.start]
        before = DESCRIPTOR_TAIL.sub(" ", before)[-50:]
        after = article[club.end : club.end + 80]
        acting = _ROLE_AND_NAME.match(after)
        if acting:
            # "Hillport owner Sam Vale would hear bids for him": the club acts.
            after = article[club.end + acting.end() : club.end + acting.end() + 80]
        # "X, 26, from Stuttgart and Spain winger Y": Stuttgart is X's, not Y's.
        owner = next(
            (
                p.person
                for p in players
                if p.explicit
                and 0 <= club.start - p.end <= 12
                and _OF_CLUB.match(article[p.end : club.start])
            ),
            None,
        )
        if owner is not None and bidder_from(article, club, players):
            owner = None  # "interest in X from Liverpool": Liverpool is interested
        for player in players if owner is None else []:
            between = article[club.end : player.start]
            if (
                player.explicit
                and 0 <= player.start - club.end <= 70
                and (
                    (len(between) <= 40 and _OWNS_NEXT.match(between))
                    or (
                        (OWNS_NEXT_FORMULA.match(between) or _OWNS_NEXT_COUNTRY.match(between))
                        and not any(club.end < c.start < player.start for c in clubs)
                    )
                )
            ):
                owner = player.person
                break
        if owner is None:
            for player in players:
                if (
                    player.explicit
                    and 0 <= club.start - player.end <= 8
                    and _APPOSITION.match(article[player.end : club.start])
                    and _OWNS_PREVIOUS.match(after)
                ):
                    owner = player.person
                    break
        if owner is None:
            owner = described_owner(article, club, players)
        if _AFTER_BEFORE.search(before) and _PAST_SUITOR_AFTER.match(after):
            role = ClubRole.PAST  # "after Swansea hoped to sign him": an earlier suitor
        elif PAST_CLUB_BEFORE.search(before) and (
            acting  # "Former Tottenham manager X wants to sign Y": not Tottenham
            or _former_list(article, club, after)
            or not (BUYER_AFTER.search(after) or BUYER_BEFORE.search(_FORMER.sub("", before)))
        ):
            role = ClubRole.PAST
        elif (
            owner is not None
            and tagged
            and tagged[-1].role is ClubRole.PAST
            and _COORDINATED.match(article[tagged[-1].mention.end : club.start])
        ):
            role, owner = ClubRole.PAST, None  # "former Hillport and Wales winger X"
        elif OPPONENT_BEFORE.search(before):
            # "want to sign him before Rivertown": a rival buyer
            role = ClubRole.BUYER if _BEAT_TO.match(after) else ClubRole.OPPONENT
        elif owner is not None:
            role = ClubRole.SELLER
        elif re.search(r"\b(?:from|de|do|da|del|du|von|dal|della)\s*$", before) and bidder_from(
            article, club, players
        ):
            # "a £30m bid plus £5m in add-ons from Newcastle": the bidder.
            role = ClubRole.BUYER
        elif (
            _TALKS_WITH.search(before)
            # "a new deal with X", "his first contract with X": his own club renews him
            and not EXTENSION.search(before)
            and any(p.explicit and p.end <= club.start for p in players)
            and all(t.owner_of is not None or t.role is ClubRole.SELLER for t in tagged)
        ):
            # "Josh King is in talks with Galatasaray": the player talks to his buyer.
            role = ClubRole.BUYER
        elif (
            (seller_before := SELLER_BEFORE.search(before)) and not _DELEGATES_FROM.search(before)
        ) or SELLER_AFTER.search(after):
            role = ClubRole.SELLER
            if seller_before:
                # "Gabriel from Lille", "if Matip leaves Anfield": the player just named.
                # "behind X, should he finish his switch from Y": X only stands beside it.
                # "X, 31, will agree fresh two-year terms with Y": the player renewed.
                reach = 80 if EXTENSION.search(before) else 30
                leaving = [
                    p
                    for p in players
                    if p.explicit
                    and 0 <= club.start - p.end <= reach
                    and not any(p.end <= c.start < club.start for c in clubs)
                    and not BYSTANDER_BEFORE.search(article[max(0, p.start - 80) : p.start])
                ]
                owner = leaving[-1].person if leaving else None
        elif BUYER_BEFORE.search(before) or BUYER_AFTER.search(after):
            role = ClubRole.BUYER
            if _POSSESSIVE.match(after) and not BUYER_AFTER.search(after):
                role = ClubRole.OTHER
        elif _POSSESSIVE.match(after):
            # "Barcelona's LaLiga rivals", "Villa's training ground": not the club itself.
            role = ClubRole.OTHER
        else:
            role = ClubRole.NAMED
        if (
            role is ClubRole.NAMED
            and tagged
            and tagged[-1].role in (ClubRole.BUYER, ClubRole.SELLER, ClubRole.PAST)
            and tagged[-1].owner_of is None
            and _COORDINATED.match(article[tagged[-1].mention.end : club.start])
        ):
            # "linked with Liverpool and Paris Saint-Germain", "the ex-Hillport and
            # Rivertown winger": both share the role.
            role = tagged[-1].role
        tagged.append(TaggedClub(club, role, owner))
        if acting and role in (ClubRole.NAMED, ClubRole.BUYER):
            speakers.append((len(tagged) - 1, club.end + acting.end()))
    speakers_clubs(article, tagged, players, speakers)
    if tagged and "respectively" in article[tagged[0].mention.end : tagged[-1].mention.end + 20]:
        respective_owners(article, tagged, players)
    told_clubs(article, tagged, players)
    for index in range(len(tagged) - 2, -1, -1):
        named, following = tagged[index], tagged[index + 1]
        if (
            named.role is ClubRole.NAMED
            and named.owner_of is None
            and following.role in (ClubRole.BUYER, ClubRole.SELLER)
            and _COORDINATED.match(article[named.mention.end : following.mention.start])
        ):
            # "with Newcastle and Brighton considering bids": both share the role.
            tagged[index] = TaggedClub(named.mention, following.role, None)
    return _subject_buys(article, tagged, players, sentence_start, cue)


def _former_list(article: str, club: ClubMention, after: str) -> bool:
    """Whether ``club`` opens a list after a bare "former".

    "a move for former Hillport, Rivertown and Wales winger X": his old clubs, not
    "linked with former club Hillport and Rivertown", where the list is of buyers.
    """
    return bool(
        _LIST_FOLLOWS.match(after)
        and _BARE_FORMER.search(article[max(0, club.start - 12) : club.start])
    )


def _subject_buys(
    article: str,
    tagged: list[TaggedClub],
    players: list[Mention],
    sentence_start: int,
    cue: str | None,
) -> list[TaggedClub]:
    """Make the club that opens the sentence the buyer and its counterpart the seller.

    "Juventus have agreed a deal with Atalanta for X": Juventus buys, Atalanta sells.
    """
    if not tagged or (cue not in _BUYING_CUES and cue != "bid_rejected"):
        return tagged
    first = tagged[0]
    lead = article[sentence_start : first.mention.start]
    if (
        first.role not in (ClubRole.NAMED, ClubRole.BUYER)
        or (first.role is ClubRole.BUYER and cue == "bid_rejected")
        or first.owner_of is not None
        or len(lead.split()) > 4
        or any(p.start < first.mention.start for p in players)
        or _ROLE_AFTER.match(article[first.mention.end : first.mention.end + 30])
    ):
        return tagged
    # "Benfica rejected an offer from City": the subject sells, the other club buys;
    # "Liverpool have had a bid rejected by Porto": the subject bought.
    rejects = SELLER_AFTER.search(article[first.mention.end : first.mention.end + 80])
    if cue == "bid_rejected" and rejects:
        actor, other = ClubRole.SELLER, ClubRole.BUYER
    else:
        actor, other = ClubRole.BUYER, ClubRole.SELLER
    result = [TaggedClub(first.mention, actor, None)]
    # The player's own club already named ("keen on Torino and Italy striker X"), or a
    # new clause ("..., but Milan and Roma are also looking"): no counterpart to sell.
    owned = other is ClubRole.SELLER and any(c.owner_of is not None for c in tagged)
    for club in tagged[1:]:
        coordinated = _COORDINATED.match(article[result[-1].mention.end : club.mention.start])
        turned = _TURN.search(article, first.mention.end, club.mention.start)
        if coordinated and result[-1].role is actor and club.role is ClubRole.NAMED:
            result.append(TaggedClub(club.mention, actor, club.owner_of))
        elif club.role is ClubRole.NAMED and club.owner_of is None and not owned and not turned:
            result.append(TaggedClub(club.mention, other, None))
        else:
            result.append(club)
    return result
