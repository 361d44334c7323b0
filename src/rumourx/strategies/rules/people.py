"""Find the people an article names and tell players from everyone else.

The registry also resolves "Ramos" and "the 34-year-old" to "Sergio Ramos".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rumourx.knowledge.clubs import ClubIndex
from rumourx.knowledge.folding import fold
from rumourx.knowledge.names import name_lists as _lists
from rumourx.knowledge.outlets import OutletIndex
from rumourx.strategies.rules.lexicon import (
    JOB,
    NON_PLAYER_AFTER,
    NON_PLAYER_ROLE,
    OPPONENT_BEFORE,
    PLAYER_POSSESSIVE,
    PLAYER_SLOT_BEFORE,
    POSITION,
)
from rumourx.text.sentences import Sentence

__all__ = ["Mention", "PeopleRegistry"]

_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
_TOKEN = rf"(?:[{_UPPER}][\w'’\-]*\w|N['’][{_UPPER}][\w\-]+|[{_UPPER}]\.)"
_CONNECT = r"(?:de|da|das|do|dos|di|del|della|van|von|der|den|la|le|ter|ten|bin|el|al|dos)"
_POSSESSIVE_END = re.compile(r"['’]s?$")
_TRAILING_SOURCE = re.compile(r"\([^()]{1,80}\)\s*$")
_CONNECTORS = frozenset(_CONNECT[3:-1].split("|"))
# "Kees van de Berg", "Ana de la Cruz": up to two particles between the name's words.
_NAME = re.compile(
    rf"(?<![\w'’]){_TOKEN}(?:[ \u00a0]+(?:{_CONNECT}[ \u00a0]+){{0,2}}{_TOKEN}){{0,3}}"
)

_DESCRIPTOR = re.compile(
    r"\b(?:the|their|his|our)\s+(?:\d{2}-year-old|[\w-]+\s+)?(?:youngster|teenager|midfielder|"
    r"striker|forward|defender|winger|centre-back|center-back|full-back|left-back|right-back|"
    r"goalkeeper|keeper|playmaker|attacker|star|player|captain|international|Frenchman|Spaniard|"
    r"Englishman|Dutchman|Argentine|Argentinian|Brazilian|Uruguayan|Portuguese|Belgian|German|"
    r"Italian|Chilean|Croatian|Serbian|Ghanaian|Nigerian|Senegalese|Welshman|Scot|Irishman|"
    r"Norwegian|Dane|Swede|Pole|\d{2}-year-old)\b|\b(?:he|him)\b|"
    r"\b(?:der|den|dem|des)\s+\d{2}-jährigen?(?:\s+\w+)?|\b(?:el|al|del)\s+(?:jugador|delantero|"
    r"centrocampista|defensa|portero|extremo)\b|\b(?:il|lo|del|al)\s+(?:centrocampista|giocatore|"
    r"difensore|attaccante|portiere)\b|\b(?:le|du|au)\s+(?:joueur|milieu|défenseur|attaquant|"
    r"gardien)\b|\b(?:o|do|ao)\s+(?:jogador|médio|avançado|defesa|guarda-redes)\b",
    re.IGNORECASE,
)
_NATION_DESCRIPTOR = re.compile(
    r"\b(?:the|their|our)\s+([A-Z][a-z]+)(?=['’]s?\b|[,.;:]|$|\s+(?!(?:club|side|team|champions|"
    r"giants|outfit|league|top-flight|football|national|international|government|federation|"
    r"media|press|capital|outlet|newspaper|paper|publication)\b)[a-z])"
)
_POSITION_BEFORE = re.compile(
    r"(?:\b(?:midfielder|striker|forward|defender|winger|centre-back|center-back|full-back|"
    r"left-back|right-back|goalkeeper|keeper|playmaker|attacker|youngster|teenager|star|"
    r"sensation|free agent|signing of|international|captain|veteran|wonderkid|talent|player|"
    r"delantero|centrocampista|defensa|portero|extremo|attaccante|centrocampista|difensore|"
    r"portiere|Stürmer|Mittelfeldspieler|Verteidiger|Torwart|attaquant|milieu|défenseur|"
    r"gardien|avançado|médio|zagueiro|guarda-redes)s?\s+)$",
    re.IGNORECASE,
)
# Words that open a sentence as verbs but a name mid-sentence ("Will Hughes", "Emre Can").
_FIRST_NAMES = frozenset({"Will", "Can", "May"})
# "Leone-born", "Beckham-owned", "Town's19-year-old": not a name ("Heung-min" is).
_NOT_A_NAME_TOKEN = re.compile(r"-(?:[a-z]+ed|born|based|bound|old)$|\d")
_AGE_AFTER = re.compile(r"^,\s*(?P<age>\d{2})\s*[,.;)]|^\s*\((?P<age2>\d{2})\)")
_AGE_BEFORE = re.compile(r"\b(?P<age>\d{2})-year-old\s+(?:[\w'’-]+\s+){0,4}$")
# "Pjanic is being linked", "Kane, 27, wants": a lone surname opening the sentence.
_SUBJECT_VERB = re.compile(
    r"^(?:\s+(?:is|has|had|was|could|will|would|wants?|hopes?|says?|looks?|remains?|may|"
    r"might|must|should|can|seems?|appears?|feels?|insists?|admits?|rejected|turned)\b|"
    r",\s*\d{2},)"
)
_POSITION_AFTER = re.compile(rf"^\s+(?:[\w-]+\s+)?(?i:{POSITION})\b")
# "Kulusevski, who ...": a person; "Kane and Grealish": a list of players.
_WHO_AFTER = re.compile(r"^,\s*(?:\d{2},\s*)?who\b")
_LISTED = re.compile(r"^(?:,\s*\d{2})?\s*(?:,|and|or|&|,\s*and|,\s*or)\s*$")
# "Chelsea's Ziyech", "Inter's Lukaku": a lone name right after a club's.
_CLUBS_PLAYER = re.compile(r"^['’]s?\s+(?:\d{2}-year-old\s+)?(?:[A-Z][\w'’-]*\s+){0,2}$")
# "having Haaland among their targets", "Kane is on their list": a lone surname.
_TARGET_AFTER = re.compile(
    r"^\s+(?:is\s+|remains\s+)?(?:among|on|at the top of|tops)\s+(?:their|his|the\s+club's)\s+"
    r"(?:[\w-]+\s+){0,2}(?:list|shortlist|radar|targets|wish ?list)\b"
)
# "Former England captain X" in a sentence about a job: a retired player, no mover.
_RETIRED_BEFORE = re.compile(
    rf"\b(?:former|ex-)\s*(?:[\w'’-]+\s+){{0,6}}(?:{POSITION}|captain|international)\s+$",
    re.IGNORECASE,
)
_OWNER_OF = re.compile(r"^['’]s?\s+(?:side|team|men|plans|squad|charges|boys|project|regime)\b")


@dataclass(frozen=True)
class Mention:
    """A reference to a person inside one sentence.

    Attributes:
        person: The full name it resolves to.
        start: Offset in the article.
        end: Offset in the article.
        explicit: False for "the 22-year-old" and "he".
    """

    person: str
    start: int
    end: int
    explicit: bool = True


@dataclass
class PeopleRegistry:
    """Everyone an article names, built sentence by sentence.

    Args:
        clubs: Club index, to keep club names out of person names.
        outlets: Outlet index, to keep outlets and journalists out.
    """

    clubs: ClubIndex
    outlets: OutletIndex
    full_names: list[str] = field(default_factory=list)
    non_players: set[str] = field(default_factory=set)
    last_player: str | None = None
    ages: dict[str, int] = field(default_factory=dict)

    def _clean(self, raw: str, start: int, mid: bool = True) -> tuple[str, int] | None:
        tokens = raw.split()
        offset = start
        while (
            tokens
            and not (mid and tokens[0] in _FIRST_NAMES and len(tokens) > 1)
            and (
                tokens[0] in _lists().not_names
                or tokens[0] in _lists().titles
                or self.clubs.is_alias(tokens[0])
                or (len(tokens) > 1 and _lists().is_place(re.sub(r"['’]s?$", "", tokens[0])))
                # "Ivory Coast's Jo Bamba": a possessive word of no name opens it
                or (
                    tokens[0][-2:] in ("'s", "’s")
                    and _POSSESSIVE_END.sub("", tokens[0]) in _lists().not_names
                )
            )
        ):
            offset += len(tokens[0])
            rest = raw[offset - start :]
            offset += len(rest) - len(rest.lstrip())
            tokens = tokens[1:]
        if any(t in _lists().venues for t in raw.split()[: len(raw.split()) - len(tokens) + 1]):
            return None  # "Stade Louis II": a ground
        while tokens and (tokens[-1] in _lists().not_names or self.clubs.is_alias(tokens[-1])):
            tokens = tokens[:-1]
        if tokens:
            tokens[-1] = re.sub(r"['’]s?$", "", tokens[-1])
        if not tokens or any(
            t in _lists().not_names
            for i, t in enumerate(tokens)
            if len(tokens) > 1 and not (t == "Don" or (i == 0 and t in _FIRST_NAMES and mid))
        ):
            return None
        connectors = [i for i, t in enumerate(tokens) if t in _CONNECTORS]
        run = connectors[0] if connectors else 0
        while run < len(tokens) and tokens[run] in _CONNECTORS:
            run += 1  # "van de": the particles of one surname
        if connectors and len(tokens) - run >= 2 and connectors[0] > 0:
            # "Wechsel von Jonas Keller": a capitalised noun, then the name.
            skipped = " ".join(tokens[:run]) + " "
            offset += raw[offset - start :].find(skipped) + len(skipped)
            tokens = tokens[run:]
        name = " ".join(tokens)
        if self.clubs.canonical(name) or self.outlets.lookup(name) or len(name) < 3:
            return None
        if _lists().is_place(name) or _lists().is_nationality(name):
            return None
        if any(_NOT_A_NAME_TOKEN.search(t) for t in tokens):
            return None
        if name.endswith(".") or (name.isupper() and len(name) > 3):
            return None
        return name, offset

    def _resolve_single(self, token: str) -> str | None:
        for full in reversed(self.full_names):
            parts = full.split()
            if token == parts[-1] or token == parts[0] or fold(token) == fold(parts[-1]):
                return full
        return None

    def scan(
        self, sentence: Sentence, article: str, club_spans: list[tuple[int, int]]
    ) -> list[Mention]:
        """Find and resolve the people named in ``sentence``; learn new names."""
        found: list[Mention] = []
        masked = list(sentence.text)
        for s, e in club_spans:
            masked[s - sentence.start : e - sentence.start] = " " * (e - s)
        trailing = _TRAILING_SOURCE.search(sentence.text)
        if trailing:
            # "(Yorkshire Evening Post)" closing a gossip item names an outlet.
            masked[trailing.start() :] = " " * (len(masked) - trailing.start())
        job = bool(JOB.search(sentence.text))
        known_before = set(self.full_names)
        for match in _NAME.finditer("".join(masked)):
            abs_start = sentence.start + match.start()
            raw = re.sub(r"['’]s?$", "", match.group())
            titled = raw.split()[0] in _lists().titles
            cleaned = self._clean(raw, abs_start, mid=match.start() > 0)
            if cleaned is None:
                continue
            name, abs_start = cleaned
            abs_end = abs_start + len(name)
            if any(s < abs_end and abs_start < e for s, e in club_spans):
                continue
            before = article[max(0, abs_start - 40) : abs_start]
            if OPPONENT_BEFORE.search(before):
                continue
            if len(name.split()) >= 2:
                person = (
                    self._resolve_single(name.split()[-1]) if name.split()[0] in ("Mr",) else name
                )
                person = person or name
                if person not in self.full_names:
                    # A longer form of a known name ("Sergio Ramos Garcia") keeps the known one.
                    self.full_names.append(person)
            else:
                person = self._resolve_single(name) or ""
                after = article[abs_end : abs_end + 30]
                if not person and _POSITION_AFTER.match(after):
                    continue  # "Airdrie winger X": a club or nationality word, not a name
                if not person and (
                    # The anchored tests first: the two searches of the window cost most.
                    _AGE_AFTER.match(after)
                    or PLAYER_POSSESSIVE.match(after)
                    or (abs_start == sentence.start and _SUBJECT_VERB.match(after))
                    or _WHO_AFTER.match(after)
                    or _TARGET_AFTER.match(after)
                    or (found and _LISTED.match(article[found[-1].end : abs_start]))
                    or any(
                        _CLUBS_PLAYER.match(article[e:abs_start])
                        for s, e in club_spans
                        if 0 <= abs_start - e <= 40
                    )
                    or _POSITION_BEFORE.search(before)
                    or PLAYER_SLOT_BEFORE.search(before)
                ):
                    person = name
                    self.full_names.append(name)
                if not person:
                    continue
            after = article[abs_end : abs_end + 60]
            owns_club = bool(re.match(r"['’]s\s", after)) and any(
                m.start == 0 for m in self.clubs.find(after[3:])
            )
            if (
                titled
                or owns_club
                or NON_PLAYER_ROLE.search(before)
                or _OWNER_OF.match(after)
                or NON_PLAYER_AFTER.match(after)
                or (job and person not in known_before and not _POSITION_BEFORE.search(before))
                or (job and _RETIRED_BEFORE.search(article[max(0, abs_start - 80) : abs_start]))
            ):
                self.non_players.add(person)
            if _lists().is_non_player(person):
                self.non_players.add(person)
            age = _AGE_AFTER.match(after) or _AGE_BEFORE.search(before)
            if age and person not in self.non_players:
                self.ages.setdefault(person, int(next(g for g in age.groups() if g)))
            found.append(Mention(person, abs_start, abs_end))
        return found

    def is_player(self, person: str) -> bool:
        """Whether ``person`` is, as far as the article shows, a player."""
        return person not in self.non_players

    def descriptor_mentions(
        self, sentence: Sentence, named: list[Mention] | None = None
    ) -> list[Mention]:
        """Mentions such as "the 22-year-old" or "he": the player last spoken of.

        A player named earlier in the same sentence comes first ("Salah wants to leave,
        and PSG will bid for the 28-year-old"); an age the article gave decides.
        """
        found = []
        matches = list(_DESCRIPTOR.finditer(sentence.text))
        for match in _NATION_DESCRIPTOR.finditer(sentence.text):
            # "the Norwegian's future": any nationality of the shipped list.
            if _lists().is_nationality(match.group(1)) and not any(
                m.start() <= match.start() < m.end() for m in matches
            ):
                matches.append(match)
        for match in sorted(matches, key=lambda m: m.start()):
            start = sentence.start + match.start()
            earlier = [m.person for m in named or [] if m.explicit and m.end <= start]
            person = earlier[-1] if earlier else self.last_player
            age = re.search(r"\d{2}(?=-year-old)", match.group())
            if age:
                # "The 22-year-old": the player whose age the article gave as 22.
                aged = [p for p, a in self.ages.items() if a == int(age.group())]
                person = aged[0] if len(aged) == 1 else person
            if person is not None:
                found.append(Mention(person, start, sentence.start + match.end(), False))
        return found
