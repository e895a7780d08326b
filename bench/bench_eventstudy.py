"""Event-study computation and page rerun, against the plotly floor measured in the same run.

    python bench/bench_eventstudy.py              # default: 30 warm repetitions
    python bench/bench_eventstudy.py --reps 100

Rows:
  compute  one event (7 March 2025), two series (EIA Brent and WTI spot), the three default event windows,
           1,000 placebo draws, per model (warm: after one run; median and p95), target < 300 ms
  rerun    warm AppTest run() of the Event study page with those settings vs the plotly floor page (ratio)
  slider   slider -> redrawn chart in Chromium, the Event study and the plotly floor measured in turn (floor,
           page, floor, page ...) so that a change in the machine's load hits both alike; the ratio is the
           median of the page over the median of the floor (bench/bench_app.py measures each page in a block)
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("CLAIMLENS_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a file: the project's packages

from bench.harness import ROOT
from bench.stats import pct
from components import data, event_tests

TARGET_MS = 300.0
EVENT = "2025-03-07"
SERIES = ("brent_spot_eia", "wti_spot_eia")
BENCHMARK = "wti_spot_eia"


def compute_once(model: str, series: dict) -> None:
    for sid, values in series.items():
        bench = series[BENCHMARK] if sid != BENCHMARK else series["brent_spot_eia"]  # WTI against Brent
        event_tests.study(
            values, EVENT, model=model, benchmark=bench, placebo=1000, seed=0, kind="log", benchmark_kind="log"
        )


def bench_compute(reps: int) -> dict[str, list[float]]:
    series = {sid: data.load_series(sid) for sid in SERIES}
    out = {}
    for model in ("mean", "market_adjusted", "market"):
        compute_once(model, series)  # warm
        times = []
        for _ in range(reps):
            started = time.perf_counter()
            compute_once(model, series)
            times.append(time.perf_counter() - started)
        out[model] = times
    return out


def bench_rerun(reps: int) -> dict[str, list[float]]:
    from streamlit.testing.v1 import AppTest

    pages = {
        "floor:plotly": ROOT / "bench" / "floors" / "plotly_line.py",
        "Event_study": ROOT / "pages" / "5_Event_study.py",
    }
    out = {}
    for label, path in pages.items():
        app = AppTest.from_file(str(path), default_timeout=120)
        if label == "Event_study":
            app.query_params.update(es_series=",".join(SERIES), es_placebo="1000", es_model="market")
        app.run()
        times = []
        for _ in range(reps):
            started = time.perf_counter()
            app.run()
            times.append(time.perf_counter() - started)
        if app.exception:
            print(f"  {label}: exception on the page ({app.exception[0].message[:100]})")
        out[label] = times
    return out


def bench_slider(reps: int) -> dict[str, list[float]]:
    import tempfile

    from playwright.sync_api import sync_playwright

    from bench.browser import INPUT_CLOCK_JS, drive_slider, interact_once, launch_chromium, wait_app_ready
    from bench.harness import start_streamlit, stop_process, wait_health

    log_dir = Path(tempfile.mkdtemp(prefix="claimlens-bench-es-"))
    servers = [
        start_streamlit("app.py", log_dir=log_dir),
        start_streamlit("bench/floors/plotly_line.py", log_dir=log_dir),
    ]
    out: dict[str, list[float]] = {"floor:plotly": [], "Event_study": []}
    try:
        for proc, port, log in servers:
            wait_health(port, proc, log=log)
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            pages = {}
            for label, (_, port, _) in zip(("Event_study", "floor:plotly"), servers):
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                context.add_init_script(INPUT_CLOCK_JS)
                page = context.new_page()
                page.goto(f"http://127.0.0.1:{port}/" + ("Event_study" if label == "Event_study" else ""))
                wait_app_ready(page)
                interact_once(page, drive_slider)  # warm-up
                pages[label] = page
            for _ in range(reps):
                for label in ("floor:plotly", "Event_study"):
                    out[label].append(interact_once(pages[label], drive_slider))
            browser.close()
    finally:
        for proc, _, _ in servers:
            stop_process(proc)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reps", type=int, default=30)
    parser.add_argument("--only", default="compute,rerun,slider")
    parser.add_argument("--slider-reps", type=int, default=12, help="slider moves per page (even: Home, End, ...)")
    args = parser.parse_args(argv)
    wanted = set(args.only.split(","))
    if "compute" in wanted:
        print("COMPUTE: one event, two series, 3 windows, 1,000 placebo draws (warm, ms)")
        for model, times in bench_compute(args.reps).items():
            median, p95 = statistics.median(times) * 1000, pct(times, 0.95) * 1000
            verdict = "ok" if p95 < TARGET_MS else "OVER"
            print(f"  {model:<16} median {median:7.1f}  p95 {p95:7.1f}  target < {TARGET_MS:.0f}  {verdict}")
    if "rerun" in wanted:
        print("RERUN: warm AppTest run() (ms)")
        reruns = bench_rerun(args.reps)
        floor = statistics.median(reruns["floor:plotly"])
        for label, times in reruns.items():
            median = statistics.median(times)
            print(
                f"  {label:<16} median {median * 1000:7.1f}  p95 {pct(times, 0.95) * 1000:7.1f}  "
                f"x plotly floor {median / floor:5.2f}"
            )
    if "slider" in wanted:
        print("SLIDER -> REDRAWN CHART in Chromium, page and floor in turn (ms)")
        moves = bench_slider(args.slider_reps)
        floor = statistics.median(moves["floor:plotly"])
        for label, times in moves.items():
            median = statistics.median(times)
            verdict = "ok" if median / floor <= 1.2 else "OVER"
            print(
                f"  {label:<16} median {median * 1000:7.0f}  p95 {pct(times, 0.95) * 1000:7.0f}  "
                f"x plotly floor {median / floor:5.2f}  target <= 1.2  {verdict}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
