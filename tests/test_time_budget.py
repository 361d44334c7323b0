"""The per-article time budget: an overrunning article ends with ArticleTimeout."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from rumourx import (
    ArticleTimeout,
    Extractor,
    ModelRequest,
    ModelResponse,
    Settings,
    Usage,
    extract_many,
)
from rumourx.batch.command import run_batch
from rumourx.strategies.base import ArticleJob, Plan, Proposal
from rumourx.strategies.rules import RulesStrategy
from tests.cpu import burn

SEED = "Arsenal have agreed a £30m fee with Lyon for Houssem Aouar, according to Sky Sports."
SPIN = "Chelsea are keeping tabs on a striker. SPIN"


class _Spinning:
    """The rules, except on a text containing SPIN: then a loop that only the deadline ends."""

    name = "rules"

    def __init__(self, checks: bool = True) -> None:
        self._rules = RulesStrategy()
        self._checks = checks

    def plan(self, job: ArticleJob) -> Plan:
        if "SPIN" not in job.text:
            return (yield from self._rules.plan(job))
        if not self._checks:
            burn(0.5)  # overruns without ever checking
            return Proposal()
        give_up = time.monotonic() + 60  # far past any budget in these tests
        while time.monotonic() < give_up:
            job.check("spinning")
        return Proposal()


def _extractor(budget: float | None, strategy: Any) -> Extractor:
    extractor = Extractor(Settings(strategy="rules", article_time_budget=budget))
    extractor._strategy = strategy  # a test double in place of the built strategy
    return extractor


def test_a_strategy_that_spins_past_the_budget_gets_the_typed_error() -> None:
    extractor = _extractor(0.2, _Spinning())
    with pytest.raises(ArticleTimeout, match=r"0\.2 s.*spinning") as caught:
        extractor.extract(SPIN)
    assert caught.value.stage == "spinning"


def test_an_overrun_without_checks_is_caught_at_the_next_stage() -> None:
    extractor = _extractor(0.2, _Spinning(checks=False))
    with pytest.raises(ArticleTimeout, match="reading the article"):
        extractor.extract(SPIN)


def test_without_a_budget_the_same_article_finishes() -> None:
    report = _extractor(None, _Spinning(checks=False)).extract(SPIN)
    assert report.rumours == []


def test_a_batch_with_one_overrunning_article_writes_its_error_and_the_rest() -> None:
    extractor = _extractor(0.2, _Spinning())
    items = [
        {"id": "a", "text": SEED},
        {"id": "spin", "text": SPIN},
        {"id": "b", "text": SEED + " Lyon want £35m."},
    ]
    outcomes = {o.id: o for o in extract_many(items, extractor=extractor, concurrency=2)}
    assert set(outcomes) == {"a", "spin", "b"}
    failed = outcomes["spin"]
    assert not failed.ok and failed.error is not None
    assert failed.error.type == "ArticleTimeout"
    assert "time budget" in failed.error.message
    for ok in ("a", "b"):
        report = outcomes[ok].report
        assert report is not None and report.rumours[0].player == "Houssem Aouar"


def test_a_batch_file_gets_an_error_line_for_the_overrunning_article(tmp_path: Path) -> None:
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    rows = [{"id": "a", "text": SEED}, {"id": "spin", "text": SPIN}, {"id": "b", "text": SEED}]
    source.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    summary = run_batch(
        source,
        target,
        _extractor(0.2, _Spinning()),
        concurrency=2,
        cache=None,
        show_progress=False,
    )
    assert (summary.done, summary.failed) == (2, 1)
    lines = {row["id"]: row for row in map(json.loads, target.read_text("utf-8").splitlines())}
    assert set(lines) == {"a", "spin", "b"}
    assert lines["spin"]["error"]["type"] == "ArticleTimeout"
    assert "error" not in lines["a"] and lines["a"]["report"]["rumours"]


class _SlowModel:
    """Answers every request with an empty extraction, after longer than the budget.

    It burns CPU on the caller's thread, as the other articles of an event loop do while
    one article awaits its model: that work is not charged to the waiting article.
    """

    name = "slow"

    def complete(self, request: ModelRequest[Any]) -> ModelResponse[Any]:
        burn(0.4)
        return ModelResponse(output=request.response_model(), usage=Usage(calls=1))

    async def acomplete(self, request: ModelRequest[Any]) -> ModelResponse[Any]:
        return self.complete(request)


def test_time_waiting_on_the_model_is_not_charged_to_the_budget() -> None:
    settings = Settings(strategy="llm", base_url="http://127.0.0.1:9", article_time_budget=0.2)
    report = Extractor(settings, model=_SlowModel()).extract(SEED)
    assert report.usage.calls == 1 and report.rumours == []


def test_the_budget_is_validated() -> None:
    assert Settings().article_time_budget == 5.0
    assert Settings(article_time_budget=None).article_time_budget is None
    for bad in (0, -1, float("inf")):
        with pytest.raises(ValidationError):
            Settings(article_time_budget=bad)
