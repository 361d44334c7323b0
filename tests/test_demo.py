"""examples/demo.py: what a new user sees first."""

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]


def load_demo() -> ModuleType:
    spec = importlib.util.spec_from_file_location("rumourx_demo", ROOT / "examples" / "demo.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_demo(
    demo: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> str:
    monkeypatch.setattr(sys, "argv", ["demo.py", "--views", str(tmp_path / "views")])
    assert demo.main() == 0
    return capsys.readouterr().out


def test_demo_shows_the_seed_and_writes_its_evidence_view(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], seed_text: str
) -> None:
    out = run_demo(load_demo(), tmp_path, monkeypatch, capsys)
    seed_part = out.split("seed-ramos-juventus (", 1)[1].split("own-loan-option", 1)[0]
    assert "4 transfer rumour(s):" in seed_part
    for club in ("Liverpool", "Paris Saint-Germain", "Juventus", "Real Madrid [extension"):
        assert f"Sergio Ramos: Real Madrid -> {club}" in seed_part
    view = tmp_path / "views" / "seed-ramos-juventus.html"
    assert f"Evidence view of seed-ramos-juventus: {view}" in out
    page = view.read_text(encoding="utf-8")
    assert page.count("data-rumour=\"3\"") >= 3
    for article_id in load_demo().SHOWN:
        assert f"{article_id} (" in out


def test_without_the_shared_corpus_the_demo_says_where_the_seed_comes_from(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    demo = load_demo()
    demo.SEED = tmp_path / "shared" / "corpus" / "articles.jsonl"
    out = run_demo(demo, tmp_path, monkeypatch, capsys)
    notes = [line for line in out.splitlines() if line.startswith("Reference article not shown")]
    assert notes == [
        f"Reference article not shown: it is read from {demo.SEED} (id seed-ramos-juventus), "
        "which is not beside this clone."
    ]
    assert "seed-ramos-juventus (" not in out
    assert (tmp_path / "views" / "own-loan-option.html").is_file()
    assert "Evidence view of own-loan-option:" in out
