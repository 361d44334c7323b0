"""The story data model: one transfer rumour followed across articles.

Every model here is a pydantic model whose ``model_dump(mode="json")`` is plain
JSON (strings, numbers, lists, objects), so a story can be written as one JSONL
line, read back with ``Story.model_validate_json`` and drawn by any front end.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from rumourx.core.types import Evidence, Fee, Status, TransferType

__all__ = ["Contradiction", "Factor", "Story", "StoryOutlet", "TimelineEntry"]


class StoryOutlet(BaseModel):
    """An outlet (or journalist) that reported the story.

    Attributes:
        name: Canonical name when rumourx knows the outlet, else the name as given
            (a publisher's web domain, for instance).
        tier: Reliability, 1 (most reliable) to 5 (least); None when unknown.
        articles: How many of the story's articles it is behind.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    tier: int | None = Field(default=None, ge=1, le=5)
    articles: int = Field(default=1, ge=1)


class TimelineEntry(BaseModel):
    """What one article said about the story.

    Attributes:
        id: The article's id (from the batch input).
        published: ISO date or datetime, when the input gave one.
        status: How far along the move was, according to this article.
        sources: Who said it: the outlets the article cites, or its publisher when
            it cites none.
        evidence: The article's sentences about the move, with offsets into the
            article's text.
        player: The player's name as this article wrote it.
        from_club: The selling club this article names, if any.
        to_club: The destination this article names (None when it names none and
            the entry was attached to the player's only story).
        transfer_type: The kind of move this article reports.
        fee: The fee this article states, if any.
        publisher: Who published the article, when the input said.
        url: Where, when the input said.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    published: str | None = None
    status: Status
    sources: list[str] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)
    player: str
    from_club: str | None = None
    to_club: str | None = None
    transfer_type: TransferType = TransferType.UNKNOWN
    fee: Fee | None = None
    publisher: str | None = None
    url: str | None = None


class Contradiction(BaseModel):
    """Two reports of the story that cannot both hold.

    Attributes:
        kind: ``conflict``: different outlets disagree on the same day (one says
            agreed or completed, the other collapsed); ``reversal``: the story
            turned over time (agreed, then collapsed; or collapsed, then agreed).
        earlier: Id of the earlier article.
        later: Id of the later article.
        earlier_status: What the earlier article said.
        later_status: What the later article said.
        description: One readable line.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: Literal["conflict", "reversal"]
    earlier: str
    later: str
    earlier_status: Status
    later_status: Status
    description: str


class Factor(BaseModel):
    """One feature's part in the story's probability.

    Attributes:
        feature: Feature name (as in the coefficients file).
        value: The feature's value for this story, as a readable string.
        effect: Its contribution to the log-odds, against a typical story of the
            training data: positive raises the probability, negative lowers it.
        line: One sentence saying what it is and which way it pushes.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    feature: str
    value: str
    effect: float
    line: str


class Story(BaseModel):
    """A transfer rumour across articles: one player, one destination.

    Attributes:
        player: Full name as most often written.
        to_club: Canonical destination; None when no article names one (a story
            of a player wanted away, with no buyer named).
        from_club: The selling club most articles name, if any.
        status: The latest status (of the latest article).
        timeline: One entry per article, oldest first (articles without a date
            come first, in input order).
        articles: The articles' ids, in timeline order.
        first_reported: The earliest publication date, when any article has one.
        last_reported: The latest publication date, when any article has one.
        outlets: The distinct outlets behind the story, each with its tier.
        best_tier: The most reliable tier among them (1 is best); None if unknown.
        corroboration: How many independent outlets reported it.
        contradictions: Reports that cannot both hold.
        competing: How many other destinations are reported for the same player.
        probability: Estimated probability that the move happens, in [0, 1].
        factors: What drives ``probability``, one entry per feature.
        as_of: The date the story was built as of, when ``--as-of`` was given.
    """

    model_config = ConfigDict(extra="forbid")

    player: str
    to_club: str | None = None
    from_club: str | None = None
    status: Status
    timeline: list[TimelineEntry]
    articles: list[str]
    first_reported: str | None = None
    last_reported: str | None = None
    outlets: list[StoryOutlet] = Field(default_factory=list)
    best_tier: int | None = Field(default=None, ge=1, le=5)
    corroboration: int = Field(default=0, ge=0)
    contradictions: list[Contradiction] = Field(default_factory=list)
    competing: int = Field(default=0, ge=0)
    probability: float = Field(ge=0.0, le=1.0)
    factors: list[Factor] = Field(default_factory=list)
    as_of: str | None = None

    def explain(self) -> str:
        """What raises or lowers this story's probability, one line per feature."""
        head = (
            f"{self.player} to {self.to_club or 'an unnamed club'}: "
            f"probability {self.probability:.2f} ({self.status.value}, "
            f"{self.corroboration} outlet{'s' if self.corroboration != 1 else ''})"
        )
        return "\n".join([head, *(f"  {factor.line}" for factor in self.factors)])
