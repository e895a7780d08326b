"""Rules that read the case's sourced event record: event_on_record."""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from components.evidence.context import Context, as_list
from components.evidence.registry import Param, rule
from components.evidence.verdict import Verdict
from components.style import to_timestamp


def _event_records(ctx: Context) -> list[dict]:
    """The case's events as plain records sorted by date, with actors as a set (made once per context: the
    event rules filter 49 rows a few dozen times, which pandas makes slow)."""
    ev = ctx.events
    if ev is None or ev.empty:
        return []
    records = ev.to_dict("records")
    for r in records:
        r["date"] = pd.Timestamp(r["date"])
        a = r.get("actors")
        r["_actors"] = set(a) if isinstance(a, (list, tuple)) else set(str(a).split(";"))
    return sorted(records, key=lambda r: r["date"])


def match_events(spec: dict, ctx: Context, start, end) -> list[dict]:
    """Events in [start, end] of the spec's categories, with all of `actors_all`, any of `actors_any` and a
    title matching `title_regex` (each condition only when given), in date order."""
    cats = set(as_list(spec.get("category")))
    every = set(as_list(spec.get("actors_all")))
    anyof = set(as_list(spec.get("actors_any")))
    rx = re.compile(spec["title_regex"], re.I) if spec.get("title_regex") else None
    return [
        r
        for r in ctx.remember(("event_records",), lambda: _event_records(ctx))
        if (start is None or r["date"] >= start)
        and (end is None or r["date"] <= end)
        and (not cats or r["category"] in cats)
        and every <= r["_actors"]
        and (not anyof or anyof & r["_actors"])
        and (rx is None or rx.search(str(r["title"])))
    ]


def _claim_date(claim: Any, attr: str) -> pd.Timestamp | None:
    return to_timestamp(getattr(claim, attr, None)) if claim else None


@rule(
    "event_on_record",
    Param("start", None, "window start (default: the claim's period start)"),
    Param("end", None, "window end (default: the claim's period end)"),
    Param("min_events", 1, "threshold: matching events needed"),
    Param("category", None, "event categories that count"),
    Param("actors_all", None, "actor ids every matching event involves"),
    Param("actors_any", None, "actor ids of which a matching event involves at least one"),
    Param("title_regex", None, "pattern the event title matches"),
    Param("note", None, "added to the verdict's detail"),
    Param("found_status", "supported", "status when enough events are on record"),
    Param("absent_status", None, "status when they are not (default: 'no data')"),
)
def event_on_record(spec: dict, ctx: Context, claim: Any = None) -> Verdict:
    start = to_timestamp(spec["start"]) or _claim_date(claim, "period_start")
    end = to_timestamp(spec["end"]) or _claim_date(claim, "period_end")
    need = int(spec["min_events"])
    what = []
    if spec["category"]:
        what.append("category " + "/".join(as_list(spec["category"])))
    if spec["actors_all"]:
        what.append("involving " + " and ".join(as_list(spec["actors_all"])))
    if spec["actors_any"]:
        what.append("involving any of " + ", ".join(as_list(spec["actors_any"])))
    if spec["title_regex"]:
        what.append(f"title matching '{spec['title_regex']}'")
    win = f"{start:%d %b %Y} to {end:%d %b %Y}" if start is not None and end is not None else "any date"
    text = (
        f"Looks for at least {need} sourced event(s) in the case record from {win}"
        + (f" ({'; '.join(what)})" if what else "")
        + ". Only events with a cited source count."
    )
    found = match_events(spec, ctx, start, end)
    nums = [
        {
            "label": r["title"],
            "value": "on record",
            "unit": r["category"],
            "date": pd.Timestamp(r["date"]).date(),
            "provider": "case event record",
            "source_title": r["source_title"],
            "source_url": r["source_url"],
            "event_id": r["id"],
        }
        for r in found
    ]
    note = f" {spec['note']}" if spec["note"] else ""
    if len(found) >= need:
        detail = f"{len(found)} matching event(s) on record.{note}"
        return Verdict(spec["found_status"], "event_on_record", text, nums, detail=detail)
    absent = spec["absent_status"] if spec["absent_status"] is not None else "no data"
    detail = (
        f"Only {len(found)} of the {need} required event(s) on record."
        if len(found)
        else "No matching sourced event on record."
    ) + note
    return Verdict(absent, "event_on_record", text, nums, detail=detail)
