"""Series arithmetic shared by the market charts, the event study and the pages (pure: no streamlit, no plots).

One anchoring rule is used everywhere (rebasing, event windows): **the anchor is the last observation on or
before the reference date**. Nothing here fills a gap: a month without a figure stays absent.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

REBASE_RULE = "Rebased to 100 at the last observation on or before the chosen date."
DISCOUNT_RULE = (
    "Computed discount = Urals monthly average (MinFin) minus the calendar-month mean of EIA "
    "daily Brent spot, for months where both exist (negative = Urals below Brent)."
)


def clean_series(series: pd.Series) -> pd.Series:
    """Floats on a sorted DatetimeIndex, missing values dropped."""
    s = pd.Series(series, dtype="float64").dropna()
    s.index = pd.DatetimeIndex(s.index)
    return s.sort_index()


def infer_frequency(series: pd.Series) -> str:
    """'daily' | 'monthly' | 'annual' from the median spacing (used when no catalog frequency is given)."""
    idx = pd.DatetimeIndex(series.dropna().index).sort_values()
    if len(idx) < 2:
        return "daily"
    gap = float(np.median(np.diff(idx.values).astype("timedelta64[D]").astype(float)))
    if gap >= 300:
        return "annual"
    if gap >= 25:
        return "monthly"
    return "daily"


def anchor_position(series: pd.Series, date) -> int | None:
    """Position of the last observation on or before ``date`` in the cleaned series, or None."""
    s = clean_series(series)
    pos = int(s.index.searchsorted(pd.Timestamp(date), side="right")) - 1
    return pos if pos >= 0 else None


def rebase(series: pd.Series, date) -> tuple[pd.Series, pd.Timestamp | None]:
    """Series * 100 / value at the anchor (last obs on or before ``date``; first obs if none before).

    Returns the rebased series and the anchor date actually used.
    """
    s = clean_series(series)
    if s.empty:
        return s, None
    pos = anchor_position(s, date)
    if pos is None:
        pos = 0
    base = s.iloc[pos]
    if base == 0 or not np.isfinite(base):
        return s * np.nan, s.index[pos]
    return s * 100.0 / base, s.index[pos]


def monthly_mean(series: pd.Series) -> pd.Series:
    """Calendar-month mean of a daily series, stamped on the 1st of the month (the catalog convention)."""
    s = clean_series(series)
    if s.empty:
        return s
    out = s.groupby(s.index.to_period("M")).mean()
    out.index = out.index.to_timestamp(how="start")
    return out


def _on_month_start(series: pd.Series) -> pd.Series:
    s = clean_series(series)
    s.index = s.index.to_period("M").to_timestamp(how="start")
    return s


def computed_discount(urals_monthly: pd.Series, brent_daily: pd.Series) -> pd.Series:
    """Urals monthly average minus the calendar-month mean of daily Brent, only where both exist."""
    u = _on_month_start(urals_monthly)
    b = monthly_mean(brent_daily)
    both = u.index.intersection(b.index)
    return (u.loc[both] - b.loc[both]).rename("urals_minus_brent_computed")


def align_monthly(daily: pd.Series, monthly: pd.Series) -> pd.DataFrame:
    """Month-by-month table for a daily price against a monthly volume: calendar-month mean of the
    daily series next to the monthly figure (months with either present; gaps stay NaN)."""
    d = monthly_mean(daily).rename("daily_monthly_mean")
    m = _on_month_start(monthly).rename("monthly_value")
    out = pd.concat([d, m], axis=1, sort=True)
    out.index.name = "month"
    return out
