"""Fit the story probability on the BBC items' veracity labels, honestly.

    pip install -e '.[fit]'                      # numpy and matplotlib, for this script only
    python scripts/bbc_items_to_batch.py ../shared/corpus/bbc-items/items.jsonl -o /tmp/bbc-in.jsonl
    rumourx batch /tmp/bbc-in.jsonl -o /tmp/bbc-reports.jsonl --strategy rules --no-cache
    python scripts/fit_probability.py --items ../shared/corpus/bbc-items/items.jsonl \\
        --reports /tmp/bbc-reports.jsonl --exclude-ids examples/corpus/bbc-sample-gold.jsonl
    python scripts/fit_probability.py ... --write-provisional   # coefficients from the 70 %
    python scripts/fit_probability.py ... --final                # once, on the final reader

The unit is a labelled (item, player) pair. Its prediction is the probability of the
story the item's rumour belongs to, built **as of the item's date** (only articles
published up to that day, as ``rumourx stories --as-of`` does), so no later report
leaks the outcome. A random 30 % of the pairs, drawn by player (every pair of a
player surname is on one side), fixed by ``--seed``, is the test split: only
``--final`` reads it, once. Everything else (features, regularisation) is chosen by
grouped cross-validation on the other 70 %. Pairs whose player no story holds are
predicted at the training rate of such pairs (``no_story_probability``); the two
baselines are the training base rate and a model of the item's own status alone.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
from bbc_items_to_batch import iso_date
from logistic_fit import Array, Logistic, auc, brier, fit_logistic, reliability_plot

from rumourx.core.types import Status
from rumourx.evaluation.scoring import players_agree
from rumourx.stories import ReadSummary, Story, TimelineEntry, build_stories
from rumourx.stories.building import StoryBuilder
from rumourx.stories.features import FEATURE_GROUPS, FEATURES, facts_of, story_features
from rumourx.stories.merging import name_words
from rumourx.stories.probability import ProbabilityModel, load_probability_model
from rumourx.stories.reports import ReportRecord, read_reports_file

SEED = 20210201
TEST_SHARE = 0.30
L2_GRID = (1.0, 3.0, 10.0, 30.0, 100.0, 300.0)
SELECTION_L2 = 30.0
COEFFICIENTS = Path(__file__).resolve().parents[1] / "src/rumourx/stories/data/probability.json"
PLOT = Path(__file__).resolve().parents[1] / "docs/stories-reliability.png"
_RANK = {s: i for i, s in enumerate(Status)}
# Stories are built for their features only: score them with zero weights, so this
# script never depends on the coefficients it is about to replace.
_NEUTRAL = ProbabilityModel(
    format=1,
    provisional=True,
    description="zero weights, for building stories while fitting",
    intercept=0.0,
    features={name: {"coefficient": 0.0, "mean": 0.0, "scale": 1.0} for name in FEATURES},
    no_story_probability=0.5,
)
OWN_LEVELS = ("none", *(s.value for s in Status))


@dataclass(frozen=True)
class Pair:
    """A labelled (item, player) pair."""

    item: str
    player: str
    label: int
    day: str
    group: str


@dataclass(frozen=True)
class Row:
    """A pair with what the stories say about it (features None: no story holds it)."""

    pair: Pair
    features: tuple[float, ...] | None
    own: str


def labelled_pairs(items: Path) -> list[Pair]:
    """Every (item, player) with a veracity label."""
    pairs = []
    for line in items.open(encoding="utf-8"):
        if not line.strip():
            continue
        item = json.loads(line)
        for player, truth in (item.get("veracity") or {}).items():
            words = name_words(player)
            if truth is None or not words:
                continue
            group = words[-1]
            pairs.append(Pair(item["id"], player, int(bool(truth)), iso_date(item["date"]), group))
    return pairs


def split(pairs: list[Pair], seed: int) -> tuple[list[Pair], list[Pair]]:
    """(train, test): players shuffled by ``seed``; test takes them until 30 % of pairs."""
    groups = sorted({p.group for p in pairs})
    random.Random(seed).shuffle(groups)
    sizes: dict[str, int] = {}
    for pair in pairs:
        sizes[pair.group] = sizes.get(pair.group, 0) + 1
    test_groups: set[str] = set()
    taken = 0
    for group in groups:
        if taken >= TEST_SHARE * len(pairs):
            break
        test_groups.add(group)
        taken += sizes[group]
    return [p for p in pairs if p.group not in test_groups], [
        p for p in pairs if p.group in test_groups
    ]


def read_records(reports: Path) -> tuple[list[ReportRecord], ReadSummary]:
    """Every dated report, in date order."""
    summary = ReadSummary()
    records = [r for r in read_reports_file(reports, summary) if r.key is not None]
    records.sort(key=lambda r: r.key or "")
    return records, summary


def _choose(
    candidates: list[tuple[Story, TimelineEntry | None]],
) -> tuple[Story, TimelineEntry | None]:
    """The pair's story: one holding the item, else the player's latest; then the longest."""
    return max(
        candidates,
        key=lambda c: (
            c[1] is not None,
            c[0].last_reported or "",
            len(c[0].timeline),
            _RANK[c[1].status] if c[1] is not None else -1,
        ),
    )


def _rows_for(pairs: Iterable[Pair], stories: list[Story], *, by_player: bool) -> list[Row]:
    by_item: dict[str, list[tuple[Story, TimelineEntry]]] = {}
    for story in stories:
        for entry in story.timeline:
            by_item.setdefault(entry.id, []).append((story, entry))
    rows = []
    for pair in pairs:
        found: list[tuple[Story, TimelineEntry | None]] = [
            c for c in by_item.get(pair.item, []) if players_agree(c[1].player, pair.player)
        ]
        if not found and by_player:  # the reader missed the item: the player's stories
            found = [(s, None) for s in stories if players_agree(s.player, pair.player)]
        if not found:
            rows.append(Row(pair, None, "none"))
            continue
        story, own_entry = _choose(found)
        values = story_features(facts_of(story))
        own = own_entry.status.value if own_entry is not None else "none"
        rows.append(Row(pair, tuple(values[f] for f in FEATURES), own))
    return rows


def pair_rows(
    pairs: list[Pair], records: list[ReportRecord], *, full: bool = False, by_player: bool = True
) -> list[Row]:
    """Rows for ``pairs``: stories as of each item's day (``full``: the whole season).

    Reports are added day by day to one :class:`StoryBuilder`; after each day its
    stories are those ``build_stories(..., as_of=day)`` gives (tested in
    ``tests/stories/test_building.py``). A pair's story is the one holding the
    item's rumour of that player; when the reader found none in the item, and
    ``by_player``, the player's most recently reported story as of that day.
    """
    if full:
        return _rows_for(pairs, build_stories(records, model=_NEUTRAL), by_player=by_player)
    by_day: dict[str, list[Pair]] = {}
    for pair in pairs:
        by_day.setdefault(pair.day, []).append(pair)
    rows: list[Row] = []
    position = 0
    with StoryBuilder(_NEUTRAL) as builder:
        days = sorted({r.key[:10] for r in records if r.key} | set(by_day))
        for number, day in enumerate(days, start=1):
            builder.mark()
            while position < len(records) and (records[position].key or "")[:10] <= day:
                builder.add(records[position])
                position += 1
            if day in by_day:
                players = {p.player for p in by_day[day]}
                stories = builder.stories(
                    players=players if by_player else None, changed_only=not by_player
                )
                rows += _rows_for(by_day[day], stories, by_player=by_player)
            if number % 50 == 0:
                print(f"  stories as of {number}/{len(days)} days", file=sys.stderr)
    return rows


def _arrays(rows: list[Row]) -> tuple[Array, Array]:
    x = np.array([r.features for r in rows if r.features is not None], dtype=float)
    y = np.array([r.pair.label for r in rows if r.features is not None], dtype=float)
    return x.reshape(len(y), len(FEATURES)), y


def _own(rows: list[Row]) -> Array:
    return np.array([[float(r.own == level) for level in OWN_LEVELS[1:]] for r in rows])


def _columns(kept: tuple[str, ...]) -> list[int]:
    return [
        FEATURES.index(name) for group, names in FEATURE_GROUPS if group in kept for name in names
    ]


def predictions(
    train: list[Row], test: list[Row], l2: float, kept: tuple[str, ...]
) -> dict[str, Array]:
    """The model's and both baselines' probabilities for ``test``, fitted on ``train``."""
    y_train = np.array([r.pair.label for r in train], dtype=float)
    base = float(y_train.mean())
    uncovered = [r.pair.label for r in train if r.features is None]
    no_story = float(np.mean(uncovered)) if uncovered else base
    columns = _columns(kept)
    x, y = _arrays(train)
    model = fit_logistic(x[:, columns], y, l2=l2)
    story_p = np.array(
        [
            float(model.predict(np.array([r.features])[:, columns])[0])
            if r.features is not None
            else no_story
            for r in test
        ]
    )
    own = fit_logistic(_own(train), y_train, l2=1.0)
    return {
        "story probability": story_p,
        "base rate": np.full(len(test), base),
        "item's own status": own.predict(_own(test)),
    }


def _folds(rows: list[Row], k: int, seed: int) -> list[list[int]]:
    groups = sorted({r.pair.group for r in rows})
    random.Random(seed + 1).shuffle(groups)
    fold_of = {g: i % k for i, g in enumerate(groups)}
    return [[i for i, r in enumerate(rows) if fold_of[r.pair.group] == f] for f in range(k)]


def out_of_fold(
    rows: list[Row], k: int, seed: int, l2: float, kept: tuple[str, ...]
) -> list[tuple[Array, dict[str, Array]]]:
    """Per fold (grouped by player): its labels and each predictor's probabilities."""
    folds = []
    for held in _folds(rows, k, seed):
        held_set = set(held)
        fold_train = [r for i, r in enumerate(rows) if i not in held_set]
        fold_test = [rows[i] for i in held]
        y = np.array([r.pair.label for r in fold_test], dtype=float)
        folds.append((y, predictions(fold_train, fold_test, l2, kept)))
    return folds


def cross_validate(
    rows: list[Row], k: int, seed: int, l2: float, kept: tuple[str, ...]
) -> dict[str, tuple[float, float]]:
    """(AUC, Brier) per predictor over ``k`` folds grouped by player.

    AUC is the mean of the folds' AUCs (a constant predictor scores 0.5, as it
    should; pooling folds would rank their different constants); Brier is pooled.
    """
    folds = out_of_fold(rows, k, seed, l2, kept)
    names = folds[0][1]
    return {
        name: (
            float(np.mean([auc(y, p[name]) for y, p in folds])),
            sum(float(np.sum((p[name] - y) ** 2)) for y, p in folds) / len(rows),
        )
        for name in names
    }


def _print_figures(title: str, figures: dict[str, tuple[float, float]]) -> None:
    print(title)
    for name, (a, b) in figures.items():
        print(f"  {name:<20} AUC {a:.3f}   Brier {b:.4f}")


def select_groups(rows: list[Row], k: int, seed: int) -> tuple[str, ...]:
    """Backward elimination of feature groups on cross-validated Brier (status always stays).

    Starting from every group, drop the group whose removal lowers the Brier score
    most, while one does. Features of dropped groups ship with weight 0.
    """
    kept = tuple(group for group, _ in FEATURE_GROUPS)
    best = cross_validate(rows, k, seed, SELECTION_L2, kept)["story probability"][1]
    print(f"  all groups: Brier {best:.4f}")
    while len(kept) > 1:
        trials = {
            group: cross_validate(
                rows, k, seed, SELECTION_L2, tuple(g for g in kept if g != group)
            )["story probability"]
            for group in kept
            if group != "status"
        }
        group, (a, b) = min(trials.items(), key=lambda item: item[1][1])
        if b >= best:
            break
        print(f"  without {group}: AUC {a:.3f}  Brier {b:.4f}  (dropped)")
        best, kept = b, tuple(g for g in kept if g != group)
    print(f"  kept: {', '.join(kept)}")
    return kept


def choose_l2(
    rows: list[Row], k: int, seed: int, kept: tuple[str, ...]
) -> tuple[float, dict[str, tuple[float, float]]]:
    """The penalty with the best cross-validated Brier score on ``rows``."""
    results = {l2: cross_validate(rows, k, seed, l2, kept) for l2 in L2_GRID}
    for l2, figures in results.items():
        a, b = figures["story probability"]
        print(f"  L2 {l2:>6}: story probability AUC {a:.3f}  Brier {b:.4f}")
    best = min(results, key=lambda l2: results[l2]["story probability"][1])
    return best, results[best]


def write_coefficients(
    rows: list[Row],
    l2: float,
    kept: tuple[str, ...],
    path: Path,
    *,
    provisional: bool,
    fit: dict[str, object],
) -> None:
    """Fit on ``rows`` and write the shipped coefficients file."""
    x, y = _arrays(rows)
    columns = _columns(kept)
    part = fit_logistic(x[:, columns], y, l2=l2)
    weights = np.zeros(len(FEATURES))
    weights[columns] = part.weights
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    mean[columns], scale[columns] = part.mean, part.scale
    model = Logistic(part.intercept, weights, mean, scale)
    uncovered = [r.pair.label for r in rows if r.features is None]
    labels = [r.pair.label for r in rows]
    data = {
        "format": 1,
        "provisional": provisional,
        "description": (
            (
                "PROVISIONAL: fitted on today's reader; the lead refits with --final on the final "
                "reader. "
                if provisional
                else ""
            )
            + "L2 logistic regression on standardised story features, fitted on the 70 % "
            "training split of the BBC items' veracity labels (stories built as of each "
            "item's date). Feature groups that did not lower the cross-validated Brier score "
            "on that split have weight 0. Fitted by scripts/fit_probability.py."
        ),
        "fit": {
            **fit,
            "l2": l2,
            "feature_groups_kept": list(kept),
            "feature_groups_dropped": [g for g, _ in FEATURE_GROUPS if g not in kept],
            "fitted_on": str(date.today()),
        },
        "intercept": round(model.intercept, 6),
        "features": {
            name: {
                "coefficient": round(float(model.weights[i]), 6),
                "mean": round(float(model.mean[i]), 6),
                "scale": round(float(model.scale[i]), 6),
            }
            for i, name in enumerate(FEATURES)
        },
        "no_story_probability": round(
            float(np.mean(uncovered)) if uncovered else float(np.mean(labels)), 6
        ),
    }
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    shipped = load_probability_model(path)  # validates, and must agree with the fit
    x, _ = _arrays(rows)
    library = np.array([shipped.probability(dict(zip(FEATURES, row, strict=True))) for row in x])
    gap = float(np.max(np.abs(library - model.predict(x)))) if len(x) else 0.0
    if gap > 1e-4:
        raise SystemExit(f"the library disagrees with the fit by {gap:.2g}")
    print(f"coefficients written to {path} (library agrees with the fit to {gap:.1g})")


def _excluded(paths: list[Path]) -> set[str]:
    ids: set[str] = set()
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line:
                ids.add(str(json.loads(line)["id"]) if line.startswith("{") else line)
    return ids


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=Path, required=True, help="bbc-items/items.jsonl")
    parser.add_argument("--reports", type=Path, required=True, help="rumourx batch output")
    parser.add_argument(
        "--exclude-ids",
        type=Path,
        action="append",
        default=[],
        help="ids never fitted on (ids a line, or JSONL with 'id'); repeatable",
    )
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument(
        "--full-knowledge",
        action="store_true",
        help="also cross-validate on whole-season stories (leaks outcomes)",
    )
    parser.add_argument(
        "--write-provisional",
        action="store_true",
        help="write coefficients fitted on the 70 %%, marked provisional",
    )
    parser.add_argument(
        "--final",
        action="store_true",
        help="fit on the 70 %%, write coefficients, evaluate the 30 %% ONCE, plot",
    )
    parser.add_argument("--coefficients", type=Path, default=COEFFICIENTS)
    parser.add_argument(
        "--plot", type=Path, default=PLOT, help="test-split reliability plot (--final)"
    )
    parser.add_argument(
        "--cv-plot", type=Path, help="reliability plot of the cross-validated predictions"
    )
    args = parser.parse_args(argv)

    pairs = labelled_pairs(args.items)
    train_pairs, test_pairs = split(pairs, args.seed)
    excluded = _excluded(args.exclude_ids)
    fit_pairs = [p for p in train_pairs if p.item not in excluded]
    records, summary = read_records(args.reports)
    print(
        f"labelled pairs: {len(pairs)} ({sum(p.label for p in pairs)} true); "
        f"train {len(train_pairs)} ({len(train_pairs) - len(fit_pairs)} excluded ids), "
        f"test {len(test_pairs)} (seed {args.seed}, by player)"
    )
    print(f"reports: {summary.used} used, {len(records)} dated")
    rows = pair_rows(fit_pairs, records)
    covered = sum(r.features is not None for r in rows)
    print(f"training pairs with a story: {covered}/{len(rows)}")
    print(
        f"feature groups, by cross-validation on the training split ({args.folds} folds by player):"
    )
    kept = select_groups(rows, args.folds, args.seed)
    print("regularisation:")
    l2, figures = choose_l2(rows, args.folds, args.seed, kept)
    _print_figures(f"cross-validated figures, as of each item's date (L2 {l2}):", figures)
    covered_rows = [r for r in rows if r.features is not None]
    _print_figures(
        "  ... on pairs with a story only:",
        cross_validate(covered_rows, args.folds, args.seed, l2, kept),
    )
    every = tuple(group for group, _ in FEATURE_GROUPS)
    _print_figures(
        "  ... with every feature group (before selection):",
        cross_validate(rows, args.folds, args.seed, l2, every),
    )
    if args.cv_plot:
        folds = out_of_fold(rows, args.folds, args.seed, l2, kept)
        y = np.concatenate([fold_y for fold_y, _ in folds])
        pooled = {
            name: np.concatenate([p[name] for _, p in folds])
            for name in ("story probability", "item's own status")
        }
        reliability_plot(
            {name: (y, p) for name, p in pooled.items()},
            args.cv_plot,
            f"Cross-validated on the 70 % training split ({len(rows)} pairs), provisional",
        )
        print(f"cross-validated reliability plot: {args.cv_plot}")
    if args.full_knowledge:
        full_rows = pair_rows(fit_pairs, records, full=True)
        _print_figures(
            "FULL-KNOWLEDGE (whole-season stories; leaks later reports; not the figure):",
            cross_validate(full_rows, args.folds, args.seed, l2, kept),
        )
    fit = {
        "labels": "bbc-items veracity, (item, player) pairs",
        "split": {"seed": args.seed, "test_share": TEST_SHARE, "grouped_by": "player surname"},
        "train_pairs": len(rows),
        "train_pairs_with_story": covered,
        "excluded_ids": len(excluded),
        "cv": {
            name: {"auc": round(a, 4), "brier": round(b, 4)} for name, (a, b) in figures.items()
        },
    }
    if args.write_provisional and not args.final:
        write_coefficients(rows, l2, kept, args.coefficients, provisional=True, fit=fit)
    if not args.final:
        return 0
    write_coefficients(rows, l2, kept, args.coefficients, provisional=False, fit=fit)
    test_rows = pair_rows(test_pairs, records)
    y = np.array([r.pair.label for r in test_rows], dtype=float)
    predicted = predictions(rows, test_rows, l2, kept)
    shipped = load_probability_model(args.coefficients)  # evaluate exactly what ships
    predicted["story probability"] = np.array(
        [
            shipped.probability(dict(zip(FEATURES, r.features, strict=True)))
            if r.features is not None
            else shipped.no_story_probability
            for r in test_rows
        ]
    )
    test_figures = {name: (auc(y, p), brier(y, p)) for name, p in predicted.items()}
    print(
        f"test split: {len(test_rows)} pairs, {int(y.sum())} true, "
        f"{sum(r.features is not None for r in test_rows)} with a story"
    )
    _print_figures("TEST SPLIT (evaluated once):", test_figures)
    bins = reliability_plot(
        {name: (y, p) for name, p in predicted.items() if name != "base rate"},
        args.plot,
        f"Story probability on the held-out 30 % ({len(test_rows)} pairs)",
    )
    print(f"reliability plot: {args.plot}")
    for mean_p, observed, count in bins:
        print(f"  predicted {mean_p:.3f}  observed {observed:.3f}  ({count} pairs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
