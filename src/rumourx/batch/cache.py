"""An on-disk cache of reports, keyed by what the report depends on.

The key hashes the article text and publisher, the model, the strategy, the prompt
versions, the settings that change output, and the rumourx version. An identical
request is never paid for twice; change any of these and the entry is not reused.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from rumourx.core.types import RumourReport

__all__ = ["ReportCache", "cache_key", "default_cache_dir"]


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
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


class ReportCache:
    """Reports stored as JSON files, written atomically.

    Args:
        directory: Where the entries live; created on first write.
    """

    def __init__(self, directory: Path | str | None = None) -> None:
        self.directory = Path(directory) if directory is not None else default_cache_dir()
        self.hits = 0
        self.misses = 0

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str) -> RumourReport | None:
        """The cached report, or None (a missing or unreadable entry is a miss)."""
        try:
            raw = self._path(key).read_text(encoding="utf-8")
            report = RumourReport.model_validate_json(raw)
        except (OSError, ValidationError, ValueError):
            self.misses += 1
            return None
        self.hits += 1
        return report

    def put(self, key: str, report: RumourReport) -> None:
        """Store a report; a crash mid-write never leaves a torn entry."""
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                file.write(report.model_dump_json())
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
