"""Shared AppTest helpers: paths resolved from this file, a generous timeout for a 2-core machine."""

import re
from pathlib import Path

from streamlit.testing.v1 import AppTest

from components import routes

ROOT = Path(__file__).resolve().parent.parent
PAGES = [page.script for page in routes.PAGES]  # every page's script, Home first (from the registry)


def app_test(relative: str, params: dict | None = None, timeout: float = 60) -> AppTest:
    at = AppTest.from_file(str(ROOT / relative), default_timeout=timeout)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    return at


_MARKDOWN_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~$:&])")


def texts(at: AppTest) -> str:
    """All visible text of the common elements, to search in: markdown escapes (components.style.safe_text)
    removed, as a reader sees them."""
    parts = []
    for kind in ("markdown", "caption", "info", "warning", "error", "success", "subheader", "title"):
        parts += [str(e.value) for e in getattr(at, kind)]
    parts += [str(e.label) for e in at.expander]  # the as-of line is an expander's label
    return _MARKDOWN_ESCAPE.sub(r"\1", "\n".join(parts))


def captions(at: AppTest) -> str:
    """The page's captions (where notices about ignored URL parameters go)."""
    return "\n".join(str(c.value) for c in at.caption)
