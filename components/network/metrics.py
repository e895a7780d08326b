"""Centralities of the (filtered) graph and node sizes: parallel relations collapsed to weighted arcs first."""

from __future__ import annotations

from collections.abc import Mapping

import networkx as nx

CENTRALITIES = ("degree", "betweenness", "eigenvector", "pagerank")
MIN_SIZE, MAX_SIZE = 12.0, 42.0
BETWEENNESS_EXACT_MAX, BETWEENNESS_SAMPLE = 500, 200


def collapse(G: nx.MultiDiGraph) -> nx.DiGraph:
    """Parallel relations -> one weighted arc; an undirected relation counts in both directions."""
    D = nx.DiGraph()
    D.add_nodes_from(G.nodes)
    for u, v, d in G.edges(data=True):
        pairs = [(u, v)] if d.get("directed", True) else [(u, v), (v, u)]
        for a, b in pairs:
            if a == b:
                continue
            if D.has_edge(a, b):
                D[a][b]["weight"] += d["weight"]
            else:
                D.add_edge(a, b, weight=d["weight"])
    return D


def _pagerank(D: nx.DiGraph) -> dict:
    try:
        return nx.pagerank(D, weight="weight")
    except ImportError:  # scipy is not a runtime requirement; the pure-python version is fine here
        from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

        return _pagerank_python(D, weight="weight")


def centrality(G: nx.MultiDiGraph, measure: str) -> tuple[dict[str, float], str | None]:
    """Centrality of each node of the (filtered) graph and an optional notice when a fallback was
    used. Eigenvector centrality of a directed graph is often undefined (acyclic parts converge to
    zero, or power iteration oscillates), so: directed -> undirected view -> degree, saying so."""
    D = collapse(G)
    n = D.number_of_nodes()
    if n == 0:
        return {}, None
    if n == 1:
        return {next(iter(D)): 1.0}, None
    if measure == "degree":
        return nx.degree_centrality(D), None
    if measure == "betweenness":
        if n > BETWEENNESS_EXACT_MAX:  # O(nm): sample pivots (seeded, so still reproducible)
            k = min(BETWEENNESS_SAMPLE, n)
            return (
                nx.betweenness_centrality(D, k=k, normalized=True, seed=0),
                f"Betweenness estimated from {k} sampled actors (view has {n}).",
            )
        return nx.betweenness_centrality(D, normalized=True), None
    if measure == "pagerank":
        return _pagerank(D), None
    if measure == "eigenvector":
        errors = (nx.PowerIterationFailedConvergence, nx.NetworkXException, ZeroDivisionError)
        try:
            c = nx.eigenvector_centrality(D, max_iter=500, tol=1e-6, weight="weight")
            if sum(c.values()) > 1e-9 and not all(v < 1e-6 for v in c.values()):
                return c, None
        except errors:
            pass
        try:
            c = nx.eigenvector_centrality(D.to_undirected(), max_iter=1000, tol=1e-6, weight="weight")
            return c, (
                "Eigenvector centrality did not converge on the directed graph; "
                "computed on the undirected view instead."
            )
        except errors:
            return nx.degree_centrality(D), (
                "Eigenvector centrality did not converge; sizes show degree centrality instead."
            )
    return nx.degree_centrality(D), f"Unknown centrality '{measure}'; using degree."


def scale_sizes(values: Mapping[str, float], lo: float = MIN_SIZE, hi: float = MAX_SIZE) -> dict[str, float]:
    """Linear map of centrality onto node sizes; all-equal values get the middle size."""
    if not values:
        return {}
    vmin, vmax = min(values.values()), max(values.values())
    if vmax - vmin < 1e-12:
        return {k: (lo + hi) / 2 for k in values}
    return {k: lo + (hi - lo) * (v - vmin) / (vmax - vmin) for k, v in values.items()}
