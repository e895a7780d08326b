"""Page switch in a warm session: a sidebar click from Home to each page -> that page's first chart drawn,
against the same click on a two-page floor (bench/floors/two_pages.py: hello page -> plotly page), and, as a
stricter second floor, a click from one plotly page to another (the browser has plotly's code loaded already, as
it has after Home's scorecard).

    python bench/bench_switch.py              # every page, 3 switches each (~2-3 min on 2 cores)
    python bench/bench_switch.py --reps 5 --pages Claims,Hindsight

This is the path a reader takes: Home first, then a page from the sidebar. The server is warm (each page was
opened once by an earlier session); each switch is a new browser session, so the session's own caches are as a
new reader's. Timed on the page's own clock: from the click to the animation frame in which the new page's
title and its first chart (a plotly trace with a visible box not left over from Home, the network canvas, or
the title for pages without a chart) are drawn. Target: <= 1.2x the floor.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("CLAIMLENS_OFFLINE", "1")
os.environ.setdefault("CLAIMLENS_CACHE_DIR", tempfile.mkdtemp(prefix="claimlens-bench-cache-"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.browser import (
    INPUT_CLOCK_JS,
    OPENED_WITH,
    expects_iframe_graph,
    expects_plotly,
    first_visible,
    launch_chromium,
    wait_app_ready,
)
from bench.harness import ROOT, start_streamlit, stop_process, wait_cpu_quiet, wait_health
from bench.stats import pct
from components import routes
from components.ui.article import WARM_UP_DELAY

TARGET_RATIO = 1.2
FLOOR = ROOT / "bench" / "floors" / "two_pages.py"

# true once the title is no longer the old page's and (for a chart page) a trace drawn by this run is visible
SWITCHED_JS = """([old, chart]) => {
  const h = document.querySelector('h1');
  if (!h || h.innerText.trim() === old || h.closest('[data-stale="true"]')) return false;
  if (chart && ![...document.querySelectorAll('.js-plotly-plot .trace')].some(t => {
      if (t.closest('[data-stale="true"]')) return false;
      const r = t.getBoundingClientRect(); return r.width > 0 && r.height > 0; })) return false;
  window.__claimlensChanged = performance.now();
  return true;
}"""


CHART = {"plotly": True, "graph": False}


def draws(entry) -> dict:
    """What to wait for after the click: a page that draws its chart only once something is picked (OPENED_WITH)
    is done when its title is drawn."""
    script = ROOT / entry.script
    if entry.url_path in OPENED_WITH:
        return {"plotly": False, "graph": False}
    return {"plotly": expects_plotly(script), "graph": expects_iframe_graph(script)}


def switch_once(browser, base_url: str, link_title: str, home_title: str, kind: dict) -> float:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(INPUT_CLOCK_JS)
    page = context.new_page()
    try:
        page.goto(base_url)
        wait_app_ready(page, timeout=120, quiet=0.5)
        link = page.locator('[data-testid="stSidebarNav"] a').filter(has_text=link_title).first
        if not link.is_visible():  # a long page list is folded behind "View more"
            page.locator('[data-testid="stSidebarNav"] button').first.click()
        link.click()
        page.wait_for_function(SWITCHED_JS, arg=[home_title, kind["plotly"]], polling="raf", timeout=120_000)
        if kind["graph"]:
            first_visible(page, kind)
            page.evaluate("window.__claimlensChanged = performance.now()")
        started, changed = page.evaluate("[window.__claimlensInput, window.__claimlensChanged]")
        return (changed - started) / 1000
    finally:
        context.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reps", type=int, default=3, help="switches per page (default 3)")
    ap.add_argument("--pages", default="", help="comma-separated URL paths (default: every page but Home)")
    args = ap.parse_args(argv)
    wanted = set(filter(None, args.pages.split(",")))
    targets = [p for p in routes.PAGES if p.url_path and (not wanted or p.url_path in wanted)]
    log_dir = Path(tempfile.mkdtemp(prefix="claimlens-bench-"))
    from playwright.sync_api import sync_playwright

    results: dict[str, list[float]] = {}
    app, app_port, app_log = start_streamlit("app.py", log_dir=log_dir)
    floor, floor_port, floor_log = start_streamlit(str(FLOOR.relative_to(ROOT)), log_dir=log_dir)
    try:
        wait_health(app_port, app, log=app_log)
        wait_health(floor_port, floor, log=floor_log)
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            try:
                warm = browser.new_context()
                page = warm.new_page()
                for entry in [routes.PAGES[0], *targets]:  # the server's caches warm, as on a server in use
                    page.goto(f"http://127.0.0.1:{app_port}/{entry.url_path}")
                    wait_app_ready(page, timeout=180, quiet=0.5)
                page.goto(f"http://127.0.0.1:{floor_port}/plotly")
                wait_app_ready(page, timeout=60, quiet=0.5)
                warm.close()
                time.sleep(WARM_UP_DELAY + 1)  # past the article tab's one-time warm-up (the paste worker's start)
                wait_cpu_quiet(app.pid)
                # (label, start URL, link to click, title of the start page, what the target page draws)
                floor_url = f"http://127.0.0.1:{floor_port}/"
                plan = [
                    ("floor: hello -> plotly", floor_url, "Plotly floor", "Hello", CHART),
                    ("floor: plotly -> plotly", floor_url + "plotly", "Plotly again", "Plotly floor", CHART),
                ]
                plan += [
                    (
                        entry.title,
                        f"http://127.0.0.1:{app_port}/",
                        entry.title,
                        "Claim Lens",
                        draws(entry),
                    )
                    for entry in targets
                ]
                for label, url, link_title, home_title, kind in plan:
                    for _ in range(args.reps):
                        results.setdefault(label, []).append(switch_once(browser, url, link_title, home_title, kind))
                    print(f"  switch {label:<26} {statistics.median(results[label]) * 1000:7.0f} ms", flush=True)
            finally:
                browser.close()
    finally:
        stop_process(app)
        stop_process(floor)
    floor_median = statistics.median(results["floor: hello -> plotly"])
    warm_floor = statistics.median(results["floor: plotly -> plotly"])
    print(f"\nPAGE SWITCH in a warm session: sidebar click -> first chart drawn (median of {args.reps}, ms)")
    print(f"{'page':<28}{'median':>8}{'p95':>8}{'x floor':>9}{'x plotly->plotly':>18}  target <= {TARGET_RATIO}x")
    for label, values in results.items():
        median = statistics.median(values)
        ratio = median / floor_median
        verdict = "ok" if ratio <= TARGET_RATIO else "OVER"
        print(
            f"{label:<28}{median * 1000:>8.0f}{pct(values, 0.95) * 1000:>8.0f}{ratio:>9.2f}"
            f"{median / warm_floor:>18.2f}  {verdict}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
