"""Points say what their source says: the importer on factory rows (each wording flag, a unit converted by a
stated factor, a unit kept as printed, a unit refused with file:line), and the Methodology page naming every flag."""

import pandas as pd
import pytest

from components import methodology, point_flags
from importers import snapshot as importer
from tests.factories.snapshot import write_compiled_rows

INDIA = "india_crude_imports_by_origin_monthly.csv"
URALS = "urals_price_and_discount_monthly.csv"
REVENUE = "russia_oil_revenue_by_destination.csv"


def kpler_row(month, value, quote="q", note="", unit="million bpd", provider="Kpler"):
    return dict(month=month, value=value, unit=unit, quote_of_figure=quote, origin="Russia", data_provider=provider,
                note=note)  # fmt: skip


def india_points(tmp_path, rows):
    """The Kpler series the importer builds from these rows (plus two plain months, so it becomes a series)."""
    plain = [kpler_row("2020-01", 1.0), kpler_row("2020-02", 1.1)]
    write_compiled_rows(tmp_path / "compiled", INDIA, plain + rows)
    built = {b.meta["id"]: b for b in importer.build_india(tmp_path / "compiled")}
    return built["india_imports_russia_kpler"].points.set_index("date")


@pytest.mark.parametrize(
    "quote, note, unit, value, flag",
    [
        ("imports rose to about 1.9 million bpd", "", "million bpd", 1.9, "approximate"),
        ("India imported around 1.9 mb/d", "", "million bpd", 1.9, "approximate"),
        ("deliveries reached nearly 1.8 million barrels per day", "", "million bpd", 1.8, "approximate"),
        ("Indian refiners received more than 1.9 million bpd", "", "million bpd", 1.9, "bound"),
        ("purchases rose to over 2 million barrels per day", "", "million bpd", 2.0, "bound"),
        ("India took at least 1.7 million bpd", "", "million bpd", 1.7, "bound"),
        ("imports of up to 1.6 million bpd", "", "million bpd", 1.6, "bound"),
        ("the table gives 1858* for the month", "", "million bpd", 1.858, "footnoted"),
        ("Overall 1117 1192 1858", "November column (asterisked in source)", "million bpd", 1.858, "footnoted"),
        ("imports of 0.60–0.65 million bpd", "", "million bpd", 0.625, "range"),
        ("likely between 2.1 and 2.2 million bpd", "", "million bpd", 2.2, "range"),
        ("a June peak of two million bpd", "June 2025, 'around'", "million bpd", 2.0, "approximate"),
        ("spot discounts", "range 1.2-1.4, lower bound recorded", "million bpd", 1.2, "range"),
        ("imports of 1.9 million bpd", "", "million bpd (approx)", 1.9, "approximate"),
    ],
)
def test_each_weak_wording_becomes_a_flag_on_its_point(tmp_path, quote, note, unit, value, flag):
    points = india_points(tmp_path, [kpler_row("2025-03", value, quote, note, unit)])
    assert point_flags.names(points.loc[pd.Timestamp("2025-03-01"), "flag"]) == {flag}


@pytest.mark.parametrize(
    "quote",
    [
        "December imports dropped about 22 per cent from November to 1.38 million barrels per day",  # hedges the 22
        "imports fell from 1.2 to 1.38 million bpd",  # a change, not a range
        "Russia 1209 1328 -9.0% 1289 1380 -4.2%",  # a table's next column, not a range
        "India imported 1.38 million bpd, over the previous month's level",  # 'over' is not before the figure
    ],
)
def test_a_hedge_on_another_number_is_not_a_flag_on_the_figure(tmp_path, quote):
    points = india_points(tmp_path, [kpler_row("2025-03", 1.38, quote)])
    assert points.loc[pd.Timestamp("2025-03-01"), "flag"] == ""


def test_a_provider_the_page_does_not_name_is_flagged(tmp_path):
    rows = [
        dict(month=m, value=v, unit="USD/bbl", series="Urals average price", data_provider=p)
        for m, v, p in (("2025-01", 60.0, "Russian Finance Ministry"), ("2025-02", 61.0, "industry sources, not named"))
    ]
    write_compiled_rows(tmp_path / "compiled", URALS, rows)
    write_compiled_rows(tmp_path / "compiled", REVENUE, [])
    built = {b.meta["id"]: b for b in importer.build_urals_and_revenue(tmp_path / "compiled")}
    flags = built["urals_price_minfin"].points.set_index("date")["flag"]
    assert flags.to_dict() == {pd.Timestamp("2025-01-01"): "", pd.Timestamp("2025-02-01"): "unnamed"}


def test_a_plain_figure_draws_the_line_before_a_loosely_worded_one(tmp_path):
    points = india_points(
        tmp_path,
        [
            kpler_row("2025-03", 1.9, "imports of about 1.9 million bpd"),
            kpler_row("2025-03", 1.87, "imports of 1.87 million bpd"),
            kpler_row("2025-04", 1.8, "partial month", "partial month (to Apr 10)"),
            kpler_row("2025-04", 1.7, "more than 1.7 million bpd"),
        ],
    )
    used = points[points["used"]]["value"]
    assert used.to_dict() == {
        pd.Timestamp("2020-01-01"): 1.0,
        pd.Timestamp("2020-02-01"): 1.1,
        pd.Timestamp("2025-03-01"): 1.87,  # the plain figure, though printed second
        pd.Timestamp("2025-04-01"): 1.7,  # a bound is the whole month; a part-month figure is not
    }


@pytest.mark.parametrize(
    "unit, printed, expected, factor",
    [
        ("thousand bpd", 1900, 1.9, "converted: thousand bpd → million b/d: × 0.001"),
        ("million barrels (month total)", 31.0, 1.0, "converted: million barrels in the month ÷ 31 days"),
        ("million tonnes", 8.85, 8.85 * 7.33 / 31, "converted: million tonnes × 7.33 bbl/t ÷ 31 days"),
    ],
)
def test_a_unit_mismatch_is_converted_by_a_stated_factor_the_flag_names(unit, printed, expected, factor):
    row = pd.Series(dict(month="2025-03", value=printed, unit=unit))
    point = importer.reconcile(row, "million b/d", pd.Timestamp("2025-03-01"))
    assert point.value == pytest.approx(expected) and point.unit == "million b/d" and point.drawn
    assert list(point.flags) == [factor]
    assert point_flags.detail(";".join(point.flags), "converted") == factor.removeprefix("converted: ")


def test_a_kb_d_row_in_the_mb_d_series_is_converted_and_flagged(tmp_path):
    points = india_points(tmp_path, [kpler_row("2025-03", 1900, "imports of 1,900 kb/d", unit="thousand bpd")])
    point = points.loc[pd.Timestamp("2025-03-01")]
    assert point["value"] == pytest.approx(1.9) and point["unit"] == "million b/d"
    assert point_flags.detail(point["flag"], "converted") == "thousand bpd → million b/d: × 0.001"


def test_another_currency_is_cited_in_its_own_unit_and_never_drawn(tmp_path):
    rows = [
        dict(month="2025-07", value=2.7, unit="billion EUR", series="Russia crude export revenue - India"),
        dict(month="2025-08", value=2.9, unit="billion EUR", series="Russia crude export revenue - India"),
        dict(month="2025-09", value=3.3, unit="billion USD", series="Russia crude export revenue - India"),
        dict(month="2025-10", value=2.5, unit="billion (stated USD; CREA publishes EUR)",
             series="Russia crude export revenue - India"),
    ]  # fmt: skip
    write_compiled_rows(tmp_path / "compiled", URALS, [])
    write_compiled_rows(tmp_path / "compiled", REVENUE, [dict(r, data_provider="CREA") for r in rows])
    built = {b.meta["id"]: b for b in importer.build_urals_and_revenue(tmp_path / "compiled")}
    points = built["russia_crude_revenue_india_crea"].points.set_index("date")
    september, october = points.loc[pd.Timestamp("2025-09-01")], points.loc[pd.Timestamp("2025-10-01")]
    assert september["unit"] == "billion USD" and not september["used"], "a USD figure is not on a EUR line"
    assert september["flag"] == "unit: billion USD"
    assert october["unit"] == "billion (stated USD; CREA publishes EUR)" and not october["used"]
    assert points[points["used"]]["unit"].eq("billion EUR").all()


@pytest.mark.parametrize(
    "unit, series, reason",
    [
        ("percent", "Urals average price", "cannot be reconciled with the series' 'USD/bbl'"),
        ("USD/bbl (Jan-Jul avg)", "Urals average price", "says 'jan-jul avg'"),
        ("USD/bbl (DES India)", "Urals average price", "delivery basis ('delivered India')"),
        ("USD/bbl (discount)", "Urals discount to North Sea Dated, DAP West Coast India (Argus)", None),
    ],
)
def test_a_unit_that_cannot_be_reconciled_is_refused_with_file_line_and_reason(tmp_path, unit, series, reason):
    rows = [
        dict(month="2025-01", value=60.0, unit="USD/bbl", series="Urals average price", data_provider="MinFin"),
        dict(month="2025-02", value=61.0, unit="USD/bbl", series="Urals average price", data_provider="MinFin"),
        dict(month="2025-03", value=-8.0, unit=unit, series=series, data_provider="Argus"),
    ]
    write_compiled_rows(tmp_path / "compiled", URALS, rows)
    write_compiled_rows(tmp_path / "compiled", REVENUE, [])
    if reason is None:  # the same basis as its series: taken
        importer.build_urals_and_revenue(tmp_path / "compiled")
        return
    with pytest.raises(importer.UnitRefused) as refused:
        importer.build_urals_and_revenue(tmp_path / "compiled")
    [line] = refused.value.lines
    assert line.startswith(f"compiled/{URALS}:4: ") and reason in line


def test_a_refused_row_stops_the_import_before_anything_is_written(tmp_path):
    sources = tmp_path / "sources"
    for name in (INDIA, "china_crude_imports_from_russia_monthly.csv", REVENUE):
        write_compiled_rows(sources / "compiled", name, [])
    bad = dict(month="2025-03", value=1.0, unit="percent", series="Urals average price", data_provider="MinFin")
    write_compiled_rows(sources / "compiled", URALS, [bad])
    with pytest.raises(importer.UnitRefused, match=f"compiled/{URALS}:2: "):
        importer.build_urals_and_revenue(sources / "compiled")


def test_delivery_bases_are_different_series_for_prices_and_discounts(tmp_path):
    rows = [
        dict(month=m, value=v, unit="USD/bbl", series=s, data_provider="Argus")
        for m, v, s in (
            ("2025-01", 58.0, "Urals price FOB Primorsk (Argus)"),
            ("2025-02", 57.0, "Urals price FOB Primorsk (Argus)"),
            ("2025-01", -12.0, "Urals discount to Brent, FOB Russian ports"),
            ("2025-02", -13.0, "Urals discount to Dated Brent, at export point"),
            ("2025-01", -20.0, "Urals discount to North Sea Dated, FOB Primorsk (Argus)"),
            ("2025-02", -21.0, "Urals discount to North Sea Dated, FOB Primorsk (Argus)"),
        )
    ]
    write_compiled_rows(tmp_path / "compiled", URALS, rows)
    write_compiled_rows(tmp_path / "compiled", REVENUE, [])
    built = {b.meta["id"]: b for b in importer.build_urals_and_revenue(tmp_path / "compiled")}
    assert built["urals_price_primorsk_argus"].points["value"].tolist() == [58.0, 57.0]
    assert built["urals_discount_baltic_argus"].points["value"].tolist() == [-20.0, -21.0]
    assert built["urals_discount_russian_ports_argus"].points["value"].tolist() == [-12.0, -13.0], (
        "a port the page does not name is not the Baltic"
    )
    assert importer.BASIS["urals_price_primorsk_argus"] == importer.BASIS["urals_discount_baltic_argus"]


def test_every_flag_is_named_in_words_on_the_methodology_page_and_in_hover_text():
    page = dict(methodology.sections())["Flags on figures"]
    for name, words in point_flags.FLAG_WORDS.items():
        assert f"**{name}**: {words}" in page
        assert point_flags.describe(name).startswith(name)
    assert point_flags.describe("approximate;converted: ÷ 31 days") == (
        f"approximate ({point_flags.FLAG_WORDS['approximate']}); converted by us: ÷ 31 days"
    )


def test_the_strength_and_the_flagged_figures_control_see_the_new_flags():
    from components import evidence, strength
    from components.evidence.rule_controls import FLAGS
    from tests.factories.evidence import evidence_context
    from tests.factories.series import monthly_series

    series = {"a_kpler": monthly_series("2025-01-01", (1.67, 1.40), "a_kpler")}
    flags = {"a_kpler": {"2025-02-01": "approximate;converted: million barrels in the month ÷ 28 days"}}
    spec = {"rule": "change_between", "series": ["a_kpler"], "a": "2025-01-01", "b": "2025-02-01", "expect": "down"}
    context = evidence_context(series, flags=flags)
    published = evidence.evaluate(spec, context)
    assert published.status == "supported"
    assessed = strength.assess(published)
    assert (assessed.flagged, assessed.figures) == (1, 2), "an approximate, converted figure counts as flagged"
    assert {"approximate", "bound", "range", "footnoted", "unnamed", "converted"} <= set(FLAGS)
    for left_out in (["approximate"], ["converted"]):  # 'converted: <factor>' still reads as 'converted'
        pushed = evidence.evaluate(spec, context, params={"exclude_flags": left_out})
        assert pushed.status == "no data", left_out


def test_the_command_line_names_the_refused_rows_and_writes_nothing(tmp_path, capsys, monkeypatch):
    import importers.snapshot.build

    # only the compiled builders: the official files (EIA, ECB...) have nothing to do with units
    monkeypatch.setattr(
        importers.snapshot.build, "build_all", lambda s: importer.build_urals_and_revenue(s / "compiled")
    )
    sources = tmp_path / "sources"
    for name in (INDIA, "china_crude_imports_from_russia_monthly.csv", REVENUE):
        write_compiled_rows(sources / "compiled", name, [])
    bad = dict(month="2025-03", value=1.0, unit="percent", series="Urals average price", data_provider="MinFin")
    write_compiled_rows(sources / "compiled", URALS, [bad])
    assert importer.main(["--sources", str(sources), "--data-dir", str(tmp_path / "data")]) == 1
    assert f"compiled/{URALS}:2: its unit 'percent' cannot be reconciled" in capsys.readouterr().err
    assert not (tmp_path / "data").exists()
