"""Move verbs with their arguments: the club that signs is the buyer.

Also "CLUB offered X to OTHER in a swap deal for Y" (cue tables ``offer_verb`` and
``swap_for``): X goes from CLUB to OTHER, Y from OTHER to CLUB.

"Hillport coach Sam Vale still thinks his side can sign Rivertown's Tom Brack",
"Eastbury's hopes of signing Leo Marsh", "Northgate now want a deal to sign Ian
Cole": a buyer verb or noun (cue tables ``buyer_verb`` and
``buyer_noun``) with a player after it makes the nearest club before it, in the same
clause of the sentence and with no player in between, the buyer. The player's own
club (already tagged as his) and clubs in a role of their own are left alone.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rumourx.strategies.rules.lexicon import (
    BUYER_VERB,
    DESCRIPTOR_TAIL,
    OFFER_VERB,
    SELLER_AFTER,
    SELLER_VERB,
    SWAP_FOR,
)
from rumourx.strategies.rules.people import Mention
from rumourx.strategies.rules.roles import ClubRole, TaggedClub

if TYPE_CHECKING:
    from rumourx.strategies.rules.reading import SentenceFacts

__all__ = ["offer_moves", "subject_buyers", "subject_sellers"]

_PREPOSITION = re.compile(
    r"\b(?:with|from|to|for|at|by|of|against|over|on|into)\s+(?:the\s+)?$", re.I
)
_LIST = re.compile(r"^\s*(?:,|and|or|&|,\s*and|,\s*or)\s*(?:the\s+)?$")
# Between two players of one list: an age, "and", a few describing words.
_PLAYER_LIST = re.compile(
    r"^(?:,\s*\d{2})?\s*(?:,|and|or|&|,\s*and|,\s*or)\s+(?:[\w'’-]+\s+){0,3}$"
)
_FUNDING = re.compile(
    r"\bto (?:help )?(?:fund|finance|pay for|raise (?:the )?(?:funds|money))\b"
    r"|\b(?:as|while) they (?:close in on|move for|pursue|chase)\b"
    r"|\bas part of (?:a|the|any) (?:deal|bid|move) to sign\b",
    re.IGNORECASE,
)
_SUBJECT_AFTER = re.compile(
    r"\s+(?:are|is|have|has|will|would|could|may|might|remain|look)\b(?!\s+(?:ready|willing|"
    r"prepared|open|happy)\s+to\s+(?:sell|let|listen|accept))",
    re.IGNORECASE,
)
_TALKS = re.compile(r"\b(?:talks|negotiations|discussions|contact)\s+with\s*$", re.I)
_TO = re.compile(r"\bto\s+(?:(?:his|their|its)\s+)?(?:former\s+(?:club\s+)?|the\s+)?$", re.I)

_MAX_GAP_WORDS = 14
_OBJECT_CHARS = 90
_CONTRAST = re.compile(
    r"[;]|\s[–—-]\s|\b(?:but|while|whereas|although|though|after|despite|since|because|"
    r"who|which|whose|if|unless|when|once|should|that)\b",
    re.IGNORECASE,
)
_SWITCHABLE = (ClubRole.NAMED, ClubRole.OTHER)
_TARGET_NOUN = re.compile(
    r"radar|targets?|wish ?list|list of targets|priority|options?|alternatives?|possibility|"
    r"shortlist|wanted list|list|sights|destinations?",
    re.IGNORECASE,
)


def _subjects(article: str, tagged: list[TaggedClub], at: int) -> list[int]:
    """Clubs before ``at`` that can be a subject: not the object of a preposition.

    A club listed right after such an object is one too ("from Hillport and Rivertown").
    """
    found = []
    governed = False
    for i, c in enumerate(tagged):
        if c.mention.end > at:
            break
        listed = i > 0 and _LIST.match(article[tagged[i - 1].mention.end : c.mention.start])
        governed = bool(
            _PREPOSITION.search(article[max(0, c.mention.start - 12) : c.mention.start])
            or (listed and governed)
        ) and not article.startswith(("'", "’"), c.mention.end)
        if not governed:
            found.append(i)
    return found


def subject_buyers(
    article: str, tagged: list[TaggedClub], players: list[Mention], start: int, end: int
) -> list[TaggedClub]:
    """``tagged`` with the subject club of each buyer verb or noun made the buyer.

    Args:
        article: The whole text.
        tagged: The sentence's clubs with their roles, in order.
        players: The sentence's player mentions.
        start: Where the sentence starts in ``article``.
        end: Where it ends.
    """
    if not tagged or not players:
        return tagged
    result = list(tagged)
    for match in BUYER_VERB.finditer(article, start, end):
        at, after = match.start(), match.end()
        before = _subjects(article, result, at)
        if not before:
            continue
        index = before[-1]
        club = result[index]
        objects = [p for p in players if after <= p.start <= after + _OBJECT_CHARS]
        if objects and _CONTRAST.search(article[after : objects[0].start]):
            objects = []
        if not objects and _TARGET_NOUN.match(match.group()):
            # "Vlahovic is Tottenham's top target": the player comes first.
            objects = [
                p
                for p in players
                if p.end <= club.mention.start
                and not _CONTRAST.search(article[p.end : club.mention.start])
            ]
        if not objects:
            continue  # no player is the object
        gap = article[club.mention.end : at]
        funding = _FUNDING.search(gap)
        # A counterpart tagged seller by the sentence's opening club, yet itself a
        # subject ("... and Liverpool are open to bringing him back"), may buy.
        subject_seller = (
            club.role is ClubRole.SELLER
            and club.owner_of is None
            and _SUBJECT_AFTER.match(article, club.mention.end)
            # "Wolves have rejected a bid for X": selling in its own words.
            and not SELLER_AFTER.match(article[club.mention.end : club.mention.end + 80])
        )
        if (
            (club.role not in _SWITCHABLE and not subject_seller)
            or club.owner_of is not None
            or len(gap.split()) > _MAX_GAP_WORDS + (10 if funding else 0)
            or _CONTRAST.search(gap)
            or (
                not funding and any(club.mention.end <= p.start < at for p in players if p.explicit)
            )
        ):
            continue
        result[index] = TaggedClub(club.mention, ClubRole.BUYER, None)
        _share_with_list(article, result, index)
    return result


def offer_moves(article: str, facts: SentenceFacts) -> dict[str, tuple[TaggedClub, str]]:
    """Moves read from "CLUB offered X to OTHER (in a swap deal for Y)", per player.

    X goes from CLUB to OTHER; Y, when named, from OTHER to CLUB. Each player maps
    to ``(destination, current club)``.
    """
    sentence = facts.sentence
    players = sorted((m for m in facts.players if m.explicit), key=lambda m: m.start)
    found: dict[str, tuple[TaggedClub, str]] = {}
    for verb in OFFER_VERB.finditer(article, sentence.start, sentence.end):
        sellers = [c for c in facts.clubs if c.mention.end <= verb.start() and not c.owner_of]
        if not sellers:
            continue
        seller = sellers[-1]
        gap = article[seller.mention.end : verb.start()]
        if (
            len(gap.split()) > 10
            or _CONTRAST.search(gap)
            or any(seller.mention.end <= p.start < verb.start() for p in players)
        ):
            continue
        sent = [p for p in players if 0 <= p.start - verb.end() <= 60]
        if not sent:
            continue
        destination = next(
            (
                c
                for c in facts.clubs
                if 0 < c.mention.start - sent[0].end <= 80
                and _TO.search(
                    DESCRIPTOR_TAIL.sub(
                        " ", article[max(0, c.mention.start - 60) : c.mention.start]
                    )
                )
                and c.mention.club != seller.mention.club
            ),
            None,
        )
        swap_back = SWAP_FOR.search(article, sent[0].end, sentence.end)
        if destination is None and swap_back is not None:
            # "Arsenal are offering Bellerin in part-exchange for Inter's Martinez".
            owner = next(
                (
                    c
                    for c in facts.clubs
                    if c.owner_of
                    and c.mention.start >= swap_back.end()
                    and c.owner_of != sent[0].person
                ),
                None,
            )
            if owner is not None and owner.mention.club != seller.mention.club:
                found[sent[0].person] = (
                    TaggedClub(owner.mention, ClubRole.BUYER, None),
                    seller.mention.club,
                )
                found[owner.owner_of or ""] = (
                    TaggedClub(seller.mention, ClubRole.BUYER, None),
                    owner.mention.club,
                )
            continue
        if destination is None:
            continue
        found[sent[0].person] = (destination, seller.mention.club)
        swap = SWAP_FOR.search(article, destination.mention.end, sentence.end)
        back = next((p for p in players if swap and 0 <= p.start - swap.end() <= 80), None)
        if swap and back is not None and back.person not in found:
            buyer = TaggedClub(seller.mention, ClubRole.BUYER, None)
            found[back.person] = (buyer, destination.mention.club)
    return found


def subject_sellers(
    article: str, tagged: list[TaggedClub], players: list[Mention], start: int, end: int
) -> list[TaggedClub]:
    """``tagged`` with the subject club of a seller verb made its player's club.

    "Hillport are discussing the sale of Tom Brack with Rivertown": Hillport sells
    Brack, so the club they talk with buys. "Eastbury value Leo Marsh at £40m",
    "Northgate will try to get Ian Cole to stay": their player.
    """
    if not tagged or not players:
        return tagged
    result = list(tagged)
    for match in SELLER_VERB.finditer(article, start, end):
        at, after = match.start(), match.end()
        objects = [p for p in players if after <= p.start <= after + 60]
        before = _subjects(article, result, at)
        if not objects or not before or _CONTRAST.search(article[after : objects[0].start]):
            continue
        index = before[-1]
        club = result[index]
        gap = article[club.mention.end : at]
        if (
            club.owner_of is not None
            or club.role in (ClubRole.OPPONENT, ClubRole.PAST)
            or len(gap.split()) > _MAX_GAP_WORDS
            or _CONTRAST.search(gap)
            or any(club.mention.end <= p.start < at for p in players if p.explicit)
        ):
            continue
        seller = TaggedClub(club.mention, ClubRole.SELLER, objects[0].person)
        funding = _FUNDING.search(article, after, end)
        if club.role in (ClubRole.BUYER, ClubRole.NAMED) and funding:
            # "Juventus may sell X or Y to fund moves for Z", "Arsenal could sell X as
            # they close in on Z": buyer of Z, seller of X, Y.
            sold = [p for p in players if p.explicit and after <= p.start < funding.start()]
            if not sold:
                continue  # "might include a player in a deal for X": nobody named
            result[index] = TaggedClub(club.mention, ClubRole.BUYER, None)
            for offset, person in enumerate(dict.fromkeys(p.person for p in sold), start=1):
                result.insert(index + offset, TaggedClub(club.mention, ClubRole.SELLER, person))
            break
        result[index] = seller
        # "Hillport would sell Tom Brack, 24, and Welsh winger Ian Cole": both his.
        listed = _listed_after(article, result, players, objects[0])
        for offset, person in enumerate(listed, start=1):
            result.insert(index + offset, TaggedClub(club.mention, ClubRole.SELLER, person))
        for other in range(len(result)):
            talks = _TALKS.search(
                article[max(0, result[other].mention.start - 30) : result[other].mention.start]
            )
            if (
                other != index
                and result[other].role is ClubRole.SELLER
                and talks
                and not result[other].owner_of
            ):
                result[other] = TaggedClub(result[other].mention, ClubRole.BUYER, None)
    return result


def _listed_after(
    article: str, tagged: list[TaggedClub], players: list[Mention], first: Mention
) -> list[str]:
    """The players named in a list right after ``first`` ("X, 24, and Welsh winger Y").

    A club named in between ("X and Rivertown's Y") ends the list.
    """
    listed: list[str] = []
    last = first
    for player in sorted(players, key=lambda p: p.start):
        if player.start < last.end or not player.explicit:
            continue
        if not _PLAYER_LIST.match(article[last.end : player.start]) or any(
            last.end <= c.mention.start < player.start for c in tagged
        ):
            break
        if player.person != first.person and player.person not in listed:
            listed.append(player.person)
        last = player
    return listed


def _share_with_list(article: str, result: list[TaggedClub], index: int) -> None:
    """Clubs listed right before a buyer share its role ("Arsenal, Leicester and West Ham")."""
    role = result[index].role
    while index > 0:
        previous = result[index - 1]
        between = article[previous.mention.end : result[index].mention.start]
        if previous.role is not ClubRole.NAMED or previous.owner_of or not _LIST.match(between):
            return
        result[index - 1] = TaggedClub(previous.mention, role, None)
        index -= 1
