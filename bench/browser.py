"""The browser side shared by benchmarks and browser tests: Debian chromium with its launch flags, which URLs
count as local, waiting until Streamlit has settled, a log of every request a page makes, the JavaScript that
fingerprints a page's charts, the widget drivers, and the app's pages with what each one draws.

Shared by bench/ and tests/e2e (no pytest in here). Playwright's sync and async APIs both fit: functions that
take a `page` use the sync API; the async load test uses the JavaScript snippets and RequestLog.base_probe.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from urllib.parse import urlsplit

from components import routes

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CLAIMLENS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
LOCAL_SCHEMES = {"data", "blob", "about"}


def is_local_url(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in LOCAL_SCHEMES:
        return True
    return parts.scheme in ("http", "https", "ws", "wss") and (parts.hostname or "").lower() in LOCAL_HOSTS


def launch_chromium(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


# ---------------------------------------------------------------- the app's pages
# (URL path, script) of every registered page (components/routes.py), Home ('') first
ALL = [(page.url_path, ROOT / page.script) for page in routes.PAGES]
PAGES = {name: path for name, path in ALL if name}


def page_source(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""


def expects_plotly(path: Path) -> bool:
    """The page draws plotly charts: the registry's `Page.charts` for the page at `path` (tests/test_preload.py
    holds that flag to what each page's source draws)."""
    return routes.page(path.resolve().relative_to(ROOT).as_posix()).charts


def expects_iframe_graph(path: Path) -> bool:
    src = page_source(path)
    return "st.iframe(" in src or "components.html(" in src


# where a page draws its chart only once something is picked, benchmarks open it with this query
OPENED_WITH = {"Data_sources": "?data_id=brent_spot_eia"}


# ---------------------------------------------------------------- page state in JavaScript
STABLE_JS = """() => {
    const st = document.querySelector('[data-testid="stStatusWidget"]');
    const running = !!(st && /running|connecting|rerun/i.test(st.innerText || '')) || !!document.querySelector(
        '[data-testid="stStatusWidgetRunningIcon"], [data-testid="stStatusWidgetRunningManIcon"]');
    const main = document.querySelector('[data-testid="stMain"]') || document.body;
    return JSON.stringify({
        running: running,
        stale: document.querySelectorAll('[data-stale="true"]').length,
        skeleton: document.querySelectorAll('[data-testid="stSkeleton"]').length,
        elements: document.querySelectorAll('[data-testid="stElementContainer"]').length,
        plots: document.querySelectorAll('.js-plotly-plot').length,
        traces: document.querySelectorAll(
            '.js-plotly-plot .scatterlayer .trace, .js-plotly-plot .barlayer .trace').length,
        frames: document.querySelectorAll('iframe').length,
        text: (main.innerText || '').length,
    });
}"""

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

CANVAS_JS = """(c) => {
  const ctx = c.getContext('2d');
  if (!ctx || !c.width || !c.height) return 0;
  const d = ctx.getImageData(0, 0, c.width, c.height).data;
  let n = 0;
  for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
  return n;
}"""

# a plotly trace with a visible box: event overlays can be zero-width traces that never count as drawn
DRAWN_TRACE_JS = """() => [...document.querySelectorAll('.js-plotly-plot .trace')].some(t => {
  const r = t.getBoundingClientRect(); return r.width > 0 && r.height > 0; })"""

# Timed on the page's own clock: the last user input (key, pointer down or click) the driver sent, to the
# animation frame in which a chart's data changed. Timing from Python instead would add Playwright's round
# trips (several per driver, more for a multiselect than for a slider key) to every figure.
INPUT_CLOCK_JS = """
window.__claimlensInput = 0;
for (const type of ['keydown', 'pointerdown', 'mousedown', 'click']) {
  document.addEventListener(type, () => { window.__claimlensInput = performance.now(); }, true);
}
"""


def first_visible(page, kind: dict, timeout: float = 90.0) -> None:
    """Wait (polling each animation frame) until the page's first chart is visible."""
    if kind["plotly"]:
        page.wait_for_function(DRAWN_TRACE_JS, polling="raf", timeout=timeout * 1000)
    elif kind["graph"]:
        outer = page.frame_locator('[data-testid="stIFrame"], iframe').first
        canvas = outer.frame_locator('iframe[sandbox="allow-scripts"]').first.locator("canvas").first
        canvas.wait_for(state="attached", timeout=timeout * 1000)
        deadline = time.monotonic() + timeout
        while canvas.evaluate(CANVAS_JS) <= 1000:
            if time.monotonic() > deadline:
                raise TimeoutError("network canvas stayed blank")
            page.wait_for_timeout(20)
    else:
        page.wait_for_selector("h1", state="visible", timeout=timeout * 1000)


def wait_app_ready(page, timeout: float = 60.0, quiet: float = 1.0) -> None:
    """Streamlit has drawn the title and finished: no run in progress, nothing stale, and the DOM (elements,
    plots, traces, iframes, text) unchanged for `quiet` seconds."""
    page.wait_for_selector('[data-testid="stApp"]', timeout=timeout * 1000)
    page.wait_for_selector("h1", timeout=timeout * 1000)
    deadline = time.monotonic() + timeout
    last, since = None, time.monotonic()
    while time.monotonic() < deadline:
        state = page.evaluate(STABLE_JS)
        busy = '"running":true' in state or '"stale":0' not in state or '"skeleton":0' not in state
        if state != last or busy:
            last, since = state, time.monotonic()
        elif time.monotonic() - since >= quiet:
            return
        page.wait_for_timeout(100)
    raise TimeoutError(f"page did not settle within {timeout} s: {last}")


def cold_start(browser, main: str, url: str, kind: dict, log_dir: Path) -> float:
    """Seconds from starting a server for `main` (app.py or a floor) to the first chart of `url` (a path and query
    on it) drawn in a fresh browser context; the server is stopped afterwards."""
    from bench.harness import start_streamlit, stop_process, wait_health

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    started = time.perf_counter()
    proc, port, log = start_streamlit(main, log_dir=log_dir)
    try:
        wait_health(port, proc, log=log)
        page.goto(f"http://127.0.0.1:{port}/{url}")
        first_visible(page, kind)
        return time.perf_counter() - started
    finally:
        context.close()
        stop_process(proc)


CHANGED_JS = (
    "(prev) => { if ((" + SIGNATURE_JS + ")() === prev) return false; "
    "window.__claimlensChanged = performance.now(); return true; }"
)


def interact_once(page, driver) -> float:
    """Seconds from the driver's last input to the frame in which a chart's data changed (the page's own clock:
    the context needs INPUT_CLOCK_JS as an init script)."""
    before = page.evaluate(SIGNATURE_JS)
    if not driver(page):
        raise RuntimeError("nothing to drive")
    page.wait_for_function(CHANGED_JS, arg=before, polling="raf", timeout=60_000)
    started, changed = page.evaluate("[window.__claimlensInput, window.__claimlensChanged]")
    wait_app_ready(page, quiet=0.5)
    return (changed - started) / 1000


class RequestLog:
    """Every URL the page asked for, and every request that failed."""

    def __init__(self, page):
        self.urls: list[str] = []
        self.failed: list[str] = []
        self.page_errors: list[str] = []
        page.on("request", lambda r: self.urls.append(r.url))
        page.on("requestfailed", lambda r: self.failed.append(f"{r.url} ({r.failure})"))
        page.on(
            "response",
            lambda r: (
                self.failed.append(f"{r.url} (HTTP {r.status})")
                if r.status >= 400 and not self.base_probe(r.url, r.status)
                else None
            ),
        )
        page.on("pageerror", lambda e: self.page_errors.append(str(e)))

    @staticmethod
    def base_probe(url: str, status: int) -> bool:
        """Streamlit's frontend finds its base path by trying <page path>/_stcore/health and /host-config first;
        on a deep link (/Oil_markets) those probes 404 by design before it falls back to /_stcore/..."""
        path = urlsplit(url).path
        return status == 404 and path.count("/") >= 3 and path.endswith(("/_stcore/health", "/_stcore/host-config"))

    def foreign(self) -> list[str]:
        return [u for u in self.urls if not is_local_url(u)]


# ---------------------------------------------------------------- widget drivers (sync Playwright)
def drive_slider(page) -> bool:
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


def drive_radio(page, group_label: str | None = None) -> bool:
    """Pick the first unselected option of a radio group (by aria-label, or the first group found)."""
    groups = page.locator(f'[role="radiogroup"][aria-label="{group_label}"]' if group_label else '[role="radiogroup"]')
    if groups.count() == 0:
        return False
    options = groups.first.locator('[data-testid="stRadioOption"]:not([data-selected="true"])')
    if options.count() == 0:
        return False
    options.first.click()
    return True


def drive_multiselect(page, label: str) -> bool:
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
    # 1.67 offers "Select all" first, which for a filter means the same as nothing chosen: take a real option
    option = page.locator('[role="option"]').filter(has_not_text="Select all").first
    for attempt in range(3):  # a click that lands while the page is still rerunning does not open the list
        box.locator("input").first.click()
        try:
            option.wait_for(state="visible", timeout=10_000)
            break
        except Exception:  # noqa: BLE001 - playwright's TimeoutError; the last attempt re-raises below
            if attempt == 2:
                raise
            page.keyboard.press("Escape")
    option.click()
    page.keyboard.press("Escape")
    return True


def drive_slider_or_radio(page) -> bool:
    """The default for a page without its own driver: its first slider, else its first radio group."""
    return drive_slider(page) or drive_radio(page)


# page-specific drivers; other pages use drive_slider_or_radio
DRIVERS = {
    "Actor_network": lambda page: drive_radio(page, "Colour by"),
    "Claims": lambda page: drive_multiselect(page, "Kind"),
    "Hindsight": lambda page: drive_multiselect(page, "Outcome"),
}
