"""The mistakes the simulated strong model makes, each a pure function of a random source.

Every function takes the clean answer for one move (wire-schema field names) and
returns a roughened copy. The wording of the mistakes (nicknames, synonyms, famous
names, paraphrase swaps) comes from the shipped table ``errors.json``.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from rumourx.core.errors import ConfigurationError
from rumourx.core.types import Status, TransferType

__all__ = [
    "ErrorTable",
    "cut_evidence",
    "error_table",
    "fee_as_text",
    "fee_in_thousands",
    "handle",
    "misspell",
    "paraphrase",
]

Answer = dict[str, Any]


@dataclass(frozen=True)
class ErrorTable:
    """How the simulated model words its mistakes."""

    nicknames: dict[str, list[str]]
    status: dict[str, list[str]]
    transfer_type: dict[str, list[str]]
    famous_players: list[str]
    famous_clubs: list[str]
    paraphrase_swaps: dict[str, str]


def _strings(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, str) for v in value)


@lru_cache(maxsize=1)
def error_table() -> ErrorTable:
    """The shipped table, validated.

    Raises:
        ConfigurationError: It is missing or malformed, or names an unknown value.
    """
    name = "errors.json"
    try:
        raw = json.loads(resources.files("rumourx.simulation").joinpath(name).read_text("utf-8"))
        table = ErrorTable(
            nicknames=raw["nicknames"],
            status=raw["status"],
            transfer_type=raw["transfer_type"],
            famous_players=raw["famous_players"],
            famous_clubs=raw["famous_clubs"],
            paraphrase_swaps=raw["paraphrase_swaps"],
        )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ConfigurationError(f"{name}: cannot read the error table: {exc}") from exc
    for section, enum in (("status", Status), ("transfer_type", TransferType)):
        words: dict[str, list[str]] = getattr(table, section)
        valid = {member.value for member in enum}
        if set(words) - valid or not all(_strings(v) for v in words.values()):
            raise ConfigurationError(f"{name}: bad {section} section")
    if not all(_strings(v) for v in table.nicknames.values()):
        raise ConfigurationError(f"{name}: every nickname entry must list names")
    if not _strings(table.famous_players) or not _strings(table.famous_clubs):
        raise ConfigurationError(f"{name}: famous players and clubs must be lists of names")
    return table


_SYMBOLS = {"GBP": "£", "EUR": "€", "USD": "$"}


def _money(amount: float, currency: str | None) -> str:
    symbol = _SYMBOLS.get(currency or "", "")
    figure = f"{amount / 1e6:g}m" if amount >= 1e6 else f"{amount:g}"
    return f"{symbol}{figure}" if symbol else f"{figure} {currency or ''}".strip()


def fee_as_text(answer: Answer) -> Answer:
    """The fee written as text, as a newspaper would ("£30m plus £5m in add-ons")."""
    if not answer.get("fee_amount"):
        return answer
    text = _money(answer["fee_amount"], answer.get("fee_currency"))
    if answer.get("fee_add_ons"):
        text += f" plus {_money(answer['fee_add_ons'], answer.get('fee_currency'))} in add-ons"
    return {**answer, "fee_amount": text, "fee_currency": None, "fee_add_ons": None}


def fee_in_thousands(answer: Answer) -> Answer:
    """The fee in thousands (40000 for £40m), currency kept."""
    if not answer.get("fee_amount"):
        return answer
    add_ons = answer.get("fee_add_ons")
    return {
        **answer,
        "fee_amount": answer["fee_amount"] / 1000,
        "fee_add_ons": add_ons / 1000 if add_ons else add_ons,
    }


def cut_evidence(answer: Answer, rng: random.Random) -> Answer:
    """The evidence cut off mid-sentence (at least its first four words kept)."""
    words = str(answer.get("evidence", "")).split()
    if len(words) < 8:
        return answer
    keep = rng.randint(4, len(words) - 3)
    return {**answer, "evidence": " ".join(words[:keep])}


def paraphrase(answer: Answer, rng: random.Random) -> Answer:
    """The evidence reworded: words swapped for synonyms, some dropped, a lead-in added."""
    swaps = error_table().paraphrase_swaps
    words = str(answer.get("evidence", "")).split()
    if not words:
        return answer
    out = []
    for word in words:
        bare = word.strip(",.;:").lower()
        if bare in swaps:
            out.append(swaps[bare] + word[len(word.rstrip(",.;:")) :])
        elif word[:1].islower() and rng.random() < 0.2:
            continue  # a small word left out
        else:
            out.append(word)
    return {**answer, "evidence": "Reports say that " + " ".join(out)}


def misspell(name: str, rng: random.Random) -> str:
    """One slip of the keyboard in the longest word: two letters swapped."""
    words = name.split()
    longest = max(range(len(words)), key=lambda i: len(words[i]))
    word = words[longest]
    if len(word) < 4:
        return name
    at = rng.randint(1, len(word) - 3)
    words[longest] = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    return " ".join(words)


def handle(name: str) -> str:
    """A source given as its social-media handle ("Sky Sports" is "@SkySports")."""
    words = [re.sub(r"\W", "", word) for word in name.split()]
    return "@" + "".join(word[:1].upper() + word[1:] for word in words)
