"""Find the people an article names and tell players from everyone else.

The registry also resolves "Ramos" and "the 34-year-old" to "Sergio Ramos".
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from rumourx.knowledge.clubs import ClubIndex
from rumourx.knowledge.folding import fold
from rumourx.knowledge.outlets import OutletIndex
from rumourx.strategies.rules.lexicon import NON_PLAYER_ROLE, OPPONENT_BEFORE
from rumourx.text.sentences import Sentence

__all__ = ["Mention", "PeopleRegistry"]

_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
_TOKEN = rf"(?:[{_UPPER}][\w'’\-]*\w|N['’][{_UPPER}][\w\-]+|[{_UPPER}]\.)"
_CONNECT = r"(?:de|da|das|do|dos|di|del|della|van|von|der|den|la|le|ter|ten|bin|el|al|dos)"
_TRAILING_SOURCE = re.compile(r"\([^()]{1,80}\)\s*$")
_CONNECTORS = frozenset(_CONNECT[3:-1].split("|"))
_NAME = re.compile(rf"(?<![\w'’]){_TOKEN}(?:[ \u00a0]+(?:{_CONNECT}[ \u00a0]+)?{_TOKEN}){{0,3}}")

# Capitalised words that are never (part of) a player's name.
_STOP = frozenset(
    """The A An And But However Despite Meanwhile Although While Whilst If As At In On Of For To
    From With By This That These Those His Her Their Its It He She They We You I Also Then Now
    Former Ex Exciting Earlier Later Last Next Indeed Still After Before During Since Ahead Given
    Sportsmail Reports Report According Furthermore Moreover Elsewhere Instead Yet So Or Nor
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
    July August September October November December Premier League Champions Europa Conference Cup
    FA Serie LaLiga La Liga Ligue Bundesliga Eredivisie Championship Super World Euro Euros UEFA
    FIFA
    Copa Community Shield Carabao EFL Nations Olympic Olympics Coronavirus COVID Covid England
    Spain France Germany Italy Portugal Brazil Argentina Uruguay Belgium Netherlands Holland Wales
    Scotland Ireland Croatia Serbia Ghana Nigeria Senegal Egypt Morocco Algeria Ivory Coast Denmark
    Sweden Norway Poland Austria Switzerland Turkey Russia Ukraine USA America Chile Colombia Mexico
    Japan Korea Burkina Faso Cameroon Ibiza Copenhagen London North South East West Europe European
    Spanish English French German Italian Portuguese Brazilian Argentine Argentinian Uruguayan
    Dutch Belgian Welsh Scottish Irish Croatian Serbian Ghanaian Nigerian Senegalese Egyptian Danish
    Swedish Norwegian Chilean Colombian Mexican Japanese Korean Frenchman Spaniard Italian German
    Englishman Dutchman Brazilian Argentine Portuguese Catalan Catalans Bernabeu Santiago Emirates
    Mail Sport Sky Twitter Instagram Facebook Tweeted Tweet Goal Do Did Does Will Would Could Should
    Can Yes No Not Is Are Was Were Be Been Has Have Had Who What Where When Why How Which Reds Blues
    Whites Gunners Hammers Spurs Wolves Villa Palace Saints Eagles Seagulls Magpies Toffees Foxes
    Red Devils Citizens Blades Baggies Clarets Bees Cherries Hornets Canaries United City Albion
    Real Atletico Inter Milan Madrid Barcelona Paris Manchester Liverpool Munich Lisbon Turin Rome
    Naples Moscow Mr Mrs Dr Sir St Club Football FC AC SC CF Stadium Park Road Arena Ground Lane
    Bridge Trafford Anfield Etihad Camp Nou SPORTSLENS VIEW Don Fatri Getty Images AFP PA Reuters
    Uruguayan Argentine Chilean Ghanaian Burkina International Youth Under One Two Three Four Five
    Six Seven Eight Nine Ten Opinion Verdict Comment Analysis Bianconeri Nerazzurri Rossoneri Los
    Blancos Old Lady Lady Gol Diario Diaro Tuttomercatoweb Calciomercato Sport Ballon Or MLS Saudi
    Pro Al Ligue1 Serie-A Dutch Ajax Benfica Porto Sporting Celtic Rangers Zenit Also
    Meanwhile""".split()
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
_POSITION_BEFORE = re.compile(
    r"(?:\b(?:midfielder|striker|forward|defender|winger|centre-back|center-back|full-back|"
    r"left-back|right-back|goalkeeper|keeper|playmaker|attacker|youngster|teenager|star|"
    r"sensation|free agent|signing of|international|captain|veteran|wonderkid|talent|"
    r"delantero|centrocampista|defensa|portero|extremo|attaccante|centrocampista|difensore|"
    r"portiere|Stürmer|Mittelfeldspieler|Verteidiger|Torwart|attaquant|milieu|défenseur|"
    r"gardien|avançado|médio|zagueiro|guarda-redes)\s+)$",
    re.IGNORECASE,
)
_OWNER_OF = re.compile(r"^['’]s?\s+(?:side|team|men|plans|squad|charges|boys|project|regime)\b")
_TITLES = frozenset(
    "Chairman Boss Manager President Coach Director Owner Agent Presidente Entrenador Allenatore "
    "Trainer Sir".split()
)


@lru_cache(maxsize=1)
def _known_non_players() -> frozenset[str]:
    raw = json.loads(
        resources.files("rumourx.knowledge.data").joinpath("people.json").read_text("utf-8")
    )
    return frozenset(fold(name) for name in raw["non_players"])


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

    def _clean(self, raw: str, start: int) -> tuple[str, int] | None:
        tokens = raw.split()
        offset = start
        while tokens and (
            tokens[0] in _STOP or tokens[0] in _TITLES or self.clubs.is_alias(tokens[0])
        ):
            offset += len(tokens[0])
            rest = raw[offset - start :]
            offset += len(rest) - len(rest.lstrip())
            tokens = tokens[1:]
        while tokens and (tokens[-1] in _STOP or self.clubs.is_alias(tokens[-1])):
            tokens = tokens[:-1]
        if tokens:
            tokens[-1] = re.sub(r"['’]s?$", "", tokens[-1])
        if not tokens or any(t in _STOP for t in tokens if len(tokens) > 1 and t not in ("Don",)):
            return None
        connectors = [i for i, t in enumerate(tokens) if t in _CONNECTORS]
        if connectors and len(tokens) - connectors[0] - 1 >= 2 and connectors[0] > 0:
            # "Wechsel von Jonas Keller": a capitalised noun, then the name.
            skipped = " ".join(tokens[: connectors[0] + 1]) + " "
            offset += raw[offset - start :].find(skipped) + len(skipped)
            tokens = tokens[connectors[0] + 1 :]
        name = " ".join(tokens)
        if self.clubs.canonical(name) or self.outlets.lookup(name) or len(name) < 3:
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
        for match in _NAME.finditer("".join(masked)):
            abs_start = sentence.start + match.start()
            raw = re.sub(r"['’]s?$", "", match.group())
            titled = raw.split()[0] in _TITLES
            cleaned = self._clean(raw, abs_start)
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
                if not person and _POSITION_BEFORE.search(before):
                    person = name
                    self.full_names.append(name)
                if not person:
                    continue
            after = article[abs_end : abs_end + 30]
            owns_club = bool(re.match(r"['’]s\s", after)) and any(
                m.start == 0 for m in self.clubs.find(after[3:])
            )
            if titled or owns_club or NON_PLAYER_ROLE.search(before) or _OWNER_OF.match(after):
                self.non_players.add(person)
            if fold(person) in _known_non_players():
                self.non_players.add(person)
            found.append(Mention(person, abs_start, abs_end))
        return found

    def is_player(self, person: str) -> bool:
        """Whether ``person`` is, as far as the article shows, a player."""
        return person not in self.non_players

    def descriptor_mentions(self, sentence: Sentence) -> list[Mention]:
        """Mentions such as "the 22-year-old" or "he": the player last spoken of."""
        if self.last_player is None:
            return []
        return [
            Mention(self.last_player, sentence.start + m.start(), sentence.start + m.end(), False)
            for m in _DESCRIPTOR.finditer(sentence.text)
        ]
