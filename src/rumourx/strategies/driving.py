"""Run a strategy's plan against a model, synchronously or asynchronously.

The plan decides what to ask; the driver only carries requests to the model and
answers back. An :class:`~rumourx.core.errors.ExtractionError` is thrown into the
plan, which may recover; any other error ends the plan and propagates.
"""

from __future__ import annotations

from typing import Any

from rumourx.core.deadline import Deadline
from rumourx.core.errors import ExtractionError
from rumourx.core.model import ModelRequest, ModelResponse, StructuredModel
from rumourx.strategies.base import Plan, Proposal

__all__ = ["adrive", "drive"]


def _advance(
    plan: Plan, outcome: ModelResponse[Any] | ExtractionError | None, model: StructuredModel | None
) -> ModelRequest[Any] | Proposal:
    """Feed the last model outcome to the plan; return its next request or its proposal."""
    try:
        if outcome is None:
            request = next(plan)
        elif isinstance(outcome, ExtractionError):
            request = plan.throw(outcome)
        else:
            request = plan.send(outcome)
    except StopIteration as done:
        proposal: Proposal = done.value
        return proposal
    if model is None:
        plan.close()
        raise RuntimeError("this strategy needs a model, but none was configured")
    return request


def drive(plan: Plan, model: StructuredModel | None, deadline: Deadline | None = None) -> Proposal:
    """Run a plan to the end, answering its requests with ``model``.

    The ``deadline``'s clock is paused while the model is asked, and checked after.
    """
    deadline = deadline if deadline is not None else Deadline.unlimited()
    outcome: ModelResponse[Any] | ExtractionError | None = None
    while True:
        step = _advance(plan, outcome, model)
        if isinstance(step, Proposal):
            return step
        assert model is not None
        deadline.check("reading the article")
        try:
            with deadline.paused():
                outcome = model.complete(step)
        except ExtractionError as exc:
            outcome = exc


async def adrive(
    plan: Plan, model: StructuredModel | None, deadline: Deadline | None = None
) -> Proposal:
    """Async twin of :func:`drive`: the same plan, awaited model calls."""
    deadline = deadline if deadline is not None else Deadline.unlimited()
    outcome: ModelResponse[Any] | ExtractionError | None = None
    while True:
        step = _advance(plan, outcome, model)
        if isinstance(step, Proposal):
            return step
        assert model is not None
        deadline.check("reading the article")
        try:
            with deadline.paused():
                outcome = await model.acomplete(step)
        except ExtractionError as exc:
            outcome = exc
