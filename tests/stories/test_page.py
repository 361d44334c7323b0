"""The story page, read back by an HTML parser: stories, entries, links, escaping."""

from __future__ import annotations

import re
from pathlib import Path

from rumourx.stories import build_stories
from rumourx.stories.page import story_page
from tests.stories.reports import line, rumour
from tests.stories.story_pages import (
    ESCAPING_ID,
    EVIL_FROM,
    EVIL_ID,
    EVIL_OUTLET,
    EVIL_PLAYER,
    EVIL_TO,
    EVIL_URL,
    PLAIN_URL,
    ParsedStoryPage,
    hostile_batch,
)

ROWS = [
    line(
        "a",
        "2021-07-01",
        rumour("Tom Harding", "Newcastle United", status="talks", sources=("Sky Sports",)),
    ),
    line(
        "b",
        "2021-07-10T09:30:00",
        rumour(
            "Harding",
            "Newcastle United",
            status="agreed",
            sources=("The Athletic",),
            fee=38_000_000,
        ),
    ),
    line(
        "c",
        "2021-07-20",
        rumour("Tom Harding", "Newcastle United", status="collapsed", sources=("The Times",)),
    ),
    line("d", None, rumour("Kylian Mbappé", "Real Madrid", status="bid", sources=("Marca",))),
    line("e", "2021-07-21", rumour("Ben Cole", "Leeds United", status="linked")),
]


def test_every_story_and_every_timeline_entry_is_drawn_in_order() -> None:
    stories = build_stories(ROWS)
    page = ParsedStoryPage(story_page(stories))
    assert [s["id"] for s in page.stories] == [f"story-{n}" for n in range(1, len(stories) + 1)]
    for story, drawn in zip(stories, page.stories, strict=True):
        assert drawn["data-status"] == story.status.value
        assert [e["article"] for e in drawn["entries"]] == [e.id for e in story.timeline]
        assert story.player in drawn["text"]
        assert f"{story.probability * 100:.0f}%" in drawn["text"]
        for outlet in story.outlets:
            assert outlet.name in drawn["text"]
        for entry, shown in zip(story.timeline, drawn["entries"], strict=True):
            assert entry.status.value in shown["text"]
            assert (entry.published or "undated")[:10] in shown["text"]
            for evidence in entry.evidence:
                assert evidence.text in shown["text"]
    harding = next(s for s in page.stories if "Tom Harding" in s["text"])
    assert "data-contradicted" in harding
    assert "1 contradiction" in harding["text"] and "reversal" in harding["text"]
    assert "2021-07-10 09:30" in harding["text"]  # a datetime shows its time
    assert "fee 38m GBP" in harding["text"]
    assert "named as “Harding”" in harding["text"]  # the surname-only article


def test_links_are_drawn_only_for_articles_with_a_view() -> None:
    stories = build_stories(ROWS)
    hrefs = {"a": "views/a-1.html", "c": "../elsewhere/c 2.html"}
    page = ParsedStoryPage(story_page(stories, links=hrefs.get))
    linked = {
        entry["article"]: [
            link["href"] for link in entry["links"] if link.get("class") == "evidence-link"
        ]
        for story in page.stories
        for entry in story["entries"]
    }
    assert linked == {
        "a": ["views/a-1.html"],
        "b": [],
        "c": ["../elsewhere/c 2.html"],
        "d": [],
        "e": [],
    }


def test_hostile_fields_are_text_and_nothing_else(tmp_path: Path) -> None:
    reports, _ = hostile_batch(tmp_path)
    [story] = build_stories(reports)
    html = story_page([story], links=lambda article_id: f"views/{article_id}")
    page = ParsedStoryPage(html)
    assert page.scripts == 1  # the page's own
    assert not {"img", "svg", "iframe", "base", "link", "object", "embed"} & set(page.tags)
    [drawn] = page.stories
    for text in (EVIL_PLAYER, EVIL_TO, EVIL_FROM, EVIL_OUTLET, EVIL_ID, EVIL_URL):
        assert text in drawn["text"]
    assert [e["article"] for e in drawn["entries"]] == [EVIL_ID, ESCAPING_ID]
    # Every link on the page: the evidence views given, and the one http(s) address.
    hrefs = [link["href"] for link in page.links]
    assert hrefs == [f"views/{EVIL_ID}", f"views/{ESCAPING_ID}", PLAIN_URL]
    online = page.links[-1]
    assert online["rel"] == "noopener noreferrer"
    assert not [h for h in hrefs if h.lower().lstrip().startswith(("javascript:", "data:"))]


def test_the_page_allows_only_its_own_script_and_style() -> None:
    html = story_page(build_stories(ROWS))
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert policy is not None
    assert "default-src 'none'" in policy.group(1)
    assert "unsafe-inline" not in policy.group(1)
    assert html.count("<script>") == 1 and html.count("<style>") == 1
    assert "http://" not in html.split("<body>")[0] and "https://" not in html


def test_status_steps_show_the_path_and_where_the_story_is() -> None:
    [story] = build_stories(
        [
            line("a", "2021-06-01", rumour("Tom Harding", "Newcastle United", status="bid")),
            line(
                "b", "2021-06-02", rumour("Tom Harding", "Newcastle United", status="bid_rejected")
            ),
            line("c", "2021-06-03", rumour("Tom Harding", "Newcastle United", status="collapsed")),
        ]
    )
    html = story_page([story])
    steps = re.findall(r'<li class="step step-(\w+)([^"]*)"', html)
    assert steps == [
        ("linked", ""),
        ("talks", ""),
        ("bid", " seen"),
        ("bid_rejected", " seen"),
        ("agreed", ""),
        ("completed", ""),
        ("collapsed", " seen now"),
    ]


def test_the_filter_text_is_folded_like_the_filter_box() -> None:
    page = ParsedStoryPage(story_page(build_stories(ROWS)))
    mbappe = next(s for s in page.stories if "Mbappé" in s["text"])
    assert "kylian mbappe" in mbappe["data-search"] and "real madrid" in mbappe["data-search"]
    assert "marca" in mbappe["data-search"] and "d" in mbappe["data-search"].split()


def test_no_story_says_so() -> None:
    html = story_page([], notes=["reports: 3 line(s), 0 used"])
    assert "No story: no report had a rumour." in html
    assert "reports: 3 line(s), 0 used" in html and "0 stories" in html
