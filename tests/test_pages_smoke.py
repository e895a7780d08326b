"""One parametrized smoke test over the home page and every page: it runs offline with no exception and
says its data's as-of date."""

import pytest

from tests.apptest_helpers import PAGES, ROOT, app_test, texts

ALL = ["app.py"] + [str(p.relative_to(ROOT)) for p in PAGES]


def test_every_designed_page_exists():
    names = {p.name for p in PAGES}
    assert "8_Data_sources.py" in names
    assert len(names) >= 1


@pytest.mark.parametrize("page", ALL)
def test_page_runs_offline_and_shows_as_of(page):
    at = app_test(page).run()
    assert not at.exception, [e.value for e in at.exception]
    assert "offline snapshot" in texts(at)
