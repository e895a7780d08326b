"""Test-wide set-up: no network, a private live cache, and fresh Streamlit caches for every test."""

import os
import tempfile
from pathlib import Path

os.environ.setdefault("CLAIMLENS_OFFLINE", "1")
os.environ.setdefault("STREAMLIT_CLIENT_SHOW_ERROR_DETAILS", "full")  # readable AppTest failures
_TMP = Path(tempfile.mkdtemp(prefix="claimlens-tests-"))
os.environ.setdefault("CLAIMLENS_CACHE_DIR", str(_TMP / "cache"))

import pytest  # noqa: E402
import yfinance as yf  # noqa: E402

yf.set_tz_cache_location(str(_TMP / "yf-tz"))

ROOT = Path(__file__).resolve().parent.parent


def _no_network(url, *args, **kwargs):
    from components.data.publishers import PublisherError

    raise PublisherError("network error: tests never reach the publishers")


@pytest.fixture(autouse=True)
def _fresh_state(monkeypatch):
    """Streamlit caches and the live back-off live in the process: reset them so tests stay independent."""
    import streamlit as st

    from components.data import live, publishers

    st.cache_data.clear()
    live.reset_backoff()
    monkeypatch.setattr(publishers, "http_get", _no_network)
    yield
    st.cache_data.clear()
    live.reset_backoff()


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """The committed data folder copied (cases left out: they are read from the repository), with the snapshot
    reader pointed at it, so a test can cut a series or write a vintage into it."""
    import shutil

    from components.data import snapshot

    folder = tmp_path / "data"
    shutil.copytree(snapshot.DATA_DIR, folder, ignore=shutil.ignore_patterns("cases"))
    monkeypatch.setattr(snapshot, "DATA_DIR", folder)
    monkeypatch.setattr(snapshot, "SERIES_DIR", folder / "series")
    monkeypatch.setattr(snapshot, "SNAPSHOT_FILE", folder / "snapshot.json")
    return folder
