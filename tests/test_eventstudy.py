"""Event-study arithmetic against hand-computed values (EIA Brent, March 2025)."""

import math

import numpy as np
import pandas as pd
import pytest

from components import eventstudy, series_math
from tests.factories.charts import chart_events
from tests.factories.series import brent_march_2025, monthly_with_gaps


def test_anchor_is_last_observation_on_or_before():
    s = brent_march_2025()
    assert s.index[series_math.anchor_position(s, "2025-03-07")] == pd.Timestamp("2025-03-07")
    # Saturday 8 March: no trading, t0 is Friday 7 March
    assert s.index[series_math.anchor_position(s, "2025-03-08")] == pd.Timestamp("2025-03-07")
    assert series_math.anchor_position(s, "2025-02-01") is None


def test_event_day_change_matches_hand_computation():
    s = brent_march_2025()
    c = eventstudy.change_between(s, "2025-03-07", -1, 0)
    # 6 Mar 71.08 -> 7 Mar 72.49 (EIA): +1.41 USD, +1.9837 %
    assert c.from_date == pd.Timestamp("2025-03-06") and c.to_date == pd.Timestamp("2025-03-07")
    assert c.abs == pytest.approx(1.41, abs=1e-9)
    assert c.pct == pytest.approx((72.49 / 71.08 - 1) * 100, rel=1e-12)
    assert round(c.pct, 2) == 1.98
    assert c.missing == ""


def test_windows_count_observations_not_days():
    s = brent_march_2025()
    # t0 = 7 Mar; t+1 = Mon 10 Mar (weekend skipped), t-3 = Tue 4 Mar
    post = eventstudy.change_between(s, "2025-03-07", 0, 1)
    assert post.to_date == pd.Timestamp("2025-03-10") and post.abs == pytest.approx(71.02 - 72.49)
    pre = eventstudy.change_between(s, "2025-03-07", -3, 0)
    assert pre.from_date == pd.Timestamp("2025-03-04") and pre.pct == pytest.approx((72.49 / 72.31 - 1) * 100)


def test_missing_data_is_reported_not_hidden():
    s = brent_march_2025()
    c = eventstudy.change_between(s, "2025-03-07", 0, 5)  # only 2 observations after 7 Mar in the factory
    assert c.abs is None and "only 2 observation(s) after" in c.missing
    c = eventstudy.change_between(s, "2025-03-07", -10, 0)
    assert c.pct is None and "not enough observations before" in c.missing
    # a series that ended long before the event (like USD/RUB from the ECB, ending 2022-03-01)
    rub = pd.Series([100.0, 105.0], index=pd.DatetimeIndex(["2022-02-28", "2022-03-01"]))
    c = eventstudy.change_between(rub, "2025-03-07", -1, 0, frequency="daily")
    assert c.abs is None and "2022-03-01" in c.missing
    # ... and a stale series draws nothing in the aligned chart either
    assert eventstudy.window(rub, "2025-03-07", 5, 5).empty
    assert eventstudy.aligned_windows({"rub": rub, "brent": s}, chart_events(1), 1, 1)[
        "series_id"
    ].unique().tolist() == ["brent"]


def test_event_table_one_row_per_event_and_series():
    s = brent_march_2025()
    rub = pd.Series([100.0, 105.0], index=pd.DatetimeIndex(["2022-02-28", "2022-03-01"]))
    ev = chart_events(3)
    t = eventstudy.event_table({"brent": s, "rub": rub}, ev, before=1, after=1)
    assert len(t) == 6  # nothing dropped
    row = t[(t.event_id == "e1") & (t.series_id == "brent")].iloc[0]
    assert row.day_abs == pytest.approx(1.41) and row.t0_value == 72.49 and row.prev_value == 71.08
    assert row.post_pct == pytest.approx((71.02 / 72.49 - 1) * 100)
    # weekend event anchors to Friday: same t0 as e1
    row2 = t[(t.event_id == "e2") & (t.series_id == "brent")].iloc[0]
    assert row2.t0_date == pd.Timestamp("2025-03-07")
    # January event: factory series starts in March -> said, not hidden
    row3 = t[(t.event_id == "e3") & (t.series_id == "brent")].iloc[0]
    assert row3.missing and pd.isna(row3.day_abs)
    assert t[t.series_id == "rub"]["missing"].str.len().gt(0).all()


def test_aligned_windows_rebased_to_100_at_t0():
    s = brent_march_2025()
    a = eventstudy.aligned_windows({"brent": s}, chart_events(1), 2, 2)
    assert list(a["t"]) == [-2, -1, 0, 1, 2]
    assert a.loc[a.t == 0, "rebased"].iloc[0] == pytest.approx(100.0)
    assert a.loc[a.t == -1, "rebased"].iloc[0] == pytest.approx(71.08 / 72.49 * 100)


def test_monthly_offsets_are_months_and_gaps_not_filled():
    m = monthly_with_gaps()  # Jan, Feb, May, Jun 2024
    c = eventstudy.change_between(m, "2024-02-15", 0, 1, frequency="monthly")
    # next *observation* after Feb is May (Mar/Apr missing) -> stated by the dates, not interpolated
    assert c.to_date == pd.Timestamp("2024-05-01") and c.abs == pytest.approx(0.4)
    assert series_math.infer_frequency(m) == "monthly" and series_math.infer_frequency(brent_march_2025()) == "daily"


def test_rebase_and_monthly_arithmetic():
    s = brent_march_2025()
    r, anchor = series_math.rebase(s, "2025-03-08")
    assert anchor == pd.Timestamp("2025-03-07") and r.loc["2025-03-07"] == pytest.approx(100)
    mm = series_math.monthly_mean(s)
    assert list(mm.index) == [pd.Timestamp("2025-03-01")]
    assert mm.iloc[0] == pytest.approx(np.mean(list(s)))
    urals = pd.Series([60.0, 55.0], index=pd.DatetimeIndex(["2025-02-01", "2025-03-01"]))
    d = series_math.computed_discount(urals, s)
    assert list(d.index) == [pd.Timestamp("2025-03-01")]  # Feb has no Brent in the factory: no value
    assert d.iloc[0] == pytest.approx(55.0 - np.mean(list(s)))
    al = series_math.align_monthly(s, monthly_with_gaps())
    assert math.isnan(al.loc["2024-01-01", "daily_monthly_mean"]) and al.loc["2024-01-01", "monthly_value"] == 1.6
