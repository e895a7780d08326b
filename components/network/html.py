"""The network as standalone, offline HTML (pyvis with vis-network inlined): seeded layout, escaped tooltips, legend.

Nothing it emits makes the browser fetch anything: pyvis's CDN tags are stripped and the document is checked
(`external_refs`) before it is returned.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Mapping

import networkx as nx

from components import budget, routes
from components.network.labels import LABELS_HINT, labels_js
from components.network.layout import layout
from components.network.legend import legend_html
from components.network.limits import cap_graph
from components.network.metrics import MIN_SIZE, centrality, scale_sizes
from components.network.model import filter_graph, period_text, relation_sentence
from components.network.palette import KIND_SHAPES, NO_BLOC, group_colour, relation_styles, theme_colours
from components.network.panel import PANEL_HINT, PANEL_JS, Names, json_for_script, panel_data
from components.network.pyvis_loader import network_class
from components.network.view import View
from components.style import safe_text


def edge_title(
    G: nx.MultiDiGraph, u: str, v: str, d: Mapping, statuses: Mapping[str, str], names: Names | None = None
) -> str:
    """Tooltip HTML for one relation, naming claims, series and events as readers know them (`names`); every
    piece of case text passes through style.safe_text."""
    names = names or Names()
    claims = (
        "; ".join(f"{names.claim(c)} ({statuses[c]})" if c in statuses else names.claim(c) for c in d["claims"])
        or "none"
    )
    lines = [
        f"<b>{safe_text(relation_sentence(G, u, v, d), markup='html')}</b>",
        f"Period: {safe_text(period_text(d['start'], d['end']), markup='html')}",
        f"Weight: {safe_text(format(d['weight'], 'g'), markup='html')}",
        f"Claims: {safe_text(claims, markup='html')}",
        f"Series: {safe_text('; '.join(map(names.one_series, d['series'])) or 'none', markup='html')}",
        "Click the line for its claims and links.",
    ]
    if d.get("events"):
        lines.append(f"Events: {safe_text('; '.join(map(names.event, d['events'])), markup='html')}")
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


_SIDE_CSS = """
             html, body {{ margin: 0; height: 100%; background: {bg}; color: {fg}; font: 13px/1.4 sans-serif; }}
             #cl-wrap {{ display: flex; gap: 8px; height: {height}px; box-sizing: border-box; }}
             #mynetwork {{ flex: 1 1 auto; min-width: 0; height: 100% !important; width: auto !important;
                          float: none !important; background: {bg} !important; border: 1px solid {border} !important;
                          box-sizing: border-box; }}
             #cl-side {{ flex: 0 0 250px; overflow-y: auto; border: 1px solid {border}; background: {panel};
                        padding: 8px 10px; box-sizing: border-box; }}
             #cl-side ul {{ margin: 2px 0 6px; padding-left: 16px; }}
             #cl-side a {{ color: {link}; }}
             .cl-h {{ font-size: 14px; margin: 0 0 4px; }}
             .cl-sub {{ font-weight: bold; margin-top: 8px; }}
             .cl-muted {{ color: {muted}; }}
             .cl-row {{ display: flex; align-items: center; gap: 6px; }}
             .cl-swatch {{ flex: 0 0 auto; }}
             .cl-note {{ margin-top: 6px; font-style: italic; }}
             #cl-panel {{ padding-bottom: 8px; margin-bottom: 8px; border-bottom: 1px solid {border}; }}
             #cl-capped, #cl-labels-note {{ margin-bottom: 8px; }}
             /* a phone: the side column goes under the canvas */
             @media (max-width: 640px) {{
               #cl-wrap {{ flex-direction: column; }}
               #mynetwork {{ flex: 0 0 58%; height: 58% !important; }}
               #cl-side {{ flex: 1 1 auto; }}
             }}
"""
_CANVAS = '<div id="mynetwork" class="card-body"></div>'
_CARD_RE = re.compile(r'<div class="card" style="width: 100%">\s*' + re.escape(_CANVAS))
_EMPTY_HEADING_RE = re.compile(r"<center>\s*<h1></h1>\s*</center>\s*")
_NETWORK_HOOK = "network = new vis.Network(container, data, options);"


def _side(G: nx.MultiDiGraph, view: View, capped: str | None, legend: bool, muted: str) -> str:
    """The column beside the canvas: the cap's notice, the note on left-out names (shown by the drawing's script
    when it leaves one out), the click panel, then the legend."""
    parts = []
    if capped:
        parts.append(f'<div id="cl-capped">{safe_text(capped, markup="html")}</div>')
    parts.append(f'<div id="cl-labels-note" class="cl-muted" hidden>{safe_text(LABELS_HINT, markup="html")}</div>')
    parts.append(f'<div id="cl-panel">{safe_text(PANEL_HINT, markup="html")}</div>')
    if legend:
        parts.append(legend_html(G, view.colour, view.centrality, muted))
    return '<aside id="cl-side">' + "".join(parts) + "</aside>"


def to_html(
    G: nx.MultiDiGraph,
    view: View | None = None,
    statuses: Mapping[str, str] | None = None,
    cent: Mapping[str, float] | None = None,
    height: int = 650,
    legend: bool = True,
    theme: str | None = "light",
    names: Names | None = None,
) -> str:
    """Standalone, offline HTML for the graph: vis-network inlined, bootstrap CDN tags stripped, seeded
    positions, escaped tooltips, the legend and the click panel beside the canvas, in the app's light or dark
    theme. Raises nothing on odd data. A graph over the drawing caps (components.network.limits) is cut to its
    strongest links, and the drawing says so."""
    network, templates = network_class()

    view = view or View()
    statuses = statuses or {}
    names = names or Names()
    colours = theme_colours(theme)
    G, capped = cap_graph(G)
    if capped:
        cent = None
    if cent is None:
        cent, _ = centrality(G, view.centrality)
    sizes = scale_sizes(cent)
    pos = layout(G, view.seed)
    net = network(height=f"{int(height)}px", width="100%", directed=True, cdn_resources="in_line", heading="")
    net.templateEnv = templates  # one compiled template per process (see pyvis_loader)
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
    styles = relation_styles({d["type"] for _, _, d in G.edges(data=True)})
    edges, edge_ids = [], {}
    for u, v, k, d in sorted(G.edges(keys=True, data=True), key=lambda e: (str(e[2]), e[0], e[1])):
        colour, dashes = styles[d["type"]]
        edge_ids[(u, v, k)] = f"e{k}-{u}-{v}"
        edges.append(
            {
                "id": edge_ids[(u, v, k)],
                "from": u,
                "to": v,
                "title": edge_title(G, u, v, d, statuses, names),
                "color": colour,
                "dashes": dashes,
                "width": round(1 + 1.5 * math.log1p(d["weight"]), 2),
                "arrows": "to" if d.get("directed", True) else "",
            }
        )
    net.nodes, net.edges = nodes, edges
    net.node_ids = [n["id"] for n in nodes]
    net.options = {
        # labels in the theme's text colour with a halo of the background, so they read across lines
        "nodes": {
            "font": {
                "size": 14,
                "multi": False,
                "color": colours["fg"],
                "strokeWidth": 3,
                "strokeColor": colours["bg"],
            },
        },
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
    doc = _EMPTY_HEADING_RE.sub("", doc)
    if _DATA_HOOK in doc:
        doc = doc.replace(_DATA_HOOK, _TITLE_JS + "                  " + _DATA_HOOK, 1)
    doc = doc.replace(_NETWORK_HOOK, _NETWORK_HOOK + PANEL_JS + labels_js(G, cent, colours, view.ego), 1)
    side = _side(G, view, capped, legend, colours["muted"])
    data = panel_data(G, edge_ids, statuses, names)
    # before the drawing script, which reads it: the panels as one escaped JSON block
    side += f'<script type="application/json" id="cl-data">{json_for_script(data)}</script>'
    doc, found = _CARD_RE.subn(lambda _m: f'<div id="cl-wrap">{_CANVAS}{side}', doc, count=1)
    if not found:  # pyvis changed its template: keep the pieces, in order
        doc = doc.replace(_CANVAS, f'<div id="cl-wrap">{_CANVAS}{side}</div>', 1)
    doc = doc.replace("</head>", "<style>" + _SIDE_CSS.format(height=int(height), **colours) + "</style>\n</head>", 1)
    doc = doc.replace("<head>", "<head>\n        <title>Claim Lens actor network</title>", 1)
    leftover = external_refs(doc)
    if leftover:  # never embed something that phones home; a pyvis upgrade would land here
        raise RuntimeError(f"network HTML still references external resources: {leftover[:3]}")
    return doc


SANDBOX = "allow-scripts"  # vis-network draws with scripts; nothing else (no same origin, forms, popups)

# The relay in the embedding frame: the drawing asks (postMessage) to open one of its panel's links; only a
# message from the drawing's own frame, naming one of the app's pages by its relative URL, opens it (a new tab:
# Streamlit's frame may open popups but not navigate the app's tab).
_RELAY_JS = """<script>(function () {
  var pages = %s;
  var frame = document.querySelector("iframe");
  window.addEventListener("message", function (event) {
    var msg = event.data;
    if (!frame || event.source !== frame.contentWindow || !msg || msg.claimlens !== "open") return;
    if (typeof msg.url !== "string" || /[\\s"'<>\\\\]/.test(msg.url)) return;
    if (pages.indexOf(msg.url.split("?")[0]) < 0) return;
    window.open(msg.url, "_blank", "noopener");
  });
})();</script>"""


def app_paths() -> list[str]:
    """The relative URL path of every page, as routes.page_url writes it (the home page is './')."""
    return [page.url_path or "./" for page in routes.PAGES]


def sandboxed(doc: str, title: str = "Claim Lens actor network") -> str:
    """`doc` inside an iframe with the narrowest sandbox that still draws, for st.iframe: Streamlit gives the
    frames it embeds scripts, same-origin access to the app, forms, popups and downloads; ours keeps only
    scripts, in an opaque origin, so nothing in the drawing can reach the app, its cookies or the top page. The
    one way out is the relay above: a panel link to one of the app's own pages opens in a new tab."""
    return (
        "<!doctype html><html><head><meta charset='utf-8'><style>html,body{margin:0;height:100%;overflow:hidden}"
        "iframe{border:0;width:100%;height:100%;display:block}</style></head><body>"
        f'<iframe sandbox="{SANDBOX}" title="{safe_text(title, markup="html")}" '
        f'srcdoc="{html.escape(doc, quote=True)}"></iframe>'
        + _RELAY_JS % json_for_script(app_paths())
        + "</body></html>"
    )


def render(
    G: nx.MultiDiGraph,
    view: View,
    statuses: Mapping[str, str] | None = None,
    height: int = 650,
    theme: str | None = "light",
    names: Names | None = None,
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
    return to_html(H, view, statuses, cent, height=height, theme=theme, names=names), H, cent, notes
