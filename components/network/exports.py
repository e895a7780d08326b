"""What the network page lets a user take away: the edge list (CSV), an actor's relations with links, GEXF."""

from __future__ import annotations

import io
from collections.abc import Mapping

import networkx as nx
import pandas as pd

from components import routes
from components.network.model import period_text, relation_sentence
from components.network.palette import NO_BLOC
from components.network.panel import Names

EDGE_COLUMNS = [
    "source",
    "target",
    "source_label",
    "target_label",
    "type",
    "directed",
    "weight",
    "start",
    "end",
    "claims",
    "events",
    "series",
    "note",
]


def edge_table(G: nx.MultiDiGraph) -> pd.DataFrame:
    """Edge list of the view (Gephi-friendly CSV: Source/Target are the first two columns)."""
    rows = []
    for u, v, _k, d in sorted(G.edges(keys=True, data=True), key=lambda e: (e[0], e[1], str(e[2]))):
        rows.append(
            {
                "source": u,
                "target": v,
                "source_label": G.nodes[u]["label"],
                "target_label": G.nodes[v]["label"],
                "type": d["type"],
                "directed": bool(d.get("directed", True)),
                "weight": d["weight"],
                "start": "" if pd.isna(d["start"]) else d["start"].strftime("%Y-%m-%d"),
                "end": "" if pd.isna(d["end"]) else d["end"].strftime("%Y-%m-%d"),
                "claims": ";".join(d["claims"]),
                "events": ";".join(d.get("events", [])),
                "series": ";".join(d["series"]),
                "note": d.get("note", ""),
            }
        )
    return pd.DataFrame(rows, columns=EDGE_COLUMNS)


def actor_relations(G: nx.MultiDiGraph, actor: str, statuses: Mapping[str, str] | None = None) -> pd.DataFrame:
    """One row per relation touching ``actor`` in the view, in plain words."""
    statuses = statuses or {}
    cols = ["relation", "direction", "other", "period", "claims", "verdicts", "series"]
    if actor not in G:
        return pd.DataFrame(columns=cols)
    rows = []
    edges = list(G.out_edges(actor, keys=True, data=True)) + list(G.in_edges(actor, keys=True, data=True))
    seen = set()
    for u, v, k, d in edges:
        if (u, v, k) in seen:
            continue
        seen.add((u, v, k))
        other = v if u == actor else u
        direction = "both" if not d.get("directed", True) else ("outgoing" if u == actor else "incoming")
        rows.append(
            {
                "relation": relation_sentence(G, u, v, d),
                "direction": direction,
                "other": G.nodes[other]["label"],
                "period": period_text(d["start"], d["end"]),
                "claims": list(d["claims"]),
                "verdicts": [statuses.get(c, "unknown") for c in d["claims"]],
                "series": list(d["series"]),
            }
        )
    return pd.DataFrame(rows, columns=cols)


def series_link(series_id: str) -> str:
    """A series opens on the Data & sources page, which shows its every cited point, provenance and download."""
    return routes.page_url("data", {"data_id": series_id})


def claim_link(claim_id: str) -> str:
    return routes.page_url("claims", {"claims_id": claim_id})


def link_table(
    G: nx.MultiDiGraph, actor: str, statuses: Mapping[str, str] | None = None, names: Names | None = None
) -> pd.DataFrame:
    """Long form (one row per claim or series behind the actor's relations) with page links, each claim and
    series by its name (`names`; an id without one in words)."""
    statuses = statuses or {}
    names = names or Names()
    rows = []
    for r in actor_relations(G, actor, statuses).to_dict("records"):
        for c in r["claims"]:
            rows.append(
                {
                    "relation": r["relation"],
                    "period": r["period"],
                    "evidence": "claim",
                    "name": names.claim(c),
                    "verdict": statuses.get(c, "unknown"),
                    "link": claim_link(c),
                }
            )
        for s in r["series"]:
            rows.append(
                {
                    "relation": r["relation"],
                    "period": r["period"],
                    "evidence": "series",
                    "name": names.one_series(s),
                    "verdict": "",
                    "link": series_link(s),
                }
            )
        if not r["claims"] and not r["series"]:
            rows.append(
                {
                    "relation": r["relation"],
                    "period": r["period"],
                    "evidence": "none",
                    "name": "",
                    "verdict": "",
                    "link": None,
                }
            )
    return pd.DataFrame(rows, columns=["relation", "period", "evidence", "name", "verdict", "link"])


def to_gexf_bytes(G: nx.MultiDiGraph) -> bytes:
    """GEXF for Gephi. Lists and dates become strings (GEXF attributes are scalars)."""
    H = nx.MultiDiGraph()
    for n, d in G.nodes(data=True):
        H.add_node(
            n,
            label=d["label"],
            kind=d["kind"],
            country=d.get("country", ""),
            role=d.get("role", ""),
            bloc=d.get("bloc", NO_BLOC),
            aliases=";".join(d.get("aliases", [])),
        )
    for u, v, k, d in G.edges(keys=True, data=True):
        H.add_edge(
            u,
            v,
            key=str(k),
            label=d["type"],
            type_=d["type"],
            directed=bool(d.get("directed", True)),
            weight=float(d["weight"]),
            start="" if pd.isna(d["start"]) else d["start"].strftime("%Y-%m-%d"),
            end="" if pd.isna(d["end"]) else d["end"].strftime("%Y-%m-%d"),
            claims=";".join(d["claims"]),
            events=";".join(d.get("events", [])),
            series=";".join(d["series"]),
            note=d.get("note", ""),
        )
    buf = io.BytesIO()
    nx.write_gexf(H, buf)
    return buf.getvalue()
