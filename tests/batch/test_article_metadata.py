"""Dates, publishers and URLs on the way into a batch and out on its lines."""

from __future__ import annotations

import json

from rumourx import Article, extract_many

TEXT = "Arsenal have agreed a £30m fee with Lyon for Houssem Aouar, the Athletic reports."


def test_published_publisher_and_url_reach_the_article_and_the_output_line() -> None:
    [outcome] = extract_many(
        [
            {
                "id": "a",
                "text": TEXT,
                "published": "2021-06-20T08:00:00Z",
                "publisher": "Sky Sports",
                "url": "https://example.org/a",
                "feed": "wire",
            }
        ]
    )
    assert outcome.ok
    line = json.loads(outcome.to_json())
    assert line["published"] == "2021-06-20T08:00:00+00:00"  # normalised to ISO
    assert (line["publisher"], line["url"], line["feed"]) == (
        "Sky Sports",
        "https://example.org/a",
        "wire",
    )


def test_an_unreadable_date_is_an_error_for_that_line_only() -> None:
    outcomes = {
        o.id: o
        for o in extract_many(
            [
                {"id": "bad", "text": TEXT, "published": "20 June 2021"},
                {"id": "number", "text": TEXT, "published": 20210620},
                {"id": "none", "text": TEXT, "published": None},
                {"id": "good", "text": TEXT, "published": "2021-06-20"},
                {"id": "undated", "text": TEXT},
            ]
        )
    }
    assert outcomes["bad"].error is not None and outcomes["bad"].error.type == "InputError"
    assert "'20 June 2021' is not an ISO date" in outcomes["bad"].error.message
    assert outcomes["number"].error is not None and "ISO date" in outcomes["number"].error.message
    assert json.loads(outcomes["bad"].to_json())["published"] == "20 June 2021"  # kept as given
    assert all(outcomes[i].ok for i in ("none", "good", "undated"))


def test_article_inputs_keep_their_metadata_on_the_output_line() -> None:
    [outcome] = extract_many(
        [Article(id="a", text=TEXT, published="2021-06-20", url="https://example.org/a")]
    )
    line = json.loads(outcome.to_json())
    assert (line["published"], line["url"]) == ("2021-06-20", "https://example.org/a")
    assert "publisher" not in line
