"""The Data & sources catalog table (components.data.catalog_table): provenance joined with coverage."""

import pandas as pd

from components.data.catalog_table import COLUMNS, catalog_table, compact_points


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


def test_compact_points_sends_repeated_texts_once_and_keeps_every_value():
    import pyarrow as pa

    days = pd.bdate_range("2024-01-01", periods=400)
    points = pd.DataFrame(
        {
            "date": days,
            "value": range(400),
            "unit": pd.array(["USD/bbl"] * 400, dtype="string"),
            "flag": pd.array([""] * 399 + ["partial"], dtype="string"),
            "source_title": pd.array([f"release {n}" for n in range(400)], dtype="string"),  # all distinct
            "used": [True] * 400,
        }
    )
    compact = compact_points(points)
    assert isinstance(compact["unit"].dtype, pd.CategoricalDtype)
    assert isinstance(compact["flag"].dtype, pd.CategoricalDtype)
    assert not isinstance(compact["source_title"].dtype, pd.CategoricalDtype)  # nothing to gain: left as it is
    assert compact["value"].dtype == points["value"].dtype and compact["used"].dtype == bool
    pd.testing.assert_frame_equal(compact.astype({"unit": "string", "flag": "string"}), points)
    assert not isinstance(points["unit"].dtype, pd.CategoricalDtype)  # the caller's frame is not changed

    def arrow_bytes(frame):
        return pa.Table.from_pandas(frame).nbytes

    assert arrow_bytes(compact) < arrow_bytes(points)
