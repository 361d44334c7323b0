"""The wire schema: words mapped to schema values, fees as text, grounding strict or lenient."""

from typing import Any

import pytest
from pydantic import ValidationError

from rumourx import ConfigurationError, Status, TransferType
from rumourx.strategies.wire import LLMExtraction, LLMRumour, compile_answer_words, read_enum

ARTICLE = "Arsenal have made a £30m bid for Lyon midfielder Houssem Aouar, according to Goal."


@pytest.mark.parametrize(
    ("said", "status"),
    [
        ("done deal", Status.COMPLETED),
        ("In negotiations", Status.TALKS),
        ("offer rejected", Status.BID_REJECTED),
        ("deal off", Status.COLLAPSED),
        ("offer submitted", Status.BID),
        ("close to signing", Status.AGREED),
        ("monitoring", Status.LINKED),
        ("bid_rejected", Status.BID_REJECTED),
    ],
)
def test_a_status_in_other_words_is_read_as_the_schema_value(said: str, status: Status) -> None:
    assert LLMRumour(player="X Y", status=said).status is status  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("said", "kind"),
    [
        ("loan with an option to buy", TransferType.LOAN_WITH_OPTION),
        ("Loan-with-obligation", TransferType.LOAN_WITH_OBLIGATION),
        ("pre-contract", TransferType.FREE),
        ("new contract", TransferType.EXTENSION),
        ("outright sale", TransferType.PERMANENT),
        ("not stated", TransferType.UNKNOWN),
    ],
)
def test_a_kind_of_move_in_other_words_is_read_as_the_schema_value(
    said: str, kind: TransferType
) -> None:
    assert LLMRumour(player="X Y", transfer_type=said).transfer_type is kind  # type: ignore[arg-type]


def test_a_word_that_names_no_status_is_an_error_the_model_can_correct() -> None:
    with pytest.raises(ValidationError):
        LLMRumour(player="X Y", status="purple")  # type: ignore[arg-type]
    assert read_enum("status", "purple") == "purple"


def test_an_offer_is_not_read_as_off() -> None:
    assert read_enum("status", "offer on the table") == "bid"


def test_a_fee_written_as_text_is_parsed_with_its_currency_and_add_ons() -> None:
    rumour = LLMRumour.model_validate(
        {"player": "X Y", "fee_amount": "£30m plus £5m in add-ons", "fee_currency": None}
    )
    assert (rumour.fee_amount, rumour.fee_currency, rumour.fee_add_ons) == (30e6, "GBP", 5e6)
    assert (
        LLMRumour.model_validate({"player": "X Y", "fee_amount": "12,500,000"}).fee_amount == 12.5e6
    )


def test_a_nested_fee_and_a_single_source_are_accepted() -> None:
    rumour = LLMRumour.model_validate(
        {"player": "X Y", "fee": {"amount": 1e6, "currency": "EUR"}, "sources": "Goal"}
    )
    draft = rumour.to_draft()
    assert draft.fee is not None and (draft.fee.amount, draft.fee.currency) == (1_000_000, "EUR")
    assert draft.sources == ["Goal"]


def _invented() -> dict[str, Any]:
    return {"rumours": [{"player": "Kylian Mbappe", "to_club": "Real Madrid", "evidence": "x y"}]}


def test_grounding_is_checked_against_the_article_and_names_the_problem() -> None:
    with pytest.raises(ValidationError) as caught:
        LLMExtraction.model_validate(_invented(), context={"article": ARTICLE})
    assert "never names a player called 'Kylian Mbappe'" in str(caught.value)


def test_lenient_grounding_leaves_the_checks_to_the_finishing_layer() -> None:
    parsed = LLMExtraction.model_validate(
        _invented(), context={"article": ARTICLE, "lenient": True}
    )
    assert parsed.rumours[0].player == "Kylian Mbappe"


def test_a_synonym_table_with_an_unknown_value_is_refused_naming_the_file() -> None:
    good = {"status": [["linked", ["interest*"]]], "transfer_type": [["loan", ["loan"]]]}
    assert compile_answer_words(good, "t.json")["status"][0][0] == "linked"
    for bad in (
        {"status": [["maybe", ["x"]]], "transfer_type": []},
        {"status": [["linked", []]], "transfer_type": []},
        {"transfer_type": []},
    ):
        with pytest.raises(ConfigurationError, match=r"t\.json"):
            compile_answer_words(bad, "t.json")
