"""Shared fixtures: the seed article, the project's own articles, cassette checks."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
OWN_CORPUS = ROOT / "examples" / "corpus"
CASSETTES = ROOT / "cassettes"


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@pytest.fixture(scope="session")
def own_articles() -> dict[str, dict[str, Any]]:
    """The articles this project wrote itself, by id."""
    return {row["id"]: row for row in read_jsonl(OWN_CORPUS / "articles.jsonl")}


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The reference article, read at run time from the shared corpus."""
    path = SHARED_CORPUS / "articles.jsonl"
    if not path.is_file():
        pytest.skip("../shared/corpus is not present")
    for row in read_jsonl(path):
        if row["id"] == "seed-ramos-juventus":
            return str(row["text"])
    pytest.skip("the seed article is missing from the shared corpus")


@pytest.fixture(scope="module")
def vcr_config() -> dict[str, Any]:
    """Cassettes replay in order, match on method and path, and never hold secrets."""
    return {
        "match_on": ["method", "path"],
        "filter_headers": [
            "authorization",
            "api-key",
            "x-api-key",
            "openai-organization",
            "openai-project",
            "cookie",
            "set-cookie",
        ],
        "decode_compressed_response": True,
        "allow_playback_repeats": False,
    }


@pytest.fixture(scope="module")
def vcr_cassette_dir(request: pytest.FixtureRequest) -> str:
    return str(CASSETTES / request.module.__name__.split(".")[-1])


@pytest.fixture(autouse=True)
def _every_recording_played(vcr: Any, record_mode: str) -> Iterator[None]:
    """A cassette test fails when the code no longer makes a recorded request."""
    yield
    if vcr is not None and record_mode == "none":
        unplayed = len(vcr.data) - vcr.play_count
        assert unplayed == 0, f"{unplayed} recorded request(s) were never made"


@pytest.fixture
def loopback() -> None:
    """Skip when this machine cannot listen on 127.0.0.1 (a network namespace with lo down)."""
    import socket

    try:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            probe.listen(1)
            with socket.create_connection(probe.getsockname(), timeout=1):
                pass
    except OSError as exc:
        pytest.skip(f"loopback networking is unavailable: {exc}")
