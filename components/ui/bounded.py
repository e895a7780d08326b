"""Work bounded by the request's time budget (components.budget), with the stop told on the page.

`bounded(fn, *args, what="drawing the network")` runs `fn` under `budget.REQUEST_SECONDS`; past the deadline,
or when Streamlit has been asked to stop or re-run this script (the tab closed, or the user moved on), the
work stops at its next check and a warning says what was stopped and why; the caller gets None.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from components import budget, isolated


def run_stopped() -> bool:
    """Streamlit asked this script run to stop or re-run (its request state left CONTINUE)."""
    ctx = get_script_run_ctx()
    state = getattr(getattr(ctx, "script_requests", None), "_state", None)
    return state is not None and getattr(state, "name", "CONTINUE") != "CONTINUE"


def bounded(fn: Callable[..., Any], *args: Any, what: str, seconds: float = budget.REQUEST_SECONDS, **kwargs: Any):
    """`fn(*args, **kwargs)` within the time budget; None (and a warning saying so) when it was stopped."""
    try:
        with budget.within(seconds, what, should_stop=run_stopped):
            return fn(*args, **kwargs)
    except budget.BudgetExceeded as stopped:
        st.warning(str(stopped), icon=":material/timer_off:")
        return None


def isolated_or_none(fn: Callable[..., Any], *args: Any, what: str, seconds: float = budget.REQUEST_SECONDS):
    """`fn(*args)` in the worker process (components.isolated), stopped with the run; None (and a warning saying
    why) when it ran out of time or memory."""
    try:
        return isolated.run(fn, *args, seconds=seconds, what=what, should_stop=run_stopped)
    except (budget.BudgetExceeded, isolated.WorkerFailed) as stopped:
        st.warning(str(stopped), icon=":material/timer_off:")
        return None
