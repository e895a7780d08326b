"""Rule value_matches: a stated figure against each provider's figure for its period, within a tolerance."""

from __future__ import annotations

import pandas as pd
import pytest

from components import evidence
from tests.factories.series import monthly_series, series_loaders

SERIES = {
    "imp_kpler": monthly_series("2025-09-01", [1.60, 1.80, 1.86, 1.27], "imp_kpler"),
    "imp_vortexa": monthly_series("2025-09-01", [1.55, 1.62, 2.20, None], "imp_vortexa"),
    "daily": pd.Series(
        [70.0, 72.0, 74.0], index=pd.to_datetime(["2025-03-03", "2025-03-04", "2025-03-05"]), name="daily"
    ),
}


def ctx(flags=None, today="2026-06-01"):
    get_series, get_points = series_loaders(SERIES, flags)
    return evidence.Context(get_series=get_series, get_points=get_points, today=pd.Timestamp(today))


def run(flags=None, today="2026-06-01", **spec):
    spec = {"rule": "value_matches", **spec}
    assert evidence.validate_spec(spec) == []
    return evidence.evaluate(spec, ctx(flags, today))


def test_supported_within_tolerance_names_the_agreeing_provider():
    v = run(series=["imp_kpler"], at="2025-11-01", value=1.87, tolerance_pct=5)
    assert v.status == "supported"
    assert v.parts[0].numbers[0]["value"] == 1.86 and v.parts[0].numbers[0]["source_url"].startswith("https://")
    assert "agree: Kpler" in v.detail


def test_contradicted_outside_a_stated_range():
    v = run(series=["imp_kpler"], at="2025-12-01", low=0.65, high=0.60, tolerance_pct=10)
    assert v.status == "contradicted" and "away from the stated 0.60-0.65" in v.detail


def test_providers_that_disagree_give_mixed_and_say_who_agrees():
    v = run(series=["imp_kpler", "imp_vortexa"], at="2025-11-01", value=1.87)
    assert v.status == "mixed"
    assert "agree: Kpler" in v.detail and "disagree: Vortexa" in v.detail


def test_gap_and_flagged_figure_are_no_data_never_filled():
    assert run(series=["imp_vortexa"], at="2025-12-01", value=1.3).status == "no data"
    flagged = run(
        {"imp_kpler": {"2025-10-01": "partial;provisional"}}, series=["imp_kpler"], at="2025-10-01", value=1.8
    )
    assert flagged.status == "no data" and "Oct 2025" in flagged.detail


def test_pending_before_the_period_ends():
    assert run(today="2025-10-15", series=["imp_kpler"], at="2025-12-01", value=1.3).status == "pending"


@pytest.mark.parametrize(
    "compare,value,status",
    [("at_least", 1.7, "supported"), ("at_least", 2.0, "contradicted"), ("at_most", 1.7, "contradicted")],
)
def test_more_than_and_less_than(compare, value, status):
    assert run(series=["imp_kpler"], at="2025-11-01", value=value, compare=compare).status == status


def test_month_mean_of_a_daily_series_checked_independently():
    v = run(series=["daily"], at="2025-03-15", value=72, window="month_mean", tolerance_pct=0.5)
    assert v.status == "supported"
    assert v.parts[0].numbers[0]["value"] == pytest.approx(SERIES["daily"].mean())


@pytest.mark.parametrize(
    "bad,field",
    [
        ({"value": "lots"}, "evidence.value"),
        ({"compare": "roughly"}, "evidence.compare"),
        ({"at": None}, "evidence.at"),
    ],
)
def test_validation_names_the_parameter(bad, field):
    spec = {"rule": "value_matches", "series": ["imp_kpler"], "at": "2025-11-01", "value": 1.8, **bad}
    assert field in {f for f, _ in evidence.validate_spec(spec)}
