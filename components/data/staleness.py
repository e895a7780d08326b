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
# the rhythm in a reader's words, where the publisher has one
CADENCE_WORDS = {
    "U.S. Energy Information Administration (EIA)": "weekly",
    "European Central Bank": "every business day",
}
SPAN_END = {"monthly": " of the month's end", "quarterly": " of the quarter's end", "annual": " of the year's end"}


def judging_day() -> pd.Timestamp:
    """The day staleness is judged on (one place, so a test can move it)."""
    return pd.Timestamp.today().normalize()


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


def cadence_text(meta: dict) -> str:
    """'weekly', 'every business day', 'within 75 days of the month's end': when a new value usually comes."""
    if meta.get("cadence_days") in (None, "") and str(meta.get("provider", "")) in CADENCE_WORDS:
        return CADENCE_WORDS[str(meta["provider"])]
    return f"within {cadence_days(meta)} days{SPAN_END.get(str(meta.get('frequency', '')), '')}"


def month_label(day: pd.Timestamp, frequency: str) -> str:
    if frequency == "monthly":
        return day.strftime("%b %Y")
    if frequency == "annual":
        return day.strftime("%Y")
    return day.strftime("%d %b %Y")


def staleness(meta: dict, last, today=None) -> dict:
    """{stale, cadence_days, age_days, last, text}: `text` is '' when current, else what to print after the
    series' name ('is stale: last figure 18 Aug 2026, usually updated weekly', or 'has ended: ...')."""
    today = pd.Timestamp(today) if today is not None else judging_day()
    today = today.normalize()
    cadence = cadence_days(meta)
    if meta.get("origin") == "live-only" or last is None or pd.isna(last):
        return dict(stale=False, cadence_days=cadence, age_days=None, last=None, text="")
    last = pd.Timestamp(last).normalize()
    frequency = str(meta.get("frequency", "daily"))
    shown = month_label(last, frequency)
    if meta.get("ended"):  # the publisher stopped the series: old by design, not late
        text = f"has ended: the publisher stopped it (last figure {shown})"
        return dict(stale=False, cadence_days=cadence, age_days=int((today - last).days), last=last, text=text)
    # a monthly value dated the 1st covers its whole month: its age counts from the month's end
    end = last + pd.offsets.MonthEnd(0) if frequency == "monthly" else last
    end = last.replace(month=12, day=31) if frequency == "annual" else end
    age = int((today - end).days)
    stale = age > cadence
    text = f"is stale: last figure {shown}, usually updated {cadence_text(meta)}" if stale else ""
    return dict(stale=stale, cadence_days=cadence, age_days=age, last=last, text=text)


def stale_sentence(meta: dict, last, today=None) -> str:
    """'<series name> is stale: last figure <date>, usually updated <cadence>' ('' when current): the one
    wording every chart, table and the as-of note use."""
    text = staleness(meta, last, today)["text"]
    return f"{meta.get('name') or meta.get('id', 'This series')} {text}" if text else ""
