"""The chosen case's anchor (ui.case_anchor: where market charts open, the Event study's first event) is read
once per library case, not taken out of the case cache (a copy of the whole case) on every run."""

from __future__ import annotations

import pandas as pd
from streamlit.testing.v1 import AppTest

from components import case_library
from components.case import DEFAULT_CASE, load_case
from components.ui import cases


def _script():
    import streamlit as st

    from components import ui

    for _ in range(3):
        trigger_id, date, start = ui.case_anchor()
        st.write(f"{trigger_id}|{date.date()}|{start.date()}")


def test_the_anchor_is_the_cases_trigger_and_reads_the_case_once(monkeypatch):
    loads = []
    real = cases._library_case

    def counted(*args):
        loads.append(args)
        return real(*args)

    monkeypatch.setattr(cases, "_library_case", counted)
    cases._library_trigger.clear()
    at = AppTest.from_function(_script, default_timeout=60).run()
    at = at.run()  # a second run of the page
    assert not at.exception
    case = load_case(DEFAULT_CASE, verdicts=False)
    trigger = case_library.trigger_event(case.events, case.meta.get("published"))  # computed apart
    date = pd.Timestamp(trigger["date"])
    expected = f"{trigger['id']}|{date.date()}|{case_library.chart_start(date).date()}"
    assert [m.value for m in at.markdown] == [expected] * 3
    assert loads == [(DEFAULT_CASE, False, "")]  # once, over six calls on two runs


def test_a_broken_case_gives_the_default_anchor(monkeypatch):
    def broken(*args):
        raise ValueError("events.csv: bad date")

    monkeypatch.setattr(cases, "_library_case", broken)
    cases._library_trigger.clear()
    at = AppTest.from_function(_script, default_timeout=60).run()
    assert not at.exception
    default = pd.Timestamp(cases.DEFAULT_TRIGGER)
    assert at.markdown[0].value == f"None|{default.date()}|{case_library.chart_start(default).date()}"
    cases._library_trigger.clear()
