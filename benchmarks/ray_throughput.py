"""Ray throughput: articles per second with 2 Ray workers over one process, in one run.

    python benchmarks/ray_throughput.py [--copies 40] [--strategy rules|llm] [--repeat 1]

The corpus dev articles (read at run time, dev split only), each repeated ``copies``
times with a distinct id, go through ``extract_many`` in this process, then through
``rumourx.ray.extract_dataset`` with ``concurrency=2`` on a local Ray with 2 CPUs
(started before the clock runs; the actors start inside the timed run, as in a real
job). ``rules`` is CPU-bound, so 2 workers can reach at most 2x on 2 free cores;
``llm`` talks to the zero-latency loopback stub of ``benchmarks/stub.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from contextlib import nullcontext
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from stub import dev_articles, stub_server

from rumourx import Settings, extract_many


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=40)
    parser.add_argument("--strategy", choices=["rules", "llm"], default="rules")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    import ray

    from rumourx.ray import extract_dataset

    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, _node_ip_address="127.0.0.1")
    ray.data.DataContext.get_current().enable_progress_bars = False
    articles, rumours = dev_articles()
    rows = [
        {"id": f"{article['id']}#{copy}", "text": article["text"], "publisher": article["publisher"]}
        for copy in range(args.copies)
        for article in articles
    ]
    runs: list[dict[str, Any]] = []
    server = stub_server(rumours) if args.strategy == "llm" else nullcontext(None)
    with server as url:
        options = {"base_url": url, "api_key": "sk-bench", "model": "bench"} if url else {}
        settings = Settings(strategy=args.strategy, **options)
        list(extract_many(rows[:20], settings=settings))  # warm the knowledge tables
        for _ in range(args.repeat):
            load = os.getloadavg()[0]
            started = time.perf_counter()
            single = list(extract_many(rows, settings=settings, concurrency=8))
            one = time.perf_counter() - started
            started = time.perf_counter()
            spread = extract_dataset(ray.data.from_items(rows), settings, concurrency=2).take_all()
            two = time.perf_counter() - started
            assert len(single) == len(spread) == len(rows)
            assert sum(r["report"] is not None for r in spread) == sum(o.ok for o in single)
            ratio = one / two
            runs.append(
                {
                    "articles": len(rows),
                    "single_per_s": round(len(rows) / one, 1),
                    "ray2_per_s": round(len(rows) / two, 1),
                    "ratio": round(ratio, 2),
                    "load": round(load, 2),
                }
            )
            print(
                f"ray ({args.strategy}): {len(rows)} articles, one process {len(rows) / one:.1f}/s, "
                f"2 Ray workers {len(rows) / two:.1f}/s: ratio {ratio:.2f} (load {load:.1f})"
            )
    ray.shutdown()
    print(json.dumps(runs))


if __name__ == "__main__":
    main()
