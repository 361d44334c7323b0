import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from rumourx.cli import main

ARTICLE = "Wolves have rejected a £30m bid plus £5m in add-ons from Newcastle United for Tom Harding, Sky Sports reports."


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_extract_prints_a_readable_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    code, out, err = run(capsys, "extract", str(path))
    assert code == 0 and err == ""
    assert (
        "Tom Harding: Wolverhampton Wanderers -> Newcastle United [permanent, bid_rejected, fee 30,000,000 GBP + 5,000,000 add-ons]"
        in out
    )
    assert "Sky Sports (tier 2)" in out


def test_extract_json_is_one_object_with_rumours_and_usage(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    code, out, _ = run(capsys, "extract", str(path), "--json", "--strategy", "rules")
    data = json.loads(out)
    assert code == 0
    assert set(data) >= {"rumours", "usage"}
    assert data["rumours"][0]["fee"]["add_ons"] == 5_000_000


def test_stdin_is_read_with_a_dash(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode())))
    code, out, _ = run(capsys, "extract", "-", "--json")
    assert code == 0 and json.loads(out)["rumours"]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: str(p / "missing.txt"), "no such file"),
        (lambda p: str(p), "is a directory"),
        (lambda p: (p / "b.bin").write_bytes(b"\x00\x01\x02") and str(p / "b.bin"), "binary"),
        (
            lambda p: (p / "l1.txt").write_bytes("café".encode("latin-1")) and str(p / "l1.txt"),
            "not UTF-8",
        ),
        (lambda p: (p / "e.txt").write_text("  \n") and str(p / "e.txt"), "empty"),
    ],
)
def test_bad_input_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make, message: str
) -> None:
    code, out, err = run(capsys, "extract", make(tmp_path))
    assert code == 2
    assert out == ""
    assert message in err and len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_empty_stdin_exits_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    code, _, err = run(capsys, "extract", "-")
    assert code == 2 and "empty" in err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "nonsense")[0] == 2
    assert run(capsys, "extract")[0] == 2
    assert run(capsys, "extract", "-", "--strategy", "magic")[0] == 2
    assert run(capsys, "extract", "x", "--base-url", "ftp://nope")[0] == 2
    assert run(capsys)[0] == 2


def test_a_failing_provider_exits_1_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from rumourx import ProviderError
    from rumourx.extractor import Extractor

    def boom(self: Extractor, article: object) -> None:
        raise ProviderError(
            "model endpoint answered HTTP 500 after 3 attempt(s): status 500",
            status_code=500,
            attempts=3,
        )

    monkeypatch.setattr(Extractor, "extract", boom)
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    code, _, err = run(
        capsys, "extract", str(path), "--strategy", "llm", "--base-url", "http://127.0.0.1:9/v1"
    )
    assert code == 1
    assert (
        err.strip()
        == "rumourx: error: model endpoint answered HTTP 500 after 3 attempt(s): status 500"
    )


def test_eval_scores_the_projects_own_corpus(capsys: pytest.CaptureFixture[str]) -> None:
    root = Path(__file__).resolve().parents[1] / "examples" / "corpus"
    code, out, _ = run(
        capsys,
        "eval",
        "--articles",
        str(root / "articles.jsonl"),
        "--gold",
        str(root / "gold.jsonl"),
        "--json",
    )
    [result] = json.loads(out)
    assert code == 0
    assert result["strategy"] == "rules" and result["f1"] >= 0.9
    assert set(result["accuracy"]) == {
        "from_club",
        "transfer_type",
        "status",
        "fee_amount",
        "fee_currency",
        "sources",
    }


@pytest.mark.slow
def test_the_console_script_answers_help() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "rumourx", "--help"], capture_output=True, text=True
    )
    assert done.returncode == 0 and "extract" in done.stdout


def test_extract_html_writes_the_evidence_view_and_keeps_json_unchanged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    view = tmp_path / "view.html"
    code, out, err = run(capsys, "extract", str(path), "--json", "--html", str(view))
    assert code == 0
    assert json.loads(out)["rumours"][0]["player"] == "Tom Harding"
    assert err.strip() == f"evidence view: {view.resolve()}"
    page = view.read_text(encoding="utf-8")
    assert '<mark id="r0-first" class="r0" data-rumour="0"' in page
    assert "<title>Evidence view: a.txt</title>" in page


def test_extract_html_into_a_missing_folder_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    code, _, err = run(capsys, "extract", str(path), "--html", str(tmp_path / "no" / "v.html"))
    assert code == 2
    assert err.startswith("rumourx: error: cannot write the evidence view to") and len(err.strip().splitlines()) == 1


def _on_a_terminal(argv: list[str], env: dict[str, str]) -> str:
    """Run the command with its stdout on a pseudo-terminal; return what it drew."""
    import os
    import pty

    leader, follower = pty.openpty()
    done = subprocess.Popen(
        [sys.executable, "-m", "rumourx", *argv],
        stdout=follower,
        stderr=subprocess.PIPE,
        env={**os.environ, **env},
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert done.wait(timeout=60) == 0, done.stderr.read() if done.stderr else ""
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


@pytest.mark.slow
def test_extract_on_a_terminal_draws_a_table_piped_plain_text(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    env = {"COLUMNS": "50", "LINES": "40", "TERM": "xterm-256color", "NO_COLOR": ""}
    drawn = _on_a_terminal(["extract", str(path)], env)
    assert "┃" in drawn and "…" not in drawn
    assert "\x1b[" in drawn  # coloured
    assert all(len(line) <= 50 for line in re.sub(r"\x1b\[[0-9;]*m", "", drawn).splitlines())
    assert "Tom Harding" in drawn and "bid rejected" in drawn
    plain = _on_a_terminal(["extract", str(path)], {**env, "NO_COLOR": "1"})
    assert "┃" not in plain and "\x1b[" not in plain
    assert "Tom Harding: Wolverhampton Wanderers -> Newcastle United" in plain
    piped = subprocess.run(
        [sys.executable, "-m", "rumourx", "extract", str(path)], capture_output=True, text=True
    )
    assert piped.returncode == 0 and "┃" not in piped.stdout
    assert piped.stdout.startswith("1 transfer rumour(s):")


@pytest.mark.parametrize(("model", "priced"), [("gpt-4o-mini", True), ("my-own-model", False)])
def test_extract_prints_the_cost_when_the_model_has_a_price(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    model: str,
    priced: bool,
) -> None:
    import rumourx.extractor
    from rumourx.testing import FunctionModel

    monkeypatch.setattr(
        rumourx.extractor, "_build_model", lambda settings: FunctionModel(lambda r: {"rumours": []})
    )
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    monkeypatch.delenv("RUMOURX_PRICES", raising=False)
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    code, out, _ = run(capsys, "extract", str(path), "--model", model)
    assert code == 0
    assert "strategy ensemble; 2 model call(s)" in out  # the read and the focused re-read
    assert ("estimated cost $" in out and f"({model})" in out) == priced
