"""The probability that a story's move happens: a logistic model read from a data file.

The coefficients ship as ``rumourx/stories/data/probability.json`` and are
validated when loaded: the features must be exactly :data:`FEATURES`, every number
finite, every scale positive. The model is evaluated in plain Python; fitting
lives in ``scripts/fit_probability.py`` (numpy and matplotlib, outside the library).
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from rumourx.core.errors import ConfigurationError
from rumourx.stories.features import FEATURE_GROUPS, FEATURES, StoryFacts
from rumourx.stories.model import Factor

__all__ = ["Coefficient", "ProbabilityModel", "load_probability_model"]


class Coefficient(BaseModel):
    """One feature's weight, applied to ``(value - mean) / scale``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    coefficient: float
    mean: float
    scale: float = Field(gt=0)

    @field_validator("coefficient", "mean", "scale")
    @classmethod
    def _finite(cls, value: float) -> float:
        if not math.isfinite(value):
            raise ValueError("must be a finite number")
        return value


class ProbabilityModel(BaseModel):
    """A fitted logistic model over :data:`FEATURES`.

    Attributes:
        provisional: True until the final fit on the final reader replaces it.
        description: What was fitted, on what, and how it measured.
        fit: Provenance: data, split, seed, regularisation, cross-validated figures.
        intercept: Log-odds of a story with every feature at its training mean.
        features: Weight, mean and scale per feature.
        no_story_probability: For a labelled item whose player no story holds
            (used by the evaluation, not by stories).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    format: int = Field(ge=1, le=1)
    provisional: bool
    description: str
    fit: dict[str, Any] = Field(default_factory=dict)
    intercept: float
    features: dict[str, Coefficient]
    no_story_probability: float = Field(ge=0.0, le=1.0)

    @model_validator(mode="after")
    def _all_features(self) -> ProbabilityModel:
        missing = sorted(set(FEATURES) - set(self.features))
        unknown = sorted(set(self.features) - set(FEATURES))
        if missing or unknown:
            raise ValueError(
                f"coefficients must cover the features: missing {missing}, unknown {unknown}"
            )
        if not math.isfinite(self.intercept):
            raise ValueError("intercept must be a finite number")
        return self

    def effects(self, values: dict[str, float]) -> dict[str, float]:
        """Each feature's contribution to the log-odds, against the training mean."""
        return {
            name: c.coefficient * (values[name] - c.mean) / c.scale
            for name, c in self.features.items()
        }

    def probability(self, values: dict[str, float]) -> float:
        """The probability for one story's feature values."""
        logit = self.intercept + sum(self.effects(values).values())
        if logit >= 0:
            return 1.0 / (1.0 + math.exp(-logit))
        odds = math.exp(logit)
        return odds / (1.0 + odds)

    def factors(self, values: dict[str, float], facts: StoryFacts) -> list[Factor]:
        """One :class:`Factor` per feature group, largest effect first."""
        effects = self.effects(values)
        out: list[Factor] = []
        for group, names in FEATURE_GROUPS:
            effect = sum(effects[name] for name in names)
            shown = _describe(group, facts, values)
            if abs(effect) < 0.05:
                way = "hardly moves the probability"
            else:
                way = f"{'raises' if effect > 0 else 'lowers'} the probability"
            line = f"{group}: {shown} {way} ({effect:+.2f} log-odds)"
            out.append(
                Factor.model_construct(
                    feature=group, value=shown, effect=round(effect, 4), line=line
                )
            )
        return sorted(out, key=lambda f: -abs(f.effect))


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _describe(group: str, facts: StoryFacts, values: dict[str, float]) -> str:
    if group == "status":
        reached = values["reached_agreed"] and facts.status.value not in ("agreed", "completed")
        return f"latest status {facts.status.value}" + (", agreed earlier" if reached else "")
    if group == "tier":
        if facts.best_tier is None:
            return "no outlet of known tier"
        return f"best tier {facts.best_tier}"
    if group == "corroboration":
        return _plural(facts.corroboration, "independent outlet")
    if group == "articles":
        return _plural(facts.articles, "article")
    if group == "competing destinations":
        return f"{_plural(facts.competing, 'other destination')} for the player"
    if group == "time since first report":
        if facts.first_day is None or facts.reference_day is None:
            return "no dates"
        days = (facts.reference_day - facts.first_day).days
        return f"first reported {_plural(days, 'day')} before the latest report"
    if group == "transfer window":
        if facts.reference_day is None:
            return "no dates"
        days = round(values["months_to_deadline"] * 30)
        where = "inside a window" if values["in_window"] else "outside the windows"
        return f"{where}, {_plural(days, 'day')} to the next deadline"
    if group == "fee":
        return "a fee is stated" if facts.fee_stated else "no fee stated"
    if group == "contradictions":
        return "contradicted" if facts.contradicted else "no contradiction"
    if not facts.has_destination:
        return "no destination named"
    return "his own club (a stay or extension)" if facts.stays else "a move to another club"


def load_probability_model(path: Path | str | None = None) -> ProbabilityModel:
    """The shipped coefficients, or those in ``path``, validated.

    Raises:
        ConfigurationError: The file is missing or does not validate.
    """
    if path is None:
        return _shipped()
    try:
        text = Path(path).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigurationError(f"cannot read coefficients file {path}: {exc}") from exc
    return _load(text, str(path))


@lru_cache(maxsize=1)
def _shipped() -> ProbabilityModel:
    text = resources.files("rumourx.stories.data").joinpath("probability.json").read_text("utf-8")
    return _load(text, "rumourx/stories/data/probability.json")


def _load(text: str, where: str) -> ProbabilityModel:
    try:
        return ProbabilityModel.model_validate(json.loads(text))
    except ValidationError as exc:
        first = exc.errors()[0]
        at = ".".join(str(part) for part in first["loc"]) or "top level"
        message = str(first["msg"]).removeprefix("Value error, ")
        raise ConfigurationError(f"bad coefficients file {where}: {at}: {message}") from exc
    except ValueError as exc:
        raise ConfigurationError(f"bad coefficients file {where}: not JSON ({exc})") from exc
