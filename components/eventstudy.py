"""Pure series arithmetic for the event study and the market charts (no streamlit, no plotting).

One anchoring rule is used everywhere (event study, rebasing): **t = 0 is the last observation on
or before the reference date**. Offsets count observations, not calendar days: for a daily price
series t = +1 is the next trading day with a price; for a monthly series it is the next month with a
figure. Missing observations are reported, never filled.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from components.event_tests import abnormal  # noqa: F401  (the public event-study API, docs/CONTRACT.md)

ANCHOR_RULE = (
    "t = 0 is the last observation on or before the event date; offsets count observations "
    "(trading days for daily prices, months for monthly figures). Changes are measured between "
    "the observations at the two offsets; nothing is interpolated."
)
REBASE_RULE = "Rebased to 100 at the last observation on or before the chosen date."
DISCOUNT_RULE = (
    "Computed discount = Urals monthly average (MinFin) minus the calendar-month mean of EIA "
    "daily Brent spot, for months where both exist (negative = Urals below Brent)."
)

# An anchor further back than this from the event is too stale to call "the price at the event".
MAX_STALE_DAYS = {"daily": 7, "monthly": 31, "annual": 366}


def _clean(series: pd.Series) -> pd.Series:
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
    s = _clean(series)
    pos = int(s.index.searchsorted(pd.Timestamp(date), side="right")) - 1
    return pos if pos >= 0 else None


def rebase(series: pd.Series, date) -> tuple[pd.Series, pd.Timestamp | None]:
    """Series * 100 / value at the anchor (last obs on or before ``date``; first obs if none before).

    Returns the rebased series and the anchor date actually used.
    """
    s = _clean(series)
    if s.empty:
        return s, None
    pos = anchor_position(s, date)
    if pos is None:
        pos = 0
    base = s.iloc[pos]
    if base == 0 or not np.isfinite(base):
        return s * np.nan, s.index[pos]
    return s * 100.0 / base, s.index[pos]


def _anchor(s: pd.Series, event_date, frequency: str | None) -> tuple[int | None, str]:
    """Anchor position, or None and why (series starts later / last observation too stale)."""
    if s.empty:
        return None, "no data in the series"
    event_date = pd.Timestamp(event_date)
    pos = anchor_position(s, event_date)
    if pos is None:
        return None, f"series starts {s.index[0]:%Y-%m-%d}, after the event"
    limit = MAX_STALE_DAYS.get(frequency or infer_frequency(s), 7)
    if (event_date - s.index[pos]).days > limit:
        return None, f"no observation within {limit} days before the event (last: {s.index[pos]:%Y-%m-%d})"
    return pos, ""


def window(series: pd.Series, event_date, before: int, after: int, *, frequency: str | None = None) -> pd.DataFrame:
    """Observations t = -before..+after around the event: columns t, date, value, rebased (t0 = 100).

    Empty when there is no anchor (or it is stale, as in ``change_between``); offsets past either end of
    the series are simply absent (``event_table`` says what is missing).
    """
    s = _clean(series)
    cols = ["t", "date", "value", "rebased"]
    pos, _ = _anchor(s, event_date, frequency)
    if pos is None:
        return pd.DataFrame(columns=cols)
    lo, hi = max(0, pos - before), min(len(s) - 1, pos + after)
    part = s.iloc[lo : hi + 1]
    base = s.iloc[pos]
    return pd.DataFrame(
        {
            "t": np.arange(lo - pos, hi - pos + 1, dtype=int),
            "date": part.index,
            "value": part.to_numpy(),
            "rebased": part.to_numpy() * 100.0 / base if base else np.nan,
        }
    )


@dataclass(frozen=True)
class Change:
    """One move between two offsets; missing says why a number could not be computed."""

    from_t: int
    to_t: int
    from_date: pd.Timestamp | None
    to_date: pd.Timestamp | None
    from_value: float | None
    to_value: float | None
    missing: str = ""

    @property
    def abs(self) -> float | None:
        if self.from_value is None or self.to_value is None:
            return None
        return self.to_value - self.from_value

    @property
    def pct(self) -> float | None:
        if self.from_value in (None, 0) or self.to_value is None:
            return None
        return (self.to_value / self.from_value - 1.0) * 100.0


def change_between(series: pd.Series, event_date, from_t: int, to_t: int, *, frequency: str | None = None) -> Change:
    """Change from offset ``from_t`` to ``to_t`` around the event (offsets in observations)."""
    s = _clean(series)
    pos, why = _anchor(s, event_date, frequency)
    if pos is None:
        return Change(from_t, to_t, None, None, None, None, why)
    i, j = pos + from_t, pos + to_t
    notes = []
    if i < 0 or j < 0:
        notes.append(f"series starts {s.index[0]:%Y-%m-%d}; not enough observations before")
    if i >= len(s) or j >= len(s):
        notes.append(f"series ends {s.index[-1]:%Y-%m-%d}; only {len(s) - 1 - pos} observation(s) after")
    if notes:

        def ok(k: int) -> bool:
            return 0 <= k < len(s)

        return Change(
            from_t,
            to_t,
            s.index[i] if ok(i) else None,
            s.index[j] if ok(j) else None,
            float(s.iloc[i]) if ok(i) else None,
            float(s.iloc[j]) if ok(j) else None,
            "; ".join(notes),
        )
    return Change(from_t, to_t, s.index[i], s.index[j], float(s.iloc[i]), float(s.iloc[j]))


def event_table(
    series_by_id: dict[str, pd.Series],
    events: pd.DataFrame,
    before: int,
    after: int,
    *,
    labels: dict[str, str] | None = None,
    units: dict[str, str] | None = None,
    frequencies: dict[str, str] | None = None,
) -> pd.DataFrame:
    """One row per event x series: event-day move (t-1 -> t0), pre-window (t-before -> t0) and
    post-window (t0 -> t+after) changes, absolute and %, with a ``missing`` column that says what
    could not be computed (rows are never dropped)."""
    labels, units, frequencies = labels or {}, units or {}, frequencies or {}
    rows = []
    for ev in events.itertuples(index=False):
        for sid, s in series_by_id.items():
            freq = frequencies.get(sid)
            day = change_between(s, ev.date, -1, 0, frequency=freq)
            pre = change_between(s, ev.date, -before, 0, frequency=freq)
            post = change_between(s, ev.date, 0, after, frequency=freq)
            missing = "; ".join(dict.fromkeys(m for m in (day.missing, pre.missing, post.missing) if m))
            t0_date = post.from_date if post.from_date is not None else pre.to_date
            t0_value = post.from_value if post.from_value is not None else pre.to_value
            rows.append(
                {
                    "event_id": ev.id,
                    "event_date": pd.Timestamp(ev.date),
                    "event": ev.title,
                    "series_id": sid,
                    "series": labels.get(sid, sid),
                    "unit": units.get(sid, ""),
                    "t0_date": t0_date,
                    "t0_value": t0_value,
                    "prev_date": day.from_date,
                    "prev_value": day.from_value,
                    "day_abs": day.abs,
                    "day_pct": day.pct,
                    "pre_from_date": pre.from_date,
                    "pre_abs": pre.abs,
                    "pre_pct": pre.pct,
                    "post_to_date": post.to_date,
                    "post_abs": post.abs,
                    "post_pct": post.pct,
                    "missing": missing,
                }
            )
    cols = [
        "event_id",
        "event_date",
        "event",
        "series_id",
        "series",
        "unit",
        "t0_date",
        "t0_value",
        "prev_date",
        "prev_value",
        "day_abs",
        "day_pct",
        "pre_from_date",
        "pre_abs",
        "pre_pct",
        "post_to_date",
        "post_abs",
        "post_pct",
        "missing",
    ]
    return pd.DataFrame(rows, columns=cols)


def aligned_windows(
    series_by_id: dict[str, pd.Series],
    events: pd.DataFrame,
    before: int,
    after: int,
    *,
    labels: dict[str, str] | None = None,
    frequencies: dict[str, str] | None = None,
) -> pd.DataFrame:
    """Long frame for the aligned chart: event_id, event, series_id, series, t, date, value, rebased.
    Event x series pairs without a (fresh) anchor contribute no rows; the table reports them."""
    labels, frequencies = labels or {}, frequencies or {}
    parts = []
    for ev in events.itertuples(index=False):
        for sid, s in series_by_id.items():
            w = window(s, ev.date, before, after, frequency=frequencies.get(sid))
            if w.empty:
                continue
            w.insert(0, "series", labels.get(sid, sid))
            w.insert(0, "series_id", sid)
            w.insert(0, "event", ev.title)
            w.insert(0, "event_id", ev.id)
            parts.append(w)
    cols = ["event_id", "event", "series_id", "series", "t", "date", "value", "rebased"]
    if not parts:
        return pd.DataFrame(columns=cols)
    return pd.concat(parts, ignore_index=True)[cols]


# ------------------------------------------------------------------------------ other arithmetic
def monthly_mean(series: pd.Series) -> pd.Series:
    """Calendar-month mean of a daily series, stamped on the 1st of the month (the catalog convention)."""
    s = _clean(series)
    if s.empty:
        return s
    out = s.groupby(s.index.to_period("M")).mean()
    out.index = out.index.to_timestamp(how="start")
    return out


def computed_discount(urals_monthly: pd.Series, brent_daily: pd.Series) -> pd.Series:
    """Urals monthly average minus the calendar-month mean of daily Brent, only where both exist."""
    u = _clean(urals_monthly)
    u.index = u.index.to_period("M").to_timestamp(how="start")
    b = monthly_mean(brent_daily)
    both = u.index.intersection(b.index)
    return (u.loc[both] - b.loc[both]).rename("urals_minus_brent_computed")


def align_monthly(daily: pd.Series, monthly: pd.Series) -> pd.DataFrame:
    """Month-by-month table for a daily price against a monthly volume: calendar-month mean of the
    daily series next to the monthly figure (months with either present; gaps stay NaN)."""
    d = monthly_mean(daily).rename("daily_monthly_mean")
    m = _clean(monthly)
    m.index = m.index.to_period("M").to_timestamp(how="start")
    m = m.rename("monthly_value")
    out = pd.concat([d, m], axis=1, sort=True)
    out.index.name = "month"
    return out
