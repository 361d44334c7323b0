"""Batch files: lazy JSONL input, whole-line output, and resume after a kill.

Each output line is written with one ``write`` and flushed to disk before the next
article's, so a kill leaves at most one torn line at the end; :func:`finished_ids`
cuts that line off, and a rerun skips every id that already has a whole line.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from rumourx.batch.outcomes import BatchOutcome
from rumourx.batch.runner import InvalidItem
from rumourx.core.errors import InputError

__all__ = ["OutputWriter", "count_lines", "finished_ids", "read_input"]


def count_lines(path: Path) -> int:
    """Non-blank lines in a file (for progress totals)."""
    with path.open("rb") as file:
        return sum(1 for line in file if line.strip())


def read_input(path: Path, skip: set[str]) -> Iterator[dict[str, Any] | InvalidItem]:
    """Yield the articles of a JSONL file, lazily, leaving out ``skip`` ids.

    A line that is not a JSON object with a string ``id`` and ``text`` is yielded
    as an :class:`InvalidItem` named ``line-N``, so it gets an error outcome.

    Raises:
        InputError: The file is missing, a directory, or not UTF-8.
    """
    if path.is_dir():
        raise InputError(f"{path} is a directory, not a JSONL file")
    if not path.is_file():
        raise InputError(f"no such file: {path}")
    with path.open("r", encoding="utf-8", errors="strict") as file:
        try:
            for number, line in enumerate(file, start=1):
                if not line.strip():
                    continue
                invalid = f"line-{number}"
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as exc:
                    if invalid not in skip:
                        yield InvalidItem(invalid, f"line {number} is not JSON: {exc.msg}")
                    continue
                if not isinstance(row, dict) or not isinstance(row.get("id"), (str, int)):
                    if invalid not in skip:
                        yield InvalidItem(invalid, f"line {number} has no 'id'")
                    continue
                row["id"] = str(row["id"])
                if row["id"] in skip:
                    continue
                yield row
        except UnicodeDecodeError as exc:
            raise InputError(f"{path} is not UTF-8 text") from exc


def finished_ids(path: Path, *, drop_errors: bool = False) -> set[str]:
    """Ids that already have a whole output line; repair a torn last line.

    Args:
        path: The output file (it need not exist yet).
        drop_errors: Rewrite the file without its error lines, so those ids run
            again (``--retry-failed``).
    """
    if not path.exists():
        return set()
    data = path.read_bytes()
    if data and not data.endswith(b"\n"):
        # A kill mid-write: drop the torn tail so the file is whole lines again.
        data = data[: data.rfind(b"\n") + 1]
        with path.open("r+b") as file:
            file.truncate(len(data))
    done: set[str] = set()
    kept: list[bytes] = []
    for line in data.splitlines(keepends=True):
        try:
            row = json.loads(line)
        except json.JSONDecodeError:
            continue
        if not isinstance(row, dict) or "id" not in row:
            continue
        if drop_errors and "error" in row:
            continue
        done.add(str(row["id"]))
        kept.append(line)
    if drop_errors:
        temporary = path.with_suffix(path.suffix + ".tmp")
        temporary.write_bytes(b"".join(kept))
        os.replace(temporary, path)
    return done


class OutputWriter:
    """Appends one whole line per outcome and makes it durable before returning."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._file: IO[str] = path.open("a", encoding="utf-8")

    def write(self, outcome: BatchOutcome) -> None:
        """Write the outcome's line, flushed and synced."""
        self._file.write(outcome.to_json() + "\n")
        self._file.flush()
        os.fsync(self._file.fileno())

    def close(self) -> None:
        """Close the file."""
        self._file.close()
