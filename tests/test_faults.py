"""Fault injection through AppTest: Yahoo down / rate-limited / empty / partial, a corrupted snapshot file, a
broken case file, an unwritable disk cache. Each must give a clear message on the page, no exception, and no
lost data (the committed snapshot is byte-identical afterwards, good series still draw)."""

from __future__ import annotations

import json
import re

import pytest

from components import case as case_module
from components.data import live, snapshot
from tests.apptest_helpers import PAGES, ROOT, app_test, texts
from tests.factories.series import empty_yf_frame, yf_frame
from tests.factories.snapshot import copy_snapshot, snapshot_digest

LIVE_PAGES = [p for p in PAGES if "ui.live(" in (ROOT / p).read_text(encoding="utf-8")]
CASE_PAGES = [p for p in PAGES if re.search(r"ui\.case(_events|_or_stop)?\(", (ROOT / p).read_text(encoding="utf-8"))]
DATA_DIGEST = snapshot_digest(ROOT / "data")


def exceptions(at) -> list[str]:
    return [f"{e.message}\n{''.join(e.stack_trace)[-800:]}" for e in at.exception]


def chart_specs(at) -> list[dict]:
    """Parsed plotly figures on the page."""
    out = []
    for element in at.get("plotly_chart"):
        spec = getattr(element.proto, "spec", "") or getattr(getattr(element.proto, "figure", None), "spec", "")
        try:
            out.append(json.loads(spec))
        except (TypeError, ValueError):
            pass
    return out


def trace_names(at) -> list[str]:
    return [t.get("name", "") for spec in chart_specs(at) for t in spec.get("data", [])]


@pytest.fixture(autouse=True)
def _snapshot_untouched():
    yield
    assert snapshot_digest(ROOT / "data") == DATA_DIGEST, "a fault test changed the committed data/ folder"


@pytest.fixture
def online(monkeypatch, tmp_path):
    """Pretend we are online; the live disk cache goes to tmp; the yfinance boundary is replaced per test."""
    monkeypatch.setenv("CLAIMLENS_OFFLINE", "0")
    monkeypatch.setattr(live, "CACHE_DIR", tmp_path / "cache")
    return monkeypatch


def _raise(exc):
    def download(tickers, *args, **kwargs):
        raise exc

    return download


class YFRateLimitError(Exception):
    """Same class name as yfinance's, which is how components.data.live recognises it."""


YAHOO_FAULTS = {
    "down": (_raise(ConnectionError("Failed to resolve 'query2.finance.yahoo.com'")), "network or Yahoo error"),
    "rate-limited": (
        _raise(YFRateLimitError("Too Many Requests. Rate limited. Try after a while.")),
        "Yahoo rate limit reached",
    ),
    "empty": (lambda tickers, *a, **k: empty_yf_frame(tickers), "Yahoo returned no rows"),
    "timeout": (_raise(TimeoutError("read timed out")), "network or Yahoo error"),
}


@pytest.mark.parametrize("fault", sorted(YAHOO_FAULTS))
@pytest.mark.parametrize("page", LIVE_PAGES)
def test_yahoo_fault_gives_a_message_and_the_snapshot_still_draws(online, page, fault):
    downloader, message = YAHOO_FAULTS[fault]
    online.setattr(live, "download", downloader)
    at = app_test(page).run()
    assert not at.exception, exceptions(at)
    shown = texts(at)
    if "8_Data_sources" in page:
        at.button(key="data_refresh").click().run()
        assert not at.exception, exceptions(at)
        shown = texts(at)
    assert message in shown, f"{page}: no '{message}' message for Yahoo {fault}:\n{shown[:1500]}"
    if chart_specs(at):
        assert any(t.get("name") for spec in chart_specs(at) for t in spec.get("data", [])), "charts lost their data"


@pytest.mark.parametrize("page", LIVE_PAGES)
def test_yahoo_partial_batch_keeps_the_good_series(online, page):
    """One ticker of the batch fails (all-NaN column, as yfinance does): the others are used, the failure named."""
    online.setattr(
        live,
        "download",
        lambda tickers, *a, **k: yf_frame(
            {t: (None if t in ("CL=F", "RUB=X", "^NSEI") else [70.0, 71.0, 72.0]) for t in tickers}, start="2025-03-03"
        ),
    )
    at = app_test(page).run()
    if "8_Data_sources" in page:
        at.button(key="data_refresh").click().run()
    assert not at.exception, exceptions(at)
    shown = texts(at)
    assert "failed in the batch" in shown or "no prices" in shown, shown[:1500]


def test_oil_page_draws_brent_futures_when_only_wti_fails(online):
    online.setattr(
        live,
        "download",
        lambda tickers, *a, **k: yf_frame(
            {t: (None if t == "CL=F" else [70.0 + i for i in range(400)]) for t in tickers}, start="2025-01-02"
        ),
    )
    at = app_test("pages/2_Oil_markets.py").run()
    assert not at.exception, exceptions(at)
    names = trace_names(at)
    assert any("Brent FUTURES" in n for n in names), names
    assert not any("WTI FUTURES" in n for n in names), names
    assert any("Brent spot" in n for n in names) and any("WTI spot" in n for n in names)
    assert "WTI FUTURES (Yahoo CL=F, front month): live only, not available offline" in texts(at)


@pytest.fixture
def unwritable_cache(online, tmp_path):
    """Yahoo answers, but a file stands where the cache folder should be (works even as root)."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    online.setattr(live, "CACHE_DIR", blocker / "cache")
    online.setattr(
        live,
        "download",
        lambda tickers, *a, **k: yf_frame({t: [70.0 + i for i in range(300)] for t in tickers}, start="2025-01-02"),
    )
    return blocker


def test_unwritable_disk_cache_still_shows_live_data(unwritable_cache):
    """The cache folder cannot be created (a file is in the way; works even as root): live data is still shown
    and the failure is reported, never raised."""
    at = app_test("pages/2_Oil_markets.py").run()
    assert not at.exception, exceptions(at)
    assert any("Brent FUTURES" in n for n in trace_names(at)), trace_names(at)
    blocker = unwritable_cache
    assert not (blocker / "cache").exists() and blocker.is_file()


def test_unwritable_disk_cache_is_reported_on_the_page(unwritable_cache):
    at = app_test("pages/8_Data_sources.py").run()
    at.button(key="data_refresh").click().run()
    assert not at.exception, exceptions(at)
    assert "disk cache not writable" in texts(at), texts(at)[:2000]


def test_disk_cache_is_used_when_yahoo_goes_down(online, tmp_path):
    """A good fetch is cached on disk; when Yahoo then fails, the page shows the cached copy and says so."""
    online.setattr(
        live,
        "download",
        lambda tickers, *a, **k: yf_frame({t: [70.0 + i for i in range(300)] for t in tickers}, start="2025-01-02"),
    )
    at = app_test("pages/2_Oil_markets.py").run()
    assert not at.exception, exceptions(at)
    assert (tmp_path / "cache" / "live" / "brent_futures_yahoo.csv").exists()
    import streamlit as st

    st.cache_data.clear()
    live.reset_backoff()
    online.setattr(live, "download", YAHOO_FAULTS["down"][0])
    at = app_test("pages/2_Oil_markets.py").run()
    assert not at.exception, exceptions(at)
    assert "network or Yahoo error" in texts(at)


# ---------------------------------------------------------------- corrupted snapshot
CORRUPTIONS = {
    "brent_spot_eia.csv": "garbage,\x00\x01 not a csv",  # checksum mismatch
    "usd_inr_ecb.csv": "",  # truncated to nothing
    "india_imports_russia_kpler.csv": None,  # deleted
    "urals_price_minfin.json": "{",  # provenance record unreadable
}


@pytest.fixture
def corrupted(tmp_path, monkeypatch):
    folder = copy_snapshot(tmp_path)
    for name, content in CORRUPTIONS.items():
        path = folder / "series" / name
        if content is None:
            path.unlink()
        else:
            path.write_text(content, encoding="utf-8")
    monkeypatch.setattr(snapshot, "DATA_DIR", folder)
    before = snapshot_digest(folder)
    yield folder
    assert snapshot_digest(folder) == before, "the app rewrote or deleted snapshot files"


@pytest.mark.parametrize("page", PAGES)
def test_corrupted_snapshot_files_are_named_and_pages_keep_working(corrupted, page):
    at = app_test(page).run()
    assert not at.exception, exceptions(at)
    shown = texts(at)
    assert "urals_price_minfin.json" in shown, "the banner must name the unreadable provenance record"
    source = (ROOT / page).read_text(encoding="utf-8")
    if "brent_spot_eia" in source and "2_Oil" in page:
        assert "brent_spot_eia.csv" in shown, shown[:2000]
        assert any("WTI spot" in n for n in trace_names(at)), "the good WTI series must still draw"


# ---------------------------------------------------------------- broken case files
CASE_BREAKS = {
    "claims.toml": lambda text: text + "\n[[claim]\nid = broken",  # invalid TOML
    "events.csv": lambda text: text.replace(",2025-", ",2025-13-", 3),  # impossible dates
    "actors.csv": lambda text: "nonsense\n",  # header gone
}


@pytest.mark.parametrize("broken", sorted(CASE_BREAKS))
@pytest.mark.parametrize("page", CASE_PAGES)
def test_broken_case_file_gives_a_message_not_an_exception(tmp_path, monkeypatch, page, broken):
    root = tmp_path / "cases"
    src = case_module.CASES_ROOT / case_module.DEFAULT_CASE
    dst = root / case_module.DEFAULT_CASE
    dst.mkdir(parents=True)
    for f in src.iterdir():
        if f.is_file():
            (dst / f.name).write_bytes(f.read_bytes())
    target = dst / broken
    target.write_text(CASE_BREAKS[broken](target.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(case_module.CaseError):
        case_module.load_case(case_module.DEFAULT_CASE, root=root)
    monkeypatch.setattr(case_module, "CASES_ROOT", root)
    at = app_test(page).run()
    assert not at.exception, exceptions(at)
    shown = texts(at).lower()
    assert "case" in shown and any(w in shown for w in ("could not", "unavailable", "invalid", broken.lower())), (
        f"{page}: no message about the broken case file {broken}:\n{shown[:1500]}"
    )
    assert snapshot_digest(root) != {} and (dst / broken).exists()
