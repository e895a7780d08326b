"""The Data & sources catalog (ui.catalog_rows) reads the series once per vintage and day, unless one was
unreadable: then it reads them again on the next run, so a repaired file shows as repaired at once."""

from __future__ import annotations

import pandas as pd
import pytest

from components.data.catalog_table import catalog_table
from components.ui import cache

TODAY = pd.Timestamp("2026-12-03")


@pytest.fixture
def reads(monkeypatch):
    """The series ids read through the page's reader, in order; `broken` ids read as unreadable."""
    seen: list[str] = []
    broken: set[str] = set()
    real = cache.series_or_none

    def counted(series_id, *args):
        seen.append(series_id)
        return (None, "the file could not be read") if series_id in broken else real(series_id, *args)

    monkeypatch.setattr(cache, "series_or_none", counted)
    cache._catalog_rows.clear()
    yield seen, broken
    cache._catalog_rows.clear()


def _snapshot_ids() -> list[str]:
    catalog = cache.catalog()
    return list(catalog.loc[catalog["origin"] == "snapshot", "id"])


def test_the_series_are_read_once_and_the_rows_are_what_catalog_table_gives(reads):
    seen, _ = reads
    ids = list(cache.catalog()["id"])
    first = cache.catalog_rows(ids, TODAY)
    again = cache.catalog_rows(ids, TODAY)
    assert sorted(seen) == sorted(_snapshot_ids())  # once each, on the first run only
    assert again is first
    expected = catalog_table(cache.catalog(), ids, cache.series_or_none, TODAY)  # computed apart, uncached
    pd.testing.assert_frame_equal(first, expected)


def test_another_day_or_choice_is_read_again(reads):
    seen, _ = reads
    ids = _snapshot_ids()
    cache.catalog_rows(ids, TODAY)
    cache.catalog_rows(ids, TODAY + pd.Timedelta(days=1))  # the age of each series changes with the day
    cache.catalog_rows(ids[:2], TODAY)
    assert len(seen) == 2 * len(ids) + 2


def test_an_unreadable_file_is_read_again_on_the_next_run(reads):
    seen, broken = reads
    ids = _snapshot_ids()
    broken.add(ids[0])
    table = cache.catalog_rows(ids, TODAY).set_index("id")
    assert table.loc[ids[0], "status"] == "the file could not be read"
    broken.clear()  # repaired
    table = cache.catalog_rows(ids, TODAY).set_index("id")
    assert table.loc[ids[0], "status"] == "ok" and seen.count(ids[0]) == 2
