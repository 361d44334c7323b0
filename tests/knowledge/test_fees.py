import pytest
from hypothesis import given
from hypothesis import strategies as st

from rumourx import parse_fee
from rumourx.knowledge.fees import find_money


@pytest.mark.parametrize(
    ("text", "amount", "currency", "add_ons"),
    [
        ("£36.5m plus £9m in add-ons", 36_500_000, "GBP", 9_000_000),
        ("€12.5m", 12_500_000, "EUR", None),
        ("23m euros (£20m)", 23_000_000, "EUR", None),
        ("a £5million loan fee", 5_000_000, "GBP", None),
        ("could rise to £8m with bonuses", 8_000_000, "GBP", None),
        (
            "raise their dismissed £32million offer to £36.5m with a further £9m in bonuses",
            36_500_000,
            "GBP",
            9_000_000,
        ),
        ("a £20m fee that could rise to £25m with bonuses", 20_000_000, "GBP", 5_000_000),
        ("£19m plus £6m in add ons", 19_000_000, "GBP", 6_000_000),
        ("a $10 million bid", 10_000_000, "USD", None),
        ("50 millones de euros", 50_000_000, "EUR", None),
        ("50 milioni di euro più 10 di bonus", 50_000_000, "EUR", 10_000_000),
        ("40 Millionen Euro plus 5 Millionen Euro an Bonuszahlungen", 40_000_000, "EUR", 5_000_000),
        ("12 millions d'euros", 12_000_000, "EUR", None),
        ("50 milhões de euros", 50_000_000, "EUR", None),
        ("£1,500,000", 1_500_000, "GBP", None),
    ],
)
def test_fees_parse_into_amount_currency_and_add_ons(
    text: str, amount: int, currency: str, add_ons: int | None
) -> None:
    fee = parse_fee(text)
    assert fee is not None
    assert (fee.amount, fee.currency, fee.add_ons) == (amount, currency, add_ons)
    assert fee.text and fee.text in text


def test_a_base_plus_unpriced_add_ons_takes_the_headline_total() -> None:
    fee = parse_fee("£20m plus add-ons", total_hint=27_000_000)
    assert fee is not None and (fee.amount, fee.add_ons) == (20_000_000, 7_000_000)


@pytest.mark.parametrize("text", ["no money here", "he scored 33 goals in 2019", "aged 22"])
def test_text_without_money_has_no_fee(text: str) -> None:
    assert parse_fee(text) is None


@given(st.text(max_size=200))
def test_the_fee_parser_never_crashes_and_amounts_are_never_negative(text: str) -> None:
    fee = parse_fee(text)
    if fee is not None:
        assert fee.amount is None or fee.amount >= 0
    for money in find_money(text):
        assert 0 <= money.start < money.end <= len(text)
        assert text[money.start : money.end] == money.text


@given(st.decimals(min_value="0.1", max_value="999", places=1), st.sampled_from(["£", "€", "$"]))
def test_symbol_amounts_scale_by_million(value: object, symbol: str) -> None:
    fee = parse_fee(f"a {symbol}{value}m bid")
    assert fee is not None
    assert fee.amount == round(float(str(value)) * 1_000_000)
