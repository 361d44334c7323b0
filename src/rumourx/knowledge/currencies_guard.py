"""Lenient currency reading for model output."""

from __future__ import annotations

from rumourx.core.currencies import ISO_4217

__all__ = ["currency_or_none"]

_SYMBOLS = {"£": "GBP", "€": "EUR", "$": "USD", "EURO": "EUR", "EUROS": "EUR", "POUNDS": "GBP"}


def currency_or_none(value: str | None) -> str | None:
    """An ISO-4217 code for ``value`` ("£", "eur", "GBP"), or None if unknown."""
    if not value:
        return None
    code = value.strip().upper()
    code = _SYMBOLS.get(code, code)
    return code if code in ISO_4217 else None
