import re

import pytest

from rumourx import Article, InputError, extract
from rumourx.core.types import Evidence, RumourReport, TransferRumour
from rumourx.views.evidence import evidence_page
from tests.views.pages import (
    HOSTILE,
    SENTINEL,
    ParsedPage,
    assert_every_evidence_marked,
    hostile_report,
    overlap_report,
)

ARTICLE = (
    "Wolves have rejected a £30m bid plus £5m in add-ons from Newcastle United for "
    "Tom Harding, Sky Sports reports.\n\nAston Villa are monitoring Brentford forward "
    "Kofi Mensah."
)


def test_every_rumours_evidence_is_inside_its_marks() -> None:
    report = extract(ARTICLE)
    page = ParsedPage(report.to_html(ARTICLE))
    assert page.text == ARTICLE
    assert_every_evidence_marked(ARTICLE, report, page.marks)
    assert {m["rumour"] for m in page.marks} == set(range(len(report.rumours)))


def test_overlapping_evidence_renders_every_rumour() -> None:
    text = "One two three four five six seven eight nine ten eleven twelve."
    report = overlap_report(text)
    page = ParsedPage(evidence_page(report, text))
    assert page.text == text
    assert_every_evidence_marked(text, report, page.marks)
    assert set(page.elements_in_text) == {"mark"}


def test_offsets_are_characters_of_non_ascii_text() -> None:
    text = "Ödegaard 🇳🇴 joins. Ça va: 日本の選手 Kaoru Mitoma ⚽ signs for Bayern München 💶."
    passage = "Kaoru Mitoma ⚽ signs for Bayern München 💶."
    start = text.index(passage)
    report = RumourReport(
        rumours=[
            TransferRumour(
                player="Kaoru Mitoma",
                evidence=[Evidence(text=passage, start=start, end=start + len(passage))],
            )
        ]
    )
    page = ParsedPage(report.to_html(text))
    assert page.text == text
    assert_every_evidence_marked(text, report, page.marks)
    assert page.marks[0]["start"] == start


def test_carriage_returns_survive_as_references() -> None:
    text = "Line one.\r\nArsenal want Ada One."
    report = RumourReport(
        rumours=[TransferRumour(player="Ada One", evidence=[Evidence(text="Arsenal want Ada One.", start=11, end=32)])]
    )
    html = report.to_html(text)
    assert "\r" not in html and "&#13;" in html
    assert ParsedPage(html).text == text


def test_hostile_text_and_fields_are_escaped() -> None:
    report = hostile_report()
    html = report.to_html(HOSTILE, title="<script>alert(1)</script>")
    page = ParsedPage(html)
    assert page.text == HOSTILE
    assert page.scripts == 1  # ours
    assert set(page.elements_in_text) == {"mark"}
    assert "<script>window" not in html and "<img src=x" not in html and "<svg" not in html
    assert f"&lt;script&gt;window.{SENTINEL}" in html
    assert_every_evidence_marked(HOSTILE, report, page.marks)


def test_the_page_loads_nothing_and_allows_only_its_own_script_and_style() -> None:
    html = extract(ARTICLE).to_html(ARTICLE)
    assert not re.search(r"\b(?:src|href)\s*=\s*\"(?!#)", html), "a link that is not a fragment"
    assert "url(" not in html and "@import" not in html and "http://" not in html
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert policy is not None
    assert "default-src 'none'" in policy.group(1)
    assert "'unsafe-inline'" not in policy.group(1)
    assert re.search(r"script-src 'sha256-[A-Za-z0-9+/=]+'", policy.group(1))


def test_table_opinion_and_warnings_are_shown() -> None:
    report = hostile_report()
    html = report.to_html(HOSTILE)
    assert 'tr class="move" data-key="r0" data-rumour="0"' in html
    assert 'tr class="move" data-key="o0" data-opinion="0"' in html
    assert "Opinion, not reported" in html and "opinion</span>" in html
    assert "T2</span>" in html and "T?</span>" in html  # tiers as badges, unknown outlet too
    assert "40m GBP" in html and "status-agreed" in html
    assert "dropped &lt;img src=x onerror=" in html  # the warning, escaped


def test_the_text_shown_is_the_reports_own_text_when_it_has_one() -> None:
    class WithText(RumourReport):
        text: str | None = None

    reduced = "Arsenal want Ada One."
    report = WithText(
        rumours=[TransferRumour(player="Ada One", evidence=[Evidence(text=reduced, start=0, end=len(reduced))])],
        text=reduced,
    )
    page = ParsedPage(report.to_html("<p>Arsenal <b>want</b> Ada One.</p>"))
    assert page.text == reduced
    assert page.marks[0]["text"] == reduced


def test_an_article_object_gives_text_and_title() -> None:
    article = Article(text=ARTICLE, id="own-1", title="Harding bid rejected", publisher="Daily Planet")
    html = extract(article).to_html(article)
    assert "<title>Evidence view: Harding bid rejected</title>" in html
    assert "published by Daily Planet" in html


def test_evidence_not_in_the_text_given_is_listed_as_a_warning() -> None:
    report = extract(ARTICLE)
    html = report.to_html("Another article altogether.")
    assert "is not in this text, so it is not highlighted" in html
    assert ParsedPage(html).marks == []


def test_without_any_text_it_says_what_to_pass() -> None:
    with pytest.raises(InputError, match="pass the article"):
        RumourReport().to_html()


def test_a_100_kb_article_is_one_page_with_every_mark(long_article: tuple[str, RumourReport]) -> None:
    text, report = long_article
    assert len(text) >= 100_000
    assert len(report.rumours) >= 10
    page = ParsedPage(report.to_html(text))
    assert page.text == text
    assert_every_evidence_marked(text, report, page.marks)
