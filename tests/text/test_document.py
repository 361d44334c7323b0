import pytest

from rumourx import InputError
from rumourx.text.document import read_document


def test_plain_text_offsets_index_the_input_itself() -> None:
    source = "Arsenal\u00a0bid.\r\n\r\nLyon  for Houssem A\u200bouar."
    document = read_document(source)
    assert not document.is_html and document.original is source
    assert document.text == "Arsenal bid.\n\nLyon for Houssem Aouar."
    start = document.text.index("Lyon")
    evidence = document.evidence(start, len(document.text))
    assert evidence.text == "Lyon  for Houssem A\u200bouar."
    assert source[evidence.start : evidence.end] == evidence.text


def test_html_offsets_index_the_visible_text_and_trace_on_into_the_markup() -> None:
    page = "<html><body><p>Transfer news.</p><p>Lyon &amp; Arsenal agree.</p></body></html>"
    document = read_document(page)
    assert document.is_html
    assert document.original == document.html_text == "Transfer news.\n\nLyon & Arsenal agree."
    start = document.text.index("Lyon")
    evidence = document.evidence(start, len(document.text))
    assert (
        document.original[evidence.start : evidence.end] == evidence.text == "Lyon & Arsenal agree."
    )
    first, last = document.to_markup(evidence.start, evidence.end)
    assert page[first:last] == "Lyon &amp; Arsenal agree."


@pytest.mark.parametrize("surrogate", ["\ud800", "\udfff"])
def test_a_lone_surrogate_is_an_input_error_that_says_where(surrogate: str) -> None:
    with pytest.raises(InputError, match=r"surrogate.*character 8"):
        read_document(f"Arsenal {surrogate} bid.")


def test_html_with_no_visible_text_is_empty() -> None:
    with pytest.raises(InputError, match="empty"):
        read_document("<html><head><script>var x = 'Arsenal bid';</script></head></html>")


def test_an_article_of_invisible_characters_is_empty() -> None:
    with pytest.raises(InputError, match="empty"):
        read_document("\u200b\u200d \ufeff")
