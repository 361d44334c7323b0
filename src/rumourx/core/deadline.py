"""A per-article time budget, checked cooperatively between and inside stages.

Pure Python cannot stop a thread from outside, so a long stage ends itself: the
pipeline calls :meth:`Deadline.check` between stages and in its loops over
rumours, quotes, sentences and windows, and the first check past the deadline
raises :class:`~rumourx.core.errors.ArticleTimeout`. The rules (and any strategy)
may call ``check()`` inside their own loops; a check costs one clock read.

The clock is the CPU time of the thread reading the article (one article is read on
one thread, start to end, in every entry point), so a shared, loaded machine does not
make an ordinary article overrun, and a budget means the same work everywhere. It
pauses while a model is awaited (:meth:`Deadline.paused`): the budget is rumourx's own
work on the article (the model's time has its own bounds), and in an event loop the
work other articles do during that wait is not charged to this one.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

from rumourx.core.errors import ArticleTimeout

__all__ = ["Deadline"]

#: Seconds of CPU time the current thread has used.
_clock = time.thread_time


class Deadline:
    """When the work on one article must end.

    Args:
        budget: Seconds of work (CPU time) allowed from now; None for no limit.
    """

    __slots__ = ("_at", "budget")

    def __init__(self, budget: float | None) -> None:
        self.budget = budget
        self._at = None if budget is None else _clock() + budget

    @classmethod
    def unlimited(cls) -> Deadline:
        """A deadline that never passes."""
        return cls(None)

    def remaining(self) -> float | None:
        """Seconds left (negative once passed); None without a limit."""
        return None if self._at is None else self._at - _clock()

    def check(self, stage: str = "") -> None:
        """Raise :class:`ArticleTimeout` if the budget is spent.

        Args:
            stage: What was being done, for the message.
        """
        if self._at is not None and _clock() > self._at:
            where = f" (while {stage})" if stage else ""
            raise ArticleTimeout(
                f"article took longer than its time budget of {self.budget:g} s{where}; "
                "raise Settings.article_time_budget for long or unusual texts",
                budget=self.budget or 0.0,
                stage=stage,
            )

    @contextmanager
    def paused(self) -> Iterator[None]:
        """Stop the clock for the duration (a model call): the deadline moves on by it."""
        started = _clock()
        try:
            yield
        finally:
            if self._at is not None:
                self._at += _clock() - started
