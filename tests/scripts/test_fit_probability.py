"""The fitting script on a synthetic labelled set of our own (never the BBC items)."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import pytest

pytest.importorskip("numpy")
pytest.importorskip("matplotlib")

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"
sys.path.insert(0, str(SCRIPTS))

import fit_probability  # noqa: E402

from rumourx.stories.probability import load_probability_model  # noqa: E402
from tests.stories.reports import line, rumour  # noqa: E402

SURNAMES = [
    "Harding",
    "Cole",
    "Reid",
    "Marsh",
    "Pike",
    "Vance",
    "Holt",
    "Ibe",
    "Oduya",
    "Lund",
    "Keane",
    "Voss",
    "Brandt",
    "Sousa",
    "Mendy",
    "Okafor",
    "Rossi",
    "Dahl",
    "Novak",
    "Varga",
    "Lopes",
    "Ferris",
    "Quinn",
    "Walsh",
    "Barros",
    "Kemp",
    "Lyle",
    "Moss",
    "Nash",
    "Orr",
]
CLUBS = ["Arsenal", "Chelsea", "Everton", "Leeds United", "Newcastle United", "Burnley"]


def _synthetic(tmp_path: Path) -> tuple[Path, Path]:
    """Items with labels, and the reports a reader would have written for them."""
    rng = random.Random(7)
    items, reports = [], []
    number = 0
    for surname in SURNAMES:
        player = f"Sam {surname}"
        club = rng.choice(CLUBS)
        happens = rng.random() < 0.3
        ladder = (
            ["linked", "talks", "bid", "agreed", "completed"]
            if happens
            else ["linked", "talks", "bid_rejected", "collapsed"]
        )
        for step in range(rng.randint(2, 5)):
            number += 1
            day = f"{1 + step * 3 + rng.randint(0, 2)} June 2021"
            iso = f"2021-06-{1 + step * 3 + rng.randint(0, 2):02d}"
            status = ladder[min(step, len(ladder) - 1)]
            item_id = f"syn-{number}"
            items.append(
                {
                    "id": item_id,
                    "date": day,
                    "text": f"{club} and {player}: {status}.",
                    "veracity": {player: happens if rng.random() > 0.1 else not happens},
                }
            )
            if rng.random() < 0.9:  # the reader misses some items
                reports.append(
                    line(item_id, iso, rumour(player if step % 2 else surname, club, status=status))
                )
            else:
                reports.append(line(item_id, iso))
    items_path, reports_path = tmp_path / "items.jsonl", tmp_path / "reports.jsonl"
    items_path.write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")
    reports_path.write_text("".join(json.dumps(r) + "\n" for r in reports), encoding="utf-8")
    return items_path, reports_path


def test_the_split_is_by_player_about_thirty_percent_and_fixed_by_the_seed(tmp_path: Path) -> None:
    items, _ = _synthetic(tmp_path)
    pairs = fit_probability.labelled_pairs(items)
    train, test = fit_probability.split(pairs, 1)
    assert {p.group for p in train}.isdisjoint({p.group for p in test})
    assert 0.25 <= len(test) / len(pairs) <= 0.45
    assert fit_probability.split(pairs, 1) == (train, test)
    assert fit_probability.split(pairs, 2) != (train, test)


def test_cross_validation_never_reads_the_test_split_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    items, reports = _synthetic(tmp_path)
    coefficients = tmp_path / "probability.json"
    argv = [
        "--items",
        str(items),
        "--reports",
        str(reports),
        "--coefficients",
        str(coefficients),
        "--plot",
        str(tmp_path / "plot.png"),
        "--folds",
        "3",
    ]
    assert fit_probability.main(argv) == 0
    out = capsys.readouterr().out
    assert "cross-validated figures" in out and "TEST SPLIT" not in out
    assert not coefficients.exists() and not (tmp_path / "plot.png").exists()
    assert fit_probability.main([*argv, "--write-provisional"]) == 0
    model = load_probability_model(coefficients)
    assert model.provisional and model.description.startswith("PROVISIONAL")


def test_final_writes_coefficients_evaluates_the_test_split_once_and_plots(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    items, reports = _synthetic(tmp_path)
    coefficients, plot = tmp_path / "probability.json", tmp_path / "plot.png"
    argv = [
        "--items",
        str(items),
        "--reports",
        str(reports),
        "--coefficients",
        str(coefficients),
        "--plot",
        str(plot),
        "--folds",
        "3",
        "--final",
    ]
    assert fit_probability.main(argv) == 0
    out = capsys.readouterr().out
    model = load_probability_model(coefficients)
    assert not model.provisional
    assert out.count("TEST SPLIT (evaluated once):") == 1
    for name in ("story probability", "base rate", "item's own status"):
        assert any(
            row.strip().startswith(name) and "AUC" in row and "Brier" in row
            for row in out.split("TEST SPLIT")[1].splitlines()
        )
    assert plot.read_bytes().startswith(b"\x89PNG")
