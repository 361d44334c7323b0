"""rumourx demo: the rumours of the reference article and of our own example articles.

Run with ``make demo`` (sets up .venv, compiles nothing) or, inside an environment
where rumourx is installed::

    python examples/demo.py                    # default strategy: rules, no model
    python examples/demo.py --strategy llm     # the embedded SmolLM2 model (make demo-llm)
    python examples/demo.py --strategy hybrid

The reference (seed) article is read at run time from ../shared/corpus when it is
there. Each article is shown as a table (plain text when piped or with NO_COLOR), and
the reference article's evidence view is written to an HTML file.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from rumourx import Article, Extractor, RumourxError, Settings
from rumourx.views.terminal import print_report

HERE = Path(__file__).resolve().parent
OWN = HERE / "corpus" / "articles.jsonl"
SEED = HERE.parent.parent / "shared" / "corpus" / "articles.jsonl"
SEED_ID = "seed-ramos-juventus"
VIEWS = HERE.parent / "build" / "demo"
SHOWN = [
    "own-loan-option",
    "own-rejected-bid-addons",
    "own-free-completed",
    "own-spanish",
    "own-gossip",
    "own-no-transfer",
]


def seed_article() -> Article | None:
    """The reference article from the shared corpus, or None when it is not beside us."""
    if not SEED.is_file():
        return None
    for line in SEED.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["id"] == SEED_ID:
            return Article(text=row["text"], id=row["id"], publisher=row.get("publisher"))
    return None


def own_articles() -> list[Article]:
    """Articles this project wrote itself."""
    rows = {}
    for line in OWN.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        rows[row["id"]] = row
    return [
        Article(text=rows[i]["text"], id=i, publisher=rows[i].get("publisher")) for i in SHOWN
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--strategy", choices=["llm", "rules", "hybrid"], default=None)
    parser.add_argument(
        "--views", type=Path, default=VIEWS, help=f"folder for the evidence view (default {VIEWS})"
    )
    args = parser.parse_args()
    extractor = Extractor(Settings(strategy=args.strategy))
    print(f"rumourx demo, strategy: {extractor.strategy}\n")
    seed = seed_article()
    articles = own_articles()
    if seed is None:
        print(
            f"Reference article not shown: it is read from {SEED} (id {SEED_ID}), "
            "which is not beside this clone.\n"
        )
        viewed = articles[0]
    else:
        articles.insert(0, seed)
        viewed = seed
    failures = 0
    view_path: Path | None = None
    for article in articles:
        started = time.perf_counter()
        try:
            report = extractor.extract(article)
        except RumourxError as exc:
            failures += 1
            reason = " ".join(str(exc).split())[:160]
            print(f"{article.id}: error: {type(exc).__name__}: {reason}\n")
            continue
        took = time.perf_counter() - started
        title = f"{article.id} ({article.publisher}, {took:.2f} s)"
        print_report(report, title=title)
        print()
        if article is viewed:
            args.views.mkdir(parents=True, exist_ok=True)
            view_path = args.views / f"{article.id}.html"
            view_path.write_text(report.to_html(article), encoding="utf-8")
    if view_path is not None:
        print(f"Evidence view of {viewed.id}: {view_path} (open it in a browser)")
    if failures:
        print(
            f"\n{failures} article(s) failed; the tiny embedded model often cannot produce valid "
            "output (see the README's strategy table)."
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
