"""Benchmark: loading a page right after a new vintage lands, on a server that keeps running.

    python bench/bench_vintage_load.py [--pages Oil_markets,Currencies]

One run (issue 16: "loading a page after a new vintage lands <= 1.2x the plotly floor cold"):
  floor cold   the plotly floor page (bench/floors/plotly_line.py): server start -> first chart visible
  floor warm   the same floor, a new browser session on its running server -> first chart visible
  app          per page: the app server runs on a copy of data/ (CLAIMLENS_DATA_DIR) and has served the page
               once; then a refresh from recorded EIA and ECB responses (bench_refresh) writes a new vintage
               into that folder, and a new browser session loads the page -> first chart visible, with the as-of
               note checked to name the new vintage (so the caches really moved to it, without a restart)
Ratios are against both floors, measured in the same run. Needs Debian chromium (bench/browser.py).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("CLAIMLENS_OFFLINE", "1")
os.environ.setdefault("EIA_API_KEY", "bench")
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from bench.bench_app import targets_of  # noqa: E402
from bench.bench_refresh import recorded_responses  # noqa: E402
from bench.browser import first_visible, launch_chromium  # noqa: E402
from bench.harness import start_streamlit, stop_process, wait_health  # noqa: E402
from components import routes  # noqa: E402
from components.data.refresh import refresh_publishers  # noqa: E402

FLOOR = ROOT / "bench" / "floors" / "plotly_line.py"


def load(browser, port: int, url_path: str, kind: dict, expect_text: str = "") -> float:
    print(f"  loading {url_path or 'floor'} ({kind})", flush=True)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        started = time.perf_counter()
        page.goto(f"http://127.0.0.1:{port}/{url_path}")
        first_visible(page, kind)
        elapsed = time.perf_counter() - started
        if expect_text:
            page.get_by_text(expect_text, exact=False).first.wait_for(timeout=30_000)
        return elapsed
    finally:
        context.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", default="Oil_markets,Currencies")
    args = parser.parse_args()
    log_dir = Path(tempfile.mkdtemp(prefix="claimlens-bench-vintage-"))
    data_dir = log_dir / "data"
    shutil.copytree(ROOT / "data", data_dir)
    playwright = sync_playwright().start()
    browser = launch_chromium(playwright)
    results = {}
    try:
        started = time.perf_counter()
        proc, port, log = start_streamlit(str(FLOOR.relative_to(ROOT)), log_dir=log_dir)
        try:
            wait_health(port, proc, log=log)
            floor_kind = {"plotly": True, "graph": False}
            load(browser, port, "", floor_kind)
            results["floor cold"] = time.perf_counter() - started
            results["floor warm"] = load(browser, port, "", floor_kind)
        finally:
            stop_process(proc)
        proc, port, log = start_streamlit("app.py", log_dir=log_dir, extra_env={"CLAIMLENS_DATA_DIR": str(data_dir)})
        try:
            wait_health(port, proc, log=log)
            wanted = [p for p in routes.PAGES if p.url_path in args.pages.split(",")]
            for entry in wanted:
                load(browser, port, entry.url_path, targets_of(entry.url_path, ROOT / entry.script))  # served once
            fetch = recorded_responses(data_dir)
            report = refresh_publishers(fetch, data_dir, today=pd.Timestamp.today())
            assert report.record is not None, report.lines()
            vintage = report.record["id"]
            print(f"new vintage {vintage} written while the server runs: {report.message}")
            for entry in wanted:
                kind = targets_of(entry.url_path, ROOT / entry.script)
                results[entry.url_path] = load(browser, port, entry.url_path, kind, expect_text=f"vintage {vintage}")
        finally:
            stop_process(proc)
    finally:
        browser.close()
        playwright.stop()
        shutil.rmtree(log_dir, ignore_errors=True)
    cold, warm = results.pop("floor cold"), results.pop("floor warm")
    print(f"floor (plotly) cold: {cold:.2f} s; warm session: {warm:.2f} s")
    for name, seconds in results.items():
        print(
            f"{name:<14} first chart after the new vintage: {seconds:.2f} s = {seconds / cold:.2f}x floor cold "
            f"(target <= 1.2x: {'ok' if seconds <= 1.2 * cold else 'OVER'}), {seconds / warm:.2f}x floor warm"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
