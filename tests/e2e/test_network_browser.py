"""Browser proof that the network HTML draws with no network at all.

No streamlit server: the generated HTML of the case graph is written to a tmp file
and opened via file:// while every non-file request is aborted and recorded. The vis canvas must
exist and carry non-transparent pixels, and hovering must show an escaped tooltip.
"""

from __future__ import annotations

import pytest

from components import network
from components.case import DEFAULT_CASE, load_case
from tests.factories.network import hostile_network_case


def _open(tmp_path, doc: str):
    path = tmp_path / "net.html"
    path.write_text(doc, encoding="utf-8")
    return path


PIXELS_JS = """() => {
  const c = document.querySelector('#mynetwork canvas');
  if (!c) return {found: false};
  const ctx = c.getContext('2d');
  const data = ctx.getImageData(0, 0, c.width, c.height).data;
  let opaque = 0;
  for (let i = 3; i < data.length; i += 4) if (data[i] > 0) opaque++;
  return {found: true, w: c.width, h: c.height, opaque: opaque, url: c.toDataURL().length};
}"""


CLICK_NODE_JS = """(id) => {
  const box = document.querySelector('#mynetwork').getBoundingClientRect();
  const p = network.canvasToDOM(network.getPositions([id])[id]);
  return {x: box.left + p.x, y: box.top + p.y};
}"""


def _load(browser, path):
    page = browser.new_page(viewport={"width": 1100, "height": 800})
    blocked, errors = [], []

    def route(r):
        if r.request.url.startswith("file:"):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    page.wait_for_function(
        "() => typeof network !== 'undefined' && document.querySelector('#mynetwork canvas')", timeout=15000
    )
    page.wait_for_timeout(500)
    return page, blocked, errors


@pytest.mark.parametrize("physics", [False, True])
def test_case_graph_draws_offline(browser, tmp_path, physics):
    case = load_case(DEFAULT_CASE)
    graph = network.graph_from_case(case)
    doc, view_graph, _, _ = network.render(graph, network.View(physics=physics), network.claim_statuses(case.claims))
    assert view_graph.number_of_nodes() > 0
    page, blocked, errors = _load(browser, _open(tmp_path, doc))
    px = page.evaluate(PIXELS_JS)
    assert px["found"], "vis did not create a canvas"
    assert px["opaque"] > 1000, px
    assert blocked == [], f"page tried to fetch: {blocked}"
    assert errors == []
    n = page.evaluate("() => network.body.data.nodes.length")
    assert n == view_graph.number_of_nodes()
    page.close()


def test_hostile_labels_render_as_text(browser, tmp_path):
    case = hostile_network_case()
    graph = network.graph_from_case(case)
    doc, *_ = network.render(graph, network.View(), network.claim_statuses(case.claims))
    page, blocked, errors = _load(browser, _open(tmp_path, doc))
    page.evaluate("() => { window.__pwned = false; }")
    # the tooltip element vis shows for the hostile node: text keeps the markup, DOM gets no tags
    info = page.evaluate("""() => {
      const t = network.body.data.nodes.get('evil').title;
      return {isEl: t instanceof Element, text: t.textContent, tags: t.querySelectorAll('script,img').length,
              label: network.body.data.nodes.get('evil').label};
    }""")
    assert info["isEl"] and info["tags"] == 0
    assert "<script>alert('x')</script>" in info["text"]
    assert info["label"] == "<script>alert('x')</script>"
    assert page.evaluate("() => document.querySelectorAll('img').length") == 0
    assert errors == [] and blocked == []
    legend = page.inner_text("#cl-legend")
    assert "Threatens" in legend
    # the click panel of the hostile actor: its name as text, no element made from it
    at = page.evaluate(CLICK_NODE_JS, "evil")
    page.mouse.click(at["x"], at["y"])
    page.wait_for_function("() => document.querySelector('#cl-panel').className === 'cl-open'", timeout=5000)
    assert page.inner_text("#cl-panel .cl-h") == "<script>alert('x')</script>"
    assert page.evaluate("() => document.querySelectorAll('#cl-panel script, #cl-panel img, #cl-panel i').length") == 0
    assert page.evaluate("() => window.__pwned") is False and errors == []
    page.close()


def test_click_on_a_node_opens_its_panel_beside_the_canvas(browser, tmp_path):
    case = load_case(DEFAULT_CASE)
    graph = network.graph_from_case(case)
    names = network.names_from_case(case)
    doc, *_ = network.render(graph, network.View(), network.claim_statuses(case.claims), names=names)
    page, blocked, errors = _load(browser, _open(tmp_path, doc))
    assert "Click an actor" in page.inner_text("#cl-panel")
    at = page.evaluate(CLICK_NODE_JS, "russia")
    page.mouse.click(at["x"], at["y"])
    page.wait_for_function("() => document.querySelector('#cl-panel').className === 'cl-open'", timeout=5000)
    panel = page.inner_text("#cl-panel")
    assert panel.startswith("Russia") and "Relations (" in panel and "Claims (" in panel
    links = page.eval_on_selector_all("#cl-panel a[data-cl-link]", "els => els.map(a => a.getAttribute('href'))")
    assert any(h.startswith("Claims?claims_id=") for h in links) and "Actor_network?net_ego=russia" in links
    # the panel and the legend sit beside the canvas, not over it
    canvas = page.locator("#mynetwork").bounding_box()
    for part in ("#cl-panel", "#cl-legend"):
        box = page.locator(part).bounding_box()
        assert box["x"] >= canvas["x"] + canvas["width"], part
    # the labels were sized for the fit: at least 13 px on screen
    on_screen = page.evaluate("() => network.body.nodes['russia'].options.font.size * network.getScale()")
    assert on_screen >= 13
    # a click on empty canvas brings the hint back
    page.mouse.click(canvas["x"] + 3, canvas["y"] + 3)
    page.wait_for_function("() => document.querySelector('#cl-panel').className === ''", timeout=5000)
    assert errors == [] and blocked == []
    page.close()
