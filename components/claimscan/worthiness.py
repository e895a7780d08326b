"""How worth checking a sentence is, with the reasons: figures with units, dates, comparisons, a named source.

A plain points table rather than a model, so every rank can be explained on screen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

COMPARATIVES = re.compile(
    r"\b(?:lowest|highest|record|fell|fall(?:s|en)?|drop(?:s|ped)?|declin\w+|rose|rise[sn]?|jump\w*|surg\w+|"
    r"slump\w*|plung\w+|doubled|tripled|halved|increas\w+|decreas\w+|more than|less than|fewer than|since|"
    r"up \d|down \d|cut\w*|higher|lower|biggest|largest|smallest|peak\w*|low\b|high\b|widen\w*|narrow\w*)",
    re.I,
)
HEDGES = re.compile(
    r"\b(?:expected|likely|set to|forecast\w*|projected|could|may|might|will|would|estimate\w*)\b", re.I
)


@dataclass(frozen=True)
class Worth:
    score: int
    reasons: tuple[str, ...]
    forward_looking: bool


def score(sentence: str, quantities: list, periods: list, providers: list[str], actors: int) -> Worth:
    points, reasons = 0, []
    with_unit = [q for q in quantities if q.family not in ("count", "other")]
    if with_unit:
        points += 3
        reasons.append("a figure with a unit (" + ", ".join(q.surface for q in with_unit[:2]) + ")")
    elif quantities:
        points += 1
        reasons.append("a number")
    if periods:
        points += 2
        reasons.append("a date or period (" + ", ".join(p.label for p in periods[:2]) + ")")
    comp = COMPARATIVES.findall(sentence)
    if comp:
        points += 2
        reasons.append("a comparison ('" + "', '".join(dict.fromkeys(c.lower() for c in comp[:3])) + "')")
    if providers:
        points += 2
        reasons.append("a named source (" + ", ".join(providers[:3]) + ")")
    if actors:
        points += 1
        reasons.append(f"{actors} actor(s) named")
    hedge = HEDGES.search(sentence)
    if hedge:
        reasons.append(f"forward-looking ('{hedge.group(0)}'): a prediction to score later")
    return Worth(points, tuple(reasons), bool(hedge))
