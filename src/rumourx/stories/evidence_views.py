"""The evidence views a story page links to: one HTML file per article, in one folder.

An evidence view needs the article's report and the text its evidence offsets index.
A ``rumourx batch`` output line holds the report but not the text (unless the report
carries the text it read, ``report.text``, as it does for HTML input), so the text
comes from the batch input: ``rumourx stories REPORTS --html PAGE --views DIR
--articles INPUT``. An article gets a view when its report has a rumour, it falls
within ``--as-of``, and its text is at hand: in the report, or in the input with the
hash its output line recorded (``input_sha256``: a text edited since the batch ran
would put the highlights in the wrong places, so it gets no view).

Views are written before the page, and the page links only to views that were
written, so every link resolves. Each is named by
:func:`~rumourx.views.filenames.evidence_view_name` (``s1-<hash>.html``) and written
whole, then renamed into place. Memory: a few numbers per article with a rumour.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import quote

from pydantic import ValidationError

from rumourx.core.dates import normalise_published
from rumourx.core.errors import InputError, OutputError
from rumourx.core.types import Article, Evidence, Fee, RumourReport, TransferRumour
from rumourx.stories.reports import published_by
from rumourx.views.evidence import evidence_page
from rumourx.views.filenames import evidence_view_name

__all__ = ["EvidenceViews", "InputArticle"]

NO_INPUT = "no article text: give --articles, the batch input file"
NOT_IN_INPUT = "not in --articles (no line with its id and a text)"
CHANGED = "its text in --articles differs from the one extracted: run rumourx batch again"
BAD_REPORT = "unreadable report"


@dataclass(frozen=True)
class InputArticle:
    """One article of the batch input.

    Attributes:
        article: The article, with its id.
        digest: The hash ``rumourx batch`` records of it (``input_sha256``).
    """

    article: Article
    digest: str


@dataclass(frozen=True)
class _Line:
    offset: int
    digest: str | None
    text: str | None
    title: str | None


def _fields(raw: Mapping[str, Any], model: type[Any]) -> dict[str, Any]:
    return {k: v for k, v in raw.items() if k in model.model_fields}


def _report(raw: Mapping[str, Any]) -> RumourReport:
    """The report of an output line; fields this version does not know are left out.

    Raises:
        ValidationError: It cannot be read.
    """
    data = _fields(raw, RumourReport)
    for group in ("rumours", "opinion"):
        moves = data.get(group)
        if isinstance(moves, list):
            data[group] = [_move(m) if isinstance(m, Mapping) else m for m in moves]
    return RumourReport.model_validate(data)


def _move(raw: Mapping[str, Any]) -> dict[str, Any]:
    move = _fields(raw, TransferRumour)
    if isinstance(move.get("evidence"), list):
        move["evidence"] = [
            _fields(e, Evidence) if isinstance(e, Mapping) else e for e in move["evidence"]
        ]
    if isinstance(move.get("fee"), Mapping):
        move["fee"] = _fields(move["fee"], Fee)
    return move


def _published(value: object) -> str | None:
    try:
        return normalise_published(value) if value not in (None, "") else None
    except ValueError:
        return None


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


class EvidenceViews:
    """Writes the evidence views of a REPORTS file's articles into ``folder``.

    Args:
        reports: The ``rumourx batch`` output the stories come from.
        folder: Where the views go (created if missing).
        page: The story page that links to them (links are relative to its folder).
        as_of: Leave out articles published after this date, as the stories do.
    """

    def __init__(self, reports: Path, folder: Path, page: Path, as_of: str | None = None):
        self.reports = reports
        self.folder = folder
        self.written: set[str] = set()
        self.missing: dict[str, int] = {}
        self._as_of = as_of
        self._lines: dict[str, _Line] = {}
        try:
            prefix = os.path.relpath(folder, page.resolve().parent)
            self._prefix = "" if prefix == "." else quote(Path(prefix).as_posix()) + "/"
        except ValueError:  # another drive: an absolute address
            self._prefix = folder.resolve().as_uri() + "/"

    def href(self, article_id: str) -> str | None:
        """The page's link to the view of ``article_id``, when one was written."""
        if article_id not in self.written:
            return None
        return self._prefix + quote(evidence_view_name(article_id))

    def write(self, articles: Iterable[InputArticle] | None) -> None:
        """Write every view there is text for; note why the others have none.

        Args:
            articles: The batch input's articles (read once, lazily), or None
                when only reports that carry their text get a view.

        Raises:
            InputError: The folder cannot be made.
            OutputError: A view cannot be written.
        """
        self._index()
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            raise InputError(f"cannot make the views folder {self.folder}: {reason}") from exc
        offered: set[str] = set()
        with self.reports.open("rb") as file:
            for article_id, line in self._lines.items():
                if line.text is not None:
                    self._write_one(file, article_id, line, line.text)
            for item in articles or ():
                article_id = item.article.id or ""
                wanted = self._lines.get(article_id)
                if wanted is None or wanted.text is not None or article_id in self.written:
                    continue
                offered.add(article_id)
                if wanted.digest is None or wanted.digest == item.digest:
                    self._write_one(file, article_id, wanted, item.article)
        for article_id in self._lines:
            if article_id in self.written:
                continue
            if article_id in offered:
                self._miss(CHANGED)
            else:
                self._miss(NO_INPUT if articles is None else NOT_IN_INPUT)
        self._lines.clear()

    def lines(self) -> list[str]:
        """What was written, and why some articles have no view."""
        out = [f"evidence views: {len(self.written)} written to {self.folder}"]
        for reason, count in sorted(self.missing.items(), key=lambda kv: -kv[1]):
            out.append(f"  {count} article(s) without one: {reason}")
        return out

    def _miss(self, reason: str) -> None:
        self.missing[reason] = self.missing.get(reason, 0) + 1

    def _index(self) -> None:
        """Where each usable report with a rumour is in the file, and its hash and text."""
        with self.reports.open("rb") as file:
            offset = 0
            for raw in file:
                start, offset = offset, offset + len(raw)
                try:
                    row = json.loads(raw)
                except ValueError:
                    continue
                if not isinstance(row, dict):
                    continue
                article_id, report = row.get("id"), row.get("report")
                if not isinstance(article_id, str | int) or not isinstance(report, dict):
                    continue
                article_id = str(article_id)
                if not report.get("rumours") or article_id in self._lines:
                    continue
                if not published_by(_published(row.get("published")), self._as_of):
                    continue
                try:
                    _report(report)
                except ValidationError:
                    self._miss(BAD_REPORT)
                    continue
                digest = row.get("input_sha256")
                self._lines[article_id] = _Line(
                    start,
                    digest if isinstance(digest, str) else None,
                    _text(report.get("text")),
                    _text(row.get("title")),
                )

    def _write_one(
        self, file: BinaryIO, article_id: str, line: _Line, source: str | Article
    ) -> None:
        file.seek(line.offset)
        row = json.loads(file.readline())
        title = line.title or (source.title if isinstance(source, Article) else None)
        page = evidence_page(_report(row["report"]), source, title=title or article_id)
        target = self.folder / evidence_view_name(article_id)
        temporary = target.with_name(target.name + ".tmp")
        try:
            temporary.write_text(page, encoding="utf-8")
            os.replace(temporary, target)
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            raise OutputError(f"cannot write the evidence view {target}: {reason}") from exc
        self.written.add(article_id)
