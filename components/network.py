"""Actor-relationship network: graph model, filters, centralities, offline pyvis HTML, exports.

Why this module exists: the article is about who acts on whom (Washington threatens buyers of
Russian oil, India and China buy it, Brussels sanctions it). The page draws that as a graph, and
every number the drawing shows must be reproducible from the case files and the chosen filters.
So everything here is pure (no streamlit), deterministic (seeded layout, sorted iteration) and
safe to embed (no request leaves the page; all case text is escaped).

Graph shape: ``nx.MultiDiGraph`` keyed by actor id. Several relations between the same pair are
kept as parallel edges (key = row index in relations.csv). A relation with ``directed=False`` is one
edge with ``directed=False``; it is drawn without an arrow and counted both ways by centralities.
"""

from __future__ import annotations

import io
import math
import re
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import networkx as nx
import pandas as pd

from components import params as P
from components import routes
from components.style import safe_text, to_timestamp

# ------------------------------------------------------------------------------------------ styles
KIND_COLOURS = {
    "state": "#1f77b4",
    "person": "#ff7f0e",
    "bloc": "#2ca02c",
    "organisation": "#9467bd",
    "company": "#8c564b",
    "unknown": "#7f7f7f",
}
KIND_SHAPES = {
    "state": "dot",
    "person": "diamond",
    "bloc": "hexagon",
    "organisation": "square",
    "company": "triangle",
    "unknown": "dot",
}
# Hostile/coercive relations red-ish and solid, commerce green/blue, cooperation dashed.
RELATION_STYLES = {
    "threatens": ("#d62728", [8, 6]),
    "sanctions": ("#b2182b", False),
    "tariffs": ("#e6550d", False),
    "at_war_with": ("#67000d", False),
    "buys_oil_from": ("#2ca02c", False),
    "supplies": ("#31a354", [2, 4]),
    "trades_with": ("#74c476", [2, 4]),
    "aids": ("#3182bd", False),
    "negotiates_with": ("#6baed6", [10, 4]),
    "allied_with": ("#08519c", [10, 4]),
    "member_of": ("#969696", [2, 2]),
    "leads": ("#525252", [1, 3]),
    "co-occurs": ("#9e9e9e", False),
    # types used by components.case.RELATION_TYPES
    "coerces": ("#e31a1c", [8, 6]),
    "threatens_sanctions": ("#d62728", [8, 6]),
    "sells_oil_to": ("#2ca02c", [2, 4]),
    "supplies_arms_to": ("#6a3d9a", False),
    "cuts_aid_to": ("#fd8d3c", [10, 4, 2, 4]),
    "strikes": ("#67000d", False),
    "proposes_ceasefire": ("#41b6c4", [10, 4]),
    "declines_guarantee": ("#a6761d", [2, 4]),
    "competes_with": ("#e7298a", [10, 4, 2, 4]),
    "depends_on": ("#66a61e", [2, 2]),
    "meets": ("#6baed6", [2, 4]),
}
_PALETTE = [
    "#17becf",
    "#bcbd22",
    "#e377c2",
    "#7f7f7f",
    "#393b79",
    "#637939",
    "#8c6d31",
    "#843c39",
    "#7b4173",
    "#3182bd",
]
_DASHES = [False, [8, 6], [2, 4], [10, 4, 2, 4]]
CENTRALITIES = ("degree", "betweenness", "eigenvector", "pagerank")
COLOUR_BY = ("kind", "bloc")
NO_BLOC = "no bloc"
MIN_SIZE, MAX_SIZE = 12.0, 42.0
BETWEENNESS_EXACT_MAX, BETWEENNESS_SAMPLE = 500, 200


def relation_style(rtype: str) -> tuple[str, Any]:
    """(colour, dashes) for a relation type; unknown types get a stable palette slot (crc32)."""
    key = str(rtype).replace(" ", "_")
    if key in RELATION_STYLES:
        return RELATION_STYLES[key]
    h = zlib.crc32(str(rtype).encode("utf-8"))
    return _PALETTE[h % len(_PALETTE)], _DASHES[(h // len(_PALETTE)) % len(_DASHES)]


_BLOC_PALETTE = [
    "#1f77b4",
    "#d62728",
    "#2ca02c",
    "#ff7f0e",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#17becf",
    "#bcbd22",
    "#393b79",
    "#637939",
    "#8c6d31",
    "#843c39",
    "#7b4173",
    "#aec7e8",
    "#ffbb78",
]


def group_colour(value: str, colour_by: str, bloc_colours: Mapping[str, str] | None = None) -> str:
    if colour_by == "kind":
        return KIND_COLOURS.get(value, KIND_COLOURS["unknown"])
    if bloc_colours and value in bloc_colours:
        return bloc_colours[value]
    if value == NO_BLOC:
        return "#c7c7c7"
    return _PALETTE[zlib.crc32(value.encode("utf-8")) % len(_PALETTE)]


# ---------------------------------------------------------------------------------------- building
def _split(value: Any) -> list[str]:
    """Aliases/claims/series may arrive as ';'-joined text or as lists: normalise to list[str]."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split(";") if v.strip()]
    try:
        return [str(v).strip() for v in value if str(v).strip()]
    except TypeError:
        return [str(value)]


def _date_or_nat(value: Any) -> pd.Timestamp:
    """style.to_timestamp, with NaT (not None) for an open end: relation dates stay pandas values, as the case
    loader gives them."""
    ts = to_timestamp(value)
    return pd.NaT if ts is None else ts


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


def _truthy(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() not in {"false", "0", "no", "n", "f", ""}
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return True  # a relation is directed unless the file says otherwise
    return bool(value)


def build_graph(actors: pd.DataFrame, relations: pd.DataFrame) -> nx.MultiDiGraph:
    """Case tables -> MultiDiGraph. Relations naming an unknown actor add a node of kind 'unknown'
    (visible, so a typo in relations.csv shows up instead of silently dropping the edge)."""
    G = nx.MultiDiGraph()
    for row in actors.to_dict("records"):
        aid = _text(row.get("id")).strip()
        if not aid:
            continue
        kind = _text(row.get("kind")).strip() or "unknown"
        G.add_node(
            aid,
            label=_text(row.get("label")) or aid,
            kind=kind,
            country=_text(row.get("country")),
            role=_text(row.get("role")),
            aliases=_split(row.get("aliases")),
        )
    for i, row in enumerate(relations.to_dict("records")):
        s, t = _text(row.get("source")).strip(), _text(row.get("target")).strip()
        if not s or not t:
            continue
        for n in (s, t):
            if n not in G:
                G.add_node(n, label=n, kind="unknown", country="", role="", aliases=[])
        try:
            w = float(row.get("weight"))
            w = w if math.isfinite(w) and w > 0 else 1.0
        except (TypeError, ValueError):
            w = 1.0
        G.add_edge(
            s,
            t,
            key=i,
            type=_text(row.get("type")).strip() or "related_to",
            directed=_truthy(row.get("directed")),
            weight=w,
            start=_date_or_nat(row.get("start")),
            end=_date_or_nat(row.get("end")),
            claims=_split(row.get("claims")),
            series=_split(row.get("series")),
            events=_split(row.get("events")),
            note=_text(row.get("note")),
        )
    _assign_blocs(G)
    return G


def _assign_blocs(G: nx.MultiDiGraph) -> None:
    """Colour-by-bloc needs one group per actor, computed on the FULL graph (filters must not
    change an actor's colour). A bloc node is its own group; a member (relation type containing
    'member') takes its bloc (first by label when several); any other actor with a country code
    is grouped with the state of that country (Trump, OFAC -> United States; Rosneft -> Russia);
    the rest are 'no bloc'. Factual grouping only: we do not assign political camps."""
    memberships: dict[str, list[str]] = {}
    for u, v, d in G.edges(data=True):
        if "member" in d["type"]:
            memberships.setdefault(u, []).append(v)
    state_label = {
        d["country"]: d["label"] for _, d in sorted(G.nodes(data=True)) if d["kind"] == "state" and d["country"]
    }
    for n, d in G.nodes(data=True):
        if d["kind"] == "bloc":
            d["bloc"] = d["label"]
        elif n in memberships:
            d["bloc"] = sorted(G.nodes[b]["label"] for b in memberships[n])[0]
        elif d["country"]:
            d["bloc"] = state_label.get(d["country"], d["country"])
        else:
            d["bloc"] = NO_BLOC
    # colours by group size (largest first) so the big groups get distinct, stable colours
    sizes: dict[str, int] = {}
    for _, d in G.nodes(data=True):
        sizes[d["bloc"]] = sizes.get(d["bloc"], 0) + 1
    order = sorted((b for b in sizes if b != NO_BLOC), key=lambda b: (-sizes[b], b))
    colours = {b: _BLOC_PALETTE[i % len(_BLOC_PALETTE)] for i, b in enumerate(order)}
    colours[NO_BLOC] = "#c7c7c7"
    G.graph["bloc_colours"] = colours


def graph_from_case(case: Any) -> nx.MultiDiGraph:
    return build_graph(case.actors, case.relations)


def claim_statuses(claims: Iterable[Any]) -> dict[str, str]:
    """claim id -> verdict status ('pending' when a claim has no verdict yet)."""
    out = {}
    for c in claims or []:
        v = getattr(c, "verdict", None)
        out[str(c.id)] = str(getattr(v, "status", "pending") or "pending")
    return out


# ----------------------------------------------------------------------------------------- filters
@dataclass(frozen=True)
class View:
    """Everything that determines the picture. ``None`` for a filter means 'no filter'."""

    types: tuple[str, ...] | None = None
    kinds: tuple[str, ...] | None = None
    ego: str | None = None
    depth: int = 1
    date: pd.Timestamp | None = None
    verdicts: tuple[str, ...] | None = None
    centrality: str = "degree"
    colour: str = "kind"
    physics: bool = False
    keep_isolates: bool = False
    seed: int = 42


def active_on(start: Any, end: Any, date: pd.Timestamp) -> bool:
    """start <= date <= end, a missing bound being open-ended."""
    if not pd.isna(start) and pd.Timestamp(start) > date:
        return False
    if not pd.isna(end) and pd.Timestamp(end) < date:
        return False
    return True


def filter_graph(
    G: nx.MultiDiGraph, view: View, statuses: Mapping[str, str] | None = None
) -> tuple[nx.MultiDiGraph, list[str]]:
    """Apply the view's filters. Edge filters first (type, date, verdict), then node kinds, then
    the ego neighbourhood on what is left (so 'N steps out' counts only visible relations).
    Returns (subgraph copy, notices)."""
    notices: list[str] = []
    statuses = statuses or {}
    types = set(view.types) if view.types is not None else None
    kinds = set(view.kinds) if view.kinds is not None else None
    verdicts = set(view.verdicts) if view.verdicts else None
    H = nx.MultiDiGraph()
    H.graph.update(G.graph)
    for n, d in G.nodes(data=True):
        if kinds is None or d.get("kind") in kinds:
            H.add_node(n, **d)
    for u, v, k, d in G.edges(keys=True, data=True):
        if u not in H or v not in H:
            continue
        if types is not None and d["type"] not in types:
            continue
        if view.date is not None and not active_on(d["start"], d["end"], view.date):
            continue
        if verdicts is not None and not any(statuses.get(c) in verdicts for c in d["claims"]):
            continue
        H.add_edge(u, v, key=k, **d)
    if view.ego is not None:
        if view.ego not in H:
            notices.append(
                f"Actor '{view.ego}' is not in the current view (filtered out); "
                "showing the whole filtered network instead."
            )
        else:
            keep = nx.single_source_shortest_path_length(
                H.to_undirected(as_view=True), view.ego, cutoff=max(0, int(view.depth))
            )
            H = H.subgraph(keep).copy()
    if not view.keep_isolates:
        drop = [n for n in H if H.degree(n) == 0 and n != view.ego]
        H.remove_nodes_from(drop)
    return H, notices


# ------------------------------------------------------------------------------------- centrality
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


# ------------------------------------------------------------------------------------------- text
def period_text(start: Any, end: Any) -> str:
    s = "open" if pd.isna(start) else pd.Timestamp(start).strftime("%Y-%m-%d")
    e = "ongoing" if pd.isna(end) else pd.Timestamp(end).strftime("%Y-%m-%d")
    if pd.isna(start) and pd.isna(end):
        return "no dates given"
    return f"{s} to {e}" if not pd.isna(start) else f"until {e}"


def relation_sentence(G: nx.MultiDiGraph, u: str, v: str, d: Mapping) -> str:
    arrow = "→" if d.get("directed", True) else "↔"
    return f"{G.nodes[u]['label']} {arrow} {G.nodes[v]['label']}: {d['type'].replace('_', ' ')}"


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


# -------------------------------------------------------------------------------------------- html
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
    view: View = View(),
    statuses: Mapping[str, str] | None = None,
    cent: Mapping[str, float] | None = None,
    height: int = 650,
    legend: bool = True,
) -> str:
    """Standalone, offline HTML for the graph: vis-network inlined, bootstrap CDN tags stripped,
    seeded positions, escaped tooltips, optional legend overlay. Raises nothing on odd data."""
    from pyvis.network import Network  # local import: pyvis pulls in jinja2/ipython bits

    statuses = statuses or {}
    if cent is None:
        cent, _ = centrality(G, view.centrality)
    sizes = scale_sizes(cent)
    pos = layout(G, view.seed)
    net = Network(height=f"{int(height)}px", width="100%", directed=True, cdn_resources="in_line", heading="")
    attr = "kind" if view.colour == "kind" else "bloc"
    nodes = []
    for n in sorted(G.nodes):
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
    leftover = external_refs(doc)
    if leftover:  # never embed something that phones home; a pyvis upgrade would land here
        raise RuntimeError(f"network HTML still references external resources: {leftover[:3]}")
    return doc


# ----------------------------------------------------------------------------------------- tables
EDGE_COLUMNS = [
    "source",
    "target",
    "source_label",
    "target_label",
    "type",
    "directed",
    "weight",
    "start",
    "end",
    "claims",
    "events",
    "series",
    "note",
]


def edge_table(G: nx.MultiDiGraph) -> pd.DataFrame:
    """Edge list of the view (Gephi-friendly CSV: Source/Target are the first two columns)."""
    rows = []
    for u, v, _k, d in sorted(G.edges(keys=True, data=True), key=lambda e: (e[0], e[1], str(e[2]))):
        rows.append(
            {
                "source": u,
                "target": v,
                "source_label": G.nodes[u]["label"],
                "target_label": G.nodes[v]["label"],
                "type": d["type"],
                "directed": bool(d.get("directed", True)),
                "weight": d["weight"],
                "start": "" if pd.isna(d["start"]) else d["start"].strftime("%Y-%m-%d"),
                "end": "" if pd.isna(d["end"]) else d["end"].strftime("%Y-%m-%d"),
                "claims": ";".join(d["claims"]),
                "events": ";".join(d.get("events", [])),
                "series": ";".join(d["series"]),
                "note": d.get("note", ""),
            }
        )
    return pd.DataFrame(rows, columns=EDGE_COLUMNS)


def actor_relations(G: nx.MultiDiGraph, actor: str, statuses: Mapping[str, str] | None = None) -> pd.DataFrame:
    """One row per relation touching ``actor`` in the view, in plain words."""
    statuses = statuses or {}
    cols = ["relation", "direction", "other", "period", "claims", "verdicts", "series"]
    if actor not in G:
        return pd.DataFrame(columns=cols)
    rows = []
    edges = list(G.out_edges(actor, keys=True, data=True)) + list(G.in_edges(actor, keys=True, data=True))
    seen = set()
    for u, v, k, d in edges:
        if (u, v, k) in seen:
            continue
        seen.add((u, v, k))
        other = v if u == actor else u
        direction = "both" if not d.get("directed", True) else ("outgoing" if u == actor else "incoming")
        rows.append(
            {
                "relation": relation_sentence(G, u, v, d),
                "direction": direction,
                "other": G.nodes[other]["label"],
                "period": period_text(d["start"], d["end"]),
                "claims": list(d["claims"]),
                "verdicts": [statuses.get(c, "unknown") for c in d["claims"]],
                "series": list(d["series"]),
            }
        )
    return pd.DataFrame(rows, columns=cols)


def series_link(series_id: str) -> str:
    """A series opens on the Data & sources page, which shows its every cited point, provenance and download."""
    return routes.page_url("data", {"data_id": series_id})


def claim_link(claim_id: str) -> str:
    return routes.page_url("claims", {"claims_id": claim_id})


def link_table(G: nx.MultiDiGraph, actor: str, statuses: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Long form (one row per claim or series behind the actor's relations) with page links."""
    statuses = statuses or {}
    rows = []
    for r in actor_relations(G, actor, statuses).to_dict("records"):
        for c in r["claims"]:
            rows.append(
                {
                    "relation": r["relation"],
                    "period": r["period"],
                    "evidence": "claim",
                    "id": c,
                    "verdict": statuses.get(c, "unknown"),
                    "link": claim_link(c),
                }
            )
        for s in r["series"]:
            rows.append(
                {
                    "relation": r["relation"],
                    "period": r["period"],
                    "evidence": "series",
                    "id": s,
                    "verdict": "",
                    "link": series_link(s),
                }
            )
        if not r["claims"] and not r["series"]:
            rows.append(
                {
                    "relation": r["relation"],
                    "period": r["period"],
                    "evidence": "none",
                    "id": "",
                    "verdict": "",
                    "link": None,
                }
            )
    return pd.DataFrame(rows, columns=["relation", "period", "evidence", "id", "verdict", "link"])


def to_gexf_bytes(G: nx.MultiDiGraph) -> bytes:
    """GEXF for Gephi. Lists and dates become strings (GEXF attributes are scalars)."""
    H = nx.MultiDiGraph()
    for n, d in G.nodes(data=True):
        H.add_node(
            n,
            label=d["label"],
            kind=d["kind"],
            country=d.get("country", ""),
            role=d.get("role", ""),
            bloc=d.get("bloc", NO_BLOC),
            aliases=";".join(d.get("aliases", [])),
        )
    for u, v, k, d in G.edges(keys=True, data=True):
        H.add_edge(
            u,
            v,
            key=str(k),
            label=d["type"],
            type_=d["type"],
            directed=bool(d.get("directed", True)),
            weight=float(d["weight"]),
            start="" if pd.isna(d["start"]) else d["start"].strftime("%Y-%m-%d"),
            end="" if pd.isna(d["end"]) else d["end"].strftime("%Y-%m-%d"),
            claims=";".join(d["claims"]),
            events=";".join(d.get("events", [])),
            series=";".join(d["series"]),
            note=d.get("note", ""),
        )
    buf = io.BytesIO()
    nx.write_gexf(H, buf)
    return buf.getvalue()


# ------------------------------------------------------------------------------------- URL params
PARAM_NAMES = routes.page("network").param_names
MAX_DEPTH = 4


@dataclass
class Options:
    """What the URL may choose from (derived from the full case graph)."""

    types: list[str]
    kinds: list[str]
    actors: list[str]
    verdicts: list[str]
    date_min: pd.Timestamp | None
    date_max: pd.Timestamp | None


def options_for(G: nx.MultiDiGraph, statuses: Mapping[str, str], today: pd.Timestamp | None = None) -> Options:
    dates = [d[x] for _, _, d in G.edges(data=True) for x in ("start", "end") if not pd.isna(d[x])]
    today = pd.Timestamp(today) if today is not None else pd.Timestamp.today().normalize()
    lo = min(dates) if dates else None
    hi = max(dates + [today]) if dates else None
    return Options(
        types=sorted({d["type"] for _, _, d in G.edges(data=True)}),
        kinds=sorted({d["kind"] for _, d in G.nodes(data=True)}),
        actors=sorted(G.nodes),
        verdicts=sorted(set(statuses.values())),
        date_min=lo,
        date_max=hi,
    )


def parse_view(qp: Mapping[str, Any], opts: Options) -> tuple[View, list[str]]:
    """Query params -> View. Invalid values fall back to the default with a notice (components.params)."""
    notes: list[str] = []

    def keep(value_note):
        value, note = value_note
        if note:
            notes.append(note)
        return value

    def multi(name, choices, default):
        if qp.get(name) is None:
            return None
        vals = keep(P.parse_multi(qp.get(name), choices, default, name=name, allow_empty=True))
        return tuple(vals)

    types = multi("net_types", opts.types, list(opts.types))
    kinds = multi("net_kinds", opts.kinds, list(opts.kinds))
    verdicts = multi("net_verdict", opts.verdicts, []) or None  # default: no verdict filter
    ego_raw = P._raw_str(qp.get("net_ego"))
    ego = None
    if ego_raw:
        ego = keep(P.parse_choice(ego_raw, opts.actors, "", name="net_ego")) or None
    depth = keep(P.parse_int(qp.get("net_depth"), 1, MAX_DEPTH, 1, name="net_depth"))
    date = None
    if P._raw_str(qp.get("net_date")):
        date = keep(
            P.parse_date(qp.get("net_date"), None, min_date=opts.date_min, max_date=opts.date_max, name="net_date")
        )
    cent = keep(P.parse_choice(qp.get("net_centrality"), CENTRALITIES, "degree", name="net_centrality"))
    colour = keep(P.parse_choice(qp.get("net_colour"), COLOUR_BY, "kind", name="net_colour"))
    physics = keep(P.parse_bool(qp.get("net_physics"), False, name="net_physics"))
    return View(
        types=types,
        kinds=kinds,
        ego=ego,
        depth=depth,
        date=date,
        verdicts=verdicts,
        centrality=cent,
        colour=colour,
        physics=physics,
    ), notes


def format_view(view: View, opts: Options) -> dict[str, str]:
    """View -> query params, omitting defaults so a plain URL stays plain (parse(format(v)) == v)."""
    out: dict[str, str] = {}
    if view.types is not None and set(view.types) != set(opts.types):
        out["net_types"] = P.format_multi(view.types)
    if view.kinds is not None and set(view.kinds) != set(opts.kinds):
        out["net_kinds"] = P.format_multi(view.kinds)
    if view.ego:
        out["net_ego"] = view.ego
    if view.depth != 1:
        out["net_depth"] = str(view.depth)
    if view.date is not None:
        out["net_date"] = P.format_date(view.date)
    if view.verdicts:
        out["net_verdict"] = P.format_multi(view.verdicts)
    if view.centrality != "degree":
        out["net_centrality"] = view.centrality
    if view.colour != "kind":
        out["net_colour"] = view.colour
    if view.physics:
        out["net_physics"] = "1"
    return out


def render(
    G: nx.MultiDiGraph, view: View, statuses: Mapping[str, str] | None = None, height: int = 650
) -> tuple[str, nx.MultiDiGraph, dict[str, float], list[str]]:
    """Filter -> centrality -> HTML in one call (what the page and the benchmark do)."""
    H, notes = filter_graph(G, view, statuses)
    cent, note = centrality(H, view.centrality)
    if note:
        notes.append(note)
    return to_html(H, view, statuses, cent, height=height), H, cent, notes
