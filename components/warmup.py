"""Import what a page's first run needs while the browser is still loading the app.

On a cold visit the browser spends most of a second fetching and evaluating Streamlit's JavaScript before its
socket asks for the first script run, and the server has little to do meanwhile. On chart pages the browser's
work outlasts the first run's imports (plotly's bundle takes longer to evaluate), but the Actor network draws
no plotly chart: there its first run's imports (pandas, networkx: 0.6 to 1 s on two busy cores) were the
wait. `WarmImports` is a pure ASGI middleware: the first GET of a page whose registry entry names `warm`
modules (`routes.Page.warm`) starts one daemon thread that imports them, and the request passes through
untouched. The page's run then finds them imported, or waits on Python's import lock for the rest.

Only third-party packages are warmed: they never import our modules, so the two threads cannot each wait on
an import the other holds. A failed import is logged and left to the page, which says what went wrong.
`CLAIMLENS_PRELOAD=0` turns this off with the chart preload. No streamlit or pandas import here.
"""

from __future__ import annotations

import importlib
import logging
import threading
from collections.abc import Callable, Iterable

from components import preload, routes
from components.preload import ASGIApp, Receive, Scope, Send

LOG = logging.getLogger(__name__)

WARM: dict[str, tuple[str, ...]] = {page.url_path: page.warm for page in routes.PAGES if page.warm}


def import_all(modules: Iterable[str]) -> None:
    for name in modules:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - the page's own import raises it again, where it is shown
            LOG.warning("warming %s failed", name, exc_info=True)


def in_thread(work: Callable[[], None]) -> None:
    threading.Thread(target=work, name="claimlens-warm-imports", daemon=True).start()


class WarmImports:
    """ASGI middleware: the first GET of a page with `warm` modules imports them in a thread (see the module's
    docstring). `start` runs the work (a daemon thread; tests run it in place)."""

    def __init__(
        self,
        app: ASGIApp,
        base_url: str = "",
        warm: dict[str, tuple[str, ...]] | None = None,
        start: Callable[[Callable[[], None]], None] = in_thread,
    ) -> None:
        self.app = app
        self.base_url = base_url
        # the pages still to warm: each leaves on its first GET, and once none is left requests are not looked at
        self.warm = dict(WARM if warm is None else warm) if preload.enabled() else {}
        self.start = start

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.warm and scope.get("type") == "http" and scope.get("method") == "GET":
            modules = self.warm.pop(preload.page_path(scope.get("path", ""), self.base_url), None)
            if modules:
                self.start(lambda: import_all(modules))
        await self.app(scope, receive, send)
