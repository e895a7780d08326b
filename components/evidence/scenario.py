"""Rules for what no single dataset settles: scenarios scored by their conditions, and interpretations.

A scenario's conditions are evidence specs of their own, each run by its rule through `evaluate`; the
scenario combines their outcomes. An interpretation is marked 'not testable' and says why.
"""

from __future__ import annotations

from typing import Any

from components.evidence.context import Context
from components.evidence.registry import REQUIRED, Param, Problems, evaluate, rule, validate_spec
from components.evidence.verdict import Verdict
from components.style import to_timestamp

_WHY = "It is a reading of motives or intentions that no dataset can confirm or refute."

_OUTCOME_OF = {
    "supported": "met",
    "happened": "met",
    "contradicted": "unmet",
    "did not happen": "unmet",
    "mixed": "partial",
    "partly": "partial",
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


def _check_conditions(spec: dict, path: str) -> Problems:
    conds = spec.get("conditions") or []
    if not isinstance(conds, list):
        return [(f"{path}.conditions", "must be a list of tables")]
    errs = []
    for i, c in enumerate(conds):
        if isinstance(c, dict) and c.get("rule") == "scenario_outcome":
            errs.append((f"{path}.conditions[{i}].rule", "scenarios cannot nest"))
        else:
            errs.extend(validate_spec(c, f"{path}.conditions[{i}]"))
    return errs


@rule(
    "scenario_outcome",
    Param("conditions", REQUIRED, "evidence specs (with a label, optionally required = true), each run by its rule"),
    Param("deadline", None, "when the scenario's window closes (default: the claim's period end)"),
    check=_check_conditions,
)
def scenario_outcome(spec: dict, ctx: Context, claim: Any = None) -> Verdict:
    deadline = to_timestamp(spec["deadline"]) or (to_timestamp(getattr(claim, "period_end", None)) if claim else None)
    closed = deadline is not None and ctx.today > deadline
    text = (
        "Scores what followed against the scenario's conditions (each checked by its own rule): all met -> "
        "happened; some met or partly met -> partly; none met once the window has closed -> did not happen; "
        "a required condition unmet -> did not happen; window still open -> too early"
        + (f". Window closes {deadline:%d %b %Y}." if deadline is not None else ".")
    )
    parts, states, required_unmet = [], [], False
    for c in spec["conditions"]:
        sub = dict(c)
        if sub.get("rule") == "event_on_record" and "absent_status" not in sub:
            end = to_timestamp(sub.get("end")) or deadline
            sub["absent_status"] = "did not happen" if (end is not None and ctx.today > end) else "too early"
            sub.setdefault("found_status", "happened")
        v = evaluate(sub, ctx, claim)
        v.label = c.get("label", v.rule)
        parts.append(v)
        state = _OUTCOME_OF.get(v.status, "unknown")
        states.append(state)
        if c.get("required") and state == "unmet":
            required_unmet = True
    if not parts:
        status = "no data"
    elif required_unmet:
        status = "did not happen" if closed else "too early"
    elif all(s == "met" for s in states):
        status = "happened"
    elif any(s in ("met", "partial") for s in states):
        status = "partly"
    elif all(s == "unknown" for s in states):
        status = "too early" if not closed else "no data"
    else:
        status = "did not happen" if closed else "too early"
    detail = "; ".join(f"{p.label}: {p.status}" for p in parts)
    return Verdict(status, "scenario_outcome", text, detail=detail, parts=parts)
