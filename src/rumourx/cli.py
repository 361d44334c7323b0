"""The ``rumourx`` command.

Exit codes: 0 success; 1 the model endpoint or the extraction failed; 2 bad input
or usage. Errors are one line on stderr; ``--debug`` adds the traceback.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rumourx.core.errors import ConfigurationError, InputError, RumourxError
from rumourx.core.settings import Settings
from rumourx.core.types import RumourReport

__all__ = ["main"]

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
_STRATEGIES = ("llm", "rules", "hybrid")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse's own exits with 2 as well
        self.print_usage(sys.stderr)
        raise _UsageError(message)


class _UsageError(Exception):
    pass


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def _settings(args: argparse.Namespace) -> Settings:
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


def _read_input(path: str) -> str:
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


def _summary(report: RumourReport) -> str:
    if not report.rumours:
        lines = ["No transfer rumours found."]
    else:
        lines = [f"{len(report.rumours)} transfer rumour(s):"]
    for number, rumour in enumerate(report.rumours, start=1):
        fee = ""
        if rumour.fee and rumour.fee.amount:
            fee = f", fee {rumour.fee.amount:,} {rumour.fee.currency or ''}".rstrip()
            if rumour.fee.add_ons:
                fee += f" + {rumour.fee.add_ons:,} add-ons"
        sources = ", ".join(
            f"{s} (tier {rumour.source_tiers[s]})" if s in rumour.source_tiers else s
            for s in rumour.sources
        )
        lines.append(
            f"{number}. {rumour.player}: {rumour.from_club or '?'} -> {rumour.to_club or '?'} "
            f"[{rumour.transfer_type.value}, {rumour.status.value}{fee}]"
        )
        if sources:
            lines.append(f"   sources: {sources}")
        if rumour.evidence:
            lines.append(f'   evidence: "{rumour.evidence[0].text}"')
    for rumour in report.opinion:
        lines.append(f"opinion only (not a report): {rumour.player} -> {rumour.to_club}")
    usage = report.usage
    lines.append(
        f"strategy {report.strategy}; {usage.calls} model call(s), "
        f"{usage.prompt_tokens} prompt + {usage.completion_tokens} completion tokens"
    )
    return "\n".join(lines)


def _cmd_extract(args: argparse.Namespace) -> int:
    from rumourx.extractor import Extractor

    text = _read_input(args.path)
    extractor = Extractor(_settings(args))
    report = asyncio.run(extractor.aextract(text)) if args.use_async else extractor.extract(text)
    if args.json:
        print(report.model_dump_json())
    else:
        print(_summary(report))
    return EXIT_OK


def _cmd_batch(args: argparse.Namespace) -> int:
    from rumourx.batch.cache import ReportCache
    from rumourx.batch.command import run_batch
    from rumourx.extractor import Extractor

    if args.concurrency < 1:
        raise InputError("--concurrency must be at least 1")
    extractor = Extractor(_settings(args))
    cache = None if args.no_cache else ReportCache(args.cache_dir)
    if args.provider_batch:
        from rumourx.batch.provider import run_provider_batch

        summary = run_provider_batch(
            Path(args.input),
            Path(args.output),
            extractor,
            poll_interval=args.poll_interval,
            prices_file=args.prices,
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
    for line in summary.lines():
        print(line)
    return EXIT_OK


def _cmd_eval(args: argparse.Namespace) -> int:
    from rumourx.evaluation.corpus import load_corpus
    from rumourx.evaluation.runner import evaluate
    from rumourx.evaluation.scoring import FIELDS

    corpus = load_corpus(Path(args.articles), Path(args.gold))
    names = list(args.compare) if args.compare else [args.strategy or "rules"]
    settings = _settings(args)

    def progress(name: str, done: int, total: int) -> None:
        if sys.stderr.isatty():
            print(f"\r{name}: {done}/{total}", end="" if done < total else "\n", file=sys.stderr)

    results = [evaluate(corpus, name, settings, progress=progress) for name in names]
    if args.json:
        print(json.dumps([r.as_dict() for r in results], indent=2))
    else:
        header = ["strategy", "P", "R", "F1", "invented", *FIELDS, "s/article", "calls", "tokens"]
        print(" | ".join(header))
        for r in results:
            d = r.as_dict()
            row = [
                r.name,
                f"{d['precision']:.2f}",
                f"{d['recall']:.2f}",
                f"{d['f1']:.2f}",
                f"{d['invented_on_negatives']}/{d['negative_articles']}",
                *(f"{d['accuracy'][f]:.2f}" for f in FIELDS),
                f"{d['seconds_per_article']:.3f}",
                f"{d['model_calls_per_article']:.1f}",
                f"{d['prompt_tokens_per_article']:.0f}",
            ]
            print(" | ".join(row))
        for r in results:
            for error in r.errors:
                print(f"error ({r.name}): {error}", file=sys.stderr)
    if args.verbose:
        for r in results:
            for line in r.score.misses:
                print(f"[{r.name}] {line}")
    return EXIT_OK


def _parser() -> _Parser:
    parser = _Parser(prog="rumourx", description="Structured transfer rumours from football news.")
    parser.add_argument("--debug", action="store_true", help="show tracebacks and debug logs")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--strategy", choices=_STRATEGIES, help="extraction strategy")
        p.add_argument("--model", help="model name (default: RUMOURX_MODEL or the embedded model)")
        p.add_argument("--base-url", dest="base_url", help="OpenAI-compatible endpoint URL")
        p.add_argument("--timeout", type=float, help="seconds per model request")
        p.add_argument("--debug", action="store_true", default=argparse.SUPPRESS)

    extract = sub.add_parser("extract", help="extract the rumours of one article")
    extract.add_argument("path", help="article file (text or HTML), or - for standard input")
    extract.add_argument("--json", action="store_true", help="print the report as JSON")
    extract.add_argument("--async", dest="use_async", action="store_true", help=argparse.SUPPRESS)
    common(extract)
    extract.set_defaults(handler=_cmd_extract)

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
    common(batch)
    batch.set_defaults(handler=_cmd_batch)

    evaluation = sub.add_parser("eval", help="score strategies against gold labels")
    evaluation.add_argument("--articles", required=True, help="articles JSONL")
    evaluation.add_argument("--gold", required=True, help="gold labels JSONL")
    evaluation.add_argument(
        "--compare",
        nargs="+",
        choices=(*_STRATEGIES, "naive"),
        help="strategies to compare side by side (naive is the single-call baseline)",
    )
    evaluation.add_argument("--json", action="store_true", help="print figures as JSON")
    evaluation.add_argument("--verbose", action="store_true", help="list every miss")
    common(evaluation)
    evaluation.set_defaults(handler=_cmd_eval)
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
