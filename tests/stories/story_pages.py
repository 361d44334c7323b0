"""Story-page fixtures: hostile batch files of our own, and the page read back without a browser.

Every string a story page shows from the reports (ids, players, clubs, outlets,
publishers, URLs, titles, evidence) is hostile here: if any is not escaped,
``window.__rumourxPwned`` is set, an element appears, or a request is made.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from rumourx.batch.outcomes import input_hash
from tests.stories.reports import line, rumour
from tests.views.pages import HOSTILE, SENTINEL


def evil(tag: str) -> str:
    return f"<img src=x onerror=window.{SENTINEL}='{tag}'>"


EVIL_ID = f"\"><script>window.{SENTINEL}='id'</script>"
ESCAPING_ID = "../../../etc/escape me"
EVIL_PLAYER = evil("player")
EVIL_TO = f"\"><svg onload=window.{SENTINEL}='to'>"
EVIL_FROM = f"</li></ol><script>window.{SENTINEL}='from'</script>"
EVIL_OUTLET = f"<script>window.{SENTINEL}='outlet'</script>"
EVIL_TITLE = f"</title><script>window.{SENTINEL}='title'</script>"
EVIL_URL = f"javascript:window.{SENTINEL}='url'"
PLAIN_URL = 'https://example.org/a?b=<c>&d="e"'


def _passage(text: str, passage: str) -> dict[str, Any]:
    start = text.index(passage)
    return {"text": passage, "start": start, "end": start + len(passage)}


def hostile_batch(folder: Path) -> tuple[Path, Path]:
    """(reports, input): a batch input of hostile articles and its output, as ``rumourx batch``
    would write it (same ids, same ``input_sha256``), with hostile fields in every report."""
    first = "Arsenal have agreed a £40m fee with Lyon for midfielder Theo Marchand"
    second = "Chelsea have made a £25m bid for Brighton winger Sam Okoro."
    inputs = [
        {
            "id": EVIL_ID,
            "text": HOSTILE,
            "published": "2021-06-01",
            "publisher": evil("publisher"),
            "url": EVIL_URL,
            "title": EVIL_TITLE,
        },
        {"id": ESCAPING_ID, "text": HOSTILE, "published": "2021-06-05", "url": PLAIN_URL},
    ]
    agreed = rumour(
        EVIL_PLAYER,
        EVIL_TO,
        from_club=EVIL_FROM,
        status="agreed",
        sources=(EVIL_OUTLET, "Sky Sports"),
    )
    agreed["evidence"] = [_passage(HOSTILE, first), _passage(HOSTILE, HOSTILE.split("\n\n")[0])]
    agreed["fee"] = {"amount": None, "currency": None, "text": f"<b>{evil('fee')}</b>"}
    collapsed = rumour(EVIL_PLAYER, EVIL_TO, status="collapsed", sources=(evil("outlet2"),))
    collapsed["evidence"] = [_passage(HOSTILE, second)]
    rows = [
        line(
            EVIL_ID,
            "2021-06-01",
            agreed,
            publisher=evil("publisher"),
            url=EVIL_URL,
            title=EVIL_TITLE,
        ),
        line(ESCAPING_ID, "2021-06-05", collapsed, url=PLAIN_URL),
    ]
    for row, source in zip(rows, inputs, strict=True):
        row["input_sha256"] = input_hash(source["text"], source.get("publisher"))
        row["report"]["warnings"] = [f"dropped {evil('warning')}"]
    reports = folder / "reports.jsonl"
    articles = folder / "articles.jsonl"
    reports.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    articles.write_text("".join(json.dumps(r) + "\n" for r in inputs), encoding="utf-8")
    return reports, articles


class ParsedStoryPage(HTMLParser):
    """The stories, timeline entries, links and elements of a story page, as a parser reads them."""

    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.stories: list[dict[str, Any]] = []
        self.tags: list[str] = []
        self.scripts = 0
        self.links: list[dict[str, str]] = []
        self._items: list[str] = []  # the open <article>s and <li>s, by kind
        self._story: dict[str, Any] | None = None
        self._entry: dict[str, Any] | None = None
        self.feed(page)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        self.tags.append(tag)
        self.scripts += tag == "script"
        classes = values.get("class", "").split()
        if tag in ("li", "article"):
            kind = "story" if "story" in classes else "entry" if "entry" in classes else "other"
            self._items.append(kind)
            if kind == "story":
                self._story = {**values, "entries": [], "text": ""}
                self.stories.append(self._story)
            elif kind == "entry":
                assert self._story is not None
                self._entry = {"article": values["data-article"], "links": [], "text": ""}
                self._story["entries"].append(self._entry)
        if tag == "a":
            self.links.append(values)
            if self._entry is not None:
                self._entry["links"].append(values)

    def handle_endtag(self, tag: str) -> None:
        if tag not in ("li", "article") or not self._items:
            return
        kind = self._items.pop()
        if kind == "story":
            self._story = None
        elif kind == "entry":
            self._entry = None

    def handle_data(self, data: str) -> None:
        if self._story is not None:
            self._story["text"] += data
        if self._entry is not None:
            self._entry["text"] += data
