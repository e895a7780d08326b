"""Browser-test harness (importable: tests.e2e.harness): start/stop an offline Streamlit server, find Debian
chromium, one shared sync Playwright per process, and a log of every request a page makes.

Missing chromium/playwright -> the browser tests skip, unless CLAIMLENS_REQUIRE_BROWSER=1 (CI), then they fail.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]


CHROMIUM = os.environ.get("CLAIMLENS_CHROMIUM", "/usr/bin/chromium")


CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


REQUIRE = os.environ.get("CLAIMLENS_REQUIRE_BROWSER", "").strip().lower() in ("1", "true", "yes")


LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}


LOCAL_SCHEMES = {"data", "blob", "about"}


E2E_DIR = Path(__file__).resolve().parent


# ------------------------------------------------------------------ helpers (also used by test_replicas.py)
def skip_or_fail(reason: str):
    """Skip (a developer machine without the tool) or fail (CI, CLAIMLENS_REQUIRE_BROWSER=1)."""
    if REQUIRE:
        pytest.fail(f"{reason} (CLAIMLENS_REQUIRE_BROWSER=1)")
    pytest.skip(reason)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_health(
    port: int, proc: subprocess.Popen | None = None, timeout: float = 90.0, log: Path | None = None
) -> float:
    """Poll /_stcore/health until it answers 'ok'; returns the seconds waited."""
    t0 = time.monotonic()
    url = f"http://127.0.0.1:{port}/_stcore/health"
    while time.monotonic() - t0 < timeout:
        if proc is not None and proc.poll() is not None:
            detail = log.read_text(errors="replace")[-3000:] if log and log.exists() else ""
            raise RuntimeError(f"streamlit exited with {proc.returncode} before it was healthy\n{detail}")
        try:
            with urllib.request.urlopen(url, timeout=2) as resp:
                if resp.status == 200 and resp.read().strip() == b"ok":
                    return time.monotonic() - t0
        except OSError:
            pass
        time.sleep(0.1)
    raise TimeoutError(f"streamlit on port {port} not healthy after {timeout:.0f} s")


def start_streamlit(
    script: str = "app.py",
    port: int | None = None,
    cwd: Path = ROOT,
    extra_env: dict | None = None,
    log_dir: Path | None = None,
) -> tuple[subprocess.Popen, int, Path]:
    """Start `streamlit run <script>` headless on 127.0.0.1 in its own process group."""
    port = port or free_port()
    log_dir = log_dir or Path(tempfile.mkdtemp(prefix="claimlens-e2e-"))
    log = log_dir / f"streamlit-{port}.log"
    env = dict(os.environ)
    env.update({"CLAIMLENS_OFFLINE": "1", "PYTHONUNBUFFERED": "1"})
    env.setdefault("CLAIMLENS_CACHE_DIR", str(log_dir / "cache"))
    env.update(extra_env or {})
    cmd = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        script,
        "--server.headless",
        "true",
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--browser.gatherUsageStats",
        "false",
    ]
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            cmd, cwd=str(cwd), env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    return proc, port, log


def stop_process(proc: subprocess.Popen, timeout: float = 10.0) -> None:
    """Terminate the process group we started (and only it)."""
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait(timeout=5)


def is_local_url(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in LOCAL_SCHEMES:
        return True
    host = (parts.hostname or "").lower()
    return parts.scheme in ("http", "https", "ws", "wss") and host in {h.strip("[]") for h in LOCAL_HOSTS}


def launch_chromium(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


STABLE_JS = """() => {
    const st = document.querySelector('[data-testid="stStatusWidget"]');
    const running = !!(st && /running|connecting|rerun/i.test(st.innerText || '')) ||
        !!document.querySelector(
            '[data-testid="stStatusWidgetRunningIcon"], [data-testid="stStatusWidgetRunningManIcon"]');
    const main = document.querySelector('[data-testid="stMain"]') || document.body;
    return JSON.stringify({
        running: running,
        stale: document.querySelectorAll('[data-stale="true"]').length,
        skeleton: document.querySelectorAll('[data-testid="stSkeleton"]').length,
        elements: document.querySelectorAll('[data-testid="stElementContainer"]').length,
        plots: document.querySelectorAll('.js-plotly-plot').length,
        traces: document.querySelectorAll(
            '.js-plotly-plot .scatterlayer .trace, .js-plotly-plot .barlayer .trace').length,
        frames: document.querySelectorAll('iframe').length,
        text: (main.innerText || '').length,
    });
}"""


def wait_app_ready(page, timeout: float = 60.0, quiet: float = 1.0) -> None:
    """Streamlit has drawn the title and finished: no run in progress, nothing stale, and the DOM (elements,
    plots, traces, iframes, text) unchanged for `quiet` seconds."""
    page.wait_for_selector('[data-testid="stApp"]', timeout=timeout * 1000)
    page.wait_for_selector("h1", timeout=timeout * 1000)
    deadline = time.monotonic() + timeout
    last, since = None, time.monotonic()
    while time.monotonic() < deadline:
        state = page.evaluate(STABLE_JS)
        busy = '"running":true' in state or '"stale":0' not in state or '"skeleton":0' not in state
        if state != last or busy:
            last, since = state, time.monotonic()
        elif time.monotonic() - since >= quiet:
            return
        page.wait_for_timeout(100)
    raise TimeoutError(f"page did not settle within {timeout} s: {last}")


_SHARED: dict = {}


def shared_browser():
    """One sync Playwright + chromium per process (Playwright allows one sync instance per thread), shared by the
    `browser` fixture and tests outside tests/e2e (test_replicas.py); closed by close_shared_browser()."""
    if _SHARED.get("browser") is None:
        from playwright.sync_api import sync_playwright

        manager = sync_playwright()
        _SHARED["manager"], _SHARED["pw"] = manager, manager.start()
        _SHARED["browser"] = launch_chromium(_SHARED["pw"])
    return _SHARED["browser"]


def close_shared_browser() -> None:
    browser, manager = _SHARED.pop("browser", None), _SHARED.pop("manager", None)
    _SHARED.pop("pw", None)
    try:
        if browser is not None:
            browser.close()
    finally:
        if manager is not None:
            manager.__exit__(None, None, None)


class RequestLog:
    """Every URL the page asked for, and every request that failed."""

    def __init__(self, page):
        self.urls: list[str] = []
        self.failed: list[str] = []
        self.page_errors: list[str] = []
        page.on("request", lambda r: self.urls.append(r.url))
        page.on("requestfailed", lambda r: self.failed.append(f"{r.url} ({r.failure})"))
        page.on(
            "response",
            lambda r: (
                self.failed.append(f"{r.url} (HTTP {r.status})")
                if r.status >= 400 and not self.base_probe(r.url, r.status)
                else None
            ),
        )
        page.on("pageerror", lambda e: self.page_errors.append(str(e)))

    @staticmethod
    def base_probe(url: str, status: int) -> bool:
        """Streamlit's frontend finds its base path by trying <page path>/_stcore/health and /host-config first;
        on a deep link (/Oil_markets) those probes 404 by design before it falls back to /_stcore/..."""
        path = urlsplit(url).path
        return status == 404 and path.count("/") >= 3 and path.endswith(("/_stcore/health", "/_stcore/host-config"))

    def foreign(self) -> list[str]:
        return [u for u in self.urls if not is_local_url(u)]
