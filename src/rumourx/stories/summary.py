"""Figures over a set of stories: how many, how long, how corroborated."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

from rumourx.stories.model import Story

__all__ = ["StoriesSummary"]


@dataclass
class StoriesSummary:
    """Counts gathered as stories go by (a few numbers per story)."""

    articles_per_story: list[int] = field(default_factory=list)
    corroboration: dict[int, int] = field(default_factory=dict)
    best_tier: dict[str, int] = field(default_factory=dict)
    status: dict[str, int] = field(default_factory=dict)
    contradicted: int = 0
    no_destination: int = 0
    probability_total: float = 0.0

    def add(self, story: Story) -> None:
        """Count one story."""
        self.articles_per_story.append(len(story.timeline))
        outlets = min(story.corroboration, 5)
        self.corroboration[outlets] = self.corroboration.get(outlets, 0) + 1
        tier = str(story.best_tier) if story.best_tier is not None else "unknown"
        self.best_tier[tier] = self.best_tier.get(tier, 0) + 1
        self.status[story.status.value] = self.status.get(story.status.value, 0) + 1
        self.contradicted += bool(story.contradictions)
        self.no_destination += story.to_club is None
        self.probability_total += story.probability

    @property
    def stories(self) -> int:
        """Stories counted."""
        return len(self.articles_per_story)

    def lines(self) -> list[str]:
        """The printed summary."""
        n = self.stories
        if not n:
            return ["stories: 0"]
        per = self.articles_per_story
        multi = sum(1 for a in per if a > 1)
        corroboration = ", ".join(
            f"{'5+' if k == 5 else k} outlet{'s' if k != 1 else ''}: {v}"
            for k, v in sorted(self.corroboration.items())
        )
        tiers = ", ".join(f"{k}: {v}" for k, v in sorted(self.best_tier.items()))
        by_count = sorted(self.status.items(), key=lambda kv: -kv[1])
        statuses = ", ".join(f"{k} {v}" for k, v in by_count)
        return [
            f"stories: {n} ({self.no_destination} without a destination, "
            f"{self.contradicted} with contradictions)",
            f"articles per story: mean {statistics.fmean(per):.2f}, median "
            f"{statistics.median(per):g}, max {max(per)}; {multi} stories with 2+ articles",
            f"corroboration (independent outlets): {corroboration}",
            f"best tier: {tiers}",
            f"latest status: {statuses}",
            f"mean probability: {self.probability_total / n:.3f}",
        ]
