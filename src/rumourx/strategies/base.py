"""The strategy interface: a plan that asks a model questions, without doing I/O.

A strategy's :meth:`Strategy.plan` is a generator. It yields
:class:`~rumourx.core.model.ModelRequest` objects and receives the matching
:class:`~rumourx.core.model.ModelResponse` back; it returns a :class:`Proposal`.
The extractor drives the same plan synchronously or asynchronously, so no strategy
is written twice, and a strategy that asks nothing (``rules``) never touches I/O.
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass, field
from typing import Any, Protocol

from rumourx.core.deadline import Deadline
from rumourx.core.model import ModelRequest, ModelResponse
from rumourx.core.types import Usage
from rumourx.strategies.article_index import ArticleIndex
from rumourx.strategies.drafts import Draft

__all__ = ["ArticleJob", "Plan", "Proposal", "Strategy"]


@dataclass(frozen=True)
class ArticleJob:
    """One article to read.

    Attributes:
        text: The article text (already checked and reduced to text).
        publisher: The article's own publisher, never cited as its source.
        deadline: When work on the article must end (``Settings.article_time_budget``).
        index: What the pipeline asks of the text, each answer worked out once.
    """

    text: str
    publisher: str | None = None
    deadline: Deadline = field(default_factory=Deadline.unlimited, compare=False, repr=False)
    index: ArticleIndex = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "index", ArticleIndex(self.text, self.deadline))

    def check(self, stage: str = "") -> None:
        """Raise :class:`~rumourx.core.errors.ArticleTimeout` once the budget is spent.

        One clock read: cheap enough for a long loop to call on every pass.
        """
        self.deadline.check(stage)


@dataclass
class Proposal:
    """What a strategy proposes for one article, before finishing."""

    drafts: list[Draft] = field(default_factory=list)
    usage: Usage = field(default_factory=Usage)
    warnings: list[str] = field(default_factory=list)


Plan = Generator[ModelRequest[Any], ModelResponse[Any], Proposal]


class Strategy(Protocol):
    """An extraction strategy."""

    name: str

    def plan(self, job: ArticleJob) -> Plan:
        """Yield model requests as needed; return the proposal."""
        ...
