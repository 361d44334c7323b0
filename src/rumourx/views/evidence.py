"""The evidence view: one self-contained HTML page that shows where each rumour is said.

The article is untrusted, and so is everything a model wrote: every piece of text is
escaped, the page loads nothing (no CDN, no fonts, no images), and a
Content-Security-Policy lets only the page's own inline style and script run.
"""

from __future__ import annotations

from collections.abc import Sequence

from rumourx.core.errors import InputError
from rumourx.core.types import Article, RumourReport, TransferRumour
from rumourx.views.fields import fee_text, move_text, sources_with_tiers
from rumourx.views.highlight import Key, Placement, place_evidence, segments
from rumourx.views.markup import asset, page_head, page_tail, status_badge, stylesheet, tier_badge
from rumourx.views.markup import escape as _esc

__all__ = ["evidence_page", "view_text"]

_HEADERS = ("#", "player", "move", "type", "status", "fee", "sources", "evidence")


def view_text(report: RumourReport, article: str | Article | None) -> str:
    """The text the evidence offsets index: ``report.text`` when set, else the article.

    Raises:
        InputError: Neither the report nor the caller gives the text.
    """
    reduced = getattr(report, "text", None)
    if isinstance(reduced, str):
        return reduced
    if isinstance(article, Article):
        return article.text
    if isinstance(article, str):
        return article
    if article is None:
        raise InputError("pass the article the report was extracted from: to_html(article)")
    raise InputError(f"article must be text or an Article, not {type(article).__name__}")


def _hue(index: int) -> int:
    return round(index * 137.508 + 210) % 360


def _key_css(keys: Sequence[Key]) -> str:
    rules = []
    for key in keys:
        name = key.name
        if key.group == "rumour":
            hue = _hue(key.index)
            rules.append(
                f"mark.{name}{{background-color:hsla({hue},85%,60%,.36);"
                f"border-bottom-color:hsl({hue},70%,42%)}}"
                f".swatch.{name}{{background:hsl({hue},75%,62%)}}"
                f'body[data-active="{name}"] mark.{name}{{background-color:hsla({hue},90%,55%,.55);'
                f"outline:2px solid hsl({hue},70%,38%)}}"
            )
        else:
            rules.append(
                f'body[data-active="{name}"] mark.{name}{{outline:2px dashed #5a5548;'
                f"background-color:rgba(120,120,120,.25)}}"
            )
        rules.append(
            f'body[data-active="{name}"] tr.passages[data-for="{name}"]{{display:table-row}}'
            f'body[data-active="{name}"] tr.move[data-key="{name}"]{{background:#f1f4fb}}'
        )
    return "\n".join(rules)


def _mark_open(key: Key, start: int, label: str, first: bool) -> str:
    attribute = "data-rumour" if key.group == "rumour" else "data-opinion"
    classes = key.name if key.group == "rumour" else f"opinion {key.name}"
    anchor = f' id="{key.name}-first"' if first else ""
    return (
        f'<mark{anchor} class="{classes}" {attribute}="{key.index}" data-key="{key.name}" '
        f'data-start="{start}" title="{_esc(label)}">'
    )


def _label(key: Key, move: TransferRumour) -> str:
    kind = "rumour" if key.group == "rumour" else "opinion, not reported"
    return f"#{key.index + 1} {move.player}: {move_text(move)} ({kind})"


def _article_html(text: str, report: RumourReport, placement: Placement) -> str:
    labels = {key: _label(key, move) for key, move in _moves(report)}
    seen: set[Key] = set()
    parts: list[str] = []
    for piece in segments(len(text), placement.spans):
        chunk = _esc(text[piece.start : piece.end])
        if not piece.keys:
            parts.append(chunk)
            continue
        opened = []
        for key in piece.keys:
            opened.append(_mark_open(key, piece.start, labels[key], key not in seen))
            seen.add(key)
        parts.append("".join(opened) + chunk + "</mark>" * len(piece.keys))
    return "".join(parts)


def _move_rows(key: Key, move: TransferRumour) -> str:
    name = key.name
    sources = ", ".join(
        f"{_esc(source)}{tier_badge(tier)}" for source, tier in sources_with_tiers(move)
    )
    tag = ' <span class="badge opinion-tag">opinion</span>' if key.group == "opinion" else ""
    count = len(move.evidence)
    passages = (
        f'<a href="#{name}-first">{count} passage{"s" if count != 1 else ""}</a>'
        if count
        else '<span class="none">none</span>'
    )
    cells = [
        f'<span class="swatch {name}"></span>{key.index + 1}',
        _esc(move.player) + tag,
        _esc(move_text(move)),
        _esc(move.transfer_type.value),
        status_badge(move.status),
        _esc(fee_text(move.fee)),
        sources or '<span class="none">none named</span>',
        passages,
    ]
    quotes = "".join(f"<blockquote>{_esc(e.text)}</blockquote>" for e in move.evidence)
    attribute = "data-rumour" if key.group == "rumour" else "data-opinion"
    return (
        f'<tr class="move" data-key="{name}" {attribute}="{key.index}" tabindex="0">'
        + "".join(f"<td>{cell}</td>" for cell in cells)
        + f'</tr><tr class="passages" data-for="{name}"><td colspan="{len(cells)}">'
        + (quotes or "No evidence passage.")
        + "</td></tr>"
    )


def _table(rows: Sequence[tuple[Key, TransferRumour]]) -> str:
    head = "".join(f"<th>{h}</th>" for h in _HEADERS)
    body = "".join(_move_rows(key, move) for key, move in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _side(report: RumourReport, problems: Sequence[str]) -> str:
    parts = ['<section class="card" id="rumours">']
    parts.append(f'<h2>Rumours <span class="count">{len(report.rumours)}</span></h2>')
    if report.rumours:
        parts.append(
            '<p class="note">Hover a row to see its evidence in the article; click to keep '
            "it shown and scroll to it. Tiers: T1 most reliable, T5 least.</p>"
        )
        parts.append(_table([m for m in _moves(report) if m[0].group == "rumour"]))
    else:
        parts.append('<p class="none">No transfer rumour found in this article.</p>')
    parts.append("</section>")
    if report.opinion:
        parts.append('<section class="card" id="opinion">')
        parts.append(f'<h2>Opinion, not reported <span class="count">{len(report.opinion)}</span>')
        parts.append(
            '</h2><p class="note">Moves that appear only in the publisher\'s own opinion or '
            "speculation section. rumourx marks them (hatched in the text) and does not "
            "report them as rumours.</p>"
        )
        parts.append(_table([m for m in _moves(report) if m[0].group == "opinion"]))
        parts.append("</section>")
    warnings = [*report.warnings, *problems]
    parts.append('<section class="card" id="warnings">')
    parts.append(f'<h2>Warnings <span class="count">{len(warnings)}</span></h2>')
    if warnings:
        parts.append('<p class="note">What rumourx dropped or doubted, and why.</p>')
        parts.append(
            '<ul class="warnings">' + "".join(f"<li>{_esc(w)}</li>" for w in warnings) + "</ul>"
        )
    else:
        parts.append('<p class="none">None: nothing was dropped.</p>')
    parts.append("</section>")
    return "".join(parts)


def evidence_page(
    report: RumourReport, article: str | Article | None = None, *, title: str | None = None
) -> str:
    """One self-contained HTML page showing where each rumour of ``report`` is said.

    Each rumour's evidence is highlighted in the text inside ``<mark data-rumour="N">``,
    N being its index in ``report.rumours`` (opinion moves: ``data-opinion``). Beside
    it, a table of the rumours; hovering or clicking a row shows its evidence.

    Args:
        report: What rumourx extracted.
        article: The article it was extracted from (text or :class:`Article`). The
            page shows ``report.text`` when the report carries the text it read.
        title: Page title; by default the article's title or id.

    Raises:
        InputError: No text to show.
    """
    text = view_text(report, article)
    if title is None and isinstance(article, Article):
        title = article.title or article.id
    heading = f"Evidence view: {title}" if title else "Evidence view"
    placement = place_evidence(text, report.rumours, report.opinion)
    keys = [key for key, _ in _moves(report)]
    style = stylesheet("evidence.css", extra=_key_css(keys))
    script = asset("evidence.js")
    usage = report.usage
    publisher = article.publisher if isinstance(article, Article) else None
    meta = [
        f"{len(report.rumours)} rumour{'s' if len(report.rumours) != 1 else ''}",
        f"{len(report.opinion)} opinion move{'s' if len(report.opinion) != 1 else ''}",
        f"strategy {report.strategy}",
        f"{usage.calls} model call{'s' if usage.calls != 1 else ''}",
        f"{len(text):,} characters",
    ]
    if publisher:
        meta.insert(0, f"published by {publisher}")
    return "".join(
        [
            page_head(heading, style, script),
            f"<header><h1>{_esc(heading)}</h1>",
            f'<div class="meta">{_esc(" · ".join(meta))}</div></header>\n<main>\n',
            '<section class="card" id="article"><h2>Article</h2>',
            '<div class="article-text" id="article-text">',
            _article_html(text, report, placement),
            "</div></section>\n",
            f'<div class="side">{_side(report, placement.problems)}</div>\n</main>\n',
            page_tail(script),
        ]
    )


def _moves(report: RumourReport) -> list[tuple[Key, TransferRumour]]:
    return [(Key("rumour", i), move) for i, move in enumerate(report.rumours)] + [
        (Key("opinion", i), move) for i, move in enumerate(report.opinion)
    ]
