"""Evidence views for a story page: which articles get one, where, and why the others do not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rumourx import Article, InputError
from rumourx.batch.outcomes import input_hash
from rumourx.stories.evidence_views import (
    CHANGED,
    NO_INPUT,
    NOT_IN_INPUT,
    EvidenceViews,
    InputArticle,
)
from rumourx.views.filenames import evidence_view_name
from tests.stories.reports import line, rumour, write
from tests.views.pages import ParsedPage

TEXTS = {
    "a": "Newcastle United have opened talks with Wolves over Tom Harding, Sky Sports reports.",
    "b": "Newcastle United have agreed a £38m fee with Wolves for Tom Harding, the Times says.",
    "c": "Tom Harding has completed his move to Newcastle United, BBC Sport reports.",
}


def _line(article_id: str, published: str, status: str, **extra: object) -> dict[str, object]:
    text = TEXTS[article_id]
    sentence = text.split(",")[0]
    row = line(
        article_id,
        published,
        rumour("Tom Harding", "Newcastle United", status=status, sentence=sentence),
        **extra,
    )
    row["input_sha256"] = input_hash(text)
    return row


def _inputs(**texts: str) -> list[InputArticle]:
    return [InputArticle(Article(id=i, text=t), input_hash(t)) for i, t in texts.items()]


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    return write(
        tmp_path / "reports.jsonl",
        [
            _line("a", "2021-06-01", "talks", title="Talks <b>opened</b>"),
            _line("b", "2021-06-10", "agreed"),
            _line("c", "2021-06-20", "completed"),
            {"id": "d", "error": {"type": "InputError", "message": "empty"}},
            line("e", "2021-06-21"),  # a report without a rumour: no story, no view
        ],
    )


def test_views_are_written_for_the_articles_whose_text_is_given(
    reports: Path, tmp_path: Path
) -> None:
    views = EvidenceViews(reports, tmp_path / "out" / "views", tmp_path / "out" / "stories.html")
    views.write(_inputs(**TEXTS, e="Nothing here."))
    assert views.written == {"a", "b", "c"}
    assert sorted(p.name for p in (tmp_path / "out" / "views").iterdir()) == sorted(
        evidence_view_name(i) for i in "abc"
    )
    for article_id in "abc":
        href = views.href(article_id)
        assert href == f"views/{evidence_view_name(article_id)}"
        page = (tmp_path / "out" / href).read_text(encoding="utf-8")
        parsed = ParsedPage(page)
        assert parsed.text == TEXTS[article_id]
        assert [m["rumour"] for m in parsed.marks] == [0]
    assert "<title>Evidence view: Talks &lt;b&gt;opened&lt;/b&gt;</title>" in (
        tmp_path / "out" / views.href("a")  # type: ignore[operator]
    ).read_text(encoding="utf-8")
    assert views.href("d") is None and views.href("e") is None
    assert views.lines() == [f"evidence views: 3 written to {tmp_path / 'out' / 'views'}"]


def test_a_text_edited_since_the_batch_gets_no_view(reports: Path, tmp_path: Path) -> None:
    views = EvidenceViews(reports, tmp_path / "views", tmp_path / "stories.html")
    views.write(_inputs(a=TEXTS["a"], b=TEXTS["b"] + " Edited.", z="Unrelated."))
    assert views.written == {"a"}
    assert views.missing == {CHANGED: 1, NOT_IN_INPUT: 1}
    assert views.lines()[1:] == [
        f"  1 article(s) without one: {r}" for r in (CHANGED, NOT_IN_INPUT)
    ]


def test_without_the_input_only_reports_that_carry_their_text_get_a_view(tmp_path: Path) -> None:
    text = "Arsenal have agreed a fee with Lyon for Houssem Aouar, Sky Sports reports."
    carrying = line(
        "h", "2021-06-01", rumour("Houssem Aouar", "Arsenal", status="agreed", sentence=text[:40])
    )
    carrying["report"]["text"] = text  # what an HTML input's report holds: the text it read
    reports = write(tmp_path / "reports.jsonl", [carrying, _line("a", "2021-06-01", "talks")])
    views = EvidenceViews(reports, tmp_path / "views", tmp_path / "stories.html")
    views.write(None)
    assert views.written == {"h"}
    assert views.missing == {NO_INPUT: 1}
    page = ParsedPage((tmp_path / "views" / evidence_view_name("h")).read_text(encoding="utf-8"))
    assert page.text == text and page.marks[0]["text"] == text[:40]


def test_as_of_leaves_later_articles_without_a_view(reports: Path, tmp_path: Path) -> None:
    views = EvidenceViews(
        reports, tmp_path / "views", tmp_path / "stories.html", as_of="2021-06-10"
    )
    views.write(_inputs(**TEXTS))
    assert views.written == {"a", "b"}


def test_links_are_relative_to_the_page_and_escaped(reports: Path, tmp_path: Path) -> None:
    (tmp_path / "site").mkdir()
    views = EvidenceViews(reports, tmp_path / "shared views", tmp_path / "site" / "stories.html")
    views.write(_inputs(**TEXTS))
    href = views.href("a")
    assert href == f"../shared%20views/{evidence_view_name('a')}"
    assert (tmp_path / "site" / "../shared views" / evidence_view_name("a")).is_file()


def test_an_unreadable_report_is_counted_and_skipped(tmp_path: Path) -> None:
    bad = _line("a", "2021-06-01", "talks")
    bad["report"]["rumours"][0]["evidence"] = [{"text": "", "start": 5, "end": 1}]
    reports = write(tmp_path / "reports.jsonl", [bad, _line("b", "2021-06-10", "agreed")])
    views = EvidenceViews(reports, tmp_path / "views", tmp_path / "stories.html")
    views.write(_inputs(**TEXTS))
    assert views.written == {"b"}
    assert views.missing == {"unreadable report": 1}


def test_a_file_where_the_folder_should_be_is_an_input_error(reports: Path, tmp_path: Path) -> None:
    (tmp_path / "views").write_text("not a folder", encoding="utf-8")
    views = EvidenceViews(reports, tmp_path / "views", tmp_path / "stories.html")
    with pytest.raises(InputError, match="cannot make the views folder"):
        views.write(_inputs(**TEXTS))


def test_an_id_that_is_a_path_stays_inside_the_folder(tmp_path: Path) -> None:
    evil = "../../outside/<x>"
    row = line(
        evil, "2021-06-01", rumour("Tom Harding", "Newcastle United", sentence="Tom Harding")
    )
    text = "Tom Harding is wanted by Newcastle United."
    row["input_sha256"] = input_hash(text)
    reports = write(tmp_path / "reports.jsonl", [row])
    views = EvidenceViews(reports, tmp_path / "a" / "views", tmp_path / "a" / "stories.html")
    views.write([InputArticle(Article(id=evil, text=text), input_hash(text))])
    [written] = list((tmp_path / "a" / "views").iterdir())
    assert written.name == evidence_view_name(evil) and written.name.startswith("outside-x-")
    assert not (tmp_path / "outside").exists()
    assert json.loads(reports.read_text(encoding="utf-8"))["id"] == evil
