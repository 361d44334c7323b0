import pytest
from hypothesis import given
from hypothesis import strategies as st

from rumourx.text.sentences import split_sentences


def test_sentences_keep_exact_offsets() -> None:
    text = "Arsenal bid £36.5m for Aouar. Lyon said no!\nCaption without stop\n\nMr. Smith joined St. Mirren."
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Arsenal bid £36.5m for Aouar.",
        "Lyon said no!",
        "Caption without stop",
        "Mr. Smith joined St. Mirren.",
    ]
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text


def test_a_league_letter_ends_a_sentence_but_an_initial_does_not() -> None:
    texts = [
        s.text
        for s in split_sentences("It is from Juventus of Serie A. Ronaldo agrees. J. Smith left.")
    ]
    assert texts == ["It is from Juventus of Serie A.", "Ronaldo agrees.", "J. Smith left."]


def test_a_gossip_item_keeps_its_source() -> None:
    texts = [s.text for s in split_sentences("Chelsea want Ferguson. (Sun)\nNext item.")]
    assert texts == ["Chelsea want Ferguson. (Sun)", "Next item."]


@given(st.text(max_size=400))
def test_any_text_splits_into_slices_of_itself(text: str) -> None:
    for sentence in split_sentences(text):
        assert 0 <= sentence.start <= sentence.end <= len(text)
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text.strip() == sentence.text


@pytest.mark.parametrize(
    "text",
    [
        "Arsenal have agreed a fee for Houssem Aouar。Chelsea are in talks for Victor Osimhen.",
        "Arsenal have agreed a fee for Houssem Aouar。 Chelsea are in talks for Victor Osimhen.",
        "Arsenal have agreed a fee for Houssem Aouar؟ Chelsea are in talks for Victor Osimhen.",
        "Arsenal have agreed a fee for Houssem Aouar！Chelsea are in talks for Victor Osimhen.",
    ],
)
def test_sentence_ends_of_other_scripts_end_a_sentence(text: str) -> None:
    first, second = split_sentences(text)
    assert first.text.startswith("Arsenal") and second.text.startswith("Chelsea")


def test_a_sentence_in_a_script_without_case_starts_after_a_full_stop() -> None:
    assert [s.text for s in split_sentences("Bid. مرحبا بكم")] == ["Bid.", "مرحبا بكم"]
