"""Event windows: series aligned on event dates, and the changes around each event (no streamlit, no plotting).

The anchoring rule is series_math's (rebasing uses the same one): **t = 0 is the last observation on
or before the event date**. Offsets count observations, not calendar days: for a daily price
series t = +1 is the next trading day with a price; for a monthly series it is the next month with a
figure. Missing observations are reported, never filled.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from components.event_tests import abnormal  # noqa: F401  (the public event-study API, docs/CONTRACT.md)
from components.series_math import anchor_position, clean_series, infer_frequency

ANCHOR_RULE = (
    "t = 0 is the last observation on or before the event date; offsets count observations "
    "(trading days for daily prices, months for monthly figures). Changes are measured between "
    "the observations at the two offsets; nothing is interpolated."
)
# An anchor further back than this from the event is too stale to call "the price at the event".
MAX_STALE_DAYS = {"daily": 7, "monthly": 31, "annual": 366}


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
    s = clean_series(series)
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
    s = clean_series(series)
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
