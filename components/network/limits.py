"""How much graph one request may draw: the strongest links up to a cap, with a notice saying what was left out.

A drawing of thousands of links cannot be read, and laying it out, sizing its nodes and sending its HTML holds
the server (one process for every visitor) for seconds and the browser for longer. Any graph handed to the
renderer is cut to its MAX_EDGES strongest links among at most MAX_NODES actors; the cut is deterministic
(weight, then names) and linear in the graph's size, and the notice gives both counts.
"""

from __future__ import annotations

import heapq

import networkx as nx
import pandas as pd

from components import budget

MAX_EDGES = 400  # links drawn at most
MAX_NODES = 200  # names drawn at most
MAX_RELATIONS = 2_000  # relations a graph is built from (five times what is drawn, so filters still have choice)


def strongest_relations(relations: pd.DataFrame, limit: int = MAX_RELATIONS) -> tuple[pd.DataFrame, str | None]:
    """The `limit` heaviest rows of a relations table (all of it when smaller), in their original order, and a
    notice when rows were left out. Vectorised, so a table of a million rows is cut in well under a second."""
    if len(relations) <= limit:
        return relations, None
    weights = pd.to_numeric(relations.get("weight"), errors="coerce") if "weight" in relations else None
    if weights is None:
        weights = pd.Series(1.0, index=relations.index)
    weights = weights.where(weights.notna() & (weights > 0), 1.0)
    keep = weights.reset_index(drop=True).nlargest(limit, keep="first").index.sort_values()
    notice = (
        f"The graph is built from the {limit:,} strongest of {len(relations):,} relations "
        "(more would not change what can be drawn, and would hold up the server)."
    )
    return relations.iloc[keep], notice


def cap_graph(
    G: nx.MultiDiGraph, max_edges: int = MAX_EDGES, max_nodes: int = MAX_NODES
) -> tuple[nx.MultiDiGraph, str | None]:
    """(G itself, None) when it is within the caps, else (its strongest part, a notice in words): the
    `max_nodes` best-connected names (summed link weight), then the `max_edges` heaviest links among them."""
    n_edges, n_nodes = G.number_of_edges(), G.number_of_nodes()
    if n_edges <= max_edges and n_nodes <= max_nodes:
        return G, None
    nodes = list(G.nodes)
    if n_nodes > max_nodes:
        strength = dict(G.degree(weight="weight"))
        nodes = heapq.nsmallest(max_nodes, nodes, key=lambda n: (-strength[n], str(n)))
    chosen = set(nodes)
    budget.check("choosing the strongest links")
    inside = ((u, v, k, d) for u in nodes for v, keyed in G.succ[u].items() if v in chosen for k, d in keyed.items())
    edges = heapq.nsmallest(
        max_edges, inside, key=lambda e: (-float(e[3].get("weight", 1.0)), str(e[0]), str(e[1]), str(e[2]))
    )
    H = nx.MultiDiGraph()
    H.graph.update(G.graph)
    H.add_nodes_from((n, G.nodes[n]) for n in sorted(nodes, key=str))
    H.add_edges_from(edges)
    notice = f"Showing the {len(edges):,} strongest of {n_edges:,} links"
    if len(nodes) < n_nodes:
        notice += f", among the {len(nodes):,} best-connected of {n_nodes:,} names"
    notice += (
        f" (at most {max_edges:,} links and {max_nodes:,} names are drawn: a denser drawing cannot be read). "
        "Narrow the filters to see the others."
    )
    return H, notice
