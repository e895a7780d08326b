"""Coverage figures for the Data & sources page: span, rows, gaps, freshness (pure pandas)."""
from __future__ import annotations

import pandas as pd


def count_gaps(series: pd.Series, frequency: str) -> int:
    """Missing periods inside the series' own span: months for monthly, years for annual, and for daily data
    the breaks of more than 4 calendar days (longer than a weekend plus a holiday)."""
    if len(series) < 2:
        return 0
    index = pd.DatetimeIndex(series.index).sort_values()
    if frequency == "monthly":
        months = index.year * 12 + index.month
        return int(months.max() - months.min() + 1 - len(set(months)))
    if frequency == "annual":
        return int(index.year.max() - index.year.min() + 1 - len(set(index.year)))
    steps = pd.Series(index[1:] - index[:-1])
    return int((steps > pd.Timedelta(days=4)).sum())


def coverage(series: pd.Series, frequency: str, today: pd.Timestamp | None = None) -> dict:
    """First/last date, rows, gaps and age in days of the newest point."""
    today = pd.Timestamp(today or pd.Timestamp.today()).normalize()
    if series.empty:
        return dict(first=pd.NaT, last=pd.NaT, rows=0, gaps=0, age_days=None)
    last = series.index.max()
    return dict(first=series.index.min(), last=last, rows=int(len(series)), gaps=count_gaps(series, frequency),
                age_days=int((today - last).days))
