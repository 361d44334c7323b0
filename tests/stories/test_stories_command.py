"""`rumourx stories`: reports in, one story a line out, a summary, clear errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rumourx.cli import main
from rumourx.views.filenames import evidence_view_name
from tests.stories.reports import line, rumour, write

ROWS = [
    line(
        "a",
        "2021-07-01",
        rumour("Tom Harding", "Newcastle United", status="talks", sources=("Sky Sports",)),
    ),
    line(
        "b",
        "2021-07-10",
        rumour("Harding", "Newcastle United", status="agreed", sources=("The Athletic",)),
    ),
    line(
        "c",
        "2021-07-20",
        rumour("Tom Harding", "Newcastle United", status="collapsed", sources=("The Times",)),
    ),
    line("d", "2021-07-21", rumour("Ben Cole", "Leeds United", status="bid")),
    {"id": "e", "error": {"type": "InputError", "message": "input 'text' must be a string"}},
    '{"id": "f", "rep',
]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_stories_are_written_one_a_line_with_a_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reports = write(tmp_path / "reports.jsonl", ROWS)
    target = tmp_path / "stories.jsonl"
    code, out, err = run(capsys, "stories", str(reports), "-o", str(target))
    assert code == 0 and err == ""
    stories = [json.loads(text) for text in target.read_text(encoding="utf-8").splitlines()]
    assert {(s["player"], s["to_club"]) for s in stories} == {
        ("Tom Harding", "Newcastle United"),
        ("Ben Cole", "Leeds United"),
    }
    probabilities = [s["probability"] for s in stories]
    assert probabilities == sorted(probabilities, reverse=True)
    harding = next(s for s in stories if s["player"] == "Tom Harding")
    assert harding["status"] == "collapsed" and harding["articles"] == ["a", "b", "c"]
    assert harding["corroboration"] == 3 and harding["best_tier"] == 1
    assert "reports: 6 line(s), 4 used, 2 skipped" in out
    assert "skipped 1: error line (the article failed to extract)" in out
    assert "skipped 1: not JSON (torn or corrupt line)" in out
    assert "stories: 2 (0 without a destination, 1 with contradictions)" in out
    assert "articles per story: mean 2.00, median 2, max 3" in out
    assert "corroboration (independent outlets): 0 outlets: 1, 3 outlets: 1" in out
    assert not (tmp_path / "stories.jsonl.tmp").exists()


def test_as_of_writes_what_was_known_that_day(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reports = write(tmp_path / "reports.jsonl", ROWS)
    target = tmp_path / "stories.jsonl"
    code, out, _ = run(capsys, "stories", str(reports), "-o", str(target), "--as-of", "2021-07-10")
    [story] = [json.loads(text) for text in target.read_text(encoding="utf-8").splitlines()]
    assert code == 0
    assert (story["status"], story["articles"], story["as_of"]) == (
        "agreed",
        ["a", "b"],
        "2021-07-10",
    )
    assert "skipped 2: published after --as-of" in out
    assert "as of 2021-07-10: articles published later were left out" in out


def test_a_dash_writes_stories_to_stdout_and_the_summary_to_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reports = write(tmp_path / "reports.jsonl", ROWS[:1])
    code, out, err = run(capsys, "stories", str(reports), "-o", "-")
    assert code == 0
    assert json.loads(out)["player"] == "Tom Harding"
    assert "stories: 1" in err


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (
            lambda p: (p / "a.txt").write_text("Arsenal want a striker.\n") and p / "a.txt",
            "is not rumourx batch output",
        ),
        (
            lambda p: write(p / "in.jsonl", [{"id": "1", "text": "an article"}]),
            "is not rumourx batch output",
        ),
        (lambda p: p / "missing.jsonl", "no such file"),
        (lambda p: p, "is a directory"),
    ],
)
def test_bad_input_is_one_line_and_exit_2_and_no_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make: object, message: str
) -> None:
    source = make(tmp_path)  # type: ignore[operator]
    target = tmp_path / "stories.jsonl"
    code, _out, err = run(capsys, "stories", str(source), "-o", str(target))
    assert code == 2
    assert err.startswith("rumourx: error: ") and message in err and err.count("\n") == 1
    assert not target.exists()


def test_a_bad_as_of_date_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    reports = write(tmp_path / "reports.jsonl", ROWS)
    code, _, err = run(
        capsys, "stories", str(reports), "-o", str(tmp_path / "s.jsonl"), "--as-of", "soon"
    )
    assert code == 2 and "as-of date" in err


def test_a_bad_coefficients_file_is_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reports = write(tmp_path / "reports.jsonl", ROWS)
    (tmp_path / "c.json").write_text("{}", encoding="utf-8")
    code, _, err = run(
        capsys,
        "stories",
        str(reports),
        "-o",
        str(tmp_path / "s.jsonl"),
        "--coefficients",
        str(tmp_path / "c.json"),
    )
    assert code == 2 and "bad coefficients file" in err


# The story page: --html, --views, --articles.

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "stories" / "articles.jsonl"


def _batch(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    reports = tmp_path / "reports.jsonl"
    code, _, _ = run(capsys, "batch", str(EXAMPLE), "-o", str(reports))
    assert code == 0
    return reports


def test_html_draws_the_stories_and_links_every_entry_to_a_view_that_exists(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.stories.story_pages import ParsedStoryPage
    from tests.views.pages import ParsedPage

    reports = _batch(tmp_path, capsys)
    site = tmp_path / "site"
    page_file = site / "stories.html"
    code, out, err = run(
        capsys,
        "stories",
        str(reports),
        "-o",
        str(tmp_path / "stories.jsonl"),
        "--html",
        str(page_file),
        "--views",
        str(site / "views"),
        "--articles",
        str(EXAMPLE),
    )
    assert code == 0 and err == ""
    stories = [
        json.loads(t) for t in (tmp_path / "stories.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    page = ParsedStoryPage(page_file.read_text(encoding="utf-8"))
    assert [[e["article"] for e in s["entries"]] for s in page.stories] == [
        s["articles"] for s in stories
    ]
    texts = {
        row["id"]: row["text"]
        for row in (json.loads(t) for t in EXAMPLE.read_text(encoding="utf-8").splitlines())
    }
    linked = 0
    for story in page.stories:
        for entry in story["entries"]:
            [link] = [a for a in entry["links"] if a.get("class") == "evidence-link"]
            view = site / link["href"]
            assert view.is_file() and view.resolve().parent == (site / "views").resolve()
            assert ParsedPage(view.read_text(encoding="utf-8")).text == texts[entry["article"]]
            linked += 1
    assert linked == sum(len(s["articles"]) for s in stories) == 9
    assert sorted(p.name for p in (site / "views").iterdir()) == sorted(
        evidence_view_name(i) for s in stories for i in s["articles"]
    )
    assert f"story page: {page_file.resolve()}" in out
    assert f"evidence views: 9 written to {site / 'views'}" in out
    assert not list(site.glob("*.tmp")) and not list((site / "views").glob("*.tmp"))


def test_html_alone_writes_the_page_without_links(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reports = write(tmp_path / "reports.jsonl", ROWS)
    code, out, _ = run(capsys, "stories", str(reports), "--html", str(tmp_path / "s.html"))
    assert code == 0
    html = (tmp_path / "s.html").read_text(encoding="utf-8")
    assert html.count('<article class="story"') == 2 and "evidence-link" not in html
    assert "stories: 2" in out and not (tmp_path / "s.jsonl").exists()


def test_views_without_articles_say_where_the_texts_would_come_from(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reports = write(tmp_path / "reports.jsonl", ROWS)
    code, out, _ = run(
        capsys,
        "stories",
        str(reports),
        "--html",
        str(tmp_path / "s.html"),
        "--views",
        str(tmp_path / "v"),
    )
    assert code == 0
    assert "evidence views: 0 written" in out
    assert "4 article(s) without one: no article text: give --articles, the batch input file" in out
    assert "evidence-link" not in (tmp_path / "s.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "give -o STORIES.jsonl, --html PAGE.html, or both"),
        (
            ["-o", "{t}/s.jsonl", "--views", "{t}/v"],
            "--views writes the views the story page links to",
        ),
        (["--html", "{t}/s.html", "--articles", "{t}/in.jsonl"], "--articles gives the texts"),
        (["--html", "-"], "--html needs a file name"),
        (["--html", "{t}/reports.jsonl"], "is the reports file"),
        (["--html", "{t}"], "is a directory"),
        (["-o", "{t}/x", "--html", "{t}/x"], "name the same file"),
        (["--html", "{t}/s.html", "--views", "{t}/reports.jsonl"], "is a file, not a folder"),
        (
            ["--html", "{t}/s.html", "--views", "{t}/v", "--articles", "{t}/none.jsonl"],
            "no such file",
        ),
        (["--html", "{t}/missing/s.html"], "cannot write"),
    ],
)
def test_unusable_page_options_are_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    reports = write(tmp_path / "reports.jsonl", ROWS)
    before = sorted(p.name for p in tmp_path.iterdir())
    argv = [a.replace("{t}", str(tmp_path)) for a in args]
    code, _, err = run(capsys, "stories", str(reports), *argv)
    assert code == 2
    assert err.startswith("rumourx: error: ") and message in err and err.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # nothing written


def test_a_file_that_is_not_rumourx_output_writes_no_page_and_no_views(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write(tmp_path / "in.jsonl", [{"id": "1", "text": "an article"}])
    code, _, err = run(
        capsys,
        "stories",
        str(source),
        "--html",
        str(tmp_path / "s.html"),
        "--views",
        str(tmp_path / "v"),
        "--articles",
        str(source),
    )
    assert code == 2 and "is not rumourx batch output" in err
    assert not (tmp_path / "s.html").exists() and not (tmp_path / "v").exists()


def test_a_page_that_cannot_be_written_leaves_no_stories_file_either(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reports = write(tmp_path / "reports.jsonl", ROWS)
    code, _, err = run(
        capsys,
        "stories",
        str(reports),
        "-o",
        str(tmp_path / "s.jsonl"),
        "--html",
        str(tmp_path / "missing" / "s.html"),
    )
    assert code == 2 and "cannot write" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reports.jsonl"]
