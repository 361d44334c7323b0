import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rumourx.text.composition import compose

PIECES = [
    "a",
    "e",
    "u",
    "A",
    " ",
    "ü",
    "\u0301",
    "\u0308",
    "\u0327",
    "\u212b",
    "\u1100",
    "\u1161",
    "\u11a8",
    "\uac00",
    "\u0b47",
    "\u0b3e",
    "\u0f73",
    "\u0344",
    "\u0958",
    "\u093c",
    "क",
    "İ",
]


@settings(deadline=None)  # the first call builds the cluster pattern (a fraction of a second)
@given(st.one_of(st.text(max_size=60), st.lists(st.sampled_from(PIECES), max_size=20).map("".join)))
def test_composing_in_pieces_equals_nfc_of_the_whole(text: str) -> None:
    for form in ("NFD", "NFKD", "NFC"):
        source = unicodedata.normalize(form, text)
        composed, mapping = compose(source)
        assert composed == unicodedata.normalize("NFC", source)
        for position in range(len(composed)):
            start, end = mapping.to_origin(position, position + 1)
            assert 0 <= start < end <= len(source)
            assert unicodedata.normalize("NFC", source[start:end]).find(composed[position]) >= 0


@pytest.mark.parametrize(
    ("decomposed", "name"),
    [("Mu\u0308ller", "Müller"), ("Gonc\u0327alo", "Gonçalo"), ("\u1100\u1161\u11a8", "각")],
)
def test_a_decomposed_name_maps_back_to_all_its_characters(decomposed: str, name: str) -> None:
    composed, mapping = compose(f"For {decomposed}.")
    start = composed.index(name)
    assert mapping.to_origin(start, start + len(name)) == (4, 4 + len(decomposed))


def test_composed_text_is_returned_as_it_is() -> None:
    text = "Thomas Müller"
    composed, mapping = compose(text)
    assert composed is text and mapping.segments == 1
