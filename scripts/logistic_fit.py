"""Numerics for the story probability: L2 logistic regression, AUC, Brier, reliability plot.

Used by ``fit_probability.py``; needs numpy (and matplotlib for the plot), which the
library itself never imports: ``pip install -e '.[fit]'``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

Array = NDArray[np.float64]


@dataclass(frozen=True)
class Logistic:
    """A fitted model on standardised features: ``sigmoid(b0 + w . (x - mean) / scale)``."""

    intercept: float
    weights: Array
    mean: Array
    scale: Array

    def predict(self, x: Array) -> Array:
        """Probabilities for the rows of ``x``."""
        z = self.intercept + ((x - self.mean) / self.scale) @ self.weights
        return 1.0 / (1.0 + np.exp(-z))


def fit_logistic(x: Array, y: Array, l2: float, iterations: int = 100) -> Logistic:
    """Newton's method on the L2-penalised log-likelihood (the intercept is not penalised).

    Args:
        x: Feature rows (n, k).
        y: Labels 0/1 (n,).
        l2: Penalty on the squared weights of the standardised features.
        iterations: Upper bound on Newton steps (it converges in about ten).
    """
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    z = np.hstack([np.ones((x.shape[0], 1)), (x - mean) / scale])
    beta = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-(z @ beta)))
        gradient = z.T @ (y - p) - penalty * beta
        hessian = (z * (p * (1 - p))[:, None]).T @ z + np.diag(penalty) + 1e-9 * np.eye(len(beta))
        step = np.linalg.solve(hessian, gradient)
        beta += step
        if np.max(np.abs(step)) < 1e-8:
            break
    return Logistic(float(beta[0]), beta[1:], mean, scale)


def auc(y: Array, p: Array) -> float:
    """Area under the ROC curve (ties count half), by ranks."""
    positives = y == 1
    n_pos, n_neg = int(positives.sum()), int((~positives).sum())
    if n_pos == 0 or n_neg == 0:
        return float("nan")
    order = np.argsort(p, kind="mergesort")
    ranks = np.empty(len(p))
    sorted_p = p[order]
    i = 0
    while i < len(p):  # average ranks over ties
        j = i
        while j + 1 < len(p) and sorted_p[j + 1] == sorted_p[i]:
            j += 1
        ranks[order[i : j + 1]] = (i + j) / 2.0 + 1.0
        i = j + 1
    return float((ranks[positives].sum() - n_pos * (n_pos + 1) / 2.0) / (n_pos * n_neg))


def brier(y: Array, p: Array) -> float:
    """Mean squared error of the probabilities."""
    return float(np.mean((p - y) ** 2))


def deciles(y: Array, p: Array) -> list[tuple[float, float, int]]:
    """(mean predicted, observed rate, count) in ten bins of equal count, by prediction."""
    order = np.argsort(p, kind="mergesort")
    out = []
    for chunk in np.array_split(order, 10):
        if len(chunk):
            out.append((float(p[chunk].mean()), float(y[chunk].mean()), len(chunk)))
    return out


def reliability_plot(
    curves: dict[str, tuple[Array, Array]], path: Path, title: str
) -> list[tuple[float, float, int]]:
    """Predicted against observed, in deciles, one line per model; saved as a PNG.

    Returns:
        The deciles of the first curve.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(5.5, 5.0), dpi=120)
    axes.plot([0, 1], [0, 1], color="grey", linestyle=":", linewidth=1, label="perfect calibration")
    first: list[tuple[float, float, int]] = []
    for name, (y, p) in curves.items():
        bins = deciles(y, p)
        first = first or bins
        axes.plot([b[0] for b in bins], [b[1] for b in bins], marker="o", label=name)
    axes.set_xlabel("predicted probability (decile mean)")
    axes.set_ylabel("observed share of moves that happened")
    axes.set_xlim(0, 1)
    axes.set_ylim(0, 1)
    axes.set_title(title, fontsize=10)
    axes.legend(loc="upper left", fontsize=8)
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path)
    plt.close(figure)
    return first
