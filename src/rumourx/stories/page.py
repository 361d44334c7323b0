"""The story view: one self-contained HTML page drawing each story as a timeline.

Each story shows its player and move, the probability, the status steps it went
through, its outlets with tier badges, its contradictions and its timeline: one
entry per article with the date, the status, who said it and the evidence, linked
to the article's own evidence view when there is one (``links``).

The page follows the evidence view's rules (:mod:`rumourx.views.markup`): it loads
nothing, runs only its own script, and escapes everything taken from the stories
(player, club and outlet names, evidence, ids and URLs are untrusted). It is plain
HTML written one story at a time, so thousands of stories make a long page that
stays usable: a filter box, a status choice and a "contradictions only" switch hide
what does not match, and the browser skips drawing the stories off screen. Stories
are ``<article>`` elements, not list items: Chromium renumbers a list for each item
hidden, which made the filter quadratic (see ``benchmarks/story_page.py``).

It lives in ``stories`` (which may import ``views``), not in ``views`` (which
depends only on ``core``): see the import contracts in ``pyproject.toml``.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import TextIO
from urllib.parse import urlsplit

from rumourx.core.types import Status
from rumourx.stories.model import Story, TimelineEntry
from rumourx.views.fields import TIER_NOTE, clubs_text, fee_text
from rumourx.views.markup import (
    asset,
    escape,
    page_head,
    page_tail,
    status_badge,
    stylesheet,
    tier_badge,
)

__all__ = ["Links", "StoryPageWriter", "story_page"]

#: Where an article's evidence view is, relative to the page (an href), or None.
Links = Callable[[str], str | None]

#: The usual path of a move; a rejected bid and a collapse are shown where they fall.
_LADDER = (Status.LINKED, Status.TALKS, Status.BID, Status.AGREED, Status.COMPLETED)
_SIDE_STEPS = {Status.BID_REJECTED: Status.BID, Status.COLLAPSED: Status.COMPLETED}


def _tier(tier: int | None) -> str:
    return tier_badge(tier, note=False)  # the page's heading says what tiers are


def _fold(text: str) -> str:
    """Lower case without accents, as the page's filter folds what is typed."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count} {word if count == 1 else many or word + 's'}"


def _date(published: str | None) -> str:
    if not published:
        return '<span class="undated" title="the input gave no date">undated</span>'
    shown = published[:10] + (f" {published[11:16]}" if len(published) > 10 else "")
    return f'<time datetime="{escape(published)}">{escape(shown)}</time>'


def _web_link(url: str | None) -> str:
    """An ``http(s)`` address as a link that sends no referrer; anything else as text."""
    if not url:
        return ""
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        scheme = ""
    if scheme in ("http", "https"):
        return (
            f'<a class="source-link" href="{escape(url.strip())}" rel="noopener noreferrer" '
            'target="_blank">article online</a>'
        )
    return f'<span class="source-link">{escape(url)}</span>'


def _steps(story: Story) -> str:
    """The status ladder: the steps this story's articles reached, and where it is now."""
    first: dict[Status, TimelineEntry] = {}
    for entry in story.timeline:
        first.setdefault(entry.status, entry)
    steps: list[Status] = []
    for step in _LADDER:
        steps.append(step)
        steps.extend(s for s, after in _SIDE_STEPS.items() if after == step and s in first)
    items = []
    for step in steps:
        classes = ["step", f"step-{step.value}"]
        note = ""
        if step in first:
            classes.append("seen")
            entry = first[step]
            note = f"first reported {entry.published or 'undated'} (article {entry.id})"
        if step is story.status:
            classes.append("now")
            note += "; the latest status"
        label = step.value.replace("_", " ")
        title = f' title="{escape(f"{label}: {note}")}"' if note else ""
        items.append(f'<li class="{" ".join(classes)}"{title}>{escape(label)}</li>')
    return f'<ol class="steps" aria-label="status steps">{"".join(items)}</ol>'


def _probability(story: Story) -> str:
    value = story.probability
    percent = f"{value * 100:.0f}%" if value >= 0.005 else "<1%"
    return (
        '<div class="probability" title="estimated probability that the move happens">'
        f'<span class="percent">{escape(percent)}</span>'
        f'<meter min="0" max="1" value="{value:.4f}">'
        f'{escape(percent)}</meter><span class="label">probability</span></div>'
    )


def _facts(story: Story) -> str:
    parts = [status_badge(story.status)]
    tier = "best tier unknown" if story.best_tier is None else "best tier"
    parts.append(f'<span class="fact">{tier} {_tier(story.best_tier)}</span>')
    parts.append(
        f'<span class="fact" title="independent outlets">{_plural(story.corroboration, "outlet")}'
        "</span>"
    )
    parts.append(f'<span class="fact">{_plural(len(story.timeline), "article")}</span>')
    if story.first_reported:
        span = _date(story.first_reported)
        if story.last_reported and story.last_reported != story.first_reported:
            span += " – " + _date(story.last_reported)
        parts.append(f'<span class="fact">{span}</span>')
    if story.competing:
        others = _plural(story.competing, "other destination")
        parts.append(f'<span class="fact competing">{others} reported</span>')
    if story.contradictions:
        count = _plural(len(story.contradictions), "contradiction")
        parts.append(f'<span class="badge contradicted">{count}</span>')
    return f'<div class="facts">{" ".join(parts)}</div>'


def _outlets(story: Story) -> str:
    if not story.outlets:
        return '<div class="outlets"><span class="none">no outlet named</span></div>'
    items = "".join(
        f'<li>{escape(o.name)}{_tier(o.tier)}<span class="times">×{o.articles}</span></li>'
        if o.articles > 1
        else f"<li>{escape(o.name)}{_tier(o.tier)}</li>"
        for o in story.outlets
    )
    return f'<div class="outlets"><span class="caption">outlets</span><ul>{items}</ul></div>'


def _contradictions(story: Story) -> str:
    if not story.contradictions:
        return ""
    items = "".join(
        f'<li><span class="badge kind">{escape(c.kind)}</span> {escape(c.description)}</li>'
        for c in story.contradictions
    )
    return f'<ul class="contradictions">{items}</ul>'


def _sources(entry: TimelineEntry, tiers: dict[str, int | None]) -> str:
    if not entry.sources:
        return '<span class="none">no source named</span>'
    return ", ".join(
        f'<span class="source">{escape(name)}{_tier(tiers.get(name))}</span>'
        for name in entry.sources
    )


def _entry(story: Story, entry: TimelineEntry, previous: Status | None, links: Links | None) -> str:
    tiers = {outlet.name: outlet.tier for outlet in story.outlets}
    changed = previous is not None and entry.status is not previous
    line = [status_badge(entry.status), _sources(entry, tiers)]
    if entry.fee is not None and (fee := fee_text(entry.fee)):
        line.append(f'<span class="fee">fee {escape(fee)}</span>')
    if entry.transfer_type.value != "unknown":
        line.append(f'<span class="kind">{escape(entry.transfer_type.value)}</span>')
    meta = [f'article <span class="article-id">{escape(entry.id)}</span>']
    href = links(entry.id) if links is not None else None
    if href is not None:
        meta.append(f'<a class="evidence-link" href="{escape(href)}">evidence view</a>')
    if entry.player != story.player:
        meta.append(f"named as “{escape(entry.player)}”")
    if entry.to_club is None and story.to_club is not None:
        meta.append("names no destination")
    if entry.publisher and entry.publisher not in entry.sources:
        meta.append(f"published by {escape(entry.publisher)}")
    if link := _web_link(entry.url):
        meta.append(link)
    quotes = "".join(f"<blockquote>{escape(e.text)}</blockquote>" for e in entry.evidence)
    return (
        f'<li class="entry{" changed" if changed else ""}" data-article="{escape(entry.id)}">'
        f'<div class="when">{_date(entry.published)}</div><div class="what">'
        f'<div class="line">{" ".join(line)}</div>'
        f'<div class="meta">{" · ".join(meta)}</div>{quotes}</div></li>'
    )


def _why(story: Story) -> str:
    if not story.factors:
        return ""
    items = "".join(f"<li>{escape(factor.line)}</li>" for factor in story.factors)
    return (
        '<details class="why"><summary>What moves the probability</summary>'
        f"<ul>{items}</ul></details>"
    )


def _search_text(story: Story) -> str:
    words = [story.player, story.to_club or "", story.from_club or "", story.status.value]
    words += [outlet.name for outlet in story.outlets]
    for entry in story.timeline:
        words += [entry.id, entry.player, entry.publisher or ""]
    return _fold(" ".join(dict.fromkeys(w for w in words if w)))


def story_html(story: Story, number: int, links: Links | None = None) -> str:
    """One story as the page draws it (``number`` counts from 1, in page order)."""
    entries: list[str] = []
    previous: Status | None = None
    for entry in story.timeline:
        entries.append(_entry(story, entry, previous, links))
        previous = entry.status
    flags = ' data-contradicted="1"' if story.contradictions else ""
    return (
        f'<article class="story" id="story-{number}" data-status="{escape(story.status.value)}"'
        f'{flags} data-search="{escape(_search_text(story))}">'
        '<div class="story-head"><div class="who">'
        f'<h2><span class="player">{escape(story.player)}</span></h2>'
        f'<div class="move">{escape(clubs_text(story.from_club, story.to_club))}</div>'
        f"</div>{_probability(story)}</div>"
        f"{_facts(story)}{_steps(story)}{_outlets(story)}{_contradictions(story)}"
        f'<ol class="timeline">{"".join(entries)}</ol>{_why(story)}</article>\n'
    )


def _toolbar() -> str:
    statuses = "".join(
        f'<option value="{s.value}">{s.value.replace("_", " ")}</option>' for s in Status
    )
    return (
        '<div class="toolbar" role="search">'
        '<input type="search" id="filter" placeholder="Filter: player, club, outlet, article id'
        '  (press /)" aria-label="filter stories" autocomplete="off">'
        f'<select id="status" aria-label="latest status"><option value="">any status</option>'
        f"{statuses}</select>"
        '<label><input type="checkbox" id="contradicted"> contradictions only</label>'
        '<output id="shown" aria-live="polite"></output></div>'
    )


class StoryPageWriter:
    """Writes the story page to ``file`` one story at a time (memory: one story).

    Args:
        file: Where the page goes (a text file opened for writing).
        links: Gives the href of an article's evidence view, or None for no link.
        title: The page's heading.
        as_of: Shown under the heading when the stories were built ``--as-of``.
    """

    def __init__(
        self,
        file: TextIO,
        *,
        links: Links | None = None,
        title: str = "Rumour stories",
        as_of: str | None = None,
    ) -> None:
        self._file = file
        self._links = links
        self._script = asset("stories.js")
        self.stories = 0
        self.entries = 0
        meta = [
            "one story per player and destination, most probable first",
            f"tiers: {TIER_NOTE}",
        ]
        if as_of:
            meta.insert(0, f"as of {as_of}: later articles left out")
        file.write(page_head(title, stylesheet("stories.css"), self._script))
        file.write(
            f"<header><h1>{escape(title)}</h1>"
            f'<div class="meta">{escape(" · ".join(meta))}</div>{_toolbar()}</header>\n'
            '<main>\n<p class="none" id="no-match" hidden>No story matches the filter.</p>\n'
            '<div class="stories">\n'
        )

    def add(self, story: Story) -> None:
        """Draw one story (in the order they should appear)."""
        self.stories += 1
        self.entries += len(story.timeline)
        self._file.write(story_html(story, self.stories, self._links))

    def close(self, notes: Sequence[str] = ()) -> None:
        """Finish the page; ``notes`` (how the stories were read) go at its foot."""
        if not self.stories:
            self._file.write('</div>\n<p class="none">No story: no report had a rumour.</p>\n')
        else:
            self._file.write("</div>\n")
        lines = [
            f"{_plural(self.stories, 'story', 'stories')}, "
            f"{_plural(self.entries, 'timeline entry', 'timeline entries')}",
            *notes,
        ]
        items = "".join(f"<li>{escape(line)}</li>" for line in lines)
        self._file.write(f'</main>\n<footer><ul class="notes">{items}</ul></footer>\n')
        self._file.write(page_tail(self._script))


def story_page(
    stories: Iterable[Story],
    *,
    links: Links | None = None,
    title: str = "Rumour stories",
    notes: Sequence[str] = (),
) -> str:
    """The story page of ``stories`` as a string (see :class:`StoryPageWriter`).

    Example:
        >>> from rumourx.stories import build_stories
        >>> page = story_page(build_stories("reports.jsonl"))  # doctest: +SKIP
    """
    buffer = io.StringIO()
    stories = list(stories)
    as_of = next((story.as_of for story in stories if story.as_of), None)
    writer = StoryPageWriter(buffer, links=links, title=title, as_of=as_of)
    for story in stories:
        writer.add(story)
    writer.close(notes)
    return buffer.getvalue()
