"""One parametrized smoke test over every registered page (components/routes.py), each run alone: it runs
offline with no exception and says its data's as-of date. And app.py's navigation opens Home."""

import pytest

from components import routes
from tests.apptest_helpers import PAGES, ROOT, app_test, texts


def test_every_designed_page_exists():
    assert "pages/8_Data_sources.py" in PAGES
    assert all((ROOT / script).is_file() for script in PAGES)
    assert sorted(PAGES[1:]) == sorted(str(p.relative_to(ROOT)) for p in (ROOT / "pages").glob("[1-9]*.py"))


@pytest.mark.parametrize("page", PAGES)
def test_page_runs_offline_and_shows_as_of(page):
    at = app_test(page).run()
    assert not at.exception, [e.value for e in at.exception]
    assert "offline snapshot" in texts(at)


def test_app_navigation_opens_home_and_keeps_url_paths():
    at = app_test("app.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == "Claim Lens" and "offline snapshot" in texts(at)
    assert [p.url_path for p in routes.PAGES] == [
        "",
        "Claims",
        "Oil_markets",
        "Trade_flows",
        "Currencies",
        "Event_study",
        "Actor_network",
        "Hindsight",
        "Data_sources",
        "Methodology",
    ]
    assert routes.HOME.title == "Home"
