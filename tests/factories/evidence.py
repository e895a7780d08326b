"""Verdict-rule fixtures: a flat monthly series, an event record from short dicts, and an evidence Context over
fixture series (points from series.points_frame)."""

from __future__ import annotations

import pandas as pd

from components import evidence
from tests.factories.series import monthly_series, points_frame

EVIDENCE_TODAY = pd.Timestamp("2026-11-25")


def flat_monthly(start: str, months: int, name: str = "m", level: float = 1.0, last: float | None = None) -> pd.Series:
    """A series that does not move (no noise), optionally with a different last month."""
    values = [level] * months
    if last is not None:
        values[-1] = last
    return monthly_series(start, values, name)


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
        get_points=lambda sid: points_frame(series[sid], flags.get(sid), url=urls.get(sid, "https://example.org")),
        events=events if events is not None else pd.DataFrame(),
        facts=facts if facts is not None else pd.DataFrame(),
        today=pd.Timestamp(today),
    )
