"""Story page benchmark: does the page stay usable as stories grow? Ratios, same process.

    python benchmarks/story_page.py              # 500 and 5,000 stories
    python benchmarks/story_page.py 300 3000     # other sizes
    python benchmarks/story_page.py --list-items # the same, stories drawn as <li>
    python benchmarks/story_page.py --page PAGE  # load and filter an existing story page

Stories are synthetic (two articles each, names made up here). Figures, each for N
and 10 N stories, and their ratio (10 is linear):

- writing the page (``StoryPageWriter``), seconds;
- Chromium (headless, the system's) loading it, seconds to the load event;
- the filter: hiding four stories in five ("contradictions only") and laying the page
  out again, median of 5, measured inside the page.

``--list-items`` draws the stories as ``<li>`` of an ``<ol>``, as the first version
did: Chromium then renumbers the list for each hidden item, and the filter goes
quadratic. Needs the dev extra (playwright) and Chromium.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.views.browser import chromium  # noqa: E402

from rumourx.stories import build_stories  # noqa: E402
from rumourx.stories.page import StoryPageWriter  # noqa: E402

STATUSES = ["linked", "talks", "bid", "agreed", "completed"]

HIDE = """() => {
    const box = document.getElementById('contradicted');
    const times = [];
    for (let round = 0; round < 5; round++) {
        box.checked = false; box.dispatchEvent(new Event('change')); document.body.offsetHeight;
        const start = performance.now();
        box.checked = true; box.dispatchEvent(new Event('change')); document.body.offsetHeight;
        times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    return [times[2] / 1000, document.querySelectorAll('.story:not([hidden])').length];
}"""


def reports(count: int) -> list[dict[str, object]]:
    """Two report lines per story; every fifth story agreed, then collapsed."""
    rows: list[dict[str, object]] = []
    for n in range(count):
        player, club = f"Player{n:06d} Benchmark", f"Club {n % 40} United"
        first = STATUSES[n % 5]
        second = "collapsed" if n % 5 == 3 else STATUSES[min(n % 5 + 1, 4)]
        for article, day, status in ((f"a{n}", "01", first), (f"b{n}", "15", second)):
            sentence = f"{club} and {player}: {status}."
            rumour = {
                "player": player,
                "to_club": club,
                "status": status,
                "sources": ["Sky Sports"],
                "evidence": [{"text": sentence, "start": 0, "end": len(sentence)}],
            }
            rows.append(
                {"id": article, "published": f"2021-06-{day}", "report": {"rumours": [rumour]}}
            )
    return rows


def as_list_items(html: str) -> str:
    """The page with its stories as <li> of an <ol> (the policy's hashes redone)."""
    html = html.replace('<div class="stories">', '<ol class="stories">', 1)
    html = html.replace('<article class="story"', '<li class="story"').replace(
        "</article>", "</li>"
    )
    html = re.sub(r"</div>(\n<p class=\"none\">No story|\n</main>)", r"</ol>\1", html, count=1)
    html = html.replace('querySelectorAll("article.story")', 'querySelectorAll("li.story")')
    html = html.replace("article.story", "li.story")
    for tag, kind in (("style", "style-src"), ("script", "script-src")):
        body = html.split(f"<{tag}>", 1)[1].split(f"</{tag}>", 1)[0]
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        html = re.sub(rf"{kind} 'sha256-[^']+'", f"{kind} 'sha256-{digest}'", html)
    return html


def measure(count: int, folder: Path, browser: object, list_items: bool) -> dict[str, float]:
    stories = build_stories(reports(count))
    page = folder / f"stories-{count}.html"
    started = time.perf_counter()
    with page.open("w", encoding="utf-8") as file:
        writer = StoryPageWriter(file)
        for story in stories:
            writer.add(story)
        writer.close()
    written = time.perf_counter() - started
    if list_items:
        page.write_text(as_list_items(page.read_text(encoding="utf-8")), encoding="utf-8")
    started = time.perf_counter()
    with browser.open(page) as rendered:  # type: ignore[attr-defined]
        loaded = time.perf_counter() - started
        hide, shown = rendered.evaluate(HIDE)
        assert shown == count // 5, (shown, count)
        assert rendered.page_errors == [], rendered.page_errors
    return {"write": written, "load": loaded, "filter": hide, "bytes": page.stat().st_size}


def existing(page: Path) -> None:
    """Load and filter a page made by ``rumourx stories --html`` (absolute seconds)."""
    with chromium() as browser:
        started = time.perf_counter()
        with browser.open(page) as rendered:
            loaded = time.perf_counter() - started
            stories = rendered.evaluate("() => document.querySelectorAll('.story').length")
            hide, shown = rendered.evaluate(HIDE)
            assert rendered.page_errors == [], rendered.page_errors
    print(f"{page}: {page.stat().st_size:,} bytes, {stories:,} stories")
    print(f"Chromium load {loaded:.3f} s; contradictions only ({shown:,} shown) {hide:.3f} s")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("sizes", nargs="*", type=int, default=[500, 5000])
    parser.add_argument("--list-items", action="store_true")
    parser.add_argument("--page", type=Path, help="an existing story page to load and filter")
    args = parser.parse_args()
    if args.page:
        existing(args.page)
        return
    small, large = args.sizes
    with tempfile.TemporaryDirectory() as tmp, chromium() as browser:
        a = measure(small, Path(tmp), browser, args.list_items)
        b = measure(large, Path(tmp), browser, args.list_items)
    drawn = "<li> items" if args.list_items else "<article>s"
    print(f"stories drawn as {drawn}; {small:,} and {large:,} stories")
    print(f"{'figure':<28}{small:>12,}{large:>12,}{'ratio':>8}")
    for name, label in (
        ("write", "write the page (s)"),
        ("load", "Chromium load (s)"),
        ("filter", "filter, hide 4 in 5 (s)"),
        ("bytes", "page size (bytes)"),
    ):
        digits = 0 if name == "bytes" else 3
        print(
            f"{label:<28}{a[name]:>12,.{digits}f}{b[name]:>12,.{digits}f}{b[name] / a[name]:>8.1f}"
        )


if __name__ == "__main__":
    main()
