"""Which actor names the drawing writes on its canvas: the most central ones that fit without overlapping.

A phone's frame (about 360 px) fits the case's 28 actors only at a zoom where their names pile into one unreadable
block, and even at 1440 px a few names cross. So, at whatever zoom the reader is at, the names are placed in order
of centrality (the actor in focus first), and a name that would overlap a name already placed or the shape of a
more central actor is left out; the others are drawn when the reader hovers or selects that actor, or zooms in
far enough for them to fit (the thinning runs again after every zoom, drag and layout). Overlap is the test, not
a fixed count or a width breakpoint, because overlap is what makes a name unreadable: a wide frame keeps nearly
all names, a narrow one the central ones, a zoomed-in phone all of them. Names stay plain canvas text (font.multi
off): hiding one only makes its colour transparent.
"""

from __future__ import annotations

from collections.abc import Mapping

import networkx as nx

from components.network.panel import json_for_script

LABELS_HINT = "Names that would overlap are left out: hover over an actor or zoom in to read them."
HIDDEN_COLOUR = "rgba(0,0,0,0)"


def label_order(G: nx.MultiDiGraph, cent: Mapping[str, float], ego: str | None = None) -> list[str]:
    """Node ids in the order their names are placed: the actor in focus, then by centrality, then by degree and
    name (a stable order, so the same view always shows the same names)."""
    ranked = sorted(G.nodes, key=lambda n: (-cent.get(n, 0.0), -G.degree(n), str(G.nodes[n].get("label", n)), n))
    if ego in G:
        ranked.remove(ego)
        ranked.insert(0, ego)
    return ranked


# Runs after `network = new vis.Network(...)`. First, once the first drawing is done: the names are sized to read at
# about 14 px at the fit's zoom (at most 96 canvas units, so that on a far-out fit of a big graph a name does not
# dwarf the nodes), and the view is framed around nodes and names (vis's own fit counts node positions only and
# cuts the outermost names). Then the thinning described above; `chosen.label` draws a hidden name (in bold) while
# its actor is hovered or selected. DataSet updates are made only for names whose state changes, so the redraw
# they cause settles at once (with physics on, a stabilized layout stays put).
_LABELS_JS = """
                  (function () {
                    var order = %(order)s, shown = %(shown)s, HIDDEN = %(hidden)s;
                    var hint = document.getElementById("cl-labels-note"), off = {}, timer = null, touched = false;
                    network.setOptions({nodes: {chosen: {node: true, label: function (values) {
                      values.color = shown.color; values.strokeColor = shown.strokeColor; values.mod = "bold";
                    }}}});
                    function box(node) {
                      var s = node.labelModule && node.labelModule.size;
                      if (!s || !s.width || !s.height) return null;
                      var a = network.canvasToDOM({x: s.left, y: s.top});
                      var b = network.canvasToDOM({x: s.left + s.width, y: s.top + s.height});
                      return {l: a.x, t: a.y, r: b.x, b: b.y};
                    }
                    function crosses(p, q) { return p.l < q.r && q.l < p.r && p.t < q.b && q.t < p.b; }
                    function mark(node) {  // a node's shape, which the names of less central actors leave free
                      var r = node.options.size || 0;
                      var a = network.canvasToDOM({x: node.x - r, y: node.y - r});
                      var b = network.canvasToDOM({x: node.x + r, y: node.y + r});
                      return {l: a.x, t: a.y, r: b.x, b: b.y};
                    }
                    function thin() {
                      var placed = [], changes = [], left = 0;
                      order.forEach(function (id) {
                        var node = network.body.nodes[id];
                        if (!node) return;
                        var b = box(node), fits = !!b && !placed.some(function (p) { return crosses(b, p); });
                        placed.push(mark(node));
                        if (fits) placed.push(b); else left++;
                        if (!fits !== !!off[id]) {
                          off[id] = !fits;
                          changes.push({id: id, font: fits ? shown : {color: HIDDEN, strokeColor: HIDDEN}});
                        }
                      });
                      if (changes.length) nodes.update(changes);
                      if (hint) hint.hidden = left === 0;
                    }
                    function later(then) { clearTimeout(timer); timer = setTimeout(then || thin, 80); }
                    function size() {
                      var scale = network.getScale() || 1;
                      network.setOptions({nodes: {font: {size: Math.max(14, Math.min(96, 14 / scale))}}});
                    }
                    function frame() {  // vis's fit() counts node positions only, so it cuts the outer names
                      var lo = {x: Infinity, y: Infinity}, hi = {x: -Infinity, y: -Infinity};
                      Object.keys(network.body.nodes).forEach(function (id) {
                        var node = network.body.nodes[id], s = node.labelModule && node.labelModule.size;
                        var parts = [[node.x - node.options.size, node.y - node.options.size],
                                     [node.x + node.options.size, node.y + node.options.size]];
                        if (s && s.width) parts.push([s.left, s.top], [s.left + s.width, s.top + s.height]);
                        parts.forEach(function (p) {
                          lo.x = Math.min(lo.x, p[0]); lo.y = Math.min(lo.y, p[1]);
                          hi.x = Math.max(hi.x, p[0]); hi.y = Math.max(hi.y, p[1]);
                        });
                      });
                      var c = network.canvas.frame.canvas, w = hi.x - lo.x, h = hi.y - lo.y;
                      if (!(w > 0 && h > 0 && c.clientWidth > 0 && c.clientHeight > 0)) return;
                      var scale = 0.96 * Math.min(c.clientWidth / w, c.clientHeight / h);
                      network.moveTo({position: {x: (lo.x + hi.x) / 2, y: (lo.y + hi.y) / 2}, scale: scale});
                    }
                    // size the names for the fit and frame them with their names, until the zoom stops moving
                    // (bigger names widen the frame, which zooms out, which asks for bigger names: it converges)
                    function settle() {
                      for (var pass = 0; pass < 6; pass++) {
                        var before = network.getScale();
                        size(); network.redraw(); frame(); network.redraw();
                        if (Math.abs(network.getScale() / before - 1) < 0.02) break;
                      }
                      thin();
                    }
                    function touch() { touched = true; later(thin); }
                    // out of the draw handler, as vis ignores a redraw asked for while it draws; until the reader
                    // zooms or drags, a resized frame (the embedding page settling its layout) or a layout that
                    // has stabilized is framed anew, after that only the names are thinned again
                    network.once("afterDrawing", function () {
                      setTimeout(function () {
                        settle();
                        network.on("zoom", touch);
                        network.on("dragEnd", touch);
                        ["stabilized", "resize"].forEach(function (name) {
                          network.on(name, function () { later(touched ? thin : settle); });
                        });
                      }, 0);
                    });
                  })();
"""


def labels_js(G: nx.MultiDiGraph, cent: Mapping[str, float], colours: Mapping[str, str], ego: str | None) -> str:
    """The script that sizes and thins the canvas names, with the placing order and the theme's text colours
    as JSON escaped for a <script> element."""
    return _LABELS_JS % {
        "order": json_for_script(label_order(G, cent, ego)),
        "shown": json_for_script({"color": colours["fg"], "strokeColor": colours["bg"]}),
        "hidden": json_for_script(HIDDEN_COLOUR),
    }
