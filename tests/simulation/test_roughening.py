"""The simulated model's mistakes, one at a time."""

import random

from rumourx.knowledge.fees import parse_fee
from rumourx.simulation.roughening import (
    cut_evidence,
    error_table,
    fee_as_text,
    fee_in_thousands,
    handle,
    misspell,
    paraphrase,
)
from rumourx.text.grounding import align

SENTENCE = "Arsenal have made a £30m bid for Lyon midfielder Houssem Aouar, according to Goal."
ANSWER = {"fee_amount": 30e6, "fee_currency": "GBP", "fee_add_ons": 5e6, "evidence": SENTENCE}


def test_a_fee_as_text_reads_back_to_the_same_figures() -> None:
    text = fee_as_text(ANSWER)["fee_amount"]
    fee = parse_fee(text)
    assert text == "£30m plus £5m in add-ons"
    assert fee is not None and (fee.amount, fee.currency, fee.add_ons) == (30e6, "GBP", 5e6)


def test_a_fee_in_thousands() -> None:
    assert fee_in_thousands(ANSWER)["fee_amount"] == 30_000


def test_cut_evidence_is_a_prefix_and_paraphrase_no_longer_aligns() -> None:
    cut = cut_evidence(ANSWER, random.Random(1))["evidence"]
    assert SENTENCE.startswith(cut) and len(cut) < len(SENTENCE)
    reworded = paraphrase(ANSWER, random.Random(1))["evidence"]
    assert align(reworded, SENTENCE + " Other news followed.") is None


def test_sources_misspelt_or_as_handles() -> None:
    assert handle("Sky Sports") == "@SkySports"
    slip = misspell("Sky Sports", random.Random(3))
    assert slip != "Sky Sports" and sorted(slip) == sorted("Sky Sports")


def test_the_error_table_ships_and_is_valid() -> None:
    table = error_table()
    assert "the Gunners" in table.nicknames["Arsenal"]
    assert table.status["completed"] and "Lionel Messi" in table.famous_players
