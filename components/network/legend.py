"""The network's legend: what each colour, shape, line style, width and arrow of the drawing means.

It is drawn beside the canvas (components.network.html puts it in the side column), never over the nodes, and
lists only what is in the view. Every sample is a small inline SVG drawn with the same colour and dash pattern
as the lines and nodes themselves, so the key cannot drift from the picture.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from components.network.palette import KIND_SHAPES, NO_BLOC, group_colour, relation_styles
from components.style import human, safe_text

MEASURE_NAMES = {"pagerank": "PageRank"}  # centralities whose name is not their id in words

# SVG outlines of vis-network's node shapes, in a 12 x 12 box
_SHAPE_SVG = {
    "dot": '<circle cx="6" cy="6" r="5" fill="{c}"/>',
    "diamond": '<polygon points="6,0 12,6 6,12 0,6" fill="{c}"/>',
    "hexagon": '<polygon points="3,1 9,1 12,6 9,11 3,11 0,6" fill="{c}"/>',
    "square": '<rect x="1" y="1" width="10" height="10" fill="{c}"/>',
    "triangle": '<polygon points="6,0 12,11 0,11" fill="{c}"/>',
}


def legend_items(G: nx.MultiDiGraph, colour_by: str) -> tuple[list[tuple[str, str]], list[tuple[str, str, Any]]]:
    """([(group, colour)], [(relation type, colour, dashes)]) for what is in the view."""
    attr = "kind" if colour_by == "kind" else "bloc"
    groups = sorted({d.get(attr) or NO_BLOC for _, d in G.nodes(data=True)})
    styles = relation_styles({d["type"] for _, _, d in G.edges(data=True)})
    return (
        [(g, group_colour(g, colour_by, G.graph.get("bloc_colours"))) for g in groups],
        [(t, *styles[t]) for t in sorted(styles)],
    )


def _swatch(inner: str, width: int = 12) -> str:
    return (
        f'<svg class="cl-swatch" width="{width}" height="12" viewBox="0 0 {width} 12" aria-hidden="true">{inner}</svg>'
    )


def shape_swatch(shape: str, colour: str) -> str:
    return _swatch(_SHAPE_SVG.get(shape, _SHAPE_SVG["dot"]).format(c=safe_text(colour, markup="html")))


def line_swatch(colour: str, dashes: Any, width: float = 3.0, arrow: bool = False) -> str:
    """A line sample drawn as the edges are: same colour, same dash pattern (vis `dashes` array), optional arrow."""
    colour = safe_text(colour, markup="html")
    dash = f' stroke-dasharray="{" ".join(str(int(x)) for x in dashes)}"' if isinstance(dashes, list) else ""
    head = f'<polygon points="30,6 23,1.5 23,10.5" fill="{colour}"/>' if arrow else ""
    end = 24 if arrow else 32
    return _swatch(f'<line x1="0" y1="6" x2="{end}" y2="6" stroke="{colour}" stroke-width="{width}"{dash}/>{head}', 32)


def _row(swatch: str, text: str) -> str:
    return f'<div class="cl-row">{swatch}<span>{text}</span></div>'


def legend_html(G: nx.MultiDiGraph, colour_by: str, measure: str, muted: str = "#6b6f7b") -> str:
    """The legend of the view (escaped HTML): colours and shapes of the actors, one line style per relation
    type present, and what arrows, widths and sizes mean."""
    groups, types = legend_items(G, colour_by)
    directed = {d["type"] for _, _, d in G.edges(data=True) if d.get("directed", True)}
    parts = ['<h3 class="cl-h">Legend</h3>']
    parts.append(f"<div class='cl-sub'>Colour: {'actor kind' if colour_by == 'kind' else 'bloc'}</div>")
    for group, colour in groups:
        shape = KIND_SHAPES.get(group, "dot") if colour_by == "kind" else "dot"
        parts.append(_row(shape_swatch(shape, colour), safe_text(group, markup="html")))
    if colour_by != "kind":
        kinds = sorted({d.get("kind") or "unknown" for _, d in G.nodes(data=True)})
        parts.append("<div class='cl-sub'>Shape: actor kind</div>")
        parts.extend(_row(shape_swatch(KIND_SHAPES.get(k, "dot"), muted), safe_text(k, markup="html")) for k in kinds)
    if types:
        parts.append("<div class='cl-sub'>Relations</div>")
        for rtype, colour, dashes in types:
            parts.append(
                _row(line_swatch(colour, dashes, arrow=rtype in directed), safe_text(human(rtype), markup="html"))
            )
        parts.append("<div class='cl-sub'>Lines</div>")
        parts.append(_row(line_swatch(muted, False, arrow=True), "arrow: who acts on whom"))
        parts.append(_row(line_swatch(muted, False), "no arrow: both ways"))
        parts.append(_row(line_swatch(muted, False, width=6), "thicker: stronger (weight)"))
    measure_name = MEASURE_NAMES.get(measure, human(measure))
    parts.append(
        f"<div class='cl-sub'>Size: {safe_text(measure_name, markup='html')} centrality</div>"
        "<div class='cl-row'><span>bigger node: more central</span></div>"
    )
    return '<div id="cl-legend">' + "".join(parts) + "</div>"
