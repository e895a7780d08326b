"""components.evidence rules on fixture series: supported, contradicted, mixed, missing data, flags, scenarios."""

from __future__ import annotations

import pandas as pd
import pytest

from components import evidence
from tests.factories.series import monthly_series, series_loaders

TODAY = pd.Timestamp("2026-11-25")


def ctx(series: dict, flags=None, events=None, facts=None, today=TODAY) -> evidence.Context:
    gs, gp = series_loaders(series, flags)
    return evidence.Context(
        get_series=gs,
        get_points=gp,
        events=events if events is not None else pd.DataFrame(),
        facts=facts if facts is not None else pd.DataFrame(),
        today=today,
    )


# 25 monthly values Feb 2023 .. Feb 2025; last = Feb 2025
HIGH = [1.6] * 24 + [1.4]
LOWER_BEFORE = [1.6] * 10 + [1.2] + [1.6] * 13 + [1.4]
LOW_SPEC = {"rule": "lowest_since", "series": ["imp_kpler", "imp_vortexa"], "at": "2025-02-01", "months": 24}


def test_lowest_since_supported_with_sources():
    v = evidence.evaluate(
        LOW_SPEC,
        ctx(
            {
                "imp_kpler": monthly_series("2023-02-01", HIGH, "imp_kpler"),
                "imp_vortexa": monthly_series("2023-02-01", HIGH, "imp_vortexa"),
            }
        ),
    )
    assert v.status == "supported"
    assert [p.status for p in v.parts] == ["supported", "supported"]
    assert "24 of 24 earlier months" in v.parts[0].detail
    n = v.parts[0].numbers[0]
    assert n["value"] == 1.4 and n["provider"] == "Kpler" and n["source_url"].startswith("https://")


def test_lowest_since_contradicted_and_mixed():
    lower = {
        "imp_kpler": monthly_series("2023-02-01", LOWER_BEFORE, "imp_kpler"),
        "imp_vortexa": monthly_series("2023-02-01", LOWER_BEFORE, "imp_vortexa"),
    }
    assert evidence.evaluate(LOW_SPEC, ctx(lower)).status == "contradicted"
    mixed = {
        "imp_kpler": monthly_series("2023-02-01", HIGH, "imp_kpler"),
        "imp_vortexa": monthly_series("2023-02-01", LOWER_BEFORE, "imp_vortexa"),
    }
    v = evidence.evaluate(LOW_SPEC, ctx(mixed))
    assert v.status == "mixed"
    assert "Kpler" in v.detail and "Vortexa" in v.detail and "Dec 2023" in v.detail


def test_lowest_since_gaps_stay_gaps_and_missing_data():
    three = [1.7] + [None] * 19 + [1.6, None, 1.5, None, 1.4]
    v = evidence.evaluate(LOW_SPEC, ctx({"imp_kpler": monthly_series("2023-02-01", three, "imp_kpler")}))
    assert v.parts[0].status == "supported" and "3 of 24 earlier months" in v.parts[0].detail
    gappy = [None] * 20 + [1.6, None, 1.5, None, 1.4]
    # 2 earlier months < min_months 3 -> no data for kpler; vortexa unknown id -> no data
    spec = dict(LOW_SPEC, min_months=3)
    v = evidence.evaluate(spec, ctx({"imp_kpler": monthly_series("2023-02-01", gappy, "imp_kpler")}))
    assert v.parts[0].status == "no data" and "only 2 of 24" in v.parts[0].detail
    assert v.parts[1].status == "no data" and v.status == "no data"
    no_feb = monthly_series("2023-02-01", HIGH[:-1] + [None], "imp_kpler")
    v = evidence.evaluate(LOW_SPEC, ctx({"imp_kpler": no_feb}))
    assert v.status == "no data" and "no usable figure for Feb 2025" in v.detail


def test_lowest_since_excludes_flagged_points():
    s = monthly_series("2023-02-01", LOWER_BEFORE, "imp_kpler")
    flags = {"imp_kpler": {"2023-12-01": "partial"}}  # the earlier low is only a partial month
    v = evidence.evaluate(dict(LOW_SPEC, series=["imp_kpler"]), ctx({"imp_kpler": s}, flags))
    assert v.status == "supported" and "Left out as partial/provisional: Dec 2023" in v.detail
    flags = {"imp_kpler": {"2025-02-01": "provisional"}}
    assert evidence.evaluate(dict(LOW_SPEC, series=["imp_kpler"]), ctx({"imp_kpler": s}, flags)).status == "no data"


def test_verdict_changes_when_data_changes():
    spec = dict(LOW_SPEC, series=["imp_kpler"])
    s = monthly_series("2023-02-01", HIGH, "imp_kpler")
    assert evidence.evaluate(spec, ctx({"imp_kpler": s})).status == "supported"
    s2 = s.copy()
    s2.iloc[5] = 1.0
    assert evidence.evaluate(spec, ctx({"imp_kpler": s2})).status == "contradicted"


CHG = {
    "rule": "change_between",
    "series": ["a_kpler", "a_vortexa"],
    "a": "2025-01-01",
    "b": "2025-02-01",
    "expect": "down",
    "min_pct": 3,
}


@pytest.mark.parametrize(
    "k,v,status",
    [
        ((1.67, 1.40), (1.49, 1.41), "supported"),
        ((1.40, 1.67), (1.41, 1.49), "contradicted"),
        ((1.67, 1.40), (1.40, 1.41), "mixed"),
        ((1.67, 1.66), (1.49, 1.48), "contradicted"),  # falls, but less than 3%
    ],
)
def test_change_between(k, v, status):
    c = ctx(
        {
            "a_kpler": monthly_series("2025-01-01", k, "a_kpler"),
            "a_vortexa": monthly_series("2025-01-01", v, "a_vortexa"),
        }
    )
    out = evidence.evaluate(CHG, c)
    assert out.status == status
    assert "%" in out.parts[0].detail and len(out.parts[0].numbers) == 2


def test_change_between_windows_missing_and_pending():
    c = ctx({"a_kpler": monthly_series("2025-01-01", (1.5, None), "a_kpler")})
    out = evidence.evaluate(dict(CHG, series=["a_kpler"]), c)
    assert out.status == "no data" and "later window" in out.detail
    spec = {
        "rule": "change_between",
        "series": ["a_kpler"],
        "a_start": "2025-01-01",
        "a_end": "2025-03-01",
        "b_start": "2027-01-01",
        "b_end": "2027-03-01",
        "expect": "up",
    }
    assert evidence.evaluate(spec, c).status == "pending"
    up_ok = dict(spec, b_start="2025-01-01", b_end="2025-02-01", expect="up", min_pct=-20)
    assert "no more than 20%" in evidence.evaluate(up_ok, c).rule_text


FACTS = pd.DataFrame(
    [
        {
            "id": "f1",
            "topic": "arms",
            "period": "2019-2023",
            "value": "36",
            "unit": "percent",
            "provider": "SIPRI 2024",
            "source_title": "t1",
            "source_url": "https://example.org/1",
        },
        {
            "id": "f2",
            "topic": "arms",
            "period": "2014-2018",
            "value": "58",
            "unit": "percent",
            "provider": "SIPRI 2019",
            "source_title": "t2",
            "source_url": "https://example.org/2",
        },
        {
            "id": "f3",
            "topic": "budget",
            "period": "2025",
            "value": "27.1",
            "unit": "percent (PLAN)",
            "provider": "MinFin",
            "source_title": "t3",
            "source_url": "https://example.org/3",
        },
        {
            "id": "f4",
            "topic": "budget",
            "period": "2025",
            "value": "<23",
            "unit": "percent (actual, as reported)",
            "provider": "MinFin/Meduza",
            "source_title": "t4",
            "source_url": "https://example.org/4",
        },
    ]
)


@pytest.mark.parametrize(
    "spec,status",
    [
        ({"topic": "arms", "period": "2014-2018", "supported_at": 50, "contradicted_below": 25}, "supported"),
        ({"topic": "arms", "period": "2019-2023", "supported_at": 50, "contradicted_below": 25}, "mixed"),
        ({"topic": "arms", "period": "2019-2023", "supported_at": 50, "contradicted_below": 40}, "contradicted"),
        ({"topic": "budget", "period": "2025", "supported_at": 20, "contradicted_below": 10}, "mixed"),  # '<23' bound
        ({"topic": "budget", "period": "2025", "supported_at": 30, "contradicted_below": 25}, "contradicted"),
        ({"topic": "arms", "period": "1990-1994", "supported_at": 50}, "no data"),
    ],
)
def test_share_at_facts(spec, status):
    v = evidence.evaluate(dict(spec, rule="share_at", context_periods=["2014-2018"]), ctx({}, facts=FACTS))
    assert v.status == status
    if status != "no data":
        assert v.numbers[0]["source_url"].startswith("https://") and v.numbers[0]["provider"].startswith(
            ("SIPRI", "Min")
        )


def test_share_at_series_with_tolerance():
    c = ctx({"x_kpler": monthly_series("2024-06-01", (1.2, None, None), "x_kpler")})
    spec = {"rule": "share_at", "series": ["x_kpler"], "at": "2024-08-01", "supported_at": 1.0}
    assert evidence.evaluate(spec, c).status == "no data"
    assert evidence.evaluate(dict(spec, tolerance_months=3), c).status == "supported"


def _events():
    return pd.DataFrame(
        [
            {
                "id": "e1",
                "date": pd.Timestamp("2025-03-18"),
                "title": "Leaders hold a call",
                "summary": "s",
                "actors": ["trump", "putin"],
                "category": "diplomacy",
                "source_title": "T",
                "source_url": "https://x.org/1",
            },
            {
                "id": "e2",
                "date": pd.Timestamp("2025-08-27"),
                "title": "Tariff on India",
                "summary": "s",
                "actors": ["us", "india"],
                "category": "tariffs",
                "source_title": "T",
                "source_url": "https://x.org/2",
            },
        ]
    )


def test_event_on_record_filters():
    c = ctx({}, events=_events())
    spec = {
        "rule": "event_on_record",
        "category": "diplomacy",
        "actors_all": ["trump", "putin"],
        "title_regex": "call",
        "start": "2025-03-09",
        "end": "2025-04-30",
    }
    v = evidence.evaluate(spec, c)
    assert v.status == "supported" and v.numbers[0]["source_url"] == "https://x.org/1"
    assert evidence.evaluate(dict(spec, end="2025-03-10"), c).status == evidence.NOT_IN_RECORD
    assert evidence.evaluate(dict(spec, actors_all=["modi"]), c).status == evidence.NOT_IN_RECORD
    assert evidence.evaluate(dict(spec, actors_all=[], actors_any=["putin", "xi"]), c).status == "supported"
    assert evidence.evaluate(dict(spec, min_events=2), c).status == evidence.NOT_IN_RECORD
    assert evidence.evaluate(spec, ctx({}, events=_events().iloc[:0])).status == "no data"  # no record loaded at all


def test_interpretive():
    v = evidence.evaluate({"rule": "interpretive"}, ctx({}))
    assert v.status == "not testable" and v.rule_text


def _scen(today, **extra):
    spec = {
        "rule": "scenario_outcome",
        "deadline": "2026-02-28",
        "conditions": [
            {
                "label": "tariff",
                "rule": "event_on_record",
                "category": "tariffs",
                "actors_all": ["us", "india"],
                "start": "2025-03-09",
                "end": "2026-02-28",
                "required": True,
            },
            {
                "label": "imports fell",
                "rule": "change_between",
                "series": ["imp_kpler"],
                "a": "2025-03-01",
                "b": "2025-12-01",
                "expect": "down",
                "min_pct": 25,
            },
        ],
    }
    spec.update(extra)
    return spec


@pytest.mark.parametrize(
    "b_value,events,today,status",
    [
        (1.0, True, TODAY, "happened"),
        (1.9, True, TODAY, "partly"),
        (1.0, False, TODAY, "did not happen"),  # the outcome (required) absent from the record after the deadline
        (1.0, False, pd.Timestamp("2025-06-01"), "too early"),
    ],
)
def test_scenario_outcome(b_value, events, today, status):
    s = monthly_series("2025-03-01", [2.0] + [None] * 8 + [b_value], "imp_kpler")
    ev = _events() if events else _events().iloc[:1]  # without the tariff: only an unrelated call on record
    v = evidence.evaluate(_scen(today), ctx({"imp_kpler": s}, events=ev, today=today))
    assert v.status == status
    assert [p.label for p in v.parts] == ["tariff", "imports fell"]


def test_scenario_none_met_and_validation():
    s = monthly_series("2025-03-01", [2.0] + [None] * 8 + [1.9], "imp_kpler")
    spec = _scen(TODAY)
    spec["conditions"][0]["required"] = False
    v = evidence.evaluate(spec, ctx({"imp_kpler": s}, events=_events().iloc[:0]))
    assert v.status == "did not happen"
    assert evidence.validate_spec(spec) == []
    bad = dict(spec, conditions=[{"rule": "scenario_outcome", "conditions": []}, {"rule": "lowest_since"}])
    fields = [f for f, _ in evidence.validate_spec(bad)]
    assert "evidence.conditions[0].rule" in fields and "evidence.conditions[1].series" in fields


def test_loader_errors_become_no_data():
    def boom(_):
        raise KeyError("unknown id")

    c = evidence.Context(get_series=boom, get_points=boom)
    assert evidence.evaluate(LOW_SPEC, c).status == "no data"
    assert evidence.series_ids(_scen(TODAY)) == ["imp_kpler"]


def test_numbers_markdown_escapes_source_text_and_links_only_http():
    from components import evidence_charts
    from components.evidence import Verdict

    nums = [
        {
            "label": "Kpler | Jan [x](javascript:alert(1))",
            "value": 1.4,
            "unit": "million b/d",
            "date": "2025-02-01",
            "provider": "Kpler $x$ :red[y]",
            "flag": "partial",
            "source_title": "A <b>page</b>\nwith | pipes",
            "source_url": "https://example.org/a_(b)",
        },
        {
            "label": "bad link",
            "value": 2,
            "unit": "",
            "date": "",
            "provider": "",
            "flag": "",
            "source_title": "T",
            "source_url": "javascript:alert(1)",
        },
    ]
    md = evidence_charts.numbers_markdown(Verdict("supported", "r", "rule", nums))
    lines = md.splitlines()
    assert len(lines) == 4 and all(line.count(" | ") == 6 for line in lines[2:])  # no cell split by a stray pipe
    assert r"Kpler \| Jan \[x\]\(javascript\:alert\(1\)\)" in lines[2]
    assert r"\$x\$ \:red\[y\]" in lines[2] and r"\<b\>page\</b\> with \| pipes" in lines[2]
    assert "(<https://example.org/a_(b)>)" in lines[2]
    assert "javascript:alert" not in lines[3] and lines[3].endswith("| T |")
    assert evidence_charts.numbers_markdown(Verdict("no data", "r", "rule", [])) == ""
