"""Assemble the subcommands and run one, translating errors into exit codes."""

from __future__ import annotations

import argparse
import logging
import sys
import traceback
from collections.abc import Sequence
from typing import Any

from rumourx.cli import batch_command, eval_command, extract_command, stories_command
from rumourx.cli.options import EXIT_FAILED, EXIT_USAGE
from rumourx.core.errors import ConfigurationError, InputError, RumourxError

__all__ = ["main"]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse's own exits with 2 as well
        self.print_usage(sys.stderr)
        raise _UsageError(message)


class _UsageError(Exception):
    pass


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def _parser() -> _Parser:
    parser = _Parser(prog="rumourx", description="Structured transfer rumours from football news.")
    parser.add_argument("--debug", action="store_true", help="show tracebacks and debug logs")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    for command in (extract_command, batch_command, eval_command, stories_command):
        command.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except _UsageError as exc:
        print(f"rumourx: error: {_one_line(exc)}", file=sys.stderr)
        return EXIT_USAGE
    if getattr(args, "handler", None) is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    logging.basicConfig(level=logging.DEBUG if args.debug else logging.WARNING)
    if not args.debug:
        # instructor logs every failed attempt at ERROR; rumourx reports the outcome itself.
        logging.getLogger("instructor").setLevel(logging.CRITICAL)
    try:
        code: int = args.handler(args)
        return code
    except (InputError, ConfigurationError) as exc:
        if args.debug:
            traceback.print_exc()
        print(f"rumourx: error: {_one_line(exc)}", file=sys.stderr)
        return EXIT_USAGE
    except RumourxError as exc:
        if args.debug:
            traceback.print_exc()
        print(f"rumourx: error: {_one_line(exc)}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("rumourx: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
