"""The chart preload middleware (components/preload.py), driven with a fake ASGI app: what it edits and what it
leaves alone. The browser side (the bundle requested with the page) is in tests/e2e/test_preload_browser.py."""

from __future__ import annotations

import asyncio
import gzip
import re
import subprocess
import sys
from pathlib import Path

import pytest

from components import preload, routes

PAGE = b"<!DOCTYPE html><html><head><title>Streamlit</title></head><body><div id=root></div></body></html>"


def fake_app(body: bytes = PAGE, *, status: int = 200, content_type: bytes = b"text/html", chunks: int = 1, **extra):
    """An ASGI app answering every request with `body` in `chunks` messages; it records the scope it was given."""
    seen: dict = {}

    async def app(scope, receive, send):
        seen["scope"] = scope
        headers = [(b"content-type", content_type), (b"content-length", str(len(body)).encode())]
        headers += list(extra.get("headers", []))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        size = -(-len(body) // chunks) if body else 1
        parts = [body[i : i + size] for i in range(0, len(body), size)] or [b""]
        for index, part in enumerate(parts):
            await send({"type": "http.response.body", "body": part, "more_body": index < len(parts) - 1})

    app.seen = seen
    return app


def request(app, path: str = "/", *, method: str = "GET", headers=None, extensions=None, kind: str = "http"):
    """The messages the middleware sends for one request."""
    sent: list[dict] = []
    scope = {
        "type": kind,
        "method": method,
        "path": path,
        "headers": headers if headers is not None else [(b"accept-encoding", b"gzip, br"), (b"host", b"x")],
        "extensions": extensions if extensions is not None else {"http.response.pathsend": {}},
    }

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    return sent


def body_of(sent: list[dict]) -> bytes:
    return b"".join(message.get("body", b"") for message in sent if message["type"] == "http.response.body")


def header(sent: list[dict], name: bytes) -> bytes | None:
    return dict(sent[0]["headers"]).get(name)


def middleware(app, **options):
    return preload.PreloadCharts(app, bundle=options.pop("bundle", "PlotlyChart.abc123.js"), **options)


@pytest.mark.parametrize("page", [page for page in routes.PAGES if page.charts], ids=lambda page: page.key)
def test_chart_pages_get_the_tags_once_with_a_true_length(page):
    app = fake_app()
    sent = request(middleware(app), "/" + page.url_path)
    body = body_of(sent)
    assert body.count(b'rel="modulepreload" crossorigin href="./static/js/PlotlyChart.abc123.js"') == 1
    assert body.index(b"claimlens-chart-preload") < body.index(b"</head>")
    assert body.startswith(PAGE[: PAGE.index(b"</head>")])
    assert int(header(sent, b"content-length")) == len(body)
    assert [key for key, _ in sent[0]["headers"]].count(b"content-length") == 1
    # asked uncompressed and as body messages, so the page can be edited
    assert b"accept-encoding" not in dict(app.seen["scope"]["headers"])
    assert dict(app.seen["scope"]["headers"])[b"host"] == b"x"
    assert "http.response.pathsend" not in app.seen["scope"]["extensions"]


# a page's own call of st.plotly_chart, or of a components helper that builds and draws a plotly figure
DRAWS_PLOTLY = re.compile(
    r"plotly_chart\(|chart_with_csv\(|time_series_chart\(|\b(charts|EC|evidence_charts)\.build_\w+\("
)


@pytest.mark.parametrize("page", routes.PAGES, ids=lambda page: page.key)
def test_the_registry_says_which_pages_draw_plotly_charts(page):
    # Page.charts decides the preload here and what the browser tests and benchmarks wait for
    source = (Path(__file__).resolve().parents[1] / page.script).read_text(encoding="utf-8")
    assert page.charts is bool(DRAWS_PLOTLY.search(source))


def test_a_body_in_several_messages_is_edited_whole():
    sent = request(middleware(fake_app(chunks=7)), "/Oil_markets")
    assert body_of(sent).count(b"claimlens-chart-preload") == 2  # the link's id and the script's lookup
    assert [message.get("more_body", False) for message in sent[1:]] == [False]


@pytest.mark.parametrize("page", [page for page in routes.PAGES if not page.charts], ids=lambda page: page.key)
def test_pages_without_plotly_charts_pass_through(page):
    app = fake_app()
    sent = request(middleware(app), "/" + page.url_path)
    assert body_of(sent) == PAGE
    assert dict(app.seen["scope"]["headers"])[b"accept-encoding"] == b"gzip, br"
    assert "http.response.pathsend" in app.seen["scope"]["extensions"]


@pytest.mark.parametrize("path", ["/static/js/index.js", "/_stcore/health", "/Oil_markets/extra", "/Nope"])
def test_other_paths_pass_through(path):
    assert body_of(request(middleware(fake_app()), path)) == PAGE


@pytest.mark.parametrize(
    "case",
    [
        {"status": 404},
        {"status": 304},
        {"content_type": b"application/json"},
        {"headers": [(b"content-encoding", b"gzip")]},
    ],
    ids=["not found", "not modified", "not html", "compressed"],
)
def test_responses_that_are_not_a_plain_page_pass_through(case):
    body = gzip.compress(PAGE) if case.get("headers") else PAGE
    sent = request(middleware(fake_app(body, chunks=3, **case)), "/")
    assert body_of(sent) == body
    assert int(header(sent, b"content-length")) == len(body)


@pytest.mark.parametrize("method", ["HEAD", "POST"])
def test_only_get_is_edited(method):
    app = fake_app()
    assert body_of(request(middleware(app), "/", method=method)) == PAGE
    assert b"accept-encoding" in dict(app.seen["scope"]["headers"])


def test_websocket_and_lifespan_scopes_pass_through():
    seen = []

    async def app(scope, receive, send):
        seen.append(scope["type"])

    for kind in ("websocket", "lifespan"):
        request(middleware(app), "/", kind=kind)
    assert seen == ["websocket", "lifespan"]


def test_a_page_without_a_head_is_sent_unchanged_with_its_length():
    page = b"<html><body>no head</body></html>"
    sent = request(middleware(fake_app(page)), "/")
    assert body_of(sent) == page
    assert int(header(sent, b"content-length")) == len(page)


@pytest.mark.parametrize(
    ("base_url", "path", "edited"),
    [
        ("claimlens", "/claimlens/", True),
        ("/claimlens/", "/claimlens", True),
        ("claimlens", "/claimlens/Event_study", True),
        ("claimlens", "/claimlens/Methodology", False),
        ("claimlens", "/Event_study", False),
        ("claimlens", "/claimlensX/Event_study", False),
        ("", "/Event_study/", True),
    ],
)
def test_base_url_path(base_url, path, edited):
    body = body_of(request(middleware(fake_app(), base_url=base_url), path))
    assert (b"claimlens-chart-preload" in body) is edited


def test_switched_off_or_without_a_bundle_nothing_is_touched(monkeypatch):
    monkeypatch.setenv(preload.SWITCH, "0")
    assert body_of(request(middleware(fake_app()), "/")) == PAGE
    monkeypatch.delenv(preload.SWITCH)
    assert body_of(request(middleware(fake_app(), bundle=None), "/")) == PAGE
    assert b"claimlens-chart-preload" in body_of(request(middleware(fake_app()), "/"))


def test_the_bundle_is_found_only_when_it_is_one(tmp_path: Path):
    assert preload.plotly_bundle(tmp_path) is None
    (tmp_path / "PlotlyChart.aaa.js").write_text("")
    assert preload.plotly_bundle(tmp_path) == "PlotlyChart.aaa.js"
    (tmp_path / "PlotlyChart.bbb.js").write_text("")
    assert preload.plotly_bundle(tmp_path) is None


def test_the_installed_streamlit_has_its_plotly_bundle():
    # if a Streamlit upgrade renames it, the preload silently stops: this says so
    bundle = preload.plotly_bundle()
    assert bundle is not None and bundle.startswith("PlotlyChart.") and bundle.endswith(".js")


def test_app_py_serves_the_middleware_with_the_installed_bundle():
    # imported outside a script run (as `streamlit run` imports it), app.py builds the ASGI app; in a subprocess
    # because st.App pins process-wide Streamlit config
    root = Path(__file__).resolve().parents[1]
    probe = (
        "import app\n"
        "for item in app.app._user_middleware:\n"
        "    print(item.cls.__name__, item.kwargs.get('bundle', '-'), repr(item.kwargs['base_url']))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], cwd=root, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["WarmImports", "-", "''", "PreloadCharts", preload.plotly_bundle(), "''"]


def test_the_server_starts_without_pandas():
    # app.py imports the middleware and the page registry before the server listens; pandas there cost the
    # cold start some 0.3 s that the first page run pays anyway, in parallel with the browser's own work
    probe = (
        "import sys, components.preload, components.warmup; "
        "print(sorted(m for m in ('pandas', 'plotly', 'numpy', 'networkx') if m in sys.modules))"
    )
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run([sys.executable, "-c", probe], cwd=root, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "[]"
