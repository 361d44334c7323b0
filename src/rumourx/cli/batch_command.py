"""``rumourx batch``: a JSONL file of articles in, a JSONL file of reports out."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from rumourx.cli.options import EXIT_OK, add_model_options, settings_from
from rumourx.core.errors import InputError

__all__ = ["add_parser"]


def _run(args: argparse.Namespace) -> int:
    from rumourx.batch.cache import ReportCache
    from rumourx.batch.command import run_batch
    from rumourx.extractor import Extractor

    if args.concurrency < 1:
        raise InputError("--concurrency must be at least 1")
    extractor = Extractor(settings_from(args))
    cache = None if args.no_cache else ReportCache(args.cache_dir)
    if args.provider_batch:
        from rumourx.batch.provider import run_provider_batch

        summary = run_provider_batch(
            Path(args.input),
            Path(args.output),
            extractor,
            poll_interval=args.poll_interval,
            prices_file=args.prices,
            retry_failed=args.retry_failed,
        )
    else:
        summary = run_batch(
            Path(args.input),
            Path(args.output),
            extractor,
            concurrency=args.concurrency,
            cache=cache,
            retry_failed=args.retry_failed,
            prices_file=args.prices,
        )
    # With -o /dev/stdout the JSONL owns stdout: the summary goes to stderr.
    stream = sys.stderr if _is_stdout(Path(args.output)) else sys.stdout
    for line in summary.lines():
        print(line, file=stream)
    return EXIT_OK


def _is_stdout(path: Path) -> bool:
    """Whether ``path`` is the file standard output writes to."""
    try:
        mine, there = os.fstat(sys.stdout.fileno()), os.stat(path)
    except (OSError, ValueError, AttributeError):
        return False
    return (mine.st_dev, mine.st_ino) == (there.st_dev, there.st_ino)


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``batch``."""
    batch = sub.add_parser("batch", help="extract every article of a JSONL file, resumably")
    batch.add_argument("input", help='JSONL input, one {"id": ..., "text": ...} a line')
    batch.add_argument(
        "-o", "--output", required=True, help="JSONL output (appended; reruns resume)"
    )
    batch.add_argument("--concurrency", type=int, default=8, help="articles in flight (default 8)")
    batch.add_argument(
        "--no-cache", action="store_true", help="do not read or write the report cache"
    )
    batch.add_argument("--cache-dir", help="cache folder (default ~/.cache/rumourx)")
    batch.add_argument(
        "--retry-failed", action="store_true", help="run ids that failed before again"
    )
    batch.add_argument("--prices", help="JSON price table for the cost estimate")
    batch.add_argument("--rpm", type=float, dest="requests_per_minute", help="requests per minute")
    batch.add_argument("--tpm", type=float, dest="tokens_per_minute", help="tokens per minute")
    batch.add_argument(
        "--provider-batch",
        action="store_true",
        help="use the provider's Batch API (OpenAI: half price, results within 24 h)",
    )
    batch.add_argument("--poll-interval", type=float, default=30.0, help=argparse.SUPPRESS)
    add_model_options(batch)
    batch.set_defaults(handler=_run)
