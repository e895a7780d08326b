"""Actor-relationship network: graph model, filters, centralities, offline pyvis HTML, exports, view state.

Why this package exists: the article is about who acts on whom (Washington threatens buyers of
Russian oil, India and China buy it, Brussels sanctions it). The page draws that as a graph, and
every number the drawing shows must be reproducible from the case files and the chosen filters.
So everything here is pure (no streamlit), deterministic (seeded layout, sorted iteration) and
safe to embed (no request leaves the page; all case text is escaped).

Modules by concern: `model` (graph from the case, blocs, filters), `metrics` (centralities, sizes), `html`
(pyvis document, tooltips, `render`), `legend` (the key beside
the canvas), `panel` (what a click opens), `exports` (edge list, actor relations with links, GEXF),
`view` (the `View` and its URL round trip), `palette` (colours and shapes), `limits` (the drawing caps).
"""

from components.network.exports import (
    EDGE_COLUMNS,
    actor_relations,
    claim_link,
    edge_table,
    link_table,
    series_link,
    to_gexf_bytes,
)
from components.network.html import (
    edge_title,
    external_refs,
    layout,
    node_title,
    render,
    sandboxed,
    to_html,
)
from components.network.legend import MEASURE_NAMES, legend_html, legend_items
from components.network.limits import MAX_EDGES, MAX_NODES, cap_graph
from components.network.metrics import (
    BETWEENNESS_EXACT_MAX,
    BETWEENNESS_SAMPLE,
    CENTRALITIES,
    MAX_SIZE,
    MIN_SIZE,
    centrality,
    collapse,
    scale_sizes,
)
from components.network.model import (
    active_on,
    build_graph,
    claim_statuses,
    filter_graph,
    graph_from_case,
    period_text,
    relation_sentence,
)
from components.network.palette import (
    COLOUR_BY,
    KIND_COLOURS,
    KIND_SHAPES,
    NO_BLOC,
    RELATION_STYLES,
    group_colour,
    relation_style,
    relation_styles,
    theme_colours,
)
from components.network.panel import Names, edge_panel, names_from_case, node_panel
from components.network.view import MAX_DEPTH, PARAM_NAMES, Options, View, format_view, options_for, parse_view

__all__ = [
    "MEASURE_NAMES",
    "MAX_EDGES",
    "MAX_NODES",
    "cap_graph",
    "sandboxed",
    "BETWEENNESS_EXACT_MAX",
    "BETWEENNESS_SAMPLE",
    "CENTRALITIES",
    "COLOUR_BY",
    "EDGE_COLUMNS",
    "KIND_COLOURS",
    "KIND_SHAPES",
    "MAX_DEPTH",
    "MAX_SIZE",
    "MIN_SIZE",
    "NO_BLOC",
    "PARAM_NAMES",
    "RELATION_STYLES",
    "Options",
    "View",
    "active_on",
    "actor_relations",
    "build_graph",
    "centrality",
    "claim_link",
    "claim_statuses",
    "collapse",
    "edge_table",
    "edge_title",
    "external_refs",
    "filter_graph",
    "format_view",
    "graph_from_case",
    "group_colour",
    "layout",
    "legend_html",
    "legend_items",
    "link_table",
    "node_title",
    "options_for",
    "parse_view",
    "period_text",
    "relation_sentence",
    "relation_style",
    "relation_styles",
    "theme_colours",
    "Names",
    "edge_panel",
    "names_from_case",
    "node_panel",
    "render",
    "scale_sizes",
    "series_link",
    "to_gexf_bytes",
    "to_html",
]
