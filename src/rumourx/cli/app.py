"""Assemble the subcommands and run one, translating errors into exit codes."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from typing import Any

from rumourx.cli import batch_command, eval_command, extract_command, stories_command
from rumourx.cli.options import EXIT_FAILED, EXIT_USAGE
from rumourx.core.errors import ConfigurationError, InputError, OutputError, RumourxError

__all__ = ["main"]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse's own exits with 2 as well
        self.print_usage(sys.stderr)
        raise _UsageError(message)


class _UsageError(Exception):
    pass


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


class _OneLine(logging.Formatter):
    """``rumourx: warning: ...``: one line per log record, no logger names."""

    def format(self, record: logging.LogRecord) -> str:
        return f"rumourx: {record.levelname.lower()}: {' '.join(record.getMessage().split())}"


def _configure_logging(debug: bool) -> Callable[[], None]:
    """Set up logging for one command; return what undoes it (main() may run in-process)."""
    logging.basicConfig(level=logging.DEBUG if debug else logging.WARNING)
    if debug:
        return lambda: None
    # instructor logs every failed attempt at ERROR; rumourx reports the outcome itself.
    logging.getLogger("instructor").setLevel(logging.CRITICAL)
    ours = logging.getLogger("rumourx")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_OneLine())
    before = (ours.level, ours.propagate)
    ours.addHandler(handler)
    ours.setLevel(logging.WARNING)
    ours.propagate = False

    def restore() -> None:
        ours.removeHandler(handler)
        ours.setLevel(before[0])
        ours.propagate = before[1]

    return restore


def _quiet_stdout() -> None:
    """After a closed pipe on stdout, send what is left to /dev/null (no second error)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


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
    restore_logging = _configure_logging(args.debug)
    try:
        code: int = args.handler(args)
        sys.stdout.flush()
        return code
    except (InputError, ConfigurationError, OutputError) as exc:
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
    except BrokenPipeError:  # stdout's reader went away (`| head`): nothing more to say
        _quiet_stdout()
        return EXIT_FAILED
    except Exception as exc:  # a defect: still one line, the traceback on --debug
        if args.debug:
            traceback.print_exc()
        print(
            f"rumourx: error: unexpected {type(exc).__name__}: {_one_line(exc)} "
            "(run with --debug for the traceback)",
            file=sys.stderr,
        )
        return EXIT_FAILED
    finally:
        restore_logging()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
