"""Capitalised word soup: does the ``rules`` reader stay linear in the text's length?

    python benchmarks/word_soup.py                # 1,000 and 4,000 words of each soup
    python benchmarks/word_soup.py --words 250 500 1000 2000 4000
    python benchmarks/word_soup.py --sentence-words 20   # a full stop every 20 words

A text of capitalised words without sentence ends is what a squad list, a table
pasted as text, or a hostile input looks like. Goal (issue 12): 4,000 words take at
most 5x the time of 1,000 words, and under 1 s. Each soup is read through
``rumourx.extract`` with ``strategy="rules"``, in a child process stopped after
``--limit`` seconds; the figure is that child's CPU seconds for the one call (wall
seconds on a shared machine measure the neighbours too).

Soups (the same seed each run):
    syllables  invented capitalised words ("Kadorsa Mivi Tanbel ...")
    english    capitalised common English words ("The Quick Brown Fox ...")
    names      first names and surnames ("John Kane Marcus Silva ...")
    football   club aliases, outlet names and people's names from rumourx's own tables
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import time
from typing import Any

from rumourx import Settings, extract
from rumourx.knowledge.clubs import club_index
from rumourx.knowledge.outlets import outlet_index

SYLLABLES = "ka ro mi len dor sa vi tan bel gu ne ha zo pri ster".split()
ENGLISH = (
    "The Quick Brown Fox Jumps Over Lazy Dog And Then Runs Into Town Where Many People Live "
    "Under Bright Lights Of Old Buildings Near River Bank Station Market Square Church Street "
    "Park Road House Green Hill"
).split()
FIRST = (
    "John James David Michael Robert Harry Jack Marcus Kevin Bruno Paul Luke Mason Declan "
    "Jordan Kai Ben Sergio Cristiano Lionel"
).split()
LAST = (
    "Smith Jones Kane Rashford Sterling Fernandes Pogba Shaw Mount Rice Henderson Havertz "
    "White Ramos Ronaldo Messi Silva Costa Diaz Walker"
).split()
SOUPS = ("syllables", "english", "names", "football")


def soup(kind: str, words: int, seed: int = 7) -> str:
    """``words`` capitalised words of the given kind, separated by single spaces."""
    rng = random.Random(seed)
    if kind == "syllables":
        return " ".join(
            "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
            for _ in range(words)
        )
    if kind == "english":
        return " ".join(rng.choice(ENGLISH) for _ in range(words))
    if kind == "names":
        return " ".join(rng.choice(FIRST if i % 2 == 0 else LAST) for i in range(words))
    if kind == "football":
        clubs = sorted(alias for alias, _ in club_index().alias_items())
        outlets = sorted(outlet_index().aliases())
        found: list[str] = []
        while len(found) < words:
            draw = rng.random()
            pool = clubs if draw < 0.2 else outlets if draw < 0.3 else FIRST if draw < 0.6 else LAST
            found.extend(rng.choice(pool).split())
        return " ".join(found[:words])
    raise ValueError(f"unknown soup {kind!r}: choose {', '.join(SOUPS)}")


def with_sentence_ends(text: str, every: int) -> str:
    """The soup cut into sentences of ``every`` words, so that each one is read."""
    words = text.split()
    return " ".join(" ".join(words[i : i + every]) + "." for i in range(0, len(words), every))


def _timed(text: str, queue: Any) -> None:
    settings = Settings(strategy="rules")
    extract("Arsenal have signed John Smith from Chelsea.", settings)  # tables loaded
    started = time.process_time()
    report = extract(text, settings)
    queue.put((time.process_time() - started, len(report.rumours)))


def measure(text: str, limit: float) -> float | None:
    """CPU seconds of one extraction in a child process; None when stopped at ``limit``."""
    queue: Any = multiprocessing.Queue()
    child = multiprocessing.Process(target=_timed, args=(text, queue))
    child.start()
    child.join(limit)
    if child.is_alive():
        child.kill()
        child.join()
        return None
    if queue.empty():
        raise RuntimeError(f"the extraction died (exit code {child.exitcode})")
    seconds, _ = queue.get()
    return float(seconds)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--words", type=int, nargs="+", default=[1000, 4000])
    parser.add_argument("--soups", nargs="+", default=list(SOUPS), choices=SOUPS)
    parser.add_argument("--limit", type=float, default=60.0, help="seconds before a run is stopped")
    parser.add_argument(
        "--sentence-words",
        type=int,
        default=0,
        help="end a sentence every N words (0: none; the whole soup is one sentence, and a "
        "sentence over 2,000 characters is left unread)",
    )
    args = parser.parse_args()
    for kind in args.soups:
        times: dict[int, float | None] = {}
        for words in args.words:
            text = soup(kind, words)
            if args.sentence_words:
                text = with_sentence_ends(text, args.sentence_words)
            times[words] = measure(text, args.limit)
            shown = f"{times[words]:7.3f}s" if times[words] is not None else f">{args.limit:.0f}s"
            print(f"{kind:10} {words:>6} words {len(text):>8,} chars  {shown} CPU", flush=True)
        low, high = min(args.words), max(args.words)
        if low != high:
            small, large = times[low], times[high]
            if small is None or large is None:
                print(f"{kind:10} ratio {high}/{low} words: not measured (a run was stopped)")
                continue
            ratio = large / max(small, 1e-6)
            verdict = ""
            if (low, high) == (1000, 4000):
                ok = ratio <= 5 and large < 1.0
                verdict = " ok" if ok else " OVER the goal (at most 5x, and 4,000 words under 1 s)"
            print(f"{kind:10} ratio {high}/{low} words: {ratio:.1f}x{verdict}", flush=True)


if __name__ == "__main__":
    main()
