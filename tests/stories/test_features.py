"""Story features: status, tiers, counts, time and the transfer windows."""

from __future__ import annotations

import math
from datetime import date

import pytest

from rumourx.core.types import Status
from rumourx.stories import build_stories
from rumourx.stories.features import FEATURES, TransferWindow, facts_of, story_features
from tests.stories.reports import line, rumour


def _features(**kwargs: object) -> dict[str, float]:
    [story] = build_stories(kwargs["rows"])  # type: ignore[arg-type]
    return story_features(facts_of(story))


def test_features_follow_from_the_story() -> None:
    values = _features(
        rows=[
            line(
                "a",
                "2021-05-01",
                rumour(
                    "Tom Harding",
                    "Newcastle United",
                    "Wolverhampton Wanderers",
                    "agreed",
                    sources=("The Times",),
                ),
            ),
            line(
                "b",
                "2021-05-31",
                rumour(
                    "Tom Harding",
                    "Newcastle United",
                    None,
                    "collapsed",
                    sources=("Daily Star",),
                    fee=30_000_000,
                ),
            ),
        ]
    )
    assert list(values) == list(FEATURES)
    assert values["status_collapsed"] == 1.0 and values["status_agreed"] == 0.0
    assert values["reached_agreed"] == 0.0  # agreed once, collapsed since
    assert values["tier_quality"] == 5.0 and values["tier_unknown"] == 0.0  # The Times: tier 1
    assert values["log_outlets"] == pytest.approx(math.log1p(2))
    assert values["log_articles"] == pytest.approx(math.log1p(2))
    assert values["log_days_since_first"] == pytest.approx(math.log1p(30))
    assert values["fee_stated"] == 1.0 and values["contradicted"] == 1.0
    assert values["in_window"] == 0.0  # 31 May: between the windows
    assert values["months_to_deadline"] == pytest.approx(92 / 30)  # to 31 August
    assert values["no_destination"] == 0.0 and values["stays"] == 0.0


def test_inside_a_window_the_distance_is_to_its_close() -> None:
    values = _features(rows=[line("a", "2022-01-21", rumour("Tom Harding", "Newcastle United"))])
    assert values["in_window"] == 1.0
    assert values["months_to_deadline"] == pytest.approx(10 / 30)


def test_after_the_summer_window_the_next_deadline_is_january() -> None:
    values = _features(rows=[line("a", "2021-11-01", rumour("Tom Harding", "Newcastle United"))])
    assert values["in_window"] == 0.0
    assert values["months_to_deadline"] == pytest.approx(
        (date(2022, 1, 31) - date(2021, 11, 1)).days / 30
    )


def test_a_stay_and_an_unknown_tier_are_features_of_their_own() -> None:
    values = _features(
        rows=[
            line(
                "a",
                "2021-06-01",
                rumour("Tom Harding", "Newcastle United", "Newcastle United", "talks"),
            )
        ]
    )
    assert (
        values["stays"] == 1.0 and values["tier_unknown"] == 1.0 and values["tier_quality"] == 0.0
    )
    assert values["status_talks"] == 1.0


def test_undated_stories_get_a_typical_distance_and_no_age() -> None:
    values = _features(rows=[line("a", None, rumour("Tom Harding", "Newcastle United"))])
    assert values["log_days_since_first"] == 0.0 and values["in_window"] == 0.0
    assert 1.0 < values["months_to_deadline"] < 4.0


def test_a_window_must_name_real_days() -> None:
    with pytest.raises(ValueError):
        TransferWindow(name="x", opens="02-30", closes="03-01")
    with pytest.raises(ValueError):
        TransferWindow(name="x", opens="June", closes="03-01")
    assert TransferWindow(name="leap", opens="02-29", closes="03-01").bounds(2021)[0] == date(
        2021, 2, 28
    )


def test_facts_of_reads_a_story_back_from_json() -> None:
    from rumourx.stories import Story

    [story] = build_stories(
        [line("a", "2021-06-01", rumour("Tom Harding", "Newcastle United", status="bid"))]
    )
    again = Story.model_validate_json(story.model_dump_json())
    assert facts_of(again) == facts_of(story)
    assert facts_of(story).status is Status.BID
