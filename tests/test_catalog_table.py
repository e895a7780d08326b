"""The Data & sources catalog table (components.data.catalog_table): provenance joined with coverage."""

import pandas as pd

from components.data.catalog_table import COLUMNS, catalog_table


def entry(sid, origin="snapshot", frequency="monthly", source_url="https://example.org/x", live_ticker=""):
    return dict(
        id=sid,
        name=sid.title(),
        unit="u",
        frequency=frequency,
        instrument="spot",
        provider="P",
        licence="public domain",
        source_url=source_url,
        retrieved="2025-06-01",
        origin=origin,
        live_ticker=live_ticker,
        checksum="0123456789abcdef0123",
        topic="t",
    )


CATALOG = pd.DataFrame(
    [
        entry("monthly_ok"),
        entry("broken"),
        entry("live", origin="live-only", frequency="daily", live_ticker="BZ=F", source_url="yfinance"),
        entry("not_chosen"),
    ]
)
VALUES = pd.Series([1.0, 2.0, 4.0], index=pd.to_datetime(["2025-01-01", "2025-02-01", "2025-04-01"]))


def read(sid):
    return (VALUES, "") if sid == "monthly_ok" else (None, "data/series/broken.csv is not a valid CSV")


def test_rows_join_provenance_and_coverage_in_catalog_order():
    table = catalog_table(CATALOG, ["live", "broken", "monthly_ok"], read, pd.Timestamp("2025-04-11"))
    assert list(table.columns) == COLUMNS and list(table["id"]) == ["monthly_ok", "broken", "live"]
    ok = table.iloc[0]
    assert (ok["first"], ok["last"], ok["rows"], ok["gaps"], ok["age_days"]) == (
        pd.Timestamp("2025-01-01"),
        pd.Timestamp("2025-04-01"),
        3,
        1,  # March missing
        10,
    )
    assert ok["status"] == "ok" and ok["checksum"] == "0123456789ab"
    assert table.iloc[1]["status"].startswith("data/series/broken.csv") and pd.isna(table.iloc[1]["rows"])
    live = table.iloc[2]
    assert live["status"] == "live only (Yahoo BZ=F)" and pd.isna(live["source_url"]) and pd.isna(live["first"])


def test_nothing_chosen_gives_an_empty_table_with_its_columns():
    table = catalog_table(CATALOG, [], read, pd.Timestamp("2025-04-11"))
    assert table.empty and list(table.columns) == COLUMNS
