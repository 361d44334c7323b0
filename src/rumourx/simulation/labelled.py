"""Labelled texts for the simulated model, and finding which one a request is about.

A labelled text is an article (or a gossip item) with its gold rumours in the
corpus format. Files are read at run time: articles as ``{"id", "text", ...}`` lines,
gold as ``{"id", "rumours"}`` lines; only ids with gold are kept, so a held-out
split is never read into memory as a labelled text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rumourx.core.errors import InputError
from rumourx.evaluation.corpus import read_jsonl
from rumourx.text.normalise import strip_invisible

__all__ = ["LabelledText", "TextIndex", "load_labelled", "squash"]

_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
_REMOVED = re.compile(r"\[removed: [^\]]*\]")


def squash(text: str) -> str:
    """Text compared loosely, as a reader sees it whatever the text layer normalised.

    NFC, no invisible characters, plain quotes and dashes, one space for any run.
    """
    text = strip_invisible(unicodedata.normalize("NFC", text))
    return " ".join(text.translate(_QUOTES).split())


@dataclass(frozen=True)
class LabelledText:
    """A text and its gold rumours (corpus format; ``evidence`` may be missing)."""

    id: str
    text: str
    rumours: tuple[Mapping[str, Any], ...]


def load_labelled(articles: str | Path, gold: str | Path) -> list[LabelledText]:
    """The texts of ``articles`` that have gold in ``gold``, in gold order.

    Raises:
        InputError: A file is missing or malformed, or a gold id has no text.
    """
    labels = {str(row["id"]): row.get("rumours") or [] for row in read_jsonl(Path(gold))}
    texts = {
        str(row["id"]): str(row.get("text", ""))
        for row in read_jsonl(Path(articles))
        if str(row["id"]) in labels
    }
    missing = [i for i in labels if i not in texts]
    if missing:
        raise InputError(f"gold ids with no text: {', '.join(missing[:5])}")
    return [LabelledText(i, texts[i], tuple(labels[i])) for i in labels]


def payload_pieces(payload: str) -> list[str]:
    """The pieces of a request's text that must come from the article, squashed."""
    pieces = []
    for line in payload.splitlines():
        for piece in _REMOVED.split(line):
            squashed = squash(piece)
            if len(squashed) >= 12:
                pieces.append(squashed)
    return pieces


class TextIndex:
    """Finds the labelled text a request's text was taken from."""

    def __init__(self, texts: Iterable[LabelledText]) -> None:
        self._texts = list(texts)
        self._squashed = [squash(t.text) for t in self._texts]

    def __len__(self) -> int:
        return len(self._texts)

    @property
    def texts(self) -> Sequence[LabelledText]:
        """Every labelled text."""
        return self._texts

    def find(self, payload: str) -> tuple[LabelledText, str] | None:
        """The labelled text holding most of ``payload`` (with its squashed form), or None."""
        pieces = payload_pieces(payload)
        if not pieces:
            return None
        best: tuple[int, int] = (0, -1)
        for index, squashed in enumerate(self._squashed):
            hits = sum(len(piece) for piece in pieces if piece in squashed)
            if hits > best[0]:
                best = (hits, index)
        total = sum(len(piece) for piece in pieces)
        if best[1] < 0 or best[0] < 0.6 * total:
            return None
        return self._texts[best[1]], self._squashed[best[1]]
