"""Read an evaluation corpus: articles and gold labels, one JSON object a line."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rumourx.core.errors import InputError
from rumourx.core.types import Article

__all__ = ["LabelledArticle", "load_corpus", "read_jsonl"]


@dataclass(frozen=True)
class LabelledArticle:
    """An article and its gold rumours."""

    article: Article
    gold: list[dict[str, Any]]


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """The objects of a JSONL file, each with an ``id``.

    Raises:
        InputError: The file is missing, a line is not JSON, or an object has no ``id``.
    """
    if not path.is_file():
        raise InputError(f"no such file: {path}")
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{number}: not JSON: {exc.msg}") from exc
        if not isinstance(row, dict) or "id" not in row:
            raise InputError(f"{path}:{number}: expected an object with an 'id'")
        rows.append(row)
    return rows


def load_corpus(articles: Path, gold: Path) -> list[LabelledArticle]:
    """The articles that have gold labels, in gold order.

    Only labelled articles are read into the result: an article without gold (a
    held-out split, say) is never extracted or shown.

    Raises:
        InputError: A file is missing or malformed, or a gold id has no article.
    """
    labels = {row["id"]: row.get("rumours", []) for row in read_jsonl(gold)}
    texts = {row["id"]: row for row in read_jsonl(articles) if row["id"] in labels}
    missing = [i for i in labels if i not in texts]
    if missing:
        raise InputError(f"gold ids with no article: {', '.join(missing[:5])}")
    return [
        LabelledArticle(
            article=Article(
                text=texts[i]["text"],
                id=i,
                title=texts[i].get("title"),
                publisher=texts[i].get("publisher"),
            ),
            gold=labels[i],
        )
        for i in labels
    ]
