"""Reading rumourx batch output: forgiving what it can, refusing what is not ours."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rumourx import InputError
from rumourx.stories import ReadSummary, build_stories
from rumourx.stories.reports import (
    AFTER_AS_OF,
    BAD_REPORT,
    ERROR_LINE,
    NOT_JSON,
    NOT_OURS,
    NOT_UTF8,
    UNDATED_AS_OF,
)
from tests.stories.reports import line, rumour, write


def test_bad_lines_are_skipped_and_counted_and_the_rest_makes_stories(tmp_path: Path) -> None:
    good = line("a", "2021-06-01", rumour("Tom Harding", "Newcastle United", status="bid"))
    future = line("b", "2021-06-02", rumour("Tom Harding", "Newcastle United", status="agreed"))
    future["report"]["rumours"][0]["confidence"] = 0.9  # fields from a later rumourx
    future["report"]["rumours"][0]["evidence"][0]["paragraph"] = 3
    future["report"]["reader_version"] = "9"
    future["feed"] = "wire"
    bad_rumour = line("c", "2021-06-03", {"player": "x"}, rumour("Ben Cole", "Leeds United"))
    path = write(
        tmp_path / "reports.jsonl",
        [
            good,
            future,
            bad_rumour,
            {
                "id": "d",
                "error": {"type": "ProviderError", "message": "HTTP 503 after 3 attempt(s)"},
            },
            {"id": "e", "report": {"rumours": "not a list"}},
            '{"id": "f", "report": {"rumours": [',  # torn by a kill
            '["a", "list"]',
            {"no": "id"},
            "",
        ],
    )
    with path.open("ab") as file:
        file.write(b'{"id": "g", "report": "\xff\xfe"}\n')
    summary = ReadSummary()
    stories = build_stories(path, summary=summary)
    assert {(s.player, tuple(s.articles)) for s in stories} == {
        ("Tom Harding", ("a", "b")),
        ("Ben Cole", ("c",)),
    }
    assert summary.lines == 9 and summary.used == 3
    assert summary.skipped == {ERROR_LINE: 1, BAD_REPORT: 1, NOT_JSON: 1, NOT_OURS: 2, NOT_UTF8: 1}
    assert summary.rumours_skipped == 1
    printed = "\n".join(summary.lines_out())
    assert "9 line(s), 3 used, 6 skipped" in printed
    assert f"skipped 2: {NOT_OURS}" in printed and "1 unreadable rumour(s) left out" in printed


def test_reports_without_dates_still_make_stories_in_file_order() -> None:
    summary = ReadSummary()
    [story] = build_stories(
        [
            line("a", None, rumour("Tom Harding", "Newcastle United", status="agreed")),
            line("b", None, rumour("Tom Harding", "Newcastle United", status="collapsed")),
        ],
        summary=summary,
    )
    assert story.articles == ["a", "b"] and story.status.value == "collapsed"
    assert story.first_reported is None and story.last_reported is None
    assert summary.undated == 2
    assert story.contradictions[0].kind == "conflict"  # no dates: no order to call it a reversal


def test_as_of_leaves_out_later_and_undated_reports_and_says_so() -> None:
    summary = ReadSummary()
    build_stories(
        [
            line("a", "2021-06-01", rumour("Tom Harding", "Newcastle United")),
            line("b", "2021-06-05", rumour("Tom Harding", "Newcastle United")),
            line("c", None, rumour("Tom Harding", "Newcastle United")),
            line("d", "June 2021", rumour("Tom Harding", "Newcastle United")),
        ],
        as_of="2021-06-02",
        summary=summary,
    )
    assert summary.skipped == {AFTER_AS_OF: 1, UNDATED_AS_OF: 2}
    assert summary.bad_dates == 1


def test_an_unreadable_date_is_used_without_a_date() -> None:
    summary = ReadSummary()
    [story] = build_stories(
        [line("a", "yesterday", rumour("Tom Harding", "Newcastle United"))], summary=summary
    )
    assert story.timeline[0].published is None and summary.bad_dates == 1
    assert "  1 unreadable 'published' date(s), used without a date" in summary.lines_out()


@pytest.mark.parametrize(
    "content",
    [
        "just some notes\nabout transfers\n",
        json.dumps({"id": "a", "text": "an article, not a report"}) + "\n",
        json.dumps([1, 2, 3]) + "\n",
    ],
)
def test_a_file_that_is_not_rumourx_output_is_an_input_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match="is not rumourx batch output"):
        build_stories(path)


def test_a_long_file_that_is_not_rumourx_output_is_refused_without_reading_it_all(
    tmp_path: Path,
) -> None:
    path = tmp_path / "articles.jsonl"
    path.write_text(
        "".join(json.dumps({"id": str(i), "text": "x"}) + "\n" for i in range(5000)),
        encoding="utf-8",
    )
    summary = ReadSummary()
    with pytest.raises(InputError, match="not rumourx batch output"):
        build_stories(path, summary=summary)
    assert summary.lines == 1000


def test_missing_binary_and_directory_inputs_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        build_stories(tmp_path / "missing.jsonl")
    with pytest.raises(InputError, match="is a directory"):
        build_stories(tmp_path)
    binary = tmp_path / "b.jsonl"
    binary.write_bytes(b"\x89PNG\x00\x00\x01")
    with pytest.raises(InputError, match="binary"):
        build_stories(binary)


def test_an_empty_file_gives_no_stories(tmp_path: Path) -> None:
    summary = ReadSummary()
    assert build_stories(write(tmp_path / "empty.jsonl", []), summary=summary) == []
    assert summary.lines == 0


def test_a_bad_as_of_date_is_an_input_error() -> None:
    with pytest.raises(InputError, match="as-of date"):
        build_stories([], as_of="last Tuesday")


def test_lines_as_text_and_as_bytes_read_like_the_file(tmp_path: Path) -> None:
    rows = [
        line("a", "2021-06-01", rumour("Tom Harding", "Newcastle United", status="bid")),
        line("b", "2021-06-02", rumour("Ben Cole", "Leeds United")),
    ]
    path = write(tmp_path / "r.jsonl", rows)
    texts = path.read_text(encoding="utf-8").splitlines()
    assert build_stories(texts) == build_stories([t.encode() for t in texts]) == build_stories(path)
