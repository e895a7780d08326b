"""Where each actor sits: a seeded layout in vis pixel units, so that the same filters give the same picture.

Each connected component is laid out on its own and the components are packed side by side, the largest first:
one layout of a disconnected graph pushes the components into far corners, and the fit that shows them all
shrinks the interesting part (and its labels) to a dot.
"""

from __future__ import annotations

import math
import random

import networkx as nx

UNIT = 90.0  # pixels per sqrt(node) of a component
GAP = 60.0  # pixels between packed components
KAMADA_KAWAI_MAX = 80  # nodes of a component laid out by Kamada-Kawai (quadratic in the size; beyond: spring)


def _component(U: nx.Graph, nodes: list[str], seed: int) -> dict[str, tuple[float, float]]:
    """One component's positions, scaled to ~UNIT * sqrt(size) and moved so that its box starts at (0, 0)."""
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    sub = U.subgraph(nodes)
    if len(nodes) <= KAMADA_KAWAI_MAX:
        # Kamada-Kawai draws graph distance as distance, and a link to a hub counts as longer (its `length`), so
        # a hub's many neighbours spread on a wide ring instead of piling onto it with their labels
        order = sorted(nodes)
        random.Random(seed).shuffle(order)
        pos = nx.kamada_kawai_layout(sub, pos=nx.circular_layout(order), weight="length")
    else:
        # fewer iterations on big components: 50 -> 20 keeps a 1,000-node view interactive
        pos = nx.spring_layout(sub, seed=seed, iterations=50 if len(nodes) <= 300 else 20)
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    scale = 2 * UNIT * math.sqrt(len(nodes)) / span
    return {n: ((x - min(xs)) * scale, (y - min(ys)) * scale) for n, (x, y) in pos.items()}


def _box(pos: dict[str, tuple[float, float]]) -> tuple[float, float]:
    return max(x for x, _ in pos.values()), max(y for _, y in pos.values())


def layout(G: nx.MultiDiGraph, seed: int = 42) -> dict[str, tuple[float, float]]:
    """{node: (x, y)}: the largest component on the left, the others in columns beside it, each column no
    taller than the largest component (shelf packing), so the fit spends the canvas on the graph's main part."""
    if G.number_of_nodes() == 0:
        return {}
    U = nx.Graph()
    U.add_nodes_from(sorted(G.nodes))
    U.add_edges_from(sorted((min(u, v), max(u, v)) for u, v in G.edges() if u != v))
    for u, v in U.edges():
        U.edges[u, v]["length"] = max(1.0, math.sqrt(max(U.degree(u), U.degree(v))) / 1.5)
    comps = sorted((sorted(c) for c in nx.connected_components(U)), key=lambda c: (-len(c), c[0]))
    placed = [_component(U, nodes, seed) for nodes in comps]
    out = dict(placed[0])
    width, height = _box(placed[0])
    column_x, column_w, y = width + GAP, 0.0, 0.0
    for pos in placed[1:]:
        w, h = _box(pos)
        if y > 0 and y + h > max(height, h):  # the column is full: start the next one
            column_x, column_w, y = column_x + column_w + GAP, 0.0, 0.0
        out.update({n: (px + column_x, py + y) for n, (px, py) in pos.items()})
        column_w, y = max(column_w, w), y + h + GAP
    return out
