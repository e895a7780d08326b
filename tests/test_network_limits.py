"""Any graph handed to the renderer is bounded: at most MAX_EDGES strongest links among MAX_NODES names, with a
notice giving both counts; the drawing stays under a stated size and time; graph building stops at the
request's time budget; the drawing runs in an iframe sandboxed to scripts only."""

from __future__ import annotations

import html
import re
import time
import tracemalloc

import networkx as nx
import pandas as pd
import pytest

from components import budget, network

MAX_DOC_BYTES = 2_000_000  # the largest network document one response may carry


def dense_graph(names: int, weight_of=lambda i, j: 1.0 + (i * j) % 7) -> nx.MultiDiGraph:
    """Every pair of `names` linked once (what a paste of comma-separated names co-occurring gives)."""
    G = nx.MultiDiGraph()
    for i in range(names):
        G.add_node(f"n{i}", label=f"Name {i}", kind="unknown", country="", role="", aliases=[], bloc="no bloc")
    key = 0
    for i in range(names):
        for j in range(i + 1, names):
            G.add_edge(
                f"n{i}", f"n{j}", key=key, type="co-occurs", directed=False, weight=weight_of(i, j),
                start=pd.NaT, end=pd.NaT, claims=[], series=[], events=[], note="",
            )  # fmt: skip
            key += 1
    return G


@pytest.fixture(scope="module")
def dense():
    return dense_graph(700)  # 244,650 links


def test_a_dense_graph_is_cut_to_its_strongest_links_with_a_notice(dense):
    H, notice = network.cap_graph(dense)
    assert H.number_of_edges() == network.MAX_EDGES and H.number_of_nodes() <= network.MAX_NODES
    assert notice.startswith(f"Showing the {network.MAX_EDGES} strongest of {dense.number_of_edges():,} links")
    kept = sorted((d["weight"] for _, _, d in H.edges(data=True)), reverse=True)
    assert kept[-1] >= 6.0, "the weakest kept link must be among the strongest of the graph (weights 1-7)"


def dense_relations(names: int) -> pd.DataFrame:
    """Every pair of `names` as a relation row, as a scan of 1,000 comma-separated names would give."""
    pairs = [(i, j) for i in range(names) for j in range(i + 1, names)]
    return pd.DataFrame(
        {
            "source": [f"n{i}" for i, _ in pairs],
            "target": [f"n{j}" for _, j in pairs],
            "type": "co-occurs",
            "directed": False,
            "weight": [1 + (i * j) % 7 for i, j in pairs],
        }
    )


def test_building_and_rendering_499500_links_is_quick_small_and_says_it_was_capped():
    relations = dense_relations(1000)
    actors = pd.DataFrame({"id": [f"n{i}" for i in range(1000)], "label": [f"Name {i}" for i in range(1000)]})
    tracemalloc.start()
    started = time.perf_counter()
    G = network.build_graph(actors, relations)
    doc, H, _, notes = network.render(G, network.View(centrality="betweenness"), {})
    took = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert took < 2.0 * 3, f"building and drawing took {took:.2f} s (under tracemalloc, which triples it)"
    assert peak < 100e6, f"building and drawing used {peak / 1e6:.0f} MB"
    assert len(doc.encode()) < MAX_DOC_BYTES, f"document of {len(doc) / 1e6:.1f} MB"
    assert any("2,000 strongest of 499,500 relations" in note for note in notes), notes
    assert any(f"Showing the {network.MAX_EDGES} strongest" in note for note in notes), notes
    assert H.number_of_edges() == network.MAX_EDGES
    started = time.perf_counter()
    network.render(network.build_graph(actors, relations), network.View(centrality="betweenness"), {})
    assert time.perf_counter() - started < 2.0


def test_to_html_caps_any_graph_and_the_drawing_says_so(dense):
    doc = network.to_html(dense)
    assert 'id="cl-capped"' in doc and "strongest of 244,650 links" in doc
    assert len(doc.encode()) < MAX_DOC_BYTES


def test_a_small_graph_is_left_whole():
    G = dense_graph(10)
    H, notice = network.cap_graph(G)
    assert H is G and notice is None


def test_graph_building_stops_at_the_time_budget():
    relations = dense_relations(80)
    actors = pd.DataFrame(columns=["id", "label", "kind"])
    with budget.within(0.01, "building the graph"):
        time.sleep(0.02)
        with pytest.raises(budget.BudgetExceeded, match="Stopped building the graph") as err:
            network.build_graph(actors, relations)
    assert "relations read" in str(err.value)


def test_the_drawing_runs_sandboxed_to_scripts_only():
    doc = network.to_html(dense_graph(5))
    wrapped = network.sandboxed(doc)
    frames = re.findall(r"<iframe ([^>]*?) srcdoc=", wrapped)
    assert frames == ['sandbox="allow-scripts" title="Claim Lens actor network"'], frames
    inner = re.search(r'srcdoc="([^"]*)"', wrapped).group(1)
    assert html.unescape(inner) == doc
    assert "<script" not in wrapped.split("srcdoc=")[0], "the wrapper itself runs no script"
