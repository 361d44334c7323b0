"""The rumourx data model: what an extraction returns.

Field names and enum values are exactly those of the evaluation corpus format, so a
report's ``rumours`` can be scored as they are.
"""

from __future__ import annotations

from enum import Enum

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from rumourx.core.currencies import ISO_4217
from rumourx.core.dates import normalise_published

__all__ = [
    "Article",
    "Evidence",
    "Fee",
    "RumourReport",
    "Status",
    "TransferRumour",
    "TransferType",
    "Usage",
]


class TransferType(str, Enum):
    """What kind of move it is."""

    PERMANENT = "permanent"
    LOAN = "loan"
    LOAN_WITH_OPTION = "loan_with_option"
    LOAN_WITH_OBLIGATION = "loan_with_obligation"
    FREE = "free"
    SWAP = "swap"
    EXTENSION = "extension"
    UNKNOWN = "unknown"


class Status(str, Enum):
    """How far along the move is.

    The ladder is ``linked < talks < bid < agreed < completed``; ``bid_rejected`` and
    ``collapsed`` end a move.
    """

    LINKED = "linked"
    TALKS = "talks"
    BID = "bid"
    BID_REJECTED = "bid_rejected"
    AGREED = "agreed"
    COMPLETED = "completed"
    COLLAPSED = "collapsed"


class Fee(BaseModel):
    """A transfer fee: the current figure for the move.

    Attributes:
        amount: Base fee in whole units of ``currency`` (36.5m is 36500000).
        currency: ISO-4217 code, upper case (``GBP``, ``EUR``, ``USD``).
        add_ons: Add-ons or bonuses on top of ``amount``, same currency, if any.
        text: The fee as written in the article, when known.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    amount: int | None = Field(default=None, ge=0)
    currency: str | None = None
    add_ons: int | None = Field(default=None, ge=0)
    text: str | None = None

    @field_validator("currency")
    @classmethod
    def _known_currency(cls, value: str | None) -> str | None:
        if value is None:
            return None
        code = value.strip().upper()
        if code not in ISO_4217:
            raise ValueError(f"unknown currency {value!r}: expected an ISO-4217 code like GBP")
        return code


class Evidence(BaseModel):
    """A verbatim passage of the article, with its character offsets.

    For evidence rumourx produced, ``article[start:end] == text`` always holds, where
    ``article`` is exactly the string passed to ``extract()`` (whatever its line
    endings, Unicode normalisation or invisible characters), or, for HTML input, the
    page's visible text in ``RumourReport.text``.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str = Field(min_length=1)
    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> Evidence:
        if self.end < self.start:
            raise ValueError("evidence end must not precede start")
        return self


class TransferRumour(BaseModel):
    """One reported move: one player, one destination.

    Attributes:
        player: Full name as commonly written.
        from_club: Canonical name of the player's current club, or None (free agent or
            unknown).
        to_club: Canonical name of the destination; for an extension, his own club.
            None when the article says he will leave but not where to.
        transfer_type: Kind of move.
        status: How far along it is.
        fee: Current fee, when the article gives one.
        sources: Canonical names of the outlets or people the article attributes the
            claim to (never its own publisher).
        source_tiers: Reliability tier per source, 1 (most reliable) to 5 (least),
            for the sources rumourx knows.
        evidence: Verbatim sentences of the article that support the move.
    """

    model_config = ConfigDict(extra="forbid")

    player: str = Field(min_length=2)
    from_club: str | None = None
    to_club: str | None = None
    transfer_type: TransferType = TransferType.UNKNOWN
    status: Status = Status.LINKED
    fee: Fee | None = None
    sources: list[str] = Field(default_factory=list)
    source_tiers: dict[str, int] = Field(default_factory=dict)
    evidence: list[Evidence] = Field(default_factory=list)

    @field_validator("player")
    @classmethod
    def _player_is_a_name(cls, value: str) -> str:
        value = " ".join(value.split())
        words = value.split()
        if len(words) > 5 or len(value) > 60 or value.endswith((".", "?", "!")):
            raise ValueError(f"player must be a person's name, not a sentence: {value!r}")
        return value

    @field_validator("source_tiers")
    @classmethod
    def _tiers_in_range(cls, value: dict[str, int]) -> dict[str, int]:
        for name, tier in value.items():
            if not 1 <= tier <= 5:
                raise ValueError(f"tier of {name!r} must be 1..5, got {tier}")
        return value


class Usage(BaseModel):
    """Model usage summed over every call of an extraction, retries included."""

    model_config = ConfigDict(extra="forbid")

    prompt_tokens: int = Field(default=0, ge=0)
    completion_tokens: int = Field(default=0, ge=0)
    calls: int = Field(default=0, ge=0)

    @property
    def total_tokens(self) -> int:
        """Prompt plus completion tokens."""
        return self.prompt_tokens + self.completion_tokens

    def __add__(self, other: Usage) -> Usage:
        return Usage(
            prompt_tokens=self.prompt_tokens + other.prompt_tokens,
            completion_tokens=self.completion_tokens + other.completion_tokens,
            calls=self.calls + other.calls,
        )


class RumourReport(BaseModel):
    """Everything rumourx found in one article.

    Attributes:
        rumours: Moves the article reports, one per (player, destination).
        opinion: Moves that appear only in the publisher's own opinion or speculation
            sections (such as "SPORTSLENS VIEW"); they are not reported rumours.
        usage: Model tokens and calls spent.
        warnings: What rumourx dropped or doubted, and why.
        strategy: The strategy that produced the report.
        text: For HTML input only, the page's visible text, which evidence offsets
            index (``report.text[e.start:e.end] == e.text``). None for plain text,
            whose evidence offsets index the input itself.
    """

    model_config = ConfigDict(extra="forbid")

    rumours: list[TransferRumour] = Field(default_factory=list)
    opinion: list[TransferRumour] = Field(default_factory=list)
    usage: Usage = Field(default_factory=Usage)
    warnings: list[str] = Field(default_factory=list)
    strategy: str = "rules"
    text: str | None = None

    def to_html(self, article: str | Article | None = None, *, title: str | None = None) -> str:
        """One self-contained HTML page highlighting each rumour's evidence in the text.

        Args:
            article: The article this report was extracted from (text or
                :class:`Article`); not needed when the report carries the text it read.
            title: Page title; by default the article's title or id.

        Returns:
            The page: every rumour's evidence inside ``<mark data-rumour="N">``, a table
            of the rumours, opinion moves and warnings. It loads nothing from the network
            and runs nothing from the article. See :mod:`rumourx.views.evidence`.
        """
        # The view sits beside core and depends only on it (see the import contracts).
        from rumourx.views.evidence import evidence_page

        return evidence_page(self, article, title=title)


class Article(BaseModel):
    """An article with optional metadata.

    Attributes:
        text: The article text (plain text or HTML).
        id: Your identifier, kept in batch output.
        title: Headline, if known.
        publisher: Who published it; never counted as a source of its own story.
        published: When it was published: an ISO date (``2021-02-01``) or datetime
            (``2021-02-01T09:30:00+01:00``), kept in ISO form. Stories order their
            timelines by it and ``--as-of`` filters on it.
        url: Where it was published.
    """

    model_config = ConfigDict(frozen=True, extra="allow")

    text: str
    id: str | None = None
    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    url: str | None = None

    @field_validator("published", mode="before")
    @classmethod
    def _iso_date(cls, value: object) -> str | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        return normalise_published(value)
