"""Faults from a real (loopback) OpenAI-compatible server: bounded, typed, never hammered."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from rumourx import (
    ExtractionError,
    Extractor,
    ProviderError,
    ProviderTimeoutError,
    Settings,
    extract_many,
)

from .faultserver import FaultServer

KEY = "sk-test-secret-abcdefghijklmnop0123"
ARTICLE = "Arsenal have made a £30m bid for Lyon midfielder Houssem Aouar, according to Goal."
HYBRID_ARTICLE = "Exciting youngster Ainsley Maitland-Niles is heavily tipped to move to Wolves."


def _llm(server: FaultServer, **overrides: Any) -> Extractor:
    settings = Settings(
        strategy="llm", base_url=server.url, api_key=KEY, model="fault-model", **overrides
    )
    return Extractor(settings)


@pytest.mark.parametrize(
    ("fault", "error", "cause", "max_calls"),
    [
        ("429", ProviderError, "HTTP 429 after 3 attempt(s)", 3),
        ("500", ProviderError, "HTTP 500 after 3 attempt(s)", 3),
        ("503", ProviderError, "HTTP 503 after 3 attempt(s)", 3),
        ("slow", ProviderTimeoutError, "timed out after 3 attempt(s)", 3),
        ("drop", ProviderError, "could not reach the model endpoint after 3 attempt(s)", 3),
        ("malformed", ProviderError, "malformed response after 3 attempt(s)", 3),
        ("truncated", ExtractionError, "cut off", 2),
        ("schema", ExtractionError, "never validated after 2 call(s)", 2),
    ],
)
def test_a_single_extract_gives_up_in_bounded_time_with_a_typed_error(
    loopback: None, fault: str, error: type[Exception], cause: str, max_calls: int
) -> None:
    with FaultServer({fault: 1.0}, slow_seconds=1.5) as server:
        started = time.monotonic()
        with pytest.raises(error) as caught:
            _llm(server, timeout=0.5).extract(ARTICLE)
        elapsed = time.monotonic() - started
        assert cause in str(caught.value)
        assert server.calls <= max_calls
        assert elapsed < 15
        assert KEY not in str(caught.value) and KEY not in repr(caught.value)


@pytest.mark.parametrize(
    ("fault", "error", "cause"),
    [
        ("429", ProviderError, "HTTP 429 after 3 attempt(s)"),
        ("503", ProviderError, "HTTP 503 after 3 attempt(s)"),
        ("slow", ProviderTimeoutError, "timed out after 3 attempt(s)"),
        ("drop", ProviderError, "could not reach the model endpoint after 3 attempt(s)"),
        ("malformed", ProviderError, "malformed response after 3 attempt(s)"),
        ("truncated", None, "no usable answer"),
        ("schema", None, "no usable answer"),
    ],
)
def test_the_default_strategy_fails_typed_and_bounded_or_keeps_the_rules(
    loopback: None, fault: str, error: type[Exception] | None, cause: str
) -> None:
    with FaultServer({fault: 1.0}, slow_seconds=1.5) as server:
        extractor = Extractor(
            Settings(base_url=server.url, api_key=KEY, model="fault-model", timeout=0.5)
        )
        assert extractor.strategy == "ensemble"
        started = time.monotonic()
        if error is not None:
            with pytest.raises(error) as caught:
                extractor.extract(ARTICLE)
            assert cause in str(caught.value)
            assert server.calls <= 3
        else:  # the model said nothing usable: the rules' moves, with a warning
            report = extractor.extract(ARTICLE)
            assert [r.player for r in report.rumours] == ["Houssem Aouar"]
            assert any(cause in w for w in report.warnings)
            assert 1 <= server.calls == report.usage.calls <= 2
        assert time.monotonic() - started < 15


def test_backoff_honours_retry_after(loopback: None) -> None:
    with FaultServer(retry_after="1") as server:
        server.schedule = ["429"]
        started = time.monotonic()
        report = _llm(server).extract(ARTICLE)
        elapsed = time.monotonic() - started
    assert server.faults[:2] == ["429", "ok"]
    assert 1.0 <= elapsed < 5
    assert report.usage.calls == 2


def test_a_batch_of_500_articles_at_30_percent_faults_accounts_for_every_article(
    loopback: None,
) -> None:
    rates = {"429": 0.06, "500": 0.06, "503": 0.06, "drop": 0.04, "malformed": 0.04, "schema": 0.04}
    items = [{"id": f"a{i}", "text": f"{ARTICLE} Note {i}."} for i in range(500)]
    with FaultServer(rates) as server:
        extractor = _llm(server, timeout=2, max_retry_seconds=10)
        outcomes = list(extract_many(items, extractor=extractor, concurrency=16))
    ids = [o.id for o in outcomes]
    assert sorted(ids) == sorted(item["id"] for item in items)
    assert len(set(ids)) == 500
    assert all((o.report is None) != (o.error is None) for o in outcomes)
    assert sum(o.ok for o in outcomes) > 400, "retries should rescue most articles"
    assert sum(f != "ok" for f in server.faults) > 100, "the faults really happened"


def _cli(args: list[str], timeout: float = 90) -> tuple[subprocess.CompletedProcess[str], float]:
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "rumourx", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={"PATH": "/usr/bin:/bin", "OPENAI_API_KEY": KEY},
    )
    return done, time.monotonic() - started


@pytest.mark.slow
@pytest.mark.parametrize("strategy", [[], ["--strategy", "llm"]])
@pytest.mark.parametrize(("fault", "retry_after"), [("503", "2"), ("500", "0"), ("drop", "0")])
def test_the_cli_against_an_always_failing_server_gives_up_within_a_minute_and_twelve_calls(
    loopback: None, tmp_path: Path, strategy: list[str], fault: str, retry_after: str
) -> None:
    article = tmp_path / "a.txt"
    article.write_text(HYBRID_ARTICLE)
    with FaultServer({fault: 1.0}, retry_after=retry_after) as server:
        done, elapsed = _cli(["extract", str(article), "--base-url", server.url, *strategy])
    assert done.returncode == 1
    assert elapsed < 60
    assert 1 <= server.calls <= 12
    [line] = done.stderr.strip().splitlines()
    assert line.startswith("rumourx: error: ")
    assert KEY not in done.stderr + done.stdout


@pytest.mark.parametrize("strategy", [[], ["--strategy", "hybrid"]])
def test_output_that_never_validates_fails_llm_in_one_line_but_the_default_keeps_the_rules(
    loopback: None, tmp_path: Path, strategy: list[str]
) -> None:
    article = tmp_path / "a.txt"
    article.write_text(HYBRID_ARTICLE)
    with FaultServer({"schema": 1.0}) as server:
        llm, _ = _cli(["extract", str(article), "--base-url", server.url, "--strategy", "llm"])
        kept, _ = _cli(["extract", str(article), "--base-url", server.url, "--json", *strategy])
    assert llm.returncode == 1
    [line] = llm.stderr.strip().splitlines()
    assert "never validated after 2 call(s)" in line
    assert kept.returncode == 0
    report = json.loads(kept.stdout)
    assert report["strategy"] == (strategy[-1] if strategy else "ensemble")
    assert report["rumours"][0]["player"] == "Ainsley Maitland-Niles"
    assert report["usage"]["calls"] == 2
    assert any("no usable answer" in w or "could not complete" in w for w in report["warnings"])


def test_keys_never_reach_logs_at_any_level_output_or_errors(
    loopback: None, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    caplog.set_level(logging.DEBUG)
    with FaultServer({"401": 0.0}) as server:
        server.schedule = ["500", "ok"]
        report = _llm(server).extract(ARTICLE)
        server.schedule = ["429", "429", "429"]
        with pytest.raises(ProviderError) as caught:
            _llm(server).extract(ARTICLE)
    printed = capsys.readouterr()
    text = "\n".join(
        [
            caplog.text,
            printed.out,
            printed.err,
            report.model_dump_json(),
            str(caught.value),
            repr(caught.value),
            repr(Settings(api_key=KEY)),
            json.dumps(Settings(api_key=KEY).model_dump(mode="json")),
        ]
    )
    assert caplog.records, "debug logging was on"
    assert KEY not in text
