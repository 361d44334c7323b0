"""Write the README's screenshot: the seed article's evidence view in headless Chromium.

Run from the repository root: ``make screenshot`` (or ``python -m tests.views.screenshot``).
The seed article is read at run time from ``../shared/corpus``; only the picture is kept.
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


def seed_article() -> Article:
    for line in SEED.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["id"] == "seed-ramos-juventus":
            return Article(
                text=row["text"], id=row["id"], title=row.get("title"), publisher=row.get("publisher")
            )
    raise SystemExit(f"the seed article is not in {SEED}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--hover", type=int, default=-1, help="rumour row to hover (-1: none)")
    args = parser.parse_args()
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
