"""One outcome per input article: a report, or a typed error. Never neither."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from rumourx.core.types import RumourReport

__all__ = ["BatchError", "BatchOutcome"]


@dataclass(frozen=True)
class BatchError:
    """Why an article has no report.

    Attributes:
        type: The error class name (``InputError``, ``ProviderError``, ...).
        message: One line saying what went wrong.
    """

    type: str
    message: str


@dataclass(frozen=True)
class BatchOutcome:
    """What became of one input article.

    Attributes:
        id: The article's id.
        report: The report, when extraction succeeded.
        error: The error, when it did not.
        cached: The report came from the cache, at no cost.
        extra: Input fields other than ``id`` and ``text``, passed through.
    """

    id: str
    report: RumourReport | None = None
    error: BatchError | None = None
    cached: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """Whether there is a report."""
        return self.report is not None

    def to_json(self) -> str:
        """The output line: ``{"id", "report"}`` or ``{"id", "error"}``, plus other input keys."""
        line: dict[str, Any] = {**self.extra, "id": self.id}
        if self.report is not None:
            line["report"] = self.report.model_dump(mode="json")
        else:
            error = self.error or BatchError("UnknownError", "no report")
            line["error"] = {"type": error.type, "message": error.message}
        return json.dumps(line, ensure_ascii=False)
