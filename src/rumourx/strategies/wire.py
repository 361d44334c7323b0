"""The wire schema: what a model fills in when it reads an article.

Field types are forgiving where the meaning is provable and strict where it is not:

- ``status`` and ``transfer_type`` accept the words models use ("done deal",
  "in negotiations", "loan with option to buy"), mapped to the schema's values by
  the shipped table ``answer_words.json``; a word the table cannot place is an error.
- ``fee_amount`` accepts a number or the fee as written ("£40m", "€12.5 million plus
  €3m in add-ons"), which the fee parser reads; ``sources`` accepts one name.

With the article as validation context (``{"article": text}``) the validators also
check that every player and club named occurs in the article and that the evidence
is a passage of it; instructor sends a failure back to the model as a re-ask. With
``{"article": text, "lenient": True}`` those grounding checks are left to the
finishing layer, which drops what it cannot ground, with a warning, and costs no
extra call.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from rumourx.core.currencies import currency_or_none
from rumourx.core.errors import ConfigurationError
from rumourx.core.types import Fee, Status, TransferType
from rumourx.knowledge.clubs import club_index
from rumourx.knowledge.fees import parse_fee
from rumourx.knowledge.folding import fold
from rumourx.strategies.drafts import Draft
from rumourx.strategies.finishing import article_words, player_in_article
from rumourx.text.grounding import align

__all__ = ["LLMExtraction", "LLMRumour", "answer_words", "compile_answer_words", "read_enum"]

_NUMBER = re.compile(r"^\s*\d+(?:\.\d+)?\s*$")
_ENUMS: dict[str, type[Status] | type[TransferType]] = {
    "status": Status,
    "transfer_type": TransferType,
}


def compile_answer_words(raw: Any, name: str) -> dict[str, list[tuple[str, re.Pattern[str]]]]:
    """Validate and compile a synonym table (see ``answer_words.json``).

    Raises:
        ConfigurationError: A section is missing, or an entry is malformed or names
            a value the schema does not have; the message names ``name``.
    """
    table: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    for field_name, enum in _ENUMS.items():
        entries = raw.get(field_name) if isinstance(raw, dict) else None
        if not isinstance(entries, list):
            raise ConfigurationError(f"{name}: section {field_name!r} is missing")
        valid = {member.value for member in enum}
        table[field_name] = []
        for entry in entries:
            if (
                not isinstance(entry, list)
                or len(entry) != 2
                or entry[0] not in valid
                or not isinstance(entry[1], list)
                or not entry[1]
                or not all(isinstance(p, str) and p.strip(" *") for p in entry[1])
            ):
                raise ConfigurationError(f"{name}: bad {field_name} entry {entry!r}")
            parts = [
                re.escape(p[:-1]) + r"\w*" if p.endswith("*") else re.escape(p) + r"\b"
                for p in entry[1]
            ]
            table[field_name].append((entry[0], re.compile(r"\b(?:" + "|".join(parts) + ")")))
    return table


@lru_cache(maxsize=1)
def answer_words() -> dict[str, list[tuple[str, re.Pattern[str]]]]:
    """The shipped synonym table, validated: field to ordered (value, pattern) pairs.

    Raises:
        ConfigurationError: The table is missing or malformed.
    """
    name = "answer_words.json"
    try:
        raw = json.loads(resources.files("rumourx.strategies").joinpath(name).read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigurationError(f"{name}: cannot read the synonym table: {exc}") from exc
    return compile_answer_words(raw, name)


def read_enum(field_name: str, value: Any) -> Any:
    """The schema value a model's word stands for; anything unplaceable is returned as is."""
    if not isinstance(value, str):
        return value
    words = " ".join(fold(value).replace("_", " ").replace("-", " ").split())
    exact = words.replace(" ", "_")
    if exact in {member.value for member in _ENUMS[field_name]}:
        return exact
    for schema_value, pattern in answer_words()[field_name]:
        if pattern.search(words):
            return schema_value
    return value


def _article(info: ValidationInfo) -> str | None:
    """The article to ground against, unless grounding is left to the finishing layer."""
    context = info.context
    if isinstance(context, dict) and not context.get("lenient"):
        article = context.get("article")
        return article if isinstance(article, str) else None
    return None


def _fee_fields(data: dict[str, Any]) -> dict[str, Any]:
    """Read a fee given as text, or as a nested object, into the flat fee fields."""
    nested = data.get("fee")
    if isinstance(nested, dict) and data.get("fee_amount") is None:
        data["fee_amount"] = nested.get("amount")
        data.setdefault("fee_currency", nested.get("currency"))
        data.setdefault("fee_add_ons", nested.get("add_ons"))
    elif isinstance(nested, str) and data.get("fee_amount") is None:
        data["fee_amount"] = nested
    for key in ("fee_amount", "fee_add_ons"):
        value = data.get(key)
        if not isinstance(value, str):
            continue
        if not value.strip() or _NUMBER.match(value.replace(",", "")):
            data[key] = value.replace(",", "").strip() or None
            continue
        fee = parse_fee(value)
        if fee is None:
            continue  # left for the type check to reject, and the model to correct
        data[key] = fee.amount
        if key == "fee_amount":
            if not data.get("fee_currency") and fee.currency:
                data["fee_currency"] = fee.currency
            if data.get("fee_add_ons") is None and fee.add_ons:
                data["fee_add_ons"] = fee.add_ons
    return data


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

    @model_validator(mode="before")
    @classmethod
    def _readable_words(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        data = dict(data)
        for key in _ENUMS:
            if key in data:
                data[key] = read_enum(key, data[key])
                if data[key] is None:
                    del data[key]
        if isinstance(data.get("sources"), str):
            data["sources"] = [data["sources"]] if data["sources"].strip() else []
        if data.get("sources") is None:
            data["sources"] = []
        if data.get("evidence") is None:
            data["evidence"] = ""
        return _fee_fields(data)

    @field_validator("player")
    @classmethod
    def _player_in_article(cls, value: str, info: ValidationInfo) -> str:
        article = _article(info)
        name = " ".join(value.split())
        if len(name.split()) > 5 or len(name) > 60:
            raise ValueError("player must be a person's name, not a sentence")
        if article is not None and not player_in_article(name, article_words(article)):
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
