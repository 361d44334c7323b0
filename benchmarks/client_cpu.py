"""Client CPU per article: rumourx's ``llm`` path over a bare instructor call, in one process.

    python benchmarks/client_cpu.py [--passes 10] [--rounds 3] [--strategy llm|ensemble]

Both sides talk to the same zero-latency loopback stub (``benchmarks/stub.py``, its
own process), which answers with the gold rumours of each article. The baseline
sends exactly the requests rumourx sends (captured once with a probe model) through
``instructor.from_openai(...).create`` with a flat response model: the same fields,
no validators, no validation context. rumourx's side is ``Extractor.extract`` on the
article: preparing it, the model call with its validators, grounding and finishing.

By default the stub answers with the gold rumours (about 3 per dev article), so the
wire validators, grounding and finishing do their real work; ``--answers empty``
measures the same calls with empty answers. Two article sets: the corpus dev articles (about 2,000 characters each, read at run
time, dev split only) and one-sentence articles. Rounds interleave the two sides so
drift on a shared machine hits both alike. Goal: rumourx / instructor <= 0.8 (0.7)
on the dev articles. ``--strategy ensemble`` measures the default path with an
endpoint (the model reads, the rules check) against the same bare calls.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import instructor
import openai
from pydantic import BaseModel, Field
from stub import SENTENCE, SENTENCE_RUMOUR, dev_articles, stub_server

from rumourx import Article, Extractor, Settings
from rumourx.testing import FunctionModel


class FlatRumour(BaseModel):
    player: str
    from_club: str | None = None
    to_club: str | None = None
    transfer_type: str = "unknown"
    status: str = "linked"
    fee_amount: float | None = None
    fee_currency: str | None = None
    fee_add_ons: float | None = None
    sources: list[str] = Field(default_factory=list)
    evidence: str = ""


class FlatExtraction(BaseModel):
    rumours: list[FlatRumour] = Field(default_factory=list)


def cpu_per_article(function: Callable[[], int], repeat: int) -> float:
    """CPU seconds per article of ``function`` (which returns how many articles it did)."""
    started, done = time.process_time(), 0
    for _ in range(repeat):
        done += function()
    return (time.process_time() - started) / done


def compare(
    url: str, articles: list[Article], passes: int, rounds: int, strategy: str = "llm"
) -> dict[str, float]:
    settings = Settings(strategy=strategy, base_url=url, api_key="sk-bench", model="bench")
    extractor = Extractor(settings)
    resolved = extractor.settings
    requests: list[list[dict[str, str]]] = []
    for article in articles:
        probe = FunctionModel(lambda _request: {})  # answers empty, keeps the requests
        Extractor(settings, model=probe).extract(article)
        requests.extend(r.messages for r in probe.requests)
    client = openai.OpenAI(api_key="sk-bench", base_url=url, max_retries=0)
    bare_create = instructor.from_openai(client, mode=instructor.Mode.TOOLS).chat.completions.create
    calls = {"rumourx": 0, "rumours": 0}

    def ours() -> int:
        for article in articles:
            report = extractor.extract(article)
            calls["rumourx"] += report.usage.calls
            calls["rumours"] += len(report.rumours)
        return len(articles)

    def bare() -> int:
        for messages in requests:
            bare_create(
                model="bench",
                messages=messages,  # type: ignore[arg-type]
                response_model=FlatExtraction,
                max_retries=resolved.max_reasks,
                temperature=resolved.temperature,
                max_tokens=resolved.max_output_tokens,
            )
        return len(articles)

    ours(), bare()  # warm both
    calls.update(rumourx=0, rumours=0)
    totals = {"rumourx": 0.0, "instructor": 0.0}
    for _ in range(rounds):
        totals["instructor"] += cpu_per_article(bare, passes)
        totals["rumourx"] += cpu_per_article(ours, passes)
    done = rounds * passes * len(articles)
    return {
        "instructor_ms": totals["instructor"] / rounds * 1e3,
        "rumourx_ms": totals["rumourx"] / rounds * 1e3,
        "ratio": totals["rumourx"] / totals["instructor"],
        "calls_per_article": calls["rumourx"] / done,
        "requests_per_article": len(requests) / len(articles),
        "rumours_per_article": calls["rumours"] / done,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--passes", type=int, default=10, help="passes over the set per round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--strategy", choices=["llm", "ensemble"], default="llm")
    parser.add_argument(
        "--answers",
        choices=["gold", "empty"],
        default="gold",
        help="the stub answers each article's gold rumours (default) or none",
    )
    args = parser.parse_args()
    rows, rumours = dev_articles()
    corpus = [Article(id=r["id"], text=r["text"], publisher=r.get("publisher")) for r in rows]
    sentences = [Article(id=f"s{i}", text=f"{SENTENCE} Note {i}.") for i in range(len(corpus))]
    results: dict[str, Any] = {"load": os.getloadavg()[0]}
    answers = [*rumours, SENTENCE_RUMOUR] if args.answers == "gold" else []
    results["answers"] = args.answers
    results["strategy"] = args.strategy
    with stub_server(answers) as url:
        for name, articles in (("corpus", corpus), ("sentence", sentences)):
            result = compare(url, articles, args.passes, args.rounds, args.strategy)
            results[name] = {k: round(v, 3) for k, v in result.items()}
            print(
                f"client CPU per article ({args.strategy}), {name} articles "
                f"({sum(len(a.text) for a in articles) / len(articles):.0f} chars): "
                f"instructor {result['instructor_ms']:.2f} ms, rumourx {result['rumourx_ms']:.2f} ms: "
                f"ratio {result['ratio']:.2f} (goal <= 0.8); "
                f"{result['calls_per_article']:.2f} calls and "
                f"{result['rumours_per_article']:.2f} rumours per article"
            )
    results["load_after"] = os.getloadavg()[0]
    print(json.dumps(results))


if __name__ == "__main__":
    main()
