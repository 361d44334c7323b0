"""``rumourx eval``: score strategies against gold labels, side by side."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from rumourx.cli.options import EXIT_OK, STRATEGIES, add_model_options, settings_from

__all__ = ["add_parser"]


def _run(args: argparse.Namespace) -> int:
    from rumourx.evaluation.corpus import load_corpus
    from rumourx.evaluation.runner import evaluate
    from rumourx.evaluation.scoring import FIELDS

    corpus = load_corpus(Path(args.articles), Path(args.gold))
    names = list(args.compare) if args.compare else [args.strategy or "rules"]
    settings = settings_from(args)

    def progress(name: str, done: int, total: int) -> None:
        if sys.stderr.isatty():
            print(f"\r{name}: {done}/{total}", end="" if done < total else "\n", file=sys.stderr)

    results = [evaluate(corpus, name, settings, progress=progress) for name in names]
    if args.json:
        print(json.dumps([r.as_dict() for r in results], indent=2))
    else:
        header = ["strategy", "P", "R", "F1", "invented", *FIELDS, "s/article", "calls", "tokens"]
        print(" | ".join(header))
        for r in results:
            d = r.as_dict()
            row = [
                r.name,
                f"{d['precision']:.2f}",
                f"{d['recall']:.2f}",
                f"{d['f1']:.2f}",
                f"{d['invented_on_negatives']}/{d['negative_articles']}",
                *(f"{d['accuracy'][f]:.2f}" for f in FIELDS),
                f"{d['seconds_per_article']:.3f}",
                f"{d['model_calls_per_article']:.1f}",
                f"{d['prompt_tokens_per_article']:.0f}",
            ]
            print(" | ".join(row))
        for r in results:
            for error in r.errors:
                print(f"error ({r.name}): {error}", file=sys.stderr)
    if args.verbose:
        for r in results:
            for line in r.score.misses:
                print(f"[{r.name}] {line}")
    return EXIT_OK


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``eval``."""
    evaluation = sub.add_parser("eval", help="score strategies against gold labels")
    evaluation.add_argument("--articles", required=True, help="articles JSONL")
    evaluation.add_argument("--gold", required=True, help="gold labels JSONL")
    evaluation.add_argument(
        "--compare",
        nargs="+",
        choices=(*STRATEGIES, "naive"),
        help="strategies to compare side by side (naive is the single-call baseline)",
    )
    evaluation.add_argument("--json", action="store_true", help="print figures as JSON")
    evaluation.add_argument("--verbose", action="store_true", help="list every miss")
    add_model_options(evaluation)
    evaluation.set_defaults(handler=_run)
