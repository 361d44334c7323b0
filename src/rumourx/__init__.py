"""rumourx: turn football news into validated, structured transfer-rumour data.

Example:
    >>> from rumourx import extract
    >>> report = extract("Arsenal have agreed a £30m fee with Lyon for Houssem Aouar.")
    >>> [(r.player, r.to_club, r.status.value) for r in report.rumours]
    [('Houssem Aouar', 'Arsenal', 'agreed')]
"""

from rumourx._version import __version__
from rumourx.batch.cache import ReportCache
from rumourx.batch.outcomes import BatchError, BatchOutcome
from rumourx.batch.runner import aextract_many, extract_many
from rumourx.core.errors import (
    ConfigurationError,
    ExtractionError,
    InputError,
    OutputError,
    ProviderError,
    ProviderTimeoutError,
    RumourxError,
)
from rumourx.core.model import ModelRequest, ModelResponse, StructuredModel
from rumourx.core.settings import Settings
from rumourx.core.types import (
    Article,
    Evidence,
    Fee,
    RumourReport,
    Status,
    TransferRumour,
    TransferType,
    Usage,
)
from rumourx.extractor import Extractor, aextract, extract
from rumourx.knowledge.clubs import normalise_club
from rumourx.knowledge.fees import parse_fee
from rumourx.knowledge.outlets import normalise_outlet

__all__ = [
    "Article",
    "BatchError",
    "BatchOutcome",
    "ConfigurationError",
    "Evidence",
    "ExtractionError",
    "Extractor",
    "Fee",
    "InputError",
    "ModelRequest",
    "ModelResponse",
    "OutputError",
    "ProviderError",
    "ProviderTimeoutError",
    "ReportCache",
    "RumourReport",
    "RumourxError",
    "Settings",
    "Status",
    "StructuredModel",
    "TransferRumour",
    "TransferType",
    "Usage",
    "__version__",
    "aextract",
    "aextract_many",
    "extract",
    "extract_many",
    "normalise_club",
    "normalise_outlet",
    "parse_fee",
]
