"""Two app replicas behind Debian nginx with the shipped deploy/nginx.conf (ports and paths rewritten for a
test): HTTP and health through the proxy, both replicas used, sticky routing by cookie, and one real websocket
session (Playwright page rendered through the proxy). Skips when nginx is missing unless CLAIMLENS_REQUIRE_BROWSER=1.
"""

from __future__ import annotations

import os
import re
import urllib.error
import urllib.request
import uuid

import pytest

from bench.browser import CHROMIUM, RequestLog, wait_app_ready
from bench.harness import NGINX, start_nginx, start_streamlit, stop_process, wait_health
from tests.e2e.session import close_shared_browser, shared_browser, skip_or_fail

# marked `e2e` by tests/e2e/conftest.py (pytest_collection_modifyitems), so `-m "not e2e"` leaves it out


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    if not os.path.exists(NGINX):
        skip_or_fail("nginx not installed (apt-get install nginx)")
    tmp = tmp_path_factory.mktemp("replicas")
    procs = []
    try:
        replicas = []
        for _ in range(2):
            proc, port, log = start_streamlit("app.py", log_dir=tmp)
            procs.append(proc)
            replicas.append((proc, port, log))
        for proc, port, log in replicas:
            wait_health(port, proc, log=log)
        nginx, listen = start_nginx(tmp, [port for _, port, _ in replicas])
        procs.append(nginx)
        wait_health(listen, nginx, log=tmp / "error.log", timeout=30)
        yield {
            "base": f"http://127.0.0.1:{listen}",
            "upstreams": {f"127.0.0.1:{p}" for _, p, _ in replicas},
            "tmp": tmp,
        }
    finally:
        for proc in reversed(procs):
            stop_process(proc)


def get(url: str, cookie: str | None = None) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers={"Cookie": f"claimlens_route={cookie}"} if cookie else {})
    with urllib.request.urlopen(request, timeout=20) as resp:
        return resp.status, {k.lower(): v for k, v in resp.headers.items()}, resp.read()


def test_home_and_health_through_the_proxy(stack):
    status, headers, body = get(stack["base"] + "/_stcore/health")
    assert status == 200 and body.strip() == b"ok"
    assert headers["x-upstream"] in stack["upstreams"]
    status, headers, body = get(stack["base"] + "/")
    assert status == 200 and b"<html" in body.lower()
    assert headers["x-upstream"] in stack["upstreams"]
    assert "server" not in headers or "nginx/" not in headers["server"], "server_tokens off: no nginx version"


@pytest.mark.parametrize(
    "path",
    [
        "/_stcore/metrics",
        "/_stcore/metrics?format=text",
        "/_stcore/metrics/",
        "//_stcore/metrics",
        "/_stcore/%6Detrics",
        "/_stcore/./metrics",
    ],
)
def test_metrics_are_not_served_through_the_proxy(stack, path):
    """Streamlit serves Prometheus metrics at /_stcore/metrics; a visitor must not read them (they are still
    there on the replica itself, for the operator)."""
    replica = sorted(stack["upstreams"])[0]
    assert get(f"http://{replica}/_stcore/metrics")[0] == 200, "the replica itself no longer serves metrics"
    try:
        status, _, body = get(stack["base"] + path)
    except urllib.error.HTTPError as err:
        status, body = err.code, b""
    assert status == 404, f"{path}: {status} {body[:200]!r}"


def test_first_response_sets_the_route_cookie_and_stays_on_its_replica(stack):
    status, headers, _ = get(stack["base"] + "/")
    cookie = re.search(r"claimlens_route=([^;]+)", headers.get("set-cookie", ""))
    assert status == 200 and cookie, headers
    first = headers["x-upstream"]
    for _ in range(10):
        _, again, _ = get(stack["base"] + "/", cookie.group(1))
        assert again["x-upstream"] == first, "a request with the issued cookie moved to another replica"
        assert "set-cookie" not in again, "the cookie is set once, not on every response"


def test_sticky_per_key_and_both_replicas_used(stack):
    seen = {}
    for _ in range(40):
        key = uuid.uuid4().hex
        upstreams = {get(stack["base"] + "/_stcore/health", key)[1]["x-upstream"] for _ in range(3)}
        assert len(upstreams) == 1, f"key {key} was not sticky: {upstreams}"
        seen[key] = upstreams.pop()
    assert set(seen.values()) == stack["upstreams"], f"only {set(seen.values())} used of {stack['upstreams']}"


def test_websocket_session_through_the_proxy(stack):
    if not os.path.exists(CHROMIUM):
        skip_or_fail(f"Debian chromium not found at {CHROMIUM}")
    browser = shared_browser()  # the session's one sync Playwright (see tests/e2e/conftest.py)
    try:
        context = browser.new_context()
        page = context.new_page()
        sockets, documents = [], []
        page.on("websocket", lambda ws: sockets.append(ws.url))
        page.on(
            "response",
            lambda r: documents.append(r.headers.get("x-upstream")) if r.request.resource_type == "document" else None,
        )
        log = RequestLog(page)
        page.goto(stack["base"] + "/")
        wait_app_ready(page)
        assert page.locator("h1").first.inner_text().strip() == "Claim Lens"
        assert page.locator('[data-testid="stException"]').count() == 0
        assert "offline snapshot" in page.inner_text('[data-testid="stMain"]')
        port = stack["base"].rsplit(":", 1)[1]
        assert sockets and all(f"127.0.0.1:{port}/" in u for u in sockets), sockets
        assert not log.foreign() and not log.failed, (log.foreign(), log.failed)
        cookie = {c["name"]: c["value"] for c in context.cookies()}.get("claimlens_route")
        assert cookie, "the browser did not get the route cookie"
        assert documents[0] in stack["upstreams"]
        assert get(stack["base"] + "/_stcore/health", cookie)[1]["x-upstream"] == documents[0], (
            "the browser's cookie routes to another replica than the one that served its page"
        )
        context.close()
    finally:
        close_shared_browser()
