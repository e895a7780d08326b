"""The view state: what determines the picture (`View`), and its round trip through the URL's query params."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import networkx as nx
import pandas as pd

from components import params, routes
from components.network.metrics import CENTRALITIES
from components.network.palette import COLOUR_BY


@dataclass(frozen=True)
class View:
    """Everything that determines the picture. ``None`` for a filter means 'no filter'."""

    types: tuple[str, ...] | None = None
    kinds: tuple[str, ...] | None = None
    ego: str | None = None
    depth: int = 1
    date: pd.Timestamp | None = None
    verdicts: tuple[str, ...] | None = None
    centrality: str = "degree"
    colour: str = "kind"
    physics: bool = False
    keep_isolates: bool = False
    seed: int = 42


HELD_MARKER = "net_byo"  # not part of the view: marks a tab that held upload results (components.ui.held)
PARAM_NAMES = tuple(name for name in routes.page("network").param_names if name != HELD_MARKER)
MAX_DEPTH = 4


@dataclass
class Options:
    """What the URL may choose from (derived from the full case graph)."""

    types: list[str]
    kinds: list[str]
    actors: list[str]
    verdicts: list[str]
    date_min: pd.Timestamp | None
    date_max: pd.Timestamp | None


def options_for(G: nx.MultiDiGraph, statuses: Mapping[str, str], today: pd.Timestamp | None = None) -> Options:
    dates = [d[x] for _, _, d in G.edges(data=True) for x in ("start", "end") if not pd.isna(d[x])]
    today = pd.Timestamp(today) if today is not None else pd.Timestamp.today().normalize()
    lo = min(dates) if dates else None
    hi = max(dates + [today]) if dates else None
    return Options(
        types=sorted({d["type"] for _, _, d in G.edges(data=True)}),
        kinds=sorted({d["kind"] for _, d in G.nodes(data=True)}),
        actors=sorted(G.nodes),
        verdicts=sorted(set(statuses.values())),
        date_min=lo,
        date_max=hi,
    )


def parse_view(qp: Mapping[str, Any], opts: Options) -> tuple[View, list[str]]:
    """Query params -> View. Invalid values fall back to the default with a notice (components.params)."""
    notes: list[str] = []

    def keep(value_note):
        value, note = value_note
        if note:
            notes.append(note)
        return value

    def multi(name, choices, default):
        if qp.get(name) is None:
            return None
        vals = keep(params.parse_multi(qp.get(name), choices, default, name=name, allow_empty=True))
        return tuple(vals)

    types = multi("net_types", opts.types, list(opts.types))
    kinds = multi("net_kinds", opts.kinds, list(opts.kinds))
    verdicts = multi("net_verdict", opts.verdicts, []) or None  # default: no verdict filter
    ego_raw = params._raw_str(qp.get("net_ego"))
    ego = None
    if ego_raw:
        ego = keep(params.parse_choice(ego_raw, opts.actors, "", name="net_ego")) or None
    depth = keep(params.parse_int(qp.get("net_depth"), 1, MAX_DEPTH, 1, name="net_depth"))
    date = None
    if params._raw_str(qp.get("net_date")):
        date = keep(
            params.parse_date(qp.get("net_date"), None, min_date=opts.date_min, max_date=opts.date_max, name="net_date")
        )
    cent = keep(params.parse_choice(qp.get("net_centrality"), CENTRALITIES, "degree", name="net_centrality"))
    colour = keep(params.parse_choice(qp.get("net_colour"), COLOUR_BY, "kind", name="net_colour"))
    physics = keep(params.parse_bool(qp.get("net_physics"), False, name="net_physics"))
    return View(
        types=types,
        kinds=kinds,
        ego=ego,
        depth=depth,
        date=date,
        verdicts=verdicts,
        centrality=cent,
        colour=colour,
        physics=physics,
    ), notes


def format_view(view: View, opts: Options) -> dict[str, str]:
    """View -> query params, omitting defaults so a plain URL stays plain (parse(format(v)) == v)."""
    out: dict[str, str] = {}
    if view.types is not None and set(view.types) != set(opts.types):
        out["net_types"] = params.format_multi(view.types)
    if view.kinds is not None and set(view.kinds) != set(opts.kinds):
        out["net_kinds"] = params.format_multi(view.kinds)
    if view.ego:
        out["net_ego"] = view.ego
    if view.depth != 1:
        out["net_depth"] = str(view.depth)
    if view.date is not None:
        out["net_date"] = params.format_date(view.date)
    if view.verdicts:
        out["net_verdict"] = params.format_multi(view.verdicts)
    if view.centrality != "degree":
        out["net_centrality"] = view.centrality
    if view.colour != "kind":
        out["net_colour"] = view.colour
    if view.physics:
        out["net_physics"] = "1"
    return out
