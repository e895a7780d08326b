"""Fetch Streamlit's chart code with the page, not after the first chart arrives.

Streamlit loads its plotly bundle (some 4.6 MB of JavaScript) only when the first chart message reaches the
browser, so on a cold visit to a chart page the browser downloads and evaluates it while the reader waits
(measured: 0.8 to 1 s of a 3.6 s floor). `PreloadCharts` is a pure ASGI middleware that adds two tags to the
HTML of the pages that draw plotly charts (`routes.Page.charts`): a `modulepreload` link, so the browser
fetches and compiles the bundle alongside the app's own code, and a small script that imports it once the
app's socket has its first message. Importing earlier (at load or when idle) delayed the socket's opening by
the same second it saved; after the first message the browser waits on the server's first script run anyway.

Everything else passes through untouched: other pages, static files, the socket, compressed or non-200
responses. `CLAIMLENS_PRELOAD=0` turns it off. No streamlit import: app.py loads this before the server starts.
"""

from __future__ import annotations

import os
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any

from components import routes

SWITCH = "CLAIMLENS_PRELOAD"

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CHART_PATHS: frozenset[str] = frozenset(page.url_path for page in routes.PAGES if page.charts)

# The bundle is imported after the app's socket has had its first message; the wrapper puts the browser's own
# WebSocket back as soon as the first socket exists, so reconnects and every other socket are untouched.
_IMPORT_SCRIPT = """<script>
(function () {
  var Native = window.WebSocket;
  var link = document.getElementById("claimlens-chart-preload");
  if (!Native || !link) return;
  function FirstSocket(url, protocols) {
    window.WebSocket = Native;
    var socket = protocols === undefined ? new Native(url) : new Native(url, protocols);
    socket.addEventListener("message", function () {
      setTimeout(function () { import(link.href).catch(function () {}); }, 0);
    }, { once: true });
    return socket;
  }
  FirstSocket.prototype = Native.prototype;
  ["CONNECTING", "OPEN", "CLOSING", "CLOSED"].forEach(function (name) { FirstSocket[name] = Native[name]; });
  window.WebSocket = FirstSocket;
})();
</script>"""


def enabled() -> bool:
    return os.environ.get(SWITCH, "1").strip() != "0"


def plotly_bundle(static_dir: Path | None = None) -> str | None:
    """The file name of Streamlit's plotly chart bundle, or None unless exactly one is found (a Streamlit
    build that names it otherwise simply gets no preload)."""
    if static_dir is None:
        import importlib.util

        spec = importlib.util.find_spec("streamlit")
        if spec is None or spec.origin is None:
            return None
        static_dir = Path(spec.origin).parent / "static" / "static" / "js"
    found = sorted(path.name for path in static_dir.glob("PlotlyChart.*.js"))
    return found[0] if len(found) == 1 else None


def preload_tags(bundle: str) -> bytes:
    """The link and script inserted before </head>; relative like Streamlit's own asset links, so they resolve
    under a base URL path and behind a proxy prefix."""
    link = f'<link id="claimlens-chart-preload" rel="modulepreload" crossorigin href="./static/js/{bundle}">'
    return (link + _IMPORT_SCRIPT).encode()


def page_path(path: str, base_url: str = "") -> str | None:
    """A request path as a page's registry url_path (Home is ''), or None outside the base URL path; whether a
    page of that name exists is the caller's question."""
    prefix = "/" + base_url.strip("/") if base_url.strip("/") else ""
    if prefix:
        if path != prefix and not path.startswith(prefix + "/"):
            return None
        path = path[len(prefix) :]
    return path.strip("/")


def chart_page(path: str, base_url: str = "") -> bool:
    """Whether a request path is a page that draws plotly charts (Home is '' or '/')."""
    return page_path(path, base_url) in CHART_PATHS


def _header(headers: list[tuple[bytes, bytes]], name: bytes) -> bytes | None:
    for key, value in headers:
        if key.lower() == name:
            return value
    return None


class PreloadCharts:
    """ASGI middleware: the preload tags in the HTML of chart pages (see the module's docstring)."""

    def __init__(self, app: ASGIApp, bundle: str | None = None, base_url: str = "") -> None:
        self.app = app
        self.tags = preload_tags(bundle) if bundle and enabled() else None
        self.base_url = base_url

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            self.tags is None
            or scope.get("type") != "http"
            or scope.get("method") != "GET"
            or not chart_page(scope.get("path", ""), self.base_url)
        ):
            await self.app(scope, receive, send)
            return
        # The page's HTML is some 8 kB: asked uncompressed, it is edited whole. Streamlit serves index.html as a
        # file (pathsend) when the server offers it; without the extension it sends the body as messages.
        scope = dict(scope)
        headers = scope.get("headers", [])
        scope["headers"] = [(key, value) for key, value in headers if key.lower() != b"accept-encoding"]
        extensions = dict(scope.get("extensions") or {})
        extensions.pop("http.response.pathsend", None)
        scope["extensions"] = extensions
        await self.app(scope, receive, _Inserter(send, self.tags).send)


class _Inserter:
    """Holds a 200 text/html response until its body is complete, then sends it with the tags before </head>;
    any other response goes on as it comes."""

    def __init__(self, send: Send, tags: bytes) -> None:
        self._send = send
        self._tags = tags
        self._start: Message | None = None
        self._body: list[bytes] = []
        self._passing = False

    async def send(self, message: Message) -> None:
        if self._passing:
            await self._send(message)
            return
        if message["type"] == "http.response.start":
            headers = list(message.get("headers", []))
            content_type = _header(headers, b"content-type") or b""
            if (
                message.get("status") != 200
                or not content_type.startswith(b"text/html")
                or _header(headers, b"content-encoding") is not None
            ):
                self._passing = True
                await self._send(message)
                return
            self._start = message
            return
        if message["type"] != "http.response.body" or self._start is None:
            await self._send(message)
            return
        self._body.append(message.get("body", b""))
        if message.get("more_body", False):
            return
        await self._finish()

    async def _finish(self) -> None:
        assert self._start is not None
        body = b"".join(self._body)
        marker = body.find(b"</head>")
        if marker >= 0:
            body = body[:marker] + self._tags + body[marker:]
        headers = [(key, value) for key, value in self._start.get("headers", []) if key.lower() != b"content-length"]
        headers.append((b"content-length", str(len(body)).encode()))
        await self._send({**self._start, "headers": headers})
        await self._send({"type": "http.response.body", "body": body, "more_body": False})
