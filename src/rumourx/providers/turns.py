"""Turns for the CPU work of a batch's articles on one event loop, in arrival order.

A batch keeps many articles in flight on one event loop. Left alone, the loop
interleaves their CPU work: every await inside one article's preparation or
finishing lets the other articles' answers in, so a burst of answers is worked on
all at once, every article finishes late, and the next requests go out only after
the whole burst (the server then waits for us, and we for it).

:class:`Turns` orders that work. An article holds a :class:`Turn` while it uses
the CPU and lends it out while it waits on the network (:func:`lent`); the next
turn goes to whoever has waited longest, so answers are worked on in the order they
arrived, one at a time, and an article that finishes can prepare and send the next
request before the following answer is touched. Turns change only who *starts*
next: code between two awaits runs uninterrupted either way, so holding or not
holding a turn never changes what an extraction computes.

Outside a batch no turn is set, and every function here does nothing.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from contextvars import ContextVar

__all__ = ["Turn", "Turns", "current_turn", "lending", "lent", "pass_turn", "use_turn"]


class Turns:
    """First come, first served turns on one event loop; ``first=True`` jumps the queue."""

    def __init__(self) -> None:
        self._busy = False
        self._urgent: deque[asyncio.Future[None]] = deque()
        self._waiting: deque[asyncio.Future[None]] = deque()

    @property
    def busy(self) -> bool:
        """Whether some task holds the turn now."""
        return self._busy

    async def _take(self, first: bool) -> None:
        if not self._busy:
            self._busy = True
            return
        handed: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        (self._urgent if first else self._waiting).append(handed)
        try:
            await handed
        except asyncio.CancelledError:
            if handed.done() and not handed.cancelled():
                self._give()  # handed over just as we were cancelled: pass it on
            else:
                handed.cancel()  # skipped by _give
            raise

    def _give(self) -> None:
        for queue in (self._urgent, self._waiting):
            while queue:
                handed = queue.popleft()
                if not handed.done():
                    handed.set_result(None)  # the turn passes straight to the next task
                    return
        self._busy = False


class Turn:
    """One task's place in :class:`Turns`; remembers whether it holds the turn."""

    def __init__(self, turns: Turns) -> None:
        self._turns = turns
        self.held = False
        self.lending = False  # held until the request in progress is written (see lent)

    async def take(self, *, first: bool = False) -> None:
        """Wait for the turn (no-op when held); ``first`` goes before the queue."""
        if not self.held:
            await self._turns._take(first)
            self.held = True

    def give(self) -> None:
        """Hand the turn to the next task in line (no-op when not held)."""
        self.lending = False
        if self.held:
            self.held = False
            self._turns._give()


_CURRENT: ContextVar[Turn | None] = ContextVar("rumourx_turn", default=None)


def use_turn(turn: Turn) -> None:
    """Make ``turn`` the running task's turn (each asyncio task has its own context)."""
    _CURRENT.set(turn)


def current_turn() -> Turn | None:
    """The running task's turn, or None outside a batch."""
    return _CURRENT.get()


def pass_turn() -> None:
    """Give up the running task's turn, if it holds one.

    Before sleeping, say, or once the request :func:`lent` waits on is written.
    """
    turn = _CURRENT.get()
    if turn is not None:
        turn.give()


def lending() -> bool:
    """Whether the running task holds its turn only until its request is written."""
    turn = _CURRENT.get()
    return turn is not None and turn.lending


@asynccontextmanager
async def lent(*, once_sent: bool = False) -> AsyncIterator[None]:
    """Lend the running task's turn out while it waits; take it back, in line, after.

    Use around network waits: the turn is given up on entry (with ``once_sent``,
    when the caller's HTTP client reports the request written, through
    :func:`pass_turn`: the request then goes out before the next task's work) and
    waited for again on exit, behind whoever got an answer earlier.
    """
    turn = _CURRENT.get()
    if turn is None or not turn.held:
        yield
        return
    if once_sent:
        turn.lending = True
    else:
        turn.give()
    try:
        yield
    finally:
        turn.lending = False
        await turn.take()
