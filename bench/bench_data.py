"""Benchmark: load every snapshot series, cold and warm, as ratios to a minimal Streamlit page.

Run: `python bench/bench_data.py [--repeat N]`. A script, not a timed test: numbers depend on the machine,
so each one is set against a hello-world Streamlit page measured the same way in the same run.
  cold  = a fresh Python process: import, then run the page once through AppTest (whole process wall time)
  warm  = the same page run again in one process (Streamlit's cache warm), median and p95 of N runs
  raw   = components.data.load_series for every snapshot series without Streamlit: first pass and second pass
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a file: the project's packages

from bench.harness import ROOT
from bench.stats import pct

HELLO = 'import streamlit as st\nst.write("hello")\n'
LOAD_ALL = """import streamlit as st
from components import ui
cat = ui.catalog()
ids = cat.loc[(cat["origin"] == "snapshot") & (cat["status"] == "ok"), "id"]
total = sum(len(ui.series(i)) for i in ids)
st.write(f"{len(ids)} series, {total} points")
"""


def _apptest_runs(script: str, repeat: int) -> list[float]:
    from streamlit.testing.v1 import AppTest

    times = []
    for _ in range(repeat):
        at = AppTest.from_string(script, default_timeout=60)
        start = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - start)
        assert not at.exception, at.exception
    return times


def _cold(script: str) -> float:
    code = (
        f"import time,sys; t=time.perf_counter(); sys.path.insert(0, {str(ROOT)!r})\n"
        "from streamlit.testing.v1 import AppTest\n"
        f"at = AppTest.from_string({script!r}, default_timeout=60); at.run(); assert not at.exception\n"
        "print(time.perf_counter() - t)"
    )
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env=dict(os.environ, CLAIMLENS_OFFLINE="1"),
    )
    return time.perf_counter() - start if out.stdout else float("nan")


def _raw_load() -> tuple[float, float, int]:
    from components import data

    ids = [i for i in data.catalog().query("origin == 'snapshot'")["id"]]
    passes = []
    for _ in range(2):
        start = time.perf_counter()
        for sid in ids:
            data.load_series(sid)
        passes.append(time.perf_counter() - start)
    return passes[0], passes[1], len(ids)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="warm runs per page")
    parser.add_argument("--cold", type=int, default=3, help="cold processes per page")
    args = parser.parse_args()
    os.environ["CLAIMLENS_OFFLINE"] = "1"
    sys.path.insert(0, str(ROOT))
    os.chdir(ROOT)

    cold_floor = statistics.median(_cold(HELLO) for _ in range(args.cold))
    cold_load = statistics.median(_cold(LOAD_ALL) for _ in range(args.cold))
    warm_floor = _apptest_runs(HELLO, args.repeat)
    _apptest_runs(LOAD_ALL, 1)  # fill the cache
    warm_load = _apptest_runs(LOAD_ALL, args.repeat)
    raw_first, raw_second, n = _raw_load()

    rows = [
        ("cold: process start → page run (median)", cold_floor, cold_load),
        ("warm: page rerun, median", statistics.median(warm_floor), statistics.median(warm_load)),
        ("warm: page rerun, p95", pct(warm_floor, 0.95), pct(warm_load, 0.95)),
    ]
    print(f"\nLoad every snapshot series ({n} series) vs a hello-world Streamlit page, same run\n")
    print(f"{'measure':<42}{'hello page':>12}{'load all':>12}{'ratio':>8}")
    for label, floor, value in rows:
        print(f"{label:<42}{floor * 1000:>10.1f}ms{value * 1000:>10.1f}ms{value / floor:>7.2f}x")
    print(
        f"\nraw components.data.load_series for all {n} series (no Streamlit): "
        f"first pass {raw_first * 1000:.1f} ms, second pass {raw_second * 1000:.1f} ms"
    )


if __name__ == "__main__":
    main()
