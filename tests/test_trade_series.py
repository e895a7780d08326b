"""Trade series by role and the cited-figures table (components.trade_series), from a catalog built in code."""

import pandas as pd

from components import trade_series


def row(
    sid, unit="million b/d", topic="india imports", frequency="monthly", status="ok", origin="snapshot", provider=""
):
    return dict(
        id=sid, unit=unit, topic=topic, frequency=frequency, status=status, origin=origin, provider=provider or sid
    )


CATALOG = pd.DataFrame(
    [
        row("india_imports_russia_kpler", provider="Kpler"),
        row("india_imports_russia_vortexa", provider="Vortexa"),
        row("india_imports_russia_reuters", status="broken"),
        row("india_russia_share_kpler", unit="percent", provider="Kpler"),
        row("india_imports_iraq_kpler", provider="Kpler"),
        row("india_imports_saudi_vortexa", provider="Vortexa"),
        row("india_imports_total_kpler", provider="Kpler"),
        row("india_imports_russia_kpler_mt", unit="Mt", provider="Kpler"),
        row("china_imports_russia_gacc", topic="china imports", provider="GACC"),
        row("brent_spot_eia", unit="USD/bbl", topic="oil price", frequency="daily", provider="EIA"),
    ]
)


def test_roles_from_the_catalog_only_readable_monthly_series():
    on_record = trade_series.trade_series(CATALOG)
    assert on_record.russia == ["india_imports_russia_kpler", "india_imports_russia_vortexa"]
    assert on_record.shares == ["india_russia_share_kpler"]
    assert on_record.origins == ["india_imports_iraq_kpler", "india_imports_saudi_vortexa", "india_imports_total_kpler"]
    assert on_record.china == "china_imports_russia_gacc"
    assert on_record.origin_providers == ["kpler", "vortexa"]
    assert on_record.provider("india_imports_russia_vortexa") == "Vortexa" and on_record.provider("x") == "x"
    assert trade_series.trade_series(CATALOG[CATALOG["id"] != "china_imports_russia_gacc"]).china is None


def test_ids_read_as_provider_and_origin():
    assert trade_series.provider_key("india_imports_iraq_kpler") == "kpler"
    assert trade_series.origin_key("india_imports_saudi_kpler") == "saudi"
    assert trade_series.origin_label("india_imports_saudi_kpler") == "Saudi Arabia"
    assert trade_series.origin_label("india_imports_south_korea_kpler") == "South Korea"


def test_by_origin_puts_russia_first_and_keeps_to_one_provider():
    on_record = trade_series.trade_series(CATALOG)
    assert on_record.by_origin("kpler") == [
        ("india_imports_russia_kpler", "Russia"),
        ("india_imports_iraq_kpler", "Iraq"),
        ("india_imports_total_kpler", "Total, all origins"),
    ]
    assert on_record.by_origin("nobody") == []


def points(values, used=True):
    dates = pd.to_datetime(list(values))
    return pd.DataFrame(
        {
            "date": dates,
            "value": list(values.values()),
            "unit": "million b/d",
            "flag": "",
            "source_title": "t",
            "source_url": "https://example.org",
            "provider_detail": "",
            "used": used,
        }
    )


def test_cited_figures_keep_alternatives_cut_to_the_window_and_sort_by_date_then_provider():
    frames = {
        "a": points({"2025-01-01": 1.5, "2025-02-01": 1.6, "2025-03-01": 1.7}),
        "b": pd.concat([points({"2025-02-01": 1.4}), points({"2025-02-01": 1.45}, used=False)]),
        "broken": None,
    }
    names = {"a": "Vortexa", "b": "Kpler"}
    table = trade_series.cited_figures(
        ["a", "b", "broken"], frames.get, names.get, pd.Timestamp("2025-02-01"), pd.Timestamp("2025-03-01")
    )
    assert list(table.columns) == trade_series.POINT_COLUMNS
    assert list(zip(table["provider"], table["value"])) == [
        ("Kpler", 1.4),
        ("Kpler", 1.45),
        ("Vortexa", 1.6),
        ("Vortexa", 1.7),
    ]
    assert table["used"].tolist() == [True, False, True, True]
    empty = trade_series.cited_figures(
        ["broken"], frames.get, names.get, pd.Timestamp("2025-01-01"), pd.Timestamp("2025-12-01")
    )
    assert empty.empty and list(empty.columns) == trade_series.POINT_COLUMNS
