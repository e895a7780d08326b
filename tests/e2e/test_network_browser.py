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
    assert "threatens" in legend
    page.close()
