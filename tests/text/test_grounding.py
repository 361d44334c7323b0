import pytest
from hypothesis import given
from hypothesis import strategies as st

from rumourx.text.grounding import align

ARTICLE = "Ramos has already been linked with the likes of Liverpool.\n\nHowever, Diaro Gol  now reports an ‘offer’."


def test_exact_quotes_align_to_their_offsets() -> None:
    quote = "Ramos has already been linked with the likes of Liverpool."
    evidence = align(quote, ARTICLE)
    assert evidence is not None
    assert (evidence.start, evidence.text) == (0, quote)


def test_alignment_tolerates_whitespace_quotes_and_case() -> None:
    evidence = align("however, diaro gol now reports an 'offer'.", ARTICLE)
    assert evidence is not None
    assert ARTICLE[evidence.start : evidence.end] == evidence.text
    assert evidence.text == "However, Diaro Gol  now reports an ‘offer’."


def test_a_close_paraphrase_lands_on_the_sentence_and_an_invention_on_nothing() -> None:
    near = align("Ramos has been linked with the likes of Liverpool.", ARTICLE)
    assert near is not None and near.text.startswith("Ramos has already")
    assert align("Messi joins Leeds for €500m.", ARTICLE) is None
    assert align("", ARTICLE) is None


@given(st.text(max_size=300), st.text(max_size=80))
def test_offsets_always_fall_inside_the_text_and_slice_to_the_evidence(
    article: str, quote: str
) -> None:
    evidence = align(quote, article)
    if evidence is not None:
        assert 0 <= evidence.start <= evidence.end <= len(article)
        assert article[evidence.start : evidence.end] == evidence.text


@given(st.text(min_size=1, max_size=300), st.data())
def test_any_slice_of_the_article_is_found_exactly(article: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(article) - 1))
    end = data.draw(st.integers(start + 1, len(article)))
    quote = article[start:end]
    evidence = align(quote, article)
    if quote.strip():
        assert evidence is not None
        assert evidence.text == quote.strip()


@pytest.mark.parametrize(
    ("article", "quote", "expected"),
    [
        ("İİİ Arsenal agree a fee for Aouar.", "iii arsenal agree a fee for aouar.", "İİİ Arsenal agree a fee for Aouar."),
        ("Straße news. İstanbul side bid for İsmail.", "İSTANBUL SIDE BID FOR İSMAIL.", "İstanbul side bid for İsmail."),
        ("The ﬁnal offer for Aouar.", "the final offer for aouar.", "The ﬁnal offer for Aouar."),
        ("Weiß joins. Groß signs for Arsenal.", "GROSS SIGNS FOR ARSENAL.", "Groß signs for Arsenal."),
    ],
)
def test_case_folding_that_changes_length_never_shifts_offsets(
    article: str, quote: str, expected: str
) -> None:
    evidence = align(quote, article)
    assert evidence is not None
    assert evidence.text == expected
    assert article[evidence.start : evidence.end] == expected


@given(st.text(alphabet="İıßﬁﬀŉǰΐẞ Aab.", min_size=1, max_size=80), st.data())
def test_a_case_changed_slice_lands_on_itself(article: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(article) - 1))
    end = data.draw(st.integers(start + 1, len(article)))
    evidence = align(article[start:end].upper(), article)
    if evidence is not None:
        assert article[evidence.start : evidence.end] == evidence.text
