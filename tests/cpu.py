"""Busy work for tests of CPU-time budgets."""

from __future__ import annotations

import time


def burn(seconds: float) -> None:
    """Use about ``seconds`` of this thread's CPU time."""
    until = time.thread_time() + seconds
    while time.thread_time() < until:
        pass
