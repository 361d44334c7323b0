"""Write the README's screenshots in headless Chromium: the seed article's evidence view,
and the story page of the project's own story articles.

Run from the repository root: ``make screenshot`` (or ``python -m tests.views.screenshot``,
with ``--stories`` for the story page). The seed article is read at run time from
``../shared/corpus``; the story articles are ``examples/stories/articles.jsonl`` (written
by this project). Only the pictures are kept.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from rumourx import Article, extract
from tests.views.browser import chromium

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT.parent / "shared" / "corpus" / "articles.jsonl"
OUT = ROOT / "docs" / "evidence-view.png"
STORY_ARTICLES = ROOT / "examples" / "stories" / "articles.jsonl"


def seed_article() -> Article:
    for line in SEED.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["id"] == "seed-ramos-juventus":
            return Article(
                text=row["text"], id=row["id"], title=row.get("title"), publisher=row.get("publisher")
            )
    raise SystemExit(f"the seed article is not in {SEED}")


def story_screenshot(out: Path) -> None:
    """``rumourx batch`` then ``rumourx stories --html --views --articles``, drawn by Chromium."""
    from rumourx.cli import main as rumourx

    with tempfile.TemporaryDirectory() as folder, chromium() as browser:
        reports, site = Path(folder) / "reports.jsonl", Path(folder) / "site"
        quiet = ["-o", str(reports)]
        assert rumourx(["batch", str(STORY_ARTICLES), *quiet]) == 0
        page = site / "stories.html"
        argv = ["stories", str(reports), "--html", str(page), "--views", str(site / "views")]
        assert rumourx([*argv, "--articles", str(STORY_ARTICLES)]) == 0
        with browser.open(page, width=1150, height=1000) as rendered:
            assert rendered.requests == [rendered.url], rendered.requests
            out.parent.mkdir(parents=True, exist_ok=True)
            rendered.page.screenshot(path=str(out))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--hover", type=int, default=-1, help="rumour row to hover (-1: none)")
    parser.add_argument("--stories", action="store_true", help="the story page instead")
    args = parser.parse_args()
    if args.stories:
        story_screenshot(args.out)
        print(args.out)
        return 0
    if not SEED.is_file():
        print(f"no seed article: {SEED} is missing", file=sys.stderr)
        return 2
    article = seed_article()
    report = extract(article)
    with tempfile.TemporaryDirectory() as folder, chromium() as browser:
        page_file = Path(folder) / "seed.html"
        page_file.write_text(report.to_html(article), encoding="utf-8")
        with browser.open(page_file, width=1400, height=900) as rendered:
            if args.hover >= 0:
                rendered.page.hover(f'tr.move[data-key="r{args.hover}"]')
                rendered.page.wait_for_timeout(500)  # let the highlight's transition finish
            assert rendered.requests == [rendered.url], rendered.requests
            args.out.parent.mkdir(parents=True, exist_ok=True)
            rendered.page.screenshot(path=str(args.out))
    print(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
