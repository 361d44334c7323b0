"""Sort a reader's misses on player-labelled items into categories, to count them.

The items carry no roles, so the categories come from what the text shows around
each miss. The rules are deliberately simple text tests, independent of the reader
(they share only the club index): they are for counting families of misses before
and after a change, not for scoring. Expect some misfiling; check a sample by hand.

Missed labelled players (no rumour names them):
- ``label: not a player``: a manager, owner or other role word stands before the name,
  the name is a club, or the item is about a job;
- ``no destination``: the label names at most one club and the item no new contract
  (the corpus convention: no destination, no rumour);
- ``extension wording``: one club and contract words (a renewal the reader missed);
- ``name not found``: the reader found no person with that name;
- ``taken for a non-player``: the reader found the name but ruled it out;
- ``no cue``: no sentence naming the player carries a stage cue the reader knows;
- ``clubs and roles``: everything else (the cue is there, the destination is not read).

Returned rumours whose player is not labelled:
- ``club as player``, ``country or place as player``, ``non-player as player``,
  ``malformed name``, ``bystander`` (named after "replace", "alongside", "swap for"...),
  ``unlabelled person`` (possibly a real move the machine labels skip).

Matched rumours: ``direction backwards`` when the text names the destination as the
player's own club in a formula ("CLUB's NAME", "CLUB and COUNTRY POSITION NAME",
"NAME, of CLUB").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from rumourx.evaluation.items import LabelledItem
from rumourx.evaluation.scoring import players_agree
from rumourx.knowledge.clubs import ClubIndex, club_index
from rumourx.knowledge.folding import fold
from rumourx.knowledge.names import name_lists
from rumourx.knowledge.outlets import outlet_index
from rumourx.strategies.rules.reading import first_cue, read_article

__all__ = ["MISS_CATEGORIES", "categorise_item", "count_categories"]

MISS_CATEGORIES = (
    "label: not a player",
    "no destination",
    "extension wording",
    "name not found",
    "taken for a non-player",
    "no cue",
    "clubs and roles",
    "club as player",
    "country or place as player",
    "non-player as player",
    "malformed name",
    "bystander",
    "unlabelled person",
    "direction backwards",
)

_ROLE_BEFORE = re.compile(
    r"\b(?:boss|manager|coach|owner|owners|chairman|president|director|executive|chief|legend|"
    r"businessman|billionaire|agent|mum|mother|father|brother|prince|pundit|head|boss's|"
    r"manager's|consortium|investor|sheikh|chief executive|presenter|referee)\s*,?\s*$",
    re.IGNORECASE,
)
_JOB = re.compile(
    r"\b(?:job|manager|managerial|head coach|appointment|appoint\w*|sack\w*|take over|"
    r"in charge|interim|coaching|takeover|buy the club|purchas\w+)\b",
    re.IGNORECASE,
)
_CONTRACT = re.compile(
    r"\b(?:contract|new deal|extend\w*|extension|renew\w*|terms|stay|deal until)\b", re.I
)
_CLUB_WORDS = re.compile(
    r"\b(?:FC|CF|AFC|SC|SV|TSV|VfB|VfL|CA|AS|AC|United|City|Town|Rovers|Athletic|Wanderers|"
    r"Albion|County|Stanley|Moors|Harriers|Orient|Argyle|Rangers|Celtic|Sporting|Real|Dynamo|"
    r"Dinamo|Inter|Club|Praia|Salonika|Bruges|Kazan|SIPG|Impact|Hartberg|Ferreira|Galaxy|"
    r"Red Bull|Red Bulls|Olympique|Athletico|Atletico|Deportivo|Rapid|Juniors)\b"
)
_BYSTANDER_BEFORE = re.compile(
    r"\b(?:replace|replacing|replacement for|successor to|alongside|cover for|swap (?:deal )?"
    r"for|exchange for|plus|instead of|rather than|partner|competition for|team-mate|"
    r"teammate|compatriot|such as|like|including|as well as|following|after|with)\b[^.;]{0,60}$",
    re.IGNORECASE,
)
_POSITIONS = (
    r"(?:midfielder|striker|forward|defender|winger|centre-back|centre-half|full-back|"
    r"left-back|right-back|goalkeeper|keeper|playmaker|attacker|international|captain|"
    r"wing-back|midfield|defensive|attacking|central|teenager|youngster|star)"
)


def _occurrences(text: str, name: str) -> list[int]:
    """Offsets where the name, or its last word, is written."""
    surname = name.split()[-1] if name.split() else name
    found = [m.start() for m in re.finditer(re.escape(name), text)]
    return found or [m.start() for m in re.finditer(rf"\b{re.escape(surname)}\b", text)]


def _aliases(clubs: ClubIndex, club: str) -> list[str]:
    canonical = clubs.canonical(club) or club
    names = {club, canonical}
    names.update(a for a, c in clubs.alias_items() if c == canonical)
    return sorted(names, key=len, reverse=True)


def _owned_by(text: str, club: str, player: str, clubs: ClubIndex) -> bool:
    """The text names ``club`` as the player's own club in a press formula."""
    if not club or not player.split():
        return False
    surname = re.escape(player.split()[-1])
    alias = "|".join(re.escape(a) for a in _aliases(clubs, club))
    filler = rf"(?:\s+(?:and|the|{_POSITIONS}|\d{{2}}-year-old|[A-Z][\w'-]+|Under-\d\d))*"
    formula = re.compile(
        rf"(?:{alias})(?:['’]s?)?{filler}\s+(?:[A-Z][\w'-]+\s+){{0,2}}{surname}\b"
        rf"|{surname},\s+(?:\d\d,\s+)?of\s+(?:{alias})\b"
    )
    return bool(formula.search(text))


def _missed_category(item: LabelledItem, player: str, rumours: Sequence[Mapping[str, Any]]) -> str:
    text = item.text
    clubs = club_index()
    spots = _occurrences(text, player)
    if (
        not spots
        or name_lists().is_non_player(player)
        or clubs.canonical(player)
        or name_lists().is_place(player)
        or any(_ROLE_BEFORE.search(text[max(0, s - 40) : s]) for s in spots)
        or (_JOB.search(text) and not re.search(r"\bsign\w*|\bplayer", text))
    ):
        return "label: not a player"
    distinct = {fold(clubs.normalise(c) or c) for c in item.clubs}
    if len(distinct) <= 1:
        return "extension wording" if _CONTRACT.search(text) else "no destination"
    reading = read_article(text, clubs, outlet_index())
    people = reading.people.full_names
    person = next((p for p in people if players_agree(p, player)), None)
    if person is None:
        return "name not found"
    if not reading.people.is_player(person):
        return "taken for a non-player"
    sentences = [
        f.sentence.text for f in reading.facts if any(m.person == person for m in f.players)
    ]
    if not any(first_cue(s) for s in sentences):
        return "no cue"
    return "clubs and roles"


def _extra_category(item: LabelledItem, name: str) -> str:
    text = item.text
    clubs = club_index()
    folded = fold(name)
    if clubs.canonical(name) or _CLUB_WORDS.search(name) or folded in {fold(c) for c in item.clubs}:
        return "club as player"
    if name_lists().is_place(name) or name_lists().is_place(re.split(r"[\s-]", name)[0]):
        return "country or place as player"
    spots = _occurrences(text, name)
    after = [text[s + len(name) : s + len(name) + 30] for s in spots]
    if (
        name_lists().is_non_player(name)
        or any(_ROLE_BEFORE.search(text[max(0, s - 40) : s]) for s in spots)
        or any(re.match(r"['’]s\s+(?:side|team|squad|men)\b", a) for a in after)
        or re.search(r"-(?:owned|led)$", name)
    ):
        return "non-player as player"
    if re.search(r"\d|-born$|-owned$", name) or any(
        w.islower() and w not in ("de", "da", "van", "der", "di", "dos") for w in name.split()
    ):
        return "malformed name"
    if any(_BYSTANDER_BEFORE.search(text[max(0, s - 80) : s]) for s in spots):
        return "bystander"
    return "unlabelled person"


def categorise_item(item: LabelledItem, rumours: Sequence[Mapping[str, Any]]) -> list[str]:
    """One category per miss of this item (missed players, extra rumours, backwards moves)."""
    found: list[str] = []
    named = [str(r.get("player") or "") for r in rumours]
    for player in item.players:
        if not any(players_agree(player, name) for name in named):
            found.append(_missed_category(item, player, rumours))
    extras: set[str] = set()
    for rumour, name in zip(rumours, named, strict=True):
        if not any(players_agree(player, name) for player in item.players):
            if name not in extras:
                extras.add(name)
                found.append(_extra_category(item, name))
        elif rumour.get("transfer_type") != "extension" and _owned_by(
            item.text, str(rumour.get("to_club") or ""), name, club_index()
        ):
            found.append("direction backwards")
    return found


def count_categories(
    results: Sequence[tuple[LabelledItem, Sequence[Mapping[str, Any]]]],
) -> Counter[str]:
    """Category counts over many items."""
    counts: Counter[str] = Counter()
    for item, rumours in results:
        counts.update(categorise_item(item, rumours))
    return counts
