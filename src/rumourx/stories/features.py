"""The probability's features, computed from a story alone (never from labels).

Every feature is a number; :data:`FEATURES` fixes their names and order, and the
coefficients file must list exactly these. Time features are measured at the
story's latest report: a story is judged as of its latest news, which is also
how the labelled items are scored (each as of its own day, when it is the
story's latest report).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources

from pydantic import BaseModel, ConfigDict, Field, field_validator

from rumourx.core.dates import published_day
from rumourx.core.types import Status
from rumourx.stories.model import Story

__all__ = [
    "FEATURES",
    "FEATURE_GROUPS",
    "StoryFacts",
    "TransferWindow",
    "facts_of",
    "story_features",
    "transfer_windows",
]

#: Feature names, in the order of the coefficients file.
FEATURES: tuple[str, ...] = (
    "status_talks",
    "status_bid",
    "status_bid_rejected",
    "status_agreed",
    "status_completed",
    "status_collapsed",
    "reached_agreed",
    "tier_quality",
    "tier_unknown",
    "log_outlets",
    "log_articles",
    "log_competing",
    "log_days_since_first",
    "in_window",
    "months_to_deadline",
    "fee_stated",
    "contradicted",
    "no_destination",
    "stays",
)

#: The features by what they say, one explanation line each (``Story.explain``).
FEATURE_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("status", (*(f for f in FEATURES if f.startswith("status_")), "reached_agreed")),
    ("tier", ("tier_quality", "tier_unknown")),
    ("corroboration", ("log_outlets",)),
    ("articles", ("log_articles",)),
    ("competing destinations", ("log_competing",)),
    ("time since first report", ("log_days_since_first",)),
    ("transfer window", ("in_window", "months_to_deadline")),
    ("fee", ("fee_stated",)),
    ("contradictions", ("contradicted",)),
    ("destination", ("no_destination", "stays")),
)


class TransferWindow(BaseModel):
    """A registration window as month-day bounds, both days included."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    opens: str = Field(pattern=r"^\d\d-\d\d$")
    closes: str = Field(pattern=r"^\d\d-\d\d$")

    @field_validator("opens", "closes")
    @classmethod
    def _real_day(cls, value: str) -> str:
        date.fromisoformat(f"2000-{value}")  # a leap year: 02-29 is allowed
        return value

    def bounds(self, year: int) -> tuple[date, date]:
        """Opening and closing day in ``year``."""
        return _day(year, self.opens), _day(year, self.closes)


def _day(year: int, month_day: str) -> date:
    month, day = (int(part) for part in month_day.split("-"))
    if (month, day) == (2, 29) and not (year % 4 == 0 and (year % 100 or year % 400 == 0)):
        day = 28
    return date(year, month, day)


class _WindowFile(BaseModel):
    model_config = ConfigDict(extra="ignore")

    windows: list[TransferWindow] = Field(min_length=1)


@lru_cache(maxsize=1)
def transfer_windows() -> tuple[TransferWindow, ...]:
    """The shipped windows (``transfer_windows.json``), validated.

    Raises:
        ValueError: The file is malformed, or a window closes before it opens.
    """
    text = resources.files("rumourx.stories.data").joinpath("transfer_windows.json")
    windows = _WindowFile.model_validate(json.loads(text.read_text("utf-8"))).windows
    for window in windows:
        opens, closes = window.bounds(2000)
        if closes < opens:
            raise ValueError(f"transfer window {window.name!r} closes before it opens")
    return tuple(windows)


@lru_cache(maxsize=4096)
def _window_position(day: date, windows: tuple[TransferWindow, ...]) -> tuple[bool, int]:
    """(inside a window, days to the close of the current or next window)."""
    best: int | None = None
    inside = False
    for year in (day.year, day.year + 1):
        for window in windows:
            opens, closes = window.bounds(year)
            if closes < day:
                continue
            if opens <= day:
                inside = True
            gap = (closes - day).days
            best = gap if best is None else min(best, gap)
    assert best is not None
    return inside, best


@dataclass(frozen=True)
class StoryFacts:
    """What the features are computed from: the story and its surroundings."""

    status: Status
    statuses: frozenset[Status]
    best_tier: int | None
    corroboration: int
    articles: int
    competing: int
    first_day: date | None
    reference_day: date | None
    fee_stated: bool
    contradicted: bool
    has_destination: bool
    stays: bool


def facts_of(story: Story) -> StoryFacts:
    """The facts of a built story; time is measured at its latest report."""
    reference_day = published_day(story.last_reported) if story.last_reported else None
    timeline = story.timeline
    return StoryFacts(
        status=story.status,
        statuses=frozenset(entry.status for entry in timeline),
        best_tier=story.best_tier,
        corroboration=story.corroboration,
        articles=len(timeline),
        competing=story.competing,
        first_day=published_day(story.first_reported) if story.first_reported else None,
        reference_day=reference_day,
        fee_stated=any(entry.fee is not None and entry.fee.amount for entry in timeline),
        contradicted=bool(story.contradictions),
        has_destination=story.to_club is not None,
        stays=story.to_club is not None and story.to_club == story.from_club,
    )


def story_features(
    facts: StoryFacts, windows: tuple[TransferWindow, ...] | None = None
) -> dict[str, float]:
    """The feature values of one story, named as in :data:`FEATURES`."""
    windows = windows if windows is not None else transfer_windows()
    values = {name: 0.0 for name in FEATURES}
    if facts.status is not Status.LINKED:
        values[f"status_{facts.status.value}"] = 1.0
    # An agreement reported at some point, unless the story has since collapsed.
    agreed = bool(facts.statuses & {Status.AGREED, Status.COMPLETED})
    values["reached_agreed"] = float(agreed and facts.status is not Status.COLLAPSED)
    if facts.best_tier is None:
        values["tier_unknown"] = 1.0
    else:
        values["tier_quality"] = float(6 - facts.best_tier)
    values["log_outlets"] = math.log1p(facts.corroboration)
    values["log_articles"] = math.log1p(facts.articles)
    values["log_competing"] = math.log1p(facts.competing)
    if facts.first_day is not None and facts.reference_day is not None:
        days = max((facts.reference_day - facts.first_day).days, 0)
        values["log_days_since_first"] = math.log1p(days)
    if facts.reference_day is not None:
        inside, days_to_close = _window_position(facts.reference_day, windows)
        values["in_window"] = float(inside)
        values["months_to_deadline"] = days_to_close / 30.0
    else:  # no dates at all: a typical distance, so time says nothing either way
        values["months_to_deadline"] = _typical_months(windows)
    values["fee_stated"] = float(facts.fee_stated)
    values["contradicted"] = float(facts.contradicted)
    values["no_destination"] = float(not facts.has_destination)
    values["stays"] = float(facts.stays)
    return values


@lru_cache(maxsize=8)
def _typical_months(windows: tuple[TransferWindow, ...]) -> float:
    start = date(2021, 1, 1)
    gaps = [_window_position(start + timedelta(days=d), windows)[1] for d in range(365)]
    return sum(gaps) / len(gaps) / 30.0
