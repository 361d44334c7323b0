"""Batch output: a JSONL file that rumourx appends to, and never destroys.

:meth:`BatchOutput.open` refuses an output that is the input file (by path, link or
inode), a directory, or an existing file that is not rumourx output (every line must
be a rumourx output line; an empty or missing file is fine). It takes an exclusive
lock for the run (``flock``), so a second run on the same output stops at once. It
indexes what the file already holds, for resuming.

Each line is written with one ``write`` and synced before the next, so a kill leaves
at most one torn line at the end. Only a torn final line that is rumourx's own (it
begins like every rumourx line, ``{"id": ``) is cut off; a final line that is whole
but lacks its newline keeps it. Dropping lines (``--retry-failed``, changed texts)
rewrites the file to a locked temporary copy that then replaces it atomically.

A FIFO, a terminal or a device (``-o /dev/stdout``) is written as a stream: nothing
is read back from it and there is nothing to resume.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import stat
from pathlib import Path
from types import TracebackType

from rumourx.batch.outcomes import BatchOutcome
from rumourx.batch.resume import OutputIndex, output_lines, output_row, read_index
from rumourx.core.errors import OutputError

try:  # POSIX; elsewhere the output is not locked
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]

__all__ = ["BatchOutput", "same_file"]

logger = logging.getLogger("rumourx.batch")

_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


def same_file(a: Path, b: Path) -> bool:
    """Whether two paths name the same file (links, ``./x`` and ``x`` included)."""
    try:
        if os.path.samefile(a, b):
            return True
    except OSError:
        pass
    return a.resolve() == b.resolve()


def _reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


def _lock(fd: int, path: Path) -> None:
    if fcntl is None:  # pragma: no cover
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise OutputError(
            f"{path} is being written by another rumourx batch: "
            "wait for it to finish, or give another output file"
        ) from None
    except OSError as exc:  # a file system without locks
        reason = _reason(exc)
        logger.warning("cannot lock %s (%s): do not run two batches on it at once", path, reason)


class BatchOutput:
    """An open batch output; use :meth:`open`, then :meth:`write`, then :meth:`close`."""

    def __init__(self, path: Path, fd: int, *, regular: bool, index: OutputIndex) -> None:
        self.path = path
        self.regular = regular
        self.index = index
        self.written = 0
        self._fd = fd

    @classmethod
    def open(cls, path: Path, *, source: Path | None = None) -> BatchOutput:
        """Open (or create) ``path`` for appending, locked, and index what it holds.

        Raises:
            OutputError: It is the input, a directory, not rumourx output, being
                written by another run, or it cannot be created or read.
        """
        if source is not None and same_file(source, path):
            raise OutputError(
                f"the output {path} is the input file {source}: give another output file"
            )
        try:
            mode: int | None = os.stat(path).st_mode
        except FileNotFoundError:
            mode = None
        except NotADirectoryError:
            raise OutputError(f"cannot write {path}: {_file_above(path)} is not a folder") from None
        except OSError as exc:
            raise OutputError(f"cannot write {path}: {_reason(exc)}") from exc
        if mode is not None and stat.S_ISDIR(mode):
            raise OutputError(f"{path} is a directory; give an output file")
        if mode is not None and not stat.S_ISREG(mode):
            return cls(path, _open_stream(path), regular=False, index=OutputIndex())
        fd = _open_locked(path)
        try:
            index = read_index(path)
        except BaseException:
            os.close(fd)
            raise
        return cls(path, fd, regular=True, index=index)

    def prepare(self, drop_ids: set[str], drop_lines: set[int]) -> None:
        """Drop the output lines of ids about to run again; repair a torn last line."""
        if not self.regular:
            return
        if drop_ids or drop_lines:
            self._rewrite(drop_ids, drop_lines)
        elif self.index.tail:
            size = os.fstat(self._fd).st_size
            try:
                if self.index.tail_whole:
                    _write_all(self._fd, b"\n")
                else:
                    os.ftruncate(self._fd, size - len(self.index.tail))
            except OSError as exc:
                message = f"cannot repair the last line of {self.path}: {_reason(exc)}"
                raise OutputError(message) from exc
        self.index.tail = b""

    def _rewrite(self, drop_ids: set[str], drop_lines: set[int]) -> None:
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}.rumourx-tmp")
        try:
            fd = os.open(temporary, os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_APPEND, 0o600)
        except OSError as exc:
            raise OutputError(f"cannot rewrite {self.path}: {_reason(exc)}") from exc
        try:
            _lock(fd, temporary)
            os.fchmod(fd, stat.S_IMODE(os.fstat(self._fd).st_mode))
            with self.path.open("rb") as old:
                for raw in output_lines(old):
                    row = output_row(raw)
                    if row is None:  # the torn tail: left out
                        continue
                    if row["id"] in drop_ids or (
                        row["id"] is None and row["input_line"] in drop_lines
                    ):
                        continue
                    _write_all(fd, raw if raw.endswith(b"\n") else raw + b"\n")
            os.fsync(fd)
            os.replace(temporary, self.path)
            _sync_folder(self.path.parent)
        except OSError as exc:
            os.close(fd)
            temporary.unlink(missing_ok=True)
            raise OutputError(f"cannot rewrite {self.path}: {_reason(exc)}") from exc
        except BaseException:
            os.close(fd)
            temporary.unlink(missing_ok=True)
            raise
        os.close(self._fd)  # the old file, and its lock; the new one is locked already
        self._fd = fd

    def write(self, outcome: BatchOutcome) -> None:
        """Append the outcome's line whole, and sync it before returning.

        Raises:
            OutputError: The line could not be written (full disk, closed pipe...).
        """
        data = (outcome.to_json() + "\n").encode("utf-8")
        try:
            _write_all(self._fd, data)
            if self.regular:
                os.fsync(self._fd)
        except OSError as exc:
            resume = "; run the same command again to resume" if self.regular else ""
            raise OutputError(
                f"cannot write {self.path}: {_reason(exc)} ({self.written} line(s) written{resume})"
            ) from exc
        self.written += 1

    def close(self) -> None:
        """Close the file (and release the lock)."""
        if self._fd >= 0:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = -1

    def __enter__(self) -> BatchOutput:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


def _open_stream(path: Path) -> int:
    """Open a FIFO, terminal or device for writing, without blocking on a FIFO."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | _NONBLOCK)
    except OSError as exc:
        if exc.errno == errno.ENXIO:  # a FIFO nobody reads
            raise OutputError(f"{path} is a FIFO that nobody is reading") from exc
        raise OutputError(f"cannot write {path}: {_reason(exc)}") from exc
    if fcntl is not None:
        flags = fcntl.fcntl(fd, fcntl.F_GETFL)
        fcntl.fcntl(fd, fcntl.F_SETFL, flags & ~_NONBLOCK)
    return fd


def _open_locked(path: Path) -> int:
    """Create or open a regular output file for appending, with an exclusive lock."""
    parent = path.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise OutputError(f"cannot write {path}: {_file_above(path)} is not a folder") from None
    except OSError as exc:
        raise OutputError(f"cannot create the folder {parent}: {_reason(exc)}") from exc
    for _ in range(10):
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o666)
        except OSError as exc:
            raise OutputError(f"cannot write {path}: {_reason(exc)}") from exc
        _lock(fd, path)
        mine, there = os.fstat(fd), _stat_or_none(path)
        if there is not None and (mine.st_dev, mine.st_ino) == (there.st_dev, there.st_ino):
            return fd
        os.close(fd)  # replaced by another run's rewrite while we waited: again
    raise OutputError(f"{path} keeps being replaced by another process")


def _file_above(path: Path) -> Path:
    """The nearest folder-to-be above ``path`` that exists and is not a folder."""
    for above in reversed(path.parents):
        if above.exists() and not above.is_dir():
            return above
    return path.parent


def _stat_or_none(path: Path) -> os.stat_result | None:
    try:
        return os.stat(path)
    except OSError:
        return None


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _sync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    with contextlib.suppress(OSError):
        os.fsync(fd)
    os.close(fd)
