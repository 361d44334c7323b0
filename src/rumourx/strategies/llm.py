"""The ``llm`` strategy: one structured call per chunk, then the shared layers.

The wire schema below is what the model fills in. Its validators check, with the
article as validation context, that every player and club it names occurs in the
article and that its evidence is a sentence of the article; instructor sends any
failure back to the model as a re-ask. What still fails after the re-asks is parsed
leniently and left to the finishing layer, which drops it with a warning.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from rumourx.core.currencies import currency_or_none
from rumourx.core.errors import ExtractionError
from rumourx.core.model import ModelRequest, ModelResponse
from rumourx.core.types import Fee, Status, TransferType, Usage
from rumourx.knowledge.clubs import club_index
from rumourx.knowledge.folding import fold
from rumourx.prompting import Prompt, load_prompt
from rumourx.strategies.base import ArticleJob, Plan, Proposal
from rumourx.strategies.drafts import Draft
from rumourx.strategies.finishing import player_in_article
from rumourx.text.chunking import chunk_article
from rumourx.text.grounding import align
from rumourx.text.injection import looks_like_instruction
from rumourx.text.sentences import split_sentences

__all__ = ["LLMExtraction", "LLMRumour", "LLMStrategy"]

_WORD = re.compile(r"[\w'’-]+")


def _article(info: ValidationInfo) -> str | None:
    context = info.context
    if isinstance(context, dict):
        article = context.get("article")
        return article if isinstance(article, str) else None
    return None


class LLMRumour(BaseModel):
    """One move, as the model reports it (flat, forgiving field types)."""

    model_config = ConfigDict(extra="ignore")

    player: str = Field(description="The player's full name as written in the article")
    from_club: str | None = Field(default=None, description="His current club, or null")
    to_club: str | None = Field(
        default=None, description="Destination club; his own club for an extension"
    )
    transfer_type: TransferType = TransferType.UNKNOWN
    status: Status = Status.LINKED
    fee_amount: float | None = Field(default=None, ge=0, description="Fee in full units, or null")
    fee_currency: str | None = Field(default=None, description="ISO-4217 code such as GBP or EUR")
    fee_add_ons: float | None = Field(default=None, ge=0)
    sources: list[str] = Field(default_factory=list, description="Outlets or journalists cited")
    evidence: str = Field(default="", description="One sentence copied word for word")

    @field_validator("player")
    @classmethod
    def _player_in_article(cls, value: str, info: ValidationInfo) -> str:
        article = _article(info)
        name = " ".join(value.split())
        if len(name.split()) > 5 or len(name) > 60:
            raise ValueError("player must be a person's name, not a sentence")
        if article is not None and not player_in_article(name, set(_WORD.findall(fold(article)))):
            raise ValueError(f"the article never names a player called {name!r}")
        return name

    @field_validator("from_club", "to_club")
    @classmethod
    def _club_in_article(cls, value: str | None, info: ValidationInfo) -> str | None:
        article = _article(info)
        if value is None or not value.strip() or article is None:
            return value or None
        clubs = club_index()
        canonical = clubs.canonical(value)
        named = {m.club for m in clubs.find(article)}
        if (canonical and canonical in named) or fold(value) in fold(article):
            return value
        raise ValueError(f"the article never names the club {value!r}")

    @model_validator(mode="after")
    def _evidence_in_article(self, info: ValidationInfo) -> LLMRumour:
        article = _article(info)
        if article is not None and self.evidence and align(self.evidence, article) is None:
            raise ValueError("evidence must be a sentence copied word for word from the article")
        return self

    def to_draft(self) -> Draft:
        """The shared draft form of this rumour."""
        fee = None
        if self.fee_amount:
            fee = Fee(
                amount=round(self.fee_amount),
                currency=currency_or_none(self.fee_currency),
                add_ons=round(self.fee_add_ons) if self.fee_add_ons else None,
            )
        return Draft(
            player=self.player,
            to_club=self.to_club,
            from_club=self.from_club,
            transfer_type=self.transfer_type,
            status=self.status,
            fee=fee,
            sources=list(self.sources),
            evidence=[self.evidence] if self.evidence else [],
        )


class LLMExtraction(BaseModel):
    """Every move the model found in one chunk."""

    rumours: list[LLMRumour] = Field(default_factory=list)


def _without_instructions(text: str) -> str:
    """The chunk with instruction-like sentences blanked out before a model reads it."""
    for sentence in reversed(split_sentences(text)):
        if looks_like_instruction(sentence.text):
            text = (
                text[: sentence.start] + "[removed: instruction-like text]" + text[sentence.end :]
            )
    return text


def _messages(prompt: Prompt, job: ArticleJob, text: str) -> list[dict[str, str]]:
    publisher = f"Publisher: {job.publisher}\n" if job.publisher else ""
    text = _without_instructions(text)
    return [
        {"role": "system", "content": prompt.template},
        {"role": "user", "content": f"{publisher}Article:\n<<<\n{text}\n>>>"},
    ]


class LLMStrategy:
    """One well-structured call per chunk to a capable model."""

    name = "llm"

    def __init__(self, *, chunk_chars: int = 6000, chunk_overlap: int = 400) -> None:
        self._prompt = load_prompt("extract")
        self._chunk_chars = chunk_chars
        self._chunk_overlap = chunk_overlap

    @property
    def prompt_id(self) -> str:
        """The prompt version this strategy sends."""
        return self._prompt.id

    def plan(self, job: ArticleJob) -> Plan:
        """Ask once per chunk; keep what validates, note what does not."""
        proposal = Proposal()
        for chunk in chunk_article(
            job.text, max_chars=self._chunk_chars, overlap=self._chunk_overlap
        ):
            request: ModelRequest[Any] = ModelRequest(
                messages=_messages(self._prompt, job, chunk.text),
                response_model=LLMExtraction,
                context={"article": job.text},
            )
            try:
                response: ModelResponse[Any] = yield request
            except ExtractionError as exc:
                salvaged = _salvage(exc.raw_output)
                if salvaged is None:
                    raise  # nothing usable came back: say so rather than report nothing
                proposal.usage = proposal.usage + (exc.usage or Usage())
                proposal.warnings.append(
                    f"model output failed grounding after {exc.attempts} call(s); "
                    f"kept {len(salvaged)} rumour(s) for the finishing checks"
                )
                proposal.drafts.extend(salvaged)
                continue
            proposal.usage = proposal.usage + response.usage
            proposal.drafts.extend(r.to_draft() for r in response.output.rumours)
        return proposal


def _salvage(raw: str) -> list[Draft] | None:
    """Parse output that failed grounding, without the grounding checks.

    Returns:
        The drafts for the finishing layer to check, or None when the output is
        not an extraction at all (broken JSON, wrong shape).
    """
    try:
        parsed = LLMExtraction.model_validate_json(raw)
    except ValueError:
        return None
    return [r.to_draft() for r in parsed.rumours]
