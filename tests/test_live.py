"""Live Yahoo series: every way yfinance fails falls back per series, nothing empty is cached, the snapshot
is never touched. yfinance is mocked at its boundary with frames shaped like its real output."""

import os

import pandas as pd
import pytest
import yfinance as yf

from components.data import __main__ as cli
from components.data import live
from components.data.publishers import Update
from components.data.refresh import RefreshReport
from tests.factories.series import empty_yf_frame, yf_frame
from tests.factories.snapshot import ROOT, snapshot_digest

TICKERS = {"brent_futures_yahoo": "BZ=F", "usd_rub_yahoo": "RUB=X"}


@pytest.fixture
def online(monkeypatch, tmp_path):
    """Pretend the network is allowed; the live cache goes to a private folder."""
    monkeypatch.setenv("CLAIMLENS_OFFLINE", "0")
    monkeypatch.setattr(live, "CACHE_DIR", tmp_path / "cache")
    # the publishers' half of `refresh` has its own tests (test_publishers.py): here it finds nothing new
    monkeypatch.setattr(cli, "refresh_publishers", lambda: RefreshReport([Update("ECB", True, "no new values")]))
    return tmp_path / "cache"


def fake(frame=None, exc=None):
    calls = []

    def downloader(tickers):
        calls.append(list(tickers))
        if exc is not None:
            raise exc
        return frame

    downloader.calls = calls
    return downloader


def test_batch_success_is_live_and_cached(online):
    frame = yf_frame({"BZ=F": [70.1, 71.2, 72.3], "RUB=X": [88.0, 87.5, 87.9]})
    results = live.fetch_live(TICKERS, downloader=fake(frame))
    assert all(r.ok for r in results.values())
    brent = results["brent_futures_yahoo"].series
    assert brent.index.tz is None and brent.tolist() == [70.1, 71.2, 72.3]
    assert (online / "live" / "brent_futures_yahoo.csv").exists()


def test_empty_frame_falls_back_and_is_never_cached(online):
    results = live.fetch_live(TICKERS, downloader=fake(empty_yf_frame(("BZ=F", "RUB=X"))))
    for result in results.values():
        assert result.source == "unavailable" and result.series is None
        assert "no rows" in result.reason
    assert not (online / "live").exists() or not any((online / "live").iterdir())


def test_one_ticker_failing_in_the_batch(online):
    frame = yf_frame({"BZ=F": [70.1, 71.2], "RUB=X": None})
    results = live.fetch_live(TICKERS, downloader=fake(frame))
    assert results["brent_futures_yahoo"].ok
    assert results["usd_rub_yahoo"].source == "unavailable"
    assert "failed in the batch" in results["usd_rub_yahoo"].reason


def test_rate_limit_falls_back_to_disk_copy_and_backs_off(online):
    live.fetch_live(TICKERS, downloader=fake(yf_frame({"BZ=F": [70.0, 71.0], "RUB=X": [90.0, 91.0]})))
    live.reset_backoff()
    limited = fake(exc=yf.exceptions.YFRateLimitError())
    results = live.fetch_live(TICKERS, downloader=limited)
    brent = results["brent_futures_yahoo"]
    assert brent.rate_limited and brent.source == "disk cache" and brent.series.tolist() == [70.0, 71.0]
    assert "rate limit" in brent.reason.lower()
    again = live.fetch_live(TICKERS, downloader=limited)
    assert len(limited.calls) == 1, "a rate-limited series is not asked again during the back-off"
    assert "retry in" in again["usd_rub_yahoo"].reason


def test_network_error_is_reported_in_words(online):
    results = live.fetch_live(
        TICKERS, downloader=fake(exc=ConnectionError("Failed to resolve query1.finance.yahoo.com"))
    )
    assert all(r.source == "unavailable" for r in results.values())
    assert "ConnectionError" in results["brent_futures_yahoo"].reason


def test_unexpected_layout(online):
    frame = pd.DataFrame({"Price": [1.0, 2.0]}, index=pd.bdate_range("2025-01-01", periods=2))
    results = live.fetch_live({"brent_futures_yahoo": "BZ=F"}, downloader=fake(frame))
    assert "unexpected columns" in results["brent_futures_yahoo"].reason


def test_single_level_close_layout_is_accepted():
    frame = pd.DataFrame({"Close": [1.0, 2.0]}, index=pd.bdate_range("2025-01-01", periods=2))
    assert live.close_from_frame(frame, "X").tolist() == [1.0, 2.0]


def test_offline_switch_never_calls_yahoo(monkeypatch, tmp_path):
    monkeypatch.setenv("CLAIMLENS_OFFLINE", "1")
    downloader = fake(yf_frame({"BZ=F": [1.0]}))
    results = live.fetch_live(TICKERS, cache_dir=tmp_path, downloader=downloader)
    assert downloader.calls == [] and "switched off" in results["brent_futures_yahoo"].reason


def test_download_boundary_passes_auto_adjust(monkeypatch):
    seen = {}

    def fake_download(tickers, **kwargs):
        seen.update(kwargs)
        return yf_frame({"BZ=F": [70.0, 71.0]})

    monkeypatch.setattr(yf, "download", fake_download)
    frame = live.download(["BZ=F"])
    assert seen["auto_adjust"] is False and seen["progress"] is False
    assert live.close_from_frame(frame, "BZ=F").tolist() == [70.0, 71.0]


def test_unwritable_cache_is_reported_not_fatal(online, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    results = live.fetch_live(
        {"brent_futures_yahoo": "BZ=F"}, cache_dir=blocker, downloader=fake(yf_frame({"BZ=F": [70.0]}))
    )
    result = results["brent_futures_yahoo"]
    assert result.ok and "disk cache not writable" in result.reason


def test_failed_atomic_write_keeps_the_old_copy(online, monkeypatch):
    live.fetch_live({"brent_futures_yahoo": "BZ=F"}, downloader=fake(yf_frame({"BZ=F": [70.0, 71.0]})))
    before = (online / "live" / "brent_futures_yahoo.csv").read_bytes()

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    result = live.fetch_live({"brent_futures_yahoo": "BZ=F"}, downloader=fake(yf_frame({"BZ=F": [1.0, 2.0, 3.0]})))
    assert "not writable" in result["brent_futures_yahoo"].reason
    assert (online / "live" / "brent_futures_yahoo.csv").read_bytes() == before
    assert not list((online / "live").glob(".*tmp*")), "no temp file left behind"


@pytest.mark.parametrize(
    "downloader",
    [
        fake(exc=yf.exceptions.YFRateLimitError()),
        fake(empty_yf_frame()),
        fake(yf_frame({"BZ=F": [70.0, 71.0]})),
    ],
    ids=["rate-limited", "empty", "partial"],
)
def test_refresh_leaves_the_snapshot_byte_identical(online, monkeypatch, capsys, downloader):
    before = snapshot_digest(ROOT / "data")
    monkeypatch.setattr(live, "download", downloader)
    code = cli.main(["refresh"])
    out = capsys.readouterr().out
    assert code == 1, "some series failed, so the exit code says so"
    assert "refreshed" in out and "usd_inr_yahoo" in out
    assert snapshot_digest(ROOT / "data") == before


def test_refresh_exit_zero_when_all_succeed(online, monkeypatch, capsys):
    tickers = ["BZ=F", "CL=F", "RUB=X", "INR=X", "CNY=X", "^NSEI", "RELIANCE.NS"]
    monkeypatch.setattr(live, "download", lambda wanted: yf_frame({t: [1.0, 2.0] for t in wanted}))
    assert cli.main(["refresh"]) == 0
    assert "7 refreshed, 0 failed" in capsys.readouterr().out
    assert len(list((online / "live").glob("*.csv"))) == len(tickers)


def test_status_lists_series(capsys):
    assert cli.main(["status"]) == 0
    out = capsys.readouterr().out
    assert "brent_spot_eia" in out and "live-only" in out
