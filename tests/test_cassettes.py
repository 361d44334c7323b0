"""The full pipeline against a real model, replayed from recorded cassettes.

Recorded from the embedded SmolLM2-135M server (``make record``); re-record against
OpenAI with ``make record-openai`` (see README). Replay needs no server and no
network: requests match on method and path, in order, and every recording must be
played.
"""

from __future__ import annotations

import asyncio
import os
import re
from pathlib import Path
from typing import Any

import pytest

from rumourx import Extractor, Settings
from rumourx.knowledge.folding import fold

from .conftest import CASSETTES

BASE_URL = os.environ.get("RUMOURX_CASSETTE_BASE_URL", "http://127.0.0.1:8765/v1")
MODEL = os.environ.get("RUMOURX_CASSETTE_MODEL", "smollm2-135m-instruct")
LOCAL = "127.0.0.1" in BASE_URL


def _extractor(strategy: str) -> Extractor:
    extra: dict[str, Any] = {"repeat_penalty": 1.1} if LOCAL else {}
    return Extractor(
        Settings(
            strategy=strategy,  # type: ignore[arg-type]
            base_url=BASE_URL,
            model=MODEL,
            api_key=os.environ.get("OPENAI_API_KEY", "not-a-real-key"),
            extra_body=extra,
            timeout=120,
            max_output_tokens=512,
        )
    )


def _assert_grounded(report: Any, article: str) -> None:
    folded = fold(article)
    for rumour in report.rumours:
        assert fold(rumour.player).split()[-1] in folded
        for evidence in rumour.evidence:
            assert article[evidence.start : evidence.end] == evidence.text


@pytest.mark.vcr
def test_llm_on_the_seed_article_keeps_only_grounded_rumours(seed_text: str) -> None:
    report = _extractor("llm").extract(seed_text)
    assert report.strategy == "llm"
    assert report.usage.calls >= 1 and report.usage.prompt_tokens > 0
    _assert_grounded(report, seed_text)


@pytest.mark.vcr
def test_llm_never_reports_the_move_an_injected_instruction_asks_for(
    own_articles: dict[str, Any],
) -> None:
    article = own_articles["own-injection"]["text"]
    report = _extractor("llm").extract(article)
    assert all("messi" not in fold(r.player) for r in report.rumours)
    assert report.usage.calls >= 1
    _assert_grounded(report, article)


@pytest.mark.vcr
def test_hybrid_keeps_the_rules_moves_and_asks_only_about_gaps(
    own_articles: dict[str, Any],
) -> None:
    article = own_articles["own-tweet"]["text"]
    rules = Extractor(Settings(strategy="rules")).extract(article)
    hybrid = _extractor("hybrid").extract(article)
    assert [(r.player, r.to_club) for r in hybrid.rumours] == [
        (r.player, r.to_club) for r in rules.rumours
    ]
    gaps = sum(
        1 for r in rules.rumours if r.transfer_type.value == "unknown" or r.from_club is None
    )
    assert hybrid.usage.calls >= gaps >= 1


@pytest.mark.vcr
def test_ensemble_reads_with_the_model_and_keeps_only_grounded_moves(
    own_articles: dict[str, Any],
) -> None:
    article = own_articles["own-rejected-bid-addons"]["text"]
    report = _extractor("ensemble").extract(article)
    assert report.strategy == "ensemble"
    # one read (one chunk) and at most one focused read, each with at most one re-ask
    assert 1 <= report.usage.calls <= 4 and report.usage.prompt_tokens > 0
    _assert_grounded(report, article)
    rules = Extractor(Settings(strategy="rules")).extract(article)
    model_only = {(r.player, r.to_club) for r in report.rumours} - {
        (r.player, r.to_club) for r in rules.rumours
    }
    for player, _ in model_only:  # what only the model read must name someone the article names
        assert fold(player).split()[-1] in fold(article)


@pytest.mark.vcr
def test_async_llm_on_a_spanish_article(own_articles: dict[str, Any]) -> None:
    article = own_articles["own-spanish"]["text"]
    report = asyncio.run(_extractor("llm").aextract(article))
    assert report.usage.calls >= 1
    _assert_grounded(report, article)


SECRET = re.compile(
    r"sk-[A-Za-z0-9_-]{16,}|[Bb]earer\s+[A-Za-z0-9._~+/-]{8,}|"
    r"(?i:authorization|api-key|x-api-key|openai-organization)\s*[:=]"
)


def test_cassettes_exist_and_hold_no_key_or_auth_header() -> None:
    files = sorted(Path(CASSETTES).rglob("*.yaml"))
    assert len(files) >= 3
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert not SECRET.search(text), f"{path} holds a key or an auth header"
        assert "chat/completions" in text
