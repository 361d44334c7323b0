from pathlib import Path

import pytest

from rumourx.cli import main

ARTICLE = "Arsenal agreed a £30m fee with Lyon for Houssem Aouar."


@pytest.fixture
def article(tmp_path: Path) -> str:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    return str(path)


def test_a_bad_base_url_in_the_environment_does_not_stop_the_rules(
    article: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", "not a url")
    assert main(["extract", article, "--strategy", "rules"]) == 0
    assert "Houssem Aouar" in capsys.readouterr().out
    monkeypatch.setenv("RUMOURX_STRATEGY", "rules")
    assert main(["extract", article]) == 0


def test_a_bad_base_url_that_is_needed_is_one_line_naming_the_variable(
    article: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", "not a url")
    monkeypatch.delenv("RUMOURX_STRATEGY", raising=False)
    assert main(["extract", article]) == 2
    assert capsys.readouterr().err == (
        "rumourx: error: OPENAI_BASE_URL must be an http:// or https:// URL, got 'not a url'\n"
    )


def test_a_bogus_strategy_in_the_environment_is_one_line(
    article: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("RUMOURX_STRATEGY", "bogus")
    assert main(["extract", article]) == 2
    assert capsys.readouterr().err == (
        "rumourx: error: RUMOURX_STRATEGY must be one of 'llm', 'rules', 'hybrid' or 'ensemble', got 'bogus'\n"
    )


def test_an_unexpected_error_is_one_line_and_the_traceback_waits_for_debug(
    article: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from rumourx.extractor import Extractor

    def broken(self: Extractor, text: object) -> None:
        raise RuntimeError("a defect\nover two lines")

    monkeypatch.setattr(Extractor, "extract", broken)
    assert main(["extract", article]) == 1
    assert capsys.readouterr().err == (
        "rumourx: error: unexpected RuntimeError: a defect over two lines "
        "(run with --debug for the traceback)\n"
    )
    assert main(["--debug", "extract", article]) == 1
    assert "Traceback" in capsys.readouterr().err
