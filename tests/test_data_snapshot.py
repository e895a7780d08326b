"""The committed snapshot through the public API: ids, shapes, real values, integrity, broken files."""

import pandas as pd
import pytest

from components import data
from components.data import snapshot
from tests.factories.snapshot import copy_snapshot

FIXED_IDS = [
    "brent_spot_eia",
    "wti_spot_eia",
    "usd_inr_ecb",
    "usd_cny_ecb",
    "usd_rub_ecb",
    "india_imports_russia_kpler",
    "india_imports_russia_vortexa",
    "china_imports_russia_gacc",
    "china_imports_russia_gacc_annual",
    "urals_price_minfin",
    "russia_oil_gas_revenue_minfin",
    "brent_futures_yahoo",
    "wti_futures_yahoo",
    "usd_rub_yahoo",
    "usd_inr_yahoo",
    "usd_cny_yahoo",
    "nifty50_yahoo",
    "reliance_yahoo",
]


def test_catalog_has_fixed_ids_and_metadata_columns():
    cat = data.catalog()
    assert set(FIXED_IDS) <= set(cat["id"])
    for column in (
        "id",
        "name",
        "unit",
        "frequency",
        "instrument",
        "provider",
        "licence",
        "source_url",
        "first",
        "last",
    ):
        assert column in cat.columns
    assert (cat["status"] == "ok").all()
    assert (cat.loc[cat["origin"] == "snapshot", "checksum"].str.len() == 64).all()
    assert set(cat.loc[cat["live_ticker"] == "BZ=F", "instrument"]) == {"futures"}
    assert set(cat.loc[cat["id"] == "brent_spot_eia", "instrument"]) == {"spot"}


def test_load_series_shape_and_window():
    brent = data.load_series("brent_spot_eia", "2025-03-01", "2025-03-31")
    assert isinstance(brent.index, pd.DatetimeIndex) and brent.index.tz is None
    assert brent.dtype == float and brent.name == "brent_spot_eia"
    assert brent.index.min() >= pd.Timestamp("2025-03-01") and brent.index.max() <= pd.Timestamp("2025-03-31")
    # EIA RBRTE as published: 6 March 2025 71.08, 7 March 2025 72.49 USD/bbl
    assert brent[pd.Timestamp("2025-03-06")] == pytest.approx(71.08)
    assert brent[pd.Timestamp("2025-03-07")] == pytest.approx(72.49)


def test_eia_spans_2020_to_source_end_and_rub_stops_with_the_ecb():
    assert data.load_series("brent_spot_eia").index.min() == pd.Timestamp("2020-01-02")
    assert data.load_series("wti_spot_eia").index.max() == pd.Timestamp("2026-08-18")
    assert data.load_series("usd_rub_ecb").index.max() == pd.Timestamp("2022-03-01")
    assert "2022-03-01" in data.series_meta("usd_rub_ecb")["notes"]


def test_ecb_cross_is_currency_over_usd():
    inr = data.load_series("usd_inr_ecb", "2026-10-30", "2026-10-30")
    # eurofxref 2026-10-30: USD 1.1172 per EUR; INR per EUR in the source divided by that
    assert 80 < inr.iloc[0] < 110


def test_monthly_points_sit_on_the_first_and_gaps_stay_gaps():
    kpler = data.load_series("india_imports_russia_kpler")
    assert (kpler.index.day == 1).all()
    months = pd.period_range(kpler.index.min(), kpler.index.max(), freq="M")
    assert len(kpler) < len(months), "Kpler has missing months; they must not be filled"
    assert kpler.index.is_unique


def test_providers_stay_separate_for_january_2025():
    kpler = data.load_series("india_imports_russia_kpler")[pd.Timestamp("2025-01-01")]
    vortexa = data.load_series("india_imports_russia_vortexa")[pd.Timestamp("2025-01-01")]
    assert (kpler, vortexa) == (pytest.approx(1.67), pytest.approx(1.49))


def test_points_carry_citations_and_flags():
    pts = data.load_points("india_imports_russia_kpler")
    assert list(pts.columns) == snapshot.POINT_COLUMNS
    assert pts["source_url"].str.startswith("http").all()
    assert pts.loc[pts["flag"].str.contains("partial"), "date"].size > 0
    feb = pts[pts["date"] == pd.Timestamp("2025-02-01")]
    assert feb["used"].sum() == 1 and len(feb) > 1
    assert feb.loc[feb["used"], "flag"].iloc[0] == "", "a final figure wins over a partial one"


def test_unknown_id_is_named_without_listing_the_others():
    with pytest.raises(KeyError) as err:
        data.load_series("brent_spot")
    assert "brent_spot" in str(err.value) and "brent_spot_eia" not in str(err.value)


def test_live_only_series_is_unavailable_offline():
    with pytest.raises(data.SeriesUnavailable, match="BZ=F"):
        data.load_series("brent_futures_yahoo")


def test_corrupted_csv_names_the_file_and_others_still_load(tmp_path, monkeypatch):
    folder = copy_snapshot(tmp_path)
    monkeypatch.setattr(snapshot, "DATA_DIR", folder)
    target = folder / "series" / "urals_price_minfin.csv"
    target.write_text(target.read_text().replace("63.62", "99.99"))
    with pytest.raises(data.SnapshotError, match="urals_price_minfin.csv"):
        data.load_series("urals_price_minfin")
    assert len(data.load_series("brent_spot_eia")) > 1000


def test_missing_csv_and_broken_record(tmp_path, monkeypatch):
    folder = copy_snapshot(tmp_path)
    monkeypatch.setattr(snapshot, "DATA_DIR", folder)
    (folder / "series" / "wti_spot_eia.csv").unlink()
    (folder / "series" / "usd_cny_ecb.json").write_text("{not json")
    with pytest.raises(data.SnapshotError, match="wti_spot_eia.csv is missing"):
        data.load_series("wti_spot_eia")
    cat = data.catalog()
    broken = cat.set_index("id").loc["usd_cny_ecb", "status"]
    assert "usd_cny_ecb.json" in broken and "unreadable" in broken
    with pytest.raises(data.SnapshotError, match="usd_cny_ecb.json"):
        data.load_series("usd_cny_ecb")
    assert (cat["status"] == "ok").sum() == len(cat) - 1


def test_every_committed_file_matches_its_checksum():
    for _, row in data.catalog().query("origin == 'snapshot'").iterrows():
        csv_path, _ = snapshot.series_paths(row["id"])
        assert snapshot.sha256_file(csv_path) == row["checksum"], row["id"]


def test_snapshot_as_of_is_recorded():
    assert data.snapshot_as_of() >= pd.Timestamp("2026-08-18")
