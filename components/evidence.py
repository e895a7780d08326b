"""Named verdict rules: a claim's evidence spec + data -> Verdict.

Why a small set of named rules: a reader must be able to see, in plain words, exactly what was checked,
and a verdict must be recomputed from the data every time (never typed into a case file). Each rule
returns a Verdict whose `numbers` carry provider and source for every figure used.

Data is injected through a `Context` (get_series / get_points callables, the case's events and facts,
and "today"), so tests run on fixture series and pages run on components.data. No streamlit here.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from components.data import SnapshotError
from components.style import to_timestamp

CLAIM_STATUSES = ("supported", "contradicted", "mixed", "not testable", "pending", "no data")
OUTCOME_STATUSES = ("happened", "did not happen", "partly", "too early")
STATUSES = CLAIM_STATUSES + OUTCOME_STATUSES

DEFAULT_EXCLUDE_FLAGS = ("partial", "provisional")

PROVIDER_NAMES = {
    "kpler": "Kpler",
    "vortexa": "Vortexa",
    "reuters": "Reuters",
    "eia": "EIA",
    "ecb": "ECB",
    "fred": "FRED",
    "minfin": "Russian Finance Ministry",
    "gacc": "China customs (GACC)",
    "yahoo": "Yahoo Finance",
}


@dataclass
class Verdict:
    """Outcome of one rule. `parts` holds per-provider or per-condition sub-verdicts (shown as evidence)."""

    status: str
    rule: str
    rule_text: str
    numbers: list[dict] = field(default_factory=list)
    detail: str = ""
    parts: list[Verdict] = field(default_factory=list)
    label: str = ""

    def all_numbers(self) -> list[dict]:
        """Numbers of this verdict and of every part, without duplicates (for tables)."""
        out, seen = [], set()
        for n in self.numbers + [n for p in self.parts for n in p.all_numbers()]:
            key = (n.get("label"), str(n.get("value")), str(n.get("date")), n.get("provider"))
            if key not in seen:
                seen.add(key)
                out.append(n)
        return out


def _empty_frame() -> pd.DataFrame:
    return pd.DataFrame()


@dataclass
class Context:
    """Everything a rule may look at. Loader callables may raise KeyError/LookupError: treated as no data."""

    get_series: Callable[[str], pd.Series] | None = None
    get_points: Callable[[str], pd.DataFrame] | None = None
    events: pd.DataFrame = field(default_factory=_empty_frame)
    facts: pd.DataFrame = field(default_factory=_empty_frame)
    today: pd.Timestamp = field(default_factory=lambda: pd.Timestamp.today().normalize())
    get_meta: Callable[[str], dict] | None = None
    memo: dict = field(default_factory=dict, repr=False, compare=False)  # per-run results shared by the rules

    def remember(self, key: tuple, make: Callable[[], Any]) -> Any:
        """`make()` once per key for this context: rules ask for the same point table or event index often."""
        if key not in self.memo:
            self.memo[key] = make()
        return self.memo[key]

    @staticmethod
    def _read(load: Callable[[str], Any] | None, sid: str) -> Any:
        """`load(sid)`, or None when there is no loader, the file is broken or it holds nothing (= no data)."""
        if load is None:
            return None
        try:
            value = load(sid)
        except (LookupError, OSError, ValueError, TypeError, SnapshotError):  # broken file = no data
            return None
        return value if value is not None and len(value) else None

    def series(self, sid: str) -> pd.Series | None:
        s = self._read(self.get_series, sid)
        if s is None:
            return None
        s = pd.Series(pd.to_numeric(s, errors="coerce"), index=pd.DatetimeIndex(s.index)).dropna().sort_index()
        return s if len(s) else None

    def points(self, sid: str) -> pd.DataFrame | None:
        p = self._read(self.get_points, sid)
        if p is None:
            return None
        p = p.copy()
        p["date"] = pd.to_datetime(p["date"])
        return p

    def provider(self, sid: str) -> str:
        if self.get_meta is not None:
            try:
                prov = (self.get_meta(sid) or {}).get("provider")
                if prov:
                    return str(prov)
            except (LookupError, OSError, ValueError):
                pass
        for tok in reversed(sid.split("_")):
            if tok in PROVIDER_NAMES:
                return PROVIDER_NAMES[tok]
        return sid


# ----------------------------------------------------------------------------------------------- helpers
def _as_list(x: Any) -> list:
    if x is None or x == "":
        return []
    return list(x) if isinstance(x, (list, tuple)) else [x]


def _fmt(v: float) -> str:
    return f"{v:,.2f}" if abs(v) < 100 else f"{v:,.1f}"


def _month(t: pd.Timestamp) -> str:
    return f"{t:%b %Y}"


class PointInfo:
    """date -> {flag, source_title, source_url, unit, provider_detail} of the point used for a series' line.

    Read on demand: a daily series has thousands of points and a rule cites a few, so building a dict per
    point (as the first version did) was most of the time it took to compute the verdicts."""

    COLUMNS = ("flag", "source_title", "source_url", "unit", "provider_detail")

    def __init__(self, points: pd.DataFrame | None):
        if points is None or points.empty:
            self._rows = pd.DataFrame(columns=list(self.COLUMNS), index=pd.DatetimeIndex([]))
            return
        if "used" in points.columns:
            used = points[points["used"].astype(bool)]
            points = used if len(used) else points
        rows = points[[k for k in self.COLUMNS if k in points.columns]].copy()
        rows.index = pd.DatetimeIndex(points["date"]).normalize()
        self._rows = rows[~rows.index.duplicated(keep="first")]  # the first point of a date is on the line

    def get(self, d: pd.Timestamp, default: dict | None = None) -> dict:
        if d not in self._rows.index:
            return {} if default is None else default
        return {k: ("" if pd.isna(v) else str(v)) for k, v in self._rows.loc[d].items()}

    def flagged(self, exclude: set[str]) -> set[pd.Timestamp]:
        """Dates whose point carries one of the `exclude` flags ('partial;converted' counts for both)."""
        if "flag" not in self._rows.columns or not exclude:
            return set()
        flags = self._rows["flag"].dropna().astype(str)
        return {d for d, f in flags[flags != ""].items() if {x.strip() for x in f.split(";")} & exclude}


def _point_info(ctx: Context, sid: str) -> PointInfo:
    """The series' point details, read once per context (rules ask for the same series often)."""
    return ctx.remember(("point_info", sid), lambda: PointInfo(ctx.points(sid)))


def _provider_text(provider: str, detail: str) -> str:
    """'Kpler (ship-tracking)' plus the point's own provider note when it adds something (e.g. 'via Bloomberg')."""
    return provider if not detail or detail.strip("()").lower() in provider.lower() else f"{provider}; {detail}"


def _number(ctx: Context, sid: str, info: PointInfo, d: pd.Timestamp, value: float, label: str, unit: str) -> dict:
    pi = info.get(d, {})
    return {
        "label": label,
        "value": round(float(value), 4),
        "unit": pi.get("unit") or unit,
        "date": d.date(),
        "provider": _provider_text(ctx.provider(sid), pi.get("provider_detail", "")),
        "series": sid,
        "flag": pi.get("flag", ""),
        "source_title": pi.get("source_title", ""),
        "source_url": pi.get("source_url", ""),
    }


def _clean(ctx: Context, sid: str, exclude: set[str]) -> tuple[pd.Series | None, PointInfo, list[pd.Timestamp]]:
    s = ctx.series(sid)
    info = _point_info(ctx, sid)
    if s is None:
        return None, info, []
    flagged = info.flagged(exclude)
    dropped = [d for d in s.index if d in flagged]
    return s.drop(dropped), info, dropped


def combine_providers(parts: list[Verdict]) -> str:
    """All providers agree -> their status; disagreement -> mixed; providers without data are ignored."""
    st = {p.status for p in parts if p.status not in ("no data", "pending")}
    if not st:
        return "pending" if any(p.status == "pending" for p in parts) else "no data"
    if st == {"supported"}:
        return "supported"
    if st == {"contradicted"}:
        return "contradicted"
    return "mixed"


def _exclusion_note(dropped: list[pd.Timestamp], exclude: set[str]) -> str:
    if not dropped:
        return ""
    return f" Left out as {'/'.join(sorted(exclude))}: " + ", ".join(_month(d) for d in dropped) + "."


# ------------------------------------------------------------------------------------------------- rules
def rule_lowest_since(spec: dict, ctx: Context, claim: Any = None) -> Verdict:
    at = to_timestamp(spec.get("at"))
    months = int(spec.get("months", 24))
    min_months = int(spec.get("min_months", 3))
    exclude = set(spec.get("exclude_flags", DEFAULT_EXCLUDE_FLAGS))
    text = (
        f"Is the {_month(at)} value the lowest of the {months} months before it? Checked for each provider "
        f"on its own; months without a figure stay gaps (we say how many had data); figures flagged "
        f"{' or '.join(sorted(exclude))} are left out and listed. Providers that disagree give 'mixed'."
    )
    parts = []
    for sid in _as_list(spec.get("series")):
        prov = ctx.provider(sid)
        s, info, dropped = _clean(ctx, sid, exclude)
        note = _exclusion_note(dropped, exclude)
        if s is None:
            parts.append(Verdict("no data", "lowest_since", text, detail=f"{prov}: no series available.", label=prov))
            continue
        if at not in s.index:
            parts.append(
                Verdict(
                    "no data",
                    "lowest_since",
                    text,
                    label=prov,
                    detail=f"{prov}: no usable figure for {_month(at)}.{note}",
                )
            )
            continue
        start = at - pd.DateOffset(months=months)
        win = s[(s.index >= start) & (s.index < at)]
        n = win.index.to_period("M").nunique()
        v = float(s[at])
        nums = [_number(ctx, sid, info, at, v, f"{prov} {_month(at)}", spec.get("unit", ""))]
        if n < min_months:
            parts.append(
                Verdict(
                    "no data",
                    "lowest_since",
                    text,
                    nums,
                    label=prov,
                    detail=f"{prov}: only {n} of {months} earlier months have a figure (need {min_months}).{note}",
                )
            )
            continue
        lo_d = win.idxmin()
        lo = float(win.min())
        nums.append(
            _number(ctx, sid, info, lo_d, lo, f"{prov} lowest earlier month ({_month(lo_d)})", spec.get("unit", ""))
        )
        if v < lo:
            status, how = "supported", f"below every earlier figure (lowest was {_fmt(lo)} in {_month(lo_d)})"
        elif v == lo:
            status, how = "supported", f"equal to the earlier low of {_fmt(lo)} in {_month(lo_d)}"
        else:
            status, how = "contradicted", f"above the {_fmt(lo)} recorded in {_month(lo_d)}"
        parts.append(
            Verdict(
                status,
                "lowest_since",
                text,
                nums,
                label=prov,
                detail=f"{prov}: {_fmt(v)} in {_month(at)}, {how}; {n} of {months} earlier months have data.{note}",
            )
        )
    status = combine_providers(parts)
    return Verdict(status, "lowest_since", text, detail=" ".join(p.detail for p in parts), parts=parts)


def _window(spec: dict, key: str) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
    if spec.get(key) is not None:
        t = to_timestamp(spec[key])
        return t, t
    return to_timestamp(spec.get(f"{key}_start")), to_timestamp(spec.get(f"{key}_end"))


def _span(a0: pd.Timestamp, a1: pd.Timestamp) -> str:
    return _month(a0) if a0 == a1 else f"{_month(a0)}-{_month(a1)}"


def rule_change_between(spec: dict, ctx: Context, claim: Any = None) -> Verdict:
    a0, a1 = _window(spec, "a")
    b0, b1 = _window(spec, "b")
    expect = spec.get("expect", "down")
    min_pct = float(spec.get("min_pct", 0))
    exclude = set(spec.get("exclude_flags", DEFAULT_EXCLUDE_FLAGS))
    if expect == "down":
        how = f"fell by at least {min_pct:g}%"
    elif min_pct >= 0:
        how = f"rose by at least {min_pct:g}%"
    else:
        how = f"rose, or fell by no more than {-min_pct:g}%"
    text = (
        f"Average of {_span(a0, a1)} compared with {_span(b0, b1)}, per provider: the claim holds if the "
        f"series {how}. Figures flagged {' or '.join(sorted(exclude))} "
        f"are left out; a window with no figure gives 'no data'."
    )
    parts = []
    for sid in _as_list(spec.get("series")):
        prov = ctx.provider(sid)
        if b1 is not None and b1 > ctx.today:
            parts.append(
                Verdict(
                    "pending", "change_between", text, label=prov, detail=f"{prov}: the later window ends after today."
                )
            )
            continue
        s, info, dropped = _clean(ctx, sid, exclude)
        note = _exclusion_note(dropped, exclude)
        if s is None:
            parts.append(Verdict("no data", "change_between", text, detail=f"{prov}: no series available.", label=prov))
            continue
        wa = s[(s.index >= a0) & (s.index <= a1)]
        wb = s[(s.index >= b0) & (s.index <= b1)]
        if wa.empty or wb.empty:
            which = " and ".join(w for w, x in (("earlier", wa), ("later", wb)) if x.empty)
            parts.append(
                Verdict(
                    "no data",
                    "change_between",
                    text,
                    label=prov,
                    detail=f"{prov}: no figure in the {which} window.{note}",
                )
            )
            continue
        va, vb = float(wa.mean()), float(wb.mean())
        pct = (vb - va) / abs(va) * 100 if va else math.inf
        nums = [
            _number(ctx, sid, info, d, v, f"{prov} {_month(d)}", spec.get("unit", ""))
            for d, v in pd.concat([wa, wb]).items()
        ]
        ok = pct <= -min_pct if expect == "down" else pct >= min_pct
        status = "supported" if ok else "contradicted"
        parts.append(
            Verdict(
                status,
                "change_between",
                text,
                nums,
                label=prov,
                detail=f"{prov}: {_fmt(va)} ({_span(a0, a1)}, {len(wa)} month(s)) -> {_fmt(vb)} "
                f"({_span(b0, b1)}, {len(wb)} month(s)), {pct:+.1f}%.{note}",
            )
        )
    status = combine_providers(parts)
    return Verdict(status, "change_between", text, detail=" ".join(p.detail for p in parts), parts=parts)


_QUAL = re.compile(r"^\s*([<>~]?)\s*([-+]?\d+(?:\.\d+)?)\s*$")


def parse_fact_value(v: Any) -> tuple[str, float | None]:
    """'<23' -> ('<', 23.0); '41.6' -> ('', 41.6); junk -> ('', None)."""
    m = _QUAL.match(str(v))
    return (m.group(1), float(m.group(2))) if m else ("", None)


def _judge(q: str, v: float, sup: float, con: float) -> tuple[str, str]:
    if q == "<" and v <= con:
        return "contradicted", f"under {v:g}, below the {con:g} threshold"
    if q == "<":
        return "mixed", f"only known to be under {v:g}, so it may or may not reach {sup:g}"
    if v >= sup:
        return "supported", f"{v:g}, at or above {sup:g}"
    if v < con:
        return "contradicted", f"{v:g}, below {con:g}"
    return "mixed", f"{v:g}, between {con:g} and {sup:g}"


def rule_share_at(spec: dict, ctx: Context, claim: Any = None) -> Verdict:
    sup = float(spec.get("supported_at"))
    con = float(spec.get("contradicted_below", sup))
    if spec.get("topic"):
        return _share_from_facts(spec, ctx, sup, con)
    at = to_timestamp(spec.get("at"))
    tol = int(spec.get("tolerance_months", 0))
    text = (
        f"Value at {_month(at)} (or the latest within {tol} month(s) before) compared with thresholds: "
        f"supported at {sup:g} or more, contradicted below {con:g}, 'mixed' in between; per provider."
    )
    parts = []
    for sid in _as_list(spec.get("series")):
        prov = ctx.provider(sid)
        s, info, dropped = _clean(ctx, sid, set(spec.get("exclude_flags", DEFAULT_EXCLUDE_FLAGS)))
        win = None if s is None else s[(s.index <= at) & (s.index >= at - pd.DateOffset(months=tol))]
        if win is None or win.empty:
            parts.append(
                Verdict("no data", "share_at", text, label=prov, detail=f"{prov}: no figure near {_month(at)}.")
            )
            continue
        d, v = win.index[-1], float(win.iloc[-1])
        status, how = _judge("", v, sup, con)
        parts.append(
            Verdict(
                status,
                "share_at",
                text,
                [_number(ctx, sid, info, d, v, f"{prov} {_month(d)}", spec.get("unit", ""))],
                label=prov,
                detail=f"{prov} {d:%Y-%m}: {how}.",
            )
        )
    return Verdict(combine_providers(parts), "share_at", text, detail=" ".join(p.detail for p in parts), parts=parts)


def _share_from_facts(spec: dict, ctx: Context, sup: float, con: float) -> Verdict:
    topic, period = spec["topic"], str(spec.get("period"))
    text = (
        f"Reference figure for {period} (case facts, topic '{topic}') compared with thresholds: supported at "
        f"{sup:g} or more, contradicted below {con:g}, 'mixed' in between. Earlier/later periods are shown "
        f"for context only."
    )
    f = ctx.facts
    if f is None or f.empty:
        return Verdict("no data", "share_at", text, detail="No facts loaded.")
    f = f[f["topic"] == topic]
    unit_filter = spec.get("unit_contains", "percent")
    f = f[f["unit"].astype(str).str.contains(unit_filter, case=False, regex=False)]

    def num(r) -> dict:
        return {
            "label": f"{r['period']}",
            "value": str(r["value"]),
            "unit": r["unit"],
            "date": r["period"],
            "provider": r["provider"],
            "source_title": r["source_title"],
            "source_url": r["source_url"],
        }

    rows = f[f["period"].astype(str) == period]
    if rows.empty:
        return Verdict("no data", "share_at", text, detail=f"No {unit_filter} figure for {period}.")
    actual = rows[rows["unit"].str.contains("actual", case=False)]
    primary = (actual if len(actual) else rows).iloc[0]
    q, v = parse_fact_value(primary["value"])
    if v is None:
        return Verdict("no data", "share_at", text, detail=f"Figure for {period} is not a number.")
    status, how = _judge(q, v, sup, con)
    others = [
        num(r) for _, r in f.iterrows() if str(r["period"]) in {str(p) for p in _as_list(spec.get("context_periods"))}
    ]
    nums = [num(primary)] + [num(r) for _, r in rows.iterrows() if r is not primary and r["value"] != primary["value"]]
    return Verdict(
        status, "share_at", text, nums + others, detail=f"{period}: {how} ({primary['unit']}; {primary['provider']})."
    )


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


def _match_events(spec: dict, ctx: Context, start, end) -> list[dict]:
    """Events in [start, end] of the spec's categories, with all of `actors_all`, any of `actors_any` and a
    title matching `title_regex` (each condition only when given), in date order."""
    cats = set(_as_list(spec.get("category")))
    every = set(_as_list(spec.get("actors_all")))
    anyof = set(_as_list(spec.get("actors_any")))
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


def rule_event_on_record(spec: dict, ctx: Context, claim: Any = None) -> Verdict:
    start = to_timestamp(spec.get("start")) or (to_timestamp(getattr(claim, "period_start", None)) if claim else None)
    end = to_timestamp(spec.get("end")) or (to_timestamp(getattr(claim, "period_end", None)) if claim else None)
    need = int(spec.get("min_events", 1))
    what = []
    if spec.get("category"):
        what.append("category " + "/".join(_as_list(spec["category"])))
    if spec.get("actors_all"):
        what.append("involving " + " and ".join(_as_list(spec["actors_all"])))
    if spec.get("actors_any"):
        what.append("involving any of " + ", ".join(_as_list(spec["actors_any"])))
    if spec.get("title_regex"):
        what.append(f"title matching '{spec['title_regex']}'")
    win = f"{start:%d %b %Y} to {end:%d %b %Y}" if start is not None and end is not None else "any date"
    text = (
        f"Looks for at least {need} sourced event(s) in the case record from {win}"
        + (f" ({'; '.join(what)})" if what else "")
        + ". Only events with a cited source count."
    )
    found = _match_events(spec, ctx, start, end)
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
    note = f" {spec['note']}" if spec.get("note") else ""
    if len(found) >= need:
        st = spec.get("found_status", "supported")
        return Verdict(st, "event_on_record", text, nums, detail=f"{len(found)} matching event(s) on record.{note}")
    absent = spec.get("absent_status")
    if absent is None:
        absent = "no data"
    detail = (
        f"Only {len(found)} of the {need} required event(s) on record."
        if len(found)
        else "No matching sourced event on record."
    ) + note
    return Verdict(absent, "event_on_record", text, nums, detail=detail)


def rule_interpretive(spec: dict, ctx: Context, claim: Any = None) -> Verdict:
    why = spec.get("why", "It is a reading of motives or intentions that no dataset can confirm or refute.")
    return Verdict(
        "not testable", "interpretive", "An interpretation, not a checkable fact: " + why, detail=spec.get("note", "")
    )


_OUTCOME_OF = {
    "supported": "met",
    "happened": "met",
    "contradicted": "unmet",
    "did not happen": "unmet",
    "mixed": "partial",
    "partly": "partial",
}


def rule_scenario_outcome(spec: dict, ctx: Context, claim: Any = None) -> Verdict:
    deadline = to_timestamp(spec.get("deadline")) or (
        to_timestamp(getattr(claim, "period_end", None)) if claim else None
    )
    closed = deadline is not None and ctx.today > deadline
    conds = spec.get("conditions", [])
    text = (
        "Scores what followed against the scenario's conditions (each checked by its own rule): all met -> "
        "happened; some met or partly met -> partly; none met once the window has closed -> did not happen; "
        "a required condition unmet -> did not happen; window still open -> too early"
        + (f". Window closes {deadline:%d %b %Y}." if deadline is not None else ".")
    )
    parts, states, required_unmet = [], [], False
    for c in conds:
        sub = dict(c)
        if sub.get("rule") == "event_on_record" and "absent_status" not in sub:
            end = to_timestamp(sub.get("end")) or deadline
            sub["absent_status"] = "did not happen" if (end is not None and ctx.today > end) else "too early"
            sub.setdefault("found_status", "happened")
        v = evaluate(sub, ctx, claim)
        v.label = c.get("label", v.rule)
        parts.append(v)
        state = _OUTCOME_OF.get(v.status, "unknown")
        states.append(state)
        if c.get("required") and state == "unmet":
            required_unmet = True
    if not parts:
        status = "no data"
    elif required_unmet:
        status = "did not happen" if closed else "too early"
    elif all(s == "met" for s in states):
        status = "happened"
    elif any(s in ("met", "partial") for s in states):
        status = "partly"
    elif all(s == "unknown" for s in states):
        status = "too early" if not closed else "no data"
    else:
        status = "did not happen" if closed else "too early"
    detail = "; ".join(f"{p.label}: {p.status}" for p in parts)
    return Verdict(status, "scenario_outcome", text, detail=detail, parts=parts)


RULES: dict[str, Callable[[dict, Context, Any], Verdict]] = {
    "lowest_since": rule_lowest_since,
    "change_between": rule_change_between,
    "share_at": rule_share_at,
    "event_on_record": rule_event_on_record,
    "interpretive": rule_interpretive,
    "scenario_outcome": rule_scenario_outcome,
}

# required parameters per rule (beyond `rule`), used by components.case validation
REQUIRED = {
    "lowest_since": ("series", "at"),
    "change_between": ("series",),
    "share_at": ("supported_at",),
    "event_on_record": (),
    "interpretive": (),
    "scenario_outcome": ("conditions",),
}
DATE_PARAMS = ("at", "a", "b", "a_start", "a_end", "b_start", "b_end", "start", "end", "deadline")


def validate_spec(spec: Any, path: str = "evidence") -> list[tuple[str, str]]:
    """Problems in an evidence spec as (field path, message); empty list when valid."""
    if not isinstance(spec, dict):
        return [(path, "must be a table")]
    rule = spec.get("rule")
    if rule not in RULES:
        return [(f"{path}.rule", f"unknown rule {rule!r}; known: {', '.join(RULES)}")]
    errs = [(f"{path}.{k}", f"required for rule {rule}") for k in REQUIRED[rule] if spec.get(k) in (None, "", [])]
    for k in DATE_PARAMS:
        if k in spec and to_timestamp(spec[k]) is None:
            errs.append((f"{path}.{k}", f"not a date: {spec[k]!r}"))
    if rule == "change_between":
        for w in ("a", "b"):
            s, e = _window(spec, w)
            if s is None or e is None:
                errs.append((f"{path}.{w}", f"give {w} or {w}_start and {w}_end"))
    if rule == "share_at" and not spec.get("topic") and not spec.get("series"):
        errs.append((f"{path}.topic", "share_at needs a facts topic or series"))
    if rule == value_rule.RULE:
        errs.extend(value_rule.validate(spec, path))
    if rule == "scenario_outcome":
        conds = spec.get("conditions") or []
        if not isinstance(conds, list):
            errs.append((f"{path}.conditions", "must be a list of tables"))
        else:
            for i, c in enumerate(conds):
                if isinstance(c, dict) and c.get("rule") == "scenario_outcome":
                    errs.append((f"{path}.conditions[{i}].rule", "scenarios cannot nest"))
                else:
                    errs.extend(validate_spec(c, f"{path}.conditions[{i}]"))
    return errs


def evaluate(spec: dict, ctx: Context, claim: Any = None) -> Verdict:
    """Run the named rule of `spec`. Never raises on missing data: gaps become 'no data'."""
    rule = RULES.get(spec.get("rule"))
    if rule is None:
        return Verdict("no data", str(spec.get("rule")), "Unknown rule.", detail="Unknown rule.")
    return rule(spec, ctx, claim)


def series_ids(spec: dict) -> list[str]:
    """Every series id an evidence spec (including scenario conditions) refers to."""
    ids = list(_as_list(spec.get("series")))
    for c in spec.get("conditions", []) or []:
        ids += series_ids(c)
    return list(dict.fromkeys(ids))


# registered last: the rule module builds on the helpers above
from components import rule_value_matches as value_rule  # noqa: E402

RULES[value_rule.RULE] = value_rule.rule_value_matches
REQUIRED[value_rule.RULE] = value_rule.REQUIRED
