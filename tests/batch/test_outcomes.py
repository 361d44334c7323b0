import json

from rumourx import RumourReport
from rumourx.batch.outcomes import BatchError, BatchOutcome, input_hash

REPORT = RumourReport(strategy="rules")


def test_the_id_comes_first_and_reserved_keys_are_never_overwritten() -> None:
    outcome = BatchOutcome(
        "a",
        report=REPORT,
        extra={"feed": "wire", "error": "user value", "input_sha256": "x"},
        input_hash="h",
    )
    line = outcome.to_json()
    assert line.startswith('{"id": "a", ')
    assert json.loads(line) == {
        "id": "a",
        "input_sha256": "h",
        "feed": "wire",
        "report": REPORT.model_dump(mode="json"),
    }


def test_an_input_without_a_usable_id_gets_a_null_id_and_its_line() -> None:
    outcome = BatchOutcome(None, error=BatchError("InputError", "no id"), line=7, input_hash="h")
    assert json.loads(outcome.to_json()) == {
        "id": None,
        "input_line": 7,
        "input_sha256": "h",
        "error": {"type": "InputError", "message": "no id"},
    }


def test_a_lone_surrogate_in_a_passed_through_key_is_written_and_reads_back() -> None:
    outcome = BatchOutcome("a", report=REPORT, extra={"note": "caf\udc80 \u00e9"})
    line = outcome.to_json()
    line.encode("utf-8")  # writable
    assert json.loads(line)["note"] == "caf\udc80 \u00e9"
    plain = BatchOutcome("b", report=REPORT, extra={"note": "\u00e9"}).to_json()
    assert "\u00e9" in plain, "lines stay readable UTF-8 when they can"


def test_the_input_hash_covers_text_and_publisher_and_any_value() -> None:
    assert input_hash("t") == input_hash("t", None) == input_hash("t", 3)
    assert len({input_hash("t"), input_hash("u"), input_hash("t", "BBC")}) == 3
    assert len(input_hash("\ud800")) == len(input_hash(None)) == 64
