"""``rumourx stories``: ``rumourx batch`` output in, one story a line out, and/or the story page.

``--html PAGE`` draws the stories as timelines (:mod:`rumourx.stories.page`).
``--views DIR`` also writes each article's evidence view into DIR and links the
page's timeline entries to them; the article texts come from ``--articles``, the
batch input (:mod:`rumourx.stories.evidence_views` says why and how).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from rumourx.cli.options import EXIT_OK
from rumourx.core.errors import InputError, OutputError

if TYPE_CHECKING:
    from rumourx.stories.evidence_views import InputArticle
    from rumourx.stories.model import Story
    from rumourx.stories.page import StoryPageWriter
    from rumourx.stories.summary import StoriesSummary

__all__ = ["add_parser"]


def _check(args: argparse.Namespace) -> None:
    """Refuse option combinations and targets that cannot work, before reading anything."""
    if not args.output and not args.html:
        raise InputError("give -o STORIES.jsonl, --html PAGE.html, or both")
    if args.views and not args.html:
        raise InputError("--views writes the views the story page links to: give --html too")
    if args.articles and not args.views:
        raise InputError("--articles gives the texts of the evidence views: give --views DIR too")
    reports = Path(args.reports)
    for option, value in (("-o", args.output), ("--html", args.html)):
        if not value or (value == "-" and option == "-o"):
            continue
        if value == "-":
            raise InputError("--html needs a file name (the page links to files beside it)")
        target = Path(value)
        if target.is_dir():
            raise InputError(f"{target} is a directory; give an output file")
        if target.exists() and reports.exists() and os.path.samefile(target, reports):
            raise InputError(f"{option} {target} is the reports file: give another file")
    if args.output and args.html and Path(args.output).resolve() == Path(args.html).resolve():
        raise InputError("-o and --html name the same file: give two files")
    if args.views and Path(args.views).exists() and not Path(args.views).is_dir():
        raise InputError(f"--views {args.views} is a file, not a folder")
    if args.articles:
        from rumourx.batch.files import check_input

        check_input(Path(args.articles))


def _input_articles(path: Path) -> Iterator[InputArticle]:
    """The batch input's articles, read as ``rumourx batch`` reads them (same ids, same hash)."""
    from rumourx.batch.admission import Admitted, admit
    from rumourx.batch.files import read_input
    from rumourx.stories.evidence_views import InputArticle

    seen: set[str] = set()
    for index, item in enumerate(read_input(path), start=1):
        admitted = admit(item, index, seen)
        if isinstance(admitted, Admitted) and admitted.id is not None:
            yield InputArticle(admitted.article, admitted.input_hash)


def _temporary(target: Path) -> tuple[Path, Path]:
    return target.with_name(target.name + ".tmp"), target


def _open(temporary: Path, target: Path) -> TextIO:
    try:
        return temporary.open("w", encoding="utf-8")
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from exc


def _run(args: argparse.Namespace) -> int:
    from rumourx.stories.building import iter_stories
    from rumourx.stories.evidence_views import EvidenceViews
    from rumourx.stories.page import StoryPageWriter
    from rumourx.stories.probability import load_probability_model
    from rumourx.stories.reports import ReadSummary
    from rumourx.stories.summary import StoriesSummary

    _check(args)
    to_stdout = args.output == "-"
    model = load_probability_model(args.coefficients) if args.coefficients else None
    read = ReadSummary()
    figures = StoriesSummary()
    stories = iter_stories(args.reports, as_of=args.as_of, model=model, summary=read)
    # Every report is read before the first story comes out: a file that is not
    # rumourx output fails here, before any output is touched.
    first = next(stories, None)
    views: EvidenceViews | None = None
    if args.views:
        views = EvidenceViews(Path(args.reports), Path(args.views), Path(args.html), args.as_of)
        views.write(_input_articles(Path(args.articles)) if args.articles else None)
    # Each output is written whole beside its target, then renamed into place.
    targets: list[tuple[Path, Path]] = []
    with contextlib.ExitStack() as files:
        try:
            out: TextIO | None = sys.stdout if to_stdout else None
            page: StoryPageWriter | None = None
            if args.output and not to_stdout:
                targets.append(_temporary(Path(args.output)))
                out = files.enter_context(_open(*targets[-1]))
            if args.html:
                targets.append(_temporary(Path(args.html)))
                page_file = files.enter_context(_open(*targets[-1]))
                as_of = first.as_of if first is not None else None
                links = views.href if views else None
                page = StoryPageWriter(page_file, links=links, as_of=as_of)
            if first is not None:
                _write(first, out, page, figures)
            for story in stories:
                _write(story, out, page, figures)
            if page is not None:
                page.close([*read.lines_out(), *(views.lines() if views else [])])
        except BaseException:
            files.close()
            for temporary, _ in targets:
                temporary.unlink(missing_ok=True)
            raise
    for temporary, target in targets:
        os.replace(temporary, target)
    report = sys.stderr if to_stdout else sys.stdout
    for line in [*read.lines_out(), *figures.lines()]:
        print(line, file=report)
    if args.as_of:
        print(f"as of {args.as_of}: articles published later were left out", file=report)
    if args.html:
        print(f"story page: {Path(args.html).resolve()}", file=report)
    for line in views.lines() if views else []:
        print(line, file=report)
    return EXIT_OK


def _write(
    story: Story, out: TextIO | None, page: StoryPageWriter | None, figures: StoriesSummary
) -> None:
    if out is not None:
        out.write(story.model_dump_json() + "\n")
    if page is not None:
        page.add(story)
    figures.add(story)


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``stories``."""
    stories = sub.add_parser(
        "stories",
        help="merge batch reports into rumour stories with a probability",
        description=(
            "Merge `rumourx batch` output into stories, one per (player, destination), "
            "with a timeline, corroboration, contradictions and the probability that the "
            "move happens. -o writes one JSON object a line, most probable first; --html "
            "draws them as timelines on one page."
        ),
    )
    stories.add_argument("reports", help="JSONL output of `rumourx batch`")
    stories.add_argument("-o", "--output", help="JSONL file for the stories ('-' for stdout)")
    stories.add_argument(
        "--html",
        metavar="PAGE.html",
        help="the story page: each story as a timeline, one self-contained HTML file",
    )
    stories.add_argument(
        "--views",
        metavar="DIR",
        help="write each article's evidence view into DIR and link the page's entries to them",
    )
    stories.add_argument(
        "--articles",
        metavar="INPUT.jsonl",
        help="the batch input, for the article texts the evidence views show",
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
