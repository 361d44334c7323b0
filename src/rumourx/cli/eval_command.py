"""``rumourx eval``: score strategies against gold labels, side by side."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from rumourx.cli.options import EXIT_OK, STRATEGIES, add_model_options, settings_from
from rumourx.core.errors import InputError

__all__ = ["add_parser"]


def _run_items(args: argparse.Namespace) -> int:
    from rumourx.evaluation.items import evaluate_items, load_items, read_ids

    exclude = read_ids(Path(args.exclude)) if args.exclude else set()
    items = load_items(Path(args.items), exclude=exclude)
    names = list(args.compare) if args.compare else [args.strategy or "rules"]
    if "naive" in names:
        raise InputError("--items scores extraction strategies; naive needs --articles and --gold")
    settings = settings_from(args)

    def progress(done: int, total: int) -> None:
        if sys.stderr.isatty() and (done % 100 == 0 or done == total):
            print(f"\r{done}/{total}", end="" if done < total else "\n", file=sys.stderr)

    results = [
        evaluate_items(items, name, settings, progress=progress, categorise=args.categories)
        for name in names
    ]
    if args.json:
        print(json.dumps([r.as_dict() for r in results], indent=2))
    else:
        print("strategy | items | players | player R | player P | club consistency | s/item")
        for r in results:
            s = r.score
            print(
                f"{r.name} | {s.items} | {s.labelled} | {s.recall:.3f} | {s.precision:.3f} | "
                f"{s.club_consistency:.3f} | {r.seconds / max(s.items, 1):.4f}"
            )
        for r in results:
            for category, count in (r.categories or {}).items():
                print(f"[{r.name}] {category}: {count}")
            for error in r.errors:
                print(f"error ({r.name}): {error}", file=sys.stderr)
    if args.verbose:
        for r in results:
            for line in r.score.misses:
                print(f"[{r.name}] {line}")
    return EXIT_OK


def _run(args: argparse.Namespace) -> int:
    from rumourx.evaluation.corpus import load_corpus
    from rumourx.evaluation.runner import evaluate
    from rumourx.evaluation.scoring import FIELDS

    if args.items:
        if args.articles or args.gold:
            raise InputError("give either --items, or --articles with --gold")
        return _run_items(args)
    if not (args.articles and args.gold):
        raise InputError("give --articles with --gold, or --items")
    if args.exclude or args.categories:
        raise InputError("--exclude and --categories apply to --items")
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
    evaluation.add_argument("--articles", help="articles JSONL (scored against --gold)")
    evaluation.add_argument("--gold", help="gold labels JSONL (rumours with roles)")
    evaluation.add_argument(
        "--items",
        help="player-labelled items JSONL (bbc-items format): player recall and precision",
    )
    evaluation.add_argument(
        "--exclude", help="with --items: a file of item ids to leave out, one a line"
    )
    evaluation.add_argument(
        "--compare",
        nargs="+",
        choices=(*STRATEGIES, "naive"),
        help="strategies to compare side by side (naive is the single-call baseline)",
    )
    evaluation.add_argument(
        "--categories",
        action="store_true",
        help="with --items: count the misses by category (missed players, extra rumours)",
    )
    evaluation.add_argument("--json", action="store_true", help="print figures as JSON")
    evaluation.add_argument("--verbose", action="store_true", help="list every miss")
    add_model_options(evaluation)
    evaluation.set_defaults(handler=_run)
