"""The shipped coefficients load, validate and explain; bad files are refused."""

from __future__ import annotations

import json
import math
from datetime import date
from pathlib import Path

import pytest

from rumourx import ConfigurationError
from rumourx.core.types import Status
from rumourx.stories.features import FEATURE_GROUPS, FEATURES, StoryFacts, story_features
from rumourx.stories.probability import load_probability_model

SHIPPED = Path(__file__).resolve().parents[2] / "src/rumourx/stories/data/probability.json"


def _facts(**changes: object) -> StoryFacts:
    values: dict[str, object] = {
        "status": Status.LINKED,
        "statuses": frozenset({Status.LINKED}),
        "best_tier": 3,
        "corroboration": 1,
        "articles": 1,
        "competing": 0,
        "first_day": date(2021, 6, 1),
        "reference_day": date(2021, 6, 1),
        "fee_stated": False,
        "contradicted": False,
        "has_destination": True,
        "stays": False,
    }
    values.update(changes)
    return StoryFacts(**values)  # type: ignore[arg-type]


def test_the_shipped_coefficients_cover_every_feature_and_say_how_they_were_made() -> None:
    model = load_probability_model()
    assert set(model.features) == set(FEATURES)
    assert model.description and model.fit.get("split", {}).get("test_share") == 0.3
    assert "cv" in model.fit
    if model.provisional:
        assert model.description.startswith("PROVISIONAL")


def test_the_probability_is_the_logistic_of_the_intercept_plus_the_effects() -> None:
    model = load_probability_model()
    values = story_features(_facts())
    logit = model.intercept + sum(model.effects(values).values())
    assert model.probability(values) == pytest.approx(1 / (1 + math.exp(-logit)))
    factors = model.factors(values, _facts())
    assert [f.feature for f in factors] != []
    assert {f.feature for f in factors} == {group for group, _ in FEATURE_GROUPS}
    assert sum(f.effect for f in factors) == pytest.approx(logit - model.intercept, abs=1e-3)


def test_explanations_say_which_way_each_feature_pushes() -> None:
    model = load_probability_model()
    facts = _facts(
        status=Status.AGREED, statuses=frozenset({Status.TALKS, Status.AGREED}), corroboration=3
    )
    lines = {f.feature: f.line for f in model.factors(story_features(facts), facts)}
    assert lines["status"].startswith("status: latest status agreed ")
    assert "3 independent outlets" in lines["corroboration"]
    for factor in model.factors(story_features(facts), facts):
        way = (
            "raises" if factor.effect >= 0.05 else "lowers" if factor.effect <= -0.05 else "hardly"
        )
        assert way in factor.line


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["features"].pop("fee_stated"), "missing \\['fee_stated'\\]"),
        (
            lambda d: d["features"].update(extra={"coefficient": 1, "mean": 0, "scale": 1}),
            "unknown \\['extra'\\]",
        ),
        (lambda d: d["features"]["fee_stated"].update(scale=0), "scale"),
        (lambda d: d["features"]["fee_stated"].update(coefficient=float("nan")), "finite"),
        (lambda d: d.update(no_story_probability=1.5), "no_story_probability"),
        (lambda d: d.pop("provisional"), "provisional"),
    ],
)
def test_a_malformed_coefficients_file_is_a_configuration_error(
    tmp_path: Path, change: object, message: str
) -> None:
    data = json.loads(SHIPPED.read_text(encoding="utf-8"))
    change(data)  # type: ignore[operator]
    path = tmp_path / "coefficients.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ConfigurationError, match=message):
        load_probability_model(path)


def test_a_missing_or_broken_coefficients_file_is_a_configuration_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="cannot read"):
        load_probability_model(tmp_path / "none.json")
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    with pytest.raises(ConfigurationError, match="not JSON"):
        load_probability_model(tmp_path / "broken.json")
