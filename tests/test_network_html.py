"""The network document a reader sees: legend beside the canvas, one line style per relation type, the click
panel (escaped JSON data, app links), the light and dark themes, and the relay that opens panel links."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from components import network, routes
from components.case import DEFAULT_CASE, RELATION_TYPES, load_case
from components.network import html as network_html
from components.style import human
from tests.factories.network import hostile_network_case, network_case, vis_dataset


@pytest.fixture
def case():
    return network_case()


@pytest.fixture
def graph(case):
    return network.graph_from_case(case)


@pytest.fixture
def statuses(case):
    return network.claim_statuses(case.claims)


def _panels(doc: str) -> dict:
    m = re.search(r'<script type="application/json" id="cl-data">(.*?)</script>', doc, re.DOTALL)
    assert m, "no panel data block"
    return json.loads(m.group(1))


class _Tags(HTMLParser):
    """Tags, link targets and text of an HTML fragment."""

    def __init__(self):
        super().__init__()
        self.tags, self.hrefs, self.text = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.hrefs += [v for k, v in attrs if k == "href"]

    def handle_data(self, data):
        self.text.append(data)


def _parse(fragment: str) -> _Tags:
    parser = _Tags()
    parser.feed(fragment)
    return parser


# ------------------------------------------------------------------------------------------ legend
def test_legend_sits_beside_the_canvas_not_over_it(graph, statuses):
    doc, *_ = network.render(graph, network.View(), statuses)
    wrap = doc.index('<div id="cl-wrap">')
    canvas, side = doc.index('<div id="mynetwork"'), doc.index('<aside id="cl-side">')
    legend = doc.index('<div id="cl-legend">')
    assert wrap < canvas < side < legend  # a flex row: canvas, then the side column holding the legend
    assert "position:absolute" not in doc.replace(" ", "")[doc.replace(" ", "").index('id="cl-legend"') - 400 :]
    css = doc[doc.index("#cl-wrap {") : doc.index("</style>", doc.index("#cl-wrap {"))]
    assert "display: flex" in css and "@media (max-width: 640px)" in css  # under the canvas on a phone


def test_every_relation_type_has_its_own_style_explained_in_the_legend(graph, statuses):
    doc, drawn, *_ = network.render(graph, network.View(), statuses)
    edges = vis_dataset(doc, "edges")
    by_type = {}
    for (u, v, k, d), edge in zip(
        sorted(drawn.edges(keys=True, data=True), key=lambda e: (str(e[2]), e[0], e[1])), edges, strict=True
    ):
        assert edge["id"] == f"e{k}-{u}-{v}"
        by_type.setdefault(d["type"], set()).add((edge["color"], json.dumps(edge["dashes"])))
    assert all(len(styles) == 1 for styles in by_type.values())  # one style per type
    styles = [next(iter(s)) for s in by_type.values()]
    assert len(set(styles)) == len(styles) >= 5  # and no two types alike
    legend = doc[doc.index('<div id="cl-legend">') : doc.index("</aside>")]
    rows = {row.split("<span>")[-1].split("</span>")[0]: row for row in legend.split('<div class="cl-row">')[1:]}
    for rtype, (colour, dashes) in zip(by_type, styles, strict=True):
        dashes, row = json.loads(dashes), rows[human(rtype)]
        assert f'stroke="{colour}"' in row
        if dashes:
            assert f'stroke-dasharray="{" ".join(map(str, dashes))}"' in row
        else:
            assert "stroke-dasharray" not in row
    assert "arrow: who acts on whom" in legend and "thicker: stronger (weight)" in legend


def test_style_table_and_unknown_types_never_repeat_a_style():
    known = [repr(style) for style in network.RELATION_STYLES.values()]
    assert len(known) == len(set(known))
    assert {t.replace(" ", "_") for t in RELATION_TYPES} <= set(network.RELATION_STYLES)  # the case vocabulary
    many = [f"made-up relation {i}" for i in range(30)] + ["sanctions", "threatens sanctions"]
    styles = network.relation_styles(many)
    assert len({repr(s) for s in styles.values()}) == len(many)
    assert styles["sanctions"] == network.RELATION_STYLES["sanctions"]  # a known type keeps its style


# ------------------------------------------------------------------------------------------- panel
def test_click_handler_reads_the_panel_data_and_every_item_has_a_panel(graph, statuses):
    doc, drawn, *_ = network.render(graph, network.View(), statuses)
    assert doc.index("new vis.Network(") < doc.index('network.on("click"')
    assert doc.index('id="cl-data"') < doc.index("new vis.Network(")  # there before the script reads it
    panels = _panels(doc)
    assert set(panels["nodes"]) == set(drawn.nodes)
    assert set(panels["edges"]) == {e["id"] for e in vis_dataset(doc, "edges")}


def test_actor_panel_lists_relations_claims_and_app_links(graph, statuses, case):
    names = network.names_from_case(case, {"brent_spot_eia": "Brent spot price"})
    doc, *_ = network.render(graph, network.View(), statuses, names=names)
    trump = _parse(_panels(doc)["nodes"]["trump"])
    text = " ".join(trump.text)
    assert "Donald Trump → Russia: threatens" in text and "Relations (" in text
    assert "Claim c1" in text and "(happened)" in text  # the claim by its name, with its verdict
    assert routes.page_url("claims", {"claims_id": "c1"}) in trump.hrefs
    assert routes.page_url("claims", {"claims_actor": "trump"}) in trump.hrefs
    assert routes.page_url("network", {"net_ego": "trump"}) in trump.hrefs
    paths = set(network_html.app_paths())
    assert all(href.split("?")[0] in paths for href in trump.hrefs)
    edge = next(v for k, v in _panels(doc)["edges"].items() if k.endswith("-trump-russia"))
    assert routes.page_url("data", {"data_id": "brent_spot_eia"}) in _parse(edge).hrefs
    assert "Brent spot price" in edge


def test_panel_data_is_escaped_for_the_script_and_the_page():
    hostile = hostile_network_case()
    doc, *_ = network.render(network.graph_from_case(hostile), network.View(), {"<c1>": "supported"})
    block = re.search(r'id="cl-data">(.*?)</script>', doc, re.DOTALL).group(1)
    assert "<" not in block and ">" not in block and "&" not in block  # nothing can close the element
    panels = json.loads(block)
    evil = _parse(panels["nodes"]["evil"])
    assert set(evil.tags) <= {"h3", "div", "span", "ul", "li", "a"}
    assert "<script>alert('x')</script>" in " ".join(evil.text)  # shown as text
    edge = next(v for k, v in panels["edges"].items() if "evil" in k)
    assert "&lt;i&gt;note&lt;/i&gt;" in edge and "<i>" not in edge
    assert routes.page_url("claims", {"claims_id": "<c1>"}) in _parse(edge).hrefs  # percent-encoded
    amp = " ".join(_parse(panels["nodes"]["amp"]).text)
    assert 'Tom & Jerry "Ltd"' in amp


def test_panel_data_of_the_real_case_names_claims_and_series_never_by_id():
    case = load_case(DEFAULT_CASE)
    names = network.names_from_case(case, {"brent_spot_eia": "Brent spot price"})
    doc, *_ = network.render(
        network.graph_from_case(case), network.View(), network.claim_statuses(case.claims), names=names
    )
    panels = _panels(doc)
    text = " ".join(" ".join(_parse(p).text) for group in panels.values() for p in group.values())
    ids = [c.id for c in case.claims] + [str(e) for e in case.events["id"]]
    shown = [i for i in ids if re.search(rf"\b{re.escape(i)}\b", text)]
    assert not shown, shown[:5]
    assert re.search(r"\b[a-z]+_[a-z0-9_]+\b", text) is None


# ------------------------------------------------------------------------------------------- theme
@pytest.mark.parametrize("theme,bg,fg", [("dark", "#0e1117", "#fafafa"), ("light", "#ffffff", "#31333f")])
def test_theme_colours_the_page_labels_and_legend(graph, theme, bg, fg):
    doc, *_ = network.render(graph, network.View(), theme=theme)
    assert f"background: {bg}" in doc and f'"color": "{fg}"' in doc and f'"strokeColor": "{bg}"' in doc


def test_unknown_theme_is_light():
    assert network.theme_colours(None) == network.theme_colours("light") == network.theme_colours("sepia")


# ------------------------------------------------------------------------------------------- relay
def test_relay_opens_only_app_pages_from_the_drawing_frame(graph):
    doc, *_ = network.render(graph, network.View())
    wrapped = network.sandboxed(doc)
    relay = wrapped[wrapped.rindex("<script>") :]
    assert "event.source !== frame.contentWindow" in relay and 'window.open(msg.url, "_blank", "noopener")' in relay
    paths = json.loads(re.search(r"var pages = (\[.*?\]);", relay).group(1))
    assert paths == [p.url_path or "./" for p in routes.PAGES]
    assert '<iframe sandbox="allow-scripts"' in wrapped  # the drawing itself still only runs scripts
