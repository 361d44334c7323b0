"""HTML input: seconds to prepare hostile and large pages, against their length.

    python benchmarks/markup.py               # rumourx's preparation (scan, parse, reduce, normalise)
    python benchmarks/markup.py --candidates  # also the other parsers measured for the README
                                            # (each one that is installed: lxml, html5lib, trafilatura)

Goals (issue 13): hostile markup of 1 MB prepared in under 2 s; a 5 MB news page of a
real shape (our own articles in site chrome) in under 3 s. The verdict reads CPU
seconds of this process (wall seconds are printed too: on a shared machine they
measure the neighbours as much as rumourx). Each figure is also given as
a ratio to the time lexbor alone takes to parse the same input (depth-capped, as
rumourx hands it over), the floor any reduction pays. Pages are built from the project's own articles (examples/corpus), never from
the shared corpus.
"""

from __future__ import annotations

import argparse
import html
import json
import multiprocessing
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from rumourx.text.document import read_document
from rumourx.text.markup_scan import scan_markup

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"
HEAD_SCRIPT = "window.dataLayer=[];var cfg={'k':'" + "abcdefghij" * 3000 + "'};"
STYLE = "body{margin:0}" + ".c{color:red}" * 2000


def own_articles() -> list[dict[str, str]]:
    return [json.loads(line) for line in (CORPUS / "articles.jsonl").read_text().splitlines()]


def page(title: str, body: str) -> str:
    """A news page: head with scripts and styles, cookie banner, nav, aside, footer."""
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
        f"<script>{HEAD_SCRIPT}</script><style>{STYLE}</style></head><body>"
        "<div class='cookie'>We use cookies. <button>Accept</button></div>"
        "<header><nav><ul><li><a href='/'>Home</a></li><li><a href='/football'>Football</a></li></ul></nav></header>"
        f"<main><article><h1>{html.escape(title)}</h1>{body}</article>"
        "<aside><h3>Most read</h3><ol><li><a href='/1'>Five things we learned</a></li></ol></aside></main>"
        "<footer><p>&copy; 2026 Example Media.</p></footer></body></html>"
    )


def article_body(article: dict[str, str]) -> str:
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in article["text"].split("\n\n"))
    return f"<div class='entry'><h2>{html.escape(article['title'])}</h2>{paragraphs}</div>\n"


def live_page(size: int) -> str:
    """A live blog of our articles, repeated until the page is ``size`` characters."""
    articles, parts, total = own_articles(), [], 0
    while total < size:
        part = article_body(articles[len(parts) % len(articles)])
        parts.append(part)
        total += len(part)
    return page("Live: deadline day", "".join(parts))


def cases() -> dict[str, str]:
    mb = 1_000_000
    return {
        "unclosed <a (1 MB)": "<p>x</p><br>" + "<a " * (mb // 3),
        "nested <div> (1 MB)": "<div>" * (mb // 11) + "Arsenal." + "</div>" * (mb // 11),
        "nested <b> + 100k <i> (1 MB)": "<p>"
        + "<b>" * 20_000
        + "x"
        + "</b>" * 20_000
        + "</p>"
        + "<i>y</i>" * 100_000,
        "<div> then stray </span> (1 MB)": "<div>" * (mb // 12) + "x" + "</span>" * (mb // 12),
        "huge <head> script (1 MB)": "<html><head><script>"
        + "var a='<p>';" * (mb // 12)
        + "</script></head><body><p>Arsenal bid.</p></body></html>",
        "attribute soup (1 MB)": "<p " + "a='b' " * (mb // 6) + ">x</p><!--" + "-" * 10_000,
        "unclosed table cells (1 MB)": "<table>" + "<tr><td>" * (mb // 8) + "x",
        "list items never closed (1 MB)": "<ul>" + "<li>x" * (mb // 5),
        "one article in chrome": page("Article", article_body(own_articles()[0])),
        "news page (5 MB)": live_page(5_000_000),
    }


def _timed(function: Callable[[str], str], markup: str, queue: Any) -> None:
    started = time.process_time()
    try:
        text = function(markup)
        queue.put((time.process_time() - started, len(" ".join(text.split()))))
    except Exception as exc:  # a candidate that fails says how
        queue.put(f"{type(exc).__name__}: {str(exc)[:50]}")


def measure(function: Callable[[str], str], markup: str, limit: float) -> str:
    """CPU seconds for one call and characters of text kept, in a child process
    stopped after ``limit`` seconds."""
    queue: Any = multiprocessing.Queue()
    child = multiprocessing.Process(target=_timed, args=(function, markup, queue))
    child.start()
    child.join(limit)
    if child.is_alive():
        child.kill()
        return f">{limit:.0f}s"
    result = queue.get() if not queue.empty() else f"died ({child.exitcode})"
    if isinstance(result, tuple):
        return f"{result[0]:.3f}s CPU, {result[1]:,} characters of text kept"
    return str(result)


def rumourx_prepare(markup: str) -> None:
    read_document(markup, max_chars=10_000_000)


def lexbor_parse(markup: str) -> None:
    """The floor: lexbor parsing the depth-capped copy (raw deep nesting is quadratic)."""
    LexborHTMLParser(scan_markup(markup).capped)


def candidates() -> dict[str, Callable[[str], str]]:
    """Each other parser that is installed, as markup -> text (all text nodes)."""
    found: dict[str, Callable[[str], str]] = {
        "rumourx": lambda m: read_document(m, max_chars=10**7).original
    }
    try:
        import lxml.html

        found["lxml"] = lambda m: " ".join(lxml.html.document_fromstring(m).itertext())
    except ImportError:
        pass
    try:
        import html5lib

        found["html5lib"] = lambda m: " ".join(html5lib.parse(m).itertext())
    except ImportError:
        pass
    try:
        import trafilatura

        found["trafilatura"] = lambda m: trafilatura.extract(m, include_tables=True) or ""
    except ImportError:
        pass
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--candidates", action="store_true")
    parser.add_argument("--limit", type=float, default=60.0, help="seconds before a run is stopped")
    args = parser.parse_args()
    others = candidates() if args.candidates else {}
    for name, markup in cases().items():
        goal = 3.0 if "5 MB" in name else 2.0
        base = time.process_time()
        lexbor_parse(markup)
        floor = time.process_time() - base
        wall, cpu = time.perf_counter(), time.process_time()
        rumourx_prepare(markup)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        verdict = "ok" if cpu < goal else f"OVER the {goal:.0f} s goal"
        print(
            f"{name:34} {len(markup):>10,} chars  rumourx {cpu:6.3f}s CPU ({wall:6.3f}s wall)  "
            f"{cpu / max(floor, 1e-6):5.1f}x lexbor parse  {verdict}",
            flush=True,
        )
        for other, function in others.items():
            print(
                f"{'':34} {'':>10}        {other:12} {measure(function, markup, args.limit)}",
                flush=True,
            )


if __name__ == "__main__":
    main()
