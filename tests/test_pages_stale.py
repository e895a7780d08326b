"""AppTest: a series whose figures end long before its usual cadence is marked stale on every page that
shows it or rests a verdict on it (Claims, Event study, Hindsight, Home), with its last figure's date; the
same series, current, is marked nowhere. The judging day is fixed so the committed data is current on it."""

from __future__ import annotations

import pandas as pd
import pytest

from components.data import staleness
from components.ui.page import AS_OF_KEY
from tests.apptest_helpers import app_test, texts
from tests.factories.snapshot import end_series_early

KPLER = "India's crude imports from Russia — Kpler (ship-tracking)"
BRENT = "Brent spot price FOB, Europe (EIA RBRTE)"
# page, URL, the series it uses, a day on which the committed series is current
PAGES = {
    "claims": ("pages/1_Claims.py", {"claims_id": "india_china_key_buyers"}, "india_imports_russia_kpler", KPLER),
    "hindsight": ("pages/7_Hindsight.py", {}, "india_imports_russia_kpler", KPLER),
    "home": ("pages/0_Home.py", {}, "india_imports_russia_kpler", KPLER),
    "event_study": ("pages/5_Event_study.py", {}, "brent_spot_eia", BRENT),
}
CURRENT_ON = {"india_imports_russia_kpler": "2026-04-15", "brent_spot_eia": "2026-08-20"}
# where the factory cuts each series, long before that day, and the last figure's date the mark then names
CUT = {"india_imports_russia_kpler": ("2024-03-31", "Mar 2024"), "brent_spot_eia": ("2021-06-30", "30 Jun 2021")}


def page_text(name: str, series_id: str, monkeypatch) -> str:
    script, params, _, _ = PAGES[name]
    monkeypatch.setattr(staleness, "judging_day", lambda: pd.Timestamp(CURRENT_ON[series_id]))
    at = app_test(script, params)
    at.run()
    assert not at.exception, at.exception
    return texts(at)


@pytest.mark.parametrize("name", list(PAGES))
def test_a_series_that_ended_long_ago_is_marked_stale_on_the_page(name, data_copy, monkeypatch):
    _, _, series_id, series_name = PAGES[name]
    cut, last_figure = CUT[series_id]
    end_series_early(data_copy, series_id, cut, vintage=f"old{name}"[:12])
    shown = page_text(name, series_id, monkeypatch)
    assert f"{series_name} is stale: last figure {last_figure}, usually updated" in shown


@pytest.mark.parametrize("name", list(PAGES))
def test_the_same_series_current_is_not_marked(name, data_copy, monkeypatch):
    _, _, series_id, series_name = PAGES[name]
    shown = page_text(name, series_id, monkeypatch)
    assert f"{series_name} is stale" not in shown


def test_the_as_of_note_counts_the_stale_series(data_copy, monkeypatch):
    monkeypatch.setattr(staleness, "judging_day", lambda: pd.Timestamp("2026-08-20"))
    end_series_early(data_copy, "brent_spot_eia", "2021-06-30", vintage="oldcount")
    at = app_test("pages/4_Currencies.py")
    at.run()
    note = at.expander[0].label  # the as-of line
    assert "series are stale (marked where they are used)" in note
    stale = int(note.split(" series are stale")[0].rsplit(" · ", 1)[-1].split(" of ")[0])
    assert stale >= 1


def test_the_as_of_details_are_sent_only_once_opened():
    at = app_test("pages/4_Currencies.py")
    at.run()
    closed = at.expander[0]
    assert "Data as of" in closed.label and not closed.children, "closed, the details are not built"
    at.session_state[AS_OF_KEY] = True  # what opening it does (Streamlit reruns the page)
    at.run()
    assert not at.exception
    shown = " ".join(str(getattr(child, "value", "")) for child in at.expander[0].children.values())
    assert "Vintage" in shown and "Data & sources" in shown, "opened, the vintage and the link to the catalog"
