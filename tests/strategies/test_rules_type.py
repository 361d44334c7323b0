"""The rules strategy's transfer type, one family of press wordings per test.

Every sentence here is written for these tests (invented players, real clubs).
"""

from __future__ import annotations

import pytest

from rumourx import Extractor, Settings

RULES = Extractor(Settings(strategy="rules"))


def types(text: str) -> set[str]:
    return {r.transfer_type.value for r in RULES.extract(text).rumours}


@pytest.mark.parametrize(
    "text",
    [
        "Everton are prepared to offer Lyon midfielder Marek Ostrand, 17, about £75,000 a week"
        " to secure him.",
        "Everton target Marek Ostrand may price himself out of a summer switch as the"
        " 21-year-old Lyon striker is after £180,000 a week.",
    ],
)
def test_wages_and_pricing_himself_out_name_no_sale(text: str) -> None:
    assert types(text) == {"unknown"}


def test_a_sum_offered_as_a_fee_is_still_a_sale() -> None:
    assert types("Everton have offered £20m for Lyon striker Marek Ostrand.") == {"permanent"}


@pytest.mark.parametrize(
    "text",
    [
        "AC Milan are keen to turn Chelsea defender Felix Tomasi's loan into a permanent deal"
        " at the end of the season.",
        "AC Milan want to make Chelsea defender Felix Tomasi's loan permanent.",
    ],
)
def test_a_loan_made_permanent_is_a_permanent_move(text: str) -> None:
    assert types(text) == {"permanent"}


def test_a_plain_loan_stays_a_loan() -> None:
    assert types("AC Milan want to sign Chelsea defender Felix Tomasi on loan.") == {"loan"}
