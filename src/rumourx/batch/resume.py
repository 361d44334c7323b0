"""Resuming a batch: what an output file already holds, and what a rerun skips or redoes.

:func:`read_index` reads an existing output and refuses one that is not rumourx
output; :func:`plan_resume` compares it with the input. An id is skipped when its
output line is there and its input (text and publisher, by hash) is unchanged; it is
redone, and its old lines dropped, when the input changed or, with
``--retry-failed``, when it has no report. Lines the input no longer has are kept.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rumourx.batch.admission import InvalidItem
from rumourx.batch.files import parse_line, raw_lines
from rumourx.batch.outcomes import LINE_START, input_hash
from rumourx.core.errors import OutputError

__all__ = [
    "MAX_OUTPUT_LINE",
    "Done",
    "OutputIndex",
    "ResumePlan",
    "output_lines",
    "output_row",
    "plan_resume",
    "read_index",
]

#: Longest output line read back, in bytes.
MAX_OUTPUT_LINE = 256 * 1024 * 1024


@dataclass
class Done:
    """What the output already holds for one id.

    Attributes:
        report: It has a report line.
        primary: It has a line other than a duplicate's error.
        input_hash: The input hash recorded on that line (None before rumourx
            recorded one).
    """

    report: bool = False
    primary: bool = False
    input_hash: str | None = None


@dataclass
class OutputIndex:
    """The ids (and unreadable input lines) an output file already has lines for."""

    ids: dict[str, Done] = field(default_factory=dict)
    invalid: dict[int, str | None] = field(default_factory=dict)
    tail: bytes = b""
    tail_whole: bool = False

    @property
    def empty(self) -> bool:
        """Whether there is nothing to resume."""
        return not self.ids and not self.invalid

    def add(self, row: dict[str, Any]) -> None:
        """Count one rumourx output line."""
        article_id = row["id"]
        if article_id is None:
            self.invalid[row["input_line"]] = row.get("input_sha256")
            return
        done = self.ids.setdefault(article_id, Done())
        is_report = isinstance(row.get("report"), dict)
        if not is_report and row["error"].get("type") == "DuplicateIdError":
            return
        if is_report or not done.primary:
            done.input_hash = row.get("input_sha256", done.input_hash)
        done.primary = True
        done.report = done.report or is_report


def output_row(raw: bytes) -> dict[str, Any] | None:
    """The line as a dict if it is a rumourx output line, else None."""
    try:
        row = json.loads(raw)
    except (ValueError, RecursionError):
        return None
    if not isinstance(row, dict) or "id" not in row:
        return None
    article_id, digest = row["id"], row.get("input_sha256")
    if article_id is None and not isinstance(row.get("input_line"), int):
        return None
    if article_id is not None and not isinstance(article_id, str):
        return None
    if digest is not None and not isinstance(digest, str):
        return None
    report, error = row.get("report"), row.get("error")
    if isinstance(report, dict) and isinstance(report.get("rumours"), list):
        return row
    if (
        report is None
        and isinstance(error, dict)
        and isinstance(error.get("type"), str)
        and isinstance(error.get("message"), str)
    ):
        return row
    return None


def output_lines(file: Any) -> Any:
    """The lines of an open binary output file (none longer than :data:`MAX_OUTPUT_LINE`)."""
    while raw := file.readline(MAX_OUTPUT_LINE):
        yield raw


def read_index(path: Path) -> OutputIndex:
    """Index an existing output; refuse a file that is not rumourx output."""
    index = OutputIndex()
    try:
        with path.open("rb") as file:
            for number, raw in enumerate(output_lines(file), start=1):
                if not raw.strip():
                    if not raw.endswith(b"\n"):  # trailing blanks: cut, so lines stay whole
                        index.tail, index.tail_whole = raw, False
                    continue
                row = output_row(raw)
                if not raw.endswith(b"\n") and file.read(1):
                    raise OutputError(
                        f"{path} is not rumourx output (line {number} is longer than "
                        f"{MAX_OUTPUT_LINE:,} bytes): give another output file"
                    )
                if not raw.endswith(b"\n"):  # the last line, unterminated
                    index.tail, index.tail_whole = raw, row is not None
                    torn_own = raw.startswith(LINE_START) or LINE_START.startswith(raw)
                    if row is None and not torn_own:
                        raise OutputError(
                            f"{path} is not rumourx output (its last line is not a rumourx "
                            "line): give another output file"
                        )
                if row is None:
                    if raw.endswith(b"\n"):
                        raise OutputError(
                            f"{path} is not rumourx output (line {number} is not a rumourx "
                            "output line): give another output file, or move that one away"
                        )
                    continue
                index.add(row)
    except OSError as exc:
        raise OutputError(f"cannot read {path}: {exc.strerror or type(exc).__name__}") from exc
    return index


@dataclass
class ResumePlan:
    """What a (re)run of a batch skips and redoes.

    Attributes:
        total: Non-blank input lines.
        skipped: Input lines that already have their output line.
        changed: Ids (and unreadable lines) whose input changed since their
            output line was written: redone.
        retried: Failed ids run again (``--retry-failed``).
        skip_ids: Ids to leave out of this run.
        skip_lines: Unreadable lines to leave out of this run.
        drop_ids: Ids whose output lines go before they run again.
        drop_lines: Unreadable lines whose output lines go.
    """

    total: int = 0
    skipped: int = 0
    changed: int = 0
    retried: int = 0
    skip_ids: set[str] = field(default_factory=set)
    skip_lines: set[int] = field(default_factory=set)
    drop_ids: set[str] = field(default_factory=set)
    drop_lines: set[int] = field(default_factory=set)


def plan_resume(source: Path, index: OutputIndex, *, retry_failed: bool = False) -> ResumePlan:
    """Compare the input with the output's index: skip what is done and unchanged.

    An id is redone when its text (or publisher) changed since its output line
    was written, or, with ``retry_failed``, when it has no report. Its old output
    lines are dropped, so the output keeps one line per id. Output lines of ids
    that are not in the input are kept as they are.
    """
    plan = ResumePlan()
    firsts: set[str] = set()
    for number, raw, too_long in raw_lines(source):
        plan.total += 1
        if index.empty:
            continue
        item = parse_line(number, raw, too_long)
        if isinstance(item, InvalidItem):
            if number not in index.invalid:
                continue
            if index.invalid[number] not in (None, item.input_hash):
                plan.changed += 1
            elif retry_failed:
                plan.retried += 1
            else:
                plan.skip_lines.add(number)
                plan.skipped += 1
                continue
            plan.drop_lines.add(number)
            continue
        article_id = item["id"]
        if article_id in firsts:  # a repeat: it goes where its first line goes
            plan.skipped += article_id in plan.skip_ids
            continue
        firsts.add(article_id)
        done = index.ids.get(article_id)
        if done is None:
            continue
        digest = input_hash(item.get("text"), item.get("publisher"))
        if not done.primary:
            pass  # only a duplicate's error line was written: run it all again
        elif done.input_hash is not None and done.input_hash != digest:
            plan.changed += 1
        elif retry_failed and not done.report:
            plan.retried += 1
        else:
            plan.skip_ids.add(article_id)
            plan.skipped += 1
            continue
        plan.drop_ids.add(article_id)
    return plan
