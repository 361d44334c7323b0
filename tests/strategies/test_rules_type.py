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
        "Everton are prepared to offer Lyon midfielder Marek Ostrand, 17, around £80,000 a week"
        " to land his signature.",
        "Everton target Marek Ostrand could price himself out of a January move because the"
        " 21-year-old Lyon striker wants £200,000 a week.",
    ],
)
def test_wages_and_pricing_himself_out_name_no_sale(text: str) -> None:
    assert types(text) == {"unknown"}


def test_a_sum_offered_as_a_fee_is_still_a_sale() -> None:
    assert types("Everton have offered £20m for Lyon striker Marek Ostrand.") == {"permanent"}


@pytest.mark.parametrize(
    "text",
    [
        "AC Milan plan to take up the option to turn 23-year-old England defender Felix"
        " Tomasi's loan from Chelsea into a permanent move.",
        "AC Milan want to make Chelsea defender Felix Tomasi's loan permanent.",
    ],
)
def test_a_loan_made_permanent_is_a_permanent_move(text: str) -> None:
    assert types(text) == {"permanent"}


def test_a_plain_loan_stays_a_loan() -> None:
    assert types("AC Milan want to sign Chelsea defender Felix Tomasi on loan.") == {"loan"}
