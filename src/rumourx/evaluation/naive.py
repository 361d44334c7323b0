"""The naive baseline: one instructor call, a flat schema, no grounding at all.

It exists to be measured against: it is what "just ask the model" gives.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from rumourx.core.model import ModelRequest, ModelResponse
from rumourx.core.types import Status, TransferType
from rumourx.strategies.base import ArticleJob, Plan, Proposal
from rumourx.strategies.drafts import Draft

__all__ = ["NaiveStrategy"]


class _FlatRumour(BaseModel):
    player: str
    from_club: str | None = None
    to_club: str | None = None
    transfer_type: str = "unknown"
    status: str = "linked"


class _FlatRumours(BaseModel):
    rumours: list[_FlatRumour] = Field(default_factory=list)


def _enum(kind: type[TransferType] | type[Status], value: str, default: Any) -> Any:
    try:
        return kind(value)
    except ValueError:
        return default


class NaiveStrategy:
    """A single call with a flat schema; output taken as it comes."""

    name = "naive"

    def plan(self, job: ArticleJob) -> Plan:
        """Ask once, trust everything."""
        request: ModelRequest[Any] = ModelRequest(
            messages=[
                {
                    "role": "system",
                    "content": "Extract football transfer rumours from the article.",
                },
                {"role": "user", "content": job.text},
            ],
            response_model=_FlatRumours,
        )
        response: ModelResponse[Any] = yield request
        drafts = [
            Draft(
                player=r.player,
                to_club=r.to_club,
                from_club=r.from_club,
                transfer_type=_enum(TransferType, r.transfer_type, TransferType.UNKNOWN),
                status=_enum(Status, r.status, Status.LINKED),
            )
            for r in response.output.rumours
        ]
        return Proposal(drafts=drafts, usage=response.usage)
