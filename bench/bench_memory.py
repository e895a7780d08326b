"""Does memory come back? Server RSS: warmed by one session, during 30 concurrent sessions, and after they end.

    python bench/bench_memory.py [--sessions 30] [--idle 60] [--runs 2]

Steps (one fresh offline server, lightweight websocket sessions from bench/streamlit_ws.py, no browser):
1. warm: one session opens every page once (modules imported, caches filled), closes; RSS after 5 s = the
   warmed single-session server, the baseline;
2. load: N sessions at once, each opening every page `--runs` times with its own query string (so cached
   figures differ per session as they would for real visitors), then closing;
3. idle: RSS sampled every 5 s for `--idle` seconds after the last session closed.
The target (issue 15): RSS after the idle period within 100 MB of the baseline. Also printed: the Python heap
(tracemalloc is not used: it would slow the server; the heap is read from /proc and from Streamlit's own
/_stcore/metrics cache sizes) so what is ours (st.cache_* entries) and what is Streamlit's or the allocator's
can be told apart.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a file: the project's packages

from bench.harness import start_streamlit, stop_process, wait_health
from bench.streamlit_ws import Session

PAGES = ["", "Claims", "Oil_markets", "Trade_flows", "Currencies", "Event_study", "Actor_network", "Hindsight",
         "Data_sources"]  # fmt: skip
QUERIES = {
    "Oil_markets": "oil_range=2024-{m:02d}-01..2025-06-30&oil_log={b}",
    "Currencies": "fx_range=2023-{m:02d}-01..2025-06-30",
    "Claims": "claims_page={p}",
    "Event_study": "es_w3=0,{w}&es_est={est}",
    "Trade_flows": "trade_view={view}",
}


def rss_mb(pid: int) -> float:
    text = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+)", text).group(1)) / 1024


def cache_metrics(base: str) -> dict[str, float]:
    """Streamlit's own count of bytes held by st.cache_data / st.cache_resource, per cached function."""
    try:
        with urllib.request.urlopen(base + "/_stcore/metrics", timeout=10) as resp:
            text = resp.read().decode()
    except OSError:
        return {}
    out: dict[str, float] = {}
    for line in text.splitlines():
        match = re.match(r'cache_memory_bytes\{cache_type="(\w+)",cache="([^"]+)"\}\s+([0-9.e+]+)', line)
        if match:
            key = f"{match.group(1)}:{match.group(2).rsplit('.', 1)[-1]}"
            out[key] = out.get(key, 0.0) + float(match.group(3))
    return out


def query_for(page: str, session: int, run: int) -> str:
    form = QUERIES.get(page, "")
    views = ("providers", "figures", "share", "suppliers", "versus", "brent")
    return form.format(
        m=1 + (session + run) % 12,
        b=(session + run) % 2,
        p=1 + session % 3,
        w=3 + session % 5,
        est=60 + 20 * (run % 4),
        view=views[(session + run) % len(views)],
    )


async def one_session(base: str, index: int, runs: int, failures: list[str]) -> float:
    started = time.perf_counter()
    async with Session(base) as session:
        for run in range(runs):
            for page in PAGES:
                result = await session.run(page, query_for(page, index, run))
                if not result.ok:
                    failures.append(f"session {index} {page or 'Home'}: {result.status} {result.exceptions[:1]}")
    return time.perf_counter() - started


async def many(base: str, count: int, runs: int, pid: int, peak: list[float]) -> tuple[list[float], list[str]]:
    failures: list[str] = []

    async def sample() -> None:
        while True:
            peak.append(rss_mb(pid))
            await asyncio.sleep(1)

    sampler = asyncio.create_task(sample())
    try:
        times = await asyncio.gather(*(one_session(base, i, runs, failures) for i in range(count)))
    finally:
        sampler.cancel()
    return list(times), failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument("--idle", type=float, default=60.0)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument(
        "--env", action="append", default=[], help="NAME=VALUE for the server (e.g. MALLOC_ARENA_MAX=2)"
    )
    args = parser.parse_args()
    extra = dict(item.split("=", 1) for item in args.env)
    proc, port, log = start_streamlit("app.py", extra_env=extra)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_health(port, proc, log=log)
        started_mb = rss_mb(proc.pid)
        failures: list[str] = []
        asyncio.run(one_session(base, 0, 1, failures))
        time.sleep(5)
        warm_mb = rss_mb(proc.pid)
        warm_caches = cache_metrics(base)
        print(f"server {port}: RSS at start {started_mb:.0f} MB, warmed by one session {warm_mb:.0f} MB")
        peak: list[float] = []
        t0 = time.perf_counter()
        times, load_failures = asyncio.run(many(base, args.sessions, args.runs, proc.pid, peak))
        failures += load_failures
        wall = time.perf_counter() - t0
        print(
            f"{args.sessions} sessions x {args.runs} x {len(PAGES)} page runs in {wall:.0f} s: "
            f"peak RSS {max(peak):.0f} MB, slowest session {max(times):.0f} s, failures {len(failures)}"
        )
        for line in failures[:5]:
            print("  ", line)
        end_mb = rss_mb(proc.pid)
        samples = []
        t_idle = time.perf_counter()
        while time.perf_counter() - t_idle < args.idle:
            time.sleep(5)
            samples.append((time.perf_counter() - t_idle, rss_mb(proc.pid)))
        idle_mb = rss_mb(proc.pid)
        caches = cache_metrics(base)
        print(
            f"RSS when the last session closed {end_mb:.0f} MB; idle: "
            + ", ".join(f"{s:.0f}s {m:.0f}" for s, m in samples)
        )
        held = sum(caches.values()) / 1e6
        print(
            f"st.cache_* entries hold {held:.1f} MB after the run ({sum(warm_caches.values()) / 1e6:.1f} MB when warm):"
        )
        for key, value in sorted(caches.items(), key=lambda kv: -kv[1])[:8]:
            print(f"   {key:<40} {value / 1e6:7.2f} MB")
        excess = idle_mb - warm_mb
        verdict = "within" if excess <= 100 else "OVER"
        print(
            f"RESULT after {args.idle:.0f} s idle: {idle_mb:.0f} MB vs warmed single session {warm_mb:.0f} MB: "
            f"+{excess:.0f} MB ({verdict} the 100 MB target); peak {max(peak):.0f} MB"
        )
        return 0 if excess <= 100 and not failures else 1
    finally:
        stop_process(proc)


if __name__ == "__main__":
    sys.exit(main())
