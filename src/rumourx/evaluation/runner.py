"""Run strategies over a labelled corpus and score them side by side."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from rumourx.core.errors import RumourxError
from rumourx.core.model import StructuredModel
from rumourx.core.settings import Settings, StrategyName
from rumourx.core.types import Usage
from rumourx.evaluation.corpus import LabelledArticle
from rumourx.evaluation.naive import NaiveStrategy
from rumourx.evaluation.scoring import Score, score_article
from rumourx.extractor import Extractor
from rumourx.strategies.base import ArticleJob
from rumourx.strategies.driving import drive
from rumourx.text.article import prepare_article

__all__ = ["StrategyResult", "evaluate"]

Progress = Callable[[str, int, int], None]


@dataclass
class StrategyResult:
    """How one strategy did on a corpus."""

    name: str
    score: Score
    seconds: float
    usage: Usage
    articles: int
    errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """Figures for JSON output."""
        per = max(self.articles, 1)
        return {
            "strategy": self.name,
            **self.score.as_dict(),
            "seconds_per_article": round(self.seconds / per, 4),
            "model_calls_per_article": round(self.usage.calls / per, 3),
            "prompt_tokens_per_article": round(self.usage.prompt_tokens / per, 1),
            "errors": len(self.errors),
        }


def _predict_naive(
    model: StructuredModel, item: LabelledArticle
) -> tuple[list[dict[str, Any]], Usage]:
    job = ArticleJob(text=prepare_article(item.article.text), publisher=item.article.publisher)
    proposal = drive(NaiveStrategy().plan(job), model)
    rumours: list[dict[str, Any]] = [
        {
            "player": d.player,
            "from_club": d.from_club,
            "to_club": d.to_club,
            "transfer_type": d.transfer_type.value,
            "status": d.status.value,
            "fee": None,
            "sources": [],
        }
        for d in proposal.drafts
    ]
    return rumours, proposal.usage


def evaluate(
    corpus: Sequence[LabelledArticle],
    strategy: StrategyName | str,
    settings: Settings,
    *,
    model: StructuredModel | None = None,
    progress: Progress | None = None,
) -> StrategyResult:
    """Extract every article with ``strategy`` and score it against the gold labels.

    Args:
        corpus: Labelled articles.
        strategy: ``llm``, ``rules``, ``hybrid`` or ``naive`` (the baseline).
        settings: Settings for the extractor (model, endpoint, limits).
        model: A structured model to use instead of building one.
        progress: Called as ``progress(strategy, done, total)``.
    """
    extractor: Extractor | None = None
    if strategy != "naive":
        extractor = Extractor(settings.model_copy(update={"strategy": strategy}), model=model)
    elif model is None:
        model = Extractor(settings.model_copy(update={"strategy": "llm"})).structured_model()
    total = Score()
    usage = Usage()
    errors: list[str] = []
    started = time.perf_counter()
    for done, item in enumerate(corpus, start=1):
        article_id = item.article.id or str(done)
        predicted: list[dict[str, Any]] = []
        try:
            if strategy == "naive":
                assert model is not None
                predicted, spent = _predict_naive(model, item)
            else:
                assert extractor is not None
                report = extractor.extract(item.article)
                predicted = [r.model_dump(mode="json") for r in report.rumours]
                spent = report.usage
            usage = usage + spent
        except RumourxError as exc:
            errors.append(f"{article_id}: {type(exc).__name__}: {exc}")
        total += score_article(item.gold, predicted, article_id=article_id)
        if progress is not None:
            progress(str(strategy), done, len(corpus))
    return StrategyResult(
        name=str(strategy),
        score=total,
        seconds=time.perf_counter() - started,
        usage=usage,
        articles=len(corpus),
        errors=errors,
    )
