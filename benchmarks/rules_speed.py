"""The offline reader's speed: CPU milliseconds per article with the ``rules`` strategy.

    python benchmarks/rules_speed.py              # dev articles and the 4,880 BBC items
    python benchmarks/rules_speed.py --repeat 5   # more rounds (the best round counts)

Goal (issues 8 and 12): under 20 ms per average corpus dev article on one core,
through ``Extractor.extract`` (preparing the document, the rules, finishing). Texts
are read at run time from ``../shared/corpus`` (only the ``dev`` ids that have gold,
never the held-out split) and ``../shared/corpus/bbc-items``.

Each figure is CPU time of this process (the machine is shared: wall time measures
the neighbours too), the best of ``--repeat`` rounds, and also a ratio against a
baseline run in the same process on the same texts: folding them and splitting
them into sentences once (written out here, so the baseline never changes), the
least any reader of the article must do. Each round starts from empty memos
(folded names, outlet look-ups, sentence cues), as a new process would.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

from rumourx import Article, Extractor, Settings
from rumourx.strategies.base import ArticleJob
from rumourx.strategies.rules import propose_drafts

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
SHARED = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"


def dev_articles(shared: Path) -> list[Article]:
    """The dev articles that have gold (never the held-out split)."""
    gold = {json.loads(line)["id"] for line in (shared / "gold-dev.jsonl").open()}
    found = []
    for line in (shared / "articles.jsonl").open():
        raw = json.loads(line)
        if raw["id"] in gold and raw.get("split") == "dev":
            found.append(Article(text=raw["text"], id=raw["id"], publisher=raw.get("publisher")))
    return found


def bbc_items(shared: Path) -> list[Article]:
    """The 4,880 real gossip items."""
    lines = (shared / "bbc-items" / "items.jsonl").open()
    return [Article(text=raw["text"], id=raw["id"]) for raw in map(json.loads, lines)]


def forget() -> None:
    """Empty rumourx's memos, so that no round reuses what an earlier round read."""
    from rumourx.knowledge import folding
    from rumourx.knowledge.outlets import outlet_index
    from rumourx.strategies.rules import decisions, reading, roles

    # The stage reader and renewals moved out of decisions (absent at earlier revisions).
    stage_reading = sys.modules.get("rumourx.strategies.rules.stage_reading")
    renewals = sys.modules.get("rumourx.strategies.rules.renewals")
    for module, names in (
        (folding, ("_fold_short", "_fold_long")),
        (reading, ("_stage_short", "_stage_long")),
        (roles, ("_clauses_short", "_clauses_long")),
        (decisions, ("_status_in",)),
        (stage_reading, ("stage_in",)),
        (renewals, ("concessive_end", "renewal_settled", "renewal_stage")),
    ):
        for name in names:
            # Absent (or plain functions) at revisions before the memos.
            clear = getattr(getattr(module, name, None), "cache_clear", None)
            if clear is not None:
                clear()
    getattr(outlet_index(), "_found", {}).clear()


def cpu_per_article(
    work: Callable[[Article], object], articles: list[Article], repeat: int
) -> float:
    """Best-of-``repeat`` CPU seconds per article, each round from empty memos."""
    best = float("inf")
    for _ in range(repeat):
        forget()
        started = time.process_time()
        for article in articles:
            work(article)
        best = min(best, (time.process_time() - started) / len(articles))
    return best


def baseline(article: Article) -> None:
    """Fold the text and split it into sentences, written here so that it never changes."""
    decomposed = unicodedata.normalize("NFKD", article.text)
    folded = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    " ".join(folded.split())
    _SENTENCE_END.split(article.text)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared corpus folder")
    parser.add_argument("--repeat", type=int, default=3, help="rounds; the best one counts")
    parser.add_argument("--dev-only", action="store_true", help="skip the 4,880 BBC items")
    args = parser.parse_args()
    extractor = Extractor(Settings(strategy="rules"))
    sets = {"dev articles": dev_articles(args.shared)}
    if not args.dev_only:
        sets["bbc items"] = bbc_items(args.shared)
    for articles in sets.values():  # warm up: tables loaded, regexes compiled
        for article in articles[:20]:
            extractor.extract(article)
    print(
        f"{'set':14} {'n':>5} {'chars':>6}  {'extract':>9} {'rules only':>11} {'baseline':>9}  ratio"
    )
    for name, articles in sets.items():
        base = cpu_per_article(baseline, articles, args.repeat)
        full = cpu_per_article(extractor.extract, articles, args.repeat)
        rules = cpu_per_article(
            lambda a: propose_drafts(ArticleJob(text=a.text, publisher=a.publisher)),
            articles,
            args.repeat,
        )
        chars = sum(len(a.text) for a in articles) // len(articles)
        verdict = "ok" if name != "dev articles" or full < 0.020 else "OVER the 20 ms goal"
        print(
            f"{name:14} {len(articles):>5} {chars:>6}  {full * 1000:7.2f}ms {rules * 1000:9.2f}ms "
            f"{base * 1000:7.3f}ms  {full / base:5.0f}x  {verdict}",
            flush=True,
        )


if __name__ == "__main__":
    main()
