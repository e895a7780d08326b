"""What would change the verdict: a rule's parameters as controls, a claim re-run with other settings, and the
robustness grid over reasonable settings (with the verdict said in words).

Why: a sceptical reader's first question is whether the verdict survives a different reasonable choice of
threshold, look-back, windows, providers, flagged points or source tier. The published verdict is always the
default settings'; a changed setting recomputes the claim for that reader only. Pure: no streamlit.

A setting is addressed by a key: the parameter's name for a claim's own rule ("months", "min_pct"), or
"c<N>.<name>" for the N-th condition (1-based) of a scenario ("c2.min_pct"). Window shifts move a window by whole
months ("b_shift" = the later window). URL values go through `parse_settings`, which never raises.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from components import strength
from components.evidence.context import Context
from components.evidence.registry import evaluate as evaluate_spec
from components.evidence.rule_controls import Control, controls
from components.evidence.verdict import Verdict
from components.style import to_timestamp

MAX_GRID = 36  # settings per robustness grid: two dimensions of at most 6 values


@dataclass
class Robustness:
    claim_id: str
    dims: list[Control]
    rows: list[dict] = field(default_factory=list)  # {"settings": {...}, "status": str, "default": bool}
    words: str = ""

    def statuses(self) -> list[str]:
        return [r["status"] for r in self.rows]


# ------------------------------------------------------------------------------------------ applying
def _shift(value: Any, months: int) -> Any:
    stamp = to_timestamp(value)
    return value if stamp is None or not months else (stamp + pd.DateOffset(months=months)).date()


def _apply_one(spec: dict, name: str, value: Any) -> None:
    if name == "end_shift":
        if spec.get("end") is not None:
            end, start = to_timestamp(_shift(spec["end"], int(value))), to_timestamp(spec.get("start"))
            spec["end"] = (max(end, start) if start is not None else end).date()  # a window never ends before it starts
        return
    if name in ("a_shift", "b_shift"):
        window = name[0]
        months = int(value)
        if spec.get(window) is not None:
            spec[window] = _shift(spec[window], months)
        for end in ("start", "end"):
            if spec.get(f"{window}_{end}") is not None:
                spec[f"{window}_{end}"] = _shift(spec[f"{window}_{end}"], months)
        return
    if name in ("series", "exclude_flags"):
        spec[name] = list(value)
        return
    spec[name] = value


def apply(spec: dict, settings: Mapping[str, Any]) -> dict:
    """A copy of `spec` with `settings` applied (condition keys 'c<N>.<name>' go to that condition)."""
    out = dict(spec)
    if "conditions" in out:
        out["conditions"] = [dict(c) for c in out["conditions"]]
    for key, value in settings.items():
        if value is None:
            continue
        if key.startswith("c") and "." in key:
            index, name = key[1:].split(".", 1)
            _apply_one(out["conditions"][int(index) - 1], name, value)
        else:
            _apply_one(out, key, value)
    return out


def evaluate_claim(claim: Any, settings: Mapping[str, Any] | None = None, ctx: Context | None = None) -> Verdict:
    """The claim's verdict with `settings` (validated keys; see `parse_settings`) instead of the defaults."""
    ctx = ctx or getattr(claim, "context", None)
    if ctx is None:
        raise ValueError(f"claim {claim.id} has no evidence context: load it with components.case.load_case")
    known = {c.key for c in controls(claim)}
    unknown = sorted(set(settings or {}) - known)
    if unknown:
        raise ValueError(
            f"claim {claim.id} has no setting {', '.join(unknown)} (settings: {', '.join(sorted(known)) or 'none'})"
        )
    verdict = evaluate_spec(apply(claim.evidence, settings or {}), ctx, claim)
    verdict.strength = strength.assess(verdict, ctx.get_meta)
    return verdict


# ------------------------------------------------------------------------------------------ robustness
def _grid_dims(claim: Any) -> list[Control]:
    """At most two dimensions: thresholds first (a scenario's first two), then look-backs, windows, the rest."""
    order = ("min_pct", "supported_at", "months", "tolerance_months", "end_shift", "b_shift", "exclude_flags")

    def rank(control: Control) -> int:
        name = control.key.split(".")[-1]
        return order.index(name) if name in order else len(order)

    return sorted((c for c in controls(claim) if c.grid), key=rank)[:2]


def _value_words(control: Control, value: Any) -> str:
    if control.kind == "multi":
        return "none" if not value else "/".join(value)
    if control.kind == "float":
        return f"{value:g}{control.unit if control.unit == '%' else ''}"
    return f"{value:g} {control.unit}".strip() if isinstance(value, (int, float)) else str(value)


def _move_words(dim: Control, value: Any, way: str) -> str:
    """'once the look-back reaches 30 months' / 'once the later window moves 1 month later'."""
    if dim.key.endswith("_shift"):
        months = abs(int(value))
        direction = "later" if value > 0 else "earlier"
        return f"once the {dim.noun} moves {months} month{'s' if months != 1 else ''} {direction}"
    return f"once the {dim.noun} {'reaches' if way == 'up' else 'is down to'} {_value_words(dim, value)}"


def robustness(claim: Any, ctx: Context | None = None) -> Robustness:
    """The verdict over a grid of reasonable settings (two dimensions at most), the default marked, in words."""
    dims = _grid_dims(claim)
    out = Robustness(claim.id, dims)
    if not dims:
        out.words = "No setting of this rule can be pushed on."
        return out
    defaults = {c.key: c.default for c in dims}
    values = [tuple(dict.fromkeys(list(c.grid) + [c.default])) for c in dims]
    for combo in itertools.islice(itertools.product(*values), MAX_GRID):
        settings = dict(zip((c.key for c in dims), combo))
        changed = {k: v for k, v in settings.items() if v != defaults[k]}
        verdict = evaluate_claim(claim, changed, ctx)
        out.rows.append({"settings": settings, "status": verdict.status, "default": not changed})
    out.words = describe(out)
    return out


def describe(grid: Robustness) -> str:
    """'supported in 11 of 15 settings; contradicted once the look-back reaches 30 months'."""
    if not grid.rows:
        return ""
    default = next((r for r in grid.rows if r["default"]), grid.rows[0])
    base = default["status"]
    same = sum(r["status"] == base for r in grid.rows)
    words = f"{base} in {same} of {len(grid.rows)} settings"
    if same == len(grid.rows):
        return words + " (every setting tried)"
    changes = []
    for dim in grid.dims:
        others = {k: v for k, v in default["settings"].items() if k != dim.key}
        line = [r for r in grid.rows if all(r["settings"][k] == v for k, v in others.items())]
        flipped = [r for r in line if r["status"] != base]
        if not flipped:
            continue
        if dim.kind in ("int", "float"):
            below = [r for r in flipped if r["settings"][dim.key] < dim.default]
            above = [r for r in flipped if r["settings"][dim.key] > dim.default]
            if above:
                first = min(above, key=lambda r: r["settings"][dim.key])
                changes.append(f"{first['status']} {_move_words(dim, first['settings'][dim.key], 'up')}")
            if below:
                first = max(below, key=lambda r: r["settings"][dim.key])
                changes.append(f"{first['status']} {_move_words(dim, first['settings'][dim.key], 'down')}")
        else:
            for r in flipped:
                changes.append(f"{r['status']} with {dim.noun}: {_value_words(dim, r['settings'][dim.key])}")
    if not changes:
        changes.append("it changes only when both settings move together")
    return words + "; " + "; ".join(changes)


# ------------------------------------------------------------------------------------------ URL values
def _parse_value(control: Control, raw: str) -> tuple[Any, str]:
    """(value, notice): a bad value -> the default and a notice; out of range -> clamped and said."""
    text = str(raw).strip()
    if control.kind in ("int", "float"):
        try:
            number = float(text)
            if not math.isfinite(number):
                raise ValueError
        except ValueError:
            return control.default, f"'{control.label}' was not a number; the default is used."
        if control.kind == "int":
            number = round(number)
        clamped = min(max(number, control.lo), control.hi)
        value = int(clamped) if control.kind == "int" else clamped
        if clamped != number:
            return value, f"'{control.label}' must be between {control.lo:g} and {control.hi:g}; set to {value:g}."
        return value, ""
    if control.kind == "multi":
        picked = tuple(p for p in text.split("+") if p) if text else ()
        bad = [p for p in picked if p not in control.options]
        if bad:
            return control.default, f"'{control.label}' had an unknown choice; the default is used."
        return tuple(o for o in control.options if o in picked), ""
    try:
        value = type(control.default)(text)
    except (TypeError, ValueError):
        return control.default, f"'{control.label}' was not one of the choices; the default is used."
    if value not in control.options:
        return control.default, f"'{control.label}' was not one of the choices; the default is used."
    return value, ""


def format_settings(settings: Mapping[str, Any]) -> str:
    """settings -> 'months=30|exclude_flags=partial+caution' (the URL form; defaults are left out by callers)."""
    parts = []
    for key, value in settings.items():
        shown = (
            "+".join(value)
            if isinstance(value, (tuple, list))
            else (f"{value:g}" if isinstance(value, float) else str(value))
        )
        parts.append(f"{key}={shown}")
    return "|".join(parts)


def parse_settings(claim: Any, raw: str) -> tuple[dict[str, Any], list[str]]:
    """The URL form of a claim's settings -> (settings that differ from the default, notices). Never raises."""
    by_key = {c.key: c for c in controls(claim)}
    settings, notices = {}, []
    for item in str(raw or "").split("|"):
        if not item.strip():
            continue
        key, sep, value = item.partition("=")
        control = by_key.get(key.strip())
        if control is None or not sep:
            notices.append("A setting in the link is not one of this card's and was ignored.")
            continue
        parsed, notice = _parse_value(control, value)
        if notice:
            notices.append(notice)
        if parsed != control.default:
            settings[control.key] = parsed
    return settings, notices


Evaluate = Callable[[Any, Mapping[str, Any] | None], Verdict]
