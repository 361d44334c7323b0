"""``rumourx extract``: the rumours of one article, as a summary or JSON."""

from __future__ import annotations

import argparse
import asyncio

from rumourx.cli.options import EXIT_OK, add_model_options, read_article_file, settings_from
from rumourx.core.types import RumourReport

__all__ = ["add_parser"]


def _summary(report: RumourReport) -> str:
    if not report.rumours:
        lines = ["No transfer rumours found."]
    else:
        lines = [f"{len(report.rumours)} transfer rumour(s):"]
    for number, rumour in enumerate(report.rumours, start=1):
        fee = ""
        if rumour.fee and rumour.fee.amount:
            fee = f", fee {rumour.fee.amount:,} {rumour.fee.currency or ''}".rstrip()
            if rumour.fee.add_ons:
                fee += f" + {rumour.fee.add_ons:,} add-ons"
        sources = ", ".join(
            f"{s} (tier {rumour.source_tiers[s]})" if s in rumour.source_tiers else s
            for s in rumour.sources
        )
        lines.append(
            f"{number}. {rumour.player}: {rumour.from_club or '?'} -> {rumour.to_club or '?'} "
            f"[{rumour.transfer_type.value}, {rumour.status.value}{fee}]"
        )
        if sources:
            lines.append(f"   sources: {sources}")
        if rumour.evidence:
            lines.append(f'   evidence: "{rumour.evidence[0].text}"')
    for rumour in report.opinion:
        lines.append(f"opinion only (not a report): {rumour.player} -> {rumour.to_club}")
    usage = report.usage
    lines.append(
        f"strategy {report.strategy}; {usage.calls} model call(s), "
        f"{usage.prompt_tokens} prompt + {usage.completion_tokens} completion tokens"
    )
    return "\n".join(lines)


def _run(args: argparse.Namespace) -> int:
    from rumourx.extractor import Extractor

    text = read_article_file(args.path)
    extractor = Extractor(settings_from(args))
    report = asyncio.run(extractor.aextract(text)) if args.use_async else extractor.extract(text)
    if args.json:
        print(report.model_dump_json())
    else:
        print(_summary(report))
        cost = _cost(extractor.settings.model, report)
        if cost:
            print(cost)
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
    extract.add_argument("--async", dest="use_async", action="store_true", help=argparse.SUPPRESS)
    add_model_options(extract)
    extract.set_defaults(handler=_run)
