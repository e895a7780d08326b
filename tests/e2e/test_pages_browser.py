"""Every page in a real browser (Debian chromium) against one offline `streamlit run app.py` (see conftest.py).

Per page: it loads with no exception box, its plotly charts draw traces, the network page's vis canvas has
pixels, a widget changes the chart, the URL it leaves behind reproduces that view in a fresh session, and no
request fails or leaves 127.0.0.1. Pages come from the registry (components/routes.py, via bench/browser.py),
so a new page is covered once it is registered.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bench.browser import (
    ALL,
    CANVAS_JS,
    DRIVERS,
    PAGES,
    ROOT,
    SIGNATURE_JS,
    RequestLog,
    drive_slider_or_radio,
    expects_iframe_graph,
    expects_plotly,
    page_source,
    wait_app_ready,
)

PAGE_FILES = sorted((ROOT / "pages").glob("*.py"))


def url_name(path: Path) -> str:
    """The URL path Streamlit 1.67's pages/ directory gave a file (its name without the number prefix,
    source_util.page_icon_and_name): links shared before the app had its own navigation must still work."""
    match = re.search(r"([0-9]*)[_ -]*(.*)\.py", path.name)
    return re.sub(r"[_ ]+", "_", match.group(2)).strip() or match.group(1)


DRAWN_JS = """() => [...document.querySelectorAll('.js-plotly-plot')].map(gd => ({
    data: (gd.data || []).length,
    traces: gd.querySelectorAll('.trace').length,
    paths: gd.querySelectorAll('svg path').length,
    title: (gd.layout && gd.layout.title && (gd.layout.title.text || gd.layout.title)) || ''}))"""


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
# pages that draw their chart once something is picked: opened with a pick, as a reader following a link would
PICKED = {"Data_sources": "?data_id=brent_spot_eia"}


@pytest.mark.parametrize("name,path", ALL, ids=[n or "home" for n, _ in ALL])
def test_page_loads_and_draws_offline(page, app_server, name, path):
    open_page(page, app_server, name, PICKED.get(name, ""))
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
def _interactive(name: str, path) -> bool:
    source = page_source(path)
    return name in DRIVERS or (
        expects_plotly(path)
        and ("st.slider(" in source or "range_rebase_log_controls" in source or "st.radio(" in source)
    )


INTERACTIVE = [(n, p) for n, p in ALL if n and _interactive(n, p)]


@pytest.mark.parametrize("name,path", INTERACTIVE, ids=[n for n, _ in INTERACTIVE])
def test_widget_changes_chart_and_shared_url_reproduces_it(browser, page, app_server, name, path):
    open_page(page, app_server, name)
    assert_clean(page, name)
    before = signature(page)
    default_url = page.url
    driver = DRIVERS.get(name)
    moved = (driver or drive_slider_or_radio)(page)
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
