"""A minimal valid case folder on disk, to break one field at a time.

Why: every validation test starts from a known-good case and changes exactly one thing, so the error it
expects (file, row, field) is unambiguous.
"""

from __future__ import annotations

import csv
from pathlib import Path

from components import case

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


PARTS = {
    "actors": ("actors.csv", ACTORS, case.ACTOR_COLS),
    "events": ("events.csv", EVENTS, case.EVENT_COLS),
    "facts": ("facts.csv", FACTS, case.FACT_COLS),
    "relations": ("relations.csv", RELATIONS, case.RELATION_COLS),
}
TEXTS = {"case_toml": ("case.toml", CASE_TOML), "claims_toml": ("claims.toml", CLAIMS_TOML)}


def write_rows_csv(path: Path, rows: list[dict], fields: list[str] | None = None) -> None:
    fields = fields or list(rows[0].keys())
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def make_case_folder(root: Path, **overrides) -> Path:
    """Write a valid case under root/test-case and return root. Override any part by keyword: a table (actors,
    events, facts, relations) as a list of row dicts, or a file's text (case_toml, claims_toml)."""
    unknown = set(overrides) - set(PARTS) - set(TEXTS)
    if unknown:
        raise TypeError(f"make_case_folder: unknown part(s) {sorted(unknown)}")
    folder = root / CASE_ID
    folder.mkdir(parents=True, exist_ok=True)
    for key, (name, default) in TEXTS.items():
        text = overrides.get(key)
        (folder / name).write_text(default if text is None else text, encoding="utf-8")
    for key, (name, default, columns) in PARTS.items():
        rows = overrides.get(key) or [dict(row) for row in default]
        write_rows_csv(folder / name, rows, list(columns))
    return root
