"""Token prices, to estimate what a batch costs.

Prices are US dollars per million tokens (input, output) as published by the
providers; they change, so pass your own table (``--prices FILE`` or
``RUMOURX_PRICES``: JSON ``{"model": {"input": 0.15, "output": 0.6}}``). A model
missing from the table has no estimate rather than a wrong one.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path

from rumourx.core.errors import ConfigurationError
from rumourx.core.settings import LOCAL_MODEL_NAME
from rumourx.core.types import Usage

__all__ = ["BATCH_DISCOUNT", "DEFAULT_PRICES", "estimate_cost", "load_prices"]

#: USD per million tokens: (input, output).
DEFAULT_PRICES: dict[str, tuple[float, float]] = {
    "gpt-4o-mini": (0.15, 0.60),
    "gpt-4o": (2.50, 10.00),
    "gpt-4.1": (2.00, 8.00),
    "gpt-4.1-mini": (0.40, 1.60),
    "gpt-4.1-nano": (0.10, 0.40),
    "gpt-5-mini": (0.25, 2.00),
    "gpt-5-nano": (0.05, 0.40),
    LOCAL_MODEL_NAME: (0.0, 0.0),
}
#: Share of the price charged through a provider's Batch API.
BATCH_DISCOUNT = 0.5


def load_prices(path: str | Path | None = None) -> dict[str, tuple[float, float]]:
    """The default table, overridden by ``path`` or ``$RUMOURX_PRICES``.

    Raises:
        ConfigurationError: The file is missing or not a valid price table.
    """
    table = dict(DEFAULT_PRICES)
    source = path or os.environ.get("RUMOURX_PRICES")
    if not source:
        return table
    try:
        raw = json.loads(Path(source).read_text(encoding="utf-8"))
        for model, price in raw.items():
            table[str(model)] = (float(price["input"]), float(price["output"]))
    except (OSError, ValueError, TypeError, KeyError, AttributeError) as exc:
        raise ConfigurationError(f"cannot read prices from {source}: {exc}") from exc
    return table


def estimate_cost(
    model: str | None,
    usage: Usage,
    prices: Mapping[str, tuple[float, float]] | None = None,
    *,
    discount: float = 1.0,
) -> float | None:
    """Dollars for ``usage`` on ``model``, or None when the model has no price."""
    table = DEFAULT_PRICES if prices is None else prices
    if model is None or model not in table:
        return None
    per_input, per_output = table[model]
    dollars = (usage.prompt_tokens * per_input + usage.completion_tokens * per_output) / 1e6
    return dollars * discount
