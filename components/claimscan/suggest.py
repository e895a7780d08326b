"""A rule with its parameters for one candidate claim, and the reason it was chosen.

The suggestion only uses the project's named rules (components.evidence), so the verdict computed in
the session is the same as the one a case file with the same spec would get.
"""

from __future__ import annotations

import re

import pandas as pd

from components.claimscan.measures import EventMatch, MeasureMatch, to_series_unit

DOWN = re.compile(
    r"\b(?:fell|fall\w*|drop\w*|declin\w+|slump\w*|plung\w+|lowest|cut\w*|lower|down|halved|shr[ai]nk\w*|decreas\w+)\b",
    re.I,
)
UP = re.compile(
    r"\b(?:rose|rise[sn]?|jump\w*|surg\w+|increas\w+|higher|up|record|highest|doubled|tripled|climb\w*|grew|growth)\b",
    re.I,
)
LOWEST_SINCE = re.compile(r"\blowest\b.*?\b(?:since|in)\b", re.I)
YEARS_SPAN = re.compile(r"\b(?:in|for) (?:at least )?(\w+) years?\b", re.I)
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
TOLERANCE = {"exact": 2.0, "about": 5.0, "range": 5.0, "at_least": 0.0, "at_most": 0.0}


def direction(sentence: str) -> str:
    down, up = bool(DOWN.search(sentence)), bool(UP.search(sentence))
    return "down" if down and not up else "up" if up and not down else ""


def _month(p) -> pd.Timestamp:
    return p.start.replace(day=1)


def _change_window(name: str, period) -> dict:
    """change_between's parameters for one window: a month ('a'), or a range of months ('a_start', 'a_end')."""
    if period.granularity == "months":
        return {f"{name}_start": period.start.date(), f"{name}_end": period.end.replace(day=1).date()}
    return {name: _month(period).date()}


def _before(period):
    """The window of the same length just before a period: the month before, or the quarter before a quarter."""
    start = _month(period) - pd.DateOffset(months=period.months if period.granularity == "months" else 1)
    end = _month(period) - pd.DateOffset(days=1)
    return type(period)(f"before {period.surface}", start, end, period.granularity, "")


def _window(periods, published: pd.Timestamp | None) -> tuple[pd.Timestamp, pd.Timestamp, str]:
    fine = [p for p in periods if p.granularity in ("day", "month", "months")]
    if fine:
        return fine[0].start, fine[0].end, ""
    if periods:
        return periods[0].start, periods[0].end, ""
    base = (published or pd.Timestamp.today()).normalize()
    start = base.replace(day=1) - pd.DateOffset(months=1)
    return start, start + pd.offsets.MonthEnd(0), "no period in the sentence: the month before publication is assumed"


def suggest(
    sentence: str,
    quantities: list,
    periods: list,
    measure: MeasureMatch | None,
    events: list[EventMatch],
    series_units: dict[str, str],
    series_frequency: dict[str, str],
    published: pd.Timestamp | None,
) -> tuple[dict, str, str]:
    """(evidence spec, reason, claim kind)."""
    start, end, assumed = _window(periods, published)
    note = f" ({assumed})" if assumed else ""
    if measure is not None:
        ids = list(measure.series)
        unit = series_units.get(ids[0], "")
        fine = [p for p in periods if p.granularity in ("day", "month")]
        at = _month(fine[0]) if fine else start.replace(day=1)
        comparison = direction(sentence)
        if LOWEST_SINCE.search(sentence) or re.search(r"\b(?:lowest|smallest|weakest)\b", sentence, re.I):
            months = 24
            years = YEARS_SPAN.search(sentence)
            since = [p for p in periods if p.granularity == "year" and p.start < at]
            if years:
                n = NUMBER_WORDS.get(years.group(1).lower()) or (int(years.group(1)) if years.group(1).isdigit() else 2)
                months = 12 * n
            elif since:
                months = max(1, (at.year - since[0].start.year) * 12 + at.month - 1)
            spec = {"rule": "lowest_since", "series": ids, "at": at.date(), "months": months, "unit": unit}
            return (
                spec,
                f"'lowest' with {measure.measure.label}: lowest of the {months} months before {at:%b %Y}{note}",
                "quantitative",
            )
        two = [p for p in periods if p.granularity in ("day", "month", "months")]
        pct = [q for q in quantities if q.family == "share"]
        figures = [q for q in quantities if q.family in measure.measure.families]
        between_two = len(two) >= 2 and measure.measure.key != "india_russia_share"
        if comparison and (between_two or (len(two) == 1 and not figures)):
            if between_two:
                later, earlier = sorted(two[:2], key=lambda p: p.start, reverse=True)
                why = f"'{comparison}' between two periods: {earlier.label} -> {later.label}"
            else:
                later, earlier = two[0], _before(two[0])
                why = f"'{comparison}' in {later.label} with no figure: {later.label} against {earlier.label}"
            spec = {
                "rule": "change_between",
                "series": ids,
                **_change_window("a", earlier),
                **_change_window("b", later),
                "expect": comparison,
                "min_pct": float(pct[0].value) if pct else 0.0,
                "unit": unit,
            }
            return spec, why, "quantitative"
        # a figure for a quarter, a half or part of a year is checked over all its months, when the sentence
        # names that range before any single month
        dated = [p for p in periods if p.granularity in ("day", "month", "months")]
        span = dated[0] if dated and dated[0].granularity == "months" else None
        if span is not None:
            at = _month(span)
        last = span.end.replace(day=1) if span is not None else None
        for q in quantities:
            if q.family not in measure.measure.families:
                continue
            converted = to_series_unit(q, unit, at, measure.measure.key, last)
            if converted is None:
                continue
            low, high, how = converted
            qualifier = q.qualifier
            spec = {"rule": "value_matches", "series": ids, "at": at.date(), "unit": unit}
            if last is not None:
                spec["end"] = last.date()
            if low == high:
                spec["value"] = round(low, 6)
            else:
                spec["low"], spec["high"] = round(low, 6), round(high, 6)
            if qualifier in ("at_least", "at_most"):
                spec["compare"] = qualifier
            spec["tolerance_pct"] = TOLERANCE.get(qualifier, 5.0)
            if all(series_frequency.get(i) == "daily" for i in ids):
                spec["window"] = "month_mean"
            when = f"{span.label} ({span.reason})" if span is not None else f"{at:%b %Y}"
            why = f"stated {q.surface} ({qualifier}) for {when} against {measure.measure.label}"
            if how:
                why += f"; converted: {how}"
            return spec, why + note, "quantitative"
    if events:
        best = events[0]
        spec = {
            "rule": "event_on_record",
            "start": (min(best.date, start) - pd.Timedelta(days=3)).date(),
            "end": (max(best.date, end) + pd.Timedelta(days=3)).date(),
            "category": best.category,
            "actors_all": list(best.actors[:2]),
        }
        return spec, f"a sourced event matches: {best.title} ({best.reason})", "event"
    why = "no catalog series or sourced case event matches this sentence; it stays an interpretation until edited"
    return {"rule": "interpretive", "why": why}, why, "interpretive"
