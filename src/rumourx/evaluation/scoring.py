"""Score predicted rumours against gold ones.

Rules (from the corpus README): a prediction matches a gold rumour when the player
agrees (one name's surname is among the other's words, accent- and
case-insensitive) and ``to_club`` agrees after club-alias normalisation. Over
matched pairs: accuracy of ``from_club``, ``transfer_type``, ``status``,
``fee.amount`` (within 2 %), ``fee.currency`` and ``sources`` (at least one gold
source named, ignoring case and spacing). On articles with no gold rumour, every
predicted rumour counts as invented.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from rumourx.knowledge.clubs import club_index
from rumourx.knowledge.folding import fold

__all__ = ["FIELDS", "Score", "players_agree", "score_article", "score_corpus"]

FIELDS = ("from_club", "transfer_type", "status", "fee_amount", "fee_currency", "sources")
Rumour = Mapping[str, Any]


def _words(name: str) -> list[str]:
    return re.findall(r"[\w'-]+", fold(name))


def players_agree(a: str, b: str) -> bool:
    """One name's surname is among the other's words."""
    wa, wb = _words(a), _words(b)
    return bool(wa and wb) and (wa[-1] in wb or wb[-1] in wa)


def _club(name: Any) -> str | None:
    if not name:
        return None
    return club_index().normalise(str(name))


def _fee_field(rumour: Rumour, key: str) -> Any:
    fee = rumour.get("fee")
    return fee.get(key) if isinstance(fee, Mapping) else None


def _amount_ok(gold: Any, pred: Any) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    return abs(float(pred) - float(gold)) <= 0.02 * abs(float(gold))


def _squash(name: str) -> str:
    return re.sub(r"\s+", "", str(name)).lower()


def _sources_ok(gold: Sequence[str], pred: Sequence[str]) -> bool:
    if not gold:
        return not pred
    wanted = {_squash(g) for g in gold}
    return any(_squash(p) in wanted for p in pred)


def _field_checks(gold: Rumour, pred: Rumour) -> dict[str, bool]:
    return {
        "from_club": _club(gold.get("from_club")) == _club(pred.get("from_club")),
        "transfer_type": gold.get("transfer_type") == pred.get("transfer_type"),
        "status": gold.get("status") == pred.get("status"),
        "fee_amount": _amount_ok(_fee_field(gold, "amount"), _fee_field(pred, "amount")),
        "fee_currency": _fee_field(gold, "currency") == _fee_field(pred, "currency"),
        "sources": _sources_ok(gold.get("sources") or [], pred.get("sources") or []),
    }


@dataclass
class Score:
    """Counts that add up across articles."""

    true_positives: int = 0
    predicted: int = 0
    gold: int = 0
    invented_on_negatives: int = 0
    negative_articles: int = 0
    field_hits: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    misses: list[str] = field(default_factory=list)

    def __iadd__(self, other: Score) -> Score:
        self.true_positives += other.true_positives
        self.predicted += other.predicted
        self.gold += other.gold
        self.invented_on_negatives += other.invented_on_negatives
        self.negative_articles += other.negative_articles
        for name in FIELDS:
            self.field_hits[name] += other.field_hits[name]
        self.misses.extend(other.misses)
        return self

    @property
    def precision(self) -> float:
        """Matched predictions over predictions."""
        return self.true_positives / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        """Matched gold rumours over gold rumours."""
        return self.true_positives / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def accuracy(self, name: str) -> float:
        """Share of matched pairs whose ``name`` field agrees."""
        return self.field_hits[name] / self.true_positives if self.true_positives else 0.0

    def as_dict(self) -> dict[str, Any]:
        """Figures for JSON output."""
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "matched": self.true_positives,
            "predicted": self.predicted,
            "gold": self.gold,
            "accuracy": {name: round(self.accuracy(name), 4) for name in FIELDS},
            "invented_on_negatives": self.invented_on_negatives,
            "negative_articles": self.negative_articles,
        }


def score_article(
    gold: Sequence[Rumour], predicted: Sequence[Rumour], *, article_id: str = ""
) -> Score:
    """Match one article's predictions to its gold rumours, greedily, one to one."""
    score = Score(predicted=len(predicted), gold=len(gold))
    if not gold:
        score.negative_articles = 1
        score.invented_on_negatives = len(predicted)
    unused = list(range(len(predicted)))
    for g in gold:
        match = next(
            (
                i
                for i in unused
                if players_agree(str(g["player"]), str(predicted[i]["player"]))
                and _club(g.get("to_club")) == _club(predicted[i].get("to_club"))
            ),
            None,
        )
        if match is None:
            score.misses.append(f"{article_id}: missed {g['player']} -> {g.get('to_club')}")
            continue
        unused.remove(match)
        score.true_positives += 1
        for name, ok in _field_checks(g, predicted[match]).items():
            score.field_hits[name] += ok
            if not ok:
                score.misses.append(
                    f"{article_id}: {g['player']} -> {g.get('to_club')}: {name} "
                    f"gold={_show(g, name)} got={_show(predicted[match], name)}"
                )
    for i in unused:
        p = predicted[i]
        score.misses.append(f"{article_id}: extra {p['player']} -> {p.get('to_club')}")
    return score


def _show(rumour: Rumour, name: str) -> Any:
    if name.startswith("fee_"):
        return _fee_field(rumour, name[4:])
    return rumour.get(name)


def score_corpus(
    gold: Mapping[str, Sequence[Rumour]], predicted: Mapping[str, Sequence[Rumour]]
) -> Score:
    """Score every gold article; an article with no prediction predicted nothing."""
    total = Score()
    for article_id, rumours in gold.items():
        total += score_article(rumours, predicted.get(article_id, []), article_id=article_id)
    return total
