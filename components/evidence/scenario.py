"""Rules for what no single dataset settles: scenarios scored by their conditions, and interpretations.

A scenario's conditions are evidence specs of their own, each run by its rule through `evaluate`; the
scenario combines their outcomes by one rule for every scenario (`SCORING`). Each condition has a role:
"trigger" (the "if" the article conditions on), "outcome" (what the article says then follows) or "part" (a
further piece of the same paraphrase). An interpretation is marked 'not testable' and says why.
"""

from __future__ import annotations

from typing import Any

from components.evidence.context import Context
from components.evidence.registry import REQUIRED, Param, Problems, evaluate, rule, validate_spec
from components.evidence.verdict import NOT_IN_RECORD, Verdict
from components.style import to_timestamp

_WHY = "It is a reading of motives or intentions that no dataset can confirm or refute."
ROLES = ("trigger", "outcome", "part")
SCORING = (
    "Each condition is checked by its own rule and has a role: a trigger (the 'if' the article conditions on), "
    "an outcome (what the article says then follows) or a part (a further piece of the same claim). In this "
    "order: a trigger that did not happen -> not testable (the scenario was never put to the test); an outcome "
    "that did not happen -> did not happen; a condition whose window is still open -> too early; every "
    "condition met -> happened; nothing could be tested -> no data; nothing met -> did not happen; otherwise -> "
    "partly. A condition that could "
    "not be tested (no data, or a change within the series' noise) makes the verdict say 'partly untested' and "
    "never counts as met. An event absent from the case record once its window has closed counts as not having "
    "happened, and the verdict says it rests on that absence."
)

_STATE_OF = {
    "supported": "met",
    "happened": "met",
    "contradicted": "unmet",
    "did not happen": "unmet",
    NOT_IN_RECORD: "unmet",
    "mixed": "partial",
    "partly": "partial",
    "pending": "open",
    "too early": "open",
}


@rule(
    "interpretive",
    Param("why", _WHY, "why no dataset can settle it"),
    Param("note", "", "shown as the verdict's detail"),
)
def interpretive(spec: dict, ctx: Context, claim: Any = None) -> Verdict:
    return Verdict(
        "not testable", "interpretive", "An interpretation, not a checkable fact: " + spec["why"], detail=spec["note"]
    )


def role_of(condition: dict) -> str:
    """A condition's role; the older `required = true` reads as an outcome."""
    if condition.get("role"):
        return str(condition["role"])
    return "outcome" if condition.get("required") else "part"


def _check_conditions(spec: dict, path: str) -> Problems:
    conds = spec.get("conditions") or []
    if not isinstance(conds, list):
        return [(f"{path}.conditions", "must be a list of tables")]
    errs = []
    for i, c in enumerate(conds):
        if isinstance(c, dict) and c.get("rule") == "scenario_outcome":
            errs.append((f"{path}.conditions[{i}].rule", "scenarios cannot nest"))
            continue
        if isinstance(c, dict) and role_of(c) not in ROLES:
            errs.append((f"{path}.conditions[{i}].role", f"{c.get('role')!r} not one of {', '.join(ROLES)}"))
        errs.extend(validate_spec(c, f"{path}.conditions[{i}]"))
    return errs


def _condition_spec(condition: dict, ctx: Context, deadline) -> dict:
    """The condition as its rule runs it: an event condition reports happened / did not happen."""
    sub = {k: v for k, v in condition.items() if k not in ("label", "role", "required")}
    if sub.get("rule") == "event_on_record":
        end = to_timestamp(sub.get("end")) or deadline
        if end is not None and ctx.today <= end:
            sub.setdefault("absent_status", "too early")
        sub.setdefault("found_status", "happened")
        sub.setdefault("contrary_status", "did not happen")
    return sub


def score(roles: list[str], states: list[str]) -> str:
    """The scenario's status from its conditions' roles and states (met/partial/unmet/open/untested)."""
    pairs = list(zip(roles, states))
    if not pairs:
        return "no data"
    if any(r == "trigger" and s == "unmet" for r, s in pairs):
        return "not testable"
    if any(r == "outcome" and s == "unmet" for r, s in pairs):
        return "did not happen"
    if any(s == "open" for s in states):
        return "too early"
    if all(s == "met" for s in states):
        return "happened"
    if all(s == "untested" for s in states):
        return "no data"
    if not any(s in ("met", "partial") for s in states):
        return "did not happen"
    return "partly"


@rule(
    "scenario_outcome",
    Param("conditions", REQUIRED, "evidence specs, each with a label and a role (trigger, outcome or part)"),
    Param("deadline", None, "when the scenario's window closes (default: the claim's period end)"),
    check=_check_conditions,
)
def scenario_outcome(spec: dict, ctx: Context, claim: Any = None) -> Verdict:
    deadline = to_timestamp(spec["deadline"]) or (to_timestamp(getattr(claim, "period_end", None)) if claim else None)
    text = SCORING + (f" Window closes {deadline:%d %b %Y}." if deadline is not None else "")
    parts, roles, states = [], [], []
    for c in spec["conditions"]:
        v = evaluate(_condition_spec(c, ctx, deadline), ctx, claim)
        v.label = c.get("label", v.rule)
        parts.append(v)
        roles.append(role_of(c))
        states.append(_STATE_OF.get(v.status, "untested"))
    status = score(roles, states)
    untested = [p.label for p, s in zip(parts, states) if s == "untested"]
    absent = [p.label for p in parts if p.status == NOT_IN_RECORD]
    lines = [f"{p.label} ({r}): {p.status}" for p, r in zip(parts, roles)]
    detail = "; ".join(lines) + "."
    if untested:
        detail = f"Partly untested ({'; '.join(untested)}). " + detail
    if absent and status in ("did not happen", "partly", "not testable"):
        detail += " Not in the case record, counted as not having happened: " + "; ".join(absent) + "."
    return Verdict(status, "scenario_outcome", text, detail=detail, parts=parts)
