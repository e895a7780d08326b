"""Every page in a real browser (Debian chromium) against one offline `streamlit run app.py` (see conftest.py).

Per page: it loads with no exception box, its plotly charts draw traces, the network page's vis canvas has
pixels, a widget changes the chart, the URL it leaves behind reproduces that view in a fresh session, and no
request fails or leaves 127.0.0.1. Pages come from the registry (components/routes.py), so new pages are covered
as they are registered.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from components import routes
from tests.e2e import harness as H

ROOT, wait_app_ready, RequestLog = H.ROOT, H.wait_app_ready, H.RequestLog

PAGE_FILES = sorted((ROOT / "pages").glob("*.py"))


def url_name(path: Path) -> str:
    """The URL path Streamlit 1.67's pages/ directory gave a file (its name without the number prefix,
    source_util.page_icon_and_name): links shared before the app had its own navigation must still work."""
    match = re.search(r"([0-9]*)[_ -]*(.*)\.py", path.name)
    return re.sub(r"[_ ]+", "_", match.group(2)).strip() or match.group(1)


ALL = [(page.url_path, ROOT / page.script) for page in routes.PAGES]
PAGES = {name: path for name, path in ALL if name}


def _source(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""


def expects_plotly(path: Path) -> bool:
    """The page draws plotly charts (st.plotly_chart directly or through a components.ui/chart builder helper)."""
    return bool(re.search(r"plotly_chart\(|chart_with_csv\(|\b(charts|EC|evidence_charts)\.build_\w+\(", _source(path)))


def expects_iframe_graph(path: Path) -> bool:
    src = _source(path)
    return "st.iframe(" in src or "components.html(" in src


SIGNATURE_JS = """() => {
  const h = (s) => { let x = 0; for (let i = 0; i < s.length; i++) x = (x * 31 + s.charCodeAt(i)) | 0; return x; };
  // plotly data arrays may be plain arrays, typed arrays or {dtype, bdata} objects
  const arr = (v) => v == null ? null : (typeof v.length === 'number' && typeof v !== 'string')
      ? [v.length, String(v[0]), String(v[v.length - 1])] : h(JSON.stringify(v));
  const plots = [...document.querySelectorAll('.js-plotly-plot')].map(gd => ({
      traces: (gd.data || []).map(t => [t.name || '', t.type || '', arr(t.x), arr(t.y)]),
      xrange: gd.layout && gd.layout.xaxis ? JSON.stringify(gd.layout.xaxis.range) : null,
      yrange: gd.layout && gd.layout.yaxis ? JSON.stringify(gd.layout.yaxis.range) : null}));
  // an iframe's document (the network page's is ~0.7 MB of inlined vis-network): its length plus a hash of every
  // 16th character, so that polling each animation frame does not itself keep the page busy
  const sample = (s) => {
    let x = s.length;
    for (let i = 0; i < s.length; i += 16) x = (x * 31 + s.charCodeAt(i)) | 0;
    return x;
  };
  const frames = [...document.querySelectorAll('iframe')].map(f => sample(f.getAttribute('srcdoc') || f.src || ''));
  return JSON.stringify({plots: plots, frames: frames});
}"""

DRAWN_JS = """() => [...document.querySelectorAll('.js-plotly-plot')].map(gd => ({
    data: (gd.data || []).length,
    traces: gd.querySelectorAll('.trace').length,
    paths: gd.querySelectorAll('svg path').length,
    title: (gd.layout && gd.layout.title && (gd.layout.title.text || gd.layout.title)) || ''}))"""

CANVAS_JS = """(c) => {
  const ctx = c.getContext('2d');
  if (!ctx || !c.width || !c.height) return 0;
  const d = ctx.getImageData(0, 0, c.width, c.height).data;
  let n = 0;
  for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
  return n;
}"""


def open_page(page, base: str, name: str, query: str = ""):
    page.goto(f"{base}/{name}{query}")
    wait_app_ready(page)
    return page


def signature(page) -> dict:
    return json.loads(page.evaluate(SIGNATURE_JS))


def assert_clean(page, where: str) -> None:
    boxes = page.locator('[data-testid="stException"]')
    assert boxes.count() == 0, f"{where}: exception box shown: {boxes.first.inner_text()[:500]}"
    log = page.request_log
    assert not log.foreign(), f"{where}: requests left 127.0.0.1: {log.foreign()[:10]}"
    assert not log.failed, f"{where}: failed requests: {log.failed[:10]}"


def canvas_pixels(page, timeout_s: float = 20.0) -> int:
    """Opaque pixels of the first vis canvas inside the page's iframe (waits for vis to draw)."""
    outer = page.frame_locator('[data-testid="stIFrame"], iframe').first
    frame = outer.frame_locator('iframe[sandbox="allow-scripts"]').first  # network.sandboxed's inner frame
    canvas = frame.locator("canvas").first
    canvas.wait_for(state="attached", timeout=timeout_s * 1000)
    pixels, waited = 0, 0.0
    while waited < timeout_s:
        pixels = canvas.evaluate(CANVAS_JS)
        if pixels > 1000:
            break
        page.wait_for_timeout(250)
        waited += 0.25
    return pixels


# ---------------------------------------------------------------- load + draw
@pytest.mark.parametrize("name,path", ALL, ids=[n or "home" for n, _ in ALL])
def test_page_loads_and_draws_offline(page, app_server, name, path):
    open_page(page, app_server, name)
    assert page.locator("h1").first.inner_text().strip(), "no page title"
    assert "offline snapshot" in page.inner_text('[data-testid="stMain"]'), "as-of banner missing"
    if expects_plotly(path):
        drawn = page.evaluate(DRAWN_JS)
        assert drawn, f"{path.name} calls st.plotly_chart but no chart is on the page"
        for i, chart in enumerate(drawn):
            assert chart["data"] > 0 and chart["traces"] > 0 and chart["paths"] > 0, f"chart {i} did not draw: {chart}"
    if expects_iframe_graph(path):
        # the iframe arrives after the page's first chart on a busy machine: wait for it, then count
        graph = page.locator('[data-testid="stIFrame"], iframe')
        graph.first.wait_for(state="attached", timeout=30_000)
        assert graph.count() >= 1, "graph iframe missing"
        assert canvas_pixels(page) > 1000, "network canvas is blank"
    assert_clean(page, name or "home")


# ---------------------------------------------------------------- widget -> chart, URL -> view
def _drive_slider(page) -> bool:
    """Move the first slider in the main area to its other end (Home/End on the focused thumb)."""
    thumbs = page.locator('[data-testid="stMain"] [data-testid="stSlider"] input[type="range"]')
    for i in range(thumbs.count()):
        thumb = thumbs.nth(i)
        if thumb.is_disabled():
            continue
        at_min = thumb.evaluate("el => Number(el.value) <= Number(el.min)")
        thumb.focus()
        page.keyboard.press("End" if at_min else "Home")
        return True
    return False


def _drive_radio(page, group_label: str | None = None) -> bool:
    """Pick the first unselected option of a radio group (by aria-label, or the first group found)."""
    groups = page.locator(f'[role="radiogroup"][aria-label="{group_label}"]' if group_label else '[role="radiogroup"]')
    if groups.count() == 0:
        return False
    options = groups.first.locator('[data-testid="stRadioOption"]:not([data-selected="true"])')
    if options.count() == 0:
        return False
    options.first.click()
    return True


def _drive_multiselect(page, label: str) -> bool:
    """Pick the first real option of the multiselect labelled `label` (sidebar or main)."""
    box = (
        page.locator('[data-testid="stMultiSelect"]')
        .filter(has=page.locator('[data-testid="stWidgetLabel"]', has_text=label))
        .first
    )
    if box.count() == 0:
        return False
    clear = box.locator('[aria-label="Clear all"]')
    if clear.count() and clear.first.is_visible():
        clear.first.click()  # something chosen (e.g. by a previous drive): back to no filter, also a change
        return True
    box.locator("input").first.click()
    # 1.67 offers "Select all" first, which for a filter means the same as nothing chosen: take a real option
    option = page.locator('[role="option"]').filter(has_not_text="Select all").first
    option.wait_for(state="visible", timeout=10_000)
    option.click()
    page.keyboard.press("Escape")
    return True


# page-specific drivers; others use the first enabled slider in the main area, then the first radio group
DRIVERS = {
    "Actor_network": lambda page: _drive_radio(page, "Colour by"),
    "Claims": lambda page: _drive_multiselect(page, "Kind"),
    "Hindsight": lambda page: _drive_multiselect(page, "Outcome"),
}


def _interactive(name: str, path: Path) -> bool:
    return name in DRIVERS or (
        expects_plotly(path)
        and (
            "st.slider(" in _source(path)
            or "range_rebase_log_controls" in _source(path)
            or "st.radio(" in _source(path)
        )
    )


INTERACTIVE = [(n, p) for n, p in ALL if n and _interactive(n, p)]


@pytest.mark.parametrize("name,path", INTERACTIVE, ids=[n for n, _ in INTERACTIVE])
def test_widget_changes_chart_and_shared_url_reproduces_it(browser, page, app_server, name, path):
    open_page(page, app_server, name)
    assert_clean(page, name)
    before = signature(page)
    default_url = page.url
    driver = DRIVERS.get(name)
    moved = driver(page) if driver else (_drive_slider(page) or _drive_radio(page))
    assert moved, f"no enabled widget to drive on {name}"
    wait_app_ready(page)
    assert_clean(page, f"{name} after interaction")
    after = signature(page)
    assert after != before, f"{name}: driving the widget did not change any chart"
    if expects_iframe_graph(path) and name in DRIVERS:
        assert canvas_pixels(page) > 1000, "network canvas blank after the change"
    assert_clean(page, f"{name} after interaction")
    shared = page.url
    assert shared != default_url, f"{name}: the URL did not record the change ({shared})"

    # a second visitor opening the shared link sees the same view (fresh context = new session, no cookies)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        other = context.new_page()
        other.request_log = RequestLog(other)
        other.goto(shared)
        wait_app_ready(other)
        assert signature(other) == after, f"{name}: the shared URL did not reproduce the view"
        assert_clean(other, f"{name} shared URL")
    finally:
        context.close()


def test_every_page_is_covered():
    """Guard: each pages/*.py is registered once, under the URL path it had before (Home at '/')."""
    assert {p for _, p in ALL} == set(PAGE_FILES)
    assert ALL[0][0] == "" and len(PAGES) == len(ALL) - 1
    assert all(name == url_name(path) for name, path in PAGES.items())
