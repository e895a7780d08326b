"""Colours and shapes of the actor network: actor kinds, blocs and relation types, stable across views."""

from __future__ import annotations

import zlib
from collections.abc import Mapping
from typing import Any

KIND_COLOURS = {
    "state": "#1f77b4",
    "person": "#ff7f0e",
    "bloc": "#2ca02c",
    "organisation": "#9467bd",
    "company": "#8c564b",
    "unknown": "#7f7f7f",
}
KIND_SHAPES = {
    "state": "dot",
    "person": "diamond",
    "bloc": "hexagon",
    "organisation": "square",
    "company": "triangle",
    "unknown": "dot",
}
# Hostile/coercive relations red-ish and solid, commerce green/blue, cooperation dashed.
RELATION_STYLES = {
    "threatens": ("#d62728", [8, 6]),
    "sanctions": ("#b2182b", False),
    "tariffs": ("#e6550d", False),
    "at_war_with": ("#67000d", False),
    "buys_oil_from": ("#2ca02c", False),
    "supplies": ("#31a354", [2, 4]),
    "trades_with": ("#74c476", [2, 4]),
    "aids": ("#3182bd", False),
    "negotiates_with": ("#6baed6", [10, 4]),
    "allied_with": ("#08519c", [10, 4]),
    "member_of": ("#969696", [2, 2]),
    "leads": ("#525252", [1, 3]),
    "co-occurs": ("#9e9e9e", False),
    # types used by components.case.RELATION_TYPES
    "coerces": ("#e31a1c", [8, 6]),
    "threatens_sanctions": ("#d62728", [8, 6]),
    "sells_oil_to": ("#2ca02c", [2, 4]),
    "supplies_arms_to": ("#6a3d9a", False),
    "cuts_aid_to": ("#fd8d3c", [10, 4, 2, 4]),
    "strikes": ("#67000d", False),
    "proposes_ceasefire": ("#41b6c4", [10, 4]),
    "declines_guarantee": ("#a6761d", [2, 4]),
    "competes_with": ("#e7298a", [10, 4, 2, 4]),
    "depends_on": ("#66a61e", [2, 2]),
    "meets": ("#6baed6", [2, 4]),
}
_PALETTE = [
    "#17becf",
    "#bcbd22",
    "#e377c2",
    "#7f7f7f",
    "#393b79",
    "#637939",
    "#8c6d31",
    "#843c39",
    "#7b4173",
    "#3182bd",
]
_DASHES = [False, [8, 6], [2, 4], [10, 4, 2, 4]]
COLOUR_BY = ("kind", "bloc")
NO_BLOC = "no bloc"


def relation_style(rtype: str) -> tuple[str, Any]:
    """(colour, dashes) for a relation type; unknown types get a stable palette slot (crc32)."""
    key = str(rtype).replace(" ", "_")
    if key in RELATION_STYLES:
        return RELATION_STYLES[key]
    h = zlib.crc32(str(rtype).encode("utf-8"))
    return _PALETTE[h % len(_PALETTE)], _DASHES[(h // len(_PALETTE)) % len(_DASHES)]


BLOC_PALETTE = [
    "#1f77b4",
    "#d62728",
    "#2ca02c",
    "#ff7f0e",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#17becf",
    "#bcbd22",
    "#393b79",
    "#637939",
    "#8c6d31",
    "#843c39",
    "#7b4173",
    "#aec7e8",
    "#ffbb78",
]


def group_colour(value: str, colour_by: str, bloc_colours: Mapping[str, str] | None = None) -> str:
    if colour_by == "kind":
        return KIND_COLOURS.get(value, KIND_COLOURS["unknown"])
    if bloc_colours and value in bloc_colours:
        return bloc_colours[value]
    if value == NO_BLOC:
        return "#c7c7c7"
    return _PALETTE[zlib.crc32(value.encode("utf-8")) % len(_PALETTE)]
