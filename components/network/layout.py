"""Where each actor sits: a seeded layout in vis pixel units, so that the same filters give the same picture.

Each connected component is laid out on its own and the components are packed side by side, the largest first:
one layout of a disconnected graph pushes the components into far corners, and the fit that shows them all
shrinks the interesting part (and its labels) to a dot.
"""

from __future__ import annotations

import math
import random

import networkx as nx
import numpy as np

UNIT = 90.0  # pixels per sqrt(node) of a component
GAP = 60.0  # pixels between packed components
STRESS_MAX = 80  # nodes of a component laid out by stress majorization (quadratic in the size; beyond: spring)
STRESS_ROUNDS = 300  # majorization steps at most; each lowers the stress, and it stops once that gain is tiny
STRESS_TOLERANCE = 1e-5  # relative gain in stress below which a step is the last
# stress per pair below which the drawing counts as exact (w = d^-2 makes each pair's term its squared relative
# error: 1e-4 is about 1 %, under a pixel at these sizes). A path or a short chain can be drawn exactly, and
# there the stress creeps towards 0 with a relative gain that stays above STRESS_TOLERANCE, so without this
# bound every such component (many in a big view) ran all STRESS_ROUNDS steps
STRESS_EXACT = 1e-4


def stress_layout(sub: nx.Graph, start: dict, weight: str = "length") -> dict[str, tuple[float, float]]:
    """Positions whose distances match the graph distances (the Kamada-Kawai energy: stress weighted by
    distance^-2), minimized by stress majorization (Gansner, Koren and North 2004, "Graph drawing by stress
    majorization"): each step solves one small linear system and never raises the stress. networkx's
    kamada_kawai_layout minimizes the same energy with scipy.optimize, whose import alone costs a server's
    first network page about 0.6 s; the test suite checks the stress reached against it. `start`: the first
    positions (a seeded circle), so the same graph and seed give the same picture."""
    nodes = list(start)
    lengths = dict(nx.shortest_path_length(sub, weight=weight))
    dist = np.array([[lengths[u][v] for v in nodes] for u in nodes], dtype=float)  # one component: all reachable
    with np.errstate(divide="ignore"):
        w = np.where(dist > 0, dist**-2.0, 0.0)
    laplacian = -w
    np.fill_diagonal(laplacian, w.sum(axis=1))
    solve = np.linalg.pinv(laplacian)
    x = np.array([start[n] for n in nodes], dtype=float)
    x = x * (dist[dist > 0].mean() / max(_mean_distance(x), 1e-9))  # the circle at the graph's own scale
    stress = _stress(x, dist, w)
    exact = STRESS_EXACT * len(nodes) * (len(nodes) - 1) / 2
    for _ in range(STRESS_ROUNDS):
        apart = _distances(x)
        with np.errstate(divide="ignore", invalid="ignore"):
            b = np.where(apart > 1e-12, -w * dist / apart, 0.0)
        np.fill_diagonal(b, 0.0)
        np.fill_diagonal(b, -b.sum(axis=1))
        x = solve @ (b @ x)
        lower = _stress(x, dist, w)
        if stress - lower <= STRESS_TOLERANCE * stress or lower <= exact:
            break
        stress = lower
    return {n: (float(px), float(py)) for n, (px, py) in zip(nodes, x)}


def _distances(x: np.ndarray) -> np.ndarray:
    return np.sqrt(((x[:, None, :] - x[None, :, :]) ** 2).sum(axis=-1))


def _mean_distance(x: np.ndarray) -> float:
    apart = _distances(x)
    return float(apart[np.triu_indices(len(x), 1)].mean()) if len(x) > 1 else 0.0


def _stress(x: np.ndarray, dist: np.ndarray, w: np.ndarray) -> float:
    """The Kamada-Kawai energy of positions x: sum over pairs of w_ij (|x_i - x_j| - d_ij)^2."""
    return float((w * (_distances(x) - dist) ** 2).sum() / 2)


def _component(U: nx.Graph, nodes: list[str], seed: int) -> dict[str, tuple[float, float]]:
    """One component's positions, scaled to ~UNIT * sqrt(size) and moved so that its box starts at (0, 0)."""
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    sub = U.subgraph(nodes)
    if len(nodes) <= STRESS_MAX:
        # graph distance drawn as distance (the Kamada-Kawai energy), and a link to a hub counts as longer (its
        # `length`), so a hub's many neighbours spread on a wide ring instead of piling onto it with their labels
        order = sorted(nodes)
        random.Random(seed).shuffle(order)
        pos = stress_layout(sub, nx.circular_layout(order), weight="length")
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
