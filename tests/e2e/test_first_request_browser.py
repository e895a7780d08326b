"""A server's very first request being a deep link: the app's own navigation, not one built from file names.

Until a process's first `st.navigation` call, Streamlit runs an app with a pages/ folder the old way: a deep
link runs its page file alone under a sidebar listing "app" and the file names. Only a fresh server shows it,
so this test starts its own (the session's shared server has served other pages by now).
"""

from __future__ import annotations

import pytest

from bench.browser import first_visible, wait_app_ready
from components import routes
from tests.e2e.session import fresh_app_server

SIDEBAR_NAV = '[data-testid="stSidebarNav"]'


@pytest.fixture
def fresh_server(tmp_path, chromium_path):
    with fresh_app_server(tmp_path) as base:
        yield base


def test_a_deep_link_as_first_request_gets_the_app_navigation_and_keeps_its_parameters(fresh_server, page):
    event_study = routes.page("event_study")
    page.goto(f"{fresh_server}/{event_study.url_path}?es_est=200")
    wait_app_ready(page)
    page.get_by_role("heading", name=event_study.title).first.wait_for()
    nav = page.locator(SIDEBAR_NAV)
    nav.get_by_text(routes.page("data").title, exact=True).wait_for(timeout=15_000)  # not "Data sources"
    links = [text.strip() for text in nav.locator("a").all_inner_texts()]
    assert links[0] == "Home", links
    assert "app" not in links
    assert [entry.title for entry in routes.PAGES] == links
    for section in routes.sections():
        assert nav.get_by_text(section, exact=True).count() == 1, section
    assert "es_est=200" in page.url
    assert nav.locator('a[aria-current="page"]').inner_text().strip() == event_study.title
    claims = routes.page("claims")
    nav.get_by_text(claims.title, exact=True).click()
    page.get_by_role("heading", name=claims.title).first.wait_for()
    assert page.url.split("?")[0].endswith("/" + claims.url_path)


def test_widgets_keep_their_state_after_a_first_request_by_deep_link(fresh_server, page):
    """The page's widgets, first drawn in that first request, keep working on the next run: picking another
    case in the sidebar redraws the network of that case (it once came back with every filter emptied)."""
    network = routes.page("network")
    page.goto(f"{fresh_server}/{network.url_path}")
    first_visible(page, {"plotly": False, "graph": True})
    wait_app_ready(page)
    page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').first.click()
    page.get_by_role("option", name="Would India's Russian crude intake sink", exact=False).click()
    page.wait_for_url("**case=*", timeout=30_000)
    wait_app_ready(page)
    assert "=none" not in page.url, page.url
    assert page.get_by_text("No relation matches these filters").count() == 0
    first_visible(page, {"plotly": False, "graph": True}, timeout=30)
