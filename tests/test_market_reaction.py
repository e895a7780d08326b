"""Rule market_reaction: every outcome on its scale reached on factory series, the numbers it cites, bad specs."""

from __future__ import annotations

import pandas as pd
import pytest

from components import evidence, strength
from components.eventstudy import abnormal
from tests.factories.event_returns import EVENT, calm_then_wild, event_frame, iid_returns_series, market_pair

EVENTS = event_frame(("threat", EVENT, "Sanctions threat"), ("strike", "2025-03-11", "A strike"))
META = {"unit": "USD/bbl", "name": "Test crude", "frequency": "daily", "source_url": "https://www.eia.gov/x"}


def _context(series_by_id: dict, metas: dict | None = None) -> evidence.Context:
    metas = metas or {}
    return evidence.Context(
        get_series=lambda sid: series_by_id[sid],
        events=EVENTS,
        get_meta=lambda sid: {**META, **metas.get(sid, {})},
    )


def _spec(**extra) -> dict:
    return {"rule": "market_reaction", "series": ["x"], "event": "threat", "window": [0, 0], **extra}


@pytest.mark.parametrize(
    ("series", "spec", "status"),
    [
        (iid_returns_series(jump_sigmas=6, seed=2), {"expect": "up"}, "supported"),
        (iid_returns_series(jump_sigmas=-6, seed=2), {"expect": "down"}, "supported"),
        (iid_returns_series(jump_sigmas=6, seed=2), {"expect": "any"}, "supported"),
        (iid_returns_series(jump_sigmas=6, seed=2), {"expect": "down"}, "contradicted"),  # unusual, wrong way
        (iid_returns_series(jump_sigmas=0.3, seed=2), {"expect": "up"}, "no clear change"),  # normal variation
        (calm_then_wild(), {"expect": "up"}, "mixed"),  # t-test says unusual, placebo does not
        (iid_returns_series(jump_sigmas=6, seed=2), {"event": "2019-01-04"}, "no data"),  # before the series
        (iid_returns_series(jump_sigmas=6, seed=2), {"event": "no such event"}, "no data"),
    ],
)
def test_every_outcome_is_reachable(series, spec, status):
    verdict = evidence.evaluate(_spec(**spec), _context({"x": series}))
    assert verdict.status == status, verdict.detail
    assert verdict.rule == "market_reaction" and "MacKinlay" in verdict.rule_text
    if status != "no data":
        assert verdict.detail.startswith("Sanctions threat")


def test_the_numbers_are_the_event_study_s_with_the_series_source():
    series = iid_returns_series(jump_sigmas=6, seed=2)
    verdict = evidence.evaluate(_spec(placebo=500, seed=9), _context({"x": series}))
    result = abnormal(series, EVENT, window=(0, 0), placebo=500, seed=9, kind="log")
    by_label = {n["label"]: n for n in verdict.numbers}
    assert by_label["CAR over +0..+0"]["value"] == pytest.approx(round(result.car * 100, 4))
    assert by_label["CAR over +0..+0"]["unit"] == "%"
    assert by_label["t = CAR / (σ̂·√L)"]["value"] == pytest.approx(round(result.t, 3))
    assert by_label["placebo p (500 dates, seed 9)"]["value"] == pytest.approx(round(result.placebo_p, 4))
    assert all(n["source_url"] == META["source_url"] and n["series"] == "x" for n in verdict.numbers)


def test_several_series_are_judged_each_on_its_own():
    moved, calm = iid_returns_series(jump_sigmas=6, seed=2), iid_returns_series(jump_sigmas=0.2, seed=4)
    verdict = evidence.evaluate(_spec(series=["a", "b", "gone"]), _context({"a": moved, "b": calm, "gone": None}))
    assert [p.status for p in verdict.parts] == ["supported", "no clear change", "no data"]
    assert verdict.status == "mixed"


def test_market_model_against_a_benchmark_and_monthly_series_say_low_power():
    series, benchmark = market_pair()
    ctx = _context({"x": series, "bench": benchmark}, {"bench": {"name": "Bench"}})
    verdict = evidence.evaluate(_spec(model="market", benchmark="bench", window=[-1, 1]), ctx)
    assert verdict.status in ("supported", "mixed", "no clear change", "contradicted") and verdict.numbers
    monthly = pd.Series(range(60, 100), index=pd.date_range("2022-01-01", periods=40, freq="MS"), dtype=float)
    ctx = _context({"x": monthly}, {"x": {"frequency": "monthly"}})
    verdict = evidence.evaluate(_spec(event="2025-03-07", estimation=[-24, -1], window=[0, 0]), ctx)
    assert "little power" in verdict.detail
    assert all(n["low_power"] for n in verdict.numbers)
    assert strength.assess(verdict).level == "thin" and "little power" in strength.assess(verdict).reason


def test_a_daily_official_series_is_not_thin_evidence():
    verdict = evidence.evaluate(_spec(), _context({"x": iid_returns_series(jump_sigmas=6, seed=2)}))
    assert strength.assess(verdict).level in ("strong", "moderate")


def test_bad_specs_are_named():
    problems = dict(
        evidence.validate_spec(
            {"rule": "market_reaction", "series": ["x"], "window": "soon", "expect": "sideways", "model": "capm"}
        )
    )
    assert set(problems) == {"evidence.event", "evidence.window", "evidence.expect", "evidence.model"}
