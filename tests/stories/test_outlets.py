"""Publishers given as names, web domains or URLs become outlets with tiers."""

from __future__ import annotations

import pytest

from rumourx.stories.outlets import resolve_outlet, resolve_publisher


@pytest.mark.parametrize(
    ("publisher", "url", "expected"),
    [
        ("Sky Sports", None, ("Sky Sports", 2)),
        ("www.skysports.com", None, ("Sky Sports", 2)),
        ("https://www.theguardian.com/football/x", None, ("The Guardian", 1)),
        (None, "https://www.dailymail.co.uk/sport/article-1.html", ("Daily Mail", 3)),
        ("www.footballinsider247.com", None, ("Football Insider", 4)),
        ("twitter.com", "https://twitter.com/FabrizioRomano/status/1", ("Fabrizio Romano", 1)),
        ("twitter.com", "https://twitter.com/somebody/status/1", ("twitter.com/somebody", None)),
        ("www.unheard-of.example", None, ("unheard-of.example", None)),
        ("Harding Weekly", None, ("Harding Weekly", None)),
        (None, None, None),
    ],
)
def test_publishers_resolve_to_outlets(
    publisher: str | None, url: str | None, expected: tuple[str, int | None] | None
) -> None:
    assert resolve_publisher(publisher, url) == expected


def test_cited_sources_use_the_outlet_table() -> None:
    assert resolve_outlet("Athletic") == ("The Athletic", 1)
    assert resolve_outlet("  Some  Blog ") == ("Some Blog", None)
