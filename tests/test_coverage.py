"""Coverage figures shown on the Data & sources page."""

import pandas as pd

from components.data.coverage import count_gaps, coverage
from tests.factories.series import business_day_series, monthly_series


def test_monthly_gaps_count_missing_months():
    assert count_gaps(monthly_series(values=(1.0, None, None, 2.0)), "monthly") == 2
    assert count_gaps(monthly_series(values=(1.0, 2.0)), "monthly") == 0


def test_daily_gaps_ignore_weekends_but_count_long_breaks():
    s = business_day_series(values=range(10))
    assert count_gaps(s, "daily") == 0
    broken = pd.concat([s, pd.Series([1.0], index=[s.index.max() + pd.Timedelta(days=10)])])
    assert count_gaps(broken, "daily") == 1


def test_coverage_reports_span_rows_and_age():
    cov = coverage(
        monthly_series(start="2025-01-01", values=(1.0, 2.0, None, 3.0)), "monthly", pd.Timestamp("2025-05-01")
    )
    assert cov["first"] == pd.Timestamp("2025-01-01") and cov["last"] == pd.Timestamp("2025-04-01")
    assert (cov["rows"], cov["gaps"], cov["age_days"]) == (3, 1, 30)
    assert coverage(pd.Series(dtype=float), "daily")["rows"] == 0
