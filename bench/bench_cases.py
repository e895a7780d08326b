"""Switching case: the pages that draw a case, against the plotly floor, cold, in one run.

    python bench/bench_cases.py [--reps 2]

Rows, each a median over --reps fresh servers (`streamlit run app.py`, offline, like bench_app.py):
  floor:plotly  server start -> the floor's line chart visible (bench/floors/plotly_line.py)
  cold <page>   server start -> the page opened with ?case=<second case> shows its first chart (and, for
                comparison, the same page on the default case)
  switch <page> the page open on the default case; the second case picked in the sidebar (its first load in
                that server: nothing cached) -> the page's chart redrawn; timed from the pick
Ratios are to the floor's cold start (target <= 1.2x). Results: stdout and bench/results/bench_cases-*.json.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("CLAIMLENS_OFFLINE", "1")
os.environ.setdefault("CLAIMLENS_CACHE_DIR", tempfile.mkdtemp(prefix="claimlens-bench-cache-"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a file: the project's packages

from bench.browser import SIGNATURE_JS, cold_start, first_visible, launch_chromium, wait_app_ready
from bench.harness import ROOT, start_streamlit, stop_process, wait_health

SECOND = "2025-11-india-december-low"
SECOND_LABEL = "Would India's Russian crude intake sink"
PAGES = {
    "Claims": {"plotly": True, "graph": False},
    "Hindsight": {"plotly": True, "graph": False},
    "Actor_network": {"plotly": False, "graph": True},
}
RESULTS = ROOT / "bench" / "results"


def _server(main: str, log_dir: Path):
    proc, port, log = start_streamlit(main, log_dir=log_dir)
    wait_health(port, proc, log=log)
    return proc, port


def switch(browser, path: str, kind: dict, log_dir: Path) -> float:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    proc, port = _server("app.py", log_dir)
    try:
        page.goto(f"http://127.0.0.1:{port}/{path}")
        first_visible(page, kind)
        wait_app_ready(page)
        before = page.evaluate(SIGNATURE_JS)
        picker = page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').first
        picker.click()
        t0 = time.perf_counter()
        page.get_by_role("option", name=SECOND_LABEL, exact=False).click()
        page.wait_for_function("(prev) => (" + SIGNATURE_JS + ")() !== prev", arg=before, timeout=90_000)
        first_visible(page, kind)
        return time.perf_counter() - t0
    finally:
        context.close()
        stop_process(proc)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reps", type=int, default=2)
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    log_dir = Path(tempfile.mkdtemp(prefix="claimlens-bench-cases-"))
    out: dict[str, list[float]] = {}
    with sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            for _ in range(args.reps):
                out.setdefault("floor:plotly", []).append(
                    cold_start(browser, "bench/floors/plotly_line.py", "", {"plotly": True, "graph": False}, log_dir)
                )
                for path, kind in PAGES.items():
                    out.setdefault(f"cold {path} (default case)", []).append(
                        cold_start(browser, "app.py", path, kind, log_dir)
                    )
                    out.setdefault(f"cold {path}", []).append(
                        cold_start(browser, "app.py", f"{path}?case={SECOND}", kind, log_dir)
                    )
                    out.setdefault(f"switch {path}", []).append(switch(browser, path, kind, log_dir))
        finally:
            browser.close()
    floor = statistics.median(out["floor:plotly"])
    print(f"{'row':<34}{'median s':>10}{'x floor':>9}")
    for label, times in out.items():
        median = statistics.median(times)
        mark = "" if label.startswith("floor") else ("  ok" if median <= 1.2 * floor else "  OVER")
        print(f"{label:<34}{median:>10.2f}{median / floor:>9.2f}{mark}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"bench_cases-{time.strftime('%Y%m%d-%H%M%S')}.json").write_text(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
