"""A zero- or fixed-latency loopback model stub, in its own process, for the benchmarks.

It answers every ``LLMExtraction`` request with the gold rumours whose evidence
sentence is in the request's article text: what a good model would say, so client
work (parsing, validation, grounding, finishing) is what a real run costs. The
gold and the articles are read at run time from ``../shared/corpus`` (dev split
only) and never written into the repository.

    with stub_server(rumours, latency=0.25) as url: ...
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"

#: A one-sentence article the project wrote, and the answer a good model gives.
SENTENCE = "Arsenal have made a £30m bid for Lyon midfielder Houssem Aouar, according to Goal."
SENTENCE_RUMOUR = {
    "player": "Houssem Aouar",
    "from_club": "Lyon",
    "to_club": "Arsenal",
    "transfer_type": "permanent",
    "status": "bid",
    "fee": {"amount": 30000000, "currency": "GBP", "add_ons": None},
    "sources": ["Goal"],
    "evidence": SENTENCE,
}


def dev_articles() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The dev-split articles with gold labels, and all their gold rumours.

    Only ids in ``gold-dev.jsonl`` are read: a held-out article is never returned.
    """
    gold_path, articles_path = SHARED / "gold-dev.jsonl", SHARED / "articles.jsonl"
    if not gold_path.is_file():
        raise SystemExit(f"needs the shared corpus at {SHARED}")
    gold = {
        row["id"]: row["rumours"]
        for row in map(json.loads, gold_path.read_text(encoding="utf-8").splitlines())
    }
    articles = [
        row
        for row in map(json.loads, articles_path.read_text(encoding="utf-8").splitlines())
        if row["id"] in gold and row.get("split") == "dev"
    ]
    rumours = [rumour for article in articles for rumour in gold[article["id"]]]
    return articles, rumours


def wire(rumour: dict[str, Any]) -> dict[str, Any]:
    """A gold rumour in the ``LLMRumour`` wire form."""
    fee = rumour.get("fee") or {}
    return {
        "player": rumour["player"],
        "from_club": rumour.get("from_club"),
        "to_club": rumour.get("to_club"),
        "transfer_type": rumour.get("transfer_type", "unknown"),
        "status": rumour.get("status", "linked"),
        "fee_amount": fee.get("amount"),
        "fee_currency": fee.get("currency"),
        "fee_add_ons": fee.get("add_ons"),
        "sources": list(rumour.get("sources") or []),
        "evidence": rumour.get("evidence", ""),
    }


_SERVER = """
import json, sys, time
from http.server import ThreadingHTTPServer
sys.path.insert(0, {root!r})
from tests.faultserver import FaultServer, empty_answer

# socketserver listens with a backlog of 5: a batch opening 16 connections at once
# overflows it, and the dropped SYNs are retried by the kernel after a whole second.
# A real endpoint accepts them at once; so does the stub.
ThreadingHTTPServer.request_queue_size = 128

table = json.load(open({table!r}, encoding="utf-8"))
for row in table:
    row["needle"] = " ".join(row["evidence"].split())

def answer(body):
    if body["tools"][0]["function"]["name"] != "LLMExtraction":
        return empty_answer(body)
    user = next(m["content"] for m in body["messages"] if m["role"] == "user")
    text = " ".join(user.split())
    return {{"rumours": [row for row in table if row["needle"] and row["needle"] in text]}}

with FaultServer(latency={latency}, answer=answer) as server:
    print(server.url, flush=True)
    time.sleep(3600)
"""


@contextmanager
def stub_server(rumours: list[dict[str, Any]], latency: float = 0.0) -> Iterator[str]:
    """Run the stub in another process (so it never shares our GIL); yield its base URL."""
    with tempfile.TemporaryDirectory() as folder:
        table = Path(folder) / "answers.json"
        table.write_text(json.dumps([wire(r) for r in rumours]), encoding="utf-8")
        code = _SERVER.format(root=str(ROOT), table=str(table), latency=latency)
        process = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
        try:
            url = process.stdout.readline().strip() if process.stdout else ""
            if not url:
                raise RuntimeError("the stub server did not start")
            yield url
        finally:
            process.kill()
            process.wait()
