"""The ``hybrid`` strategy: rules propose, a model completes what the rules left open.

The rules find the moves. For a move whose kind is unknown or whose selling club is
missing, the model reads that move's sentences and answers those two fields only.
An answer is taken only where the rules had nothing, and a club only when the
article names it: the model can fill gaps but never overrule or invent.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from rumourx.core.errors import ExtractionError
from rumourx.core.model import ModelRequest, ModelResponse
from rumourx.core.types import TransferType
from rumourx.knowledge.clubs import club_index
from rumourx.prompting import load_prompt
from rumourx.strategies.base import ArticleJob, Plan, Proposal
from rumourx.strategies.rules import propose_drafts

__all__ = ["HybridStrategy", "MoveCompletion"]


class MoveCompletion(BaseModel):
    """The two fields the model may complete."""

    transfer_type: TransferType = Field(default=TransferType.UNKNOWN)
    from_club: str | None = Field(default=None, description="Club he is leaving, or null")


class HybridStrategy:
    """Deterministic candidates, completed by a model where the rules left gaps."""

    name = "hybrid"

    def __init__(self) -> None:
        self._prompt = load_prompt("complete")

    @property
    def prompt_id(self) -> str:
        """The prompt version this strategy sends."""
        return self._prompt.id

    def plan(self, job: ArticleJob) -> Plan:
        """Propose with the rules, then ask one question per incomplete move."""
        proposal = Proposal(drafts=propose_drafts(job))
        clubs = club_index()
        named = {m.club for m in clubs.find(job.text)}
        for draft in proposal.drafts:
            needs_type = draft.transfer_type is TransferType.UNKNOWN
            needs_from = draft.from_club is None and draft.transfer_type is not TransferType.FREE
            if not (needs_type or needs_from):
                continue
            sentences = "\n".join(draft.evidence)
            request: ModelRequest[Any] = ModelRequest(
                messages=[
                    {"role": "system", "content": self._prompt.template},
                    {
                        "role": "user",
                        "content": f"Player: {draft.player}\nMoving to: {draft.to_club}\n"
                        f"Sentences:\n<<<\n{sentences}\n>>>",
                    },
                ],
                response_model=MoveCompletion,
            )
            try:
                response: ModelResponse[Any] = yield request
            except ExtractionError as exc:
                proposal.warnings.append(f"model could not complete {draft.player}: {exc}")
                continue
            proposal.usage = proposal.usage + response.usage
            answer: MoveCompletion = response.output
            if needs_type and answer.transfer_type is not TransferType.EXTENSION:
                draft.transfer_type = answer.transfer_type
            club = clubs.canonical(answer.from_club) if answer.from_club else None
            if needs_from and club in named and club != draft.to_club:
                draft.from_club = club
        return proposal
