"""Attach each club of a sentence to the player whose clause reports it.

- Players in a list ("X, Y and Z") form one group and share their clubs.
- A relative clause belongs to the player it follows: "Tom Brack, a target of
  Rivertown in the past, has Hillport interested in him" gives Rivertown and, as
  the main clause resumes, Hillport to Brack.
- A bystander ("to replace X", "alongside X") takes only his own relative clause's
  clubs ("... replace Kounde, who is wanted by Arsenal").
- The buyer that opens the sentence acts on every player it names, except bystanders
  and the subject of a later "after ..." clause ("after Trossard left for ...").
- Otherwise a club goes to the nearest group in its clause; a clause with no player
  lends its clubs to the nearest group, unless it is a leading "Despite ..." clause.
"""

from __future__ import annotations

import re

from rumourx.strategies.rules.lexicon import BYSTANDER_BEFORE, POSITION, REPLACES_BEFORE
from rumourx.strategies.rules.people import Mention
from rumourx.strategies.rules.reading import SentenceFacts
from rumourx.strategies.rules.roles import ClubRole, TaggedClub, clauses

__all__ = ["assign_clubs", "player_groups", "replaced_players"]

_LEADING_SUBORDINATE = re.compile(
    r"^(?:despite|after|although|though|following|having|since|if|should|unless)\b",
    re.IGNORECASE,
)
_COORDINATED_PLAYERS = re.compile(
    r"^(?:,\s*\d{2},?)?\s*(?:,|and|&|or|,\s*and)\s*(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*['’]s?\s+"
    r"(?:[\w-]+\s+){0,2}|(?:\d{2}-year-old\s+)?(?:[A-Z][\w'’-]*\s+){0,3}(?:[\w-]+\s+)?"
    rf"(?i:{POSITION}|international)\s+)?$"
)
_COORDINATED_WITH_CLUBS = re.compile(
    r"^(?:,\s*\d{2})?,?\s*(?:of\s+CLUB,?\s*)?(?:and|&|or)\s+(?:CLUB['’]s?\s+)?"
    r"(?:\d{2}-year-old\s+)?(?:[A-Z][\w'’-]*\s+){0,3}(?:[\w-]+\s+)?"
    rf"(?:(?i:{POSITION}|international)\s+)?$"
)
# "after Leandro Trossard left": the player opens a subordinate clause of his own.
_SUBORDINATE_SUBJECT = re.compile(
    r"(?:\b(?:after|following|since|despite|because|until|unless|once|if|when|should)|"
    r"(?<!well )(?<!such )\bas)\s+"
    r"(?:both\s+)?(?:the\s+)?"
    r"(?:\d{2}-year-old\s+)?(?:(?:[A-Z][\w'’-]*|international|Under-\d\d)\s+){0,3}"
    rf"(?:(?i:{POSITION})\s+)?$"
)
# "... a signing that puts X's place in doubt": X is not the one acted on.
_NOUN_CLAUSE = re.compile(
    r"\b(?:that|which)\s+(?:places|puts|leaves|casts|raises|threatens|questions|ends)\b",
    re.IGNORECASE,
)
_RELATIVE = re.compile(r",?\s*(?:\d{2},\s*)?(?:who|whose)\b")
_RELATIVE_END = re.compile(
    r";|\s[–—-]\s|,\s+(?:but|while|and|as)\b|,\s+(?:has|have|is|are|was|were|will|would|could|"
    r"can|may|might|should|must|had|does|did|remains?|looks?|wants?|says?|seems?)\b"
)


def player_groups(
    article: str, players: list[Mention], clubs: list[TaggedClub] | None = None
) -> list[list[Mention]]:
    """Players in a coordinated list ("X, Y and Z") form one group.

    With the sentence's clubs, a club between two players may be the first one's
    ("X, 21, of Fiorentina, and PSG's Y") without breaking the list.
    """
    groups: list[list[Mention]] = []
    for mention in sorted(players, key=lambda m: m.start):
        between = _masked(article, groups[-1][-1].end, mention.start, clubs) if groups else ""
        if groups and (
            _COORDINATED_PLAYERS.match(between) or _COORDINATED_WITH_CLUBS.match(between)
        ):
            groups[-1].append(mention)
        else:
            groups.append([mention])
    return groups


def _masked(article: str, start: int, end: int, clubs: list[TaggedClub] | None) -> str:
    """``article[start:end]`` with each club mention in it written as "CLUB"."""
    text = article[start:end]
    for club in sorted(clubs or [], key=lambda c: -c.mention.start):
        if start <= club.mention.start and club.mention.end <= end:
            a, b = club.mention.start - start, club.mention.end - start
            text = text[:a] + "CLUB" + text[b:]
    return text


def _relative_clauses(article: str, facts: SentenceFacts) -> dict[str, tuple[int, int]]:
    """For each player followed by "who ..." or "whose ...", the span of that clause."""
    found: dict[str, tuple[int, int]] = {}
    end_of_sentence = facts.sentence.end
    for mention in facts.players:
        relative = _RELATIVE.match(article, mention.end, end_of_sentence)
        if mention.explicit and relative:
            stop = _RELATIVE_END.search(article, relative.end(), end_of_sentence)
            found.setdefault(
                mention.person, (mention.end, stop.start() if stop else end_of_sentence)
            )
    return found


def _bystanders(article: str, facts: SentenceFacts) -> set[str]:
    """Players named beside the move ("to replace X", "alongside X") and their lists."""
    found = {
        m.person
        for m in facts.players
        if m.explicit and BYSTANDER_BEFORE.search(article[max(0, m.start - 80) : m.start])
    }
    for group in player_groups(article, [m for m in facts.players if m.explicit]):
        if any(m.person in found for m in group):
            found.update(m.person for m in group)
    if found >= {m.person for m in facts.players}:
        return set()  # nobody else moves: the cue was about them after all
    return found


def assign_clubs(article: str, facts: SentenceFacts) -> dict[str, list[TaggedClub]]:
    """Give each club of a sentence to the player group it belongs with (see module)."""
    sentence = facts.sentence
    bystanders = _bystanders(article, facts)
    relatives = _relative_clauses(article, facts)
    movers = [m for m in facts.players if m.person not in bystanders]
    groups = player_groups(article, movers, facts.clubs)
    spans = [(s + sentence.start, e + sentence.start) for s, e in clauses(sentence.text)]
    explicit = [m for m in facts.players if m.explicit]

    def clause_of(offset: int) -> int:
        return next((i for i, (s, e) in enumerate(spans) if s <= offset <= e), len(spans) - 1)

    def nobody_between(start: int, end: int) -> bool:
        return not any(start <= m.start < end for m in explicit)

    assigned: dict[str, list[TaggedClub]] = {m.person: [] for m in facts.players}
    first_player = min((m.start for m in facts.players), default=sentence.end)
    for club in facts.clubs:
        at = club.mention.start
        holder = next(
            (p for p, (s, e) in relatives.items() if s <= at < e and nobody_between(s, at)),
            None,
        )
        if holder is not None:
            assigned[holder].append(club)  # "X, who is wanted by Arsenal"
            continue
        if club.role is ClubRole.BUYER and club.mention.end <= first_player:
            for mention in movers:
                between = article[club.mention.end : mention.start]
                if not _SUBORDINATE_SUBJECT.search(between) and not _NOUN_CLAUSE.search(between):
                    assigned[mention.person].append(club)
            continue
        where = clause_of(at)
        local = [g for g in groups if any(clause_of(m.start) == where for m in g)]
        if not local:
            resumed = [
                (e, p)
                for p, (_, e) in relatives.items()
                if p not in bystanders and e <= at and nobody_between(e, at)
            ]
            if resumed:
                # "Saul, who ..., has Liverpool interested in him": the main clause resumes.
                assigned[max(resumed)[1]].append(club)
                continue
            first = sentence.text[spans[where][0] - sentence.start :]
            if where == 0 and _LEADING_SUBORDINATE.match(first):
                continue
            local = groups
        if not local:
            continue
        # A player opening a subordinate clause after the club ("... if Mbappe leaves")
        # or inside a leading "If ..." clause is not its target when another is.
        main = [
            g
            for g in local
            if not (g[0].start > at and _SUBORDINATE_SUBJECT.search(article[at : g[0].start]))
            and not (
                clause_of(g[0].start) == 0
                and where != 0
                and _LEADING_SUBORDINATE.match(sentence.text)
            )
        ]
        if not main:
            # "X tops Tottenham's wish list if Lloris leaves": the sentence's other player.
            main = [
                g
                for g in groups
                if not (g[0].start > at and _SUBORDINATE_SUBJECT.search(article[at : g[0].start]))
            ]
        nearest = min(main or local, key=lambda g: min(abs(m.start - at) for m in g))
        for mention in nearest:
            assigned[mention.person].append(club)
    return assigned


def replaced_players(article: str, facts: SentenceFacts) -> dict[str, str]:
    """Players the sentence's subject club looks to replace, with that club.

    "Hillport still hope to find a replacement for Tom Brack": Brack is (or was) Hillport's.
    """
    subject = next(
        (
            c
            for c in facts.clubs
            if c.role in (ClubRole.BUYER, ClubRole.NAMED, ClubRole.OTHER) and not c.owner_of
        ),
        None,
    )
    if subject is None:
        return {}
    found: dict[str, str] = {}
    for mention in facts.players:
        if not mention.explicit or mention.start < subject.mention.end:
            continue
        cue = REPLACES_BEFORE.search(article[max(0, mention.start - 80) : mention.start])
        if cue and not any(
            subject.mention.end <= c.mention.start < mention.start
            for c in facts.clubs
            if c is not subject
        ):
            found[mention.person] = subject.mention.club
    return found
