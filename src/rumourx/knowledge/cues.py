r"""Cue tables: the words and phrases that signal a move, read from data files.

One file a language (``data/cues/en.cues``, ``es.cues``, ...), every ``*.cues`` file of
the folder, English first. The format, for editors who never read Python::

    # A comment: a line that starts with "#".
    @version 1
    [agreed]
    here we go
    acordo fechado
    \bclose to (?:signing|joining)\b

- ``@version 1`` opens the file; ``[name]`` starts a section (the known sections
  are listed in :data:`SECTIONS`); every other line is one cue.
- A cue with none of the characters ``\ . ^ $ * + ? { } [ ] ( ) |`` is a phrase,
  matched as whole words, ignoring case ("acordo fechado"). Any other line is a
  Python regular expression, used as written.
- Loading checks every file: an unknown section, a cue outside a section, a bad
  regular expression or a cue listed twice raise :class:`ConfigurationError` naming
  the file and the line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rumourx.core.errors import ConfigurationError

__all__ = [
    "FORMAT_VERSION",
    "SECTIONS",
    "CueEntry",
    "case_sensitive",
    "cue_tables",
    "load_cue_tables",
    "parse_cues",
]

FORMAT_VERSION = 1

# Section name -> what a cue in it says. Each cue is read in the place its section
# names: "before" cues end right before a club or name, "after" cues start right after.
SECTIONS: dict[str, str] = {
    "collapsed": "the move is off (pulled out, ruled out, collapsed)",
    "bid_rejected": "the latest bid was turned down",
    "completed": "the move is done (signed, confirmed, official)",
    "agreed": "fee or terms agreed, medical, set to sign",
    "bid": "an offer made or being prepared",
    "talks": "contact, enquiries, negotiations",
    "linked": "interest, a target, monitoring, could join",
    "subordinate_past": "a clause telling of an earlier stage (after a rejected bid)",
    "hedge": "words that weaken a stage (could, might, if)",
    "intended": "a stage only wished, believed or conditional (want to agree): it reads linked",
    "player_stays": "the player stays at his club: a link conceded beside it is off",
    "bid_raised": "a bid raised or improved: one was made, whatever the hedge",
    "renewal_agreed": "a new contract about to be signed or handed over: the renewal is agreed",
    "renewal_refused": "a new contract turned down: the renewal (only it) is off",
    "renewal_talks": "a new contract the player or his club wants signed: the renewal is talks",
    "background": "a sentence telling of history, not news",
    "background_verb": "a move verb that, with a time in the past, tells of history",
    "background_time": "a time in the past (in 2019, years ago)",
    "rated_noun": "after a sum, a player noun that makes it a rating, not a fee (case matters)",
    "extension": "a new contract at his own club",
    "extension_done": "the new contract is signed",
    "negated_extension": "no new contract is offered",
    "loan_option": "a loan with an option to buy",
    "loan_obligation": "a loan with an obligation to buy",
    "loan": "a loan",
    "swap": "a swap or part-exchange",
    "free": "a free transfer, end of contract, pre-contract",
    "permanent": "a sale: fee, bid, price, valuation",
    "non_fee_money": "near a sum: it is not this move's fee (wages, valuation)",
    "departure": "the player leaves, with no destination named",
    "seller_before": "before a club: it is the player's current club (from X)",
    "seller_after": "after a club: it is selling (X have rejected)",
    "club_statement": "after a club, before a seller cue: it speaks of itself (X say they)",
    "buyer_before": "before a club: it is the destination (move to X)",
    "club_auxiliary": "after a club, before a buyer cue: are, have, will",
    "adverb": "after a club, before a buyer cue: also, still, reportedly",
    "buyer_after": "after a club: it is buying (X are keen)",
    "buyer_possessive": "after a club's: it is buying (X's bid)",
    "opponent_before": "before a club: a match opponent (against X)",
    "past_club_before": "before a club: a former club (spell at X)",
    "non_player_role": "before a name: the person is no player (manager, owner)",
    "reporting": "before a name: it is a source (according to X)",
    "non_player_after": "after a name and a comma: the person is no player (X, the former boss)",
    "job": "the sentence is about a coaching or executive job, not a player's move",
    "position": "a player noun: what a player plays (midfielder, keeper)",
    "player_slot_before": "before a lone surname: it is a player (sign X, a move for X)",
    "player_possessive": "after a name's: it is a player (X's contract, X's agent)",
    "club_prefix": "a word that opens a club's name (FC Cincinnati; case matters)",
    "club_suffix": "a word that closes a club's name (Solihull Moors; case matters)",
    "club_descriptor": "a noun before a club's name (Swedish club X, League One side X)",
    "club_slot_before": "before a name: it is a club (on loan at X, plays for X)",
    "bystander_before": "before a player: he is not the one moving (to replace X, alongside X)",
    "replaces_before": "before a player: the club that replaces him is his club (to replace X)",
    "buyer_verb": "a verb whose subject club wants or gets the player (sign, land, watch)",
    "buyer_noun": "a noun whose club wants or gets the player (the signing of X, a move for X)",
    "mover_verb": "a verb whose subject player moves to a club (join, switch, return)",
    "seller_verb": "a verb whose subject club lets its player go (sell X, put a price tag on X)",
    "keeper_verb": "a verb whose subject club holds on to its player (keep X); no move by itself",
    "own_player_talk": "a club's official speaks of its own player (X boss says Y will stay)",
    "speaker_verb": "after a club official's name: he reports something (has confirmed that)",
    "speaker_audience": "after a speaker's verb: whom he tells (told reporters)",
    "speaker_own_club": "after a club official's name: he puts his own club in it (his side)",
    "told_verb": "between two clubs: the first tells the second (X have told Y)",
    "kept_player": "after 'X have told Y': the player stays at X (not for sale)",
    "buyer_pronoun": "opening a sentence: the buyer of the sentence before (they, the club)",
    "bid_noun": "before 'from CLUB': a bid or interest that CLUB may have made (a bid from X)",
    "bid_received": "before 'a bid for X from CLUB': the subject got the bid (rejected, had)",
    "interest_noun": "a bid noun whose 'from CLUB' after the player is the interested club",
    "offer_verb": "a verb whose subject club sends its player to another club (offer X to Y)",
    "swap_for": "after 'offer X to Y': the player the subject club gets back (a swap deal for Z)",
}
_CASE_SENSITIVE = frozenset({"rated_noun", "club_prefix", "club_suffix"})
_SPECIAL = re.compile(r"[\\.^$*+?{}\[\]()|]")
_HEADER = re.compile(r"^\[([^\]]*)\]$")
_VERSION = re.compile(r"^@version\s+(\S+)$")


@dataclass(frozen=True)
class CueEntry:
    """One cue: its section, its regular expression, and where it was written."""

    section: str
    pattern: str
    source: str
    line: int


def _as_pattern(cue: str) -> str:
    """A phrase as a whole-words regular expression; a regular expression as written."""
    if _SPECIAL.search(cue):
        return cue
    start = r"\b" if re.match(r"\w", cue) else ""
    end = r"\b" if re.search(r"\w$", cue) else ""
    return start + re.escape(cue) + end


def parse_cues(text: str, source: str) -> list[CueEntry]:
    """The cues of one file, checked.

    Raises:
        ConfigurationError: Missing or unknown ``@version``, unknown section, a cue
            outside any section, or a regular expression that does not compile.
    """
    entries: list[CueEntry] = []
    section: str | None = None
    version_seen = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        where = f"{source}:{number}"
        version = _VERSION.match(line)
        if version:
            if version_seen or section is not None:
                raise ConfigurationError(f"{where}: @version must come once, before any section")
            if version.group(1) != str(FORMAT_VERSION):
                raise ConfigurationError(
                    f"{where}: cue format version {version.group(1)} is not supported "
                    f"(this rumourx reads version {FORMAT_VERSION})"
                )
            version_seen = True
            continue
        if not version_seen:
            raise ConfigurationError(f"{where}: a cue file starts with '@version {FORMAT_VERSION}'")
        header = _HEADER.match(line)
        if header:
            section = header.group(1).strip()
            if section not in SECTIONS:
                raise ConfigurationError(
                    f"{where}: unknown section [{section}]; known sections: " + ", ".join(SECTIONS)
                )
            continue
        if section is None:
            raise ConfigurationError(f"{where}: cue {line!r} comes before any [section]")
        pattern = _as_pattern(line)
        flags = 0 if section in _CASE_SENSITIVE else re.IGNORECASE
        try:
            re.compile(pattern, flags)
        except re.error as exc:
            raise ConfigurationError(
                f"{where}: bad regular expression in [{section}]: {exc.msg} ({line!r})"
            ) from exc
        entries.append(CueEntry(section, pattern, source, number))
    if not version_seen:
        raise ConfigurationError(f"{source}: a cue file starts with '@version {FORMAT_VERSION}'")
    return entries


def load_cue_tables(files: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    """Section name to its cues' regular expressions, from ``(name, text)`` files in order.

    Raises:
        ConfigurationError: A file is malformed, a cue is listed twice in a section,
            or a known section has no cue in any file.
    """
    tables: dict[str, list[str]] = {name: [] for name in SECTIONS}
    seen: dict[tuple[str, str], CueEntry] = {}
    for source, text in files:
        for entry in parse_cues(text, source):
            key = (entry.section, entry.pattern)
            if key in seen:
                first = seen[key]
                raise ConfigurationError(
                    f"{entry.source}:{entry.line}: duplicate cue in [{entry.section}], "
                    f"already at {first.source}:{first.line}"
                )
            seen[key] = entry
            tables[entry.section].append(entry.pattern)
    empty = [name for name, cues in tables.items() if not cues]
    if empty:
        raise ConfigurationError(f"no cue in any file for: {', '.join(empty)}")
    return tables


def _shipped_files() -> list[tuple[str, str]]:
    folder = resources.files("rumourx.knowledge.data").joinpath("cues")
    files = sorted(
        (f for f in folder.iterdir() if f.name.endswith(".cues")),
        key=lambda f: (f.name != "en.cues", f.name),
    )
    return [(f"cues/{f.name}", f.read_text("utf-8")) for f in files]


@lru_cache(maxsize=1)
def cue_tables() -> dict[str, list[str]]:
    """The shipped cue tables, loaded and checked once."""
    return load_cue_tables(_shipped_files())


def case_sensitive(section: str) -> bool:
    """Whether a section's cues match with case (all others ignore it)."""
    return section in _CASE_SENSITIVE
