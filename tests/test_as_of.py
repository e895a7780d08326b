"""The as-of note (components.as_of): one line, details on demand, vintage notes and file problems in readers'
words; and the catalog as the Data & sources page shows it (components.data.catalog_table.shown_catalog)."""

from __future__ import annotations

import re

import pandas as pd

from components import as_of
from components.data.catalog_table import SHOWN, catalog_table, shown_catalog


def _catalog() -> pd.DataFrame:
    rows = [
        ("brent_spot_eia", "Brent spot", "oil price", "EIA", "2026-08-22", "2026-08-18", "ok"),
        ("urals_price_minfin", "Urals average", "urals", "MinFin", "2026-11", "2026-02-01", "ok"),
        (
            "india_imports_russia_kpler",
            "India from Russia (Kpler)",
            "india imports",
            "Kpler",
            "2026-11",
            "2026-03-01",
            "ok",
        ),
        (
            "wti_spot_eia",
            "wti_spot_eia",
            "oil price",
            "",
            "",
            None,
            "snapshot file data/series/wti_spot_eia.json is unreadable",
        ),
    ]
    frame = pd.DataFrame(rows, columns=["id", "name", "topic", "provider", "retrieved", "last", "status"])
    frame["last"] = pd.to_datetime(frame["last"])
    return frame.assign(origin="snapshot")


VINTAGES = [
    {
        "id": "5ee00a78a849",
        "date": "2026-12-01",
        "kind": "import",
        "note": "Rebuilt by the importer from ../shared/sources.",
    }
]


def _note(**overrides) -> as_of.AsOf:
    args = dict(
        catalog=_catalog(),
        built=pd.Timestamp("2026-12-01"),
        vintage="5ee00a78a849",
        vintages=VINTAGES,
        stale_sentences={
            "brent_spot_eia": ("Brent spot is stale: last figure 18 Aug 2026, usually updated weekly", True),
            "urals_price_minfin": ("Urals average has ended: the publisher stopped it", False),
        },
        stale_line="1 of 3 series is stale (marked where they are used)",
        live_on=False,
    )
    return as_of.as_of(**{**args, **overrides})


def test_one_line_with_date_vintage_mode_and_stale_count():
    note = _note()
    assert note.line == (
        "Data as of 01 Dec 2026 · offline snapshot, vintage 5ee00a78a849 · live Yahoo series off · "
        "1 of 3 series is stale (marked where they are used)"
    )
    assert "\n" not in note.line
    assert "stale" not in _note(stale_line="").line and "on when reachable" in _note(live_on=True).line
    assert _note(vintage="sha256:abc").line.startswith("Data as of 01 Dec 2026 · offline snapshot ·")


def test_details_hold_the_vintage_retrieval_dates_sources_and_stale_series_without_paths():
    details = re.sub(r"\\(.)", r"\1", _note().details)  # markdown escapes removed, as a reader sees it
    assert "Vintage 5ee00a78a849" in details and "01 Dec 2026" in details
    assert "Oil prices: newest value 18 Aug 2026, retrieved up to 22 Aug 2026 (1 series)" in details
    assert "Urals crude: newest value 01 Feb 2026, retrieved up to Nov 2026" in details
    assert "Kpler" in details and "Brent spot is stale: last figure 18 Aug 2026" in details
    assert "has ended" not in details  # an ended series is not stale
    assert "../" not in details and "shared/sources" not in details and "importer" not in details
    assert not re.search(r"\b[a-z]+_[a-z_]+\b", details)  # no snake_case id


def test_an_unreadable_series_is_a_problem_named_in_words():
    ((what, why),) = _note().problems
    assert what == "The series Wti spot eia could not be read"  # no name in a broken record: its id in words
    assert why == "snapshot file data/series/wti_spot_eia.json is unreadable"  # the project file to repair
    damaged = _note(snapshot_problems=["the snapshot index data/snapshot.json is missing"]).problems[-1]
    assert damaged == ("The snapshot is damaged", "the snapshot index data/snapshot.json is missing")


def test_reader_notes_keep_words_and_drop_paths():
    assert as_of.reader_note("Rebuilt by the importer from ../shared/sources.") == as_of.IMPORT_WORDS
    assert as_of.reader_note("Refresh from the publishers (EIA, ECB).") == "Refresh from the publishers (EIA, ECB)."
    assert "/" not in as_of.reader_note("Figures fixed in compiled/india.csv by hand")
    assert as_of.reader_note(None) == "" and as_of.reader_note("  ") == ""


def test_shown_catalog_has_words_dates_and_no_missing_cells():
    catalog = pd.DataFrame(
        [
            dict(
                id="a_kpler",
                name="A (Kpler)",
                unit="mb/d",
                frequency="monthly",
                instrument="",
                provider="Kpler",
                licence=None,
                source_url="https://x.org",
                retrieved="2026-11",
                origin="snapshot",
                live_ticker="",
                checksum="0123456789abcdef",
            ),
            dict(
                id="b_yahoo",
                name="B futures",
                unit="USD",
                frequency="daily",
                instrument="futures",
                provider="Yahoo",
                licence="",
                source_url="yfinance",
                retrieved="2026-08-22",
                origin="live-only",
                live_ticker="BZ=F",
                checksum="",
            ),
        ]
    )
    values = pd.Series([1.0, 2.0], index=pd.to_datetime(["2026-01-01", "2026-02-01"]))
    raw = catalog_table(catalog, ["a_kpler", "b_yahoo"], lambda sid: (values, ""), pd.Timestamp("2026-03-10"))
    table = shown_catalog(raw, {"a_kpler": "stale: last value Feb 2026"})
    assert list(table.columns) == SHOWN + ["id", "checksum"]
    assert list(table["frequency"]) == ["Monthly", "Daily"] and list(table["retrieved"]) == ["Nov 2026", "22 Aug 2026"]
    assert list(table["status"]) == ["readable", "live only (Yahoo BZ=F)"]
    assert list(table["stale"]) == ["stale: last value Feb 2026", ""]
    text_columns = [c for c in SHOWN if c not in ("first", "last", "rows", "gaps", "age_days", "source_url")]
    cells = table[text_columns].astype(str).to_numpy().ravel()
    assert not {"None", "nan", "NaT"} & set(cells)
    assert table["last"].iloc[0] == pd.Timestamp("2026-02-01")  # dates stay dates, for the table's own format
