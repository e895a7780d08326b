"""Other sessions' slider -> redraw while a paste runs, measured at the server (issue 15, item 1).

    python bench/bench_paste_load.py                 # 2 slider sessions; 20 s idle, then 20 s with pastes
    python bench/bench_paste_load.py --sessions 3 --seconds 30

One app server. Websocket sessions (bench/streamlit_ws.py) move the Oil markets date slider in a loop, first
alone (idle), then while one more session pastes, on the Actor network page's "Bring your own article" tab, the
worst text under the limit (comma-separated names up to 200 KB, each paste different so no cache helps), waits a
second as a reader would, and pastes again. Each slider rerun is timed from sending to script_finished; the
reruns that overlap a paste are compared with the idle ones. Target: median during a paste <= 1.5x idle.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from streamlit.proto.WidgetStates_pb2 import WidgetState

from bench.harness import start_streamlit, stop_process, wait_health
from bench.load import slider_state
from bench.stats import pct
from bench.streamlit_ws import Session
from components.claimscan.text_input import MAX_BYTES

TARGET = 1.5
PAGE, SLIDER = "Oil_markets", "oil_range"
PASTE_PAGE, PASTE_KEY = "Actor_network", "net_byo_text"


def worst_paste(turn: int) -> str:
    """Comma-separated capitalised names up to the byte limit: the most names, pairs and candidates a paste can
    carry (the case the issue measured at ~100 s before scanning was bounded)."""
    text = ", ".join(f"Name{turn:03d}x{i:05d} Person" for i in range(12_000)) + "."
    return text.encode("utf-8")[: MAX_BYTES - 1].decode("utf-8", "ignore")


async def slide(base: str, until: float, timings: list[tuple[float, float]], errors: list[str]) -> None:
    async with Session(base, timeout=120) as session:
        first = await session.run(PAGE)
        if not first.ok or SLIDER not in session.widgets:
            errors.append(f"slider page: {first.status} {first.exceptions[:1]}")
            return
        turn = 0
        while time.monotonic() < until:
            started = time.monotonic()
            run = await session.set_widget(SLIDER, slider_state(session.widgets[SLIDER], turn))
            turn += 1
            if not run.ok:
                errors.append(f"slider rerun {run.status}")
                return
            timings.append((started, time.monotonic()))


async def open_paster(base: str) -> Session:
    """The pasting session, on its page, after a first short paste (a reader's first try: the worker is warm)."""
    session = await Session(base, timeout=120).__aenter__()
    first = await session.run(PASTE_PAGE)
    if not first.ok or PASTE_KEY not in session.widgets:
        raise RuntimeError(f"paste page: {first.status} {first.exceptions[:1]}")
    warm = WidgetState()
    warm.string_value = "India bought less Russian crude in 2025, Kpler said."
    await session.set_widget(PASTE_KEY, warm)
    return session


async def paste(session: Session, until: float, spans: list[tuple[float, float]], errors: list[str]) -> None:
    turn = 0
    while time.monotonic() < until:
        state = WidgetState()
        state.string_value = worst_paste(turn)
        turn += 1
        started = time.monotonic()
        run = await session.set_widget(PASTE_KEY, state)
        spans.append((started, time.monotonic()))
        if not run.ok:
            errors.append(f"paste run {run.status} {run.exceptions[:1]}")
            return
        await asyncio.sleep(1.0)


def overlaps(span: tuple[float, float], others: list[tuple[float, float]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in others)


async def measure(base: str, sessions: int, seconds: float) -> dict:
    errors: list[str] = []
    paster = await open_paster(base)
    try:
        idle: list[tuple[float, float]] = []
        until = time.monotonic() + seconds
        await asyncio.gather(*(slide(base, until, idle, errors) for _ in range(sessions)))
        busy: list[tuple[float, float]] = []
        spans: list[tuple[float, float]] = []
        until = time.monotonic() + seconds
        await asyncio.gather(
            paste(paster, until, spans, errors), *(slide(base, until, busy, errors) for _ in range(sessions))
        )
    finally:
        await paster.__aexit__(None, None, None)
    during = [end - start for start, end in busy if overlaps((start, end), spans)]
    return {
        "idle": [end - start for start, end in idle],
        "during": during,
        "pastes": [end - start for start, end in spans],
        "errors": errors,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sessions", type=int, default=2, help="slider sessions (default 2)")
    ap.add_argument("--seconds", type=float, default=20, help="length of each phase (default 20 s)")
    args = ap.parse_args(argv)
    proc, port, log = start_streamlit("app.py", log_dir=Path(tempfile.mkdtemp(prefix="claimlens-bench-")))
    try:
        wait_health(port, proc, log=log)
        result = asyncio.run(measure(f"http://127.0.0.1:{port}", args.sessions, args.seconds))
    finally:
        stop_process(proc)
    idle, during, pastes = result["idle"], result["during"], result["pastes"]
    if not idle or not during:
        print(f"not enough runs: idle {len(idle)}, during a paste {len(during)}; errors {result['errors'][:3]}")
        return 1
    ratio = statistics.median(during) / statistics.median(idle)
    print(
        f"pastes: {len(pastes)}, median {statistics.median(pastes) * 1000:.0f} ms, slowest {max(pastes) * 1000:.0f} ms"
    )
    print(f"{'slider rerun':<24}{'runs':>6}{'median ms':>11}{'p95 ms':>9}")
    for label, values in (("idle", idle), ("while a paste runs", during)):
        print(f"{label:<24}{len(values):>6}{statistics.median(values) * 1000:>11.0f}{pct(values, 0.95) * 1000:>9.0f}")
    print(f"ratio (median) {ratio:.2f}x  target <= {TARGET}x  {'ok' if ratio <= TARGET else 'OVER'}")
    print(f"errors: {len(result['errors'])} {result['errors'][:3]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
