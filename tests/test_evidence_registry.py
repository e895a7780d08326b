"""The rule registry: parameters declared once, defaults filled in, overrides per call for pushing on a verdict."""

from __future__ import annotations

import pandas as pd
import pytest

from components import evidence

TODAY = pd.Timestamp("2026-11-25")
SPEC = {"rule": "change_between", "series": ["imp_kpler"], "a": "2025-01-01", "b": "2025-03-01", "min_pct": 10}


def _context() -> evidence.Context:
    line = pd.Series([2.0, 1.9, 1.7], index=pd.date_range("2025-01-01", periods=3, freq="MS"))  # -15%
    points = pd.DataFrame({"date": line.index, "value": line.to_numpy(), "flag": ["", "", ""], "used": True})
    return evidence.Context(get_series=lambda sid: line, get_points=lambda sid: points, today=TODAY)


def test_every_rule_declares_its_parameters_and_validation_reads_them():
    assert list(evidence.RULES) == [
        "lowest_since",
        "change_between",
        "share_at",
        "event_on_record",
        "interpretive",
        "scenario_outcome",
        "value_matches",
        "market_reaction",
    ]
    for name, registered in evidence.RULES.items():
        assert registered.params, name
        problems = evidence.validate_spec({"rule": name})
        assert {field for field, _ in problems} >= {f"evidence.{k}" for k in registered.required}
    assert evidence.rule_params("lowest_since")["months"] == 24
    assert evidence.rule_params("lowest_since")["at"] is evidence.REQUIRED


def test_defaults_are_filled_in_and_overrides_change_one_call_only():
    ctx = _context()
    assert evidence.evaluate(SPEC, ctx).status == "supported"  # -15% against a 10% threshold
    pushed = evidence.evaluate(SPEC, ctx, params={"min_pct": 20})
    assert pushed.status == "contradicted" and "at least 20%" in pushed.rule_text
    assert evidence.evaluate(SPEC, ctx, params={"expect": "up"}).status == "contradicted"
    assert SPEC["min_pct"] == 10 and "expect" not in SPEC  # the case's spec is left as it was
    assert evidence.evaluate(SPEC, ctx).status == "supported"


def test_an_override_must_name_a_declared_parameter():
    with pytest.raises(ValueError, match="no parameter min_pc"):
        evidence.evaluate(SPEC, _context(), params={"min_pc": 20})


def test_a_rule_name_is_registered_once():
    with pytest.raises(ValueError, match="registered twice"):
        evidence.rule("share_at")(lambda spec, ctx, claim=None: None)
