import pytest

from rumourx import InputError
from rumourx.text.article import html_to_text, looks_like_html, prepare_article


@pytest.mark.parametrize("bad", [b"bytes", None, 42, 3.5, ["list"]])
def test_non_text_is_an_input_error(bad: object) -> None:
    with pytest.raises(InputError):
        prepare_article(bad)


@pytest.mark.parametrize("empty", ["", "   ", "\n\t\n"])
def test_empty_text_is_an_input_error(empty: str) -> None:
    with pytest.raises(InputError, match="empty"):
        prepare_article(empty)


def test_binary_and_oversized_text_are_input_errors() -> None:
    with pytest.raises(InputError, match="binary"):
        prepare_article("abc\x00def")
    with pytest.raises(InputError, match="limit"):
        prepare_article("a" * 101, max_chars=100)


def test_html_is_reduced_to_paragraphs() -> None:
    html = (
        "<html><head><style>p{}</style><script>var x=1;</script></head><body>"
        "<h1>Arsenal bid</h1><p>Arsenal have made a bid for <b>Houssem Aouar</b>.</p>"
        "<p>Lyon &amp; Arsenal talk.</p></body></html>"
    )
    text = prepare_article(html)
    assert (
        text == "Arsenal bid\n\nArsenal have made a bid for Houssem Aouar.\n\nLyon & Arsenal talk."
    )
    assert "var x" not in html_to_text(html)


def test_plain_text_with_a_stray_angle_bracket_stays_as_is() -> None:
    assert prepare_article("Fee < £10m for Ramos") == "Fee < £10m for Ramos"


def test_html_is_detected_by_parsing_past_a_long_head() -> None:
    page = (
        "<html><head><script>var s = '" + "x" * 30_000 + "'; var t = 'Chelsea agree a fee for "
        "Victor Osimhen.';</script></head><body><p>Weather was fine.</p></body></html>"
    )
    assert looks_like_html(page)
    assert prepare_article(page) == "Weather was fine."


def test_a_lone_surrogate_is_an_input_error() -> None:
    with pytest.raises(InputError, match="surrogate"):
        prepare_article("Arsenal \ud800")
