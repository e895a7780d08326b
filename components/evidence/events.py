"""Rules that read the case's sourced event record: event_on_record.

Why supporting *and* contrary events: a rule that only looks for support can never fail, and silence in the
record is not evidence against a claim. So the rule reaches four outcomes: supported (matching events, none
contrary), contradicted (contrary events, none matching), mixed (both), and "not in the case record" (neither),
which says what the record does hold for that window and category. A match must fit the claim's own wording:
`title_regex` / `text_regex` (title and summary) narrow it, `exclude_regex` keeps out events that are something
else (a tariff lifted is not a tariff imposed).
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from components.evidence.context import Context, as_list
from components.evidence.registry import Param, Problems, rule
from components.evidence.verdict import NOT_IN_RECORD, Verdict
from components.style import to_timestamp

FILTER_KEYS = ("category", "actors_all", "actors_any", "title_regex", "text_regex", "exclude_regex")
LISTED = 4  # events of the window named in a "not in the case record" detail


def _event_records(ctx: Context) -> list[dict]:
    """The case's events as plain records sorted by date, with actors as a set and the searchable text (made
    once per context: the event rules filter the record a few dozen times, which pandas makes slow)."""
    ev = ctx.events
    if ev is None or ev.empty:
        return []
    records = ev.to_dict("records")
    for r in records:
        r["date"] = pd.Timestamp(r["date"])
        a = r.get("actors")
        r["_actors"] = set(a) if isinstance(a, (list, tuple)) else set(str(a).split(";"))
        r["_text"] = f"{r.get('title', '')} {r.get('summary', '')}"
    return sorted(records, key=lambda r: r["date"])


def _pattern(value: Any) -> re.Pattern | None:
    return re.compile(str(value), re.I) if value else None


def match_events(spec: dict, ctx: Context, start, end) -> list[dict]:
    """Events in [start, end] of the spec's categories, with all of `actors_all`, any of `actors_any`, a title
    matching `title_regex`, a title or summary matching `text_regex`, and a title not matching `exclude_regex`
    (each condition only when given), in date order."""
    cats = set(as_list(spec.get("category")))
    every = set(as_list(spec.get("actors_all")))
    anyof = set(as_list(spec.get("actors_any")))
    title, text, exclude = (_pattern(spec.get(k)) for k in ("title_regex", "text_regex", "exclude_regex"))
    return [
        r
        for r in ctx.remember(("event_records",), lambda: _event_records(ctx))
        if (start is None or r["date"] >= start)
        and (end is None or r["date"] <= end)
        and (not cats or r["category"] in cats)
        and every <= r["_actors"]
        and (not anyof or anyof & r["_actors"])
        and (title is None or title.search(str(r["title"])))
        and (text is None or text.search(r["_text"]))
        and (exclude is None or not exclude.search(str(r["title"])))
    ]


def _claim_date(claim: Any, attr: str) -> pd.Timestamp | None:
    return to_timestamp(getattr(claim, attr, None)) if claim else None


def _describe(spec: dict) -> str:
    what = []
    if spec.get("category"):
        what.append("category " + "/".join(as_list(spec["category"])))
    if spec.get("actors_all"):
        what.append("involving " + " and ".join(as_list(spec["actors_all"])))
    if spec.get("actors_any"):
        what.append("involving any of " + ", ".join(as_list(spec["actors_any"])))
    if spec.get("title_regex"):
        what.append(f"title matching '{spec['title_regex']}'")
    if spec.get("text_regex"):
        what.append(f"title or summary matching '{spec['text_regex']}'")
    if spec.get("exclude_regex"):
        what.append(f"title not matching '{spec['exclude_regex']}'")
    return "; ".join(what)


def _event_number(r: dict, role: str) -> dict:
    return {
        "label": r["title"],
        "value": "on record" if role == "supports" else "contrary, on record",
        "unit": r["category"],
        "date": pd.Timestamp(r["date"]).date(),
        "provider": "case event record",
        "source_title": r["source_title"],
        "source_url": r["source_url"],
        "event_id": r["id"],
        "role": role,
    }


def _record_holds(ctx: Context, spec: dict, start, end) -> str:
    """What the record holds for the window and category: 'The record holds 3 diplomacy events in that window:
    A (12 Feb 2025); B (18 Feb 2025); …' — so that an absence reads as what it is."""
    window_only = {"category": spec.get("category")}
    held = match_events(window_only, ctx, start, end)
    cats = "/".join(as_list(spec.get("category"))) or "any category"
    if not held:
        return f"The record holds no {cats} event in that window."
    listed = "; ".join(f"{r['title']} ({r['date']:%d %b %Y})" for r in held[:LISTED])
    more = f"; and {len(held) - LISTED} more" if len(held) > LISTED else ""
    return f"The record holds {len(held)} {cats} event(s) in that window, none matching: {listed}{more}."


def _check_contrary(spec: dict, path: str) -> Problems:
    contrary = spec.get("contrary")
    if contrary is None:
        return [(f"{path}.only_contrary", "needs a contrary table")] if spec.get("only_contrary") else []
    if not isinstance(contrary, dict):
        return [(f"{path}.contrary", "must be a table")]
    unknown = sorted(set(contrary) - set(FILTER_KEYS) - {"label"})
    errs = [(f"{path}.contrary.{k}", "not an event filter") for k in unknown]
    for k in ("title_regex", "text_regex", "exclude_regex"):
        for where, value in ((path, spec.get(k)), (f"{path}.contrary", contrary.get(k))):
            try:
                _pattern(value)
            except re.error as exc:
                errs.append((f"{where}.{k}", f"not a valid pattern: {exc}"))
    return errs


@rule(
    "event_on_record",
    Param("start", None, "window start (default: the claim's period start)"),
    Param("end", None, "window end (default: the claim's period end)"),
    Param("min_events", 1, "threshold: matching events needed"),
    Param("category", None, "event categories that count"),
    Param("actors_all", None, "actor ids every matching event involves"),
    Param("actors_any", None, "actor ids of which a matching event involves at least one"),
    Param("title_regex", None, "pattern the event title matches"),
    Param("text_regex", None, "pattern the event title or summary matches"),
    Param("exclude_regex", None, "events whose title matches this are something else and do not count"),
    Param("contrary", None, "filters (same keys) for events that would contradict the claim"),
    Param("only_contrary", False, "the claim is that something did not happen: only contrary events are sought"),
    Param("note", None, "added to the verdict's detail"),
    Param("found_status", "supported", "status when supporting events are on record"),
    Param("contrary_status", "contradicted", "status when only contrary events are on record"),
    Param("absent_status", NOT_IN_RECORD, "status when neither is on record"),
    check=_check_contrary,
)
def event_on_record(spec: dict, ctx: Context, claim: Any = None) -> Verdict:
    start = to_timestamp(spec["start"]) or _claim_date(claim, "period_start")
    end = to_timestamp(spec["end"]) or _claim_date(claim, "period_end")
    need = int(spec["min_events"])
    contrary = dict(spec["contrary"] or {})
    win = f"{start:%d %b %Y} to {end:%d %b %Y}" if start is not None and end is not None else "any date"
    what = _describe(spec)
    text = (
        (
            f"Looks for at least {need} sourced event(s) in the case record from {win}" + (f" ({what})" if what else "")
            if not spec["only_contrary"]
            else f"The claim is that something did not happen from {win}: looks only for events that contradict it"
        )
        + (f"; and for contrary events ({contrary.get('label') or _describe(contrary)})" if contrary else "")
        + ". Only events with a cited source count; an absence is reported as 'not in the case record', never "
        "as a contradiction."
    )
    if ctx.events is None or ctx.events.empty:
        return Verdict("no data", "event_on_record", text, detail="No event record loaded.")
    found = [] if spec["only_contrary"] else match_events(spec, ctx, start, end)
    against = match_events(contrary, ctx, start, end) if contrary else []
    nums = [_event_number(r, "supports") for r in found] + [_event_number(r, "contradicts") for r in against]
    note = f" {spec['note']}" if spec["note"] else ""
    enough = len(found) >= need
    if enough and against:
        detail = f"{len(found)} matching and {len(against)} contrary event(s) on record.{note}"
        return Verdict("mixed", "event_on_record", text, nums, detail=detail)
    if enough:
        return Verdict(
            spec["found_status"],
            "event_on_record",
            text,
            nums,
            detail=f"{len(found)} matching event(s) on record.{note}",
        )
    if against:
        detail = f"{len(against)} contrary event(s) on record" + (f", {len(found)} of {need} matching" if found else "")
        return Verdict(spec["contrary_status"], "event_on_record", text, nums, detail=detail + f".{note}")
    if end is not None and end > ctx.today:
        return Verdict("pending", "event_on_record", text, nums, detail=f"The window runs until {end:%d %b %Y}.{note}")
    lead = (
        f"Only {len(found)} of the {need} required event(s) on record. "
        if found
        else "No matching sourced event on record. "
    )
    detail = lead + _record_holds(ctx, spec if not spec["only_contrary"] else contrary, start, end) + note
    return Verdict(spec["absent_status"], "event_on_record", text, nums, detail=detail)
