"""``rumourx stories``: ``rumourx batch`` output in, one story a line out."""

from __future__ import annotations

import argparse
import itertools
import os
import sys
from pathlib import Path

from rumourx.cli.options import EXIT_OK
from rumourx.core.errors import InputError

__all__ = ["add_parser"]


def _run(args: argparse.Namespace) -> int:
    from rumourx.stories.building import iter_stories
    from rumourx.stories.probability import load_probability_model
    from rumourx.stories.reports import ReadSummary
    from rumourx.stories.summary import StoriesSummary

    to_stdout = args.output == "-"
    target = Path(args.output)
    if not to_stdout and target.is_dir():
        raise InputError(f"{target} is a directory; give an output file")
    model = load_probability_model(args.coefficients) if args.coefficients else None
    read = ReadSummary()
    figures = StoriesSummary()
    stories = iter_stories(args.reports, as_of=args.as_of, model=model, summary=read)
    # Every report is read before the first story comes out: a file that is not
    # rumourx output fails here, before the output is touched.
    first = next(stories, None)
    temporary = target.with_name(target.name + ".tmp")
    out = sys.stdout if to_stdout else temporary.open("w", encoding="utf-8")
    try:
        for story in itertools.chain([first] if first else [], stories):
            out.write(story.model_dump_json() + "\n")
            figures.add(story)
    finally:
        if not to_stdout:
            out.close()
    if not to_stdout:
        os.replace(temporary, target)
    report = sys.stderr if to_stdout else sys.stdout
    for line in [*read.lines_out(), *figures.lines()]:
        print(line, file=report)
    if args.as_of:
        print(f"as of {args.as_of}: articles published later were left out", file=report)
    return EXIT_OK


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``stories``."""
    stories = sub.add_parser(
        "stories",
        help="merge batch reports into rumour stories with a probability",
        description=(
            "Merge `rumourx batch` output into stories, one per (player, destination), "
            "with a timeline, corroboration, contradictions and the probability that the "
            "move happens. One JSON object a line, most probable first."
        ),
    )
    stories.add_argument("reports", help="JSONL output of `rumourx batch`")
    stories.add_argument(
        "-o", "--output", required=True, help="JSONL file for the stories ('-' for stdout)"
    )
    stories.add_argument(
        "--as-of",
        dest="as_of",
        metavar="DATE",
        help="use only articles published up to this ISO date: what was known that day",
    )
    stories.add_argument(
        "--coefficients", metavar="FILE", help="probability coefficients (default: shipped)"
    )
    stories.add_argument("--debug", action="store_true", default=argparse.SUPPRESS)
    stories.set_defaults(handler=_run)
