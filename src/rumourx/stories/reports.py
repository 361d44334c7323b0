"""Reading ``rumourx batch`` output, one line at a time, forgiving what it can.

A REPORTS file is JSONL: ``{"id", "report", ...}`` or ``{"id", "error", ...}``
lines, with the input's other fields (``published``, ``publisher``, ``url``, ...)
passed through. Torn lines, error lines and unreadable reports are skipped and
counted by reason; unknown fields are ignored; a missing date is allowed. A file
in which no line is rumourx output at all is an :class:`InputError`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from rumourx.core.dates import normalise_published, published_day, published_key
from rumourx.core.errors import InputError
from rumourx.core.types import Evidence, Fee, TransferRumour

__all__ = [
    "ReadSummary",
    "ReportRecord",
    "iter_records",
    "published_by",
    "read_reports_file",
]

#: Lines read without one rumourx line before a file is declared not rumourx output.
_GIVE_UP_AFTER = 1000

NOT_JSON = "not JSON (torn or corrupt line)"
NOT_UTF8 = "not UTF-8"
NOT_OURS = "not a rumourx output line (no 'id' with a 'report' or 'error')"
ERROR_LINE = "error line (the article failed to extract)"
BAD_REPORT = "unreadable report"
AFTER_AS_OF = "published after --as-of"
UNDATED_AS_OF = "no date, so it cannot be placed before --as-of"

_RUMOUR_FIELDS = frozenset(TransferRumour.model_fields)
_EVIDENCE_FIELDS = frozenset(Evidence.model_fields)
_FEE_FIELDS = frozenset(Fee.model_fields)


@dataclass
class ReadSummary:
    """What reading the reports did: lines used, skipped (by reason), doubts.

    Attributes:
        lines: Non-blank lines (or items) seen.
        used: Reports read and used.
        skipped: Lines not used, by reason.
        rumours_skipped: Rumours inside used reports that could not be read.
        undated: Reports used without a publication date.
        bad_dates: Reports whose ``published`` could not be read (used undated).
        recognised: Lines that are rumourx output (reports and error lines).
    """

    lines: int = 0
    used: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    rumours_skipped: int = 0
    undated: int = 0
    bad_dates: int = 0
    recognised: int = 0

    def skip(self, reason: str) -> None:
        """Count one line not used."""
        self.skipped[reason] = self.skipped.get(reason, 0) + 1

    def lines_out(self) -> list[str]:
        """The summary, as printable lines."""
        total_skipped = sum(self.skipped.values())
        out = [f"reports: {self.lines} line(s), {self.used} used, {total_skipped} skipped"]
        for reason, count in sorted(self.skipped.items(), key=lambda kv: -kv[1]):
            out.append(f"  skipped {count}: {reason}")
        if self.rumours_skipped:
            out.append(f"  {self.rumours_skipped} unreadable rumour(s) left out")
        if self.bad_dates:
            out.append(f"  {self.bad_dates} unreadable 'published' date(s), used without a date")
        if self.undated:
            out.append(f"  {self.undated} report(s) without a date (placed first in timelines)")
        return out


@dataclass(frozen=True)
class ReportRecord:
    """One usable report: the article's id and metadata, and its rumours."""

    id: str
    published: str | None
    key: str | None
    publisher: str | None
    url: str | None
    rumours: list[TransferRumour]


def _filtered(raw: Mapping[str, Any], keep: frozenset[str]) -> dict[str, Any]:
    return {k: v for k, v in raw.items() if k in keep}


def _rumour(raw: object) -> TransferRumour | None:
    if isinstance(raw, TransferRumour):
        return raw
    if not isinstance(raw, Mapping):
        return None
    data = _filtered(raw, _RUMOUR_FIELDS)
    evidence = data.get("evidence")
    if isinstance(evidence, list):
        data["evidence"] = [
            _filtered(e, _EVIDENCE_FIELDS) if isinstance(e, Mapping) else e for e in evidence
        ]
    if isinstance(data.get("fee"), Mapping):
        data["fee"] = _filtered(data["fee"], _FEE_FIELDS)
    try:
        return TransferRumour.model_validate(data)
    except ValidationError:
        return None


def _text(value: object) -> str | None:
    return (value.strip() or None) if isinstance(value, str) else None


def _as_of_key(as_of: str | None) -> tuple[str, bool] | None:
    """(key, whole day) for the --as-of bound."""
    if as_of is None:
        return None
    value = normalise_published(as_of)
    return (value, True) if len(value) == 10 else (published_key(value), False)


def published_by(published: str | None, as_of: str | None) -> bool:
    """Whether a report dated ``published`` (normalised) falls within ``--as-of``.

    With no ``as_of`` every report does; with one, an undated report does not.
    """
    bound = _as_of_key(as_of)
    if bound is None:
        return True
    return published is not None and _within(published, bound)


def _within(published: str, bound: tuple[str, bool]) -> bool:
    key, whole_day = bound
    value = published_day(published).isoformat() if whole_day else published_key(published)
    return value <= key


class _Reader:
    def __init__(self, summary: ReadSummary, as_of: str | None) -> None:
        self.summary = summary
        self.bound = _as_of_key(as_of)

    def _keep(self, published: str | None) -> bool:
        """Whether a report falls within --as-of (counting it as skipped if not)."""
        if self.bound is None:
            return True
        if published is None:
            self.summary.skip(UNDATED_AS_OF)
            return False
        if not _within(published, self.bound):
            self.summary.skip(AFTER_AS_OF)
            return False
        return True

    def record(self, row: Mapping[str, Any], report: object) -> ReportRecord | None:
        summary = self.summary
        raw_rumours = (
            getattr(report, "rumours", None)
            if not isinstance(report, Mapping)
            else report.get("rumours", [])
        )
        if not isinstance(raw_rumours, list):
            summary.skip(BAD_REPORT)
            return None
        published: str | None = None
        raw_date = row.get("published")
        if raw_date not in (None, ""):
            try:
                published = normalise_published(raw_date)
            except ValueError:
                summary.bad_dates += 1
        if not self._keep(published):
            return None
        rumours: list[TransferRumour] = []
        for raw in raw_rumours:
            rumour = _rumour(raw)
            if rumour is None:
                summary.rumours_skipped += 1
            else:
                rumours.append(rumour)
        summary.used += 1
        summary.undated += published is None
        return ReportRecord(
            id=str(row["id"]),
            published=published,
            key=published_key(published) if published else None,
            publisher=_text(row.get("publisher")),
            url=_text(row.get("url")),
            rumours=rumours,
        )

    def line(self, row: object) -> ReportRecord | None:
        summary = self.summary
        summary.lines += 1
        if (
            not isinstance(row, Mapping)
            or not isinstance(row.get("id"), str | int)
            or ("report" not in row and "error" not in row)
        ):
            summary.skip(NOT_OURS)
            return None
        summary.recognised += 1
        if row.get("report") is None:
            summary.skip(ERROR_LINE)
            return None
        return self.record(row, row["report"])

    def parsed(self, record: ReportRecord) -> ReportRecord | None:
        summary = self.summary
        summary.lines += 1
        summary.recognised += 1
        if not self._keep(record.published):
            return None
        summary.used += 1
        summary.undated += record.published is None
        return record

    def outcome(self, outcome: Any) -> ReportRecord | None:
        summary = self.summary
        summary.lines += 1
        summary.recognised += 1
        if outcome.report is None:
            summary.skip(ERROR_LINE)
            return None
        row = {**dict(getattr(outcome, "extra", None) or {}), "id": outcome.id}
        return self.record(row, outcome.report)


def _parse(line: bytes | str) -> object:
    if isinstance(line, bytes):
        try:
            line = line.decode("utf-8")
        except UnicodeDecodeError:
            return NOT_UTF8
    try:
        return json.loads(line)
    except json.JSONDecodeError:
        return NOT_JSON


def iter_records(
    items: Iterable[Any], summary: ReadSummary, *, as_of: str | None = None
) -> Iterator[ReportRecord]:
    """Usable reports from outcomes (:class:`~rumourx.BatchOutcome`), parsed lines or JSON text.

    Args:
        items: ``extract_many`` outcomes, dicts shaped like output lines, the
            lines themselves (str or bytes), or records read before. Read lazily.
        summary: Filled in as items are read.
        as_of: Keep only reports published on or before this ISO date/datetime.
    """
    reader = _Reader(summary, as_of)
    for item in items:
        if isinstance(item, ReportRecord):
            record = reader.parsed(item)
        elif hasattr(item, "report") and hasattr(item, "id"):
            record = reader.outcome(item)
        elif isinstance(item, str | bytes):
            if not item.strip():
                continue
            parsed = _parse(item)
            if isinstance(parsed, str):
                summary.lines += 1
                summary.skip(parsed)
                continue
            record = reader.line(parsed)
        else:
            record = reader.line(item)
        if record is not None:
            yield record


def read_reports_file(
    path: Path, summary: ReadSummary, *, as_of: str | None = None
) -> Iterator[ReportRecord]:
    """Usable reports of a ``rumourx batch`` output file, read lazily.

    Raises:
        InputError: The file is missing, a directory or binary, or no line in it
            is rumourx output.
    """
    if path.is_dir():
        raise InputError(f"{path} is a directory, not a reports file")
    if not path.is_file():
        raise InputError(f"no such file: {path}")
    with path.open("rb") as file:
        if b"\x00" in file.read(8192):
            raise InputError(f"{path} looks binary, not rumourx batch output")
        file.seek(0)
        lines = (line for line in file if line.strip())

        def guarded() -> Iterator[bytes]:
            for line in lines:
                yield line
                if summary.recognised == 0 and summary.lines >= _GIVE_UP_AFTER:
                    break
            if summary.lines and not summary.recognised:
                raise InputError(
                    f"{path} is not rumourx batch output: no line has an 'id' with a "
                    "'report' or 'error'"
                )

        yield from iter_records(guarded(), summary, as_of=as_of)
