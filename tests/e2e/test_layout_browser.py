"""Every registered page at a desktop width (1440 px) and a phone's (390 px), as a reader sees it.

Per page and width, one load (20 in all, one browser and the session's one server): nothing wider than the
viewport (the page does not scroll sideways, and no element reaches past its right edge unless a scroll box of
its own, such as a dataframe or a chart, clips it); no visible text that is an internal id (snake_case, a
catalog series id, a claim or event id of the case) or a missing value ("nan", "None"); plotly's toolbar, where
it appears, covers no chart title or legend, and no legend a title; no axis label is cut off at a chart's left
edge; on a phone, the sidebar's filters can be opened. Home draws its scorecard, a claim card's chart marks only
the events its own rule used, and the actor network's canvas names its actors without drawing one name over
another."""

from __future__ import annotations

import html
import json
import re

import pandas as pd
import pytest

from bench.browser import RequestLog, wait_app_ready
from components import data, routes
from components.case import DEFAULT_CASE, load_case
from components.evidence_charts import claim_event_ids, claim_window

WIDTHS = (1440, 390)
PAGES = [page for page in routes.PAGES]

# what a page's own scroll boxes may clip: only boxes inside the main column count (the app's shells scroll too)
OVERFLOW_JS = """() => {
  const W = window.innerWidth, out = [];
  const main = document.querySelector('[data-testid="stMainBlockContainer"]');
  for (const sel of ['html', 'body', '[data-testid="stAppViewContainer"]', '[data-testid="stMain"]',
                     '[data-testid="stMainBlockContainer"]']) {
    const el = document.querySelector(sel);
    if (el && el.scrollWidth > el.clientWidth + 1) {
      out.push(`${sel} scrolls sideways: ${el.scrollWidth} > ${el.clientWidth}`);
    }
  }
  const clipped = (el) => {
    for (let p = el.parentElement; p && p !== main; p = p.parentElement) {
      if (/(auto|scroll|hidden|clip)/.test(getComputedStyle(p).overflowX)) {
        const r = p.getBoundingClientRect();
        if (r.right <= W + 1 && r.left >= -1) return true;
      }
    }
    return false;
  };
  for (const el of main.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (!r.width || !r.height || r.right <= 0) continue;  // plotly measures text in a box far off to the left
    if ((r.right > W + 1 || r.left < -1) && !clipped(el)) {
      const what = el.getAttribute('data-testid') || el.tagName.toLowerCase();
      out.push(`${what} spans ${Math.round(r.left)}..${Math.round(r.right)}: ${(el.innerText || '').slice(0, 60)}`);
    }
  }
  return out.slice(0, 10);
}"""

# visible words: every shown text node of the app (icons, drawn from a font by their ligature names such as
# "inventory_2", left out) plus the text plotly draws in SVG (titles, axes, legends); text in code type apart (the
# Methodology names the keys a case file writes, in code type, beside their names in words)
TEXT_JS = """() => {
  const app = document.querySelector('[data-testid="stApp"]'), out = [], code = [];
  const walker = document.createTreeWalker(app, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || !node.nodeValue.trim() || el.closest('[data-testid="stIconMaterial"], [translate="no"]')) continue;
    if (el.checkVisibility && !el.checkVisibility({visibilityProperty: true, opacityProperty: true})) continue;
    (el.closest('code') ? code : out).push(node.nodeValue);
  }
  return {text: out.join('\\n'), code: code.join('\\n')};
}"""

# per chart, after hovering it: the toolbar's, the title's (with its subtitle) and the legend's boxes
TOOLBAR_JS = """(i) => {
  const gd = document.querySelectorAll('.js-plotly-plot')[i];
  const box = (el) => { if (!el) return null; const r = el.getBoundingClientRect();
                        return r.width && r.height ? {l: r.left, r: r.right, t: r.top, b: r.bottom} : null; };
  const bar = gd.querySelector('.modebar');
  const shown = bar && getComputedStyle(bar.parentElement).opacity !== '0';
  return {bar: shown ? box(bar) : null, title: box(gd.querySelector('.gtitle')),
          legend: box(gd.querySelector('.legend .bg') || gd.querySelector('.legend')),
          text: (gd.querySelector('.gtitle') || {}).textContent || ''};
}"""

# in the network drawing's frame: the names drawn on the canvas (a label vis draws, in a colour that shows) with
# their boxes on screen, the pairs whose boxes cross, the smallest drawn size, and the side column's boxes
NETWORK_LABELS_JS = """() => {
  const alpha = (c) => { const m = /rgba?\\(([^)]*)\\)/.exec(c || ''); const p = m ? m[1].split(',') : [];
                         return p.length > 3 ? parseFloat(p[3]) : 1; };
  const box = (el) => { const r = el.getBoundingClientRect(); return {l: r.left, r: r.right, t: r.top, b: r.bottom}; };
  const drawn = [];
  for (const node of Object.values(network.body.nodes)) {
    const label = node.labelModule, s = label.size;
    if (!label.visible() || !(alpha(label.fontOptions.color) > 0)) continue;
    const a = network.canvasToDOM({x: s.left, y: s.top});
    const b = network.canvasToDOM({x: s.left + s.width, y: s.top + s.height});
    drawn.push({name: node.options.label, size: node.options.size, l: a.x, t: a.y, r: b.x, b: b.y,
                px: label.fontOptions.size * network.getScale()});
  }
  const crossing = [];
  for (let i = 0; i < drawn.length; i++) for (let j = i + 1; j < drawn.length; j++) {
    const p = drawn[i], q = drawn[j];
    const wide = Math.min(p.r, q.r) - Math.max(p.l, q.l), high = Math.min(p.b, q.b) - Math.max(p.t, q.t);
    if (wide > 1 && high > 1) crossing.push([p.name, q.name]);
  }
  const biggest = Object.values(network.body.nodes).sort((a, b) => b.options.size - a.options.size)[0];
  return {nodes: Object.keys(network.body.nodes).length, drawn: drawn.map(d => d.name), crossing: crossing,
          smallest: Math.min(...drawn.map(d => d.px)), central: biggest.options.label,
          canvas: box(document.querySelector('#mynetwork')),
          side: ['#cl-panel', '#cl-legend'].map(sel => box(document.querySelector(sel)))};
}"""

SNAKE = re.compile(r"(?<![\w./:-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w./-])")
MISSING = re.compile(r"\b(?:nan|NaN|None|NaT)\b")
URL = re.compile(r"\S+://\S+|\S+@\S+")


@pytest.fixture(scope="module")
def known_ids() -> set[str]:
    case = load_case(DEFAULT_CASE)
    ids = set(data.catalog()["id"]) | {c.id for c in case.claims} | set(map(str, case.events["id"]))
    return {i for i in ids if len(i) > 3}


def _open(browser, base: str, page: routes.Page, width: int):
    context = browser.new_context(viewport={"width": width, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(45_000)
    tab.request_log = RequestLog(tab)
    query = "?data_id=brent_spot_eia" if page.key == "data" else ""  # Data & sources draws once a series is picked
    tab.goto(f"{base}/{page.url_path}{query}")
    wait_app_ready(tab)
    return context, tab


def _ids_on_screen(shown: dict, known: set[str]) -> list[str]:
    """snake_case words outside code type, and the case's and catalog's ids anywhere."""
    words, code = URL.sub(" ", shown["text"]), URL.sub(" ", shown["code"])
    found = {m.group(0) for m in SNAKE.finditer(words)}
    found |= {i for i in known if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", words + "\n" + code)}
    return sorted(found)


def _crosses(a: dict | None, b: dict | None) -> bool:
    return bool(a and b and a["l"] < b["r"] and b["l"] < a["r"] and a["t"] < b["b"] and b["t"] < a["b"])


def _covered_by_toolbar(tab) -> list[str]:
    """'<chart>: title under the toolbar' (or legend) for each chart whose toolbar (shown by hovering the chart)
    lies over its title or legend, and '<chart>: title under the legend' when the legend lies over the title."""
    bad = []
    charts = tab.locator(".js-plotly-plot")
    for i in range(charts.count()):
        chart = charts.nth(i)
        chart.scroll_into_view_if_needed()
        chart.hover(position={"x": 20, "y": 60})
        tab.wait_for_timeout(150)
        boxes = tab.evaluate(TOOLBAR_JS, i)
        name = boxes["text"][:60]
        bad += [
            f"{name}: {part} under the toolbar" for part in ("title", "legend") if _crosses(boxes["bar"], boxes[part])
        ]
        if _crosses(boxes["legend"], boxes["title"]):
            bad.append(f"{name}: title under the legend")
    return bad


def _sidebar_reachable(tab) -> bool:
    """On a phone the sidebar starts closed: its opener is on screen and opening it shows its widgets."""
    opener = tab.locator('[data-testid="stExpandSidebarButton"], [data-testid="stSidebarCollapsedControl"] button')
    if not opener.count() or not opener.first.is_visible():
        return False
    opener.first.click()
    widget = tab.locator('[data-testid="stSidebar"] [data-testid="stWidgetLabel"]').first
    widget.wait_for(state="visible", timeout=10_000)
    # the sidebar slides in: measure once it has arrived
    tab.wait_for_function(
        "() => document.querySelector('[data-testid=stSidebar]').getBoundingClientRect().left >= 0", timeout=10_000
    )
    tab.wait_for_timeout(400)
    box = widget.bounding_box()
    return box is not None and 0 <= box["x"] and box["x"] + box["width"] <= tab.viewport_size["width"] + 1


# a tick label that starts left of its chart is cut off (the Hindsight and Home timelines set their label margin
# from the labels' length instead of letting plotly measure it: components.evidence_charts.bar_labels)
CUT_TICKS_JS = """() => [...document.querySelectorAll('.js-plotly-plot')].flatMap(gd => {
  const left = gd.getBoundingClientRect().left;
  return [...gd.querySelectorAll('.ytick text, .y2tick text')]
    .filter(t => t.getBoundingClientRect().width && t.getBoundingClientRect().left < left - 1)
    .map(t => t.textContent.slice(0, 40));
}).slice(0, 5)"""


def marker_titles(hover: str) -> list[str]:
    """The event titles one strip marker's hover text names: '<b>title</b>...' for one event, '<b>N events</b>,
    span<br>date · category · title<br>...' for a group."""
    lines = hover.split("<br>")
    if re.match(r"<b>\d+ events</b>", lines[0]):
        return [html.unescape(line.split(" · ", 2)[2]) for line in lines[1:] if line.count(" · ") >= 2]
    return [html.unescape(t) for t in re.findall(r"<b>(.*?)</b>", lines[0])]


def _claim_card_events(tab) -> dict[str, list[str]]:
    """{claim id: titles of the events its chart marks} for the cards on the page."""
    marked = tab.evaluate("""() => [...document.querySelectorAll('[class*="st-key-claims_card_"]')].map(card => {
      const gd = card.querySelector('.js-plotly-plot');
      if (!gd) return null;
      const strip = gd.data.filter(t => t.yaxis === 'y9' && t.hovertext);
      return [gd.layout.meta.claim, strip.map(t => [].concat(t.hovertext)).flat()];
    }).filter(Boolean)""")
    return {key: [title for hover in hovers for title in marker_titles(hover)] for key, hovers in marked}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("target", PAGES, ids=lambda p: p.key)
def test_page_fits_and_shows_no_internal_words(browser, app_server, known_ids, target, width):
    context, tab = _open(browser, app_server, target, width)
    try:
        where = f"{target.key} at {width} px"
        boxes = tab.locator('[data-testid="stException"]')
        assert boxes.count() == 0, f"{where}: exception box: {boxes.first.inner_text()[:300]}"
        overflow = tab.evaluate(OVERFLOW_JS)
        assert not overflow, f"{where}: wider than the screen: {json.dumps(overflow, ensure_ascii=False)}"
        shown = tab.evaluate(TEXT_JS)
        ids = _ids_on_screen(shown, known_ids)
        assert not ids, f"{where}: internal ids on screen: {ids}"
        missing = sorted({m.group(0) for m in MISSING.finditer(shown["text"] + shown["code"])})
        assert not missing, f"{where}: missing values shown as {missing}"
        covered = _covered_by_toolbar(tab)
        assert not covered, f"{where}: covered on a chart: {covered}"
        cut = tab.evaluate(CUT_TICKS_JS)
        assert not cut, f"{where}: axis labels cut off at the chart's left edge: {cut}"
        if target.key == "home":
            scorecard = tab.locator(".st-key-home_scorecard .js-plotly-plot")
            assert scorecard.count() == 1, f"{where}: no scorecard"
            assert (
                tab.evaluate("() => document.querySelector('.st-key-home_scorecard .js-plotly-plot').data.length") > 0
            )
            assert tab.locator(".st-key-home_scorecard .js-plotly-plot svg path").count() > 0, "scorecard not drawn"
        if target.key == "network":
            _assert_network_names_readable(tab, where)
        if target.key == "claims" and width == WIDTHS[0]:
            _assert_cards_mark_only_their_own_events(tab)
        if width < 500 and tab.locator('[data-testid="stSidebar"] [data-testid="stWidgetLabel"]').count():
            assert _sidebar_reachable(tab), f"{where}: the sidebar's filters cannot be opened"
    finally:
        context.close()


def _assert_cards_mark_only_their_own_events(tab) -> None:
    case = load_case(DEFAULT_CASE)
    claims = {c.id: c for c in case.claims}
    titles = dict(zip(map(str, case.events["id"]), case.events["title"], strict=True))
    dates = dict(zip(map(str, case.events["id"]), pd.to_datetime(case.events["date"]), strict=True))
    marked = _claim_card_events(tab)
    assert marked, "no claim cards on the page"
    others = 0
    for claim_id, shown in marked.items():
        claim = claims[claim_id]
        cited = {titles[e] for e in claim_event_ids(claim.verdict) if e in titles}
        if not cited:  # a rule that used no event: an event claim's strip shows its window (by design), else none
            continue
        assert set(shown) <= cited, f"{claim_id}: the chart marks events its rule did not use: {set(shown) - cited}"
        lo, hi = claim_window(claim)
        others += len({titles[e] for e, d in dates.items() if lo <= d <= hi} - cited)
    assert others, "no card has an event it leaves out: the check proves nothing"


def _assert_network_names_readable(tab, where: str) -> None:
    """The actor network at its default zoom: no two names drawn on the canvas cross, the drawn names are at least
    12 px, the most central actor is named and a phone still names several; the click panel and the legend sit
    outside the canvas (beside it or under it)."""
    frame = None
    for _ in range(60):
        frame = next((f for f in tab.frames if f.evaluate("() => typeof network !== 'undefined'")), None)
        if frame:
            break
        tab.wait_for_timeout(250)
    assert frame, f"{where}: no network drawing"
    tab.wait_for_timeout(1500)  # the first fit, the label sizing and whatever the drawing does to its names
    labels = frame.evaluate(NETWORK_LABELS_JS)
    assert labels["nodes"] > 10, labels
    assert not labels["crossing"], f"{where}: names drawn over each other: {labels['crossing'][:8]}"
    assert labels["central"] in labels["drawn"], f"{where}: the most central actor is not named"
    assert len(labels["drawn"]) >= min(8, labels["nodes"]), f"{where}: only {labels['drawn']} named"
    assert labels["smallest"] >= 12, f"{where}: names drawn at {labels['smallest']:.1f} px"
    canvas = labels["canvas"]
    for part in labels["side"]:
        assert part["l"] >= canvas["r"] or part["t"] >= canvas["b"], f"{where}: the side column covers the canvas"
