"""Browser-test fixtures: one offline Streamlit server and one Debian chromium for the whole session.

* The server is `streamlit run app.py` on a free loopback port with CLAIMLENS_OFFLINE=1 and a private cache
  folder; it is started once, waited for on /_stcore/health, and its whole process group is killed at the end.
* chromium is Debian's /usr/bin/chromium driven by Playwright's sync API (never `playwright install`).
  Missing chromium/playwright -> the browser tests skip, unless CLAIMLENS_REQUIRE_BROWSER=1 (CI), then they fail.
* Every test item under tests/e2e (and tests/test_replicas.py) gets the `e2e` marker: `pytest -m "not e2e"` is
  the fast unit run.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bench.browser import CHROMIUM, RequestLog
from tests.e2e.session import E2E_DIR, close_shared_browser, fresh_app_server, shared_browser, skip_or_fail


def pytest_configure(config):
    config.addinivalue_line("markers", "e2e: browser/server tests (slow; deselect with -m 'not e2e')")


def pytest_collection_modifyitems(config, items):
    for item in items:
        path = Path(str(item.fspath)).resolve()
        if E2E_DIR in path.parents or path.name == "test_replicas.py":
            item.add_marker(pytest.mark.e2e)


# ------------------------------------------------------------------ fixtures
@pytest.fixture(scope="session")
def chromium_path() -> str:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        skip_or_fail("playwright (Python) is not installed")
    if not os.path.exists(CHROMIUM):
        skip_or_fail(f"Debian chromium not found at {CHROMIUM}")
    return CHROMIUM


@pytest.fixture(scope="session")
def app_server(tmp_path_factory):
    """Base URL of one offline `streamlit run app.py` for the session; stopped (process group) at the end."""
    with fresh_app_server(tmp_path_factory.mktemp("app-server")) as base:
        yield base


def pytest_sessionfinish(session, exitstatus):
    close_shared_browser()


@pytest.fixture(scope="module")
def browser(chromium_path):
    """The shared chromium (tests/e2e/session.py), closed after each module so that no browser outlives the
    tests that use it."""
    yield shared_browser()
    close_shared_browser()


@pytest.fixture
def page(browser):
    """A fresh browser context + page per test (own cookies, own Streamlit session)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(45_000)
    pg.request_log = RequestLog(pg)
    try:
        yield pg
    finally:
        context.close()
