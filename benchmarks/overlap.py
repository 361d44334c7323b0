"""Overlap of client CPU and server latency in a batch, as a ratio in one run.

    python benchmarks/overlap.py [--articles 320] [--concurrency 16] [--latency 0.25] [--repeat 1]

``extract_many`` runs the same seed-length articles (the seed article, read at run
time from ``../shared/corpus``, each with a distinct closing note) twice against the
loopback stub of ``benchmarks/stub.py``: once answering at once, once after
``latency`` seconds. Two bounds limit the second run: the first run's time (client
CPU) and the latency-bound ideal, ``articles x calls per article x latency /
concurrency``. The efficiency is the larger bound over the time taken: 1.0 when
waiting on the server and working on other articles overlap perfectly. Goal: >= 0.9.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from stub import dev_articles, stub_server

from rumourx import Extractor, Settings, extract_many


def timed_batch(url: str, texts: list[str], concurrency: int) -> tuple[float, float, int]:
    """Seconds to extract every text, the client CPU seconds spent, and the model calls made."""
    extractor = Extractor(Settings(strategy="llm", base_url=url, api_key="sk-bench", model="bench"))
    warm = [{"id": f"w{i}", "text": text} for i, text in enumerate(texts[:concurrency])]
    list(extract_many(warm, extractor=extractor, concurrency=concurrency))
    items = [{"id": str(i), "text": text} for i, text in enumerate(texts)]
    started, cpu = time.perf_counter(), time.process_time()
    outcomes = list(extract_many(items, extractor=extractor, concurrency=concurrency))
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    failed = [o for o in outcomes if not o.ok]
    assert len(outcomes) == len(texts) and not failed, failed[:1]
    calls = sum(o.report.usage.calls for o in outcomes if o.report is not None)
    return elapsed, cpu, calls


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=320)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--latency", type=float, default=0.25)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    rows, rumours = dev_articles()
    seed = next(row["text"] for row in rows if row["id"] == "seed-ramos-juventus")
    texts = [f"{seed}\n\nNote {i}." for i in range(args.articles)]
    runs: list[dict[str, Any]] = []
    for _ in range(args.repeat):
        load = os.getloadavg()[0]
        with stub_server(rumours) as url:
            fast, cpu, calls = timed_batch(url, texts, args.concurrency)
        with stub_server(rumours, latency=args.latency) as url:
            slow, slow_cpu, _ = timed_batch(url, texts, args.concurrency)
        ideal = calls * args.latency / args.concurrency
        efficiency = max(fast, ideal) / slow
        runs.append(
            {
                "zero_latency_s": round(fast, 2),
                "latency_s": round(slow, 2),
                "ideal_s": round(ideal, 2),
                "cpu_ms_per_article": round(cpu / args.articles * 1000, 2),
                "cpu_ms_per_article_latency": round(slow_cpu / args.articles * 1000, 2),
                "efficiency": round(efficiency, 3),
                "calls_per_article": round(calls / args.articles, 2),
                "load": round(load, 2),
            }
        )
        print(
            f"overlap: {args.articles} articles at concurrency {args.concurrency}: "
            f"{fast:.2f} s at zero latency, {slow:.2f} s at {args.latency * 1000:.0f} ms, "
            f"ideal {ideal:.2f} s: efficiency {efficiency:.2f} (goal >= 0.9; load {load:.1f})"
        )
    print(json.dumps(runs))


if __name__ == "__main__":
    main()
