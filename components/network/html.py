"""The network as standalone, offline HTML (pyvis with vis-network inlined): seeded layout, escaped tooltips, legend.

Nothing it emits makes the browser fetch anything: pyvis's CDN tags are stripped and the document is checked
(`external_refs`) before it is returned.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Mapping
from typing import Any

import networkx as nx

from components import budget
from components.network.limits import cap_graph
from components.network.metrics import MIN_SIZE, centrality, scale_sizes
from components.network.model import filter_graph, period_text, relation_sentence
from components.network.palette import KIND_SHAPES, NO_BLOC, group_colour, relation_style
from components.network.view import View
from components.style import safe_text


def edge_title(G: nx.MultiDiGraph, u: str, v: str, d: Mapping, statuses: Mapping[str, str]) -> str:
    """Tooltip HTML for one relation; every piece of case text passes through style.safe_text."""
    claims = ", ".join(f"{c} ({statuses[c]})" if c in statuses else c for c in d["claims"]) or "none"
    lines = [
        f"<b>{safe_text(relation_sentence(G, u, v, d), markup='html')}</b>",
        f"Period: {safe_text(period_text(d['start'], d['end']), markup='html')}",
        f"Weight: {safe_text(format(d['weight'], 'g'), markup='html')}",
        f"Claims: {safe_text(claims, markup='html')}",
        f"Series: {safe_text(', '.join(d['series']) or 'none', markup='html')}",
    ]
    if d.get("events"):
        lines.append(f"Events: {safe_text(', '.join(d['events']), markup='html')}")
    if d.get("note"):
        lines.append(f"Note: {safe_text(d['note'], markup='html')}")
    return "<br>".join(lines)


def node_title(G: nx.MultiDiGraph, n: str, cent: Mapping[str, float], measure: str) -> str:
    d = G.nodes[n]
    lines = [f"<b>{safe_text(d['label'], markup='html')}</b> ({safe_text(d['kind'], markup='html')})"]
    if d.get("role"):
        lines.append(f"Role: {safe_text(d['role'], markup='html')}")
    if d.get("country"):
        lines.append(f"Country: {safe_text(d['country'], markup='html')}")
    if d.get("bloc") and d["bloc"] != NO_BLOC:
        lines.append(f"Bloc: {safe_text(d['bloc'], markup='html')}")
    lines.append(f"{safe_text(measure.capitalize(), markup='html')} centrality: {cent.get(n, 0.0):.3f}")
    lines.append(f"Relations in view: {G.degree(n)}")
    return "<br>".join(lines)


def layout(G: nx.MultiDiGraph, seed: int = 42) -> dict[str, tuple[float, float]]:
    """Seeded spring layout in vis pixel units: the same filters give the same picture.

    Each connected component is laid out on its own (radius ~ sqrt(size)) and the smaller ones are
    placed on a ring around the largest: a plain spring layout of a disconnected graph pushes the
    components into far corners and shrinks the interesting part to a dot."""
    if G.number_of_nodes() == 0:
        return {}
    U = nx.Graph()
    U.add_nodes_from(sorted(G.nodes))
    U.add_edges_from(sorted((min(u, v), max(u, v)) for u, v in G.edges() if u != v))
    comps = sorted((sorted(c) for c in nx.connected_components(U)), key=lambda c: (-len(c), c[0]))
    unit = 90.0  # pixels per sqrt(node)

    def place(nodes: list[str]) -> tuple[dict, float]:
        if len(nodes) == 1:
            return {nodes[0]: (0.0, 0.0)}, unit * 0.5
        # fewer iterations on big components: 50 -> 20 keeps a 1,000-node view interactive
        pos = nx.spring_layout(U.subgraph(nodes), seed=seed, iterations=50 if len(nodes) <= 300 else 20)
        r = unit * math.sqrt(len(nodes))
        return {n: (float(x) * r, float(y) * r) for n, (x, y) in pos.items()}, r

    out, r0 = place(comps[0])
    rest = [place(c) for c in comps[1:]]
    if rest:
        ring = r0 + max(r for _, r in rest) + unit
        for i, (pos, _) in enumerate(rest):
            a = 2 * math.pi * i / len(rest) + math.pi / 4
            cx, cy = ring * math.cos(a), ring * math.sin(a)
            out.update({n: (x + cx, y + cy) for n, (x, y) in pos.items()})
    return out


_BOOTSTRAP_RE = re.compile(
    r"<link\b[^>]*cdn\.jsdelivr\.net[^>]*/>\s*|<script\b[^>]*cdn\.jsdelivr\.net[^>]*>\s*</script>\s*",
    re.IGNORECASE | re.DOTALL,
)
_COMMENTED_LIB_RE = re.compile(r"<!--\s*<link[^>]*node_modules.*?-->", re.IGNORECASE | re.DOTALL)
_EXTERNAL_ATTR_RE = re.compile(r"""\b(?:src|href)\s*=\s*["']([^"']*)["']""", re.IGNORECASE)
_DATA_HOOK = "data = {nodes: nodes, edges: edges};"
# vis-network 9 shows string titles with innerText; our titles are escaped HTML, so turn them into
# elements (innerHTML of already-escaped text cannot create tags) to get bold/line breaks.
_TITLE_JS = """
                  (function () {
                    function asEl(ds) {
                      ds.forEach(function (item) {
                        if (typeof item.title === "string") {
                          var el = document.createElement("div");
                          el.innerHTML = item.title;
                          ds.update({id: item.id, title: el});
                        }
                      });
                    }
                    asEl(nodes); asEl(edges);
                  })();
"""


def external_refs(doc: str) -> list[str]:
    """src/href attribute values that would make the browser fetch something (anything but
    in-page anchors, data: and javascript: URIs). Must be empty for what we embed."""
    out = []
    for m in _EXTERNAL_ATTR_RE.finditer(doc):
        v = m.group(1).strip()
        if v and not v.startswith(("#", "data:", "javascript:")):
            out.append(v)
    return out


def legend_items(G: nx.MultiDiGraph, colour_by: str) -> tuple[list[tuple[str, str]], list[tuple[str, str, Any]]]:
    """([(group, colour)], [(relation type, colour, dashes)]) for what is in the view."""
    attr = "kind" if colour_by == "kind" else "bloc"
    groups = sorted({d.get(attr) or NO_BLOC for _, d in G.nodes(data=True)})
    types = sorted({d["type"] for _, _, d in G.edges(data=True)})
    return (
        [(g, group_colour(g, colour_by, G.graph.get("bloc_colours"))) for g in groups],
        [(t, *relation_style(t)) for t in types],
    )


def legend_html(G: nx.MultiDiGraph, colour_by: str, measure: str, max_height: int = 500) -> str:
    groups, types = legend_items(G, colour_by)
    parts = [f"<div><b>Colour: {safe_text('actor kind' if colour_by == 'kind' else 'bloc', markup='html')}</b></div>"]
    for g, c in groups:
        parts.append(
            f'<div><span style="display:inline-block;width:10px;height:10px;border-radius:5px;'
            f'background:{c};margin-right:4px"></span>{safe_text(g, markup="html")}</div>'
        )
    parts.append("<div style='margin-top:4px'><b>Relations</b> (arrow = direction, width = weight)</div>")
    for t, c, dashes in types:
        style = "dashed" if dashes else "solid"
        parts.append(
            f'<div><span style="display:inline-block;width:22px;border-top:3px {style} {c};'
            f'margin-right:4px;vertical-align:middle"></span>{safe_text(t.replace("_", " "), markup="html")}</div>'
        )
    parts.append(f"<div style='margin-top:4px'>Size: {safe_text(measure, markup='html')} centrality</div>")
    return (
        '<div id="cl-legend" style="position:absolute;top:8px;right:8px;z-index:10;'
        "background:rgba(255,255,255,0.9);border:1px solid #ddd;padding:6px;font:12px sans-serif;"
        f'max-height:{max_height}px;overflow:auto">' + "".join(parts) + "</div>"
    )


def to_html(
    G: nx.MultiDiGraph,
    view: View | None = None,
    statuses: Mapping[str, str] | None = None,
    cent: Mapping[str, float] | None = None,
    height: int = 650,
    legend: bool = True,
) -> str:
    """Standalone, offline HTML for the graph: vis-network inlined, bootstrap CDN tags stripped,
    seeded positions, escaped tooltips, optional legend overlay. Raises nothing on odd data. A graph over the
    drawing caps (components.network.limits) is cut to its strongest links, and the drawing says so."""
    from pyvis.network import Network  # local import: pyvis pulls in jinja2/ipython bits

    view = view or View()
    statuses = statuses or {}
    G, capped = cap_graph(G)
    if capped:
        cent = None
    if cent is None:
        cent, _ = centrality(G, view.centrality)
    sizes = scale_sizes(cent)
    pos = layout(G, view.seed)
    net = Network(height=f"{int(height)}px", width="100%", directed=True, cdn_resources="in_line", heading="")
    attr = "kind" if view.colour == "kind" else "bloc"
    nodes = []
    for i, n in enumerate(sorted(G.nodes)):
        budget.every(200, i, "drawing the network")
        d = G.nodes[n]
        x, y = pos.get(n, (0.0, 0.0))
        nodes.append(
            {
                "id": n,
                "label": d["label"],  # drawn on canvas as plain text (font.multi off)
                "title": node_title(G, n, cent, view.centrality),
                "color": group_colour(d.get(attr) or NO_BLOC, view.colour, G.graph.get("bloc_colours")),
                "shape": KIND_SHAPES.get(d["kind"], "dot"),
                "size": round(sizes.get(n, MIN_SIZE), 2),
                "x": round(x, 2),
                "y": round(y, 2),
                "borderWidth": 3 if n == view.ego else 1,
            }
        )
    edges = []
    for u, v, k, d in sorted(G.edges(keys=True, data=True), key=lambda e: (str(e[2]), e[0], e[1])):
        colour, dashes = relation_style(d["type"])
        edges.append(
            {
                "id": f"e{k}-{u}-{v}",
                "from": u,
                "to": v,
                "title": edge_title(G, u, v, d, statuses),
                "color": colour,
                "dashes": dashes,
                "width": round(1 + 1.5 * math.log1p(d["weight"]), 2),
                "arrows": "to" if d.get("directed", True) else "",
            }
        )
    net.nodes, net.edges = nodes, edges
    net.node_ids = [n["id"] for n in nodes]
    net.options = {
        "nodes": {"font": {"size": 14, "multi": False}},
        "edges": {"smooth": {"enabled": True, "type": "curvedCW", "roundness": 0.15}},
        "interaction": {"hover": True, "navigationButtons": False, "tooltipDelay": 150},
        "layout": {"randomSeed": int(view.seed), "improvedLayout": False},
        "physics": {
            "enabled": bool(view.physics),
            "stabilization": {"iterations": 150},
            "barnesHut": {"springLength": 160},
        },
    }
    doc = net.generate_html(notebook=False)
    doc = _BOOTSTRAP_RE.sub("", doc)
    doc = _COMMENTED_LIB_RE.sub("", doc)
    if _DATA_HOOK in doc:
        doc = doc.replace(_DATA_HOOK, _TITLE_JS + "                  " + _DATA_HOOK, 1)
    if legend:
        doc = doc.replace(
            '<div id="mynetwork" class="card-body"></div>',
            '<div id="mynetwork" class="card-body"></div>'
            + legend_html(G, view.colour, view.centrality, int(height) - 20),
            1,
        )
        doc = doc.replace(
            '<div class="card" style="width: 100%">', '<div class="card" style="width: 100%; position: relative">', 1
        )
    doc = doc.replace("<head>", "<head>\n        <title>Claim Lens actor network</title>", 1)
    if capped:
        doc = doc.replace(
            '<div id="mynetwork" class="card-body"></div>',
            '<div id="mynetwork" class="card-body"></div><div id="cl-capped" style="position:absolute;top:8px;'
            'left:8px;z-index:10;background:rgba(255,255,255,0.9);padding:4px;font:12px sans-serif;max-width:50%">'
            f"{safe_text(capped, markup='html')}</div>",
            1,
        )
    leftover = external_refs(doc)
    if leftover:  # never embed something that phones home; a pyvis upgrade would land here
        raise RuntimeError(f"network HTML still references external resources: {leftover[:3]}")
    return doc


SANDBOX = "allow-scripts"  # vis-network draws with scripts; nothing else (no same origin, forms, popups)


def sandboxed(doc: str, title: str = "Claim Lens actor network") -> str:
    """`doc` inside an iframe with the narrowest sandbox that still draws, for st.iframe: Streamlit gives the
    frames it embeds scripts, same-origin access to the app, forms, popups and downloads; ours keeps only
    scripts, in an opaque origin, so nothing in the drawing can reach the app, its cookies or the top page."""
    return (
        "<!doctype html><html><head><meta charset='utf-8'><style>html,body{margin:0;height:100%;overflow:hidden}"
        "iframe{border:0;width:100%;height:100%;display:block}</style></head><body>"
        f'<iframe sandbox="{SANDBOX}" title="{safe_text(title, markup="html")}" '
        f'srcdoc="{html.escape(doc, quote=True)}"></iframe></body></html>'
    )


def render(
    G: nx.MultiDiGraph, view: View, statuses: Mapping[str, str] | None = None, height: int = 650
) -> tuple[str, nx.MultiDiGraph, dict[str, float], list[str]]:
    """Filter -> cap -> centrality -> HTML in one call (what the page and the benchmark do). The returned graph
    is the one drawn (capped), so tables and downloads match the picture; the cap's notice joins the notes."""
    H, notes = filter_graph(G, view, statuses)
    if G.graph.get("relations_cut"):
        notes.insert(0, G.graph["relations_cut"])
    H, capped = cap_graph(H)
    if capped:
        notes.append(capped)
    cent, note = centrality(H, view.centrality)
    if note:
        notes.append(note)
    return to_html(H, view, statuses, cent, height=height), H, cent, notes
