"""The rules strategy on press wordings, one family of constructions per test.

Every sentence here is written for these tests (invented players, real clubs).
"""

from __future__ import annotations

import pytest

from rumourx import Extractor, Settings

RULES = Extractor(Settings(strategy="rules"))

Move = tuple[str, str | None, str, str]


def moves(text: str) -> set[Move]:
    """(player, from_club, to_club, status) for every rumour the rules report."""
    report = RULES.extract(text)
    return {(r.player, r.from_club, r.to_club, r.status.value) for r in report.rumours}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Brentford have joined the race to sign Porto's Brazilian winger Tomas Ferrandel, 22.",
            {("Tomas Ferrandel", "Porto", "Brentford", "linked")},
        ),
        (
            "Fulham have joined Everton and Burnley in the chase for Lyon striker Marek Ostrand, 24.",
            {
                ("Marek Ostrand", "Lyon", "Fulham", "linked"),
                ("Marek Ostrand", "Lyon", "Everton", "linked"),
                ("Marek Ostrand", "Lyon", "Burnley", "linked"),
            },
        ),
        (
            "Benfica defender Ilario Santeiro has joined Wolves on a four-year deal.",
            {("Ilario Santeiro", "Benfica", "Wolverhampton Wanderers", "completed")},
        ),
    ],
)
def test_a_club_joining_the_race_has_signed_nobody(text: str, expected: set[Move]) -> None:
    assert moves(text) == expected
