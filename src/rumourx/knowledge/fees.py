"""Parse transfer fees from text: amount, currency and add-ons.

Understands, among others: "£36.5m plus £9m in add-ons", "€12.5m", "23m euros
(£20m)" (the bracket is a conversion), "a £5million loan fee", "could rise to £8m
with bonuses", "raise their £32m offer to £36.5m", "£20m plus add-ons", and the
usual forms in Spanish, Italian, German, French and Portuguese ("50 millones de
euros", "50 milioni di euro", "50 Millionen Euro", "50 millions d'euros",
"50 milhões de euros").
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from rumourx.core.types import Fee

__all__ = ["Money", "find_money", "parse_fee"]

_SYMBOLS = {"£": "GBP", "€": "EUR", "$": "USD", "us$": "USD", "¥": "JPY", "r$": "BRL"}
_WORDS = {
    "euro": "EUR",
    "euros": "EUR",
    "eur": "EUR",
    "€": "EUR",
    "pound": "GBP",
    "pounds": "GBP",
    "gbp": "GBP",
    "sterling": "GBP",
    "£": "GBP",
    "dollar": "USD",
    "dollars": "USD",
    "usd": "USD",
    "$": "USD",
    "chf": "CHF",
    "francs": "CHF",
    "reais": "BRL",
    "real": "BRL",
    "brl": "BRL",
}
_SCALES = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "million": 1e6,
    "millions": 1e6,
    "millones": 1e6,
    "millón": 1e6,
    "millon": 1e6,
    "milioni": 1e6,
    "milione": 1e6,
    "millionen": 1e6,
    "mio": 1e6,
    "mio.": 1e6,
    "milhões": 1e6,
    "milhoes": 1e6,
    "milhão": 1e6,
    "bn": 1e9,
    "billion": 1e9,
    "mil millones": 1e9,
}
_NUMBER = r"(?P<num>\d{1,3}(?:[,.]\d{3})+|\d+(?:[.,]\d+)?)"
_SCALE = (
    r"(?P<scale>mil millones|millones|millón|millon|milioni|milione|millionen|millions|million|"
    r"milhões|milhoes|milhão|thousand|billion|mio\.?|mln|mn|bn|m|k)"
)
_SYMBOL_FIRST = re.compile(
    r"(?P<sym>US\$|R\$|[£€$¥])\s?" + _NUMBER + r"(?:\s?" + _SCALE + r")?(?![\w])",
    re.IGNORECASE,
)
_NUMBER_FIRST = re.compile(
    _NUMBER + r"\s?" + _SCALE + r"?\s?(?:(?:de|di|d'|d’)\s?)?"
    r"(?P<word>euros?|pounds?|dollars?|EUR|GBP|USD|CHF|sterling|reais|€|£)(?![\w])",
    re.IGNORECASE,
)
_ADDON_AFTER = re.compile(
    r"^\s*(?:\)\s*)?(?:(?:bid|offer|fee|deal|move|proposal|package|transfer)\s+)?"
    r"(?:(?:up\s*front|upfront|initially|guaranteed)\s*)?(?:,\s*)?"
    r"(?:plus|with|and|\+|più|piu|más|mas|mais|und|y|e|et)\s+(?:a\s+)?"
    r"(?:further\s+|another\s+|potential\s+|an?\s+additional\s+|additional\s+|otros\s+|altri\s+)?"
    r"(?P<money>\S+(?:\s\S+){0,2}?)\s+(?:in\s+|of\s+|worth\s+of\s+|en\s+|di\s+|de\s+|em\s+|an\s+)?"
    r"(?:potential\s+|performance[- ]related\s+)?"
    r"(?:add[- ]?ons|bonuses|bonus|bónus|incentives|variables|variabili|Boni|Bonuszahlungen)",
    re.IGNORECASE,
)
_PLUS_ADDONS = re.compile(
    r"^\s*(?:plus|with|\+)\s+(?:potential\s+)?(?:add[- ]?ons|bonuses|incentives)", re.IGNORECASE
)
_RISE_TO = re.compile(
    r"(?:rise|rising|increase|go up|climb)\s+to\s*$|up to\s*$|(?:raise|increase|improve|boost|"
    r"up)\w*\b[^.;]{0,60}?\bto\s*$",
    re.IGNORECASE,
)
_BONUS_AFTER = re.compile(r"^\s*(?:with|in|including)\s+(?:add[- ]?ons|bonuses|incentives)", re.I)


@dataclass(frozen=True)
class Money:
    """A sum of money found in text: ``text[start:end]`` is how it is written."""

    amount: int
    currency: str | None
    start: int
    end: int
    text: str


def _number(raw: str, scale: str | None) -> float:
    if re.fullmatch(r"\d{1,3}(?:[,.]\d{3})+", raw) and not scale:
        return float(re.sub(r"[,.]", "", raw))
    value = float(raw.replace(",", "."))
    return value * _SCALES.get(scale.lower(), 1.0) if scale else value


def find_money(text: str) -> list[Money]:
    """Every sum of money in ``text``, left to right, brackets included.

    Bare numbers without a currency and without a scale word are not money
    ("2024", "33 appearances"); "25 million" without a currency is.
    """
    found: list[Money] = []
    spans: list[tuple[int, int]] = []
    for match in _SYMBOL_FIRST.finditer(text):
        currency = _SYMBOLS[match["sym"].lower()]
        amount = _number(match["num"], match["scale"])
        if not math.isfinite(amount):
            continue  # "£999...9m" with hundreds of digits is no sum
        found.append(Money(round(amount), currency, match.start(), match.end(), match.group()))
        spans.append((match.start(), match.end()))
    for match in _NUMBER_FIRST.finditer(text):
        if any(s <= match.start() < e for s, e in spans):
            continue
        currency = _WORDS[match["word"].lower()]
        amount = _number(match["num"], match["scale"])
        if not math.isfinite(amount):
            continue
        found.append(Money(round(amount), currency, match.start(), match.end(), match.group()))
    found.sort(key=lambda m: m.start)
    return [m for m in found if m.amount > 0]


def _first_money(text: str) -> Money | None:
    found = find_money(text)
    return found[0] if found else None


def parse_fee(text: str, *, total_hint: int | None = None) -> Fee | None:
    """Read the current fee from a phrase or sentence.

    Args:
        text: A phrase or sentence that states a fee.
        total_hint: A headline total for the same bid, if known elsewhere; with
            "£20m plus add-ons" it gives the add-ons (total minus base).

    Returns:
        The fee, or None when ``text`` holds no sum of money. A figure in brackets
        right after another is a currency conversion and is skipped; "raise ... to
        X" and "rising to X" take X as the current figure when no base precedes.
    """
    sums = find_money(text)
    if not sums:
        return None
    # Drop conversions: a sum inside brackets right after another sum.
    kept: list[Money] = []
    for money in sums:
        between = text[kept[-1].end : money.start] if kept else ""
        if kept and re.fullmatch(r"\s*[(\[]\s*", between):
            continue
        kept.append(money)
    base = kept[0]
    for index, money in enumerate(kept):
        before = text[max(0, money.start - 80) : money.start]
        if _RISE_TO.search(before) and index > 0 and not _BONUS_AFTER.match(text[money.end :]):
            base = money
    add_ons: int | None = None
    after = text[base.end :]
    addon = _ADDON_AFTER.match(after)
    if addon:
        extra = _first_money(addon["money"])
        bare = re.match(r"\d+(?:[.,]\d+)?", addon["money"])
        if extra is not None:
            add_ons = extra.amount
        elif bare is not None:
            # "più 10 di bonus": the bare figure shares the base's scale.
            scale = 1e6 if base.amount >= 1_000_000 else 1.0
            value = float(bare.group().replace(",", ".")) * scale
            add_ons = round(value) if math.isfinite(value) else None
    elif (
        _PLUS_ADDONS.match(after)
        and total_hint
        and total_hint > base.amount
        and not _RISE_TO.search(text[max(0, base.start - 80) : base.start])
    ):
        add_ons = total_hint - base.amount
    else:
        # "£20m, rising to £25m with bonuses": the ceiling minus the base.
        later = [m for m in kept if m.start > base.end]
        for money in later:
            gap = text[base.end : money.start]
            if re.search(r"ris\w*\s+to|up to|could\s+(?:reach|rise)", gap, re.I) and (
                _BONUS_AFTER.match(text[money.end :]) or re.search(r"bonus|add", gap, re.I)
            ):
                add_ons = max(money.amount - base.amount, 0) or None
                break
    written_end = base.end
    if addon:
        written_end = base.end + addon.end()
    return Fee(
        amount=base.amount,
        currency=base.currency,
        add_ons=add_ons,
        text=text[base.start : written_end].strip(),
    )
