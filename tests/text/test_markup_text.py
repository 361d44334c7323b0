import pytest

from rumourx.text.markup_text import reduce_markup, trace_to_markup

PAGE = (
    "<!DOCTYPE html><html><head><title>Page title</title><style>p{color:red}</style>"
    "<script>var story = 'Chelsea have agreed a fee with Napoli for Victor Osimhen.';</script>"
    "</head><body><nav><a href='/'>Home</a> <a href='/t'>Transfers</a></nav>"
    "<article><h1>Arsenal bid</h1><p>Arsenal have made a bid for <b>Houssem Aouar</b>.</p>"
    "<p>Lyon &amp; Arsenal\n   are   talking.</p></article>"
    "<aside><ul><li>Most read: Chelsea agree deal for Osimhen</li></ul></aside>"
    "<template><p>hidden</p></template><noscript>Enable JavaScript</noscript></body></html>"
)


def test_a_page_reduces_to_its_visible_paragraphs() -> None:
    assert reduce_markup(PAGE) == (
        "Arsenal bid\n\nArsenal have made a bid for Houssem Aouar.\n\nLyon & Arsenal are talking."
    )


def test_table_rows_and_list_items_are_paragraphs_and_cells_are_separated() -> None:
    table = (
        "<table><tr><th>Club</th><th>Offer</th></tr><tr><td>Arsenal</td><td>bid £40m</td></tr>"
        "<tr><td>Chelsea want Victor Osimhen from Napoli</td></tr></table>"
    )
    assert reduce_markup(table) == (
        "Club | Offer\n\nArsenal | bid £40m\n\nChelsea want Victor Osimhen from Napoli"
    )
    items = "<ul><li>Arsenal have agreed a £30m fee</li><li>Chelsea are in talks</li></ul>"
    assert reduce_markup(items) == "Arsenal have agreed a £30m fee\n\nChelsea are in talks"


def test_a_line_break_is_a_line_and_two_are_a_paragraph() -> None:
    assert (
        reduce_markup("<p>agreed a fee for<br>Houssem Aouar</p>")
        == "agreed a fee for\nHoussem Aouar"
    )
    assert reduce_markup("<p>one<br><br>two</p>") == "one\n\ntwo"


def test_inline_elements_join_without_inventing_spaces() -> None:
    assert reduce_markup("<p>Aou<span>ar</span> <i>signs</i></p>") == "Aouar signs"


@pytest.mark.parametrize(
    "markup",
    [
        "<p>x</p><br>" + "<a " * 20_000,
        "<div>" * 5_000 + "Arsenal." + "</div>" * 5_000,
        "<table>" + "<tr><td>" * 5_000 + "x",
        "<p " + "a='b' " * 20_000 + ">x</p><!--" + "-" * 1_000,
    ],
)
def test_hostile_markup_reduces_to_its_text(markup: str) -> None:
    from rumourx.text.markup_scan import scan_markup

    text = reduce_markup(scan_markup(markup).capped)
    assert text in {"x", "Arsenal."}


def test_reduced_text_traces_back_to_the_markup() -> None:
    reduced = reduce_markup(PAGE)
    mapping = trace_to_markup(reduced, PAGE)
    for phrase in ["Arsenal bid", "Houssem Aouar", "Lyon & Arsenal"]:
        start = reduced.index(phrase)
        first, last = mapping.to_origin(start, start + len(phrase))
        assert PAGE[first:last] in {phrase, "Lyon &amp; Arsenal"}
    sentence = "Arsenal have made a bid for Houssem Aouar."
    start = reduced.index(sentence)
    first, last = mapping.to_origin(start, start + len(sentence))
    assert PAGE[first:last] == "Arsenal have made a bid for <b>Houssem Aouar</b>."


def test_a_page_wrapped_in_a_form_keeps_its_text() -> None:
    page = "<body><form id='page'><p>Arsenal bid for Aouar.</p><select><option>Menu</option></select></form></body>"
    assert reduce_markup(page) == "Arsenal bid for Aouar."
