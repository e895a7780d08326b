"""Staleness: each series' usual cadence, and whether its newest value is older than that.

The cadence is how long a reader normally waits for the next value, publication lag included: EIA posts
its daily spot prices once a week, the ECB every business day by 16:00 CET, monthly trade figures appear
some weeks after their month ends. A series whose newest value is older than its cadence is marked stale
wherever it is shown, with its last date, so an old line is never mistaken for a quiet market.
"""

from __future__ import annotations

import pandas as pd

# days a reader normally waits for the next value, by frequency, with the publishers' lag
CADENCE_DAYS = {"daily": 7, "weekly": 14, "monthly": 75, "quarterly": 150, "annual": 500}
# where a publisher's own rhythm differs from its frequency's default
CADENCE_BY_PROVIDER = {"U.S. Energy Information Administration (EIA)": 12, "European Central Bank": 5}


def cadence_days(meta: dict) -> int:
    """The usual wait for the next value of this series (a `cadence_days` field in its record wins)."""
    given = meta.get("cadence_days")
    if given not in (None, ""):
        try:
            return int(given)
        except (TypeError, ValueError):
            pass
    by_provider = CADENCE_BY_PROVIDER.get(str(meta.get("provider", "")))
    return by_provider or CADENCE_DAYS.get(str(meta.get("frequency", "")), CADENCE_DAYS["daily"])


def month_label(day: pd.Timestamp, frequency: str) -> str:
    if frequency == "monthly":
        return day.strftime("%b %Y")
    if frequency == "annual":
        return day.strftime("%Y")
    return day.strftime("%d %b %Y")


def staleness(meta: dict, last, today=None) -> dict:
    """{stale, cadence_days, age_days, last, text}: `text` is '' when current, else what to print."""
    today = pd.Timestamp(today or pd.Timestamp.today()).normalize()
    cadence = cadence_days(meta)
    if meta.get("origin") == "live-only" or last is None or pd.isna(last):
        return dict(stale=False, cadence_days=cadence, age_days=None, last=None, text="")
    last = pd.Timestamp(last).normalize()
    frequency = str(meta.get("frequency", "daily"))
    if meta.get("ended"):  # the publisher stopped the series: old by design, not late
        text = f"ended: the publisher stopped this series (last value {month_label(last, frequency)})"
        return dict(stale=False, cadence_days=cadence, age_days=int((today - last).days), last=last, text=text)
    # a monthly value dated the 1st covers its whole month: its age counts from the month's end
    end = last + pd.offsets.MonthEnd(0) if frequency == "monthly" else last
    end = last.replace(month=12, day=31) if frequency == "annual" else end
    age = int((today - end).days)
    stale = age > cadence
    text = (
        f"stale: last value {month_label(last, frequency)}, {age} days old (new values usually within {cadence} days)"
        if stale
        else ""
    )
    return dict(stale=stale, cadence_days=cadence, age_days=age, last=last, text=text)
