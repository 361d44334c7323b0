"""The story page in headless Chromium: entries drawn, links that open real views, nothing run.

Pages are made the way a user makes them: ``rumourx batch`` then ``rumourx stories
--html --views --articles``, in process.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

from rumourx.cli import main
from tests.stories.reports import line, rumour, write
from tests.stories.story_pages import (
    ESCAPING_ID,
    EVIL_FROM,
    EVIL_ID,
    EVIL_OUTLET,
    EVIL_PLAYER,
    EVIL_TO,
    hostile_batch,
)
from tests.views.browser import Browser, Rendered
from tests.views.pages import HOSTILE, SENTINEL

pytestmark = pytest.mark.slow

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "stories" / "articles.jsonl"

# Each story as drawn: its status, its entries' article ids, and their evidence links.
READ_STORIES = """() => Array.from(document.querySelectorAll('article.story')).map(s => ({
    status: s.getAttribute('data-status'),
    hidden: s.hidden,
    player: s.querySelector('.player').textContent,
    move: s.querySelector('.move').textContent,
    text: s.textContent,
    entries: Array.from(s.querySelectorAll('li.entry')).map(e => ({
        article: e.getAttribute('data-article'),
        text: e.textContent,
        links: Array.from(e.querySelectorAll('a.evidence-link')).map(a => a.href),
    })),
}))"""


def stories_cli(*argv: str) -> None:
    assert main(["stories", *argv]) == 0


def make_site(tmp_path: Path, articles: Path, reports: Path | None = None) -> Path:
    if reports is None:
        reports = tmp_path / "reports.jsonl"
        assert main(["batch", str(articles), "-o", str(reports)]) == 0
    site = tmp_path / "site"
    stories_cli(
        str(reports),
        "-o",
        str(tmp_path / "stories.jsonl"),
        "--html",
        str(site / "stories.html"),
        "--views",
        str(site / "views"),
        "--articles",
        str(articles),
    )
    return site


def read_stories(tmp_path: Path) -> list[dict[str, Any]]:
    lines = (tmp_path / "stories.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(text) for text in lines]


def file_of(url: str) -> Path:
    parts = urlsplit(url)
    assert parts.scheme == "file", url
    return Path(unquote(parts.path))


def assert_quiet(rendered: Rendered, views: Path | None = None) -> None:
    """Only the page and (after a click) files in the views folder were asked for."""
    allowed = views.resolve().as_uri() + "/" if views else None
    others = [
        u for u in rendered.requests if u != rendered.url and not (allowed and u.startswith(allowed))
    ]
    assert others == []
    assert rendered.page_errors == []
    assert not [c for c in rendered.console if "Refused" in c or "Content Security" in c]


def test_each_story_is_drawn_and_each_entry_opens_its_evidence_view(
    browser: Browser, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = make_site(tmp_path, EXAMPLE)
    capsys.readouterr()
    stories = read_stories(tmp_path)
    texts = {json.loads(t)["id"]: json.loads(t)["text"] for t in EXAMPLE.read_text("utf-8").splitlines()}
    with browser.open(site / "stories.html", folder=site / "views") as page:
        drawn = page.evaluate(READ_STORIES)
        assert [(d["player"], d["status"]) for d in drawn] == [
            (s["player"], s["status"]) for s in stories
        ]
        for story, shown in zip(stories, drawn, strict=True):
            assert [e["article"] for e in shown["entries"]] == story["articles"]
            for entry, element in zip(story["timeline"], shown["entries"], strict=True):
                assert entry["status"] in element["text"]
                assert entry["published"] in element["text"]
                for source in entry["sources"]:
                    assert source in element["text"]
                [link] = element["links"]
                view = file_of(link)
                assert view.is_file() and view.parent == (site / "views").resolve()
            assert f"{story['probability'] * 100:.0f}%" in shown["text"]
            for outlet in story["outlets"]:
                assert outlet["name"] in shown["text"]
            for contradiction in story["contradictions"]:
                assert contradiction["description"] in shown["text"]
        assert page.evaluate("() => document.getElementById('shown').textContent") == "3 stories"
        assert_quiet(page)
        # Follow one link, as a reader would: the article's own evidence view opens.
        first = drawn[0]["entries"][0]
        page.page.click(f'li.entry[data-article="{first["article"]}"] a.evidence-link')
        page.page.wait_for_url(first["links"][0])
        shown_text = page.evaluate("() => document.getElementById('article-text').textContent")
        assert shown_text == texts[first["article"]]
        assert page.evaluate("() => document.querySelectorAll('mark[data-rumour]').length") >= 1
        assert_quiet(page, site / "views")


def test_hostile_reports_run_nothing_and_load_nothing(
    browser: Browser, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reports, articles = hostile_batch(tmp_path)
    site = make_site(tmp_path, articles, reports)
    capsys.readouterr()
    with browser.open(site / "stories.html", folder=site / "views") as page:
        # Give anything that was going to run the chance to: filter, open, hover.
        page.page.fill("#filter", "img")
        page.page.wait_for_timeout(300)
        page.page.check("#contradicted")
        page.page.select_option("#status", "collapsed")
        for summary in page.page.query_selector_all("details summary"):
            summary.click()
        for element in page.page.query_selector_all("article.story *"):
            element.dispatch_event("mouseover")
        page.page.wait_for_timeout(300)
        assert page.evaluate(f"() => typeof window.{SENTINEL}") == "undefined"
        assert page.evaluate("() => document.scripts.length") == 1
        dangerous = "img, svg, iframe, link, base, object, embed, a[href^=javascript], a[href^=data]"
        assert page.evaluate(f"() => document.querySelectorAll('{dangerous}').length") == 0
        [story] = page.evaluate(READ_STORIES)
        assert not story["hidden"]  # "img" is in its (escaped) player name; it matches
        assert story["player"] == EVIL_PLAYER
        assert story["move"] == f"{EVIL_FROM} → {EVIL_TO}"
        assert EVIL_OUTLET in story["text"]
        assert [e["article"] for e in story["entries"]] == [EVIL_ID, ESCAPING_ID]
        views = (site / "views").resolve()
        for entry in story["entries"]:
            [link] = entry["links"]
            assert file_of(link).is_file() and file_of(link).parent == views
        assert_quiet(page)
        # The view of the article whose id is a script, reached through its link.
        page.page.click("li.entry:first-child a.evidence-link")
        page.page.wait_for_url(story["entries"][0]["links"][0])
        assert page.evaluate(f"() => typeof window.{SENTINEL}") == "undefined"
        assert page.evaluate("() => document.getElementById('article-text').textContent") == HOSTILE
        assert page.evaluate("() => document.scripts.length") == 1
        assert_quiet(page, site / "views")


def settle(page: Rendered, script: str, expected: object, seconds: float = 30) -> None:
    """Wait for the filter box's pause, then for ``script`` to give ``expected``.

    Polled through DevTools: Playwright's own waiting would evaluate code inside the
    page, which the page's policy forbids.
    """
    for _ in range(int(seconds * 10)):
        if page.evaluate(script) == expected:
            return
        page.page.wait_for_timeout(100)
    assert page.evaluate(script) == expected


def big_reports(path: Path, stories: int) -> Path:
    """``stories`` stories of two articles each: every fifth one agreed and then collapsed."""
    statuses = ["linked", "talks", "bid", "agreed", "completed"]
    rows = []
    for n in range(stories):
        player, club = f"Player{n:05d} Testcase", f"Club {n % 40} United"
        first = statuses[n % 5]
        second = "collapsed" if n % 5 == 3 else statuses[min(n % 5 + 1, 4)]
        rows.append(line(f"a{n}", "2021-06-01", rumour(player, club, status=first)))
        rows.append(line(f"b{n}", "2021-06-15", rumour(player, club, status=second)))
    return write(path, rows)


def test_thousands_of_stories_make_one_usable_page(
    browser: Browser, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    count = 3000
    reports = big_reports(tmp_path / "reports.jsonl", count)
    page_file = tmp_path / "stories.html"
    stories_cli(str(reports), "-o", str(tmp_path / "stories.jsonl"), "--html", str(page_file))
    capsys.readouterr()
    stories = read_stories(tmp_path)
    assert len(stories) == count
    with browser.open(page_file) as page:
        visible = "() => document.querySelectorAll('article.story:not([hidden])').length"
        assert page.evaluate("() => document.querySelectorAll('article.story').length") == count
        assert page.evaluate("() => document.querySelectorAll('li.entry').length") == 2 * count
        page.page.fill("#filter", "player01234")
        settle(page, visible, 1)
        [shown] = [s for s in page.evaluate(READ_STORIES) if not s["hidden"]]
        assert shown["player"] == "Player01234 Testcase"
        assert page.evaluate("() => document.getElementById('shown').textContent") == (
            f"1 of {count} stories shown"
        )
        page.page.fill("#filter", "")
        page.page.select_option("#status", "collapsed")
        collapsed = sum(s["status"] == "collapsed" for s in stories)
        assert collapsed == count // 5
        assert page.evaluate(visible) == collapsed
        page.page.select_option("#status", "")
        page.page.check("#contradicted")
        assert page.evaluate(visible) == sum(bool(s["contradictions"]) for s in stories) > 0
        page.page.fill("#filter", "nobody-by-this-name")
        settle(page, visible, 0)
        assert page.page.locator("#no-match").is_visible()
        assert_quiet(page)
