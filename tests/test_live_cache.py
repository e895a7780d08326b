"""The live disk cache is validated before use: finite values, dates within the plausible range, metadata that
is what we wrote (so nothing from it reaches the page as markup). A bad copy is discarded with a reason.
yfinance's own caches (time zones, cookies, ISINs) go under the app's cache folder, not the home folder."""

from __future__ import annotations

import json

import pandas as pd
import pytest
import yfinance as yf

from components.data import live
from tests.factories.series import yf_frame

SID, TICKER = "brent_futures_yahoo", "BZ=F"


@pytest.fixture
def cache(monkeypatch, tmp_path):
    monkeypatch.setenv("CLAIMLENS_OFFLINE", "0")
    monkeypatch.setattr(live, "CACHE_DIR", tmp_path / "cache")
    return tmp_path / "cache"


def down(tickers):
    raise ConnectionError("Failed to resolve query2.finance.yahoo.com")


def plant(cache, rows: str, meta: dict | None = None) -> None:
    folder = cache / "live"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{SID}.csv").write_text("date,value\n" + rows, encoding="utf-8")
    count = rows.strip().count("\n") + 1
    meta = meta or {"id": SID, "ticker": TICKER, "fetched_at": "2025-03-10T09:00:00", "rows": count}
    (folder / f"{SID}.json").write_text(json.dumps(meta), encoding="utf-8")


def test_a_good_copy_is_used_when_yahoo_is_down(cache):
    plant(cache, "2025-03-03,70.5\n2025-03-04,71.0")
    result = live.fetch_live({SID: TICKER}, downloader=down)[SID]
    assert result.source == "disk cache" and result.series.tolist() == [70.5, 71.0]
    assert "fetched 2025-03-10T09:00:00" in result.reason


BAD_COPIES = {
    "inf": ("2025-03-03,inf\n2025-03-04,71.0", None, "not finite"),
    "nan": ("2025-03-03,nan\n2025-03-04,71.0", None, "not finite"),
    "year 2400": ("2025-03-03,70.0\n2400-01-01,71.0", None, "dates outside"),
    "year 2200": ("2025-03-03,70.0\n2200-01-01,71.0", None, "dates outside"),
    "before the fetch start": ("1999-03-03,70.0\n2025-01-01,71.0", None, "dates outside"),
    "markup in metadata": (
        "2025-03-03,70.0",
        {"id": SID, "ticker": TICKER, "fetched_at": "![x](http://elsewhere.example/x.png)", "rows": 1},
        "no valid fetch time",
    ),
    "another ticker": (
        "2025-03-03,70.0",
        {"id": SID, "ticker": "CL=F", "fetched_at": "2025-03-10T09:00:00", "rows": 1},
        "another series",
    ),
    "text values": ("2025-03-03,seventy", None, "Unable to parse"),
    "repeated dates": ("2025-03-03,70.0\n2025-03-03,71.0", None, "repeated"),
}


@pytest.mark.parametrize("name", sorted(BAD_COPIES))
def test_a_bad_copy_is_discarded_with_a_reason(cache, name):
    rows, meta, why = BAD_COPIES[name]
    plant(cache, rows, meta)
    result = live.fetch_live({SID: TICKER}, downloader=down)[SID]
    assert result.source == "unavailable" and result.series is None, name
    assert "the disk copy was discarded" in result.reason and why in result.reason, result.reason
    assert "elsewhere.example" not in result.reason
    assert not (cache / "live" / f"{SID}.csv").exists(), "a bad copy is removed, not kept for next time"


def test_an_oversized_copy_is_discarded_without_reading_it(cache, monkeypatch):
    plant(cache, "2025-03-03,70.0")
    monkeypatch.setattr(live, "MAX_CACHE_BYTES", 10)
    cached, why = live.check_cache(SID)
    assert cached is None and "far larger" in why


def test_a_fresh_fetch_with_infinite_values_is_neither_shown_nor_cached(cache):
    frame = yf_frame({TICKER: [70.0, float("inf"), 72.0]})
    result = live.fetch_live({SID: TICKER}, downloader=lambda tickers: frame)[SID]
    assert not result.ok and "not finite" in result.reason
    assert not (cache / "live" / f"{SID}.csv").exists()


def test_yfinance_keeps_its_caches_under_the_app_cache_folder(cache, monkeypatch):
    monkeypatch.setattr(yf, "download", lambda tickers, **kwargs: yf_frame({TICKER: [70.0]}))
    live.download([TICKER])
    from yfinance import cache as yf_cache

    for manager in (yf_cache._TzDBManager, yf_cache._CookieDBManager, yf_cache._ISINDBManager):
        location = str(manager.get_location())
        assert location.startswith(str(cache)), (manager.__name__, location)


def test_status_reports_a_discarded_copy(cache, capsys):
    from components.data import __main__ as cli

    plant(cache, "2025-03-03,inf")
    cli.main(["status"])
    assert "the disk copy was discarded (values that are not finite numbers)" in capsys.readouterr().out


def test_series_problem_accepts_negative_prices():
    """WTI futures closed at -37.63 USD/bbl on 20 April 2020: finite is the rule, not positive."""
    series = pd.Series([18.27, -37.63, 10.01], index=pd.to_datetime(["2020-04-17", "2020-04-20", "2020-04-21"]))
    assert live.series_problem(series) == ""
