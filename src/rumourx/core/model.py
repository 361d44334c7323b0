"""The one seam between strategies and language models.

A :class:`StructuredModel` takes chat messages and a pydantic response model and
returns a validated instance plus the tokens it cost. The OpenAI-compatible provider
implements it with instructor; :mod:`rumourx.testing` ships scripted doubles.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar

from pydantic import BaseModel

from rumourx.core.types import Usage

__all__ = ["ModelRequest", "ModelResponse", "StructuredModel"]

T = TypeVar("T", bound=BaseModel)


@dataclass(frozen=True)
class ModelRequest(Generic[T]):
    """One structured-output request.

    Attributes:
        messages: OpenAI-style chat messages (``{"role": ..., "content": ...}``).
        response_model: The pydantic model the answer must validate as.
        context: Validation context passed to the response model's validators
            (the article text, for grounding checks).
    """

    messages: list[dict[str, str]]
    response_model: type[T]
    context: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ModelResponse(Generic[T]):
    """A validated answer and what it cost (all attempts included)."""

    output: T
    usage: Usage


class StructuredModel(Protocol):
    """Anything that answers a :class:`ModelRequest` with a validated object."""

    @property
    def name(self) -> str:
        """Model name, for reports and cache keys."""
        ...

    def complete(self, request: ModelRequest[T]) -> ModelResponse[T]:
        """Answer synchronously.

        Raises:
            ProviderError: The endpoint failed after bounded retries.
            ExtractionError: The output never validated.
        """
        ...

    async def acomplete(self, request: ModelRequest[T]) -> ModelResponse[T]:
        """Answer asynchronously; same contract as :meth:`complete`."""
        ...
