"""Factories for case tests: a minimal valid case folder (to break one field at a time) and fixture series.

Why: every validation test starts from a known-good case and changes exactly one thing, so the error it
expects (file, row, field) is unambiguous.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pandas as pd

from components import case as C

CASE_ID = "test-case"

ACTORS = [
    {"id": "us", "label": "United States", "kind": "state", "country": "US", "role": "r", "aliases": "US;Washington"},
    {"id": "india", "label": "India", "kind": "state", "country": "IN", "role": "r", "aliases": "India;New Delhi"},
    {"id": "russia", "label": "Russia", "kind": "state", "country": "RU", "role": "r", "aliases": "Russia;Kremlin"},
]
EVENTS = [
    {
        "id": "ev_a",
        "date": "2025-03-07",
        "date_precision": "day",
        "title": "A threat",
        "summary": "Someone warned.",
        "actors": "us;russia",
        "category": "statement",
        "source_title": "Paper",
        "source_url": "https://example.org/a",
        "source_published": "2025-03-07",
        "phase": "article",
    },
    {
        "id": "ev_b",
        "date": "2025-08-27",
        "date_precision": "day",
        "title": "A tariff",
        "summary": "Duty applied.",
        "actors": "us;india",
        "category": "tariffs",
        "source_title": "Paper",
        "source_url": "https://example.org/b",
        "source_published": "",
        "phase": "hindsight",
    },
]
FACTS = [
    {
        "id": "f1",
        "topic": "russia_arms_share_india",
        "period": "2019-2023",
        "value": "36",
        "unit": "percent",
        "statement": "s",
        "provider": "SIPRI",
        "source_title": "t",
        "source_url": "https://example.org/f1",
    },
]
RELATIONS = [
    {
        "source": "us",
        "target": "india",
        "type": "tariffs",
        "directed": "true",
        "weight": "2",
        "start": "2025-08-27",
        "end": "",
        "claims": "c_low",
        "events": "ev_b",
        "series": "imp_kpler",
        "note": "",
    },
]
CASE_TOML = """[case]
id = "test-case"
title = "A test case"
author = "Someone"
outlet = "unknown"
published = "2025-03-08"
summary = "A short summary in our words."
article_ref = "test"
"""
CLAIMS_TOML = """[[claim]]
id = "c_low"
paraphrase = "Imports were the lowest in two years."
kind = "quantitative"
actors = ["india", "russia"]
period_start = 2023-02-01
period_end = 2025-02-28
paragraph = 4
[claim.evidence]
rule = "lowest_since"
series = ["imp_kpler", "imp_vortexa"]
at = 2025-02-01
months = 24

[[claim]]
id = "c_event"
paraphrase = "A threat was made."
kind = "event"
actors = ["us"]
period_start = 2025-03-07
period_end = 2025-03-07
paragraph = 2
[claim.evidence]
rule = "event_on_record"
category = "statement"
"""


def write_csv(path: Path, rows: list[dict], fields: list[str] | None = None) -> None:
    fields = fields or list(rows[0].keys())
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def make_case(
    root: Path, *, actors=None, events=None, facts=None, relations=None, claims_toml=None, case_toml=None
) -> Path:
    """Write a valid case under root/test-case (override any part); returns root."""
    d = root / CASE_ID
    d.mkdir(parents=True, exist_ok=True)
    (d / "case.toml").write_text(CASE_TOML if case_toml is None else case_toml, encoding="utf-8")
    (d / "claims.toml").write_text(CLAIMS_TOML if claims_toml is None else claims_toml, encoding="utf-8")
    write_csv(d / "actors.csv", actors or [dict(a) for a in ACTORS], list(C.ACTOR_COLS))
    write_csv(d / "events.csv", events or [dict(e) for e in EVENTS], list(C.EVENT_COLS))
    write_csv(d / "facts.csv", facts or [dict(f) for f in FACTS], list(C.FACT_COLS))
    write_csv(d / "relations.csv", relations or [dict(r) for r in RELATIONS], list(C.RELATION_COLS))
    return root


def monthly(start: str, values, name: str = "m") -> pd.Series:
    """Month-start series; None = gap (dropped, never filled)."""
    idx = pd.date_range(start, periods=len(values), freq="MS")
    s = pd.Series([np.nan if v is None else v for v in values], index=idx, name=name, dtype=float)
    return s.dropna()


def points_for(s: pd.Series, flags: dict[str, str] | None = None, title: str = "Src") -> pd.DataFrame:
    """load_points-shaped frame for a series, with optional flags by 'YYYY-MM-DD'."""
    flags = flags or {}
    return pd.DataFrame(
        {
            "date": s.index,
            "value": s.values,
            "unit": "million b/d",
            "flag": [flags.get(str(d.date()), "") for d in s.index],
            "source_title": [f"{title} {d:%b %Y}" for d in s.index],
            "source_url": [f"https://example.org/{s.name}/{d:%Y-%m}" for d in s.index],
            "provider_detail": "",
            "used": True,
        }
    )


def loaders(series: dict[str, pd.Series], flags: dict[str, dict[str, str]] | None = None):
    """(get_series, get_points) over a dict of fixture series; unknown ids raise KeyError like the data layer."""
    flags = flags or {}

    def get_series(sid: str) -> pd.Series:
        return series[sid]

    def get_points(sid: str) -> pd.DataFrame:
        return points_for(series[sid], flags.get(sid))

    return get_series, get_points
