import json
from pathlib import Path

import pytest

from rumourx.cli import main

TEXT = "Wolves have rejected a £30m bid from Newcastle United for Tom Harding, Sky Sports reports."


def _input(path: Path, n: int) -> Path:
    lines = [
        json.dumps({"id": f"a{i}", "text": f"{TEXT} Item {i}.", "feed": "wire"}) for i in range(n)
    ]
    lines.append("{broken")
    path.write_text("\n".join(lines) + "\n")
    return path


def test_batch_writes_one_whole_line_per_article_and_passes_other_keys_through(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, out = _input(tmp_path / "in.jsonl", 20), tmp_path / "out.jsonl"
    code = main(["batch", str(source), "-o", str(out), "--no-cache", "--strategy", "rules"])
    printed = capsys.readouterr().out
    assert code == 0
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(rows) == 21
    ok = [r for r in rows if "report" in r]
    assert len(ok) == 20 and all(r["feed"] == "wire" for r in ok)
    assert ok[0]["report"]["rumours"][0]["to_club"] == "Newcastle United"
    [bad] = [r for r in rows if "error" in r]
    assert bad == {
        "id": None,
        "input_line": 21,
        "input_sha256": bad["input_sha256"],
        "error": {
            "type": "InputError",
            "message": "line 21 is not JSON: Expecting property name enclosed in double quotes",
        },
    }
    assert "21 in input, 0 already done, 20 done (0 from cache), 1 failed" in printed
    assert "estimated cost $0.0000" in printed


def test_a_rerun_skips_finished_ids_and_completes_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, out = _input(tmp_path / "in.jsonl", 10), tmp_path / "out.jsonl"
    main(["batch", str(source), "-o", str(out), "--no-cache"])
    lines = out.read_text().splitlines()
    out.write_text("\n".join(lines[:4]) + "\n" + lines[4][:15])  # killed mid-write
    capsys.readouterr()
    assert main(["batch", str(source), "-o", str(out), "--no-cache"]) == 0
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    ids = [r["id"] for r in rows if r["id"] is not None]
    assert sorted(ids) == sorted(f"a{i}" for i in range(10))
    assert len(ids) == len(set(ids)) == 10
    assert [r["input_line"] for r in rows if r["id"] is None] == [11]
    assert "11 in input, 4 already done, 6 done" in capsys.readouterr().out


def test_the_cache_is_on_by_default_and_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RUMOURX_CACHE_DIR", str(tmp_path / "cache"))
    source = _input(tmp_path / "in.jsonl", 3)
    main(["batch", str(source), "-o", str(tmp_path / "one.jsonl")])
    main(["batch", str(source), "-o", str(tmp_path / "two.jsonl")])
    assert "3 done (3 from cache)" in capsys.readouterr().out.split("articles:")[-1]


@pytest.mark.parametrize(
    "args",
    [
        ["batch", "missing.jsonl", "-o", "out.jsonl"],
        ["batch", ".", "-o", "o.jsonl"],
        ["batch", "in.jsonl"],
        ["batch", "in.jsonl", "-o", "o.jsonl", "--concurrency", "0"],
    ],
)
def test_bad_batch_usage_exits_2(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    _input(tmp_path / "in.jsonl", 1)
    assert main(args) == 2
    assert capsys.readouterr().err.strip().startswith(("rumourx: error", "usage"))


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def _write(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows))
    return path


def test_input_as_output_exits_2_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _input(tmp_path / "in.jsonl", 3)
    source.write_text(source.read_text().rstrip("\n"))
    before = source.read_bytes()
    assert main(["batch", str(source), "-o", str(source), "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("rumourx: error: the output") and "is the input file" in err
    assert len(err.strip().splitlines()) == 1
    assert source.read_bytes() == before


@pytest.mark.parametrize("retry", [[], ["--retry-failed"]])
def test_an_output_that_is_not_rumourx_output_is_refused_and_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], retry: list[str]
) -> None:
    source, notes = _input(tmp_path / "in.jsonl", 2), tmp_path / "notes.txt"
    notes.write_text('my notes\n{"id": "x", "other": 1}\n')
    assert main(["batch", str(source), "-o", str(notes), "--no-cache", *retry]) == 2
    assert "is not rumourx output" in capsys.readouterr().err
    assert notes.read_text() == 'my notes\n{"id": "x", "other": 1}\n'


def test_a_changed_text_is_redone_on_resume_and_counted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    other = "Arsenal agreed a £30m fee with Lyon for Houssem Aouar."
    _write(source, [{"id": "a", "text": TEXT}, {"id": "b", "text": TEXT}])
    main(["batch", str(source), "-o", str(out), "--no-cache"])
    _write(source, [{"id": "a", "text": other}, {"id": "b", "text": TEXT}])
    capsys.readouterr()
    assert main(["batch", str(source), "-o", str(out), "--no-cache"]) == 0
    printed = capsys.readouterr().out
    assert "2 in input, 1 already done, 1 changed since their output line (redone), 1 done" in (
        printed
    )
    rows = {row["id"]: row for row in _rows(out)}
    assert len(_rows(out)) == 2
    assert rows["a"]["report"]["rumours"][0]["player"] == "Houssem Aouar"
    assert rows["b"]["report"]["rumours"][0]["player"] == "Tom Harding"


def test_retry_failed_keeps_every_line_it_does_not_redo(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from rumourx.batch.outcomes import input_hash

    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _write(source, [{"id": "a", "text": TEXT}, {"id": "f", "text": TEXT}])
    failed = {"type": "ProviderError", "message": "HTTP 503"}
    _write(
        out,
        [
            {"id": "a", "input_sha256": input_hash(TEXT), "report": {"rumours": []}},
            {"id": "f", "input_sha256": input_hash(TEXT), "error": failed},
            {"id": "gone", "input_sha256": "x", "error": failed},
            {"id": None, "input_line": 40, "input_sha256": "y", "error": failed},
        ],
    )
    assert main(["batch", str(source), "-o", str(out), "--no-cache", "--retry-failed"]) == 0
    assert "1 already done, 1 failed before (retried), 1 done" in capsys.readouterr().out
    rows = _rows(out)
    assert [r["id"] for r in rows] == ["a", "gone", None, "f"]
    assert rows[0]["report"] == {"rumours": []}, "a line that is not redone is kept as it was"
    assert "report" in rows[3]


def test_a_read_only_cache_completes_the_batch_with_one_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import os

    def read_only(*args: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(os, "replace", read_only)
    monkeypatch.setenv("RUMOURX_CACHE_DIR", str(tmp_path / "cache"))
    source, out = _input(tmp_path / "in.jsonl", 5), tmp_path / "out.jsonl"
    assert main(["batch", str(source), "-o", str(out)]) == 0
    printed = capsys.readouterr()
    assert "6 in input, 0 already done, 5 done" in printed.out
    assert printed.err.splitlines() == [
        f"rumourx: warning: cannot write the report cache in {tmp_path / 'cache'} "
        "(Read-only file system): going on without it"
    ]
    assert len(_rows(out)) == 6


def test_a_cache_dir_that_is_a_file_completes_the_batch_with_one_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "cache").write_text("not a folder")
    monkeypatch.setenv("RUMOURX_CACHE_DIR", str(tmp_path / "cache"))
    source, out = _input(tmp_path / "in.jsonl", 5), tmp_path / "out.jsonl"
    assert main(["batch", str(source), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "going on without it" in err
    assert len(_rows(out)) == 6


def test_bad_articles_and_keys_are_error_lines_for_themselves_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_text(
        "\ufeff"
        + json.dumps({"id": "bom", "text": TEXT})
        + "\nnot json\n"
        + json.dumps({"id": "line-2", "text": TEXT})
        + "\n"
        + '{"id": "sur", "text": "Arsenal \\ud800 signed Aouar."}\n'
        + json.dumps({"id": "note", "text": TEXT, "note": "\udc80"})
        + "\n"
        + json.dumps({"id": "err", "text": TEXT, "error": "mine"})
        + "\n"
        + json.dumps({"id": 1.5, "text": TEXT})
        + "\n"
    )
    assert main(["batch", str(source), "-o", str(out), "--no-cache", "--concurrency", "3"]) == 0
    rows = {(r["id"], r.get("input_line")): r for r in _rows(out)}
    assert len(rows) == 7
    assert "report" in rows[("bom", None)] and "report" in rows[("line-2", None)]
    assert rows[(None, 2)]["error"]["message"] == "line 2 is not JSON: Expecting value"
    assert "lone surrogate (U+D800)" in rows[("sur", None)]["error"]["message"]
    assert rows[("note", None)]["note"] == "\udc80" and "report" in rows[("note", None)]
    assert "'error' is reserved" in rows[("err", None)]["error"]["message"]
    assert rows[(None, 7)]["error"]["message"] == (
        "line 7 has a bad id: id must be a string or integer, not the number 1.5"
    )
    assert "Traceback" not in capsys.readouterr().err


def test_a_full_disk_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    source = _input(tmp_path / "in.jsonl", 2)
    assert main(["batch", str(source), "-o", "/dev/full", "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert (
        err
        == "rumourx: error: cannot write /dev/full: No space left on device (0 line(s) written)\n"
    )
