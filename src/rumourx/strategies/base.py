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

from rumourx.core.model import ModelRequest, ModelResponse
from rumourx.core.types import Usage
from rumourx.strategies.drafts import Draft

__all__ = ["ArticleJob", "Plan", "Proposal", "Strategy"]


@dataclass(frozen=True)
class ArticleJob:
    """One article to read.

    Attributes:
        text: The article text (already checked and reduced to text).
        publisher: The article's own publisher, never cited as its source.
    """

    text: str
    publisher: str | None = None


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
