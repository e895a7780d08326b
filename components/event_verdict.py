"""The judgement behind the ``market_reaction`` rule: did a series move after an event more than it usually does?

Pure (no streamlit, no case objects). The evidence rule (components.evidence) loads the series and calls
``judge`` on the event study's result; the scale is the one every quantitative rule uses:
- supported: the CAR has the expected sign (any sign when the claim names none) and both the t-test and the
  placebo test put it outside normal variation (p < 0.05);
- mixed: the expected sign, but only one of the two tests says unusual (fat tails or a short estimation window);
- contradicted: the move is within normal variation on both tests, or unusual in the opposite direction;
- no data: the study could not be computed (the problem is said).
"""

from __future__ import annotations

from components.event_models import Abnormal
from components.event_tests import ALPHA

EXPECT = ("up", "down", "any")
RULE_TEXT = (
    "Event study (MacKinlay 1997): abnormal returns against the {model} estimated on {n_text} before the event, "
    "summed over {window}. Supported when the CAR has the expected sign ({expect}) and both the t-test "
    "(t = CAR / (σ̂·√L)) and a placebo test on {placebo} random non-event dates give p < 0.05; mixed when only one "
    "does; contradicted when neither does or the move goes the other way."
)


def _direction_ok(car: float, expect: str) -> bool:
    return expect == "any" or (car > 0 if expect == "up" else car < 0)


def judge(result: Abnormal, expect: str = "any") -> tuple[str, str]:
    """(status, one sentence why) for one event study result."""
    if not result.ok:
        return "no data", f"The event study could not be computed: {result.problem}."
    tests = {"t-test": result.p}
    if result.placebo_p is not None:
        tests["placebo"] = result.placebo_p
    unusual = [name for name, p in tests.items() if p < ALPHA]
    numbers = f"t = {result.t:.2f}, p = {result.p:.3f}" + (
        f", placebo p = {result.placebo_p:.3f} ({result.placebo_n:,} dates)" if result.placebo_p is not None else ""
    )
    sign = "up" if result.car > 0 else "down"
    if not unusual:
        return "contradicted", f"The move ({sign}) is within normal variation for this series ({numbers})."
    if not _direction_ok(result.car, expect):
        return "contradicted", f"The series moved {sign}, against the claim's {expect}, unusually so ({numbers})."
    if len(unusual) == len(tests):
        return "supported", f"An unusual move {sign} on every test ({numbers})."
    return "mixed", f"Unusual on the {unusual[0]} only ({numbers}): the tests disagree."
