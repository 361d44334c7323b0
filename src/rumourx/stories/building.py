"""``build_stories``: reports in, stories out, sorted by probability.

Reports stream through :class:`~rumourx.stories.merging.StoryMerger`, which keeps a
few numbers per story and parks each article's entry in a spill file, so memory
is bounded by the number of stories. Stories are then assembled one at a time:
once to score and sort them, once more to hand them out in order.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from rumourx.core.dates import normalise_published
from rumourx.core.errors import InputError
from rumourx.stories.assembly import assemble
from rumourx.stories.features import facts_of, story_features
from rumourx.stories.merging import MergedGroup, StoryMerger, name_words
from rumourx.stories.model import Story
from rumourx.stories.probability import ProbabilityModel, load_probability_model
from rumourx.stories.reports import ReadSummary, ReportRecord, iter_records, read_reports_file
from rumourx.stories.spill import EntrySpill

__all__ = ["Reports", "StoryBuilder", "build_stories", "iter_stories"]

#: What ``build_stories`` reads: a REPORTS file path, or outcomes / output lines.
Reports = str | os.PathLike[str] | Iterable[Any]

T = TypeVar("T")


def _records(reports: Reports, summary: ReadSummary, as_of: str | None) -> Iterator[ReportRecord]:
    if isinstance(reports, str | os.PathLike):
        return read_reports_file(Path(reports), summary, as_of=as_of)
    return iter_records(reports, summary, as_of=as_of)


def _story(group: MergedGroup, merger: StoryMerger, as_of: str | None) -> Story:
    """A story without its probability yet."""
    parts = assemble(merger.mentions_of(group))
    return Story(
        player=group.player,
        to_club=group.to_club,
        from_club=parts.from_club,
        status=parts.status,
        timeline=parts.timeline,
        articles=[entry.id for entry in parts.timeline],
        first_reported=parts.first_reported,
        last_reported=parts.last_reported,
        outlets=parts.outlets,
        best_tier=parts.best_tier,
        corroboration=len(parts.outlets),
        contradictions=parts.contradictions,
        competing=group.competing,
        probability=0.0,
        as_of=as_of,
    )


def _scored(story: Story, model: ProbabilityModel, *, explain: bool = True) -> Story:
    facts = facts_of(story)
    values = story_features(facts)
    story.probability = round(model.probability(values), 4)
    if explain:
        story.factors = model.factors(values, facts)
    return story


SortKey = tuple[float, str, str, str]


def _key(story: Story) -> SortKey:
    return story.probability, story.last_reported or "", story.player, story.to_club or ""


def _sorted(items: list[tuple[SortKey, T]]) -> list[T]:
    """Most probable first, then most recently reported; then by name, for a stable order."""
    items.sort(key=lambda item: item[0][2:])
    items.sort(key=lambda item: item[0][:2], reverse=True)
    return [value for _, value in items]


def _same_player(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """One name's surname is among the other's words."""
    return bool(a and b) and (a[-1] in b or b[-1] in a)


def _as_of(as_of: str | None) -> str | None:
    if as_of is None:
        return None
    try:
        return normalise_published(as_of)
    except ValueError as exc:
        raise InputError(f"as-of date: {exc}") from exc


class StoryBuilder:
    """Stories that grow as reports are added, for callers that look at many dates.

    ``build_stories`` and ``iter_stories`` are built on it. Adding reports in date
    order and asking for :meth:`stories` after each day gives, day by day, what
    ``build_stories(..., as_of=day)`` gives, without reading the earlier days again.

    Args:
        model: Coefficients to score with (default: the shipped ones).
        as_of: Stamped on the stories (reports are not filtered here).
    """

    def __init__(self, model: ProbabilityModel | None = None, as_of: str | None = None) -> None:
        self._model = model or load_probability_model()
        self._as_of = as_of
        self._spill = EntrySpill()
        self._merger = StoryMerger(self._spill)

    def add(self, record: ReportRecord) -> None:
        """Merge one report in."""
        self._merger.add(record)

    def mark(self) -> None:
        """Start noting which stories the next reports change (see :meth:`stories`)."""
        self._merger.touched.clear()

    def stories(
        self, *, changed_only: bool = False, players: Iterable[str] | None = None
    ) -> list[Story]:
        """The stories so far, sorted.

        Args:
            changed_only: Only those that got an article since :meth:`mark`.
            players: Only those about one of these players (a surname matches a
                full name: "Kane" and "Harry Kane").
        """
        groups = self._merger.merged()
        if changed_only:
            touched = self._merger.touched
            groups = [g for g in groups if touched.intersection(g.members)]
        if players is not None:
            wanted = [name_words(p) for p in players]
            groups = [
                g for g in groups if any(_same_player(name_words(g.player), w) for w in wanted)
            ]
        stories = [self._scored(self._story(g)) for g in groups]
        return _sorted([(_key(s), s) for s in stories])

    def iter_stories(self) -> Iterator[Story]:
        """Every story so far, sorted, assembled one at a time (twice: score, then hand out)."""
        groups = self._merger.merged()
        scored = [
            (_key(self._scored(self._story(group), explain=False)), index)
            for index, group in enumerate(groups)
        ]
        for index in _sorted(scored):
            yield self._scored(self._story(groups[index]))

    def _story(self, group: MergedGroup) -> Story:
        return _story(group, self._merger, self._as_of)

    def _scored(self, story: Story, *, explain: bool = True) -> Story:
        return _scored(story, self._model, explain=explain)

    def close(self) -> None:
        """Drop the parked timeline entries."""
        self._spill.close()

    def __enter__(self) -> StoryBuilder:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _stories(
    reports: Reports,
    as_of: str | None,
    model: ProbabilityModel | None,
    summary: ReadSummary | None,
    *,
    whole: bool,
) -> Iterator[Story]:
    summary = summary if summary is not None else ReadSummary()
    as_of = _as_of(as_of)
    with StoryBuilder(model, as_of) as builder:
        for record in _records(reports, summary, as_of):
            builder.add(record)
        if whole:  # every story in memory anyway: assemble each once
            yield from builder.stories()
        else:
            yield from builder.iter_stories()


def iter_stories(
    reports: Reports,
    *,
    as_of: str | None = None,
    model: ProbabilityModel | None = None,
    summary: ReadSummary | None = None,
) -> Iterator[Story]:
    """Stories from reports, most probable first (then most recently reported).

    Same arguments as :func:`build_stories`. Stories are assembled one at a time
    (once to score them, once more to hand them out), so memory stays bounded by
    the number of stories however many reports there are.
    """
    return _stories(reports, as_of, model, summary, whole=False)


def build_stories(
    reports: Reports,
    *,
    as_of: str | None = None,
    model: ProbabilityModel | None = None,
    summary: ReadSummary | None = None,
) -> list[Story]:
    """Merge reports into stories, one per (player, destination), with a probability.

    Args:
        reports: A ``rumourx batch`` output file (a path, ``str`` or
            :class:`~pathlib.Path`), or an iterable of
            :class:`~rumourx.BatchOutcome` (``extract_many(...)`` as it is), of
            output lines parsed into dicts, or of the lines as text. Read lazily.
        as_of: Use only articles published on or before this ISO date (or
            datetime): what was known that day. Articles without a date are then
            left out.
        model: Coefficients to score with (default: the shipped ones).
        summary: Filled in with lines read, used and skipped (and why).

    Returns:
        Stories sorted by probability, then by last report, most recent first.

    Raises:
        InputError: The file is missing, binary, or not rumourx output at all; or
            ``as_of`` is not an ISO date.
    """
    return list(_stories(reports, as_of, model, summary, whole=True))
