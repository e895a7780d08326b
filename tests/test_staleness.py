"""Staleness by cadence and the month x provider coverage grid."""

import pandas as pd

from components.data.coverage import FINAL, FLAGGED, GAP, coverage_grid, measure_groups
from components.data.staleness import cadence_days, stale_sentence, staleness

EIA = {"provider": "U.S. Energy Information Administration (EIA)", "frequency": "daily"}


def test_a_daily_series_older_than_its_cadence_is_stale_with_its_last_date():
    fresh = staleness(EIA, "2026-08-18", today="2026-08-25")
    assert not fresh["stale"] and fresh["text"] == ""
    old = staleness(EIA, "2026-08-18", today="2026-12-01")
    assert old["stale"] and old["age_days"] == 105
    assert old["text"] == "is stale: last figure 18 Aug 2026, usually updated weekly"
    named = dict(EIA, name="Brent spot")
    assert stale_sentence(named, "2026-08-18", today="2026-12-01") == (
        "Brent spot is stale: last figure 18 Aug 2026, usually updated weekly"
    )
    assert stale_sentence(named, "2026-08-18", today="2026-08-25") == ""


def test_a_monthly_value_counts_from_the_end_of_its_month():
    meta = {"frequency": "monthly", "provider": "Kpler (ship-tracking)"}
    assert cadence_days(meta) == 75
    assert not staleness(meta, "2026-02-01", today="2026-05-01")["stale"]  # 61 days after 28 Feb
    assert staleness(meta, "2026-02-01", today="2026-06-01")["text"] == (
        "is stale: last figure Feb 2026, usually updated within 75 days of the month's end"
    )


def test_a_record_can_state_its_own_cadence_and_live_series_are_never_stale():
    assert cadence_days({"frequency": "daily", "cadence_days": "30"}) == 30
    assert not staleness({"origin": "live-only", "frequency": "daily"}, None)["stale"]


def points(months, flags=None):
    flags = flags or {}
    days = pd.to_datetime([f"{m}-01" for m in months])
    return pd.DataFrame({"date": days, "flag": [flags.get(m, "") for m in months], "used": True})


def test_the_grid_marks_final_flagged_and_gaps_per_month_and_provider():
    grid = coverage_grid(
        {
            "Kpler": points(["2025-01", "2025-03"], {"2025-03": "partial"}),
            "Vortexa": points(["2025-02"]),
        }
    )
    assert list(grid.index) == ["2025-01", "2025-02", "2025-03"]
    assert list(grid["Kpler"]) == [FINAL, GAP, FLAGGED]
    assert list(grid["Vortexa"]) == [GAP, FINAL, GAP]


def test_measures_group_providers_by_the_name_before_the_dash():
    catalog = pd.DataFrame(
        {
            "id": ["a_kpler", "a_vortexa", "b"],
            "name": ["Imports — Kpler", "Imports — Vortexa", "Brent spot"],
            "provider": ["Kpler", "Vortexa", "EIA"],
            "frequency": ["monthly", "monthly", "daily"],
            "origin": "snapshot",
        }
    )
    assert measure_groups(catalog) == {"Imports": {"Kpler": "a_kpler", "Vortexa": "a_vortexa"}}


def test_a_series_the_publisher_ended_says_so_instead_of_stale():
    meta = {"provider": "European Central Bank", "frequency": "daily", "ended": "2022-03-01"}
    result = staleness(meta, "2022-03-01", today="2026-12-01")
    assert not result["stale"] and result["text"].startswith("has ended: the publisher stopped it")
