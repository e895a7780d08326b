"""Factory data for the chart, event-study and params tests (no files, no network, deterministic)."""

from __future__ import annotations

import numpy as np
import pandas as pd

# EIA Brent spot, copied from the EIA daily file for these business days (USD/bbl). Hand-checkable.
BRENT_MARCH_2025 = {
    "2025-03-03": 71.62,
    "2025-03-04": 72.31,
    "2025-03-05": 70.92,
    "2025-03-06": 71.08,
    "2025-03-07": 72.49,
    "2025-03-10": 71.02,
    "2025-03-11": 71.46,
}


def daily_series(start="2020-01-01", end="2026-08-18", base=60.0, seed=0, name="x") -> pd.Series:
    """Business-day random walk (a stand-in for a daily spot price)."""
    idx = pd.bdate_range(start, end)
    rng = np.random.default_rng(seed)
    vals = base + np.cumsum(rng.normal(0, 0.8, len(idx)))
    return pd.Series(np.abs(vals) + 5, index=idx, name=name, dtype="float64")


def brent_march_2025() -> pd.Series:
    s = pd.Series(BRENT_MARCH_2025, dtype="float64", name="brent_spot_eia")
    s.index = pd.DatetimeIndex(s.index)
    return s


def monthly_with_gaps(name="india_imports_russia_kpler") -> pd.Series:
    """Monthly series on the 1st of the month with two missing months (2024-03 and 2024-04)."""
    idx = pd.DatetimeIndex(["2024-01-01", "2024-02-01", "2024-05-01", "2024-06-01"])
    return pd.Series([1.6, 1.5, 1.9, 2.1], index=idx, name=name, dtype="float64")


def flags_for_monthly() -> pd.Series:
    return pd.Series(
        ["", "provisional", "", "partial;caution"],
        index=pd.DatetimeIndex(["2024-01-01", "2024-02-01", "2024-05-01", "2024-06-01"]),
    )


def events(n: int = 3) -> pd.DataFrame:
    """Events frame with the case columns (actors as list[str], date as Timestamp)."""
    base = [
        ("e1", "2025-03-07", "Trump threatens banking sanctions on Russia", ["Donald Trump", "Russia"], "statement"),
        ("e2", "2025-03-08", "Weekend event (no trading)", ["Russia"], "military"),
        ("e3", "2025-01-10", "US blacklists Gazprom Neft and Surgutneftegas", ["United States", "OFAC"], "sanctions"),
        ("e4", "2024-12-12", "Rosneft-Reliance supply pact", ["Rosneft", "Reliance Industries"], "energy_deal"),
    ]
    rows = []
    for i, (eid, d, title, actors, cat) in enumerate(base[:n]):
        rows.append(
            {
                "id": eid,
                "date": pd.Timestamp(d),
                "title": title,
                "summary": f"summary {i}",
                "actors": actors,
                "category": cat,
                "source_title": f"Source <{i}>",
                "source_url": f"https://example.org/{eid}",
                "phase": "article",
            }
        )
    return pd.DataFrame(rows)
