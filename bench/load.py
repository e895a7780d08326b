"""Load test: N concurrent browser sessions drive one page's slider for a fixed time on loopback.

    python bench/load.py                      # 20 sessions, 60 s, page Oil_markets, own server on a free port
    python bench/load.py --sessions 10 --seconds 30 --page Currencies
    python bench/load.py --url http://127.0.0.1:8080   # an already running app/proxy (e.g. nginx + replicas)
    python bench/load.py --script bench/floors/plotly_line.py --page ""   # the same load on the plotly floor

Each session is its own browser context (own cookies, own Streamlit session/websocket) in one Debian chromium.
A session loops: move the page's first slider to its other end, wait until the chart data changed (latency),
wait until the run finished. Errors: an exception box, a failed or non-loopback request, a page error, a
timeout. Bounded (<= 50 sessions, <= 600 s) and stops by itself; the server it started is stopped at the end.
Reported, not run in CI. Results: stdout + bench/results/load-<timestamp>.json (git-ignored).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a file: the project's packages

from bench.browser import CHROMIUM, CHROMIUM_ARGS, SIGNATURE_JS, STABLE_JS, RequestLog, is_local_url
from bench.harness import ROOT, rss_mb, start_streamlit, stop_process, wait_health
from bench.stats import pct

MAX_SESSIONS, MAX_SECONDS = 50, 600


async def settle(page, timeout: float = 60.0, quiet: float = 0.3) -> None:
    deadline, last, since = time.monotonic() + timeout, None, time.monotonic()
    while time.monotonic() < deadline:
        state = await page.evaluate(STABLE_JS)
        busy = '"running":true' in state or '"stale":0' not in state
        if state != last or busy:
            last, since = state, time.monotonic()
        elif time.monotonic() - since >= quiet:
            return
        await asyncio.sleep(0.1)
    raise TimeoutError("page did not settle")


class StartLine:
    """All sessions load first; the timed window starts when the last one is ready (or has failed)."""

    def __init__(self, sessions: int, seconds: float):
        self.left, self.seconds, self.event, self.deadline = sessions, seconds, asyncio.Event(), 0.0

    def arrive(self) -> None:
        self.left -= 1
        if self.left == 0:
            self.deadline = time.monotonic() + self.seconds
            self.event.set()

    async def wait(self) -> float:
        await self.event.wait()
        return self.deadline


async def session(n: int, browser, url: str, start: StartLine, stats: dict) -> None:
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    urls, failed, page_errors = [], [], []
    page.on("request", lambda r: urls.append(r.url))
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.on(
        "response",
        lambda r: (
            failed.append(f"{r.url} {r.status}")
            if r.status >= 400 and not RequestLog.base_probe(r.url, r.status)
            else None
        ),
    )
    page.on("pageerror", lambda e: page_errors.append(str(e)))
    arrived = False
    try:
        t0 = time.perf_counter()
        await page.goto(url, timeout=120_000)
        await page.wait_for_selector("h1", timeout=120_000)
        await page.wait_for_selector(".js-plotly-plot .trace", timeout=120_000)
        await settle(page, timeout=120)
        stats["load"].append(time.perf_counter() - t0)
        arrived = True
        start.arrive()
        deadline = await start.wait()
        thumb = page.locator('[data-testid="stMain"] [data-testid="stSlider"] input[type="range"]').first
        while time.monotonic() < deadline:
            before = await page.evaluate(SIGNATURE_JS)
            at_min = await thumb.evaluate("el => Number(el.value) <= Number(el.min)")
            t = time.perf_counter()
            await thumb.focus()
            await page.keyboard.press("End" if at_min else "Home")
            try:
                await page.wait_for_function(
                    f"(prev) => ({SIGNATURE_JS})() !== prev", arg=before, polling=50, timeout=60_000
                )
            except Exception as exc:  # noqa: BLE001 - a timeout is an error of this run
                stats["errors"].append(f"session {n}: chart did not change ({type(exc).__name__})")
                break
            stats["latency"].append(time.perf_counter() - t)
            await settle(page)
            if await page.locator('[data-testid="stException"]').count():
                stats["errors"].append(f"session {n}: exception box on the page")
                break
    except Exception as exc:  # noqa: BLE001
        stats["errors"].append(f"session {n}: {type(exc).__name__}: {str(exc)[:160]}")
    finally:
        if not arrived:
            start.arrive()
        stats["errors"] += [f"session {n}: failed request {u}" for u in failed]
        stats["errors"] += [f"session {n}: non-loopback request {u}" for u in urls if not is_local_url(u)]
        stats["errors"] += [f"session {n}: page error {e[:120]}" for e in page_errors]
        await context.close()


async def run(url: str, sessions: int, seconds: float) -> dict:
    from playwright.async_api import async_playwright

    stats = {"latency": [], "load": [], "errors": []}
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            # all sessions open at once (page load under load is reported separately); the timed window of
            # `seconds` starts when the last session is ready
            start = StartLine(sessions, seconds)
            await asyncio.wait_for(
                asyncio.gather(*(session(i, browser, url, start, stats) for i in range(sessions))),
                timeout=seconds + 400,
            )
        finally:
            await browser.close()
    return stats


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sessions", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--page", default="Oil_markets", help="URL path of a page with a slider and a plotly chart")
    ap.add_argument("--url", default="", help="base URL of a running app (default: start one on a free port)")
    ap.add_argument(
        "--script",
        default="app.py",
        help="script to start when no --url (e.g. bench/floors/plotly_line.py with --page '' for the floor)",
    )
    args = ap.parse_args(argv)
    sessions = max(1, min(args.sessions, MAX_SESSIONS))
    seconds = max(5.0, min(args.seconds, MAX_SECONDS))
    proc = None
    try:
        if args.url:
            base = args.url.rstrip("/")
        else:
            proc, port, log = start_streamlit(args.script, log_dir=Path(tempfile.mkdtemp(prefix="claimlens-load-")))
            wait_health(port, proc, log=log)
            base = f"http://127.0.0.1:{port}"
        rss_before = rss_mb(proc.pid) if proc else float("nan")
        t0 = time.perf_counter()
        stats = asyncio.run(run(f"{base}/{args.page}", sessions, seconds))
        wall = time.perf_counter() - t0
        rss_after = rss_mb(proc.pid) if proc else float("nan")
    finally:
        if proc is not None:
            stop_process(proc)
    lat = stats["latency"]
    summary = {
        "target": args.url or args.script,
        "page": args.page,
        "sessions": sessions,
        "seconds": seconds,
        "wall_s": round(wall, 1),
        "interactions": len(lat),
        "errors": len(stats["errors"]),
        "latency_ms": {
            "median": round(statistics.median(lat) * 1000) if lat else None,
            "p95": round(pct(lat, 0.95) * 1000) if lat else None,
            "max": round(max(lat) * 1000) if lat else None,
        },
        "page_load_s": {
            "median": round(statistics.median(stats["load"]), 2) if stats["load"] else None,
            "max": round(max(stats["load"]), 2) if stats["load"] else None,
        },
        "server_rss_mb": {"before": round(rss_before, 1), "after": round(rss_after, 1)},
        "first_errors": stats["errors"][:10],
    }
    print(
        f"load: {sessions} sessions x {seconds:.0f} s on /{args.page} of {args.url or args.script} ({wall:.0f} s wall)"
    )
    rate = len(lat) / seconds
    print(f"  interactions {len(lat)} ({rate:.1f}/s in the {seconds:.0f} s window), errors {len(stats['errors'])}")
    if lat:
        print(
            f"  interaction latency ms: median {summary['latency_ms']['median']}, p95 {summary['latency_ms']['p95']}, "
            f"max {summary['latency_ms']['max']}"
        )
    print(f"  page load under load s: median {summary['page_load_s']['median']}, max {summary['page_load_s']['max']}")
    print(f"  server RSS MB: {summary['server_rss_mb']['before']} before, {summary['server_rss_mb']['after']} after")
    for e in stats["errors"][:10]:
        print("  error:", e)
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"load-{time.strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(json.dumps(summary, indent=1), encoding="utf-8")
    print(f"  written: {path.relative_to(ROOT)}")
    return 0 if not stats["errors"] else 1


if __name__ == "__main__":
    sys.exit(main())
