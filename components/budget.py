"""A time budget per request: long work checks it and stops, with a sentence saying what was stopped.

Pure (no streamlit). A shared server runs every visitor's script in one process, so one runaway request (a
huge paste, a dense graph) slows everyone's sliders. Work that can grow with its input runs inside
`within(seconds, what)`; its loops call `check(done)` now and then (a clock read, cheap), and past the deadline
`check` raises `BudgetExceeded`, whose message names the work, the limit and how far it got. The caller shows
that message instead of a result. Code that runs outside any budget (tests, the command line) checks nothing.

`should_stop` lets the caller end the work early for its own reasons (the Streamlit helper passes "this
script run was asked to stop", so a closed or re-run tab stops its scan at the next check).
"""

from __future__ import annotations

import contextlib
import contextvars
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

REQUEST_SECONDS = 3.0  # what one request may spend on text scanning, graph building and drawing together


class BudgetExceeded(RuntimeError):
    """The request's time budget ran out (or its run was asked to stop); the message is for the user."""


@dataclass
class Budget:
    seconds: float
    what: str = "this request"
    should_stop: Callable[[], bool] | None = None
    started: float = field(default_factory=time.monotonic)

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def remaining(self) -> float:
        return max(0.0, self.seconds - self.elapsed)

    def expired(self) -> bool:
        return self.elapsed > self.seconds

    def check(self, done: str = "") -> None:
        """Raise BudgetExceeded past the deadline or when asked to stop; `done` says how far the work got."""
        progress = f" ({done})" if done else ""
        if self.should_stop is not None and self.should_stop():
            raise BudgetExceeded(f"Stopped {self.what}{progress}: the page was closed or run again.")
        if self.expired():
            raise BudgetExceeded(
                f"Stopped {self.what} after {self.seconds:g} s, the most one request may take on this server"
                f"{progress}. Try a shorter text or narrower filters."
            )


_current: contextvars.ContextVar[Budget | None] = contextvars.ContextVar("claimlens_budget", default=None)


def current() -> Budget | None:
    return _current.get()


@contextlib.contextmanager
def within(
    seconds: float = REQUEST_SECONDS, what: str = "this request", should_stop: Callable[[], bool] | None = None
) -> Iterator[Budget]:
    """Run the block under a budget. Nested budgets keep the earlier deadline (an inner block cannot extend
    the request's time); the inner `what` names the work in the message."""
    outer = _current.get()
    budget = Budget(seconds, what, should_stop)
    if outer is not None and outer.remaining() < budget.seconds:
        budget = Budget(outer.seconds, what, should_stop or outer.should_stop, started=outer.started)
    token = _current.set(budget)
    try:
        yield budget
    finally:
        _current.reset(token)


def check(done: str = "") -> None:
    """Check the current budget, if any (no budget: never raises)."""
    budget = _current.get()
    if budget is not None:
        budget.check(done)


def every(step: int, index: int, done: Callable[[], str] | str = "") -> None:
    """`check` once every `step` iterations of a loop (index 0, step, 2*step, ...), so tight loops stay fast."""
    if index % step == 0 and _current.get() is not None:
        check(done() if callable(done) else done)
