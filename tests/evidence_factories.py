"""Factories for verdict-rule tests: monthly provider series, an event record, and an evidence Context on them."""

from __future__ import annotations

import numpy as np
import pandas as pd

from components import evidence

EVIDENCE_TODAY = pd.Timestamp("2026-11-25")


def monthly_values(start: str, values, name: str = "m") -> pd.Series:
    """Month-start series; None = a gap (dropped, never filled)."""
    idx = pd.date_range(start, periods=len(values), freq="MS")
    series = pd.Series([np.nan if v is None else v for v in values], index=idx, name=name, dtype=float)
    return series.dropna()


def flat_monthly(start: str, months: int, name: str = "m", level: float = 1.0, last: float | None = None) -> pd.Series:
    """A series that does not move (no noise), optionally with a different last month."""
    values = [level] * months
    if last is not None:
        values[-1] = last
    return monthly_values(start, values, name)


def evidence_points(
    series: pd.Series, flags: dict[str, str] | None = None, url: str = "https://example.org"
) -> pd.DataFrame:
    """A load_points-shaped frame for a series; flags by 'YYYY-MM-DD'; every point cites a page under `url`."""
    flags = flags or {}
    return pd.DataFrame(
        {
            "date": series.index,
            "value": series.values,
            "unit": "million b/d",
            "flag": [flags.get(str(d.date()), "") for d in series.index],
            "source_title": [f"Src {d:%b %Y}" for d in series.index],
            "source_url": [f"{url}/{series.name}/{d:%Y-%m}" for d in series.index],
            "provider_detail": "",
            "used": True,
        }
    )


def evidence_events(rows: list[dict]) -> pd.DataFrame:
    """An event record from short dicts (date, category, title, actors; the rest filled in)."""
    out = []
    for i, row in enumerate(rows, start=1):
        out.append(
            {
                "id": row.get("id", f"ev_{i}"),
                "date": pd.Timestamp(row["date"]),
                "title": row["title"],
                "summary": row.get("summary", row["title"]),
                "actors": list(row.get("actors", [])),
                "category": row["category"],
                "source_title": row.get("source_title", "Wire story"),
                "source_url": row.get("source_url", f"https://www.reuters.com/story/{i}"),
            }
        )
    return pd.DataFrame(out)


def evidence_context(
    series: dict[str, pd.Series],
    *,
    flags=None,
    events=None,
    facts=None,
    today=EVIDENCE_TODAY,
    urls: dict[str, str] | None = None,
) -> evidence.Context:
    """A Context over fixture series (unknown ids raise KeyError like the data layer)."""
    flags, urls = flags or {}, urls or {}
    return evidence.Context(
        get_series=lambda sid: series[sid],
        get_points=lambda sid: evidence_points(series[sid], flags.get(sid), urls.get(sid, "https://example.org")),
        events=events if events is not None else pd.DataFrame(),
        facts=facts if facts is not None else pd.DataFrame(),
        today=pd.Timestamp(today),
    )
