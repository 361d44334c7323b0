"""What every subcommand shares: exit codes, model options, settings, reading a file."""

from __future__ import annotations

import argparse
import io
import re
import sys
from pathlib import Path
from typing import IO, Any, cast

from pydantic import ValidationError

from rumourx.core.errors import ConfigurationError, InputError
from rumourx.core.settings import Settings, explain
from rumourx.text.article import MAX_ARTICLE_CHARS

__all__ = [
    "EXIT_FAILED",
    "EXIT_OK",
    "EXIT_USAGE",
    "OPTION_NAMES",
    "STRATEGIES",
    "add_model_options",
    "read_article_file",
    "settings_from",
]

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
STRATEGIES = ("ensemble", "llm", "rules", "hybrid")


def add_model_options(parser: argparse.ArgumentParser) -> None:
    """The options that say which model and strategy to use."""
    parser.add_argument("--strategy", choices=STRATEGIES, help="extraction strategy")
    parser.add_argument("--model", help="model name (default: RUMOURX_MODEL or the embedded model)")
    parser.add_argument("--base-url", dest="base_url", help="OpenAI-compatible endpoint URL")
    parser.add_argument("--timeout", type=float, help="seconds per model request")
    parser.add_argument("--debug", action="store_true", default=argparse.SUPPRESS)


#: What the command line calls each setting, for error messages.
OPTION_NAMES = {
    "model": "--model",
    "base_url": "--base-url",
    "strategy": "--strategy",
    "timeout": "--timeout",
    "requests_per_minute": "--rpm",
    "tokens_per_minute": "--tpm",
}


def settings_from(args: argparse.Namespace) -> Settings:
    """Settings from the command-line options (the environment fills the rest).

    Raises:
        ConfigurationError: An option's value cannot work; one line naming the
            option and what it accepts (``--rpm must be a finite number greater
            than 0, got 0.0``).
    """
    values: dict[str, Any] = {}
    for name in OPTION_NAMES:
        value = getattr(args, name, None)
        if value is not None:
            values[name] = value
    try:
        return Settings(**values)
    except ValidationError as exc:
        raise ConfigurationError(explain(exc, OPTION_NAMES)) from None


def read_article_file(path: str, *, max_chars: int = MAX_ARTICLE_CHARS) -> str:
    """The text of an article file, or of standard input for ``-``.

    At most ``max_chars + 1`` characters are read, so an endless stream
    (``/dev/zero``, a pipe that never closes its end of data) is refused at the
    limit instead of filling memory. Line endings are kept as they are.

    Raises:
        InputError: Missing, a directory, unreadable, binary, not UTF-8, empty, or
            longer than ``max_chars``.
    """
    if path == "-":
        source = "standard input"
        text = _read_text(sys.stdin.buffer, max_chars + 1, source)
    else:
        source = path
        file = Path(path)
        if file.is_dir():
            raise InputError(f"{path} is a directory, not an article file")
        if not file.exists():
            raise InputError(f"no such file: {path}")
        try:
            with file.open("rb") as binary:
                text = _read_text(binary, max_chars + 1, source)
        except OSError as exc:
            raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if "\x00" in text[:8192]:
        raise InputError(f"{source} looks binary, not text")
    if (bad := _UNDECODED.search(text)) is not None:
        byte = len(text[: bad.start()].encode("utf-8", "surrogateescape")) + 1
        raise InputError(f"{source} is not UTF-8 text (byte {byte})")
    if len(text) > max_chars:
        raise InputError(f"{source} is over the limit of {max_chars:,} characters: split it first")
    if not text.strip():
        raise InputError(f"{source} is empty")
    return text


#: Bytes that were not UTF-8, as the ``surrogateescape`` error handler keeps them.
_UNDECODED = re.compile("[\udc80-\udcff]")


def _read_text(binary: IO[bytes], limit: int, source: str) -> str:
    """Up to ``limit`` characters of UTF-8 (a BOM dropped), undecodable bytes escaped."""
    reader = io.TextIOWrapper(
        cast(Any, binary), encoding="utf-8-sig", errors="surrogateescape", newline=""
    )
    try:
        return reader.read(limit)
    except OSError as exc:
        raise InputError(f"cannot read {source}: {exc.strerror or exc}") from exc
    finally:
        reader.detach()
