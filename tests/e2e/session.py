"""The pytest side of the browser and server tests: skip or fail when a tool is missing, and one sync
Playwright + chromium per test process (the servers and browser helpers themselves are bench/harness.py and
bench/browser.py, shared with the benchmarks).

Missing chromium/playwright/nginx -> those tests skip, unless CLAIMLENS_REQUIRE_BROWSER=1 (CI), then they fail.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

import pytest

from bench.browser import launch_chromium

REQUIRE = os.environ.get("CLAIMLENS_REQUIRE_BROWSER", "").strip().lower() in ("1", "true", "yes")
E2E_DIR = Path(__file__).resolve().parent


def skip_or_fail(reason: str):
    """Skip (a developer machine without the tool) or fail (CI, CLAIMLENS_REQUIRE_BROWSER=1)."""
    if REQUIRE:
        pytest.fail(f"{reason} (CLAIMLENS_REQUIRE_BROWSER=1)")
    pytest.skip(reason)


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


@contextmanager
def fresh_app_server(log_dir: Path):
    """Base URL of a new offline `streamlit run app.py` (healthy); its process group is stopped on exit."""
    from bench.harness import start_streamlit, stop_process, wait_health

    proc, port, log = start_streamlit("app.py", log_dir=log_dir)
    try:
        wait_health(port, proc, log=log)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop_process(proc)
