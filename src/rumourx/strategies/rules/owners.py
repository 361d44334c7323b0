"""Clubs that the press names as a player's own without his name right after them.

"the 21-year-old Hillport striker" and "Rivertown's Wales Under-21 international" describe
a player named elsewhere in the sentence; "X and Y of Hillport and Rivertown
respectively" pairs players and clubs in order. Read by the club-role tagging
(:mod:`.roles`).
"""

from __future__ import annotations

import re

from rumourx.knowledge.clubs import ClubMention
from rumourx.strategies.rules.lexicon import POSITION
from rumourx.strategies.rules.people import Mention
from rumourx.strategies.rules.tagged_club import ClubRole, TaggedClub

__all__ = ["OWNS_NEXT_FORMULA", "PLAYER_NOUN", "described_owner", "respective_owners"]

# A player noun with up to two words before it ("Norway midfielder", "attacking midfielder").
PLAYER_NOUN = (
    r"(?:(?!(?:for|to|from|by|with|of|about|over|regarding|pelo|por|per|für|pour|para|on|in|at|want|wants|need|needs|"
    r"sign|like|are|is|have|has|target|eye|chase|monitor|watch|admire|rate|consider|make|"
    r"bring|add)\b)"
    r"[\w-]+\s+){0,2}?"
    r"(?:midfielder|striker|forward|defender|winger|centre-back|center-back|"
    r"full-back|left-back|right-back|goalkeeper|keeper|playmaker|attacker|star|captain|youngster|"
    r"teenager|sensation|talisman|ace|player|man|academy graduate|loanee|outcast|veteran|"
    r"international|delantero|centrocampista|defensa|portero|extremo|attaccante|difensore|"
    r"portiere|Stürmer|Mittelfeldspieler|Verteidiger|Torwart|attaquant|milieu|défenseur|gardien|"
    r"avançado|médio|zagueiro|jogador|jugador|giocatore|Spieler|joueur|estrella|stella|Star)"
)
# The describing words of the press formula, up to the player noun: "23-year-old England
# Under-21 midfielder".
_FORMULA_WORDS = (
    rf"(?:(?:\d{{2}}-year-old|Under-\d\d|(?-i:[A-Z][\w'’-]*)(?:\s+(?:of|and)\s+(?-i:[A-Z][\w'’-]*))?|"
    rf"international|highly[- ]rated|teenage|young|veteran|experienced|talented|versatile|"
    rf"prolific|out-of-favour|unsettled|academy|youth|on-loan|loanee|in-form|record|promising|"
    rf"exciting|gifted|creative|first-choice|want-away|unhappy|long-serving|club-record|"
    rf"highly-regarded|out-of-contract|in-demand|free-scoring|"
    # "Celtic's former France Under-21 striker": former is his country's, not his club's
    rf"(?:former|ex-)(?=\s+(?-i:[A-Z])))\s+){{0,5}}"
    rf"(?:[\w-]+\s+)?(?:{POSITION}|international|captain|youngster|teenager|prodigy|"
    rf"wonderkid|talent|star|signing)"
)
# "Manchester United and Ivory Coast winger", "Arsenal's 23-year-old England Under-21
# midfielder": the press formula naming the player's club, nationality and position.
OWNS_NEXT_FORMULA = re.compile(
    rf"^(?:\s+(?:captain|skipper|vice-captain))?(?:['’]s?|\s+and(?:\s+the)?)\s+{_FORMULA_WORDS}\s+$",
    re.IGNORECASE,
)
# "... monitoring Rivertown's Wales Under-21 international.": the formula with no name
# after it (punctuation or a lower-case word follows) describes a player named before.
_OWNS_DESCRIBED = re.compile(
    rf"^['’]s?\s+{_FORMULA_WORDS}(?=\s*(?:[.,;:!?)]|$)|\s+(?-i:[a-z]))", re.IGNORECASE
)
# "the 22-year-old Rivertown and Wales winger": a descriptor of a player.
_DESCRIPTOR_BEFORE = re.compile(r"\bthe\s+(?:\d{2}-year-old\s+)?$", re.IGNORECASE)
_DESCRIPTOR_AFTER = re.compile(
    rf"^(?:\s+and\s+(?-i:[A-Z][\w'’-]*)(?:\s+(?-i:[A-Z][\w'’-]*)){{0,2}})?\s+{PLAYER_NOUN}\b",
    re.IGNORECASE,
)
_RESPECTIVELY = re.compile(r"\s*,?\s*respectively\b", re.IGNORECASE)  # matched at a position
_CLUB_LIST = re.compile(r"^\s*(?:,|and|,\s*and)\s*$")


def described_owner(article: str, club: ClubMention, players: list[Mention]) -> str | None:
    """The player whose description names ``club`` as his.

    "the 21-year-old Dortmund striker" (resolved to him, or the one player named), or
    "Cologne's Germany Under-21 international" with no name after it (the one player
    the sentence names).
    """
    after = article[club.end : club.end + 80]
    if after[:1] in "'’" and _OWNS_DESCRIBED.match(after):
        named = {p.person for p in players if p.explicit}
        return named.pop() if len(named) == 1 else None
    before = article[max(0, club.start - 20) : club.start]
    if not _DESCRIPTOR_BEFORE.search(before) or not _DESCRIPTOR_AFTER.match(after[:60]):
        return None
    for player in players:
        if not player.explicit and 0 <= club.start - player.end <= 2:
            return player.person  # "the 21-year-old" resolved to him
    named = {p.person for p in players if p.explicit}
    return named.pop() if len(named) == 1 else None


def respective_owners(article: str, tagged: list[TaggedClub], players: list[Mention]) -> None:
    """Pair a list of players with a list of clubs closed by "respectively".

    "Tom Brack, 21, and Ian Cole of Hillport and Rivertown respectively": Brack is
    Hillport's, Cole Rivertown's. The clubs become sellers of their player.
    """
    for last in range(len(tagged)):
        if not _RESPECTIVELY.match(article, tagged[last].mention.end):
            continue
        first = last
        while first > 0 and _CLUB_LIST.match(
            article[tagged[first - 1].mention.end : tagged[first].mention.start]
        ):
            first -= 1
        count = last - first + 1
        if tagged[first].role not in (ClubRole.NAMED, ClubRole.SELLER):
            continue  # "joining A and B respectively": destinations, not their clubs
        opening = tagged[first].mention.start
        since = max((c.mention.end for c in tagged[:first]), default=0)
        listed = [p.person for p in players if p.explicit and since <= p.start < opening]
        persons = list(dict.fromkeys(listed))
        if count < 2 or len(persons) < count:
            continue
        for offset, person in enumerate(persons[-count:]):
            club = tagged[first + offset]
            tagged[first + offset] = TaggedClub(club.mention, ClubRole.SELLER, person)
