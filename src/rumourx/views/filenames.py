"""The file name of an article's evidence view, from its id: safe, stable and unique.

Article ids come from the user's input and may hold anything (``../x``, ``a/b``,
spaces, accents, 10,000 characters). A view is named ``<readable part>-<hash>.html``:
the readable part keeps the id's ASCII letters, digits, ``.``, ``_`` and ``-`` (accents
folded, everything else one ``-``, at most 48 characters, never a leading dot), and
the hash is the first 12 hex digits of the id's SHA-256, so two ids never share a
file (``A`` and ``a`` included, on a case-insensitive disk too). The name depends on
the id alone: ``evidence_view_name("s1")`` is the same on every run and machine.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

__all__ = ["evidence_view_name"]

_NOT_SAFE = re.compile(r"[^A-Za-z0-9._-]+")
_READABLE = 48


def evidence_view_name(article_id: str) -> str:
    """``s1-<12 hex digits>.html``: the file name of the evidence view of ``article_id``."""
    folded = unicodedata.normalize("NFKD", article_id).encode("ascii", "ignore").decode("ascii")
    readable = _NOT_SAFE.sub("-", folded)[:_READABLE].strip("-._") or "article"
    digest = hashlib.sha256(article_id.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return f"{readable}-{digest}.html"
