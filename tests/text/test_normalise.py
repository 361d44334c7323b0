import sys
import unicodedata

import pytest

from rumourx.text.normalise import _INVISIBLE, join_wrapped_lines, normalise, strip_invisible


def _read(text: str) -> str:
    return normalise(text)[0]


def _spans_slice_the_input(text: str) -> None:
    reading, mapping = normalise(text)
    for start in range(len(reading)):
        first, last = mapping.to_origin(start, start + 1)
        assert 0 <= first < last <= len(text)


@pytest.mark.parametrize("ending", ["\r\n", "\r", "\u2028", "\x85"])
def test_every_line_ending_reads_as_a_newline(ending: str) -> None:
    text = f"Arsenal bid.{ending}{ending}Chelsea wait."
    reading, mapping = normalise(text)
    assert reading == "Arsenal bid.\n\nChelsea wait."
    start = reading.index("Chelsea")
    assert text[slice(*mapping.to_origin(start, len(reading)))] == "Chelsea wait."


def test_invisible_characters_are_removed_and_spans_keep_them() -> None:
    text = "Ig\u200bnore the Aou\u00adar\u200d deal\u200e."
    reading, mapping = normalise(text)
    assert reading == "Ignore the Aouar deal."
    assert mapping.to_origin(0, len(reading)) == (0, len(text))
    start = reading.index("Aouar")
    assert text[slice(*mapping.to_origin(start, start + 5))] == "Aou\u00adar"


def test_a_zero_width_space_after_a_full_stop_still_ends_the_sentence() -> None:
    assert _read("Aouar.\u200bChelsea") == "Aouar. Chelsea"
    assert _read("Aouar.’\u200bChelsea") == "Aouar.’ Chelsea"
    assert _read("Aouar.\u200b Chelsea") == "Aouar. Chelsea"
    assert _read("Aou\u200bar") == "Aouar"


def test_odd_spaces_and_runs_of_spaces_read_as_one_space() -> None:
    assert (
        _read("Arsenal\u00a0have \u200b  signed\tHoussem\u3000Aouar")
        == "Arsenal have signed Houssem Aouar"
    )


def test_decomposed_and_composed_text_read_the_same() -> None:
    text = "Bayern want Thomas Müller and José Ángel Peña."
    assert _read(unicodedata.normalize("NFD", text)) == text


def test_the_invisible_class_covers_every_format_character() -> None:
    missing = [
        hex(point)
        for point in range(sys.maxunicode + 1)
        if unicodedata.category(chr(point)) == "Cf" and strip_invisible(chr(point))
    ]
    assert not missing, f"format characters not in _INVISIBLE: {missing}"
    assert _INVISIBLE


def test_a_hard_wrap_inside_a_sentence_is_joined() -> None:
    text = "Arsenal have agreed a £30m fee with Lyon for\nHoussem Aouar."
    assert _read(text) == "Arsenal have agreed a £30m fee with Lyon for Houssem Aouar."


def test_text_wrapped_at_a_fixed_width_is_joined_even_between_capitals() -> None:
    text = (
        "West Ham have had a £30m bid for Lyon's Brazilian midfielder Lucas\n"
        "Pereira, 23, rejected. Wolves are in talks to sign Portuguese winger\n"
        "Tiago Lima, 21, on loan from Barcelona.\n"
        "(Record)"
    )
    assert "\n" not in _read(text)


def test_a_word_split_at_its_hyphen_is_put_back_together() -> None:
    reading, mapping = normalise("The 21-year-\nold joins.")
    assert reading == "The 21-year-old joins."
    assert mapping.to_origin(4, 15) == (4, 16)


@pytest.mark.parametrize(
    "text",
    [
        # A caption with no full stop, then the story, in a text not wrapped at a width.
        "Everton are closing in on a £28million deal for Sunderland midfielder Kieran Doyle\n"
        "Doyle came through the academy at Sunderland and has made 96 appearances for the "
        "club since his debut in the Championship three seasons ago.",
        "TRANSFER NEWS\nArsenal have agreed a fee for Houssem Aouar.",
        "Done deals:\n- Aouar to Arsenal\n- Osimhen to Chelsea",
        "Arsenal want Aouar.\nChelsea want Osimhen.",
    ],
)
def test_captions_headings_and_list_items_keep_their_lines(text: str) -> None:
    assert _read(text).count("\n") == text.count("\n")


def test_explicit_line_breaks_join_whenever_the_sentence_goes_on() -> None:
    joined, deleted = join_wrapped_lines(
        "Arsenal have agreed a fee for\nHoussem Aouar.\nNext.", line_breaks=True
    )
    assert joined == "Arsenal have agreed a fee for Houssem Aouar.\nNext." and not deleted


def test_every_reading_character_maps_inside_the_input() -> None:
    _spans_slice_the_input("A\r\nb\u200b\u200bc.\u200bD  e\u0301\n\nf-\ng\t\th")
