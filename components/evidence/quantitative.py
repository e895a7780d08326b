"""Rules that read provider series and reference figures: lowest_since, change_between, share_at.

Each provider is judged on its own and the provider verdicts combined (`combine_providers`): figures are
never averaged across providers. Points flagged as `exclude_flags` are left out and listed.
"""

from __future__ import annotations

import math
import re
from typing import Any

import numpy as np
import pandas as pd

from components.evidence.context import (
    DEFAULT_EXCLUDE_FLAGS,
    Context,
    as_list,
    cite,
    exclusion_note,
    fmt_value,
    month_label,
    usable_series,
)
from components.evidence.registry import REQUIRED, Param, Problems, rule
from components.evidence.verdict import NO_CLEAR_CHANGE, Verdict, combine_providers
from components.source_tiers import LOWEST
from components.style import to_timestamp

SERIES = Param("series", REQUIRED, "provider series ids, each judged on its own")
EXCLUDE = Param("exclude_flags", DEFAULT_EXCLUDE_FLAGS, "point flags left out of the series")
MIN_TIER = Param("min_tier", LOWEST, "weakest source tier that counts (4 = every source; 3 leaves out mirror copies)")
DEFAULT_NOISE_PCT = 2.0  # used when a provider has too few consecutive months to measure its own noise
NOISE_MONTHS = 24  # the noise is measured over the months before the later window ends
NOISE_PAIRS = 3  # consecutive-month pairs needed to measure it
UNIT = Param("unit", "", "unit shown with the numbers when a point gives none")


def _provider_verdict(rule_name: str, parts: list[Verdict], text: str) -> Verdict:
    return Verdict(combine_providers(parts), rule_name, text, detail=" ".join(p.detail for p in parts), parts=parts)


# ----------------------------------------------------------------------------------------- lowest_since
@rule(
    "lowest_since",
    SERIES,
    Param("at", REQUIRED, "the month said to be the lowest"),
    Param("months", 24, "look-back: how many months before `at` it must be lower than"),
    Param("min_months", 3, "earlier months with a figure needed for a verdict"),
    EXCLUDE,
    MIN_TIER,
    UNIT,
)
def lowest_since(spec: dict, ctx: Context, claim: Any = None) -> Verdict:
    at = to_timestamp(spec["at"])
    months = int(spec["months"])
    min_months = int(spec["min_months"])
    exclude = set(spec["exclude_flags"])
    min_tier = int(spec["min_tier"])
    text = (
        f"Is the {month_label(at)} value the lowest of the {months} months before it? Checked for each provider "
        f"on its own; months without a figure stay gaps (we say how many had data); figures flagged "
        f"{' or '.join(sorted(exclude))} are left out and listed. Providers that disagree give 'mixed'."
    )
    parts = []
    for sid in as_list(spec["series"]):
        prov = ctx.provider(sid)
        s, info, dropped = usable_series(ctx, sid, exclude, min_tier)
        note = exclusion_note(dropped, exclude, min_tier)
        if s is None:
            parts.append(Verdict("no data", "lowest_since", text, detail=f"{prov}: no series available.", label=prov))
            continue
        if at not in s.index:
            detail = f"{prov}: no usable figure for {month_label(at)}.{note}"
            parts.append(Verdict("no data", "lowest_since", text, label=prov, detail=detail))
            continue
        win = s[(s.index >= at - pd.DateOffset(months=months)) & (s.index < at)]
        n = win.index.to_period("M").nunique()
        v = float(s[at])
        nums = [cite(ctx, sid, info, at, v, f"{prov} {month_label(at)}", spec["unit"])]
        coverage = {"have": int(n), "need": months}
        if n < min_months:
            detail = f"{prov}: only {n} of {months} earlier months have a figure (need {min_months}).{note}"
            parts.append(Verdict("no data", "lowest_since", text, nums, label=prov, detail=detail, coverage=coverage))
            continue
        lo_d = win.idxmin()
        lo = float(win.min())
        nums.append(cite(ctx, sid, info, lo_d, lo, f"{prov} lowest earlier month ({month_label(lo_d)})", spec["unit"]))
        if v < lo:
            status, how = "supported", f"below every earlier figure (lowest was {fmt_value(lo)} in {month_label(lo_d)})"
        elif v == lo:
            status, how = "supported", f"equal to the earlier low of {fmt_value(lo)} in {month_label(lo_d)}"
        else:
            status, how = "contradicted", f"above the {fmt_value(lo)} recorded in {month_label(lo_d)}"
        detail = f"{prov}: {fmt_value(v)} in {month_label(at)}, {how}; {n} of {months} earlier months have data.{note}"
        parts.append(Verdict(status, "lowest_since", text, nums, label=prov, detail=detail, coverage=coverage))
    return _provider_verdict("lowest_since", parts, text)


# --------------------------------------------------------------------------------------- change_between
def window_of(spec: dict, key: str) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
    """A window given as one month (`a`) or as `a_start` and `a_end`."""
    if spec.get(key) is not None:
        t = to_timestamp(spec[key])
        return t, t
    return to_timestamp(spec.get(f"{key}_start")), to_timestamp(spec.get(f"{key}_end"))


def _span(a0: pd.Timestamp, a1: pd.Timestamp) -> str:
    return month_label(a0) if a0 == a1 else f"{month_label(a0)}-{month_label(a1)}"


def _check_windows(spec: dict, path: str) -> Problems:
    errs = []
    for w in ("a", "b"):
        s, e = window_of(spec, w)
        if s is None or e is None:
            errs.append((f"{path}.{w}", f"give {w} or {w}_start and {w}_end"))
    return errs


def months_in(a0: pd.Timestamp, a1: pd.Timestamp) -> int:
    """Calendar months from a0's month to a1's month, both included."""
    return (a1.year - a0.year) * 12 + a1.month - a0.month + 1


def series_noise(s: pd.Series, until: pd.Timestamp) -> float | None:
    """A provider's own noise: the median absolute change, in %, between consecutive months that both have a
    figure, over the NOISE_MONTHS before `until`; None when fewer than NOISE_PAIRS such pairs exist."""
    stamps = s.index.asi8
    end, start = until.value, (until - pd.DateOffset(months=NOISE_MONTHS)).value
    keep = (stamps <= end) & (stamps > start)
    if keep.sum() < 2:
        return None
    index = s.index[keep]
    months = index.year.to_numpy() * 12 + index.month.to_numpy()
    values = s.to_numpy(dtype=float)[keep]
    consecutive = (months[1:] - months[:-1]) == 1
    before, after = values[:-1][consecutive], values[1:][consecutive]
    nonzero = before != 0
    moves = np.abs(after[nonzero] - before[nonzero]) / np.abs(before[nonzero]) * 100
    return float(np.median(moves)) if len(moves) >= NOISE_PAIRS else None


@rule(
    "change_between",
    SERIES,
    Param("a", None, "earlier window as one month (or a_start and a_end)"),
    Param("b", None, "later window as one month (or b_start and b_end)"),
    Param("a_start", None, "earlier window, first month"),
    Param("a_end", None, "earlier window, last month"),
    Param("b_start", None, "later window, first month"),
    Param("b_end", None, "later window, last month"),
    Param("expect", "down", "'down' or 'up'"),
    Param("min_pct", 0, "threshold: the change (in %) the claim needs"),
    Param(
        "noise_pct",
        None,
        "noise tolerance in %: a change this small, with a threshold inside it, is 'no clear change' "
        f"(default: the provider's own median month-to-month move, else {DEFAULT_NOISE_PCT:g}%)",
    ),
    EXCLUDE,
    MIN_TIER,
    UNIT,
    check=_check_windows,
)
def change_between(spec: dict, ctx: Context, claim: Any = None) -> Verdict:
    a0, a1 = window_of(spec, "a")
    b0, b1 = window_of(spec, "b")
    expect = spec["expect"]
    min_pct = float(spec["min_pct"])
    exclude = set(spec["exclude_flags"])
    min_tier = int(spec["min_tier"])
    fixed_noise = None if spec["noise_pct"] in (None, "") else float(spec["noise_pct"])
    if expect == "down":
        how = f"fell by at least {min_pct:g}%"
    elif min_pct >= 0:
        how = f"rose by at least {min_pct:g}%"
    else:
        how = f"rose, or fell by no more than {-min_pct:g}%"
    edge = -min_pct if expect == "down" else min_pct  # the change at which the claim starts to hold
    noise_words = (
        f"{fixed_noise:g}%"
        if fixed_noise is not None
        else f"the provider's own median month-to-month move over {NOISE_MONTHS} months ({DEFAULT_NOISE_PCT:g}% "
        "when it cannot be measured)"
    )
    text = (
        f"Average of {_span(a0, a1)} compared with {_span(b0, b1)}, per provider: the claim holds if the "
        f"series {how}. A change smaller than the series' noise ({noise_words}) while the threshold also lies "
        f"inside it is 'no clear change', not a verdict either way. Figures flagged {' or '.join(sorted(exclude))}"
        + (f" or cited from a source below tier {min_tier}" if min_tier < LOWEST else "")
        + " are left out; a window with no figure gives 'no data'."
    )
    need = months_in(a0, a1) + months_in(b0, b1)
    parts = []
    for sid in as_list(spec["series"]):
        prov = ctx.provider(sid)
        if b1 is not None and b1 > ctx.today:
            detail = f"{prov}: the later window ends after today."
            parts.append(Verdict("pending", "change_between", text, label=prov, detail=detail))
            continue
        s, info, dropped = usable_series(ctx, sid, exclude, min_tier)
        note = exclusion_note(dropped, exclude, min_tier)
        if s is None:
            parts.append(Verdict("no data", "change_between", text, detail=f"{prov}: no series available.", label=prov))
            continue
        wa = s[(s.index >= a0) & (s.index <= a1)]
        wb = s[(s.index >= b0) & (s.index <= b1)]
        coverage = {"have": len(wa) + len(wb), "need": need}
        if wa.empty or wb.empty:
            which = " and ".join(w for w, x in (("earlier", wa), ("later", wb)) if x.empty)
            detail = f"{prov}: no figure in the {which} window.{note}"
            parts.append(Verdict("no data", "change_between", text, label=prov, detail=detail, coverage=coverage))
            continue
        va, vb = float(wa.mean()), float(wb.mean())
        pct = (vb - va) / abs(va) * 100 if va else math.inf
        nums = [
            cite(ctx, sid, info, d, v, f"{prov} {month_label(d)}", spec["unit"]) for d, v in pd.concat([wa, wb]).items()
        ]
        measured = (
            ctx.remember(("noise", sid, frozenset(exclude), min_tier, b1), lambda series=s: series_noise(series, b1))
            if fixed_noise is None
            else None
        )
        noise = fixed_noise if fixed_noise is not None else (measured if measured is not None else DEFAULT_NOISE_PCT)
        ok = pct <= -min_pct if expect == "down" else pct >= min_pct
        unclear = abs(pct) < noise and abs(edge) < noise
        status = NO_CLEAR_CHANGE if unclear else ("supported" if ok else "contradicted")
        source = "stated" if fixed_noise is not None else ("measured" if measured is not None else "default")
        detail = (
            f"{prov}: {fmt_value(va)} ({_span(a0, a1)}, {len(wa)} month(s)) -> {fmt_value(vb)} "
            f"({_span(b0, b1)}, {len(wb)} month(s)), {pct:+.1f}%"
            + (f", within the series' noise of ±{noise:.1f}% ({source})" if unclear else "")
            + f".{note}"
        )
        parts.append(Verdict(status, "change_between", text, nums, label=prov, detail=detail, coverage=coverage))
    return _provider_verdict("change_between", parts, text)


# --------------------------------------------------------------------------------------------- share_at
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


def _check_share(spec: dict, path: str) -> Problems:
    if not spec.get("topic") and not spec.get("series"):
        return [(f"{path}.topic", "share_at needs a facts topic or series")]
    return []


@rule(
    "share_at",
    Param("supported_at", REQUIRED, "threshold: supported at this value or more"),
    Param("contradicted_below", None, "contradicted below this value (default: supported_at); mixed between"),
    Param("topic", None, "case facts topic (instead of series)"),
    Param("period", None, "the facts period judged"),
    Param("unit_contains", "percent", "facts whose unit contains this text"),
    Param("context_periods", (), "facts periods shown for context only"),
    Param("series", None, "provider series ids (instead of a facts topic)"),
    Param("at", None, "the month judged"),
    Param("tolerance_months", 0, "look-back: the latest figure up to this many months before `at` counts"),
    EXCLUDE,
    MIN_TIER,
    UNIT,
    check=_check_share,
)
def share_at(spec: dict, ctx: Context, claim: Any = None) -> Verdict:
    sup = float(spec["supported_at"])
    con = float(spec["contradicted_below"] if spec["contradicted_below"] is not None else sup)
    if spec["topic"]:
        return _share_from_facts(spec, ctx, sup, con)
    at = to_timestamp(spec["at"])
    tol = int(spec["tolerance_months"])
    text = (
        f"Value at {month_label(at)} (or the latest within {tol} month(s) before) compared with thresholds: "
        f"supported at {sup:g} or more, contradicted below {con:g}, 'mixed' in between; per provider."
    )
    parts = []
    for sid in as_list(spec["series"]):
        prov = ctx.provider(sid)
        s, info, _ = usable_series(ctx, sid, set(spec["exclude_flags"]), int(spec["min_tier"]))
        win = None if s is None else s[(s.index <= at) & (s.index >= at - pd.DateOffset(months=tol))]
        if win is None or win.empty:
            detail = f"{prov}: no figure near {month_label(at)}."
            parts.append(Verdict("no data", "share_at", text, label=prov, detail=detail))
            continue
        d, v = win.index[-1], float(win.iloc[-1])
        status, how = _judge("", v, sup, con)
        nums = [cite(ctx, sid, info, d, v, f"{prov} {month_label(d)}", spec["unit"])]
        parts.append(Verdict(status, "share_at", text, nums, label=prov, detail=f"{prov} {d:%Y-%m}: {how}."))
    return _provider_verdict("share_at", parts, text)


def _fact_number(r) -> dict:
    return {
        "label": f"{r['period']}",
        "value": str(r["value"]),
        "unit": r["unit"],
        "date": r["period"],
        "provider": r["provider"],
        "source_title": r["source_title"],
        "source_url": r["source_url"],
    }


def _share_from_facts(spec: dict, ctx: Context, sup: float, con: float) -> Verdict:
    topic, period = spec["topic"], str(spec["period"])
    text = (
        f"Reference figure for {period} (case facts, topic '{topic}') compared with thresholds: supported at "
        f"{sup:g} or more, contradicted below {con:g}, 'mixed' in between. Earlier/later periods are shown "
        f"for context only."
    )
    if ctx.facts is None or ctx.facts.empty:
        return Verdict("no data", "share_at", text, detail="No facts loaded.")
    # plain records, made once per context: pandas filtering of a 20-row table costs more than the rule
    records = ctx.remember(("fact_records",), lambda: ctx.facts.astype(str).to_dict("records"))
    unit_filter = spec["unit_contains"]
    f = [r for r in records if r["topic"] == topic and unit_filter.lower() in r["unit"].lower()]
    rows = [r for r in f if r["period"] == period]
    if not rows:
        return Verdict("no data", "share_at", text, detail=f"No {unit_filter} figure for {period}.")
    actual = [r for r in rows if "actual" in r["unit"].lower()]
    primary = (actual or rows)[0]
    q, v = parse_fact_value(primary["value"])
    if v is None:
        return Verdict("no data", "share_at", text, detail=f"Figure for {period} is not a number.")
    status, how = _judge(q, v, sup, con)
    context = {str(p) for p in as_list(spec["context_periods"])}
    others = [_fact_number(r) for r in f if r["period"] in context]
    nums = [_fact_number(primary)] + [
        _fact_number(r) for r in rows if r is not primary and r["value"] != primary["value"]
    ]
    return Verdict(
        status, "share_at", text, nums + others, detail=f"{period}: {how} ({primary['unit']}; {primary['provider']})."
    )
