"""Actor network: who acts on whom in the case, filtered, sized by centrality, linked to claims.

Thin page: controls -> components.network (pure) -> st.iframe. The HTML is self-contained (vis-network
inlined, no CDN), so the graph draws offline. Every filter lives in the URL (net_* params).
A second tab checks a user's own article (components.ui.article over components.claimscan; nothing is stored).
"""

from __future__ import annotations

import json

import pandas as pd
import streamlit as st

from components import network, ui
from components.ui import article

GRAPH_HEIGHT = 650
ALL_ACTORS = ""

ui.page_setup(
    "Actor network",
    intro="Who acts on whom in the case: states, people, blocs, organisations and companies, "
    "with typed, directed relations drawn from the case files and tied to the claims.",
)


# ~2.5 MB per view (the HTML, its sandboxed copy, GEXF, CSV); kept as is, not copied per run like
# st.cache_data's values: unpickling them was a tenth of a rerun. Nothing here is changed after it is built.
@st.cache_resource(show_spinner=False, max_entries=12, ttl=3600)
def _render(
    case_id: str, view_key: str, theme: str, _view: network.View
) -> tuple[str, str, bytes, str, list[str], int, int, dict]:
    """Cached by (case, view, theme): the same filters reuse the same HTML (and the same seeded picture),
    and its sandboxed frame, whose escaping of the whole document took a fifth of a rerun."""
    case = ui.case(case_id)
    G = network.graph_from_case(case)
    statuses = network.claim_statuses(case.claims)
    doc, H, cent, notes = network.render(G, _view, statuses, height=GRAPH_HEIGHT, theme=theme, names=_names(case))
    edges = network.edge_table(H)
    return (
        doc,
        network.sandboxed(doc),
        network.to_gexf_bytes(H),
        edges.to_csv(index=False),
        notes,
        H.number_of_nodes(),
        H.number_of_edges(),
        cent,
    )


def _names(case) -> network.Names:
    """Claims, events and series by the names readers know (the catalog's names for series)."""
    catalog = ui.catalog()
    return network.names_from_case(case, dict(zip(catalog["id"], catalog["name"], strict=False)))


def _view_key(view: network.View) -> str:
    return json.dumps(
        {k: (str(v) if isinstance(v, pd.Timestamp) else v) for k, v in view.__dict__.items()},
        sort_keys=True,
        default=str,
    )


def _case_tab() -> None:
    try:
        case = ui.case()
    except Exception as exc:  # noqa: BLE001 - a broken case must not take the text scanner down
        st.error(f"The case files could not be read, so there is no case network to draw:\n\n{ui.case_problem(exc)}")
        return
    case_id = ui.current_case_id()  # the picker's key: a case opened in this session has no folder
    G = network.graph_from_case(case)
    statuses = network.claim_statuses(case.claims)
    opts = network.options_for(G, statuses)
    url_view, notices = network.parse_view(st.query_params.to_dict(), opts)
    labels = {n: d["label"] for n, d in G.nodes(data=True)}

    published = case.meta.get("published")
    default_date = pd.Timestamp(published) if published is not None and not pd.isna(published) else opts.date_max
    ui.seed_widgets(
        {
            "net_types_w": list(url_view.types) if url_view.types is not None else opts.types,
            "net_kinds_w": list(url_view.kinds) if url_view.kinds is not None else opts.kinds,
            "net_ego_w": url_view.ego or ALL_ACTORS,
            "net_depth_w": url_view.depth,
            "net_date_on_w": url_view.date is not None,
            "net_date_w": (url_view.date or default_date).date() if opts.date_min is not None else None,
            "net_verdict_w": list(url_view.verdicts or ()),
            "net_centrality_w": url_view.centrality,
            "net_colour_w": url_view.colour,
            "net_physics_w": url_view.physics,
        }
    )

    with st.sidebar:
        st.subheader("Network filters")
        types = st.multiselect("Relation types", opts.types, key="net_types_w")
        kinds = st.multiselect("Actor kinds", opts.kinds, key="net_kinds_w")
        ego = st.selectbox(
            "Focus on actor (ego view)",
            [ALL_ACTORS] + sorted(opts.actors, key=lambda a: labels[a]),
            format_func=lambda a: "All actors" if a == ALL_ACTORS else labels.get(a, a),
            key="net_ego_w",
        )
        depth = st.slider(
            "Steps out from the focus actor", 1, network.MAX_DEPTH, key="net_depth_w", disabled=ego == ALL_ACTORS
        )
        date = None
        if opts.date_min is not None:
            date_on = st.toggle("Only relations active on a date", key="net_date_on_w")
            d = st.slider(
                "Date",
                min_value=opts.date_min.date(),
                max_value=opts.date_max.date(),
                key="net_date_w",
                disabled=not date_on,
                format="YYYY-MM-DD",
            )
            date = pd.Timestamp(d) if date_on else None
        verdicts = st.multiselect(
            "Only relations backed by claims with verdict",
            opts.verdicts,
            key="net_verdict_w",
            help="Empty = no verdict filter.",
        )
        measure = st.selectbox(
            "Node size by",
            network.CENTRALITIES,
            key="net_centrality_w",
            format_func=lambda m: network.MEASURE_NAMES.get(m, m.capitalize()),
        )
        colour = st.radio(
            "Colour by",
            network.COLOUR_BY,
            key="net_colour_w",
            horizontal=True,
            format_func=lambda c: "actor kind" if c == "kind" else "bloc / country",
        )
        physics = st.toggle("Physics (nodes move; starts from the seeded layout)", key="net_physics_w")

    view = network.View(
        types=tuple(types),
        kinds=tuple(kinds),
        ego=ego or None,
        depth=int(depth),
        date=date,
        verdicts=tuple(verdicts) or None,
        centrality=measure,
        colour=colour,
        physics=bool(physics),
    )
    ui.set_query_view(network.format_view(view, opts), network.PARAM_NAMES)

    ui.show_notices(notices)
    rendered = ui.bounded(_render, case_id, _view_key(view), ui.theme_type(), view, what="drawing the network")
    if rendered is None:
        return
    doc, framed, gexf, edges_csv, render_notes, n_nodes, n_edges, cent = rendered
    ui.show_notices(render_notes)
    st.caption(
        f"{n_nodes} actors and {n_edges} relations in this view "
        f"(case total: {G.number_of_nodes()} actors, {G.number_of_edges()} relations). "
        "Hover a node or a line for details, click it for its relations, claims and links (they open in a new "
        "tab); drag to pan, scroll to zoom."
    )
    if n_nodes == 0:
        st.info("No relation matches these filters. Widen the relation types, kinds, date or verdicts.")
    else:
        st.iframe(framed, height=GRAPH_HEIGHT + 30, alt="Actor network graph")

    c1, c2, c3 = st.columns(3)
    c1.download_button(
        "Download view (HTML)",
        doc.encode("utf-8"),
        file_name="claim-lens-network.html",
        mime="text/html",
        on_click="ignore",
        key="net_dl_html",
    )
    c2.download_button(
        "Download view (GEXF, Gephi)",
        gexf,
        file_name="claim-lens-network.gexf",
        mime="application/xml",
        on_click="ignore",
        key="net_dl_gexf",
    )
    c3.download_button(
        "Download edge list (CSV)",
        edges_csv.encode("utf-8"),
        file_name="claim-lens-edges.csv",
        mime="text/csv",
        on_click="ignore",
        key="net_dl_csv",
    )

    H, _ = network.filter_graph(G, view, statuses)
    in_view = sorted(H.nodes, key=lambda n: (-cent.get(n, 0.0), labels.get(n, n)))
    if not in_view:
        return
    # the tables on request (a click on a node shows the same in the drawing's panel): a data grid is the heaviest
    # thing a browser builds on this page, and the first paint would wait on it; open by default in an ego view
    with st.expander(
        "Relations of one actor, with links to the evidence (tables)",
        expanded=bool(view.ego),
        key="net_detail_open",
        on_change="rerun",
        icon=":material/table_rows:",
    ) as details:
        if details.open:
            _actor_tables(case, H, view, statuses, cent, labels, in_view)


def _actor_tables(case, H, view, statuses, cent: dict, labels: dict, in_view: list) -> None:
    """One actor's relations and the evidence links behind them, as tables."""
    default = view.ego if view.ego in in_view else in_view[0]
    actor = st.selectbox(
        "Actor",
        in_view,
        index=in_view.index(default),
        format_func=lambda a: f"{labels.get(a, a)} ({cent.get(a, 0.0):.2f})",
        key="net_detail_w",
    )
    rel = network.actor_relations(H, actor, statuses)
    names = _names(case)
    st.dataframe(
        rel.assign(
            claims=rel["claims"].map(lambda ids: "; ".join(map(names.claim, ids))),
            verdicts=rel["verdicts"].map(", ".join),
            series=rel["series"].map(lambda ids: "; ".join(map(names.one_series, ids))),
        ),
        hide_index=True,
        width="stretch",
    )
    links = network.link_table(H, actor, statuses, names)
    if len(links):
        st.caption("Evidence behind these relations: open a claim card or the chart of a series.")
        st.dataframe(
            links,
            hide_index=True,
            width="stretch",
            column_config={"link": st.column_config.LinkColumn("open", display_text="open ↗")},
        )


tab_case, tab_byo = st.tabs(["Case network", "Bring your own article"])
with tab_case:
    _case_tab()
with tab_byo:
    article.article_tab()
