"""The provider Batch API path, end to end against a loopback fake of Files and Batches."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from rumourx import Settings
from rumourx.batch.provider import run_provider_batch
from rumourx.extractor import Extractor

from ..batchserver import DROP, BatchServer

TEXT = "Arsenal have made a £30m bid for Lyon midfielder Houssem Aouar, according to Goal."
ANSWER = {
    "rumours": [
        {
            "player": "Houssem Aouar",
            "from_club": "Lyon",
            "to_club": "Arsenal",
            "status": "bid",
            "sources": ["Goal"],
            "evidence": TEXT,
        }
    ]
}
FULL_PRICE = (1000 * 0.15 + 100 * 0.60) / 1e6  # gpt-4o-mini, one answered request


def _answer(body: dict[str, Any]) -> Any:
    return ANSWER


def _run(
    tmp_path: Path, api: BatchServer, n: int = 5, **options: Any
) -> tuple[list[dict[str, Any]], Any]:
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    if not source.exists():
        rows = [{"id": f"a{i}", "text": f"{TEXT} Note {i}.", "feed": "x"} for i in range(n)]
        rows.append({"text": "no id"})
        source.write_text("".join(json.dumps(r) + "\n" for r in rows))
    settings = Settings(
        strategy="llm", api_key="sk-test-not-real-000000", base_url=api.url, model="gpt-4o-mini"
    )
    summary = run_provider_batch(
        source, out, Extractor(settings), sleep=lambda s: None, poll_interval=0, **options
    )
    return [json.loads(line) for line in out.read_text().splitlines()], summary


def _by_kind(rows: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    reports = [r for r in rows if "report" in r]
    errors = [r for r in rows if "error" in r and r["id"] is not None]
    return reports, errors


def test_the_provider_batch_runs_end_to_end_into_the_same_output_format(
    loopback: None, tmp_path: Path
) -> None:
    with BatchServer(_answer) as api:
        rows, summary = _run(tmp_path, api)
        [upload] = api.uploads
        [batch] = api.batches.values()
        lines = api.uploaded_lines()
    assert len(lines) == 5
    assert lines[0]["url"] == "/v1/chat/completions" and lines[0]["body"]["model"] == "gpt-4o-mini"
    assert lines[0]["body"]["tools"][0]["function"]["name"] == "LLMExtraction"
    tag = batch["metadata"]["rumourx_tag"]
    assert upload["filename"] == f"rumourx-{tag}.jsonl" and batch["input_file_id"] == upload["id"]
    reports, errors = _by_kind(rows)
    assert len(reports) == 5 and all(r["feed"] == "x" for r in reports) and not errors
    assert reports[0]["report"]["rumours"][0]["to_club"] == "Arsenal"
    assert [(r["id"], r["input_line"]) for r in rows if "error" in r] == [(None, 6)]
    assert all(len(r["input_sha256"]) == 64 for r in rows)
    assert summary.usage.prompt_tokens == 5000 and summary.usage.calls == 5
    assert summary.cost == pytest.approx(5 * FULL_PRICE / 2)
    assert not (tmp_path / "out.jsonl.batch.json").exists()


def test_answers_that_fail_grounding_are_dropped_with_a_warning(
    loopback: None, tmp_path: Path
) -> None:
    invented = {
        "rumours": [{"player": "Kylian Mbappe", "to_club": "Real Madrid", "evidence": "made up"}]
    }
    with BatchServer(lambda body: invented) as api:
        rows, _ = _run(tmp_path, api, n=2)
    reports = [r["report"] for r in rows if "report" in r]
    assert len(reports) == 2 and all(r["rumours"] == [] and r["warnings"] for r in reports)


@pytest.mark.parametrize(
    ("final", "code"), [("expired", "batch_expired"), ("cancelled", "batch_cancelled")]
)
def test_an_ended_batch_keeps_every_answered_article_and_bills_only_those(
    loopback: None, tmp_path: Path, final: str, code: str
) -> None:
    with BatchServer(_answer, final=final, answered=20) as api:
        rows, summary = _run(tmp_path, api, n=40)
    reports, errors = _by_kind(rows)
    assert len(reports) == 20 and len(errors) == 20
    assert {r["id"] for r in reports} == {f"a{i}" for i in range(20)}
    assert all(code in e["error"]["message"] and final in e["error"]["message"] for e in errors)
    assert all(e["error"]["type"] == "ProviderError" for e in errors)
    assert summary.done == 20 and summary.failed == 21  # the line without an id as well
    assert summary.usage.calls == 20 and summary.usage.prompt_tokens == 20_000
    assert summary.cost == pytest.approx(20 * FULL_PRICE / 2)


def test_retry_failed_sends_only_the_failed_ids_in_a_new_batch(
    loopback: None, tmp_path: Path
) -> None:
    with BatchServer(_answer, final="expired", answered=20) as api:
        _run(tmp_path, api, n=40)
        api.final, api.answered = "completed", None
        rows, summary = _run(tmp_path, api, n=40, retry_failed=True)
        assert len(api.uploads) == 2 and len(api.batches) == 2
        retried = {line["custom_id"].split(":", 1)[1] for line in api.uploaded_lines(-1)}
    assert retried == {f"a{i}" for i in range(20, 40)}
    reports, errors = _by_kind(rows)
    assert sorted(r["id"] for r in reports) == sorted(f"a{i}" for i in range(40))
    assert not errors
    assert summary.usage.calls == 20 and summary.skipped == 20
    assert not (tmp_path / "out.jsonl.batch.json").exists()


def test_a_failed_batch_gives_every_article_an_error_that_says_why(
    loopback: None, tmp_path: Path
) -> None:
    with BatchServer(_answer, final="failed") as api:
        rows, summary = _run(tmp_path, api, n=3)
    reports, errors = _by_kind(rows)
    assert not reports and len(errors) == 3
    assert all("ended failed" in e["error"]["message"] for e in errors)
    assert all("the input file is invalid" in e["error"]["message"] for e in errors)
    assert summary.usage.calls == 0 and summary.cost == 0


def test_a_request_that_failed_inside_a_completed_batch_is_an_error_line(
    loopback: None, tmp_path: Path
) -> None:
    with BatchServer(_answer, failing=frozenset({"0:a1"})) as api:
        rows, summary = _run(tmp_path, api, n=3)
    reports, errors = _by_kind(rows)
    assert [e["id"] for e in errors] == ["a1"] and "HTTP 500" in errors[0]["error"]["message"]
    assert len(reports) == 2 and summary.usage.calls == 2


@pytest.mark.parametrize("step", ["upload", "create"])
def test_a_paid_step_whose_answer_was_lost_is_found_not_paid_twice(
    loopback: None, tmp_path: Path, step: str
) -> None:
    with BatchServer(_answer) as api:
        dropped: list[str] = []

        def drop_once() -> str | None:
            if dropped:
                return None
            dropped.append(step)
            return DROP

        api.on[step] = drop_once
        rows, _ = _run(tmp_path, api)
        assert dropped == [step]
        assert len(api.uploads) == 1 and len(api.batches) == 1
    reports, _ = _by_kind(rows)
    assert len(reports) == 5


def test_a_rerun_with_a_saved_batch_id_resumes_polling_instead_of_paying_again(
    loopback: None, tmp_path: Path
) -> None:
    with BatchServer(_answer) as api:
        _run(tmp_path, api)  # a first, complete run: one batch
        (tmp_path / "out.jsonl").write_text("")
        batch_id = next(iter(api.batches))
        (tmp_path / "out.jsonl.batch.json").write_text(json.dumps({"batch_id": batch_id}))
        rows, _ = _run(tmp_path, api)
        assert len(api.uploads) == 1 and len(api.batches) == 1
    assert len(_by_kind(rows)[0]) == 5
