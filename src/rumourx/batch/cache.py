"""An on-disk cache of reports, keyed by what the report depends on.

The key hashes the article text and publisher, the model, the strategy, the prompt
versions, the settings that change output, and the rumourx version. An identical
request is never paid for twice; change any of these and the entry is not reused.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from rumourx.core.types import RumourReport

__all__ = ["ReportCache", "cache_key", "default_cache_dir"]

logger = logging.getLogger("rumourx.cache")


def default_cache_dir() -> Path:
    """``$RUMOURX_CACHE_DIR``, else ``$XDG_CACHE_HOME/rumourx``, else ``~/.cache/rumourx``."""
    explicit = os.environ.get("RUMOURX_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "rumourx"


def cache_key(text: str, publisher: str | None, fingerprint: dict[str, Any]) -> str:
    """A content hash of the article and everything its report depends on."""
    material = json.dumps(
        {"text": text, "publisher": publisher, "fingerprint": fingerprint},
        sort_keys=True,
        ensure_ascii=False,
        default=str,
    )
    return hashlib.sha256(material.encode("utf-8", "surrogatepass")).hexdigest()


class ReportCache:
    """Reports stored as JSON files, written atomically; best-effort.

    A cache that cannot be read or written (a read-only or full disk, a folder that
    is a file) never stops an extraction: the first failure is logged once as a
    warning (logger ``rumourx.cache``) and the cache is then left alone for the rest
    of the run (reads are still tried after a failed write). An entry that is not a
    whole report, ``{}`` for instance, is a miss.

    Args:
        directory: Where the entries live; created on first write.
    """

    def __init__(self, directory: Path | str | None = None) -> None:
        self.directory = Path(directory) if directory is not None else default_cache_dir()
        self.hits = 0
        self.misses = 0
        self.problem: str | None = None
        self._reading = True
        self._writing = True

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def _fail(self, action: str, exc: OSError) -> None:
        if self.problem is None:
            reason = exc.strerror or type(exc).__name__
            self.problem = f"cannot {action} the report cache in {self.directory} ({reason})"
            logger.warning("%s: going on without it", self.problem)

    def get(self, key: str) -> RumourReport | None:
        """The cached report, or None (missing, unreadable or partial entries are misses)."""
        if not self._reading:
            self.misses += 1
            return None
        try:
            raw = self._path(key).read_bytes()
        except FileNotFoundError:
            self.misses += 1
            return None
        except OSError as exc:
            self._reading = False
            self._fail("read", exc)
            self.misses += 1
            return None
        report = _whole_report(raw)
        if report is None:
            self.misses += 1
            return None
        self.hits += 1
        return report

    def put(self, key: str, report: RumourReport) -> None:
        """Store a report; a crash mid-write never leaves a torn entry, a failure never raises."""
        if not self._writing:
            return
        path = self._path(key)
        temporary: str | None = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                file.write(report.model_dump_json())
            os.replace(temporary, path)
            temporary = None
        except OSError as exc:
            self._writing = False
            self._fail("write", exc)
        finally:
            if temporary is not None:
                with contextlib.suppress(OSError):
                    Path(temporary).unlink()


def _whole_report(raw: bytes) -> RumourReport | None:
    """The entry as a report if it holds every field of one, else None."""
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or not set(RumourReport.model_fields) <= set(data):
        return None
    try:
        return RumourReport.model_validate(data)
    except ValidationError:
        return None
