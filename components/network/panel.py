"""The panel a click on the network opens: an actor's relations, the claims behind them and links into the app.

Each node's and each edge's panel is rendered here, in Python, as escaped HTML (every case string passes
through components.style.safe_text), and the lot travels in the document as one JSON block escaped for a
<script> element; the page's script only copies the clicked item's HTML into the panel. Links are the app's
own URLs (components.routes.page_url): the drawing's sandbox (allow-scripts only) cannot navigate or open a tab,
so a click on one is handed to the embedding frame (components.network.html.sandboxed), which opens it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field

import networkx as nx

from components import routes
from components.network.model import period_text
from components.network.palette import NO_BLOC
from components.style import human, safe_text

MAX_PANEL_RELATIONS = 40  # relations listed in one actor's panel (a hub of a capped view can have hundreds)


@dataclass(frozen=True)
class Names:
    """What readers call the things the case files name by id: claims (their short title), series (their
    catalog name) and events (their title). An id with no name is shown in words (style.human)."""

    claims: Mapping[str, str] = field(default_factory=dict)
    series: Mapping[str, str] = field(default_factory=dict)
    events: Mapping[str, str] = field(default_factory=dict)

    def claim(self, claim_id: str) -> str:
        return self.claims.get(claim_id) or human(claim_id)

    def one_series(self, series_id: str) -> str:
        return self.series.get(series_id) or human(series_id)

    def event(self, event_id: str) -> str:
        return self.events.get(event_id) or human(event_id)


def names_from_case(case, series_names: Mapping[str, str] | None = None) -> Names:
    """Names of a loaded case's claims and events, with the catalog's series names passed in by the caller."""
    claims = {c.id: (getattr(c, "short", "") or getattr(c, "paraphrase", "") or "") for c in case.claims}
    events = {}
    frame = getattr(case, "events", None)
    if frame is not None and len(frame) and {"id", "title"} <= set(frame.columns):
        events = {str(i): str(t) for i, t in zip(frame["id"], frame["title"], strict=False) if str(t).strip()}
    return Names(claims={k: v for k, v in claims.items() if v}, series=dict(series_names or {}), events=events)


def _text(value) -> str:
    return safe_text(value, markup="html")


def _link(url: str, text: str) -> str:
    """An in-app link; `url` comes from routes.page_url (percent-encoded), `text` is already escaped."""
    return f'<a href="{_text(url)}" data-cl-link="1" target="_blank" rel="noopener">{text}</a>'


def _claims_html(claim_ids, statuses: Mapping[str, str], names: Names) -> str:
    items = []
    for c in claim_ids:
        status = statuses.get(c)
        verdict = f' <span class="cl-muted">({_text(status)})</span>' if status else ""
        items.append(f"<li>{_link(routes.page_url('claims', {'claims_id': c}), _text(names.claim(c)))}{verdict}</li>")
    return "<ul>" + "".join(items) + "</ul>" if items else ""


def _relation_line(G: nx.MultiDiGraph, u: str, v: str, d: Mapping) -> str:
    arrow = "→" if d.get("directed", True) else "↔"
    return f"{_text(G.nodes[u]['label'])} {arrow} {_text(G.nodes[v]['label'])}: {_text(human(d['type']).lower())}"


def _period(d: Mapping) -> str:
    return _text(period_text(d.get("start"), d.get("end")))


def edge_panel(G: nx.MultiDiGraph, u: str, v: str, d: Mapping, statuses: Mapping[str, str], names: Names) -> str:
    """One relation: who does what to whom, when, the claims, events and series behind it, and its note."""
    parts = [f'<h3 class="cl-h">{_relation_line(G, u, v, d)}</h3>', f'<div class="cl-muted">{_period(d)}</div>']
    if d.get("claims"):
        parts.append("<div class='cl-sub'>Claims</div>" + _claims_html(d["claims"], statuses, names))
    if d.get("events"):
        parts.append(
            "<div class='cl-sub'>Events</div><ul>"
            + "".join(f"<li>{_text(names.event(e))}</li>" for e in d["events"])
            + "</ul>"
        )
    if d.get("series"):
        links = [
            f"<li>{_link(routes.page_url('data', {'data_id': s}), _text(names.one_series(s)))}</li>"
            for s in d["series"]
        ]
        parts.append("<div class='cl-sub'>Data</div><ul>" + "".join(links) + "</ul>")
    if d.get("note"):
        parts.append(f'<div class="cl-note">{_text(d["note"])}</div>')
    return "".join(parts)


def _relations_of(G: nx.MultiDiGraph, n: str) -> list[tuple[tuple, Mapping]]:
    """[((u, v, key), data)] of every relation touching `n` (a self-loop once), strongest first, then by names."""
    touching = [*G.out_edges(n, keys=True, data=True), *G.in_edges(n, keys=True, data=True)]
    unique = {(u, v, k): d for u, v, k, d in touching}
    return sorted(
        unique.items(),
        key=lambda item: (
            -float(item[1].get("weight") or 0),
            G.nodes[item[0][0]]["label"],
            G.nodes[item[0][1]]["label"],
        ),
    )


def node_panel(G: nx.MultiDiGraph, n: str, statuses: Mapping[str, str], names: Names) -> str:
    """One actor: who it is, each of its relations in the view with its claims, and links to the claims about it
    and to the network focused on it."""
    d = G.nodes[n]
    facts = [_text(d.get("kind") or "unknown")]
    facts += [_text(d[k]) for k in ("role", "country") if d.get(k)]
    if d.get("bloc") and d["bloc"] != NO_BLOC:
        facts.append("bloc: " + _text(d["bloc"]))
    parts = [f'<h3 class="cl-h">{_text(d["label"])}</h3>', f'<div class="cl-muted">{" · ".join(facts)}</div>']
    edges = _relations_of(G, n)
    if edges:
        parts.append(f"<div class='cl-sub'>Relations ({len(edges)})</div><ul>")
        for (u, v, _k), dd in edges[:MAX_PANEL_RELATIONS]:
            parts.append(
                f"<li>{_relation_line(G, u, v, dd)} <span class='cl-muted'>{_period(dd)}</span>"
                f"{_claims_html(dd.get('claims') or [], statuses, names)}</li>"
            )
        parts.append("</ul>")
        if len(edges) > MAX_PANEL_RELATIONS:
            parts.append(
                f"<div class='cl-muted'>and {len(edges) - MAX_PANEL_RELATIONS} more (see the table below)</div>"
            )
    claim_ids = sorted({c for _, dd in edges for c in dd.get("claims") or []}, key=names.claim)
    if claim_ids:
        parts.append(f"<div class='cl-sub'>Claims ({len(claim_ids)})</div>" + _claims_html(claim_ids, statuses, names))
    label = _text(d["label"])
    parts.append(
        "<div class='cl-sub'>Links</div><ul>"
        f"<li>{_link(routes.page_url('claims', {'claims_actor': n}), f'Claims naming {label}')}</li>"
        f"<li>{_link(routes.page_url('network', {'net_ego': n}), f'Network around {label}')}</li></ul>"
    )
    return "".join(parts)


def panel_data(
    G: nx.MultiDiGraph, edge_ids: Mapping[tuple, str], statuses: Mapping[str, str], names: Names
) -> dict[str, dict[str, str]]:
    """{"nodes": {node id: panel HTML}, "edges": {vis edge id: panel HTML}} for the drawn graph."""
    return {
        "nodes": {n: node_panel(G, n, statuses, names) for n in sorted(G.nodes)},
        "edges": {
            edge_ids[(u, v, k)]: edge_panel(G, u, v, d, statuses, names)
            for u, v, k, d in G.edges(keys=True, data=True)
            if (u, v, k) in edge_ids
        },
    }


def json_for_script(data) -> str:
    """JSON that can sit inside a <script> element: '<', '>' and '&' as \\u escapes, so no value can close the
    element or open a comment; ensure_ascii turns U+2028/2029 (line breaks to older JavaScript) into escapes."""
    text = json.dumps(data, ensure_ascii=True, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


PANEL_HINT = "Click an actor or a line for its relations, claims and links."

# Runs after `network = new vis.Network(...)`: the click opens the item's panel, a click on empty canvas restores
# the hint; a link is handed to the embedding frame (the sandbox allows no navigation of its own).
PANEL_JS = """
                  (function () {
                    var store = JSON.parse(document.getElementById("cl-data").textContent);
                    var panel = document.getElementById("cl-panel");
                    var hint = panel.innerHTML;
                    function pick(map, id) {
                      return Object.prototype.hasOwnProperty.call(map, id) ? map[id] : null;
                    }
                    network.on("click", function (params) {
                      var html = null;
                      if (params.nodes.length) html = pick(store.nodes, params.nodes[0]);
                      else if (params.edges.length) html = pick(store.edges, params.edges[0]);
                      panel.innerHTML = html || hint;
                      panel.className = html ? "cl-open" : "";
                      if (html && panel.scrollIntoView) panel.scrollIntoView({block: "nearest"});
                    });
                    panel.addEventListener("click", function (event) {
                      var link = event.target.closest && event.target.closest("a[data-cl-link]");
                      if (!link || window.parent === window) return;
                      event.preventDefault();
                      window.parent.postMessage({claimlens: "open", url: link.getAttribute("href")}, "*");
                    });
                  })();
"""
