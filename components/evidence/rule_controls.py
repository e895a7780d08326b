"""Which parameters of a rule a reader may change on a card, with their ranges and robustness grids.

Why a module of its own: these are declarations (one `Control` per parameter), read by the sensitivity
controls, the robustness strip and the URL parser alike; the arithmetic that applies them lives in
components.evidence.sensitivity. Pure: no streamlit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from components.evidence.context import as_list
from components.point_flags import OPTION_FLAGS

FLAGS = OPTION_FLAGS  # every flag a figure can carry that changes what a verdict counts
TIER_CHOICES = (1, 2, 3, 4)
QUANTITATIVE = ("lowest_since", "change_between", "share_at")


@dataclass(frozen=True)
class Control:
    """One setting a reader may change on a card."""

    key: str
    label: str
    kind: str  # 'int' | 'float' | 'multi' | 'choice'
    default: Any
    lo: float | None = None
    hi: float | None = None
    step: float | None = None
    options: tuple = ()
    grid: tuple = ()  # values tried by the robustness strip ('' = not a grid dimension)
    noun: str = ""  # 'look-back' in "contradicted once the look-back exceeds 26 months"
    unit: str = ""
    help: str = ""


def _num(value: Any) -> float:
    return float(value) if value not in (None, "") else 0.0


def _threshold_grid(default: float) -> tuple:
    step = max(1.0, round(abs(default) * 0.2)) if default else 2.0
    return tuple(default + step * k for k in (-2, -1, 0, 1, 2))


def _months_grid(months: int) -> tuple:
    if months == 24:
        return (12, 18, 24, 30, 36)
    return tuple(sorted({6, months // 2, months, months + 6, months * 2} - {0}))


def _window_shift(key: str, label: str, noun: str, reach: int, **extra: Any) -> Control:
    """Moving a comparison window by whole months, up to `reach` either way."""
    return Control(key, label, "int", 0, -reach, reach, 1, noun=noun, unit="months", **extra)


def _lowest_since(spec: dict, key, lab) -> list[Control]:
    months = int(spec.get("months", 24))
    look_back = "How many earlier months the value must be below."
    return [
        Control(key("months"), lab("Look-back (months)"), "int", months, 6, 60, 1, grid=_months_grid(months),
                noun="look-back", unit="months", help=look_back),
        Control(key("min_months"), lab("Earlier months with data needed"), "int", int(spec.get("min_months", 3)),
                1, 24, 1, help="Fewer earlier figures than this: no data."),
    ]  # fmt: skip


def _change_between(spec: dict, key, lab) -> list[Control]:
    default = _num(spec.get("min_pct", 0))
    need = "The change the claim needs: a fall of at least this much ('down'), or a rise."
    return [
        Control(key("min_pct"), lab("Threshold (%)"), "float", default, -100.0, 100.0, 1.0,
                grid=_threshold_grid(default), noun="threshold", unit="%", help=need),
        _window_shift(key("a_shift"), lab("Move the earlier window (months)"), "earlier window", 6),
        _window_shift(key("b_shift"), lab("Move the later window (months)"), "later window", 6, grid=(-1, 0, 1)),
        Control(key("noise_pct"), lab("Noise tolerance (%; blank = the series' own)"), "float",
                spec.get("noise_pct"), 0.0, 50.0, 0.5, help="A change smaller than this is 'no clear change'."),
    ]  # fmt: skip


def _share_at(spec: dict, key, lab) -> list[Control]:
    sup = _num(spec.get("supported_at"))
    con = _num(spec.get("contradicted_below", sup))
    span = max(abs(sup), 1.0)
    out = [
        Control(key("supported_at"), lab("Supported at or above"), "float", sup, 0.0, span * 3, span / 20,
                grid=tuple(round(sup * f, 4) for f in (0.8, 0.9, 1.0, 1.1, 1.2)), noun="threshold"),
        Control(key("contradicted_below"), lab("Contradicted below"), "float", con, 0.0, span * 3, span / 20),
    ]  # fmt: skip
    if spec.get("series"):
        tol = int(spec.get("tolerance_months", 0))
        out.append(
            Control(key("tolerance_months"), lab("Look-back for the latest figure (months)"), "int", tol, 0, 24, 1,
                    grid=tuple(sorted({0, 3, 6, tol})), noun="look-back", unit="months")
        )  # fmt: skip
    return out


def _evidence_filters(spec: dict, key, lab) -> list[Control]:
    """Which providers, flagged figures and source tiers count: every rule over series has these."""
    out = []
    series = tuple(as_list(spec["series"]))
    if len(series) > 1:
        out.append(
            Control(key("series"), lab("Providers included"), "multi", series, options=series,
                    help="Each provider is judged on its own; leave some out.")
        )  # fmt: skip
    exclude = tuple(as_list(spec.get("exclude_flags", ("partial", "provisional"))))
    out += [
        Control(key("exclude_flags"), lab("Flagged figures left out"), "multi", exclude, options=FLAGS,
                grid=(exclude, (), FLAGS) if spec.get("rule") != "share_at" else (),
                noun="flagged figures left out",
                help="Figures carrying these flags do not count; the Methodology page says what each flag means."),
        Control(key("min_tier"), lab("Weakest source tier that counts"), "choice", int(spec.get("min_tier", 4)),
                options=TIER_CHOICES, help="4 counts every source; 3 leaves out mirror copies and unknown outlets."),
    ]  # fmt: skip
    return out


_BY_RULE = {"lowest_since": _lowest_since, "change_between": _change_between, "share_at": _share_at}


def rule_controls(spec: dict, prefix: str = "", label_prefix: str = "") -> list[Control]:
    """The controls of one quantitative rule; `prefix`/`label_prefix` address a scenario's condition."""
    rule = spec.get("rule")
    if rule not in QUANTITATIVE:
        return []

    def key(name: str) -> str:
        return f"{prefix}{name}"

    def lab(text: str) -> str:
        return f"{label_prefix}{text}"

    out = _BY_RULE[rule](spec, key, lab)
    if spec.get("series"):
        out += _evidence_filters(spec, key, lab)
    return out


def event_controls(spec: dict, prefix: str, label_prefix: str) -> list[Control]:
    """A scenario's event condition: how long its window runs, and how many events it needs."""
    if spec.get("rule") != "event_on_record":
        return []
    name = label_prefix.rstrip(": ")
    return [
        _window_shift(f"{prefix}end_shift", f"{label_prefix}Window end moved (months)", f"window of '{name}'", 3,
                      grid=(-1, 0, 1), help="Move the end of the window in which the event must be on record."),
        Control(f"{prefix}min_events", f"{label_prefix}Events needed", "int", int(spec.get("min_events", 1)), 1, 5, 1),
    ]  # fmt: skip


def controls(claim: Any) -> list[Control]:
    """The settings a reader may change on this claim's card (none for events and interpretations)."""
    spec = claim.evidence
    if spec.get("rule") == "scenario_outcome":
        out = []
        for i, cond in enumerate(spec.get("conditions") or [], start=1):
            short = str(cond.get("label", f"condition {i}"))
            short = short if len(short) <= 40 else short[:39] + "…"
            out += rule_controls(cond, f"c{i}.", f"{short}: ") + event_controls(cond, f"c{i}.", f"{short}: ")
        return out
    return rule_controls(spec)
