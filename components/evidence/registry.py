"""The rule registry: each rule declares its parameters (with defaults) where it is defined, with `@rule`.

Why one declaration: validation (which parameters a case file must give), evaluation (defaults filled in)
and callers that push on a verdict (`evaluate(spec, ctx, params={"min_pct": 20})`: a threshold, a look-back,
a window, the providers or the flagged points left out, changed for one call) all read the same list, so a
new rule or parameter is added in one place.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from components.evidence.context import Context, as_list
from components.evidence.verdict import Verdict
from components.style import to_timestamp


class _Required:
    def __repr__(self) -> str:
        return "REQUIRED"


REQUIRED = _Required()  # a Param default meaning "the case file must give it"

# Keys read as dates wherever they appear in a spec (the claim card's chart window reads them too).
DATE_PARAMS = ("at", "a", "b", "a_start", "a_end", "b_start", "b_end", "start", "end", "deadline")


@dataclass(frozen=True)
class Param:
    """One parameter of a rule: its name, its default (or REQUIRED), and what it means in plain words."""

    name: str
    default: Any = None
    doc: str = ""

    @property
    def required(self) -> bool:
        return self.default is REQUIRED


Problems = list[tuple[str, str]]  # (field path, message)


@dataclass(frozen=True)
class Rule:
    """A registered rule: `run(spec, ctx, claim)` gets the spec with every declared default filled in."""

    name: str
    run: Callable[[dict, Context, Any], Verdict]
    params: tuple[Param, ...]
    check: Callable[[dict, str], Problems] | None = None  # rule-specific validation beyond required/dates

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.params if p.required)

    @property
    def defaults(self) -> dict[str, Any]:
        return {p.name: p.default for p in self.params if not p.required}

    def resolve(self, spec: Mapping, overrides: Mapping | None = None) -> dict:
        """defaults < the spec < `overrides`. Overrides may only name declared parameters (a caller's typo must
        not silently leave the verdict as it was)."""
        overrides = dict(overrides or {})
        unknown = sorted(set(overrides) - {p.name for p in self.params})
        if unknown:
            known = ", ".join(p.name for p in self.params) or "none"
            raise ValueError(f"rule {self.name} has no parameter {', '.join(unknown)} (declared: {known})")
        return {**self.defaults, **spec, **overrides}


RULES: dict[str, Rule] = {}


def rule(name: str, *params: Param, check: Callable[[dict, str], Problems] | None = None):
    """Register the decorated function as the rule `name`, with its declared parameters."""

    def register(run: Callable[[dict, Context, Any], Verdict]) -> Callable[[dict, Context, Any], Verdict]:
        if name in RULES:
            raise ValueError(f"rule {name!r} registered twice")
        RULES[name] = Rule(name, run, tuple(params), check)
        return run

    return register


def rule_params(name: str) -> dict[str, Any]:
    """name -> default of every parameter rule `name` declares (REQUIRED for those a case must give)."""
    return {p.name: p.default for p in RULES[name].params}


def validate_spec(spec: Any, path: str = "evidence") -> Problems:
    """Problems in an evidence spec as (field path, message); empty list when valid."""
    if not isinstance(spec, dict):
        return [(path, "must be a table")]
    found = RULES.get(spec.get("rule"))
    if found is None:
        return [(f"{path}.rule", f"unknown rule {spec.get('rule')!r}; known: {', '.join(RULES)}")]
    errs = [(f"{path}.{k}", f"required for rule {found.name}") for k in found.required if spec.get(k) in (None, "", [])]
    for k in DATE_PARAMS:
        if k in spec and to_timestamp(spec[k]) is None:
            errs.append((f"{path}.{k}", f"not a date: {spec[k]!r}"))
    if found.check is not None:
        errs.extend(found.check(spec, path))
    return errs


def evaluate(spec: dict, ctx: Context, claim: Any = None, params: Mapping | None = None) -> Verdict:
    """Run the named rule of `spec`, with `params` overriding its declared parameters for this call only.

    Never raises on missing data: gaps become 'no data'. Raises ValueError when `params` names a parameter
    the rule does not declare."""
    found = RULES.get(spec.get("rule"))
    if found is None:
        return Verdict("no data", str(spec.get("rule")), "Unknown rule.", detail="Unknown rule.")
    resolved = found.resolve(spec, params)
    period = (getattr(claim, "period_start", None), getattr(claim, "period_end", None)) if claim is not None else None
    try:
        key = ("verdict", repr(sorted(resolved.items(), key=lambda item: item[0])), repr(period))
    except TypeError:  # a value without a stable repr: run it every time
        return found.run(resolved, ctx, claim)
    # the robustness grid re-runs a scenario's unchanged conditions with every setting: each is run once per
    # context; callers get their own copy (a scenario labels the verdicts it gets back)
    return copy.copy(ctx.remember(key, lambda: found.run(resolved, ctx, claim)))


def series_ids(spec: dict) -> list[str]:
    """Every series id an evidence spec (including scenario conditions) refers to."""
    ids = list(as_list(spec.get("series")))
    for c in spec.get("conditions", []) or []:
        ids += series_ids(c)
    return list(dict.fromkeys(ids))
