"""What would change the verdict: controls per claim, recomputation with other settings (the published verdict
stays the default's), the robustness grid and its words, and URL settings that are tampered or out of range."""

from __future__ import annotations

import time

import pytest

from components import evidence
from components.case import load_case
from components.evidence import sensitivity


@pytest.fixture(scope="module")
def case():
    return load_case()


def test_controls_on_quantitative_and_scenario_cards_none_on_events(case):
    low = {c.key for c in evidence.controls(case.claim("india_two_year_low"))}
    assert {"months", "series", "exclude_flags", "min_tier"} <= low
    scen = {c.key for c in evidence.controls(case.claim("scenario_india_complies"))}
    assert {"c2.min_pct", "c2.b_shift", "c1.end_shift"} <= scen
    assert evidence.controls(case.claim("us_aid_intel_pause")) == []


def test_recompute_beside_the_published_verdict(case):
    claim = case.claim("india_two_year_low")
    published = claim.verdict.status
    changed = evidence.evaluate(claim, {"series": ["india_imports_russia_kpler"]})
    assert changed.status == "supported" and changed.strength.level == "thin"  # Kpler alone: 4 of 24 months
    assert claim.verdict.status == published  # the published verdict is untouched
    assert evidence.evaluate(claim).status == published
    with pytest.raises(ValueError, match="no setting"):
        evidence.evaluate(claim, {"month": 12})


def test_thresholds_and_windows_move_the_verdict(case):
    claim = case.claim("india_cut_jan_to_feb")
    strict = evidence.evaluate(claim, {"min_pct": 20, "series": ["india_imports_russia_kpler"]})
    loose = evidence.evaluate(claim, {"min_pct": 3, "series": ["india_imports_russia_kpler"]})
    assert (strict.status, loose.status) == ("contradicted", "supported")  # Kpler fell 16.2 %
    tiered = evidence.evaluate(case.claim("india_two_year_low"), {"min_tier": 2})
    assert "below tier 2" in tiered.detail or tiered.status != case.claim("india_two_year_low").verdict.status


def test_robustness_grid_marks_the_default_and_says_where_it_changes(case):
    grid = evidence.robustness(case.claim("india_two_year_low"))
    assert len(grid.rows) == 15 and sum(r["default"] for r in grid.rows) == 1
    default = next(r for r in grid.rows if r["default"])
    assert default["status"] == case.claim("india_two_year_low").verdict.status
    assert grid.words.startswith(f"{default['status']} in ")
    assert "look-back" in grid.words
    steady = evidence.robustness(case.claim("russia_budget_oil_dependence"))
    assert steady.words.endswith("(every setting tried)")
    assert evidence.robustness(case.claim("trust_deficit")).rows == []


def test_describe_counts_and_names_the_first_flip():
    months = sensitivity.Control(
        "months", "Look-back", "int", 24, 6, 60, 1, grid=(12, 24, 36), noun="look-back", unit="months"
    )
    grid = sensitivity.Robustness("x", [months])
    for value, status in ((12, "supported"), (24, "supported"), (36, "contradicted")):
        grid.rows.append({"settings": {"months": value}, "status": status, "default": value == 24})
    assert (
        sensitivity.describe(grid) == "supported in 2 of 3 settings; contradicted once the look-back reaches 36 months"
    )


def test_grid_is_quick_once_the_data_is_loaded(case):
    claim = case.claim("scenario_india_complies")
    evidence.robustness(claim)
    start = time.perf_counter()
    evidence.robustness(claim)
    assert time.perf_counter() - start < 1.0  # generous: bench/bench_verdicts.py measures the real figure


@pytest.mark.parametrize(
    ("raw", "expected", "notice"),
    [
        ("months=30", {"months": 30}, ""),
        ("months=999", {"months": 60}, "between 6 and 60; set to 60"),
        ("months=-5", {"months": 6}, "set to 6"),
        ("months=abc", {}, "not a number; the default is used"),
        ("months=nan", {}, "not a number"),
        ("bogus=1", {}, "not one of this card's"),
        ("exclude_flags=partial+zzz", {}, "unknown choice"),
        ("exclude_flags=", {"exclude_flags": ()}, ""),
        ("min_tier=9", {}, "not one of the choices"),
        ("months=24", {}, ""),  # the default is not a setting
        ("<script>=1|months", {}, "not one of this card's"),
    ],
)
def test_url_settings_fall_back_or_clamp_with_a_notice(case, raw, expected, notice):
    settings, notices = sensitivity.parse_settings(case.claim("india_two_year_low"), raw)
    assert settings == expected
    assert (notice in " ".join(notices)) if notice else notices == []
    assert all("<script>" not in n for n in notices)


def test_settings_round_trip_through_the_url_form(case):
    claim = case.claim("india_two_year_low")
    settings = {"months": 30, "exclude_flags": ("partial", "caution")}
    assert sensitivity.parse_settings(claim, sensitivity.format_settings(settings)) == (settings, [])
