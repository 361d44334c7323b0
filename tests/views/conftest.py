"""A headless Chromium shared by the view tests; they skip, with the reason, without one.

``.ci/run`` sets ``RUMOURX_REQUIRE_BROWSER=1``: there, a missing browser fails.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

from rumourx import RumourReport, extract
from tests.views.browser import Browser, chromium, unavailable_reason


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    reason = unavailable_reason()
    if reason:
        if os.environ.get("RUMOURX_REQUIRE_BROWSER") == "1":
            pytest.fail(f"RUMOURX_REQUIRE_BROWSER=1 but {reason}")
        pytest.skip(reason)
    with chromium() as running:
        yield running


@pytest.fixture(scope="session")
def long_article(own_articles: dict[str, dict[str, Any]]) -> tuple[str, RumourReport]:
    """Over 100 KB of our own articles back to back, and what rumourx found in it."""
    parts, size = [], 0
    while size < 100_000:
        for row in own_articles.values():
            parts.append(row["text"])
            size += len(row["text"]) + 2
    text = "\n\n".join(parts)
    return text, extract(text)
