"""Rule `value_matches`: does a figure stated in a text match each provider's figure for that period?

Why its own rule: most sentences an analyst pastes state a number ("about 1.8 million b/d in October"),
and the honest check is per provider, within a stated tolerance, never an average of providers that
disagree. The verdict says which providers agree, which do not and which have no usable figure.

Spec: series=[ids], at (a date in the period), value (or low and high for a stated range), tolerance_pct
(default 5), compare ('about' | 'at_least' | 'at_most'), window ('point' = the series' figure dated in the
period's month, 'month_mean' = the mean of a daily series over that month), unit, exclude_flags.
No streamlit here.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from components import evidence

RULE = "value_matches"
REQUIRED = ("series", "at")
COMPARES = ("about", "at_least", "at_most")
WINDOWS = ("point", "month_mean")


def stated_range(spec: dict) -> tuple[float, float] | None:
    """(low, high) of the stated figure: a single `value` is its own range; None when not a number."""
    try:
        if spec.get("low") is not None and spec.get("high") is not None:
            low, high = float(spec["low"]), float(spec["high"])
            return (min(low, high), max(low, high))
        value = float(spec["value"])
    except (KeyError, TypeError, ValueError):
        return None
    return (value, value)


def judge(actual: float, low: float, high: float, tolerance_pct: float, compare: str) -> tuple[bool, str]:
    """(agrees, how) for one provider's figure against the stated figure or range."""
    tol = tolerance_pct / 100.0
    lo_ok, hi_ok = low * (1 - tol) if low >= 0 else low * (1 + tol), high * (1 + tol) if high >= 0 else high * (1 - tol)
    if compare == "at_least":
        return (
            actual >= lo_ok,
            f"{'at or above' if actual >= lo_ok else 'below'} {evidence._fmt(low)} less {tolerance_pct:g}%",
        )
    if compare == "at_most":
        return (
            actual <= hi_ok,
            f"{'at or below' if actual <= hi_ok else 'above'} {evidence._fmt(high)} plus {tolerance_pct:g}%",
        )
    agrees = lo_ok <= actual <= hi_ok
    target = evidence._fmt(low) if low == high else f"{evidence._fmt(low)}-{evidence._fmt(high)}"
    if agrees:
        return True, f"within {tolerance_pct:g}% of the stated {target}"
    gap = (
        (actual - (high if actual > high else low)) / abs(high if actual > high else low) * 100 if low else float("inf")
    )
    return False, f"{gap:+.0f}% away from the stated {target} (tolerance {tolerance_pct:g}%)"


def _period_value(series: pd.Series, at: pd.Timestamp, window: str) -> tuple[pd.Timestamp, float, int] | None:
    month = series[(series.index.year == at.year) & (series.index.month == at.month)]
    if month.empty:
        return None
    if window == "month_mean":
        return month.index[0], float(month.mean()), len(month)
    return month.index[0], float(month.iloc[0]), 1


def rule_value_matches(spec: dict, ctx: evidence.Context, claim: Any = None) -> evidence.Verdict:
    at = evidence._ts(spec.get("at"))
    stated = stated_range(spec)
    tolerance = float(spec.get("tolerance_pct", 5))
    compare = spec.get("compare", "about") if spec.get("compare") in COMPARES else "about"
    window = spec.get("window", "point") if spec.get("window") in WINDOWS else "point"
    exclude = set(spec.get("exclude_flags", evidence.DEFAULT_EXCLUDE_FLAGS))
    unit = str(spec.get("unit", ""))
    if at is None or stated is None:
        return evidence.Verdict(
            "no data", RULE, "A stated figure compared with the data.", detail="No period or figure."
        )
    low, high = stated
    what = evidence._fmt(low) if low == high else f"{evidence._fmt(low)} to {evidence._fmt(high)}"
    how = {"about": "within", "at_least": "at least, less", "at_most": "at most, plus"}[compare]
    text = (
        f"The text states {what} {unit} for {evidence._month(at)}. Each provider's figure for that month "
        f"({'monthly mean of the daily series' if window == 'month_mean' else 'its own figure'}) is compared "
        f"on its own: it agrees when {how} {tolerance:g}% of the stated figure. All providers with a figure agree "
        f"-> supported; none agrees -> contradicted; some do -> mixed. Figures flagged "
        f"{' or '.join(sorted(exclude))} are left out."
    )
    if at > ctx.today:
        return evidence.Verdict("pending", RULE, text, detail=f"{evidence._month(at)} has not ended yet.")
    parts = []
    for sid in evidence._as_list(spec.get("series")):
        prov = ctx.provider(sid)
        values, info, dropped = evidence._clean(ctx, sid, exclude)
        in_period = [d for d in dropped if (d.year, d.month) == (at.year, at.month)]
        note = evidence._exclusion_note(in_period, exclude)
        found = None if values is None else _period_value(values, at, window)
        if found is None:
            parts.append(
                evidence.Verdict(
                    "no data",
                    RULE,
                    text,
                    label=prov,
                    detail=f"{prov}: no usable figure for {evidence._month(at)}.{note}",
                )
            )
            continue
        day, actual, n = found
        agrees, how_far = judge(actual, low, high, tolerance, compare)
        label = f"{prov} {evidence._month(at)}" + (f" (mean of {n} days)" if n > 1 else "")
        parts.append(
            evidence.Verdict(
                "supported" if agrees else "contradicted",
                RULE,
                text,
                [evidence._number(ctx, sid, info, day, actual, label, unit)],
                label=prov,
                detail=f"{prov}: {evidence._fmt(actual)}, {how_far}.{note}",
            )
        )
    agree = [p.label for p in parts if p.status == "supported"]
    disagree = [p.label for p in parts if p.status == "contradicted"]
    missing = [p.label for p in parts if p.status == "no data"]
    summary = "; ".join(
        f"{name}: {', '.join(group)}"
        for name, group in (("agree", agree), ("disagree", disagree), ("no figure", missing))
        if group
    )
    detail = (summary + ". " if summary else "") + " ".join(p.detail for p in parts)
    return evidence.Verdict(evidence.combine_providers(parts), RULE, text, detail=detail, parts=parts)


def validate(spec: dict, path: str) -> list[tuple[str, str]]:
    """Rule-specific checks beyond the required parameters."""
    errs = []
    if stated_range(spec) is None:
        errs.append((f"{path}.value", "give value, or low and high (numbers)"))
    if spec.get("compare") is not None and spec.get("compare") not in COMPARES:
        errs.append((f"{path}.compare", f"one of {', '.join(COMPARES)}"))
    if spec.get("window") is not None and spec.get("window") not in WINDOWS:
        errs.append((f"{path}.window", f"one of {', '.join(WINDOWS)}"))
    try:
        if float(spec.get("tolerance_pct", 5)) < 0:
            raise ValueError
    except (TypeError, ValueError):
        errs.append((f"{path}.tolerance_pct", "a number of percent, 0 or more"))
    return errs
