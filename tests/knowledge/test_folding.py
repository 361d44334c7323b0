import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from rumourx.knowledge.folding import fold


def _by_the_definition(text: str) -> str:
    """Fold character by character, as the docstring says."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    stripped = stripped.replace("’", "'").replace("‘", "'").replace("ß", "ss")
    return " ".join(stripped.lower().split())


def test_folding_drops_case_accents_and_extra_spaces() -> None:
    assert fold("  Kylian   MBAPPÉ ") == "kylian mbappe"
    assert fold("Müller’s  Straße") == "muller's strasse"
    assert fold("N’Golo Kanté") == "n'golo kante"
    assert fold("ﬁ Ⅻ") == "fi xii"


@given(st.text(max_size=60))
def test_folding_agrees_with_its_definition_on_any_text(text: str) -> None:
    assert fold(text) == _by_the_definition(text)


def test_a_long_text_folds_like_a_short_one() -> None:
    text = "Kanté, Müller and Øde. " * 40  # longer than the short-string cache takes
    assert len(text) > 200
    assert fold(text) == _by_the_definition(text) == fold(text)
