"""The evidence view in a real browser: headless Chromium renders it and we read the DOM back."""

from pathlib import Path

import pytest

from rumourx import Article, RumourReport, extract
from tests.views.browser import Browser, Rendered
from tests.views.pages import (
    HOSTILE,
    SENTINEL,
    assert_every_evidence_marked,
    hostile_report,
    overlap_report,
)

pytestmark = pytest.mark.slow


def render(browser: Browser, tmp_path: Path, html: str, name: str = "view.html"):
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    return browser.open(path)


def assert_quiet(rendered: Rendered) -> None:
    """Nothing requested but the page itself; no script error; nothing refused by the policy."""
    assert rendered.requests == [rendered.url]
    assert rendered.page_errors == []
    assert not [line for line in rendered.console if "Refused" in line or "Content Security" in line]


def article_text(rendered: Rendered) -> str:
    return str(rendered.evaluate("() => document.getElementById('article-text').textContent"))


def test_seed_article_view(browser: Browser, tmp_path: Path, seed_text: str) -> None:
    report = extract(seed_text)
    assert report.rumours
    with render(browser, tmp_path, report.to_html(seed_text)) as page:
        assert article_text(page) == seed_text
        assert_every_evidence_marked(seed_text, report, page.marks())
        assert_quiet(page)


SHOWN = ["own-loan-option", "own-rejected-bid-addons", "own-spanish", "own-gossip"]


def test_own_articles_views(browser: Browser, tmp_path: Path, own_articles: dict[str, dict[str, str]]) -> None:
    shown = 0
    for article_id in SHOWN:
        row = own_articles[article_id]
        article = Article(text=row["text"], id=article_id, publisher=row.get("publisher"))
        report = extract(article)
        if not report.rumours:
            continue
        with render(browser, tmp_path, report.to_html(article), f"{article_id}.html") as page:
            assert article_text(page) == row["text"]
            assert_every_evidence_marked(row["text"], report, page.marks())
            assert_quiet(page)
        shown += 1
    assert shown == len(SHOWN)


def test_hostile_article_runs_nothing_and_loads_nothing(browser: Browser, tmp_path: Path) -> None:
    report = hostile_report()
    html = report.to_html(HOSTILE, title=f"<script>window.{SENTINEL}='title'</script>")
    with render(browser, tmp_path, html) as page:
        # Give anything that was going to run or load the chance to: hover and click every row.
        for row in page.page.query_selector_all("tr.move"):
            for event in ("mouseenter", "click", "mouseleave", "click"):
                row.dispatch_event(event)
        for mark in page.page.query_selector_all("#article-text mark"):
            mark.dispatch_event("mouseover")
        page.page.wait_for_timeout(300)
        assert page.evaluate(f"() => typeof window.{SENTINEL}") == "undefined"
        assert page.evaluate("() => document.scripts.length") == 1
        assert page.evaluate(
            "() => Array.from(document.querySelectorAll('#article-text *')).every(e => e.tagName === 'MARK')"
        )
        assert page.evaluate("() => document.querySelectorAll('img, svg, iframe, link, base, a[href^=javascript]').length") == 0
        assert article_text(page) == HOSTILE
        assert_every_evidence_marked(HOSTILE, report, page.marks())
        assert_quiet(page)


def test_hostile_article_through_the_extractor(browser: Browser, tmp_path: Path) -> None:
    report = extract(HOSTILE)
    assert report.rumours
    # Markup in the input makes it HTML: the page shows the text that was read, report.text.
    assert report.text is not None
    with render(browser, tmp_path, report.to_html(HOSTILE)) as page:
        assert page.evaluate(f"() => typeof window.{SENTINEL}") == "undefined"
        assert article_text(page) == report.text
        assert_every_evidence_marked(report.text, report, page.marks())
        assert_quiet(page)


def test_overlapping_and_non_ascii_evidence(browser: Browser, tmp_path: Path) -> None:
    text = "Ödegaard 🇳🇴 et Mbappé: 日本の選手 Kaoru Mitoma ⚽ signs for Bayern München 💶 today, says Kicker."
    report = overlap_report(text)
    with render(browser, tmp_path, report.to_html(text)) as page:
        marks = page.marks()
        assert article_text(page) == text
        assert_every_evidence_marked(text, report, marks)
        assert {m["rumour"] for m in marks if m["rumour"] is not None} == {0, 1, 2}
        assert any(m["opinion"] == 0 for m in marks)
        assert_quiet(page)


def test_hovering_or_clicking_a_row_shows_its_evidence(browser: Browser, tmp_path: Path) -> None:
    text = "One two three four five six seven eight nine ten eleven twelve."
    report = overlap_report(text)
    with render(browser, tmp_path, report.to_html(text)) as page:
        passages = page.page.locator('tr.passages[data-for="r1"]')
        assert not passages.is_visible()
        page.page.hover('tr.move[data-key="r1"]')
        assert page.evaluate("() => document.body.getAttribute('data-active')") == "r1"
        assert passages.is_visible()
        assert text[len(text) // 3 :] in passages.inner_text()
        # The other rumours' marks lose their colour; this one's keep it.
        colour = "(sel) => getComputedStyle(document.querySelector(sel)).backgroundColor"
        assert page.evaluate(f"() => ({colour})('mark[data-rumour=\"1\"]')") != "rgba(0, 0, 0, 0)"
        page.page.mouse.move(0, 0)
        assert page.evaluate("() => document.body.getAttribute('data-active')") is None
        page.page.click('tr.move[data-key="r2"]')
        page.page.mouse.move(0, 0)
        assert page.evaluate("() => document.body.getAttribute('data-active')") == "r2"
        assert_quiet(page)


def test_a_100_kb_article_renders_every_mark(
    browser: Browser, tmp_path: Path, long_article: tuple[str, RumourReport]
) -> None:
    text, report = long_article
    with render(browser, tmp_path, report.to_html(text)) as page:
        assert article_text(page) == text
        assert_every_evidence_marked(text, report, page.marks())
        assert_quiet(page)
