import errno
import logging
import os
import tempfile
from pathlib import Path

import pytest

from rumourx import RumourReport
from rumourx.batch.cache import ReportCache

REPORT = RumourReport(strategy="rules", warnings=["kept"])


def _warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]


def test_entries_round_trip(tmp_path: Path) -> None:
    cache = ReportCache(tmp_path)
    cache.put("ab12", REPORT)
    assert cache.get("ab12") == REPORT and cache.get("cd34") is None
    assert (cache.hits, cache.misses, cache.problem) == (1, 1, None)


@pytest.mark.parametrize(
    "content",
    [b"{}", b'{"rumours": []}', b"[1]", b"not json", b"\xff\xfe", b'{"rumours": 5'],
)
def test_an_entry_that_is_not_a_whole_report_is_a_miss(tmp_path: Path, content: bytes) -> None:
    cache = ReportCache(tmp_path)
    cache.put("ab12", REPORT)
    (tmp_path / "ab" / "ab12.json").write_bytes(content)
    assert cache.get("ab12") is None and cache.misses == 1


def test_a_cache_folder_that_is_a_file_is_one_warning_and_never_an_error(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "file").write_text("x")
    cache = ReportCache(tmp_path / "file")
    for key in ("ab12", "cd34", "ef56"):
        assert cache.get(key) is None
        cache.put(key, REPORT)
    [warning] = _warnings(caplog)
    assert "report cache" in warning and "going on without it" in warning


@pytest.mark.parametrize(
    ("code", "reason"),
    [(errno.EROFS, "Read-only file system"), (errno.ENOSPC, "No space left on device")],
)
def test_a_failed_write_is_one_warning_and_leaves_no_temporary_file(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    code: int,
    reason: str,
) -> None:
    def refuse(*args: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "replace", refuse)
    cache = ReportCache(tmp_path)
    for key in ("ab12", "ab34"):
        cache.put(key, REPORT)
    [warning] = _warnings(caplog)
    assert reason in warning
    assert list((tmp_path / "ab").iterdir()) == []


def test_a_cache_that_cannot_even_make_a_temporary_file_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    cache = ReportCache(tmp_path)
    cache.put("ab12", REPORT)
    assert cache.get("ab12") is None
    assert len(_warnings(caplog)) == 1
