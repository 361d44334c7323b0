import pytest

from rumourx.text.markup_scan import MAX_DEPTH, markup_text, scan_markup


def test_html_is_found_anywhere_not_only_in_the_first_20000_characters() -> None:
    page = (
        "<html><head><script>var s = '"
        + "x" * 50_000
        + "';</script></head><body><p>Hi</p></body></html>"
    )
    assert scan_markup(page).is_html
    assert scan_markup("x" * 30_000 + " then <p>a paragraph</p>").is_html


@pytest.mark.parametrize(
    "text",
    ["Fee < £10m for Ramos", "Arsenal <3 Chelsea", "a<b", "Use <Ramos> here", "x <!-- not html"],
)
def test_plain_text_with_angle_brackets_is_not_html(text: str) -> None:
    assert not scan_markup(text).is_html


def test_start_tags_nested_past_the_cap_are_blanked_to_the_same_length() -> None:
    markup = "<div>" * (MAX_DEPTH + 50) + "Arsenal." + "</div>" * (MAX_DEPTH + 50)
    scan = scan_markup(markup)
    assert scan.flattened == 50
    assert len(scan.capped) == len(markup)
    assert scan.capped.count("<div>") == MAX_DEPTH


def test_tags_inside_scripts_and_comments_do_not_count_as_nesting() -> None:
    markup = "<script>" + "'<div>'" * 1000 + "</script><!--" + "<div>" * 1000 + "--><p>x</p>"
    assert scan_markup(markup).flattened == 0


def test_the_markup_text_is_decoded_and_maps_back_into_the_markup() -> None:
    markup = "<p>Lyon &amp; Arsenal\r\nagree</p><script>var x='<p>';</script><!-- c -->done"
    text, mapping = markup_text(markup)
    assert text == "Lyon & Arsenal\nagreedone"
    amp = text.index("&")
    assert markup[slice(*mapping.to_origin(amp, amp + 1))] == "&amp;"
    newline = text.index("\n")
    assert markup[slice(*mapping.to_origin(newline, newline + 1))] == "\r\n"
    assert markup[slice(*mapping.to_origin(len(text) - 4, len(text)))] == "done"
