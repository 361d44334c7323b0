"""How a rumour's fields read to people: fees, moves, tiers. Shared by every view."""

from __future__ import annotations

from rumourx.core.types import Fee, TransferRumour

__all__ = ["TIER_NOTE", "clubs_text", "fee_text", "money", "move_text", "sources_with_tiers"]

TIER_NOTE = "reliability tier, 1 (most reliable) to 5 (least)"


def money(amount: int) -> str:
    """``30000000`` as ``30m``, ``1500000`` as ``1.5m``, ``250000`` as ``250k``."""
    if amount >= 1_000_000:
        return f"{amount / 1_000_000:.3f}".rstrip("0").rstrip(".") + "m"
    if amount >= 1_000:
        return f"{amount / 1_000:.3f}".rstrip("0").rstrip(".") + "k"
    return str(amount)


def fee_text(fee: Fee | None) -> str:
    """The fee as ``30m GBP + 5m add-ons``; the article's own wording when no amount."""
    if fee is None:
        return ""
    if fee.amount is None:
        return fee.text or ""
    text = f"{money(fee.amount)} {fee.currency or ''}".strip()
    if fee.add_ons:
        text += f" + {money(fee.add_ons)} add-ons"
    return text


def clubs_text(from_club: str | None, to_club: str | None, arrow: str = "→") -> str:
    """``Wolverhampton Wanderers → Newcastle United``, with ``?`` for an unknown club."""
    return f"{from_club or '?'} {arrow} {to_club or '?'}"


def move_text(rumour: TransferRumour, arrow: str = "→") -> str:
    """A rumour's move as :func:`clubs_text` writes it."""
    return clubs_text(rumour.from_club, rumour.to_club, arrow)


def sources_with_tiers(rumour: TransferRumour) -> list[tuple[str, int | None]]:
    """Each source with its tier, or None when rumourx does not know the outlet."""
    return [(source, rumour.source_tiers.get(source)) for source in rumour.sources]
