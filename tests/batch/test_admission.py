from typing import Any

import pytest

from rumourx import Article
from rumourx.batch.admission import Admitted, InvalidItem, admit, normalise_id
from rumourx.batch.outcomes import BatchOutcome, input_hash

TEXT = "Arsenal agreed a £30m fee with Lyon for Houssem Aouar."


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("a", ("a", "")),
        (42, ("42", "")),
        (-3, ("-3", "")),
        (10**30, (str(10**30), "")),
        (1.5, (None, "id must be a string or integer, not the number 1.5")),
        (1.0, (None, "id must be a string or integer, not the number 1.0")),
        (True, (None, "id must be a string or integer, not true")),
        ({"k": 1}, (None, "id must be a string or integer, not an object")),
        ([1], (None, "id must be a string or integer, not an array")),
        ("", (None, "id must not be empty")),
    ],
)
def test_ids_are_strings_and_what_is_refused_says_why(value: object, expected: object) -> None:
    assert normalise_id(value) == expected


def test_an_id_that_is_not_valid_unicode_is_refused() -> None:
    article_id, problem = normalise_id("a\ud800")
    assert article_id is None and "lone surrogate (U+D800) at character 1" in problem


def _error(outcome: Admitted | BatchOutcome) -> tuple[str | None, str, str]:
    assert isinstance(outcome, BatchOutcome) and outcome.error is not None
    return outcome.id, outcome.error.type, outcome.error.message


def test_42_and_the_string_42_are_one_id_and_the_repeat_says_so() -> None:
    seen: set[str] = set()
    first = admit({"id": 42, "text": TEXT}, 1, seen)
    assert isinstance(first, Admitted) and first.id == "42"
    assert _error(admit({"id": "42", "text": TEXT}, 2, seen)) == (
        "42",
        "DuplicateIdError",
        'this id came earlier in the input (ids are compared as strings: 42 and "42" are the same id)',
    )
    assert _error(admit({"id": "x", "text": TEXT}, 3, {"x"}))[2] == (
        "this id came earlier in the input"
    )


@pytest.mark.parametrize("key", ["report", "error", "input_sha256", "input_line"])
def test_a_reserved_input_key_is_an_error_for_that_line(key: str) -> None:
    outcome = admit({"id": "a", "text": TEXT, key: "mine", "feed": "x"}, 1, set())
    assert _error(outcome) == (
        "a",
        "InputError",
        f"input key {key!r} is reserved for rumourx's output: rename it",
    )
    assert isinstance(outcome, BatchOutcome) and outcome.extra == {"feed": "x"}


def test_a_text_with_a_lone_surrogate_is_an_error_for_that_article_alone() -> None:
    outcome = admit({"id": "a", "text": "Arsenal \ud800 signed Aouar."}, 1, set())
    assert _error(outcome) == (
        "a",
        "InputError",
        "input 'text' holds a lone surrogate (U+D800) at character 8: it is not valid Unicode",
    )
    assert isinstance(outcome, BatchOutcome) and outcome.input_hash is not None


@pytest.mark.parametrize(
    ("item", "line", "message"),
    [
        ({"text": TEXT}, 4, "input has no 'id'"),
        ({"id": 2.5, "text": TEXT}, 4, "id must be a string or integer, not the number 2.5"),
        (InvalidItem(9, "line 9 is not JSON", "h"), 9, "line 9 is not JSON"),
        (3.14, 4, "cannot read an input of type float as an article"),
    ],
)
def test_inputs_without_a_usable_id_get_a_null_id_and_their_place(
    item: Any, line: int, message: str
) -> None:
    outcome = admit(item, 4, set())
    assert isinstance(outcome, BatchOutcome)
    assert (outcome.id, outcome.line, outcome.error and outcome.error.message) == (
        None,
        line,
        message,
    )


def test_articles_tuples_and_mappings_record_the_same_hash() -> None:
    expected = input_hash(TEXT, "Sky Sports")
    for item in (
        {"id": "a", "text": TEXT, "publisher": "Sky Sports"},
        Article(id="a", text=TEXT, publisher="Sky Sports"),
    ):
        admitted = admit(item, 1, set())
        assert isinstance(admitted, Admitted) and admitted.input_hash == expected
    pair = admit(("a", TEXT), 1, set())
    assert isinstance(pair, Admitted) and pair.input_hash == input_hash(TEXT)
    anonymous = admit(Article(text=TEXT), 5, set())
    assert isinstance(anonymous, Admitted) and (anonymous.id, anonymous.line) == (None, 5)
