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
        "id": "line-21",
        "error": {"type": "InputError", "message": bad["error"]["message"]},
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
    ids = [json.loads(line)["id"] for line in out.read_text().splitlines()]
    assert sorted(ids) == sorted({*[f"a{i}" for i in range(10)], "line-11"})
    assert len(ids) == len(set(ids)) == 11
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
