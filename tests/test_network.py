"""components.network: the graph model, filters and centralities, and graphs at scale (the HTML, exports and URL
parameters are in test_network_html.py)."""

# ruff: noqa: F811 - tests take the imported fixtures G, case and statuses as parameters

from __future__ import annotations

import networkx as nx
import pandas as pd
import pytest

from bench.synthetic import random_network_case
from components import network
from tests.factories.network import (
    network_actors,
    network_relations,
)
from tests.factories.network_fixtures import G, case, statuses  # noqa: F401 - fixtures: pytest finds them by name


# ------------------------------------------------------------------------------------------- build
def test_build_graph_nodes_edges_and_attributes(G):
    assert G.number_of_nodes() == 11 and G.number_of_edges() == 13
    d = G.nodes["trump"]
    assert d["label"] == "Donald Trump" and d["kind"] == "person" and d["aliases"] == ["Trump"]
    ((_, _, e),) = [x for x in G.edges(data=True) if x[0] == "trump" and x[1] == "russia"]
    assert e["type"] == "threatens" and e["claims"] == ["c1", "c2"] and pd.isna(e["end"])
    assert e["start"] == pd.Timestamp("2025-03-30")


def test_parallel_relations_are_kept(G):
    rel = network_relations(
        [
            ("us", "india", "threatens", True, 1, None, None, "", "", ""),
            ("us", "india", "tariffs", True, 1, None, None, "", "", ""),
        ]
    )
    H = network.build_graph(network_actors(), rel)
    assert H.number_of_edges("us", "india") == 2


def test_unknown_actor_in_relation_becomes_visible_node():
    rel = network_relations([("us", "ghost", "threatens", True, 1, None, None, "", "", "")])
    H = network.build_graph(network_actors(), rel)
    assert H.nodes["ghost"]["kind"] == "unknown"


def test_bad_weight_and_string_lists_are_normalised():
    rel = pd.DataFrame(
        [
            {
                "source": "us",
                "target": "india",
                "type": "threatens",
                "directed": "false",
                "weight": "abc",
                "start": "",
                "end": None,
                "claims": "c1; c2",
                "series": None,
                "note": float("nan"),
            }
        ]
    )
    H = network.build_graph(network_actors(), rel)
    ((_, _, d),) = H.edges(data=True)
    assert d["weight"] == 1.0 and d["directed"] is False and d["claims"] == ["c1", "c2"] and d["series"] == []
    assert pd.isna(d["start"]) and d["note"] == ""


def test_bloc_groups_people_with_their_state_and_member_with_bloc(G):
    assert G.nodes["russia"]["bloc"] == "OPEC+"  # member_of relation
    assert G.nodes["putin"]["bloc"] == "Russia"  # same country code as the state
    assert G.nodes["eu"]["bloc"] == "European Union"  # a bloc is its own group
    assert G.nodes["opec"]["bloc"] == network.NO_BLOC
    assert set(G.graph["bloc_colours"]) >= {"Russia", "OPEC+", network.NO_BLOC}


# ----------------------------------------------------------------------------------------- filters
def test_no_filter_keeps_everything_connected(G, statuses):
    H, notes = network.filter_graph(G, network.View(), statuses)
    assert notes == [] and H.number_of_edges() == 13 and H.number_of_nodes() == 11


def test_type_filter_drops_isolates(G):
    H, _ = network.filter_graph(G, network.View(types=("buys_oil_from",)))
    assert set(H.nodes) == {"india", "china", "russia"} and H.number_of_edges() == 2


def test_type_filter_keep_isolates(G):
    H, _ = network.filter_graph(G, network.View(types=("buys_oil_from",), keep_isolates=True))
    assert H.number_of_nodes() == 11 and H.number_of_edges() == 2


def test_kind_filter_removes_nodes_and_their_edges(G):
    H, _ = network.filter_graph(G, network.View(kinds=("state",)))
    assert all(d["kind"] == "state" for _, d in H.nodes(data=True))
    assert ("trump", "russia") not in H.edges()


def test_date_filter_inclusive_and_open_ended(G):
    H, _ = network.filter_graph(G, network.View(date=pd.Timestamp("2025-03-30")))
    types = {d["type"] for *_, d in H.edges(data=True)}
    assert "threatens" in types  # starts that day (inclusive)
    assert "aids" not in types  # ended 2025-03-03
    assert "negotiates_with" in types  # 2025-02-12 .. 2025-08-15
    H2, _ = network.filter_graph(G, network.View(date=pd.Timestamp("2025-03-03")))
    assert "aids" in {d["type"] for *_, d in H2.edges(data=True)}  # end inclusive
    H3, _ = network.filter_graph(G, network.View(date=pd.Timestamp("1990-01-01")))
    assert H3.number_of_edges() == 0


def test_active_on_nat_is_open():
    assert network.active_on(pd.NaT, pd.NaT, pd.Timestamp("1900-01-01"))
    assert not network.active_on(pd.Timestamp("2020-01-01"), pd.NaT, pd.Timestamp("2019-12-31"))


def test_verdict_filter_needs_a_claim_with_that_status(G, statuses):
    H, _ = network.filter_graph(G, network.View(verdicts=("contradicted",)), statuses)
    assert [(u, v) for u, v in H.edges()] == [("us", "ukraine")]
    H2, _ = network.filter_graph(G, network.View(verdicts=("supported",)), statuses)
    assert {d["type"] for *_, d in H2.edges(data=True)} == {"buys_oil_from", "supplies"}


def test_ego_depth(G):
    H1, _ = network.filter_graph(G, network.View(ego="india", depth=1))
    assert set(H1.nodes) == {"india", "russia", "us"}
    H2, _ = network.filter_graph(G, network.View(ego="india", depth=2))
    assert {"putin", "china", "trump", "ukraine", "eu", "opec"} <= set(H2.nodes)
    assert "reliance" not in H2


def test_ego_respects_other_filters_and_missing_ego_notice(G):
    H, _ = network.filter_graph(G, network.View(ego="india", depth=3, types=("buys_oil_from",)))
    assert set(H.nodes) == {"india", "russia", "china"}
    H2, notes = network.filter_graph(G, network.View(ego="trump", kinds=("state",)))
    assert notes and "not in the current view" in notes[0] and H2.number_of_nodes() > 0


def test_ego_without_relations_is_kept_alone(G):
    H, _ = network.filter_graph(G, network.View(ego="reliance", types=("threatens",)))
    assert list(H.nodes) == ["reliance"]


# -------------------------------------------------------------------------------------- centrality
@pytest.mark.parametrize("measure", network.CENTRALITIES)
def test_centralities_cover_every_node(G, measure):
    c, _ = network.centrality(G, measure)
    assert set(c) == set(G.nodes) and all(v >= 0 for v in c.values())


def test_russia_is_most_central(G):
    for m in ("degree", "pagerank"):
        c, _ = network.centrality(G, m)
        assert max(c, key=c.get) == "russia"


def test_eigenvector_falls_back_on_acyclic_directed_graph():
    rel = network_relations(
        [
            ("us", "india", "threatens", True, 1, None, None, "", "", ""),
            ("india", "russia", "buys_oil_from", True, 1, None, None, "", "", ""),
        ]
    )
    H, _ = network.filter_graph(network.build_graph(network_actors(), rel), network.View())
    c, note = network.centrality(H, "eigenvector")
    assert note and "undirected" in note
    assert set(c) == {"us", "india", "russia"} and c["india"] > c["us"]


def test_eigenvector_final_fallback_is_degree(monkeypatch, G):
    def boom(*a, **k):
        raise nx.PowerIterationFailedConvergence(1)

    monkeypatch.setattr(nx, "eigenvector_centrality", boom)
    c, note = network.centrality(G, "eigenvector")
    assert note and "degree" in note and c == nx.degree_centrality(network.collapse(G))


def test_pagerank_without_scipy(monkeypatch, G):
    def no_scipy(*a, **k):
        raise ImportError("scipy")

    monkeypatch.setattr(nx, "pagerank", no_scipy)
    c, _ = network.centrality(G, "pagerank")
    assert abs(sum(c.values()) - 1) < 1e-6


def test_centrality_empty_and_single():
    assert network.centrality(nx.MultiDiGraph(), "eigenvector") == ({}, None)
    g = nx.MultiDiGraph()
    g.add_node("a")
    assert network.centrality(g, "betweenness") == ({"a": 1.0}, None)


def test_undirected_relation_counts_both_ways(G):
    D = network.collapse(G)
    assert D.has_edge("trump", "putin") and D.has_edge("putin", "trump")


def test_scale_sizes():
    assert network.scale_sizes({}) == {}
    s = network.scale_sizes({"a": 0.0, "b": 1.0, "c": 0.5})
    assert s["a"] == network.MIN_SIZE and s["b"] == network.MAX_SIZE and network.MIN_SIZE < s["c"] < network.MAX_SIZE
    assert set(network.scale_sizes({"a": 2, "b": 2}).values()) == {(network.MIN_SIZE + network.MAX_SIZE) / 2}


# ---------------------------------------------------------------------------------------- scale
def test_large_graph_renders_offline():
    big = random_network_case(300, 1200, seed=1)
    G = network.graph_from_case(big)
    doc, H, cent, notes = network.render(G, network.View(centrality="eigenvector"), network.claim_statuses(big.claims))
    assert H.number_of_edges() == network.MAX_EDGES and network.external_refs(doc) == []
    assert any(f"strongest of {G.number_of_edges():,} links" in note for note in notes), notes


def test_betweenness_is_sampled_on_big_views(monkeypatch, G):
    monkeypatch.setattr(network.metrics, "BETWEENNESS_EXACT_MAX", 5)  # the module that reads it
    c1, note = network.centrality(G, "betweenness")
    c2, _ = network.centrality(G, "betweenness")
    assert note and "sampled" in note and c1 == c2 and set(c1) == set(G.nodes)
