"""Batch benchmarks, each a ratio against a baseline run in the same session.

    python benchmarks/batch.py               # all three
    python benchmarks/batch.py throughput    # or: overhead, memory

- throughput: articles/s through ``extract_many`` at concurrency 16 against a
  loopback server (in its own process) that answers after a fixed latency, over the
  ideal (concurrency / latency). Goal: >= 0.9 at 0.5 s, a fast answer for an LLM.
  Each call costs about 9 ms of client CPU (most of it instructor and openai), so
  the ratio falls at shorter latencies: ``throughput 0.2`` shows it.
- overhead: client CPU seconds per structured call, rumourx's model over a bare
  instructor call over a raw openai call, against a zero-latency loopback server in
  another process. Goal: rumourx / instructor <= 1.10.
- memory: peak RSS of a 20,000-article batch over a 1,000-article one, each in a
  fresh process. Goal: <= 1.2.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TEXT = (
    "Arsenal have made a £30m bid for Lyon midfielder Houssem Aouar, according to Goal. Note {i}."
)


def _server(latency: float = 0.0) -> tuple[subprocess.Popen[str], str]:
    """A loopback server in its own process, so it does not share our GIL."""
    process = subprocess.Popen(
        [sys.executable, "-c", _SERVER.format(root=str(ROOT), latency=latency)],
        stdout=subprocess.PIPE,
        text=True,
    )
    url = process.stdout.readline().strip() if process.stdout else ""
    return process, url


def throughput(concurrency: int = 16, latency: float = 0.5, articles: int = 320) -> float:
    from rumourx import Extractor, Settings, extract_many

    server, url = _server(latency)
    try:
        extractor = Extractor(
            Settings(strategy="llm", base_url=url, api_key="sk-bench", model="bench")
        )
        warm = [{"id": f"w{i}", "text": TEXT.format(i=i)} for i in range(concurrency)]
        list(extract_many(warm, extractor=extractor, concurrency=concurrency))
        items = [{"id": str(i), "text": TEXT.format(i=i)} for i in range(articles)]
        started = time.perf_counter()
        outcomes = list(extract_many(items, extractor=extractor, concurrency=concurrency))
        elapsed = time.perf_counter() - started
    finally:
        server.kill()
    assert len(outcomes) == articles and all(o.ok for o in outcomes)
    achieved, ideal = articles / elapsed, concurrency / latency
    ratio = achieved / ideal
    print(
        f"throughput: {achieved:.1f}/s vs ideal {ideal:.1f}/s at concurrency {concurrency}: "
        f"ratio {ratio:.2f} (goal >= 0.9)"
    )
    return ratio


_SERVER = """
import sys, time
sys.path.insert(0, {root!r})
from tests.faultserver import FaultServer
with FaultServer(latency={latency}) as server:
    print(server.url, flush=True)
    time.sleep(3600)
"""


def overhead(calls: int = 300) -> float:
    import instructor
    import openai

    from rumourx import ModelRequest, Settings
    from rumourx.providers.openai_compat import OpenAICompatibleModel
    from rumourx.strategies.llm import LLMExtraction

    server, url = _server()
    try:
        messages = [{"role": "user", "content": TEXT.format(i=0)}]
        client = openai.OpenAI(api_key="sk-bench", base_url=url, max_retries=0)
        patched = instructor.from_openai(client, mode=instructor.Mode.TOOLS)
        tools = [
            {"type": "function", "function": instructor.openai_schema(LLMExtraction).openai_schema}
        ]
        settings = Settings(api_key="sk-bench", base_url=url, model="bench").resolved({})
        model = OpenAICompatibleModel(settings, client=client)
        request = ModelRequest(
            messages=messages, response_model=LLMExtraction, context={"article": TEXT}
        )

        def raw() -> None:
            client.chat.completions.create(model="bench", messages=messages, tools=tools)  # type: ignore[arg-type]

        def bare() -> None:
            patched.chat.completions.create(
                model="bench", messages=messages, response_model=LLMExtraction, max_retries=0
            )

        def ours() -> None:
            model.complete(request)

        def cpu(function) -> float:  # type: ignore[no-untyped-def]
            for _ in range(20):
                function()
            started = time.process_time()
            for _ in range(calls):
                function()
            return (time.process_time() - started) / calls

        # Interleave rounds so drift on a shared machine hits all three alike.
        totals = {"raw": 0.0, "instructor": 0.0, "rumourx": 0.0}
        for _ in range(3):
            totals["raw"] += cpu(raw)
            totals["instructor"] += cpu(bare)
            totals["rumourx"] += cpu(ours)
    finally:
        server.kill()
    ratio = totals["rumourx"] / totals["instructor"]
    print(
        f"overhead: CPU per call raw {totals['raw'] / 3 * 1e3:.2f} ms, instructor "
        f"{totals['instructor'] / 3 * 1e3:.2f} ms ({totals['instructor'] / totals['raw']:.2f}x raw), "
        f"rumourx {totals['rumourx'] / 3 * 1e3:.2f} ms: rumourx/instructor {ratio:.2f} (goal <= 1.10)"
    )
    return ratio


_MEMORY = """
import resource, sys
from rumourx import Settings, extract_many
n = int(sys.argv[1])
items = ({{"id": str(i), "text": {text!r}.format(i=i)}} for i in range(n))
count = sum(1 for _ in extract_many(items, settings=Settings(strategy="rules"), concurrency=16))
assert count == n
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def memory(small: int = 1_000, large: int = 20_000) -> float:
    def peak(n: int) -> int:
        done = subprocess.run(
            [sys.executable, "-c", _MEMORY.format(text=TEXT), str(n)],
            capture_output=True,
            text=True,
            check=True,
        )
        return int(done.stdout.strip())

    base, big = peak(small), peak(large)
    ratio = big / base
    print(
        f"memory: peak RSS {base / 1024:.1f} MB for {small:,} articles, {big / 1024:.1f} MB for "
        f"{large:,}: ratio {ratio:.2f} (goal <= 1.2)"
    )
    return ratio


def main() -> None:
    wanted = sys.argv[1:] or ["throughput", "overhead", "memory"]
    results: dict[str, float] = {}
    for name in wanted:
        if name.replace(".", "", 1).isdigit():
            results[f"throughput@{name}s"] = throughput(latency=float(name))
        else:
            results[name] = globals()[name]()
    print(json.dumps({k: round(v, 3) for k, v in results.items()}))


if __name__ == "__main__":
    main()
