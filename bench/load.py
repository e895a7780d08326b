"""Load test on loopback: N concurrent sessions on one page for a fixed time, measured at the server.

    python bench/load.py --compare                 # 30 websocket sessions: one server, then 2 replicas + nginx
    python bench/load.py --sessions 20 --seconds 60                  # one own server, websocket sessions
    python bench/load.py --replicas 2                                # two own replicas behind deploy/nginx.conf
    python bench/load.py --url http://127.0.0.1:8080                 # an already running app or proxy
    python bench/load.py --client browser --sessions 10              # real chromium tabs (bench/load_browser.py)

Websocket sessions (bench/streamlit_ws.py) speak Streamlit's protocol as a tab does, without a browser: each
opens /_stcore/stream (through nginx with the route cookie a first GET gave it, as a browser would) and loops for
the timed window: one page run (rerun_script with the page's URL path and query string), then --reruns slider
changes (the slider's new value as a widget state, in its st.fragment, with the query string the page wrote
back), each timed from sending to script_finished. Errors: a run that does not finish successfully, an exception
element, a timeout, a closed socket, a slider change the page's URL does not reflect. All sessions connect and
load first; the window starts when the last is ready. RSS of the server processes is sampled every 2 s.
Bounded: <= 50 sessions, <= 600 s, 60 s per run; every server it started is stopped at the end.
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
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a file: the project's packages

from streamlit.proto.Slider_pb2 import Slider as SliderProto
from streamlit.proto.WidgetStates_pb2 import WidgetState

from bench.harness import ROOT, rss_mb, start_nginx, start_streamlit, stop_process, wait_health
from bench.load_browser import StartLine, run_browsers
from bench.stats import pct
from bench.streamlit_ws import Session

MAX_SESSIONS, MAX_SECONDS, RUN_TIMEOUT = 50, 600, 60.0
DAY_MICROS = 86_400 * 1_000_000


def route_cookie(base: str) -> dict:
    """The Cookie header a browser would send after loading the page (nginx's claimlens_route), if any."""
    try:
        with urllib.request.urlopen(base + "/", timeout=10) as resp:
            cookie = resp.headers.get("Set-Cookie", "")
    except OSError:
        return {}
    return {"Cookie": cookie.split(";", 1)[0]} if cookie.startswith("claimlens_route=") else {}


def slider_state(widget, turn: int) -> WidgetState:
    """The slider's next value: a range slider alternates between its whole span and its last year (or half),
    a single slider between its ends; always a change from the value before."""
    state = WidgetState()
    low, high = widget.element.min, widget.element.max
    if len(widget.element.default) == 2:
        start = (
            max(low, high - 365 * DAY_MICROS)
            if widget.element.data_type in (SliderProto.DATE, SliderProto.DATETIME)
            else (low + high) / 2
        )
        state.double_array_value.data.extend([low, high] if turn % 2 else [start, high])
    else:
        state.double_array_value.data.extend([high if turn % 2 else low])
    return state


async def ws_session(n: int, base: str, page: str, slider: str, reruns: int, start: StartLine, stats: dict) -> None:
    arrived = False

    def failed(what: str) -> None:
        stats["errors"].append(f"session {n}: {what}")

    try:
        headers = await asyncio.to_thread(route_cookie, base)
        async with Session(base, timeout=RUN_TIMEOUT, headers=headers) as session:
            first = await session.run(page)
            if not first.ok:
                failed(f"first page run {first.status} {first.exceptions[:1]}")
                return
            stats["load"].append(first.seconds)
            if slider not in session.widgets:
                failed(f"no widget {slider!r} on /{page}")
                return
            arrived = True
            start.arrive()
            deadline, turn = await start.wait(), 0
            while time.monotonic() < deadline:
                for _ in range(reruns):
                    before = session.query
                    run = await session.set_widget(slider, slider_state(session.widgets[slider], turn))
                    turn += 1
                    if not run.ok:
                        failed(f"slider rerun {run.status} {run.exceptions[:1]}")
                        return
                    if session.query == before:
                        failed("slider change not reflected in the page's URL")
                    stats["rerun"].append(run.seconds)
                    if time.monotonic() >= deadline:
                        return
                run = await session.run(page)
                if not run.ok:
                    failed(f"page run {run.status} {run.exceptions[:1]}")
                    return
                stats["page"].append(run.seconds)
    except Exception as exc:  # noqa: BLE001 - a refused or broken connection is an error of this run
        failed(f"{type(exc).__name__}: {str(exc)[:160]}")
    finally:
        if not arrived:
            start.arrive()


async def sample_rss(pids: list[int], samples: list, every: float = 2.0) -> None:
    t0 = time.monotonic()
    while True:
        samples.append((round(time.monotonic() - t0, 1), round(sum(rss_mb(p) for p in pids), 1)))
        await asyncio.sleep(every)


async def run_ws(base: str, page: str, slider: str, sessions: int, seconds: float, reruns: int, pids) -> dict:
    stats = {"load": [], "page": [], "rerun": [], "errors": [], "rss": []}
    sampler = asyncio.create_task(sample_rss(pids, stats["rss"])) if pids else None
    start = StartLine(sessions, seconds)
    try:
        await asyncio.wait_for(
            asyncio.gather(*(ws_session(i, base, page, slider, reruns, start, stats) for i in range(sessions))),
            timeout=seconds + 300,
        )
    finally:
        if sampler:
            sampler.cancel()
    return stats


def summary(label: str, stats: dict, seconds: float) -> dict:
    def ms(values: list[float]) -> dict:
        if not values:
            return {"n": 0, "median": None, "p95": None}
        return {
            "n": len(values),
            "median": round(statistics.median(values) * 1000),
            "p95": round(pct(values, 0.95) * 1000),
        }

    rss = [mb for _, mb in stats.get("rss", [])]
    runs = len(stats["page"]) + len(stats["rerun"])
    return {
        "target": label,
        "errors": len(stats["errors"]),
        "load_ms": ms(stats.get("load", [])),
        "page_ms": ms(stats["page"]),
        "rerun_ms": ms(stats["rerun"]),
        "runs_per_s": round(runs / seconds, 1),
        "rss_mb": {
            "first": rss[0] if rss else None,
            "max": max(rss) if rss else None,
            "last": rss[-1] if rss else None,
        },
        "rss_series": stats.get("rss", []),
        "first_errors": stats["errors"][:10],
    }


def start_target(replicas: int, folder: Path) -> tuple[str, list, list[int]]:
    """`replicas` app servers (and nginx in front when more than one); returns base URL, processes, app pids."""
    procs, ports = [], []
    try:
        for _ in range(replicas):
            proc, port, log = start_streamlit("app.py", log_dir=folder)
            procs.append(proc)
            ports.append((port, proc, log))
        for port, proc, log in ports:
            wait_health(port, proc, log=log)
        app_pids = [proc.pid for proc in procs]
        if replicas == 1:
            return f"http://127.0.0.1:{ports[0][0]}", procs, app_pids
        nginx, listen = start_nginx(folder, [port for port, _, _ in ports])
        procs.append(nginx)
        wait_health(listen, nginx, log=folder / "error.log", timeout=30)
        return f"http://127.0.0.1:{listen}", procs, app_pids
    except BaseException:
        for proc in reversed(procs):
            stop_process(proc)
        raise


def measure(args, replicas: int, base: str = "") -> dict:
    folder = Path(tempfile.mkdtemp(prefix="claimlens-load-"))
    procs, pids = [], []
    try:
        if not base:
            base, procs, pids = start_target(replicas, folder)
        label = base if args.url else ("1 server" if replicas == 1 else f"{replicas} replicas + nginx")
        print(
            f"load: {args.sessions} {args.client} sessions x {args.seconds:.0f} s on /{args.page} of {label}",
            flush=True,
        )
        if args.client == "browser":
            stats = asyncio.run(run_browsers(f"{base}/{args.page}", args.sessions, args.seconds))
            stats = {"load": stats["load"], "page": [], "rerun": stats["latency"], "errors": stats["errors"]}
        else:
            stats = asyncio.run(run_ws(base, args.page, args.slider, args.sessions, args.seconds, args.reruns, pids))
        return summary(label, stats, args.seconds)
    finally:
        for proc in reversed(procs):
            stop_process(proc)


def table(results: list[dict]) -> str:
    head = f"{'target':<22}{'errors':>7}{'page med':>10}{'page p95':>10}{'rerun med':>11}{'rerun p95':>11}"
    head += f"{'runs/s':>8}{'RSS first':>11}{'RSS max':>9}{'RSS last':>10}"
    lines = [head]
    for r in results:
        p, q, m = r["page_ms"], r["rerun_ms"], r["rss_mb"]
        lines.append(
            f"{r['target']:<22}{r['errors']:>7}{p['median'] or '-':>10}{p['p95'] or '-':>10}"
            f"{q['median'] or '-':>11}{q['p95'] or '-':>11}{r['runs_per_s']:>8}"
            f"{m['first'] or '-':>11}{m['max'] or '-':>9}{m['last'] or '-':>10}"
        )
    if len(results) == 2:
        one, two = results

        def ratio(a, b):
            return f"{b / a:.2f}x" if a and b else "-"

        lines.append(
            f"{'ratio 2nd / 1st':<22}{'':>7}{ratio(one['page_ms']['median'], two['page_ms']['median']):>10}"
            f"{ratio(one['page_ms']['p95'], two['page_ms']['p95']):>10}"
            f"{ratio(one['rerun_ms']['median'], two['rerun_ms']['median']):>11}"
            f"{ratio(one['rerun_ms']['p95'], two['rerun_ms']['p95']):>11}"
            f"{ratio(one['runs_per_s'], two['runs_per_s']):>8}{'':>11}"
            f"{ratio(one['rss_mb']['max'], two['rss_mb']['max']):>9}"
        )
    lines.append("ms: page = a fresh page run, rerun = a slider change; runs/s = both kinds in the window; RSS in MB")
    lines.append("of the app processes (for replicas their sum; nginx not counted), sampled every 2 s")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--client", choices=("ws", "browser"), default="ws")
    ap.add_argument("--sessions", type=int, default=30)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--page", default="Oil_markets", help="URL path of a page with a slider and a plotly chart")
    ap.add_argument("--slider", default="oil_range", help="widget key of the slider to move (websocket client)")
    ap.add_argument("--reruns", type=int, default=4, help="slider changes per page run (websocket client)")
    ap.add_argument("--replicas", type=int, default=1, help="own app servers; more than one are put behind nginx")
    ap.add_argument("--compare", action="store_true", help="one server, then two replicas behind nginx, one table")
    ap.add_argument("--url", default="", help="base URL of a running app or proxy (no server started)")
    args = ap.parse_args(argv)
    args.sessions = max(1, min(args.sessions, MAX_SESSIONS))
    args.seconds = max(5.0, min(args.seconds, MAX_SECONDS))
    if args.url:
        results = [measure(args, 1, args.url.rstrip("/"))]
    else:
        results = [measure(args, n) for n in ((1, 2) if args.compare else (max(1, min(args.replicas, 4)),))]
    report = table(results)
    print("\n" + report)
    for r in results:
        for e in r["first_errors"]:
            print(f"  error ({r['target']}): {e}")
        print(f"  RSS over time ({r['target']}): " + " ".join(f"{t:.0f}s={mb:.0f}" for t, mb in r["rss_series"][::5]))
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"load-{time.strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(json.dumps({"args": vars(args), "results": results}, indent=1), encoding="utf-8")
    print(f"  written: {path.relative_to(ROOT)}")
    return 0 if not any(r["errors"] for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
