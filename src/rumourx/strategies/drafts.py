"""A draft rumour: what a strategy proposes before grounding and normalisation."""

from __future__ import annotations

from dataclasses import dataclass, field

from rumourx.core.types import Fee, Status, TransferType

__all__ = ["Draft"]


@dataclass
class Draft:
    """A proposed move, with its evidence as quotes from the article.

    Attributes:
        player: Player name as the strategy read it.
        to_club: Destination as written or canonical; None when unknown.
        from_club: Current club as written or canonical; None when unknown.
        transfer_type: Kind of move.
        status: Stage of the move.
        fee: Fee, when the article gives one.
        sources: Outlets or people the claim is attributed to, as written.
        evidence: Quotes from the article, strongest first.
        opinion: True when it comes only from the publisher's opinion section.
    """

    player: str
    to_club: str | None
    from_club: str | None = None
    transfer_type: TransferType = TransferType.UNKNOWN
    status: Status = Status.LINKED
    fee: Fee | None = None
    sources: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    opinion: bool = False
