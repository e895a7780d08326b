"""Events frames as the chart builders and the event study take them (the case's columns, actors as list[str],
date as Timestamp)."""

from __future__ import annotations

import pandas as pd

CHART_EVENTS = [
    ("e1", "2025-03-07", "Trump threatens banking sanctions on Russia", ["Donald Trump", "Russia"], "statement"),
    ("e2", "2025-03-08", "Weekend event (no trading)", ["Russia"], "military"),
    ("e3", "2025-01-10", "US blacklists Gazprom Neft and Surgutneftegas", ["United States", "OFAC"], "sanctions"),
    ("e4", "2024-12-12", "Rosneft-Reliance supply pact", ["Rosneft", "Reliance Industries"], "energy_deal"),
]


def chart_events(n: int = 3) -> pd.DataFrame:
    """The first n of CHART_EVENTS; source titles carry markup ('Source <0>') to show they are escaped."""
    rows = []
    for i, (event_id, day, title, actors, category) in enumerate(CHART_EVENTS[:n]):
        rows.append(
            {
                "id": event_id,
                "date": pd.Timestamp(day),
                "title": title,
                "summary": f"summary {i}",
                "actors": actors,
                "category": category,
                "source_title": f"Source <{i}>",
                "source_url": f"https://example.org/{event_id}",
                "phase": "article",
            }
        )
    return pd.DataFrame(rows)


def dense_events(n: int, start: str, end: str, seed: int = 0) -> pd.DataFrame:
    """n events spread at random over [start, end] (several on some days), cycling through three categories;
    titles carry markup to show they are escaped."""
    import numpy as np

    rng = np.random.default_rng(seed)
    days = pd.to_datetime(rng.integers(pd.Timestamp(start).value, pd.Timestamp(end).value, n)).normalize()
    categories = ["sanctions", "statement", "diplomacy"]
    return pd.DataFrame(
        {
            "id": [f"d{i}" for i in range(n)],
            "date": days,
            "title": [f"event {i} <b>" for i in range(n)],
            "summary": "",
            "actors": [["Russia"] for _ in range(n)],
            "category": [categories[i % 3] for i in range(n)],
            "source_title": "Source",
            "source_url": "https://example.org/dense",
            "phase": "article",
        }
    )
