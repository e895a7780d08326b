"""The warm-up middleware (components/warmup.py), driven with a fake ASGI app: which first requests start the
imports, that they start once, and that every request passes through as it came."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import time
from pathlib import Path

import pytest

from components import routes, warmup
from tests.test_preload import fake_app, request

WARM = {"Actor_network": ("json", "colorsys")}


def middleware(app, **options):
    """The middleware with its work recorded instead of run in a thread."""
    runs: list = []
    options.setdefault("warm", WARM)
    wrapped = warmup.WarmImports(app, start=runs.append, **options)
    return wrapped, runs


def test_the_first_get_of_the_page_starts_its_imports_once_and_passes_through():
    app = fake_app()
    wrapped, runs = middleware(app)
    first = request(wrapped, "/Actor_network")
    second = request(wrapped, "/Actor_network/")
    assert len(runs) == 1
    assert first == request(app, "/Actor_network") and second == first  # the response as the app gave it
    assert app.seen["scope"]["path"] == "/Actor_network"


@pytest.mark.parametrize(
    ("path", "options"),
    [
        ("/", {}),
        ("/Oil_markets", {}),
        ("/Methodology", {}),
        ("/static/js/index.js", {}),
        ("/_stcore/health", {}),
        ("/Actor_network", {"base_url": "claimlens"}),
        ("/other/Actor_network", {"base_url": "claimlens"}),
    ],
)
def test_other_paths_start_nothing(path, options):
    wrapped, runs = middleware(fake_app(), **options)
    request(wrapped, path)
    assert runs == []


def test_under_a_base_url_path_the_page_is_found_below_it():
    wrapped, runs = middleware(fake_app(), base_url="/claimlens/")
    request(wrapped, "/claimlens/Actor_network")
    assert len(runs) == 1


@pytest.mark.parametrize(("method", "kind"), [("HEAD", "http"), ("POST", "http"), ("GET", "websocket")])
def test_only_a_page_get_starts_it(method, kind):
    wrapped, runs = middleware(fake_app())
    request(wrapped, "/Actor_network", method=method, kind=kind)
    assert runs == []


def test_claimlens_preload_0_turns_it_off(monkeypatch):
    monkeypatch.setenv("CLAIMLENS_PRELOAD", "0")
    wrapped, runs = middleware(fake_app())
    request(wrapped, "/Actor_network")
    assert runs == []


def test_the_work_imports_the_modules_and_a_failing_one_is_only_logged(caplog):
    wrapped, runs = middleware(fake_app(), warm={"Actor_network": ("colorsys", "no_such_module_here", "json")})
    request(wrapped, "/Actor_network")
    runs[0]()  # what the thread runs: no exception escapes it
    assert "colorsys" in sys.modules and "json" in sys.modules
    assert "no_such_module_here" in caplog.text


def test_in_thread_runs_the_work_off_the_caller():
    done: list = []
    warmup.in_thread(lambda: done.append(__import__("threading").current_thread().name))
    deadline = time.monotonic() + 10
    while not done and time.monotonic() < deadline:
        time.sleep(0.01)
    assert done == ["claimlens-warm-imports"]


def test_the_registry_warms_only_third_party_modules_the_page_imports():
    # our own modules could wait on an import lock the page's run holds; and a warmed module the page no longer
    # imports would only cost CPU
    assert warmup.WARM  # the Actor network's, at least
    root = Path(__file__).resolve().parents[1]
    for url_path, modules in warmup.WARM.items():
        page = next(p for p in routes.PAGES if p.url_path == url_path)
        assert not page.charts
        for name in modules:
            assert name.split(".")[0] not in ("components", "pages", "app", "tests")
            assert importlib.util.find_spec(name) is not None
        probe = (
            "import sys; from streamlit.testing.v1 import AppTest\n"
            f"before = set(sys.modules); AppTest.from_file({page.script!r}, default_timeout=120).run()\n"
            f"print(sorted(m for m in {modules!r} if m not in before and m in sys.modules))\n"
        )
        done = subprocess.run(
            [sys.executable, "-c", probe],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=180,
            env={**__import__("os").environ, "CLAIMLENS_OFFLINE": "1", "PYTHONPATH": str(root)},
        )
        assert done.returncode == 0, done.stderr[-2000:]
        assert done.stdout.strip().splitlines()[-1] == repr(sorted(modules))
