"""What every subcommand shares: exit codes, model options, settings, reading a file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from rumourx.core.errors import ConfigurationError, InputError
from rumourx.core.settings import Settings

__all__ = [
    "EXIT_FAILED",
    "EXIT_OK",
    "EXIT_USAGE",
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


def settings_from(args: argparse.Namespace) -> Settings:
    """Settings from the command-line options (the environment fills the rest)."""
    values: dict[str, Any] = {}
    for name in (
        "model",
        "base_url",
        "strategy",
        "timeout",
        "requests_per_minute",
        "tokens_per_minute",
    ):
        value = getattr(args, name, None)
        if value is not None:
            values[name] = value
    try:
        return Settings(**values)
    except ValueError as exc:
        raise ConfigurationError(str(exc).splitlines()[-1].strip()) from exc


def read_article_file(path: str) -> str:
    """The text of an article file, or of standard input for ``-``.

    Raises:
        InputError: Missing, a directory, binary, not UTF-8, or empty.
    """
    if path == "-":
        data = sys.stdin.buffer.read()
        source = "standard input"
    else:
        file = Path(path)
        if file.is_dir():
            raise InputError(f"{path} is a directory, not an article file")
        if not file.exists():
            raise InputError(f"no such file: {path}")
        data = file.read_bytes()
        source = path
    if b"\x00" in data[:8192]:
        raise InputError(f"{source} looks binary, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{source} is not UTF-8 text (byte {exc.start})") from exc
    if not text.strip():
        raise InputError(f"{source} is empty")
    return text
