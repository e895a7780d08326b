"""The per-request time budget: work inside `within` stops at the deadline with a message in words; outside
any budget nothing is checked; an inner budget cannot extend the request's deadline."""

from __future__ import annotations

import time

import pytest

from components import budget


def spin(seconds: float) -> int:
    """A runaway loop that checks the budget every 100 iterations; returns how many it did."""
    end, n = time.monotonic() + seconds, 0
    while time.monotonic() < end:
        budget.every(100, n, lambda n=n: f"{n:,} steps done")
        n += 1
    return n


def test_runaway_work_stops_at_the_deadline_and_says_so():
    started = time.monotonic()
    with pytest.raises(budget.BudgetExceeded) as err, budget.within(0.2, "scanning the text"):
        spin(5.0)
    took = time.monotonic() - started
    assert took < 0.5, f"the budget stopped the work after {took:.2f} s, not 0.2 s"
    message = str(err.value)
    assert message.startswith("Stopped scanning the text after 0.2 s") and "steps done" in message


def test_no_budget_means_no_check():
    assert budget.current() is None
    budget.check("anything")
    assert spin(0.05) > 0


def test_an_inner_budget_keeps_the_outer_deadline():
    with budget.within(0.2, "this request") as outer:
        time.sleep(0.15)
        with budget.within(10, "drawing the graph") as inner:
            assert inner.remaining() <= outer.remaining() + 1e-3 < 0.1
            with pytest.raises(budget.BudgetExceeded, match="Stopped drawing the graph after 0.2 s"):
                spin(1.0)
    assert budget.current() is None


def test_a_stop_request_ends_the_work_at_the_next_check():
    asked = {"stop": False}
    with budget.within(10, "scanning the text", should_stop=lambda: asked["stop"]):
        budget.check()
        asked["stop"] = True
        with pytest.raises(budget.BudgetExceeded, match="closed or run again"):
            budget.check("40 of 900 sentences")


def test_a_page_says_when_its_work_was_stopped():
    """ui.bounded: past the budget the page shows what was stopped and why, and goes on (no exception)."""
    from streamlit.testing.v1 import AppTest

    def script():
        import time as clock

        import streamlit as st

        from components import budget as request_budget
        from components import ui

        def runaway():
            while True:
                clock.sleep(0.01)
                request_budget.check("still going")

        result = ui.bounded(runaway, what="drawing the network", seconds=0.2)
        st.write(f"after: {result}")

    at = AppTest.from_function(script, default_timeout=30).run()
    assert not at.exception
    assert any("Stopped drawing the network after 0.2 s" in w.value for w in at.warning), [w.value for w in at.warning]
    assert any("after: None" in m.value for m in at.markdown)
