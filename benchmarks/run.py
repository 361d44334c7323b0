"""Benchmarks, as ratios against a baseline run in the same process.

    python benchmarks/run.py               # rules cost against reading the text
    python benchmarks/run.py --with-model  # adds llm and hybrid on the embedded model

Figures:
- rules/reading: seconds of a full rules extraction over the time to split the same
  articles into sentences and find their clubs (the floor any extraction pays).
- per strategy: seconds, model calls and prompt tokens per article on the project's
  own labelled articles (examples/corpus), with F1 for context.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from rumourx import Extractor, Settings
from rumourx.evaluation.corpus import load_corpus
from rumourx.evaluation.runner import evaluate
from rumourx.knowledge.clubs import club_index
from rumourx.text.sentences import split_sentences

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"


def timed(function, rounds: int) -> float:
    started = time.perf_counter()
    for _ in range(rounds):
        function()
    return (time.perf_counter() - started) / rounds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--with-model", action="store_true")
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    texts = [
        json.loads(line)["text"] for line in (CORPUS / "articles.jsonl").read_text().splitlines()
    ]
    rules = Extractor(Settings(strategy="rules"))
    clubs = club_index()

    def reading() -> None:
        for text in texts:
            split_sentences(text)
            clubs.find(text)

    def extracting() -> None:
        for text in texts:
            rules.extract(text)

    extracting()  # warm caches
    base, full = timed(reading, args.rounds), timed(extracting, args.rounds)
    print(f"rules/reading ratio: {full / base:.1f}x  ({full / len(texts) * 1000:.2f} ms/article)")
    corpus = load_corpus(CORPUS / "articles.jsonl", CORPUS / "gold.jsonl")
    names = ["rules", "hybrid", "llm"] if args.with_model else ["rules"]
    for name in names:
        result = evaluate(corpus, name, Settings()).as_dict()
        print(
            f"{name:7s} F1 {result['f1']:.2f}  {result['seconds_per_article']:.3f} s/article  "
            f"{result['model_calls_per_article']:.2f} calls/article  "
            f"{result['prompt_tokens_per_article']:.0f} prompt tokens/article"
        )


if __name__ == "__main__":
    main()
