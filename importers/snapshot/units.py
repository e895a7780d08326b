"""A compiled row's printed unit against its series' unit: the same, converted by a stated factor, kept in its own
unit (never drawn), or refused with the file, the line and the reason.

Why a refusal and not a guess: a figure in tonnes on a b/d line, or in roubles on a dollar line, reads as a
collapse or a boom that no source reported. Every conversion the importer makes is one of the few below, and
the point's flag names its factor ("converted: million tonnes × 7.33 bbl/t ÷ 31 days").
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

import pandas as pd

BARRELS_PER_TONNE = 7.33  # S&P Global's factor for Russian crude
SCALES = {"": 1.0, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
CURRENCIES = ("USD", "EUR", "RUB", "INR", "CNY")
MEASURE_ALIASES = {"bpd": "b/d", "b/d": "b/d", "barrels": "barrels", "tonnes": "tonnes", "tons": "tonnes"}
# delivery bases: a price or discount on one is not a figure of another (freight and insurance lie between)
BASES = {
    "FOB Baltic": re.compile(r"fob (?:primorsk|ust-luga|baltic)", re.I),
    "FOB Novorossiysk": re.compile(r"fob novorossiysk", re.I),
    "delivered India": re.compile(r"(?:dap|des)\b.*india|delivered india", re.I),
    "FOB Russian ports (not named)": re.compile(r"russian ports|export point", re.I),
}
# unit qualifiers that only describe the figure, and those that are a weak-point flag
DESCRIPTIVE = re.compile(
    r"^(?:discount|differential|negative = below brent|month total|stated [a-z]{3}|\w+ publishes [a-z]{3})$"
)
QUALIFIER_FLAGS = {
    "approx": "approximate",
    "lower bound": "bound",
    "partial month": "partial",
    "estimate": "provisional",
}


class UnitRefused(ValueError):
    """Compiled rows whose unit cannot be reconciled with their series' unit; each line is 'file:line: reason'."""

    def __init__(self, lines: list[str]):
        self.lines = lines
        super().__init__("rows refused by the importer:\n" + "\n".join(lines))


@dataclass(frozen=True)
class Unit:
    """A unit as printed, read: scale ('million'), measure ('b/d', 'tonnes', 'USD', 'USD/bbl', 'percent'),
    the qualifiers in its brackets, and the delivery basis it names (if any)."""

    text: str
    scale: str
    measure: str
    qualifiers: tuple[str, ...]

    @property
    def currency(self) -> str:
        return next((c for c in CURRENCIES if self.measure.startswith(c)), "")


def parse_unit(text: str) -> Unit:
    """'USD/bbl (discount, approx)' -> Unit(scale '', measure 'USD/bbl', qualifiers ('discount', 'approx'))."""
    text = str(text).strip()
    head, _, rest = text.partition("(")
    qualifiers = tuple(q.strip().lower() for q in re.split(r"[,;]", rest.rstrip(")")) if q.strip())
    words = head.split()
    scale = words[0].lower() if words and words[0].lower() in SCALES else ""
    measure = " ".join(words[1:] if scale else words)
    measure = MEASURE_ALIASES.get(measure.lower(), measure)
    if re.fullmatch(r"percent(?: of .+)?", measure, re.I):
        measure = "percent"
    stated = next((q for q in qualifiers if q.startswith("stated ")), "")
    if not measure and stated:  # 'billion (stated USD; CREA publishes EUR)': the page's own currency
        measure = stated.split()[1].upper()
    return Unit(text, scale, measure, qualifiers)


def basis_of(*texts: object) -> str:
    """The delivery basis a row names in its unit or series wording ('' when it names none)."""
    joined = " ".join(str(t) for t in texts if isinstance(t, str))
    return next((name for name, pattern in BASES.items() if pattern.search(joined)), "")


@dataclass(frozen=True)
class Reconciled:
    value: float
    unit: str
    flags: tuple[str, ...]  # wording flags from the unit's qualifiers, and converted/unit with their detail
    drawn: bool  # False: kept in its own unit as a cited alternative


def days_in_month(ts: pd.Timestamp) -> int:
    return calendar.monthrange(ts.year, ts.month)[1]


def month_total_to_mbd(value: float, ts: pd.Timestamp) -> float:
    """Million barrels in a month -> million barrels per day over that calendar month."""
    return value / days_in_month(ts)


def tonnes_to_mbd(million_tonnes: float, ts: pd.Timestamp, factor: float = BARRELS_PER_TONNE) -> float:
    """Million tonnes in a month -> million barrels per day, at `factor` barrels per tonne."""
    return million_tonnes * factor / days_in_month(ts)


def _number(x: float) -> str:
    return f"{x:,.0f}" if x >= 1 else f"{x:g}"


def reconcile(row, series_unit: str, ts: pd.Timestamp, *, basis: str = "", accept: tuple[str, ...] = ()) -> Reconciled:
    """The row's figure in its series' unit, or kept in its own; raises ValueError with the reason otherwise.

    `basis` is the series' delivery basis ('' = none stated: a row naming one is refused); `accept` lists the
    unit qualifiers the series takes besides the descriptive ones (an annual series takes 'annual')."""
    printed, target = parse_unit(row["unit"]), parse_unit(series_unit)
    value = float(row["value"])
    row_basis = basis_of(row["unit"], row.get("series"))
    if row_basis != basis:
        said = f"'{row_basis}'" if row_basis else "no basis"
        raise ValueError(f"its delivery basis ({said}) is not the series' ('{basis or 'none stated'}')")
    flags = []
    for qualifier in printed.qualifiers:
        if qualifier in QUALIFIER_FLAGS:
            flags.append(QUALIFIER_FLAGS[qualifier])
        elif not (DESCRIPTIVE.match(qualifier) or qualifier in accept or basis_of(qualifier)):
            raise ValueError(f"its unit '{printed.text}' says '{qualifier}', which the series '{series_unit}' is not")
    if (printed.scale, printed.measure) == (target.scale, target.measure):
        return Reconciled(value, series_unit, tuple(flags), True)
    ratio = SCALES[printed.scale] / SCALES[target.scale]
    if printed.measure == target.measure:
        detail = f"{printed.text} → {series_unit}: × {_number(ratio)}"
        return Reconciled(value * ratio, series_unit, (*flags, f"converted: {detail}"), True)
    if target.measure == "b/d" and target.scale == "million" and printed.measure in ("barrels", "tonnes"):
        days = days_in_month(ts)
        if printed.measure == "barrels" and "month total" in printed.qualifiers:
            detail = f"{printed.scale} barrels in the month ÷ {days} days".strip()
            mbd = month_total_to_mbd(value * ratio, ts)
            return Reconciled(mbd, series_unit, (*flags, f"converted: {detail}"), True)
        if printed.measure == "tonnes":
            detail = f"{printed.scale} tonnes × {BARRELS_PER_TONNE} bbl/t ÷ {days} days".strip()
            return Reconciled(tonnes_to_mbd(value * ratio, ts), series_unit, (*flags, f"converted: {detail}"), True)
    if printed.currency and target.currency and printed.currency != target.currency:
        # another currency: no rate is stated for the page's figure, so it is cited as printed and never drawn
        return Reconciled(value, printed.text, (*flags, f"unit: {printed.text}"), False)
    raise ValueError(f"its unit '{printed.text}' cannot be reconciled with the series' '{series_unit}'")
