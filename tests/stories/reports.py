"""Report lines for story tests: what `rumourx batch` writes, built by hand."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def rumour(
    player: str,
    to_club: str | None,
    from_club: str | None = None,
    status: str = "linked",
    sources: tuple[str, ...] = (),
    fee: int | None = None,
    sentence: str | None = None,
) -> dict[str, Any]:
    text = sentence or f"{to_club or 'Someone'} want {player}."
    return {
        "player": player,
        "from_club": from_club,
        "to_club": to_club,
        "status": status,
        "transfer_type": "unknown",
        "fee": {"amount": fee, "currency": "GBP"} if fee else None,
        "sources": list(sources),
        "source_tiers": {},
        "evidence": [{"text": text, "start": 0, "end": len(text)}],
    }


def line(
    article_id: str, published: str | None, *rumours: dict[str, Any], **extra: Any
) -> dict[str, Any]:
    row: dict[str, Any] = {"id": article_id, **extra}
    if published is not None:
        row["published"] = published
    row["report"] = {"rumours": list(rumours), "opinion": [], "warnings": [], "strategy": "rules"}
    return row


def write(path: Path, rows: list[dict[str, Any] | str]) -> Path:
    path.write_text(
        "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows),
        encoding="utf-8",
    )
    return path
