"""``rumourx extract``: the rumours of one article, as a table, plain text or JSON.

On a terminal the report is a rich table; piped, or with ``NO_COLOR``, plain text
(:mod:`rumourx.views.terminal`). ``--html OUT.html`` also writes the evidence view.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

from rumourx.cli.options import EXIT_OK, add_model_options, read_article_file, settings_from
from rumourx.core.errors import InputError
from rumourx.core.types import RumourReport

__all__ = ["add_parser", "write_view"]


def write_view(report: RumourReport, text: str, path: str, *, title: str | None = None) -> Path:
    """Write the evidence view of ``report`` over ``text`` to ``path``.

    Raises:
        InputError: The file cannot be written (missing folder, no permission).
    """
    target = Path(path)
    page = report.to_html(text, title=title)
    try:
        target.write_text(page, encoding="utf-8")
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise InputError(f"cannot write the evidence view to {path}: {reason}") from exc
    return target


def _run(args: argparse.Namespace) -> int:
    from rumourx.extractor import Extractor
    from rumourx.views.terminal import print_report

    text = read_article_file(args.path)
    extractor = Extractor(settings_from(args))
    report = asyncio.run(extractor.aextract(text)) if args.use_async else extractor.extract(text)
    if args.json:
        print(report.model_dump_json())
    else:
        print_report(report)
        cost = _cost(extractor.settings.model, report)
        if cost:
            print(cost)
    if args.html:
        title = "standard input" if args.path == "-" else Path(args.path).name
        written = write_view(report, text, args.html, title=title)
        print(f"evidence view: {written.resolve()}", file=sys.stderr)
    return EXIT_OK


def _cost(model: str | None, report: RumourReport) -> str | None:
    """The estimated cost line, when the model asked has a price-table entry."""
    from rumourx.batch.pricing import estimate_cost, load_prices

    if not report.usage.calls:
        return None
    dollars = estimate_cost(model, report.usage, load_prices())
    return None if dollars is None else f"estimated cost ${dollars:.6f} ({model})"


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``extract``."""
    extract = sub.add_parser("extract", help="extract the rumours of one article")
    extract.add_argument("path", help="article file (text or HTML), or - for standard input")
    extract.add_argument("--json", action="store_true", help="print the report as JSON")
    extract.add_argument(
        "--html",
        metavar="OUT.html",
        help="also write the evidence view: the article with each rumour's evidence highlighted",
    )
    extract.add_argument("--async", dest="use_async", action="store_true", help=argparse.SUPPRESS)
    add_model_options(extract)
    extract.set_defaults(handler=_run)
