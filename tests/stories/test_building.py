"""Stories as a whole: outlets and corroboration, order, JSON, explanations, API parity."""

from __future__ import annotations

import json
import math
from pathlib import Path

from rumourx import extract_many
from rumourx.batch.output import BatchOutput
from rumourx.stories import Story, build_stories, iter_stories
from rumourx.stories.features import FEATURES, facts_of, story_features
from rumourx.stories.probability import ProbabilityModel, load_probability_model
from tests.stories.reports import line, rumour, write


def test_outlets_are_the_cited_sources_or_else_the_publisher() -> None:
    [story] = build_stories(
        [
            line("a", "2021-06-01", rumour("Tom Harding", "Newcastle United", sources=("Sky",))),
            line(
                "b",
                "2021-06-02",
                rumour("Tom Harding", "Newcastle United"),
                publisher="www.dailymail.co.uk",
            ),
            line(
                "c",
                "2021-06-03",
                rumour("Tom Harding", "Newcastle United", sources=("Sky Sports",)),
                publisher="The Sun",
            ),
            line(
                "d",
                "2021-06-04",
                rumour("Tom Harding", "Newcastle United"),
                url="https://twitter.com/FabrizioRomano/status/1",
            ),
            line(
                "e",
                "2021-06-05",
                rumour("Tom Harding", "Newcastle United"),
                publisher="Harding Weekly",
            ),
            line("f", "2021-06-06", rumour("Tom Harding", "Newcastle United")),
        ]
    )
    assert [(o.name, o.tier, o.articles) for o in story.outlets] == [
        ("Fabrizio Romano", 1, 1),
        ("Sky Sports", 2, 2),
        ("Daily Mail", 3, 1),
        ("Harding Weekly", None, 1),
    ]
    assert story.corroboration == 4 and story.best_tier == 1
    assert story.timeline[-1].sources == []  # no source, no publisher: nobody to count


def _model(**weights: float) -> ProbabilityModel:
    return ProbabilityModel(
        format=1,
        provisional=True,
        description="test weights",
        intercept=-1.0,
        features={
            name: {"coefficient": weights.get(name, 0.0), "mean": 0.0, "scale": 1.0}
            for name in FEATURES
        },
        no_story_probability=0.2,
    )


def test_stories_come_most_probable_first_then_most_recent() -> None:
    stories = build_stories(
        [
            line("b", "2021-06-01", rumour("Ben Cole", "Leeds United")),
            line("c", "2021-06-09", rumour("Sam Reid", "Leeds United")),
            line("a", "2021-06-01", rumour("Tom Harding", "Newcastle United", status="completed")),
        ],
        model=_model(status_completed=3.0),
    )
    assert [s.player for s in stories] == ["Tom Harding", "Sam Reid", "Ben Cole"]
    assert stories[0].probability == round(1 / (1 + math.exp(-2.0)), 4)
    assert stories[1].probability == stories[2].probability == round(1 / (1 + math.exp(1.0)), 4)


def test_iter_stories_gives_the_same_stories_as_build_stories(tmp_path: Path) -> None:
    rows = [
        line("a", "2021-06-01", rumour("Tom Harding", "Newcastle United", status="bid")),
        line("b", "2021-06-03", rumour("Harding", "Newcastle United", status="agreed")),
        line("c", "2021-06-02", rumour("Ben Cole", "Leeds United")),
    ]
    path = write(tmp_path / "reports.jsonl", rows)
    assert list(iter_stories(path)) == build_stories(rows) == build_stories(str(path))


def test_a_story_is_plain_json_and_reads_back() -> None:
    [story] = build_stories(
        [
            line(
                "a",
                "2021-06-01",
                rumour("Tom Harding", "Newcastle United", status="agreed", fee=30_000_000),
            )
        ]
    )
    data = json.loads(story.model_dump_json())
    assert set(data) >= {
        "player",
        "to_club",
        "from_club",
        "status",
        "timeline",
        "articles",
        "first_reported",
        "last_reported",
        "outlets",
        "best_tier",
        "corroboration",
        "contradictions",
        "probability",
    }
    assert set(data["timeline"][0]) >= {"id", "published", "status", "sources", "evidence"}
    assert Story.model_validate_json(story.model_dump_json()) == story
    assert 0.0 <= story.probability <= 1.0


def test_the_probability_follows_from_the_story_and_explain_has_a_line_per_feature() -> None:
    [story] = build_stories(
        [
            line(
                "a",
                "2021-06-01",
                rumour("Tom Harding", "Newcastle United", status="talks", sources=("Sky Sports",)),
            ),
            line(
                "b",
                "2021-06-20",
                rumour("Tom Harding", "Newcastle United", status="agreed", sources=("The Times",)),
            ),
        ]
    )
    model = load_probability_model()
    assert round(model.probability(story_features(facts_of(story))), 4) == story.probability
    lines = story.explain().splitlines()
    assert lines[0].startswith("Tom Harding to Newcastle United: probability")
    assert len(lines) == 1 + len(story.factors) == 11
    features = {factor.feature for factor in story.factors}
    assert {
        "status",
        "tier",
        "corroboration",
        "competing destinations",
        "fee",
        "contradictions",
        "time since first report",
        "transfer window",
    } <= features
    assert any("latest status agreed" in line for line in lines)
    assert any("2 independent outlets" in line for line in lines)
    assert any("first reported 19 days before the latest report" in line for line in lines)
    assert all(("raises" in x) or ("lowers" in x) or ("hardly moves" in x) for x in lines[1:])


ARTICLES = [
    {
        "id": "t1",
        "published": "2021-06-01",
        "publisher": "Daily Mail",
        "text": "Chelsea are interested in Lyon midfielder Houssem Aouar. (Sun)",
    },
    {
        "id": "t2",
        "published": "2021-06-03",
        "text": "Lyon midfielder Aouar, 23, is a target for Arsenal. (Mail)",
    },
    {
        "id": "t3",
        "published": "2021-06-20",
        "text": "Arsenal have agreed a £30m fee with Lyon for Houssem Aouar, the Athletic reports.",
    },
    {
        "id": "t4",
        "published": "2021-06-28",
        "text": "Arsenal's move for Lyon midfielder Houssem Aouar has collapsed, according to the Telegraph.",
    },
    {
        "id": "t5",
        "published": "2021-06-29",
        "text": "Manchester United won 2-0 at home on Saturday.",
    },
]


def test_build_stories_reads_extract_many_outcomes_as_it_reads_the_batch_file(
    tmp_path: Path,
) -> None:
    outcomes = list(extract_many(ARTICLES))
    path = tmp_path / "reports.jsonl"
    writer = BatchOutput.open(path)
    for outcome in outcomes:
        writer.write(outcome)
    writer.close()
    from_outcomes = build_stories(iter(outcomes))
    assert from_outcomes == build_stories(path)
    stories = {(s.player, s.to_club): s for s in from_outcomes}
    arsenal = stories[("Houssem Aouar", "Arsenal")]
    assert arsenal.articles == ["t2", "t3", "t4"]
    assert arsenal.status.value == "collapsed" and arsenal.contradictions
    assert stories[("Houssem Aouar", "Chelsea")].articles == ["t1"]
    [earlier] = [
        s for s in build_stories(iter(outcomes), as_of="2021-06-20") if s.to_club == "Arsenal"
    ]
    assert earlier.status.value == "agreed" and earlier.articles == ["t2", "t3"]


def test_a_builder_fed_day_by_day_gives_what_as_of_gives() -> None:
    from rumourx.stories.building import StoryBuilder
    from rumourx.stories.reports import ReadSummary, iter_records

    rows = [
        line(
            "a",
            "2021-06-01",
            rumour("Tom Harding", "Newcastle United", "Wolverhampton Wanderers", "talks"),
        ),
        line("b", "2021-06-01", rumour("Ben Cole", "Leeds United")),
        line("c", "2021-06-02", rumour("Harding", "Newcastle United", None, "bid")),
        line("d", "2021-06-03", rumour("Ben Cole", None, "Burnley")),
        line("e", "2021-06-03", rumour("Ben Cole", "Everton")),
    ]
    records = list(iter_records(rows, ReadSummary()))
    with StoryBuilder() as builder:
        for day in ("2021-06-01", "2021-06-02", "2021-06-03"):
            builder.mark()
            for record in records:
                if record.published == day:
                    builder.add(record)
            changed = builder.stories(changed_only=True)
            expected = [
                s.model_copy(update={"as_of": None})
                for s in build_stories(rows, as_of=day)
                if any(e.published == day for e in s.timeline)
            ]
            assert changed == expected


def test_the_package_example_runs_as_written() -> None:
    import doctest

    import rumourx.stories

    result = doctest.testmod(rumourx.stories, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0 and result.failed == 0
