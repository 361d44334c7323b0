from datetime import date, datetime, timezone

import pytest
from pydantic import ValidationError

from rumourx import Article
from rumourx.core.dates import normalise_published, parse_published, published_day, published_key


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-02-01", "2021-02-01"),
        (" 2021-02-01 ", "2021-02-01"),
        ("2021-02-01T09:30:00", "2021-02-01T09:30:00"),
        ("2021-02-01 09:30", "2021-02-01T09:30:00"),
        ("2021-02-01T09:30:00Z", "2021-02-01T09:30:00+00:00"),
        ("2021-02-01T09:30:00+01:00", "2021-02-01T09:30:00+01:00"),
        (date(2021, 2, 1), "2021-02-01"),
        (datetime(2021, 2, 1, 9, 30, tzinfo=timezone.utc), "2021-02-01T09:30:00+00:00"),
    ],
)
def test_iso_dates_and_datetimes_are_read_and_normalised(value: object, expected: str) -> None:
    assert normalise_published(value) == expected


@pytest.mark.parametrize(
    "value", ["1 February 2021", "2021-13-01", "01/02/2021", "2021-02-01X", "", 20210201, None]
)
def test_anything_else_is_a_clear_error(value: object) -> None:
    with pytest.raises(ValueError, match="ISO date"):
        parse_published(value)


def test_sort_keys_put_a_date_before_its_times_and_compare_offsets_in_utc() -> None:
    values = [
        "2021-02-01T10:00:00+02:00",
        "2021-02-01",
        "2021-02-01T09:00:00",
        "2021-01-31T23:00:00-05:00",
    ]
    assert sorted(values, key=published_key) == [
        "2021-02-01",  # a date comes before any time of its day
        "2021-01-31T23:00:00-05:00",  # 04:00 UTC on 1 February
        "2021-02-01T10:00:00+02:00",  # 08:00 UTC
        "2021-02-01T09:00:00",  # naive: taken as written
    ]
    assert published_day("2021-01-31T23:00:00-05:00") == date(2021, 1, 31)


def test_an_article_keeps_its_date_and_url_and_refuses_a_bad_date() -> None:
    article = Article(text="x", published="2021-02-01T09:30:00Z", url="https://example.org/a")
    assert (
        article.published == "2021-02-01T09:30:00+00:00" and article.url == "https://example.org/a"
    )
    assert Article(text="x").published is None and Article(text="x", published="").published is None
    with pytest.raises(ValidationError, match="ISO date"):
        Article(text="x", published="1 February 2021")
