"""The actor graph: case tables -> ``nx.MultiDiGraph``, bloc grouping, relations in words, and the view's filters.

Graph shape: ``nx.MultiDiGraph`` keyed by actor id. Several relations between the same pair are
kept as parallel edges (key = row index in relations.csv). A relation with ``directed=False`` is one
edge with ``directed=False``; it is drawn without an arrow and counted both ways by centralities.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx
import pandas as pd

from components import budget
from components.network.palette import BLOC_PALETTE, NO_BLOC
from components.network.view import View
from components.style import format_date, to_timestamp


def _split(value: Any) -> list[str]:
    """Aliases/claims/series may arrive as ';'-joined text or as lists: normalise to list[str]."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split(";") if v.strip()]
    try:
        return [str(v).strip() for v in value if str(v).strip()]
    except TypeError:
        return [str(value)]


def _date_or_nat(value: Any) -> pd.Timestamp:
    """style.to_timestamp, with NaT (not None) for an open end: relation dates stay pandas values, as the case
    loader gives them."""
    ts = to_timestamp(value)
    return pd.NaT if ts is None else ts


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


def _truthy(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() not in {"false", "0", "no", "n", "f", ""}
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return True  # a relation is directed unless the file says otherwise
    return bool(value)


def build_graph(actors: pd.DataFrame, relations: pd.DataFrame) -> nx.MultiDiGraph:
    """Case tables -> MultiDiGraph. Relations naming an unknown actor add a node of kind 'unknown'
    (visible, so a typo in relations.csv shows up instead of silently dropping the edge)."""
    from components.network.limits import strongest_relations

    relations, cut = strongest_relations(relations)
    G = nx.MultiDiGraph()
    if cut:
        G.graph["relations_cut"] = cut
    for row in actors.to_dict("records"):
        aid = _text(row.get("id")).strip()
        if not aid:
            continue
        kind = _text(row.get("kind")).strip() or "unknown"
        G.add_node(
            aid,
            label=_text(row.get("label")) or aid,
            kind=kind,
            country=_text(row.get("country")),
            role=_text(row.get("role")),
            aliases=_split(row.get("aliases")),
        )
    for i, row in enumerate(relations.to_dict("records")):
        budget.every(2000, i, lambda i=i: f"building the graph ({i:,} of {len(relations):,} relations read)")
        s, t = _text(row.get("source")).strip(), _text(row.get("target")).strip()
        if not s or not t:
            continue
        for n in (s, t):
            if n not in G:
                G.add_node(n, label=n, kind="unknown", country="", role="", aliases=[])
        try:
            w = float(row.get("weight"))
            w = w if math.isfinite(w) and w > 0 else 1.0
        except (TypeError, ValueError):
            w = 1.0
        G.add_edge(
            s,
            t,
            key=i,
            type=_text(row.get("type")).strip() or "related_to",
            directed=_truthy(row.get("directed")),
            weight=w,
            start=_date_or_nat(row.get("start")),
            end=_date_or_nat(row.get("end")),
            claims=_split(row.get("claims")),
            series=_split(row.get("series")),
            events=_split(row.get("events")),
            note=_text(row.get("note")),
        )
    _assign_blocs(G)
    return G


def _assign_blocs(G: nx.MultiDiGraph) -> None:
    """Colour-by-bloc needs one group per actor, computed on the FULL graph (filters must not
    change an actor's colour). A bloc node is its own group; a member (relation type containing
    'member') takes its bloc (first by label when several); any other actor with a country code
    is grouped with the state of that country (Trump, OFAC -> United States; Rosneft -> Russia);
    the rest are 'no bloc'. Factual grouping only: we do not assign political camps."""
    memberships: dict[str, list[str]] = {}
    for u, v, d in G.edges(data=True):
        if "member" in d["type"]:
            memberships.setdefault(u, []).append(v)
    state_label = {
        d["country"]: d["label"] for _, d in sorted(G.nodes(data=True)) if d["kind"] == "state" and d["country"]
    }
    for n, d in G.nodes(data=True):
        if d["kind"] == "bloc":
            d["bloc"] = d["label"]
        elif n in memberships:
            d["bloc"] = sorted(G.nodes[b]["label"] for b in memberships[n])[0]
        elif d["country"]:
            d["bloc"] = state_label.get(d["country"], d["country"])
        else:
            d["bloc"] = NO_BLOC
    # colours by group size (largest first) so the big groups get distinct, stable colours
    sizes: dict[str, int] = {}
    for _, d in G.nodes(data=True):
        sizes[d["bloc"]] = sizes.get(d["bloc"], 0) + 1
    order = sorted((b for b in sizes if b != NO_BLOC), key=lambda b: (-sizes[b], b))
    colours = {b: BLOC_PALETTE[i % len(BLOC_PALETTE)] for i, b in enumerate(order)}
    colours[NO_BLOC] = "#c7c7c7"
    G.graph["bloc_colours"] = colours


def graph_from_case(case: Any) -> nx.MultiDiGraph:
    return build_graph(case.actors, case.relations)


def claim_statuses(claims: Iterable[Any]) -> dict[str, str]:
    """claim id -> verdict status ('pending' when a claim has no verdict yet)."""
    out = {}
    for c in claims or []:
        v = getattr(c, "verdict", None)
        out[str(c.id)] = str(getattr(v, "status", "pending") or "pending")
    return out


def active_on(start: Any, end: Any, date: pd.Timestamp) -> bool:
    """start <= date <= end, a missing bound being open-ended."""
    if not pd.isna(start) and pd.Timestamp(start) > date:
        return False
    if not pd.isna(end) and pd.Timestamp(end) < date:
        return False
    return True


def filter_graph(
    G: nx.MultiDiGraph, view: View, statuses: Mapping[str, str] | None = None
) -> tuple[nx.MultiDiGraph, list[str]]:
    """Apply the view's filters. Edge filters first (type, date, verdict), then node kinds, then
    the ego neighbourhood on what is left (so 'N steps out' counts only visible relations).
    Returns (subgraph copy, notices)."""
    notices: list[str] = []
    statuses = statuses or {}
    types = set(view.types) if view.types is not None else None
    kinds = set(view.kinds) if view.kinds is not None else None
    verdicts = set(view.verdicts) if view.verdicts else None
    H = nx.MultiDiGraph()
    H.graph.update(G.graph)
    for n, d in G.nodes(data=True):
        if kinds is None or d.get("kind") in kinds:
            H.add_node(n, **d)
    for u, v, k, d in G.edges(keys=True, data=True):
        if u not in H or v not in H:
            continue
        if types is not None and d["type"] not in types:
            continue
        if view.date is not None and not active_on(d["start"], d["end"], view.date):
            continue
        if verdicts is not None and not any(statuses.get(c) in verdicts for c in d["claims"]):
            continue
        H.add_edge(u, v, key=k, **d)
    if view.ego is not None:
        if view.ego not in H:
            notices.append(
                f"Actor '{view.ego}' is not in the current view (filtered out); "
                "showing the whole filtered network instead."
            )
        else:
            keep = nx.single_source_shortest_path_length(
                H.to_undirected(as_view=True), view.ego, cutoff=max(0, int(view.depth))
            )
            H = H.subgraph(keep).copy()
    if not view.keep_isolates:
        drop = [n for n in H if H.degree(n) == 0 and n != view.ego]
        H.remove_nodes_from(drop)
    return H, notices


def period_text(start: Any, end: Any) -> str:
    s = "open" if pd.isna(start) else format_date(start)
    e = "ongoing" if pd.isna(end) else format_date(end)
    if pd.isna(start) and pd.isna(end):
        return "no dates given"
    return f"{s} to {e}" if not pd.isna(start) else f"until {e}"


def relation_sentence(G: nx.MultiDiGraph, u: str, v: str, d: Mapping) -> str:
    arrow = "→" if d.get("directed", True) else "↔"
    return f"{G.nodes[u]['label']} {arrow} {G.nodes[v]['label']}: {d['type'].replace('_', ' ')}"
