"""The provider Batch API path, end to end against a local fake of Files and Batches."""

import json
from pathlib import Path
from typing import Any

import httpx2
import openai

from rumourx import Settings
from rumourx.batch.provider import run_provider_batch
from rumourx.extractor import Extractor

from ..completions import tool_call_completion

TEXT = "Arsenal have made a £30m bid for Lyon midfielder Houssem Aouar, according to Goal."


class FakeBatchAPI:
    def __init__(self, answer: Any) -> None:
        self.answer = answer
        self.uploaded: list[dict[str, Any]] = []
        self.calls: list[str] = []
        self.polls = 0

    def __call__(self, request: httpx2.Request) -> httpx2.Response:
        path = request.url.path
        self.calls.append(f"{request.method} {path}")
        if request.method == "POST" and path.endswith("/files"):
            body = request.content.decode()
            self.uploaded = [
                json.loads(line) for line in body.splitlines() if line.startswith('{"custom_id"')
            ]
            return httpx2.Response(
                200,
                json={
                    "id": "file-in",
                    "object": "file",
                    "bytes": len(body),
                    "created_at": 0,
                    "filename": "rumourx-requests.jsonl",
                    "purpose": "batch",
                    "status": "processed",
                },
            )
        if request.method == "POST" and path.endswith("/batches"):
            return httpx2.Response(200, json=self._batch("validating"))
        if request.method == "GET" and path.endswith("/batches/batch_1"):
            self.polls += 1
            return httpx2.Response(
                200, json=self._batch("in_progress" if self.polls < 3 else "completed")
            )
        if request.method == "GET" and path.endswith("/files/file-out/content"):
            lines = [json.dumps(self._result(line)) for line in self.uploaded]
            return httpx2.Response(200, text="\n".join(lines))
        return httpx2.Response(404, json={"error": {"message": f"no route {path}"}})

    def _batch(self, status: str) -> dict[str, Any]:
        return {
            "id": "batch_1",
            "object": "batch",
            "endpoint": "/v1/chat/completions",
            "input_file_id": "file-in",
            "completion_window": "24h",
            "status": status,
            "created_at": 0,
            "output_file_id": "file-out" if status == "completed" else None,
            "error_file_id": None,
        }

    def _result(self, line: dict[str, Any]) -> dict[str, Any]:
        completion = tool_call_completion(line["body"], self.answer, usage=(1000, 100))
        response = {"status_code": 200, "body": completion}
        return {"id": "r", "custom_id": line["custom_id"], "response": response, "error": None}


def _client(api: FakeBatchAPI) -> openai.OpenAI:
    return openai.OpenAI(
        api_key="sk-test-not-real-000000",
        base_url="http://batch.test/v1",
        max_retries=0,
        http_client=httpx2.Client(transport=httpx2.MockTransport(api)),
    )


def _run(tmp_path: Path, api: FakeBatchAPI, n: int = 5) -> tuple[list[dict[str, Any]], Any]:
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    if not source.exists():
        rows = [{"id": f"a{i}", "text": f"{TEXT} Note {i}.", "feed": "x"} for i in range(n)] + [
            {"text": "no id"}
        ]
        source.write_text("".join(json.dumps(r) + "\n" for r in rows))
    settings = Settings(
        strategy="llm",
        api_key="sk-test-not-real-000000",
        base_url="http://batch.test/v1",
        model="gpt-4o-mini",
    )
    summary = run_provider_batch(
        source, out, Extractor(settings), client=_client(api), sleep=lambda s: None, poll_interval=0
    )
    return [json.loads(line) for line in out.read_text().splitlines()], summary


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


def test_the_provider_batch_runs_end_to_end_into_the_same_output_format(tmp_path: Path) -> None:
    api = FakeBatchAPI(ANSWER)
    rows, summary = _run(tmp_path, api)
    assert len(api.uploaded) == 5
    assert (
        api.uploaded[0]["url"] == "/v1/chat/completions"
        and api.uploaded[0]["body"]["model"] == "gpt-4o-mini"
    )
    reports = [r for r in rows if "report" in r]
    assert len(reports) == 5 and all(r["feed"] == "x" for r in reports)
    assert reports[0]["report"]["rumours"][0]["to_club"] == "Arsenal"
    assert [(r["id"], r["input_line"]) for r in rows if "error" in r] == [(None, 6)]
    assert all(len(r["input_sha256"]) == 64 for r in rows)
    assert summary.usage.prompt_tokens == 5000 and summary.usage.calls == 5
    full = (5000 * 0.15 + 500 * 0.60) / 1e6
    assert abs(summary.cost - full / 2) < 1e-12
    assert not (tmp_path / "out.jsonl.batch.json").exists()


def test_answers_that_fail_grounding_are_dropped_with_a_warning(tmp_path: Path) -> None:
    invented = {
        "rumours": [{"player": "Kylian Mbappe", "to_club": "Real Madrid", "evidence": "made up"}]
    }
    rows, _ = _run(tmp_path, FakeBatchAPI(invented), n=2)
    reports = [r["report"] for r in rows if "report" in r]
    assert all(r["rumours"] == [] and r["warnings"] for r in reports)


def test_a_rerun_after_a_kill_resumes_polling_instead_of_paying_again(tmp_path: Path) -> None:
    api = FakeBatchAPI(ANSWER)
    (tmp_path / "out.jsonl.batch.json").write_text(
        json.dumps({"batch_id": "batch_1", "requests": 5})
    )
    api.uploaded = [
        {
            "custom_id": f"0:a{i}",
            "body": {"model": "gpt-4o-mini", "tools": [{"function": {"name": "LLMExtraction"}}]},
        }
        for i in range(5)
    ]
    rows, _ = _run(tmp_path, api)
    assert not any(call.startswith("POST") for call in api.calls), "the batch was submitted again"
    assert len([r for r in rows if "report" in r]) == 5
