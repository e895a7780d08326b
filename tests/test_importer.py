"""The importer's rules: provider separation, flags, stated conversions, no averaging, round trip."""

import pandas as pd
import pytest

from components.data import importer, snapshot
from tests.factories import write_compiled_sources


@pytest.mark.parametrize(
    "text, key",
    [
        ("Kpler", "kpler"),
        ("Kpler (first half of month)", "kpler"),
        ("(table in article; Kpler analyst quoted)", "kpler"),
        ("Vortexa (via Economic Times)", "vortexa"),
        ("tanker data (Reuters)", "reuters"),
        ("Refinitiv Eikon (via Reuters)", "reuters"),
        ("(not named; tanker data)", "unnamed"),
        ("Department of Commerce (official)", "official"),
        ("something else", "unnamed"),
    ],
)
def test_classify_provider(text, key):
    assert importer.classify_provider(text) == key


def test_flags_from_wording():
    assert importer.flags_for("Kpler (preliminary, partial month)", None) == "partial;provisional"
    assert importer.flags_for("Kpler", "year inferred: verify") == "caution"
    assert importer.flags_for("Vortexa", "October 2022") == ""


def test_stated_conversions():
    march = pd.Timestamp("2025-03-01")
    assert importer.month_total_to_mbd(31.0, march) == pytest.approx(1.0)
    assert importer.tonnes_to_mbd(30 / 7.33, pd.Timestamp("2025-04-01")) == pytest.approx(1.0)
    assert importer.tonnes_to_mbd(8.85, march) == pytest.approx(8.85 * 7.33 / 31)


def test_choose_used_prefers_final_then_source_order():
    pts = pd.DataFrame(
        dict(
            date=pd.to_datetime(["2025-02-01"] * 3 + ["2025-03-01"]),
            value=[1.45, 1.48, 1.40, 2.1],
            unit="u",
            flag=["partial", "", "", "provisional"],
            source_title="t",
            source_url="u",
            provider_detail="p",
        )
    )
    chosen = importer.choose_used(pts)
    used = chosen[chosen["used"]].set_index("date")["value"]
    assert used.to_dict() == {pd.Timestamp("2025-02-01"): 1.48, pd.Timestamp("2025-03-01"): 2.1}
    assert len(chosen) == 4, "alternatives are kept, not dropped"


def test_build_from_fixture_sources_keeps_providers_apart(tmp_path):
    compiled = write_compiled_sources(tmp_path / "sources")
    built = {
        b.meta["id"]: b
        for b in importer.build_india(compiled)
        + importer.build_china(compiled)
        + importer.build_urals_and_revenue(compiled)
    }
    assert {
        "india_imports_russia_kpler",
        "india_imports_russia_vortexa",
        "india_imports_russia_reuters",
        "india_russia_share_kpler",
        "china_imports_russia_gacc",
        "russia_oil_gas_revenue_minfin",
    } <= set(built)
    kpler = built["india_imports_russia_kpler"].points
    assert kpler.loc[kpler["used"], "value"].tolist() == [1.67, 1.48]
    reuters = built["india_imports_russia_reuters"].points.set_index("date")
    assert reuters.loc[pd.Timestamp("2025-03-01"), "value"] == pytest.approx(1.0)  # 31 Mbbl / 31 days
    assert "converted" in reuters.loc[pd.Timestamp("2025-03-01"), "flag"]
    # every used value is either printed or a flagged conversion: nothing averaged
    printed = {1.67, 1.49, 1.45, 1.48, 1.41, 1.80, 35.7, 36.0, 2.25, 789.1, 771.3}
    for series_id, item in built.items():
        used = item.points[item.points["used"]]
        for _, row in used.iterrows():
            assert (
                row["value"] in printed
                or "converted" in row["flag"]
                or series_id.endswith(("_official", "_annual"))
                or row["value"] in {3.19, 4.0, 67.66, 61.0, 8.85, 9.26}
            ), (series_id, row["value"])
    assert not any("shipments" in b.meta["name"].lower() for b in built.values())
    china = built["china_imports_russia_gacc"].points.set_index("date")
    assert china.loc[pd.Timestamp("2025-04-01"), "value"] == pytest.approx(2.25), "printed b/d wins over tonnes"
    assert china.loc[pd.Timestamp("2025-03-01"), "flag"] == "converted"
    urals = built["urals_price_minfin"].points.set_index("date")
    assert "caution" in urals.loc[pd.Timestamp("2025-02-01"), "flag"]


def test_write_snapshot_round_trip(tmp_path, monkeypatch):
    compiled = write_compiled_sources(tmp_path / "sources")
    built = importer.build_india(compiled)
    ids = importer.write_snapshot(built, tmp_path / "data", built_on="2026-11-25")
    assert "brent_futures_yahoo" in ids  # live-only records are written too
    monkeypatch.setattr(snapshot, "DATA_DIR", tmp_path / "data")
    from components import data

    series = data.load_series("india_imports_russia_kpler")
    assert series.tolist() == [1.67, 1.48]
    assert data.snapshot_as_of() == pd.Timestamp("2026-11-25")
    record = data.series_meta("india_imports_russia_kpler")
    assert record["rows"] == 2 and record["first"] == pd.Timestamp("2025-01-01")


def test_run_import_refuses_a_wrong_folder(tmp_path):
    with pytest.raises(FileNotFoundError, match="compiled"):
        importer.run_import(tmp_path)
