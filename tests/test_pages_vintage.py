"""AppTest: a new vintage is picked up without a restart, the as-of note names it, a claim card says which
vintage changed its verdict, and a stale series is marked under the chart that uses it."""

from __future__ import annotations

import json

from components import case as case_module
from components import data, style
from tests.apptest_helpers import app_test, texts


def name_vintage(folder, vintage: str, built: str) -> None:
    info = json.loads((folder / "snapshot.json").read_text())
    (folder / "snapshot.json").write_text(json.dumps(dict(info, vintage=vintage, built=built)))


def test_the_as_of_note_follows_a_new_vintage_without_a_restart(data_copy):
    name_vintage(data_copy, "aaaaaaaaaaaa", "2026-12-01")
    at = app_test("pages/4_Currencies.py")
    at.run()
    line = at.expander[0].label  # the as-of note: one line, its details inside
    assert "vintage aaaaaaaaaaaa" in line and "Data as of 01 Dec 2026" in line
    name_vintage(data_copy, "bbbbbbbbbbbb", "2026-12-02")  # the refresh job, in another process
    at.run()
    line = at.expander[0].label
    assert "vintage bbbbbbbbbbbb" in line and "Data as of 02 Dec 2026" in line


def test_vintage_key_changes_with_the_file(data_copy):
    name_vintage(data_copy, "cccccccccccc", "2026-12-01")
    assert data.vintage_key() == "cccccccccccc"
    name_vintage(data_copy, "dddddddddddd", "2026-12-01")
    assert data.vintage_key() == "dddddddddddd"


def test_a_claim_card_says_which_vintage_changed_its_verdict(data_copy):
    case = case_module.load_case()
    first = case.claims[0]
    record = dict(
        id="eeeeeeeeeeee",
        date="2026-12-01",
        verdict_changes=[
            dict(claim=f"{case.id}/{first.id}", was="no data", now=first.verdict.status, reason="new figures")
        ],
    )
    (data_copy / "vintages.json").write_text(json.dumps([record]))
    name_vintage(data_copy, "eeeeeeeeeeee", "2026-12-01")
    at = app_test("pages/1_Claims.py")
    at.run()
    assert not at.exception
    assert "changed with the 2026-12-01 data: was no data" in texts(at).replace("\\", "")  # escaped markdown


def test_a_stale_series_is_marked_under_its_chart():
    at = app_test("pages/2_Oil_markets.py")
    at.run()
    assert not at.exception
    shown = texts(at).replace("\\", "")
    # EIA spot in the committed snapshot, older than 12 days
    assert "Brent spot price FOB, Europe (EIA RBRTE) is stale: last figure 18 Aug 2026, usually updated weekly" in shown


def test_data_sources_shows_the_coverage_grid_and_the_vintages():
    at = app_test("pages/8_Data_sources.py")
    at.run()
    assert not at.exception
    grid = next(frame.value for frame in at.dataframe if frame.value.index.name == "month")
    assert {"Kpler (ship-tracking)", "Vortexa (ship-tracking)", "Reuters (trade/tanker data)"} <= set(grid.columns)
    assert set(grid.stack().unique()) <= {"●", "○", ""} and (grid == "").any().any(), "gaps stay visible"
    history = data.vintage_history()
    titles = [expander.label for expander in at.expander][1:]  # the first is the page's as-of line
    assert titles[0].startswith(f"{style.format_date(history[-1]['date'])} · vintage {history[-1]['id']}")
    assert "../" not in texts(at) and "shared/sources" not in texts(at)  # vintage notes in readers' words
    catalog = at.dataframe[0].value
    eia = catalog.set_index("id").loc["brent_spot_eia", "stale"]
    assert eia.endswith("is stale: last figure 18 Aug 2026, usually updated weekly")


def test_the_coverage_grid_follows_the_url():
    at = app_test("pages/8_Data_sources.py", {"data_coverage": "Russia's share of India's crude imports"})
    at.run()
    assert not at.exception
    grid = next(frame.value for frame in at.dataframe if frame.value.index.name == "month")
    assert "Government of India (DGCI&S/Commerce)" in grid.columns
