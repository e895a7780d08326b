"""Rule `market_reaction`: did a series move after an event by more than it usually does?

Why an event study and not a before/after change: a 2 % week in Brent is ordinary for Brent, the same week in
the rupee is not. The rule runs the MacKinlay (1997) event study of components.event_tests on each series (its
own return kind and estimation window), judges the CAR by a t-test and by a seeded placebo test on random
non-event dates, and cites the CAR, t and both p-values with the series' source. Each series is judged on its own;
several series combine like providers.

The scale (`judge`):
- supported: the CAR has the expected sign (any sign when the claim names none) and both the t-test and the
  placebo test put it outside normal variation (p < 0.05);
- mixed: the expected sign, but only one of the two tests says unusual (fat tails or a short estimation window);
- no clear change: within normal variation on both tests (a move the series makes often is no evidence either
  way, and never a contradiction by itself);
- contradicted: unusual on both tests, in the opposite direction;
- no data: the study could not be computed (the problem is said).
Monthly series carry `low_power` on their numbers: their strength reads thin (components.strength).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from components import event_charts, event_models, event_returns, event_tests
from components.evidence.context import Context, as_list
from components.evidence.quantitative import SERIES
from components.evidence.registry import REQUIRED, Param, Problems, rule
from components.evidence.verdict import NO_CLEAR_CHANGE, Verdict, combine_providers
from components.style import to_timestamp

RULE = "market_reaction"
EXPECT = ("up", "down", "any")
RULE_TEXT = (
    "Event study (MacKinlay 1997): abnormal returns against the {model} estimated on {n_text}, summed over "
    "{window}. Supported when the CAR has the expected sign ({expect}) and both the t-test (t = CAR / (σ̂·√L)) and "
    "a placebo test on {placebo} random non-event dates give p < 0.05; mixed when only one does; no clear change "
    "when neither does; contradicted when both do for a move the other way."
)
LOW_POWER = "monthly data: an event-study test on months has little power"


def judge(result: event_models.Abnormal, expect: str = "any") -> tuple[str, str]:
    """(status, one sentence why) for one event-study result (the scale is in the module docstring)."""
    if not result.ok:
        return "no data", f"The event study could not be computed: {result.problem}."
    tests = {"t-test": result.p}
    if result.placebo_p is not None:
        tests["placebo"] = result.placebo_p
    unusual = [name for name, p in tests.items() if p < event_tests.ALPHA]
    numbers = f"t = {result.t:.2f}, p = {result.p:.3f}" + (
        f", placebo p = {result.placebo_p:.3f} ({result.placebo_n:,} dates)" if result.placebo_p is not None else ""
    )
    sign = "up" if result.car > 0 else "down"
    right_way = expect == "any" or sign == expect
    if not unusual:
        return NO_CLEAR_CHANGE, f"The move ({sign}) is within normal variation for this series ({numbers})."
    if len(unusual) < len(tests):
        way = "" if right_way else f", against the claim's {expect}"
        return "mixed", f"Unusual on the {unusual[0]} only ({numbers}{way}): the tests disagree."
    if not right_way:
        return "contradicted", f"The series moved {sign}, against the claim's {expect}, unusually so ({numbers})."
    return "supported", f"An unusual move {sign} on every test ({numbers})."


def _offsets(value: Any) -> tuple[int, int] | None:
    """[first, last] as two whole numbers, or None."""
    try:
        first, last = as_list(value)
        return int(first), int(last)
    except (TypeError, ValueError):
        return None


def _check(spec: dict, path: str) -> Problems:
    problems = []
    for key in ("window", "estimation"):
        if key in spec and _offsets(spec[key]) is None:
            problems.append((f"{path}.{key}", "must be two whole numbers [first, last]"))
    if spec.get("expect", "any") not in EXPECT:
        problems.append((f"{path}.expect", f"must be one of {', '.join(EXPECT)}"))
    if spec.get("model", "mean") not in event_models.MODELS:
        problems.append((f"{path}.model", f"must be one of {', '.join(event_models.MODELS)}"))
    return problems


def _event(spec: dict, ctx: Context) -> tuple[str, pd.Timestamp | None, str]:
    """(id, date, title) of the claim's event: a case event id, else a date."""
    wanted = str(spec["event"])
    events = ctx.events
    if len(events) and "id" in events and (events["id"] == wanted).any():
        row = events[events["id"] == wanted].iloc[0]
        return wanted, to_timestamp(row["date"]), str(row.get("title", wanted))
    return wanted, to_timestamp(wanted), wanted


def _meta(ctx: Context, sid: str | None) -> dict:
    if ctx.get_meta is None or not sid:
        return {}
    try:
        return dict(ctx.get_meta(sid) or {})
    except (LookupError, OSError, ValueError):
        return {}


def _numbers(ctx: Context, sid: str, meta: dict, result: event_models.Abnormal) -> list[dict]:
    """CAR (in the unit the event study page shows), t, p and placebo p, each citing the series' source."""
    factor, unit = event_charts.scale_of(result.kind, str(meta.get("unit", "")))
    cited = {
        "date": result.t0_date.date(),
        "provider": ctx.provider(sid),
        "series": sid,
        "flag": "",
        "source_title": str(meta.get("name", "")),
        "source_url": str(meta.get("source_url", "")),
    }
    window = f"{result.window[0]:+d}..{result.window[1]:+d}"
    numbers = [
        {**cited, "label": f"CAR over {window}", "value": round(result.car * factor, 4), "unit": unit},
        {**cited, "label": "t = CAR / (σ̂·√L)", "value": round(result.t, 3), "unit": ""},
        {**cited, "label": "p (t-test)", "value": round(result.p, 4), "unit": ""},
    ]
    if result.placebo_p is not None:
        label = f"placebo p ({result.placebo_n:,} dates, seed {result.seed})"
        numbers.append({**cited, "label": label, "value": round(result.placebo_p, 4), "unit": ""})
    return numbers


@rule(
    RULE,
    SERIES,
    Param("event", REQUIRED, "the case event id (or a YYYY-MM-DD date) the series is said to react to"),
    Param("expect", "any", "'up', 'down' or 'any' (a move in either direction)"),
    Param("window", (0, 5), "event window: first and last offset in observations from t = 0"),
    Param("estimation", event_tests.DEFAULT_ESTIMATION, "estimation window: first and last offset"),
    Param("model", "mean", "normal-return model: mean, market_adjusted or market"),
    Param("benchmark", None, "benchmark series id for the market-adjusted and market models"),
    Param("placebo", 1000, "random non-event dates for the placebo test"),
    Param("seed", 0, "seed of the placebo draw"),
    Param("drop_contaminated", False, "leave other case events' windows out of the estimation"),
    check=_check,
)
def market_reaction(spec: dict, ctx: Context, claim: Any = None) -> Verdict:
    event_id, when, title = _event(spec, ctx)
    window = _offsets(spec["window"]) or (0, 5)
    estimation = _offsets(spec["estimation"]) or event_tests.DEFAULT_ESTIMATION
    expect, model, placebo = str(spec["expect"]), str(spec["model"]), int(spec["placebo"])
    rule_text = RULE_TEXT.format(
        model=event_models.MODELS.get(model, model),
        n_text=f"{estimation[1] - estimation[0] + 1} observations ending {-estimation[1] - 1} before the event",
        window=f"offsets {window[0]:+d}..{window[1]:+d}",
        expect=expect,
        placebo=f"{placebo:,}",
    )
    if when is None:
        return Verdict("no data", RULE, rule_text, detail=f"'{event_id}' is neither a case event nor a date.")
    bench_id = spec.get("benchmark")
    benchmark = ctx.series(bench_id) if bench_id else None
    bench_meta = _meta(ctx, bench_id)
    others = {}
    if len(ctx.events) and {"id", "date", "title"} <= set(ctx.events.columns):
        others = {row.id: (pd.Timestamp(row.date), str(row.title)) for row in ctx.events.itertuples()}
    parts = []
    for sid in as_list(spec["series"]):
        meta = _meta(ctx, sid)
        label = str(meta.get("name") or sid)
        values = ctx.series(sid)
        if values is None:
            parts.append(Verdict("no data", RULE, rule_text, detail=f"No data for {label}.", label=label))
            continue
        result = event_tests.abnormal(
            values,
            when,
            model=model,
            benchmark=benchmark,
            estimation=estimation,
            window=window,
            placebo=placebo,
            seed=int(spec["seed"]),
            kind=event_returns.return_kind(meta, values)[0],
            benchmark_kind=event_returns.return_kind(bench_meta, benchmark)[0] if benchmark is not None else None,
            frequency=str(meta.get("frequency") or "daily"),
            label=label,
            benchmark_label=str(bench_meta.get("name") or bench_id or "the benchmark"),
            other_events=others,
            drop_contaminated=bool(spec["drop_contaminated"]),
            event_id=event_id,
        )
        status, why = judge(result, expect)
        monthly = str(meta.get("frequency")) == "monthly"
        low_power = f" {event_tests.LOW_POWER}" if monthly and result.ok else ""
        numbers = _numbers(ctx, sid, meta, result) if result.ok else []
        for number in numbers if monthly else []:
            number["low_power"] = LOW_POWER
        parts.append(
            Verdict(status, RULE, rule_text, numbers=numbers, detail=f"{title}: {why}{low_power}", label=label)
        )
    if len(parts) == 1:
        only = parts[0]
        return Verdict(only.status, RULE, rule_text, numbers=only.numbers, detail=only.detail)
    detail = f"{title}: each series judged on its own."
    return Verdict(combine_providers(parts), RULE, rule_text, detail=detail, parts=parts)
