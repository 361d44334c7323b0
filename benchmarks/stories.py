"""Stories benchmark: memory of ``rumourx stories`` as reports grow, each run in a fresh process.

    python benchmarks/stories.py            # 10,000 / 100,000 reports
    python benchmarks/stories.py 2000 20000 # smaller, for a quick look

Reports are synthetic (names and sentences made up here), written to a temporary
folder. Three runs, each ``python -m rumourx stories`` in its own process, peak RSS
read from the kernel when it exits:

- same stories, ten times the reports: 5,000 stories from N and from 10 N reports.
  Merging keeps a few numbers per story and parks timeline entries in a spill file,
  so memory should follow stories, not reports. Goal: ratio <= 1.2.
- absolute: 10 N reports over 10 times as many stories (50,000 at N = 10,000).
  Goal: under 500 MB at 100,000 reports.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIRST = ["Tom", "Ben", "Sam", "Luca", "Mateo", "Jonas", "Aled", "Kofi", "Ravi", "Iker"]
SYLLABLES = ["har", "din", "col", "ver", "mon", "tel", "sar", "bro", "kin", "lum", "dov", "pes"]
CLUBS = [
    "Arsenal",
    "Chelsea",
    "Everton",
    "Leeds United",
    "Newcastle United",
    "Burnley",
    "Lyon",
    "Sevilla",
    "Porto",
    "Ajax",
    "Celtic",
    "Napoli",
]
OUTLETS = ["Sky Sports", "The Athletic", "The Times", "Daily Mail", "The Sun", "Goal", "Marca"]
STATUSES = ["linked", "linked", "linked", "talks", "bid", "agreed", "completed", "collapsed"]


def _players(count: int, rng: random.Random) -> list[str]:
    names: set[str] = set()
    while len(names) < count:
        surname = "".join(rng.choice(SYLLABLES) for _ in range(4)).capitalize()
        names.add(f"{rng.choice(FIRST)} {surname}")
    return sorted(names)


def write_reports(path: Path, reports: int, stories: int, seed: int = 1) -> None:
    """``reports`` batch output lines spread over about ``stories`` (player, club) stories."""
    rng = random.Random(seed)
    players = _players(max(stories // 2, 1), rng)
    pairs = [(p, c) for p in players for c in rng.sample(CLUBS, 2)][:stories]
    with path.open("w", encoding="utf-8") as out:
        for i in range(reports):
            player, club = pairs[i % len(pairs)] if i < len(pairs) else rng.choice(pairs)
            seller = CLUBS[(CLUBS.index(club) + 3) % len(CLUBS)]
            sentence = (
                f"{club} are pushing to sign {seller} forward {player}, who has two years "
                f"left on his contract, and talks are expected to continue this week ({i})."
            )
            rumour = {
                "player": player if i % 3 else player.split()[-1],
                "from_club": seller,
                "to_club": club,
                "transfer_type": "permanent",
                "status": rng.choice(STATUSES),
                "fee": {"amount": 30_000_000, "currency": "GBP"} if i % 4 == 0 else None,
                "sources": [rng.choice(OUTLETS)],
                "source_tiers": {},
                "evidence": [{"text": sentence, "start": 0, "end": len(sentence)}],
            }
            day = f"2021-{1 + (i * 7) % 12:02d}-{1 + (i * 11) % 28:02d}"
            line = {
                "id": f"r{i}",
                "published": day,
                "publisher": "www.example.org",
                "report": {"rumours": [rumour], "opinion": [], "warnings": [], "strategy": "rules"},
            }
            out.write(json.dumps(line) + "\n")


def run_stories(reports: Path) -> tuple[float, float]:
    """(peak RSS in MB, seconds) of ``rumourx stories`` on ``reports``, in a fresh process."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "rumourx", "stories", str(reports), "-o", str(reports) + ".out"],
        stdout=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )
    _, status, usage = os.wait4(process.pid, 0)
    if status != 0:
        raise SystemExit(f"rumourx stories failed on {reports} (status {status})")
    return usage.ru_maxrss / 1024, time.perf_counter() - started


def main(small: int = 10_000, big: int = 100_000) -> None:
    stories = small // 2
    with tempfile.TemporaryDirectory() as folder:
        runs = {}
        for name, reports, count in (
            ("base", small, stories),
            ("same stories", big, stories),
            ("absolute", big, stories * 10),
        ):
            path = Path(folder) / f"{name.replace(' ', '-')}.jsonl"
            write_reports(path, reports, count)
            runs[name] = run_stories(path)
            print(
                f"  {name}: {reports:,} reports, about {count:,} stories: "
                f"peak RSS {runs[name][0]:.1f} MB, {runs[name][1]:.1f} s"
            )
    ratio = runs["same stories"][0] / runs["base"][0]
    print(
        f"memory: peak RSS with {big:,} reports over {small:,}, same {stories:,} stories: "
        f"{ratio:.2f} (goal <= 1.2)"
    )
    print(
        f"memory: peak RSS for {big:,} reports over {stories * 10:,} stories: "
        f"{runs['absolute'][0]:.0f} MB (goal < 500 MB)"
    )


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
