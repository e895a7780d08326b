"""AppTest of the Data & sources page: catalog, details, tampered URL, broken snapshot, live refresh."""

import pandas as pd
import pytest

from components import data
from components.data import live, snapshot
from tests.apptest_helpers import app_test, texts
from tests.factories.series import yf_frame
from tests.factories.snapshot import copy_snapshot

PAGE = "pages/8_Data_sources.py"


def test_catalog_lists_every_series_with_metadata():
    at = app_test(PAGE).run()
    assert not at.exception
    table = at.dataframe[0].value
    assert len(table) == len(data.catalog())
    for column in (
        "name",
        "unit",
        "frequency",
        "instrument",
        "provider",
        "licence",
        "source_url",
        "first",
        "last",
        "rows",
        "gaps",
        "age_days",
    ):
        assert column in table.columns
    brent = table.set_index("id").loc["brent_spot_eia"]
    assert brent["instrument"] == "spot" and brent["last"] == pd.Timestamp("2026-08-18")
    assert table.set_index("id").loc["brent_futures_yahoo", "status"].startswith("live only")
    assert "offline snapshot" in texts(at)


def _in_order(node):
    for child in getattr(node, "children", {}).values():
        yield child
        yield from _in_order(child)


def test_a_chosen_series_is_drawn_before_the_catalog():
    at = app_test(PAGE, {"data_id": "brent_spot_eia"}).run()
    kinds = [element.type for element in _in_order(at.main)]
    assert "plotly_chart" in kinds and kinds.index("plotly_chart") < kinds.index("dataframe")
    assert at.subheader[0].value == data.series_meta("brent_spot_eia")["name"]
    assert [header.value for header in at.subheader][1] == "Catalog"


def test_series_details_from_the_url_show_points_and_sources():
    at = app_test(PAGE, {"data_id": "india_imports_russia_vortexa"}).run()
    assert not at.exception
    points = next(frame.value for frame in at.dataframe if "used" in frame.value.columns)  # the series first
    assert {"source_title", "source_url", "flag", "used"} <= set(points.columns)
    assert len(points) == len(data.load_points("india_imports_russia_vortexa"))
    name = data.series_meta("india_imports_russia_vortexa")["name"]
    assert any(b.label.startswith(f"Download {name}") for b in at.get("download_button"))  # by name, not id


@pytest.mark.parametrize(
    "params", [{"data_id": "<script>alert(1)</script>"}, {"data_topics": "%%%,,"}, {"data_id": "x" * 5000}]
)
def test_tampered_parameters_fall_back_with_a_notice(params):
    at = app_test(PAGE, params).run()
    assert not at.exception
    assert "Ignored URL parameter" in texts(at)
    has_why = [("why" in d.value.columns) for d in at.dataframe]
    assert has_why[0] is False and has_why[-1] is True and sum(has_why) == 1, "catalog first, live table last"


def test_broken_snapshot_file_is_named_and_the_page_keeps_working(tmp_path, monkeypatch):
    folder = copy_snapshot(tmp_path)
    (folder / "series" / "urals_price_minfin.csv").write_text("garbage")
    (folder / "series" / "wti_spot_eia.json").write_text("{")
    monkeypatch.setattr(snapshot, "DATA_DIR", folder)
    at = app_test(PAGE).run()
    assert not at.exception
    shown = texts(at)
    assert "Wti spot eia could not be read" in shown and "wti_spot_eia.json" in shown  # the file to repair
    table = at.dataframe[0].value.set_index("id")
    assert "urals_price_minfin.csv" in table.loc["urals_price_minfin", "status"]
    assert table.loc["brent_spot_eia", "status"] == "readable"


def test_refresh_button_reports_each_series(monkeypatch, tmp_path):
    monkeypatch.setenv("CLAIMLENS_OFFLINE", "0")
    monkeypatch.setattr(live, "CACHE_DIR", tmp_path / "cache")
    monkeypatch.setattr(
        live, "download", lambda tickers: yf_frame({t: ([70.0, 71.0] if t != "^NSEI" else None) for t in tickers})
    )
    at = app_test(PAGE).run()
    at.button(key="data_refresh").click().run()
    assert not at.exception
    shown = texts(at)
    names = {sid: data.series_meta(sid)["name"] for sid in ("brent_futures_yahoo", "nifty50_yahoo")}
    assert f"✅ {names['brent_futures_yahoo']}: live" in shown
    assert f"⚠️ {names['nifty50_yahoo']}: unavailable" in shown and "failed in the batch" in shown


def test_live_table_says_what_fell_back_and_why(monkeypatch, tmp_path):
    monkeypatch.setenv("CLAIMLENS_OFFLINE", "0")
    monkeypatch.setattr(live, "CACHE_DIR", tmp_path / "cache")
    monkeypatch.setattr(
        live, "download", lambda tickers: yf_frame({t: ([70.0, 71.0] if t == "BZ=F" else None) for t in tickers})
    )
    at = app_test(PAGE).run()
    assert not at.exception
    table = at.dataframe[-1].value.set_index("series")
    name = {sid: data.series_meta(sid)["name"] for sid in ("brent_futures_yahoo", "wti_futures_yahoo", "wti_spot_eia")}
    name["nifty50_yahoo"] = data.series_meta("nifty50_yahoo")["name"]
    assert table.loc[name["brent_futures_yahoo"], "showing"] == name["brent_futures_yahoo"]
    assert table.loc[name["brent_futures_yahoo"], "rows"] == 2
    assert table.loc[name["wti_futures_yahoo"], "showing"] == name["wti_spot_eia"]
    assert "different instrument" in table.loc[name["wti_futures_yahoo"], "why"]
    assert table.loc[name["nifty50_yahoo"], "showing"] == "nothing"
    assert "failed in the batch" in table.loc[name["nifty50_yahoo"], "why"]
    assert not table.reset_index().map(lambda cell: "_yahoo" in str(cell) or "_eia" in str(cell)).any().any()


def test_offline_live_table_shows_snapshot_fallbacks():
    at = app_test(PAGE).run()
    table = at.dataframe[-1].value.set_index("series")
    rub = data.series_meta("usd_rub_yahoo")["name"]
    assert table.loc[rub, "showing"] == data.series_meta("usd_rub_ecb")["name"]
    assert "live Yahoo data is off" in table.loc[rub, "why"]


def test_a_vintage_that_changed_verdicts_names_the_claims(monkeypatch):
    from components.case import DEFAULT_CASE, load_case

    claim = next(c for c in load_case(DEFAULT_CASE, verdicts=False).claims if c.short)
    record = {
        "id": "v-test",
        "date": "2026-11-30",
        "kind": "refresh",
        "changes": {},
        "verdict_changes": [
            {"claim": f"{DEFAULT_CASE}/{claim.id}", "was": "supported", "now": "mixed", "reason": "revised"},
            {"claim": "some-other-case/c9", "was": "mixed", "now": "supported", "reason": "new month"},
        ],
    }
    quiet = {"id": "v-quiet", "date": "2026-10-31", "kind": "refresh", "changes": {}, "verdict_changes": []}
    monkeypatch.setattr(data, "vintage_history", lambda: [quiet, record])
    at = app_test(PAGE).run()
    assert not at.exception
    flips = next(d.value for d in at.dataframe if "was" in d.value.columns)
    assert list(flips["claim"]) == [claim.short, "a claim of another case"]
