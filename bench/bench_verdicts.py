"""Verdict benchmark (issue 11): computing, pushing on a verdict, and the pages that show them.

    python bench/bench_verdicts.py              # compute rows + browser rows (~2-3 min on 2 cores)
    python bench/bench_verdicts.py --only compute

Rows:
  verdicts      every verdict of the case, data loaded (cached loaders), a fresh evidence context each time:
                median and max of --runs (target < 100 ms)
  grid          robustness grid of each claim that has one: first grid in a fresh context (the verdicts just
                computed, as on a page load) and the same grid again (as a reader's second look); the slowest
                claim (target < 150 ms)
  push          browser: a sensitivity control changed on an open claim card -> the recomputed verdict drawn
                (page clock, last input to the animation frame showing the new text), median, against the
                plotly floor's slider -> redraw (target <= 1.2x)
  cold          browser: server start -> first chart visible for Home and Claims, against the plotly floor
                (target <= 1.2x)
Results are printed; every server started is stopped.
"""

from __future__ import annotations

import argparse
import functools
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("CLAIMLENS_OFFLINE", "1")
os.environ.setdefault("CLAIMLENS_CACHE_DIR", tempfile.mkdtemp(prefix="claimlens-bench-cache-"))
sys.path.insert(0, str(ROOT))  # run as a file: the project's packages

TEXT_JS = "() => (document.querySelector('[data-testid=\"stMain\"]') || document.body).innerText"
TEXT_CHANGED_JS = (
    "(prev) => { const now = (" + TEXT_JS + ")(); if (now === prev || /Running/.test(now)) return false; "
    "window.__claimlensChanged = performance.now(); return true; }"
)
PUSH_URL = "Claims?claims_id=india_two_year_low&claims_set=india_two_year_low:min_tier=3"


def bench_compute(runs: int) -> None:
    from components import case as case_module
    from components import data, evidence

    loaders = [functools.cache(f) for f in (data.load_series, data.load_points, data.series_meta)]
    case = case_module.load_case()
    case_module.compute_verdicts(case, loaders[0], loaders[1], None, loaders[2])
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        case_module.compute_verdicts(case, loaders[0], loaders[1], None, loaders[2])
        times.append(time.perf_counter() - t0)
    print(
        f"  verdicts ({len(case.claims)} claims)  median {statistics.median(times) * 1000:6.1f} ms"
        f"  max {max(times) * 1000:6.1f} ms  (target < 100 ms)"
    )
    first, again = {}, {}
    for claim in case.claims:
        if not evidence.controls(claim):
            continue
        samples_first, samples_again = [], []
        for _ in range(max(3, runs // 4)):
            case_module.compute_verdicts(case, loaders[0], loaders[1], None, loaders[2])
            fresh = case.claim(claim.id)
            t0 = time.perf_counter()
            evidence.robustness(fresh)
            samples_first.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            evidence.robustness(fresh)
            samples_again.append(time.perf_counter() - t0)
        first[claim.id], again[claim.id] = statistics.median(samples_first), statistics.median(samples_again)
    worst = max(first, key=first.get)
    print(
        f"  grid first look ({len(first)} claims)  median {statistics.median(first.values()) * 1000:6.1f} ms"
        f"  slowest {first[worst] * 1000:6.1f} ms ({worst})  (target < 150 ms)"
    )
    print(
        f"  grid again                 median {statistics.median(again.values()) * 1000:6.1f} ms"
        f"  slowest {max(again.values()) * 1000:6.1f} ms"
    )


def bench_browser(reps: int) -> None:
    from playwright.sync_api import sync_playwright

    from bench.bench_app import FLOORS, targets_of
    from bench.browser import INPUT_CLOCK_JS, cold_start, drive_slider, interact_once, launch_chromium, wait_app_ready
    from bench.harness import start_streamlit, stop_process, wait_health
    from components import routes

    log_dir = Path(tempfile.mkdtemp(prefix="claimlens-bench-logs-"))
    playwright = sync_playwright().start()
    browser = launch_chromium(playwright)
    try:
        # ---- push: a sensitivity control -> the recomputed verdict, against the floor's slider -> redraw
        servers = []
        proc, port, log = start_streamlit("app.py", log_dir=log_dir)
        servers.append(proc)
        fproc, fport, flog = start_streamlit(str(FLOORS["floor:plotly"].relative_to(ROOT)), log_dir=log_dir)
        servers.append(fproc)
        try:
            wait_health(port, proc, log=log)
            wait_health(fport, fproc, log=flog)
            results = {}
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            context.add_init_script(INPUT_CLOCK_JS)
            page = context.new_page()
            page.goto(f"http://127.0.0.1:{fport}/")
            wait_app_ready(page)
            interact_once(page, drive_slider)
            results["floor:plotly slider"] = [interact_once(page, drive_slider) for _ in range(reps)]
            context.close()
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            context.add_init_script(INPUT_CLOCK_JS)
            page = context.new_page()
            page.goto(f"http://127.0.0.1:{port}/{PUSH_URL}")
            wait_app_ready(page)
            tier = page.locator('[data-testid="stSelectbox"]').filter(has_text="Weakest source tier").first
            tier.scroll_into_view_if_needed()

            def push_once(choice: str) -> float:
                before = page.evaluate(TEXT_JS)
                tier.click()
                page.locator('[role="option"]').filter(has_text=choice).first.click()
                page.wait_for_function(TEXT_CHANGED_JS, arg=before, polling="raf", timeout=60_000)
                started, changed = page.evaluate("[window.__claimlensInput, window.__claimlensChanged]")
                wait_app_ready(page, quiet=0.5)
                return (changed - started) / 1000

            push_once("2")
            samples = []
            for i in range(reps):
                samples.append(push_once("4" if i % 2 == 0 else "2"))
            results["claims sensitivity control"] = samples
            context.close()
        finally:
            for server in servers:
                stop_process(server)
        floor = statistics.median(results["floor:plotly slider"])
        for label, samples in results.items():
            median = statistics.median(samples)
            print(f"  push {label:<28} median {median * 1000:6.0f} ms  ratio {median / floor:4.2f}x (target <= 1.2x)")
        # ---- cold: server start -> first chart, Home and Claims against the plotly floor
        cold = {}
        rounds = (
            ("floor:plotly", str(FLOORS["floor:plotly"].relative_to(ROOT)), "", {"plotly": True, "graph": False}),
            ("home", "app.py", "", targets_of("home", ROOT / routes.page("home").script)),
            ("claims", "app.py", "Claims", targets_of("claims", ROOT / routes.page("claims").script)),
        )
        for _ in range(reps):  # round after round, as in bench_app: the machine's speed drifts over minutes
            for label, main, url_path, kind in rounds:
                cold.setdefault(label, []).append(cold_start(browser, main, url_path, kind, log_dir))
        floor = statistics.median(cold["floor:plotly"])
        for label, samples in cold.items():
            median = statistics.median(samples)
            print(f"  cold {label:<14} median {median:5.2f} s  ratio {median / floor:4.2f}x (target <= 1.2x)")
    finally:
        browser.close()
        playwright.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=20, help="verdict runs (default 20)")
    parser.add_argument("--reps", type=int, default=5, help="browser repetitions (default 5)")
    parser.add_argument("--only", default="compute,browser")
    args = parser.parse_args(argv)
    only = set(args.only.split(","))
    if "compute" in only:
        bench_compute(args.runs)
    if "browser" in only:
        bench_browser(args.reps)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
