"""Browser sessions for bench/load.py (--client browser): each session is its own context (own cookies, own
Streamlit session and websocket) in one Debian chromium, looping: move the page's first slider to its other end,
wait until the chart data changed (latency), wait until the run finished. Errors: an exception box, a failed or
non-loopback request, a page error, a timeout. The browsers themselves take most of a 2-core machine: for the
server's side of the load use the websocket client (bench/streamlit_ws.py, the default of bench/load.py).
"""

from __future__ import annotations

import asyncio
import time

from bench.browser import CHROMIUM, CHROMIUM_ARGS, SIGNATURE_JS, STABLE_JS, RequestLog, is_local_url


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


async def run_browsers(url: str, sessions: int, seconds: float) -> dict:
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
