"""components.network: the offline, escaped HTML drawing, the exports and the URL parameters of the view."""

# ruff: noqa: F811 - tests take the imported fixtures G, case and statuses as parameters

from __future__ import annotations

import xml.etree.ElementTree as ET

import networkx as nx
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from components import network
from components.network.labels import label_order
from components.network.panel import json_for_script
from tests.factories.network import (
    hostile_network_case,
    network_case,
    network_claims,
    vis_dataset,
)
from tests.factories.network_fixtures import G, case, statuses  # noqa: F401 - fixtures: pytest finds them by name


# -------------------------------------------------------------------------------------------- html
def test_html_is_offline(G, statuses):
    doc, *_ = network.render(G, network.View(), statuses)
    assert network.external_refs(doc) == []
    assert "cdn.jsdelivr" not in doc and "node_modules" not in doc
    assert "new vis.Network" in doc and "vis-network" in doc  # library inlined


def test_html_has_seeded_positions_and_is_deterministic(G, statuses):
    a, *_ = network.render(G, network.View(seed=3), statuses)
    b, *_ = network.render(G, network.View(seed=3), statuses)
    c, *_ = network.render(G, network.View(seed=4), statuses)
    assert a == b and a != c
    nodes = vis_dataset(a, "nodes")
    assert all("x" in n and "y" in n for n in nodes)


def test_physics_flag_in_options(G):
    on, *_ = network.render(G, network.View(physics=True))
    off, *_ = network.render(G, network.View(physics=False))
    assert '"physics": {"enabled": true' in on and '"physics": {"enabled": false' in off


def test_edge_styles_arrows_and_width(G, statuses):
    doc, *_ = network.render(G, network.View(), statuses)
    edges = vis_dataset(doc, "edges")
    thr = [e for e in edges if e["from"] == "trump" and e["to"] == "russia"][0]
    assert thr["arrows"] == "to" and thr["dashes"] and thr["color"] == network.RELATION_STYLES["threatens"][0]
    und = [e for e in edges if {e["from"], e["to"]} == {"trump", "putin"}][0]
    assert und["arrows"] == ""
    war = [e for e in edges if e["from"] == "russia" and e["to"] == "ukraine"][0]
    assert war["width"] > thr["width"]  # weight 5 vs 3


def test_tooltip_mentions_period_claims_series_by_name(G, statuses):
    names = network.Names(claims={"c1": "Trump threatens"}, series={"brent_spot_eia": "Brent spot price"})
    doc, *_ = network.render(G, network.View(), statuses, names=names)
    thr = [e for e in vis_dataset(doc, "edges") if e["from"] == "trump" and e["to"] == "russia"][0]
    t = thr["title"]
    assert "30 Mar 2025 to ongoing" in t and "Trump threatens (happened)" in t and "Brent spot price" in t
    assert "brent_spot_eia" not in t and "c1" not in t
    # with no name known, the id is shown in words, never as snake_case
    doc, *_ = network.render(G, network.View(), statuses)
    t = [e for e in vis_dataset(doc, "edges") if e["from"] == "trump" and e["to"] == "russia"][0]["title"]
    assert "Brent spot eia" in t and "brent_spot_eia" not in t


def test_node_size_follows_chosen_centrality(G):
    doc, _, cent, _ = network.render(G, network.View(centrality="betweenness"))
    nodes = {n["id"]: n for n in vis_dataset(doc, "nodes")}
    top = max(cent, key=cent.get)
    assert nodes[top]["size"] == max(n["size"] for n in nodes.values())


def test_colour_by_kind_and_bloc(G):
    doc, *_ = network.render(G, network.View(colour="kind"))
    nodes = {n["id"]: n for n in vis_dataset(doc, "nodes")}
    assert nodes["trump"]["color"] == network.KIND_COLOURS["person"]
    doc2, *_ = network.render(G, network.View(colour="bloc"))
    nodes2 = {n["id"]: n for n in vis_dataset(doc2, "nodes")}
    assert nodes2["putin"]["color"] == nodes2["rosneft"]["color"] == G.graph["bloc_colours"]["Russia"]
    assert "Colour: bloc" in doc2


def test_legend_lists_types_in_view(G):
    doc, *_ = network.render(G, network.View(types=("sanctions", "threatens")))
    legend = doc[doc.index('<div id="cl-legend">') : doc.index("</aside>")]
    assert "<span>Threatens</span>" in legend and "<span>Sanctions</span>" in legend
    assert "Buys oil from" not in legend


def test_hostile_text_is_escaped():
    hc = hostile_network_case()
    G = network.graph_from_case(hc)
    doc, *_ = network.render(G, network.View(), network.claim_statuses(hc.claims))
    assert "<script>alert" not in doc and "<img src=x" not in doc and "<i>note" not in doc
    assert network.external_refs(doc) == []
    nodes = {n["id"]: n for n in vis_dataset(doc, "nodes")}
    assert nodes["evil"]["label"] == "<script>alert('x')</script>"  # canvas text, shown literally
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in nodes["evil"]["title"]
    assert "&lt;b&gt;role&lt;/b&gt;" in nodes["evil"]["title"]
    assert "Tom &amp; Jerry &quot;Ltd&quot;" in nodes["amp"]["title"]
    e = [e for e in vis_dataset(doc, "edges") if e["from"] == "evil"][0]
    assert "&lt;c1&gt;" in e["title"] and "&lt;s1&gt;" in e["title"] and "&lt;i&gt;note" in e["title"]
    legend = doc[doc.index('id="cl-legend"') :]
    assert "<script" not in legend.split("</body>")[0].split("<script")[0]


def test_title_hook_injected(G):
    doc, *_ = network.render(G, network.View())
    assert "el.innerHTML = item.title" in doc
    assert doc.index("el.innerHTML = item.title") < doc.index("data = {nodes: nodes, edges: edges};")


def test_names_are_placed_most_central_first_with_the_focus_ahead(G):
    cent, _ = network.centrality(G, "degree")
    order = label_order(G, cent)
    assert order[0] == "russia" and set(order) == set(G.nodes)
    assert [cent[n] for n in order] == sorted(cent.values(), reverse=True)
    assert order.index("us") < order.index("trump")  # a tie: degree, then the name decides, the same every run
    assert label_order(G, cent, ego="reliance")[:2] == ["reliance", "russia"]
    doc, drawn, drawn_cent, _ = network.render(G, network.View(ego="reliance"))
    assert f"var order = {json_for_script(label_order(drawn, drawn_cent, ego='reliance'))}" in doc
    assert 'var order = ["reliance", "rosneft"]' in doc  # its ego view: the focus first on a tie
    assert '<div id="cl-labels-note" class="cl-muted" hidden>' in doc  # shown by the script once it leaves one out


def test_hostile_ids_in_the_label_script_cannot_close_it():
    hc = hostile_network_case()
    G = network.graph_from_case(hc)
    G = nx.relabel_nodes(G, {"evil": "</script><img src=x>"})
    doc, *_ = network.render(G, network.View())
    script = doc[doc.index("var order = ") :]
    assert "</script><img" not in script.split("\n")[0] and "\\u003c/script\\u003e" in script.split("\n")[0]


def test_external_refs_detects():
    assert network.external_refs('<script src="https://x/y.js"></script><a href="#a">') == ["https://x/y.js"]
    assert network.external_refs("<link href='//cdn/x.css'>") == ["//cdn/x.css"]


def test_empty_graph_renders(G):
    doc, H, cent, _ = network.render(G, network.View(types=()))
    assert H.number_of_nodes() == 0 and cent == {} and "new vis.Network" in doc


# ----------------------------------------------------------------------------------------- exports
def test_gexf_roundtrip(G):
    data = network.to_gexf_bytes(G)
    ET.fromstring(data)
    import io

    back = nx.read_gexf(io.BytesIO(data))
    assert back.number_of_nodes() == G.number_of_nodes() and back.number_of_edges() == G.number_of_edges()
    assert back.nodes["trump"]["label"] == "Donald Trump"


def test_edge_table_columns(G):
    t = network.edge_table(G)
    assert list(t.columns[:2]) == ["source", "target"] and len(t) == 13
    row = t[(t.source == "trump") & (t.target == "russia")].iloc[0]
    assert row["claims"] == "c1;c2" and row["start"] == "2025-03-30" and row["end"] == ""


def test_actor_relations_and_links(G, statuses):
    r = network.actor_relations(G, "india", statuses)
    assert set(r["direction"]) == {"outgoing", "incoming"} and len(r) == 2
    links = network.link_table(G, "india", statuses, network.Names(claims={"c3": "India buys more"}))
    assert "Claims?claims_id=c3" in set(links["link"])
    assert "Data_sources?data_id=india_imports_russia_kpler" in set(links["link"])
    # by name, never by id: a claim with a name shows it, a series without one is put in words
    assert {"India buys more", "India imports russia kpler"} <= set(links["name"])
    assert not set(links["name"]) & {"c3", "india_imports_russia_kpler"}
    assert network.actor_relations(G, "nobody").empty


def test_series_link_routing():
    assert network.series_link("brent_spot_eia") == "Data_sources?data_id=brent_spot_eia"
    assert network.series_link("a b") == "Data_sources?data_id=a%20b"
    assert network.claim_link("a b&c") == "Claims?claims_id=a%20b%26c"


# -------------------------------------------------------------------------------------- URL params
@pytest.fixture
def opts(G, statuses):
    return network.options_for(G, statuses, today=pd.Timestamp("2026-11-25"))


def test_parse_view_defaults(opts):
    v, notes = network.parse_view({}, opts)
    assert v == network.View() and notes == []


def test_parse_view_valid(opts):
    qp = {
        "net_types": "threatens,sanctions",
        "net_kinds": "state",
        "net_ego": "india",
        "net_depth": "2",
        "net_date": "2025-03-30",
        "net_verdict": "supported",
        "net_centrality": "pagerank",
        "net_colour": "bloc",
        "net_physics": "1",
    }
    v, notes = network.parse_view(qp, opts)
    assert notes == []
    assert v.types == ("threatens", "sanctions") and v.kinds == ("state",) and v.ego == "india"
    assert v.depth == 2 and v.date == pd.Timestamp("2025-03-30") and v.verdicts == ("supported",)
    assert v.centrality == "pagerank" and v.colour == "bloc" and v.physics is True
    assert network.parse_view(network.format_view(v, opts), opts)[0] == v


@pytest.mark.parametrize(
    "name,value",
    [
        ("net_types", "nope"),
        ("net_kinds", "<script>"),
        ("net_ego", "nobody"),
        ("net_depth", "99"),
        ("net_depth", "x"),
        ("net_date", "2025-13-01"),
        ("net_date", "1800-01-01"),
        ("net_verdict", "bogus"),
        ("net_centrality", "closeness"),
        ("net_colour", "red"),
        ("net_physics", "maybe"),
    ],
)
def test_parse_view_tampered(opts, name, value):
    v, notes = network.parse_view({name: value}, opts)
    assert len(notes) == 1
    default = network.View()
    field = {
        "net_types": "types",
        "net_kinds": "kinds",
        "net_ego": "ego",
        "net_depth": "depth",
        "net_date": "date",
        "net_verdict": "verdicts",
        "net_centrality": "centrality",
        "net_colour": "colour",
        "net_physics": "physics",
    }[name]
    got = getattr(v, field)
    if name in ("net_types", "net_kinds"):
        assert set(got) == set(getattr(opts, field))  # default selection = everything
    else:
        assert got == getattr(default, field)


def test_format_view_omits_defaults(opts):
    assert network.format_view(network.View(), opts) == {}
    assert network.format_view(network.View(types=tuple(opts.types)), opts) == {}


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(st.sampled_from(network.PARAM_NAMES), st.text(max_size=30), max_size=9))
def test_parse_view_never_raises(raw):
    G = network.graph_from_case(network_case())
    statuses = network.claim_statuses(network_claims())
    opts = network.options_for(G, statuses, today=pd.Timestamp("2026-11-25"))
    v, notes = network.parse_view(raw, opts)
    assert v.centrality in network.CENTRALITIES and v.colour in network.COLOUR_BY and 1 <= v.depth <= network.MAX_DEPTH
    H, _ = network.filter_graph(G, v, statuses)  # and the view it yields always filters fine
    assert H.number_of_nodes() <= G.number_of_nodes()
