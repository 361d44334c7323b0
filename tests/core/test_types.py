import pytest
from pydantic import ValidationError

from rumourx import Evidence, Fee, RumourReport, Status, TransferRumour, TransferType, Usage


def test_fee_rejects_negative_amounts_and_unknown_currencies() -> None:
    with pytest.raises(ValidationError):
        Fee(amount=-1, currency="GBP")
    with pytest.raises(ValidationError):
        Fee(amount=10, currency="XYZ")
    with pytest.raises(ValidationError):
        Fee(amount=10, currency="GBP", add_ons=-5)


def test_fee_normalises_currency_case() -> None:
    assert Fee(amount=1, currency="eur").currency == "EUR"


def test_enums_reject_values_outside_the_sets() -> None:
    with pytest.raises(ValidationError):
        TransferRumour(player="Sergio Ramos", status="rumoured")  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        TransferRumour(player="Sergio Ramos", transfer_type="sale")  # type: ignore[arg-type]


def test_enum_values_match_the_corpus_format() -> None:
    assert {t.value for t in TransferType} == {
        "permanent",
        "loan",
        "loan_with_option",
        "loan_with_obligation",
        "free",
        "swap",
        "extension",
        "unknown",
    }
    assert {s.value for s in Status} == {
        "linked",
        "talks",
        "bid",
        "bid_rejected",
        "agreed",
        "completed",
        "collapsed",
    }


def test_a_sentence_is_not_a_player_name() -> None:
    with pytest.raises(ValidationError):
        TransferRumour(player="Ramos has already been linked with the likes of Liverpool.")


def test_tiers_must_be_one_to_five() -> None:
    with pytest.raises(ValidationError):
        TransferRumour(player="Sergio Ramos", sources=["X"], source_tiers={"X": 7})


def test_evidence_end_cannot_precede_start() -> None:
    with pytest.raises(ValidationError):
        Evidence(text="x", start=5, end=2)


def test_usage_adds_up() -> None:
    total = Usage(prompt_tokens=3, completion_tokens=4, calls=1) + Usage(prompt_tokens=1, calls=2)
    assert (total.prompt_tokens, total.completion_tokens, total.calls) == (4, 4, 3)
    assert total.total_tokens == 8


def test_report_serialises_to_the_corpus_field_names() -> None:
    report = RumourReport(rumours=[TransferRumour(player="Sergio Ramos", to_club="Juventus")])
    data = report.model_dump(mode="json")
    assert set(data) >= {"rumours", "usage"}
    assert set(data["rumours"][0]) >= {
        "player",
        "from_club",
        "to_club",
        "transfer_type",
        "status",
        "fee",
        "sources",
        "evidence",
    }
