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
# One (colour, dash pattern) per relation type, no two alike: coercion in reds and oranges (a threat is the dashed
# form of the act it threatens), oil and trade in greens, arms, talks and truces in blues and purples. Mid tones,
# so that every line reads on the light and the dark background. Width is the relation's weight; an arrow, its
# direction (components.network.legend explains all three).
RELATION_STYLES = {
    # the types of components.case.RELATION_TYPES
    "sanctions": ("#d73027", False),
    "threatens_sanctions": ("#d73027", [8, 5]),
    "coerces": ("#f46d43", False),
    "tariffs": ("#e08214", False),
    "cuts_aid_to": ("#e08214", [10, 4, 2, 4]),
    "strikes": ("#c2185b", False),
    "declines_guarantee": ("#a6761d", [2, 4]),
    "buys_oil_from": ("#1a9850", False),
    "sells_oil_to": ("#1a9850", [2, 4]),
    "depends_on": ("#66a61e", [2, 2]),
    "competes_with": ("#e7298a", [10, 4, 2, 4]),
    "supplies_arms_to": ("#8e44ad", False),
    "proposes_ceasefire": ("#1fa2b5", [10, 4]),
    "negotiates_with": ("#3b7dd8", [10, 4]),
    "meets": ("#3b7dd8", [2, 4]),
    "mentioned_with": ("#8c8c8c", [2, 4]),
    # older and imported vocabularies
    "threatens": ("#f46d43", [8, 5]),
    "at_war_with": ("#c2185b", [10, 4]),
    "supplies": ("#66a61e", False),
    "trades_with": ("#66a61e", [10, 4]),
    "aids": ("#3b7dd8", False),
    "allied_with": ("#8e44ad", [10, 4]),
    "member_of": ("#8c8c8c", False),
    "leads": ("#8c8c8c", [10, 4]),
    "co-occurs": ("#8c8c8c", [2, 2]),
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
# the drawing's colours per Streamlit theme (st.context.theme.type): page background and text as the app's own
THEMES = {
    "light": {
        "bg": "#ffffff",
        "fg": "#31333f",
        "muted": "#6b6f7b",
        "border": "#d6d6d9",
        "panel": "#f5f6f8",
        "link": "#1a5fb4",
    },
    "dark": {
        "bg": "#0e1117",
        "fg": "#fafafa",
        "muted": "#a3a8b8",
        "border": "#3b3d48",
        "panel": "#1a1c24",
        "link": "#8ab4f8",
    },
}


def theme_colours(theme: str | None) -> dict[str, str]:
    """The colours of `theme` ('light' or 'dark'); anything else (None: the browser did not say) is light."""
    return THEMES.get(str(theme or "light"), THEMES["light"])


NO_BLOC = "no bloc"


def relation_style(rtype: str) -> tuple[str, Any]:
    """(colour, dashes) for a relation type; unknown types get a stable palette slot (crc32)."""
    key = str(rtype).replace(" ", "_")
    if key in RELATION_STYLES:
        return RELATION_STYLES[key]
    h = zlib.crc32(str(rtype).encode("utf-8"))
    return _PALETTE[h % len(_PALETTE)], _DASHES[(h // len(_PALETTE)) % len(_DASHES)]


def relation_styles(types: list[str] | tuple[str, ...] | set[str]) -> dict[str, tuple[str, Any]]:
    """(colour, dashes) for each type in a view, no two alike: a type whose own style is taken (an unknown type
    whose hash slot collides) moves to the next free palette slot, so the legend tells every line apart."""
    out: dict[str, tuple[str, Any]] = {}
    taken: set[str] = set()  # repr of each style used: dash patterns are lists
    slots = [(c, d) for d in _DASHES for c in _PALETTE]
    # known types first: their styles never move, only an unknown type gives way
    for rtype in sorted(types, key=lambda t: (str(t).replace(" ", "_") not in RELATION_STYLES, str(t))):
        style = relation_style(rtype)
        if repr(style) in taken:
            style = next((s for s in slots if repr(s) not in taken), style)
        out[rtype] = style
        taken.add(repr(style))
    return out


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
