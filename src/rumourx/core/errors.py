"""The rumourx exception hierarchy, in one place.

Every error rumourx raises on purpose derives from :class:`RumourxError`::

    RumourxError
    ├── ConfigurationError          settings that cannot work (missing model, extra not installed)
    ├── InputError (ValueError)     the article itself is unusable (empty, binary, too large)
    ├── OutputError                 a batch output that cannot be used or written
    ├── ProviderError               the model endpoint failed after bounded retries
    │   └── ProviderTimeoutError    ... because it did not answer in time
    └── ExtractionError             the model answered, but never with valid output

Lower-level exceptions (openai, httpx2, instructor, pydantic) are translated at the
boundary with ``raise ... from exc`` so the original stays available as ``__cause__``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rumourx.core.types import Usage

__all__ = [
    "ConfigurationError",
    "ExtractionError",
    "InputError",
    "OutputError",
    "ProviderError",
    "ProviderTimeoutError",
    "RumourxError",
]


class RumourxError(Exception):
    """Root of every error rumourx raises on purpose."""


class ConfigurationError(RumourxError):
    """The settings cannot work: say what to set or install."""


class InputError(RumourxError, ValueError):
    """The input article is unusable (wrong type, empty, binary, too large)."""


class OutputError(RumourxError):
    """A batch output that cannot be used or written.

    It is the input itself, not rumourx output, locked by another run, or not
    writable (a read-only or full disk, a closed pipe).
    """


class ProviderError(RumourxError):
    """The model endpoint failed after bounded retries.

    Attributes:
        status_code: The last HTTP status, if the endpoint answered at all.
        attempts: How many requests were made before giving up.
    """

    def __init__(self, message: str, *, status_code: int | None = None, attempts: int = 0):
        super().__init__(message)
        self.status_code = status_code
        self.attempts = attempts


class ProviderTimeoutError(ProviderError):
    """The model endpoint did not answer within the timeout."""


class ExtractionError(RumourxError):
    """The model answered, but its output never validated.

    Attributes:
        raw_output: The last raw model output, as text (may be empty).
        attempts: How many model calls were made, re-asks included.
        usage: Tokens spent on the failed extraction.
    """

    def __init__(
        self,
        message: str,
        *,
        raw_output: str = "",
        attempts: int = 0,
        usage: Usage | None = None,
    ):
        super().__init__(message)
        self.raw_output = raw_output
        self.attempts = attempts
        self.usage = usage
