"""The importer's rules: provider separation, flags, stated conversions, no averaging, round trip."""

import pandas as pd
import pytest

from components.data import snapshot
from importers import snapshot as importer
from tests.factories.snapshot import write_compiled_sources


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
        ("Commerce ministry (official)", "official"),
        ("Ministry of Commerce and Industry (official)", "official"),
        ("Russian Ambassador to India D. Alipov (Russian official estimate)", "unnamed"),
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
    assert china.loc[pd.Timestamp("2025-03-01"), "flag"] == "converted: million tonnes × 7.33 bbl/t ÷ 31 days"
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


@pytest.mark.parametrize(
    "provider, note, flags",
    [
        ("Kpler (analyst forecast)", "March 2026; FORECAST made 2026-03-01", "provisional"),
        (
            "Kpler",
            "March 2023; 'on track' - partial month/projection; mirror copy of The Independent",
            "partial;provisional;caution",
        ),
        ("Kpler (via Bloomberg)", "August 2025; aggregator copy (Glance) of Times Now", "caution"),
        ("trade sources (Reuters)", "May 2022; copy of Reuters", "caution"),
        ("Kpler and OilX (via Reuters)", "October 2025; may be shipments rather than arrivals", "caution"),
        ("Kpler (page names Vortexa)", "June 2023; provider uncertain", "caution"),
        ("Kpler", "January 2026 (year from context: US trade deal)", "caution"),
        ("Kpler (provisional)", "October 2025 (full month, discharges)", "provisional"),
        ("Kpler", "partial month (to 2026-02-10); aggregator copy (likely of Mint)", "partial;caution"),
        ("Vortexa", "October 2022", ""),
        ("Vortexa", "December 2023; kbpd rescaled", ""),
    ],
)
def test_flags_from_the_extensions_wording(provider, note, flags):
    assert importer.flags_for(provider, note) == flags


def extension_sources(root):
    """The fixture sources plus rows worded like the 2026-12 extension of the compiled files."""
    compiled = write_compiled_sources(root)
    with (compiled / "china_crude_imports_from_russia_monthly.csv").open("a") as handle:
        handle.write("2025-05,2.1,million bpd,Page K,https://k.example/1,q,Russia,Kpler,seaborne only\n")
    with (compiled / "india_crude_imports_by_origin_monthly.csv").open("a") as handle:
        handle.write(
            "2026-01,2.3,billion USD,Page E,https://e.example/1,q,Russia,"
            '"industry estimate, sources not named",January 2026; value; ESTIMATE\n'
        )
    with (compiled / "urals_price_and_discount_monthly.csv").open("a") as handle:
        for month, value, series in (
            ("2025-11", -20.11, "Urals discount to North Sea Dated, FOB Primorsk (Argus)"),
            ("2025-12", -26.48, "Urals discount to North Sea Dated, FOB Primorsk (Argus)"),
            ("2025-11", -20.995, "Urals discount to North Sea Dated, FOB Novorossiysk Med Suezmax (Argus)"),
            ("2025-11", -22.505, "Urals discount to North Sea Dated, FOB Novorossiysk Med Aframax (Argus)"),
            ("2025-12", -26.4, "Urals discount to North Sea Dated, FOB Novorossiysk Med Suezmax (Argus)"),
            ("2025-11", -4.965, "Urals discount to North Sea Dated, DAP West Coast India (Argus)"),
            ("2025-12", -8.0, "Urals discount to North Sea Dated, DAP West Coast India (Argus)"),
            ("2025-11", -23.0, "Urals discount to Brent, percent"),
        ):
            handle.write(
                f'{month},{value},USD/bbl (discount),Page A,https://a.example/{month},q,"{series}",'
                "Argus (via Interfax),\n"
            )
    return compiled


def test_the_extension_keeps_customs_bases_and_official_values_apart(tmp_path):
    compiled = extension_sources(tmp_path / "sources")
    built = {b.meta["id"]: b for b in importer.build_china(compiled) + importer.build_urals_and_revenue(compiled)}
    china = built["china_imports_russia_gacc"].points
    assert pd.Timestamp("2025-05-01") not in set(china["date"]), "Kpler's seaborne estimate is not customs data"
    baltic = built["urals_discount_baltic_argus"].points
    assert baltic["value"].tolist() == [-20.11, -26.48]
    black_sea = built["urals_discount_novorossiysk_argus"].points
    used = black_sea[black_sea["used"]]
    assert used["value"].tolist() == [-20.995, -26.4], "first figure in source order draws the line"
    assert black_sea["provider_detail"].str.contains("Aframax").any(), "each point names its basis"
    assert built["urals_discount_india_delivered"].points["value"].tolist() == [-4.965, -8.0]
    assert "urals_discount_argus" not in built  # each delivery basis is a series of its own
    value = {b.meta["id"]: b for b in importer.build_india(compiled)}["india_imports_russia_value_official"]
    assert 2.3 not in value.points["value"].tolist(), "an unnamed estimate is not an official value"
