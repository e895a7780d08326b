"""Chart pages fetch Streamlit's plotly bundle with the page (components/preload.py), once, before the app asks
the server anything; pages without plotly charts never fetch it on their own."""

from __future__ import annotations

import pytest

from bench.browser import first_visible, wait_app_ready
from components import preload, routes

# every script and fetch the page made, in the order the browser started them
RESOURCES_JS = "performance.getEntriesByType('resource').map(e => [e.name, e.startTime, e.initiatorType])"


def resources(page) -> list[tuple[str, float, str]]:
    return [tuple(entry) for entry in page.evaluate(RESOURCES_JS)]


@pytest.mark.parametrize("key", ["home", "event_study"])
def test_a_chart_page_fetches_the_chart_bundle_once_before_it_talks_to_the_server(app_server, page, key):
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{app_server}/{routes.page(key).url_path}")
    first_visible(page, {"plotly": True, "graph": False})
    wait_app_ready(page)
    seen = resources(page)
    bundle = [start for name, start, _ in seen if preload.plotly_bundle() in name]
    assert len(bundle) == 1, seen  # the preload and the chart's own import share one module
    server_calls = [start for name, start, _ in seen if "/_stcore/" in name]
    assert server_calls, seen
    assert bundle[0] < min(server_calls), (bundle, server_calls)
    assert page.locator(".js-plotly-plot").count() >= 1
    assert errors == []


def test_a_page_without_plotly_charts_does_not_fetch_the_bundle(app_server, page):
    page.goto(f"{app_server}/{routes.page('methodology').url_path}")
    wait_app_ready(page)
    assert not [name for name, _, _ in resources(page) if preload.plotly_bundle() in name]
