"""The network layout: stress majorization reaches the Kamada-Kawai energy that networkx (with scipy) reaches,
the same graph and seed give the same picture, and components are packed side by side."""

import importlib
import math
import random

import networkx as nx
import numpy as np
import pytest

from components import network
from tests.factories.network import network_case

layout_module = importlib.import_module("components.network.layout")


def _energy(pos: dict, g: nx.Graph) -> float:
    """Kamada-Kawai energy at the best scale of the positions (layouts are compared up to scale)."""
    nodes = list(g.nodes)
    lengths = dict(nx.shortest_path_length(g, weight="length"))
    dist = np.array([[lengths[u][v] for v in nodes] for u in nodes])
    weights = np.where(dist > 0, 1 / np.where(dist > 0, dist, 1) ** 2, 0)
    xy = np.array([pos[n] for n in nodes])
    apart = np.sqrt(((xy[:, None] - xy[None, :]) ** 2).sum(-1))
    scale = (weights * apart * dist).sum() / (weights * apart * apart).sum()
    return float((weights * (scale * apart - dist) ** 2).sum() / 2)


def _named(g: nx.Graph) -> nx.Graph:
    g = nx.relabel_nodes(g, {n: str(n) for n in g.nodes})
    for u, v in g.edges():
        g.edges[u, v]["length"] = max(1.0, math.sqrt(max(g.degree(u), g.degree(v))) / 1.5)
    return g


GRAPHS = {
    "star": nx.star_graph(12),
    "path": nx.path_graph(10),
    "small world": nx.connected_watts_strogatz_graph(40, 4, 0.2, seed=1),
    "grid": nx.grid_2d_graph(6, 6),
    "two hubs": nx.barbell_graph(6, 3),
}


@pytest.mark.parametrize("name", list(GRAPHS))
def test_stress_layout_reaches_the_kamada_kawai_energy_of_networkx(name):
    pytest.importorskip("scipy")
    g = _named(GRAPHS[name])
    order = sorted(g.nodes)
    random.Random(42).shuffle(order)
    start = nx.circular_layout(order)
    ours = layout_module.stress_layout(g, start)
    reference = nx.kamada_kawai_layout(g, pos=start, weight="length")  # scipy.optimize on the same energy
    exact = layout_module.STRESS_EXACT * len(g) * (len(g) - 1) / 2  # where it stops on a drawable-exactly graph
    assert _energy(ours, g) <= 1.02 * _energy(reference, g) + exact  # (a path's energy is about 0 for both)
    assert _energy(ours, g) < _energy(start, g)  # it moved off the circle


@pytest.mark.parametrize("graph", [nx.path_graph(2), nx.path_graph(3), nx.path_graph(10), nx.star_graph(4)])
def test_a_graph_drawn_exactly_stops_once_exact(monkeypatch, graph):
    """A path fits the plane with every distance right; its stress creeps towards 0 with a relative gain that
    stays above the tolerance, so only the exactness bound stops it before the round limit."""
    g = _named(graph)
    steps = []
    real = layout_module._stress
    monkeypatch.setattr(layout_module, "_stress", lambda *args: steps.append(1) or real(*args))
    order = sorted(g.nodes)
    random.Random(42).shuffle(order)
    pos = layout_module.stress_layout(g, nx.circular_layout(order))
    assert len(steps) < layout_module.STRESS_ROUNDS / 2
    if nx.is_tree(g) and max(dict(g.degree).values()) <= 2:  # a path: laid out on a line, every distance right
        lengths = dict(nx.shortest_path_length(g, weight="length"))
        nodes = list(g.nodes)
        xy = np.array([pos[n] for n in nodes])
        apart = np.sqrt(((xy[:, None] - xy[None, :]) ** 2).sum(-1))
        dist = np.array([[lengths[u][v] for v in nodes] for u in nodes])
        scale = apart[dist > 0].sum() / dist[dist > 0].sum()
        assert np.allclose(apart, scale * dist, rtol=0.03, atol=1e-6)  # about 1 % per pair


def test_the_same_graph_and_seed_give_the_same_picture_and_another_seed_another():
    G = network.graph_from_case(network_case())
    first, again, other = network.layout(G, 42), network.layout(G, 42), network.layout(G, 7)
    assert first == again
    assert first != other
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in first.values())


def test_components_are_packed_side_by_side_largest_first():
    G = nx.MultiDiGraph()
    for u, v in [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("x", "y")]:
        G.add_edge(u, v)
    G.add_node("alone")
    pos = network.layout(G, 42)
    big = max(pos[n][0] for n in "abcd")
    assert min(pos["x"][0], pos["y"][0], pos["alone"][0]) > big  # the smaller components to its right
