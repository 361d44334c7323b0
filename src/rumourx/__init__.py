"""rumourx: turn football news into validated, structured transfer-rumour data.

Example:
    >>> from rumourx import extract
    >>> report = extract("Arsenal have agreed a £30m fee with Lyon for Houssem Aouar.")
    >>> [(r.player, r.to_club, r.status.value) for r in report.rumours]
    [('Houssem Aouar', 'Arsenal', 'agreed')]
"""

from rumourx.core.errors import (
    ConfigurationError,
    ExtractionError,
    InputError,
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

__version__ = "0.1.0"

__all__ = [
    "Article",
    "ConfigurationError",
    "Evidence",
    "ExtractionError",
    "Extractor",
    "Fee",
    "InputError",
    "ModelRequest",
    "ModelResponse",
    "ProviderError",
    "ProviderTimeoutError",
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
    "extract",
    "normalise_club",
    "normalise_outlet",
    "parse_fee",
]
