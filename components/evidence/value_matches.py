"""Rule `value_matches`: does a figure stated in a text match each provider's figure for that period?

Why its own rule: most sentences an analyst pastes state a number ("about 1.8 million b/d in October"),
and the honest check is per provider, within a stated tolerance, never an average of providers that
disagree. The verdict says which providers agree, which do not and which have no usable figure.

A figure stated for several months ('about 1.8 million b/d in the first quarter of 2025') has `end` in the
last month: each provider's figure is then the mean of its own monthly figures from `at` to `end`, and a
provider missing any of those months has no figure (a quarter is not three months minus one).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from components.evidence.context import Context, as_list, cite, exclusion_note, fmt_value, month_label, usable_series
from components.evidence.quantitative import EXCLUDE, UNIT
from components.evidence.registry import REQUIRED, Param, Problems, rule
from components.evidence.verdict import Verdict, combine_providers
from components.style import to_timestamp

RULE = "value_matches"
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
            f"{'at or above' if actual >= lo_ok else 'below'} {fmt_value(low)} less {tolerance_pct:g}%",
        )
    if compare == "at_most":
        return (
            actual <= hi_ok,
            f"{'at or below' if actual <= hi_ok else 'above'} {fmt_value(high)} plus {tolerance_pct:g}%",
        )
    agrees = lo_ok <= actual <= hi_ok
    target = fmt_value(low) if low == high else f"{fmt_value(low)}-{fmt_value(high)}"
    if agrees:
        return True, f"within {tolerance_pct:g}% of the stated {target}"
    gap = (
        (actual - (high if actual > high else low)) / abs(high if actual > high else low) * 100 if low else float("inf")
    )
    return False, f"{gap:+.0f}% away from the stated {target} (tolerance {tolerance_pct:g}%)"


def _months(at: pd.Timestamp, end: pd.Timestamp | None) -> list[tuple[int, int]]:
    """(year, month) of every month from at's to end's (just at's when end is missing or before it)."""
    last = end if end is not None and end >= at else at
    return [(p.year, p.month) for p in pd.period_range(at.to_period("M"), last.to_period("M"), freq="M")]


def _period_value(
    series: pd.Series, months: list[tuple[int, int]], window: str
) -> tuple[list[tuple[pd.Timestamp, float]], float, int, int] | None:
    """(each month's (first date, figure), the figure for the period, days averaged, months missing); None when
    no month has a figure. A month's figure is its first point, or for `month_mean` the mean of its points;
    the period's figure is the mean of its months' figures."""
    per_month, days = [], 0
    for year, month in months:
        in_month = series[(series.index.year == year) & (series.index.month == month)]
        if in_month.empty:
            continue
        value = float(in_month.mean()) if window == "month_mean" else float(in_month.iloc[0])
        per_month.append((in_month.index[0], value))
        days += len(in_month) if window == "month_mean" else 1
    if not per_month:
        return None
    return per_month, sum(v for _, v in per_month) / len(per_month), days, len(months) - len(per_month)


def period_label(at: pd.Timestamp, end: pd.Timestamp | None) -> str:
    months = _months(at, end)
    if len(months) == 1:
        return month_label(at)
    first, last = (pd.Timestamp(year=y, month=m, day=1) for y, m in (months[0], months[-1]))
    return f"{first:%b}–{last:%b %Y}" if first.year == last.year else f"{first:%b %Y}–{last:%b %Y}"


def _check(spec: dict, path: str) -> Problems:
    """Rule-specific checks beyond the required parameters."""
    errs = []
    if stated_range(spec) is None:
        errs.append((f"{path}.value", "give value, or low and high (numbers)"))
    if spec.get("compare") is not None and spec.get("compare") not in COMPARES:
        errs.append((f"{path}.compare", f"one of {', '.join(COMPARES)}"))
    at, end = to_timestamp(spec.get("at")), to_timestamp(spec.get("end"))
    if spec.get("end") not in (None, "") and (end is None or (at is not None and end < at)):
        errs.append((f"{path}.end", "a date on or after 'at' (the last month of the period)"))
    if spec.get("window") is not None and spec.get("window") not in WINDOWS:
        errs.append((f"{path}.window", f"one of {', '.join(WINDOWS)}"))
    try:
        if float(spec.get("tolerance_pct", 5)) < 0:
            raise ValueError
    except (TypeError, ValueError):
        errs.append((f"{path}.tolerance_pct", "a number of percent, 0 or more"))
    return errs


@rule(
    RULE,
    Param("series", REQUIRED, "provider series ids, each compared on its own"),
    Param("at", REQUIRED, "a date in the (first) month the figure is stated for"),
    Param("end", None, "a date in the last month, for a figure stated for several months (a quarter, a half)"),
    Param("value", None, "the stated figure (or low and high for a stated range)"),
    Param("low", None, "stated range, low end"),
    Param("high", None, "stated range, high end"),
    Param("tolerance_pct", 5, "threshold: how far (in %) a provider's figure may be from the stated one"),
    Param("compare", "about", "'about', 'at_least' or 'at_most'"),
    Param("window", "point", "'point' (the figure dated in that month) or 'month_mean' (mean of a daily series)"),
    EXCLUDE,
    UNIT,
    check=_check,
)
def value_matches(spec: dict, ctx: Context, claim: Any = None) -> Verdict:
    at = to_timestamp(spec["at"])
    end = to_timestamp(spec.get("end"))
    stated = stated_range(spec)
    tolerance = float(spec["tolerance_pct"])
    compare = spec["compare"] if spec["compare"] in COMPARES else "about"
    window = spec["window"] if spec["window"] in WINDOWS else "point"
    exclude = set(spec["exclude_flags"])
    unit = str(spec["unit"])
    if at is None or stated is None:
        return Verdict("no data", RULE, "A stated figure compared with the data.", detail="No period or figure.")
    months = _months(at, end)
    period = period_label(at, end)
    low, high = stated
    what = fmt_value(low) if low == high else f"{fmt_value(low)} to {fmt_value(high)}"
    how = {"about": "within", "at_least": "at least, less", "at_most": "at most, plus"}[compare]
    own = "monthly mean of the daily series" if window == "month_mean" else "its own figure"
    figure = f"({own})" if len(months) == 1 else f"(the mean of its {len(months)} monthly figures, each {own})"
    which = "that month" if len(months) == 1 else "those months"
    text = (
        f"The text states {what} {unit} for {period}. Each provider's figure for {which} "
        f"{figure} is compared on its own: it agrees when {how} {tolerance:g}% of the stated figure. All providers "
        f"with a figure agree -> supported; none agrees -> contradicted; some do -> mixed. "
        + ("A provider missing any of the months has no figure. " if len(months) > 1 else "")
        + f"Figures flagged {' or '.join(sorted(exclude))} are left out."
    )
    if (end if end is not None and end >= at else at) > ctx.today:
        return Verdict("pending", RULE, text, detail=f"{period} has not ended yet.")
    parts = []
    for sid in as_list(spec["series"]):
        prov = ctx.provider(sid)
        values, info, dropped = usable_series(ctx, sid, exclude)
        in_period = [d for d in dropped if (d.year, d.month) in months]
        note = exclusion_note(in_period, exclude)
        found = None if values is None else _period_value(values, months, window)
        if found is None or found[3]:
            have = f" (has {len(months) - found[3]} of {len(months)} months)" if found else ""
            detail = f"{prov}: no usable figure for {period}{have}.{note}"
            parts.append(Verdict("no data", RULE, text, label=prov, detail=detail))
            continue
        per_month, actual, n, _ = found
        agrees, how_far = judge(actual, low, high, tolerance, compare)
        label = f"{prov} {period}" + (f" (mean of {n} days)" if window == "month_mean" and n > 1 else "")
        if len(per_month) > 1:
            label += f" (mean of {len(per_month)} months)"
        cited = (
            [cite(ctx, sid, info, day, value, f"{prov} {month_label(day)}", unit) for day, value in per_month]
            if len(per_month) > 1
            else [cite(ctx, sid, info, per_month[0][0], actual, label, unit)]
        )
        parts.append(
            Verdict(
                "supported" if agrees else "contradicted",
                RULE,
                text,
                cited,
                label=prov,
                detail=f"{prov}: {fmt_value(actual)}"
                + (f" (mean of {len(per_month)} months)" if len(per_month) > 1 else "")
                + f", {how_far}.{note}",
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
    return Verdict(combine_providers(parts), RULE, text, detail=detail, parts=parts)
