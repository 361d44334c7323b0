"""A report in the terminal: a ``rich`` table on a terminal, plain text anywhere else.

The table wraps long cells and folds long words; it never cuts one. Status is
coloured, tiers are short badges (``T2``) and each rumour's evidence sits under it.
With ``NO_COLOR`` set, ``TERM=dumb`` or output that is not a terminal (a pipe, a
file), the same content is printed as plain lines.
"""

from __future__ import annotations

import os
import sys
from typing import TextIO

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from rumourx.core.types import RumourReport, Status, TransferRumour
from rumourx.views.fields import fee_text, move_text, sources_with_tiers

__all__ = ["plain_report", "print_report", "rich_report", "wants_rich"]

STATUS_STYLE: dict[Status, str] = {
    Status.LINKED: "bright_black",
    Status.TALKS: "cyan",
    Status.BID: "yellow",
    Status.BID_REJECTED: "red",
    Status.AGREED: "green",
    Status.COMPLETED: "bold green",
    Status.COLLAPSED: "bold red",
}
TIER_STYLE = {1: "black on green", 2: "black on green", 3: "black on yellow"}


def wants_rich(stream: TextIO) -> bool:
    """Whether ``stream`` gets the rich table: a terminal, without NO_COLOR or TERM=dumb."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # a closed stream
        return False


def _sources_plain(rumour: TransferRumour) -> str:
    return ", ".join(
        f"{source} (tier {tier})" if tier is not None else source
        for source, tier in sources_with_tiers(rumour)
    )


def _usage_line(report: RumourReport) -> str:
    usage = report.usage
    return (
        f"strategy {report.strategy}; {usage.calls} model call(s), "
        f"{usage.prompt_tokens} prompt + {usage.completion_tokens} completion tokens"
    )


def plain_report(report: RumourReport, *, title: str | None = None) -> str:
    """The report as plain lines: one per rumour, then its sources and every evidence."""
    lines = [title] if title else []
    if report.rumours:
        lines.append(f"{len(report.rumours)} transfer rumour(s):")
    else:
        lines.append("No transfer rumours found.")
    for number, rumour in enumerate(report.rumours, start=1):
        fee = ""
        if rumour.fee and rumour.fee.amount:
            fee = f", fee {rumour.fee.amount:,} {rumour.fee.currency or ''}".rstrip()
            if rumour.fee.add_ons:
                fee += f" + {rumour.fee.add_ons:,} add-ons"
        lines.append(
            f"{number}. {rumour.player}: {move_text(rumour, '->')} "
            f"[{rumour.transfer_type.value}, {rumour.status.value}{fee}]"
        )
        sources = _sources_plain(rumour)
        if sources:
            lines.append(f"   sources: {sources}")
        for evidence in rumour.evidence:
            lines.append(f'   evidence: "{" ".join(evidence.text.split())}"')
    for rumour in report.opinion:
        lines.append(
            f"opinion only (not a report): {rumour.player}: {move_text(rumour, '->')} "
            f"[{rumour.status.value}]"
        )
    for warning in report.warnings:
        lines.append(f"warning: {warning}")
    lines.append(_usage_line(report))
    return "\n".join(lines)


def _tier_badge(tier: int | None) -> Text:
    if tier is None:
        return Text(" T? ", style="black on white")
    return Text(f" T{tier} ", style=TIER_STYLE.get(tier, "white on red"))


def _sources_cell(rumour: TransferRumour, separator: str = "\n") -> Text:
    cell = Text()
    for number, (source, tier) in enumerate(sources_with_tiers(rumour)):
        if number:
            cell.append(separator)
        cell.append(source)
        cell.append(" ")
        cell.append_text(_tier_badge(tier))
    return cell


def _status(rumour: TransferRumour) -> Text:
    return Text(rumour.status.value.replace("_", " "), style=STATUS_STYLE.get(rumour.status, ""))


def _rumour_cell(rumour: TransferRumour, *, opinion: bool, compact: bool) -> Group:
    head = Text(rumour.player, style="bold")
    if compact:
        head.append("  ")
        head.append_text(_status(rumour))
    if opinion:
        head.append("  opinion, not reported", style="italic magenta")
    kind = rumour.transfer_type.value.replace("_", " ")
    parts: list[RenderableType] = [head, Text(f"{move_text(rumour)} · {kind}")]
    if compact and (rumour.fee or rumour.sources):
        line = Text(fee_text(rumour.fee))
        sources = _sources_cell(rumour, separator=", ")
        if line and sources:
            line.append(" · ")
        parts.append(line + sources)
    for evidence in rumour.evidence:
        parts.append(Text(f"“{' '.join(evidence.text.split())}”", style="italic bright_black"))
    return Group(*parts)


#: Narrower than this, status, fee and sources move into the rumour's cell.
WIDE = 110


def rich_report(
    report: RumourReport, *, title: str | None = None, width: int = WIDE
) -> RenderableType:
    """The report as a rich table, with warnings and usage below it.

    Opinion moves are rows marked "opinion, not reported". At ``width`` below
    :data:`WIDE` columns, each rumour is one cell; wider, status, fee and sources
    have columns of their own.
    """
    compact = width < WIDE
    table = Table(title=title, title_justify="left", show_lines=True)
    table.add_column("#", justify="right", overflow="fold")
    table.add_column("rumour and evidence", overflow="fold")
    if not compact:
        table.add_column("status", overflow="fold", max_width=12)
        table.add_column("fee", overflow="fold", max_width=12)
        table.add_column("sources", overflow="fold", max_width=24)
    moves = [(rumour, False) for rumour in report.rumours]
    moves += [(rumour, True) for rumour in report.opinion]
    for number, (rumour, opinion) in enumerate(moves, start=1):
        cells: list[RenderableType] = [
            str(number) if not opinion else "op",
            _rumour_cell(rumour, opinion=opinion, compact=compact),
        ]
        if not compact:
            cells += [_status(rumour), Text(fee_text(rumour.fee)), _sources_cell(rumour)]
        table.add_row(*cells)
    parts: list[RenderableType] = []
    if moves:
        parts.append(table)
    else:
        heading = Text(f"{title}: " if title else "", style="bold")
        parts.append(heading + "No transfer rumours found.")
    for warning in report.warnings:
        parts.append(Text(f"warning: {warning}", style="yellow"))
    parts.append(Text(_usage_line(report), style="bright_black"))
    return Group(*parts)


def print_report(
    report: RumourReport,
    *,
    file: TextIO | None = None,
    title: str | None = None,
    console: Console | None = None,
) -> None:
    """Print ``report``: a rich table on a terminal, plain text otherwise.

    Args:
        report: What to show.
        file: Where to print; standard output by default.
        title: A heading (for instance the article's id).
        console: A console to draw with; forces the rich table.
    """
    stream = file if file is not None else sys.stdout
    if console is None and not wants_rich(stream):
        print(plain_report(report, title=title), file=stream)
        return
    console = console or Console(file=stream, highlight=False)
    console.print(rich_report(report, title=title, width=console.width))
