"""`rumourx stories`: reports in, one story a line out, a summary, clear errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rumourx.cli import main
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
