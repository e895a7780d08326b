"""Every rule reaches every outcome on its scale, on factory data (one row per rule and outcome).

Why a table: a rule that cannot reach an outcome (the old event rule could never say 'contradicted') looks
exactly like one that can until someone reads its code; here each outcome has a case that produces it."""

from __future__ import annotations

import pytest

from components import evidence
from components.evidence.verdict import NO_CLEAR_CHANGE, NOT_IN_RECORD
from tests.factories.evidence import EVIDENCE_TODAY, evidence_context, evidence_events, flat_monthly
from tests.factories.series import monthly_series

KPLER, VORTEXA = "imp_kpler", "imp_vortexa"
LOW = {"rule": "lowest_since", "series": [KPLER, VORTEXA], "at": "2025-02-01", "months": 24}
HIGH = [1.6] * 24 + [1.4]
DIP_BEFORE = [1.6] * 10 + [1.2] + [1.6] * 13 + [1.4]
CHANGE = {"rule": "change_between", "series": [KPLER, VORTEXA], "a": "2025-01-01", "b": "2025-02-01", "min_pct": 3}
SHARE = {
    "rule": "share_at",
    "series": [KPLER, VORTEXA],
    "at": "2025-02-01",
    "supported_at": 1.0,
    "contradicted_below": 0.5,
}
EVENT = {
    "rule": "event_on_record",
    "category": "military",
    "actors_all": ["russia"],
    "text_regex": "strike",
    "start": "2025-03-01",
    "end": "2025-03-31",
    "contrary": {"category": "diplomacy", "actors_all": ["russia"], "text_regex": "pause"},
}


def _pair(kpler, vortexa, start="2023-02-01"):
    return {KPLER: monthly_series(start, kpler, KPLER), VORTEXA: monthly_series(start, vortexa, VORTEXA)}


def _event(day, category, title):
    return {"date": day, "category": category, "title": title, "actors": ["russia", "ukraine"]}


def _scenario(*conditions):
    return {"rule": "scenario_outcome", "deadline": "2025-06-30", "conditions": list(conditions)}


def _cond(role, text, start="2025-03-01", end="2025-03-31", contrary=None):
    spec = {
        "label": text,
        "role": role,
        "rule": "event_on_record",
        "category": "military",
        "actors_all": ["russia"],
        "text_regex": text,
        "start": start,
        "end": end,
    }
    if contrary:
        spec["contrary"] = {"category": "diplomacy", "actors_all": ["russia"], "text_regex": contrary}
    return spec


STRIKE = [_event("2025-03-10", "military", "Missile strike on Kyiv")]
PAUSE = [_event("2025-03-12", "diplomacy", "Russia agrees a pause")]
OUTCOMES = [
    # rule, outcome, spec, series, events, today
    ("lowest_since", "supported", LOW, _pair(HIGH, HIGH), [], None),
    ("lowest_since", "contradicted", LOW, _pair(DIP_BEFORE, DIP_BEFORE), [], None),
    ("lowest_since", "mixed", LOW, _pair(HIGH, DIP_BEFORE), [], None),
    ("lowest_since", "no data", LOW, {}, [], None),
    ("change_between", "supported", CHANGE, _pair([1.6, 1.4], [1.6, 1.3], "2025-01-01"), [], None),
    ("change_between", "contradicted", CHANGE, _pair([1.4, 1.6], [1.3, 1.6], "2025-01-01"), [], None),
    ("change_between", "mixed", CHANGE, _pair([1.6, 1.4], [1.4, 1.6], "2025-01-01"), [], None),
    (
        "change_between",
        NO_CLEAR_CHANGE,
        dict(CHANGE, min_pct=0, noise_pct=2),
        _pair([1.6, 1.597], [1.6, 1.598], "2025-01-01"),
        [],
        None,
    ),
    ("change_between", "pending", dict(CHANGE, b="2027-01-01"), _pair([1.6, 1.4], [1.6, 1.4], "2025-01-01"), [], None),
    ("change_between", "no data", CHANGE, _pair([1.6], [1.6], "2024-06-01"), [], None),
    ("share_at", "supported", SHARE, _pair([1.2], [1.3], "2025-02-01"), [], None),
    ("share_at", "contradicted", SHARE, _pair([0.2], [0.3], "2025-02-01"), [], None),
    ("share_at", "mixed", SHARE, _pair([0.7], [0.8], "2025-02-01"), [], None),
    ("share_at", "no data", SHARE, {}, [], None),
    ("event_on_record", "supported", EVENT, {}, STRIKE, None),
    ("event_on_record", "contradicted", EVENT, {}, PAUSE, None),
    ("event_on_record", "mixed", EVENT, {}, STRIKE + PAUSE, None),
    ("event_on_record", NOT_IN_RECORD, EVENT, {}, [_event("2025-03-05", "aid", "Aid pause")], None),
    ("event_on_record", "pending", EVENT, {}, [_event("2025-03-05", "aid", "Aid pause")], "2025-03-20"),
    ("event_on_record", "no data", EVENT, {}, [], None),
    ("interpretive", "not testable", {"rule": "interpretive"}, {}, [], None),
    (
        "scenario_outcome",
        "happened",
        _scenario(_cond("trigger", "strike"), _cond("outcome", "strike")),
        {},
        STRIKE,
        None,
    ),
    (
        "scenario_outcome",
        "did not happen",
        _scenario(_cond("trigger", "strike"), _cond("outcome", "truce", contrary="pause")),
        {},
        STRIKE + PAUSE,
        None,
    ),
    (
        "scenario_outcome",
        "partly",
        _scenario(_cond("outcome", "strike"), _cond("part", "truce", contrary="pause")),
        {},
        STRIKE + PAUSE,
        None,
    ),
    (
        "scenario_outcome",
        "not testable",
        _scenario(_cond("trigger", "truce", contrary="pause"), _cond("outcome", "strike")),
        {},
        STRIKE + PAUSE,
        None,
    ),
    (
        "scenario_outcome",
        "too early",
        _scenario(_cond("outcome", "strike", end="2025-12-31")),
        {},
        [_event("2025-03-05", "aid", "Aid pause")],
        "2025-06-01",
    ),
    ("scenario_outcome", "no data", _scenario({"label": "x", "role": "part", **CHANGE}), {}, [], None),
]


@pytest.mark.parametrize(
    ("rule", "outcome", "spec", "series", "events", "today"), OUTCOMES, ids=[f"{r}-{o}" for r, o, *_ in OUTCOMES]
)
def test_rule_reaches_outcome(rule, outcome, spec, series, events, today):
    ctx = evidence_context(series, events=evidence_events(events) if events else None, today=today or EVIDENCE_TODAY)
    verdict = evidence.evaluate(spec, ctx)
    assert verdict.rule == rule
    assert verdict.status == outcome, verdict.detail


def test_every_outcome_of_every_scale_is_in_the_table():
    reached = {(r, o) for r, o, *_ in OUTCOMES}
    for rule, scale in {
        "lowest_since": ("supported", "contradicted", "mixed", "no data"),
        "change_between": ("supported", "contradicted", "mixed", NO_CLEAR_CHANGE, "pending", "no data"),
        "share_at": ("supported", "contradicted", "mixed", "no data"),
        "event_on_record": ("supported", "contradicted", "mixed", NOT_IN_RECORD, "pending", "no data"),
        "scenario_outcome": ("happened", "did not happen", "partly", "not testable", "too early", "no data"),
    }.items():
        assert {(rule, o) for o in scale} <= reached, rule


def test_not_in_record_says_what_the_record_holds_and_absence_never_contradicts():
    ctx = evidence_context({}, events=evidence_events([_event("2025-03-05", "military", "Drone raid on Odesa")]))
    v = evidence.evaluate(dict(EVENT, text_regex="no-fly"), ctx)
    assert v.status == NOT_IN_RECORD
    assert "The record holds 1 military event(s) in that window" in v.detail and "Drone raid on Odesa" in v.detail


def test_an_event_is_evidence_only_for_what_it_is():
    lifted = [
        {
            "date": "2026-02-07",
            "category": "tariffs",
            "title": "Order removing India's extra tariff takes effect",
            "actors": ["us", "india"],
        }
    ]
    spec = {
        "rule": "event_on_record",
        "category": "tariffs",
        "actors_all": ["us", "india"],
        "start": "2026-01-01",
        "end": "2026-02-28",
        "exclude_regex": "remov|lift",
    }
    assert evidence.evaluate(spec, evidence_context({}, events=evidence_events(lifted))).status == NOT_IN_RECORD


def test_noise_tolerance_is_stated_and_computed_from_the_series():
    noisy = monthly_series("2023-01-01", [1.0, 1.2, 0.9, 1.1, 0.95, 1.15, 1.0, 1.1, 1.0, 1.02, 1.0, 0.998], KPLER)
    spec = {
        "rule": "change_between",
        "series": [KPLER],
        "a": "2023-11-01",
        "b": "2023-12-01",
        "expect": "up",
        "min_pct": 0,
    }
    v = evidence.evaluate(spec, evidence_context({KPLER: noisy}))
    assert v.status == NO_CLEAR_CHANGE
    assert "noise" in v.parts[0].detail and "noise" in v.rule_text
    steady = flat_monthly("2023-01-01", 12, KPLER, last=0.9)
    assert evidence.evaluate(dict(spec, expect="down"), evidence_context({KPLER: steady})).status == "supported"


def test_partly_untested_is_said():
    spec = _scenario(_cond("outcome", "strike"), {"label": "imports", "role": "part", **CHANGE})
    v = evidence.evaluate(spec, evidence_context({}, events=evidence_events(STRIKE)))
    assert v.status == "partly" and v.detail.startswith("Partly untested (imports)")
