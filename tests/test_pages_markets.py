"""AppTest of the market pages (Oil, Trade flows, Currencies): default view, a control change reflected in the
URL, a tampered URL parameter giving a notice (never an exception). The Event study: tests/test_pages_event_study.py."""

import base64
import datetime as dt
import json

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from tests.apptest_helpers import ROOT, app_test, captions


def _app(page: str, **params) -> AppTest:
    return app_test(f"pages/{page}", params).run()


def _figures(at: AppTest) -> list[dict]:
    return [json.loads(el.proto.spec) for el in at.get("plotly_chart")]


def _arr(v) -> np.ndarray:
    """Plotly JSON arrays are either lists or typed arrays {'dtype', 'bdata'}: decode both to floats."""
    if isinstance(v, dict):
        return np.frombuffer(base64.b64decode(v["bdata"]), dtype=v["dtype"]).astype(float)
    return np.array([np.nan if x is None else x for x in v], dtype=float)


def _trace_names(fig: dict) -> list[str]:
    return [t.get("name", "") for t in fig["data"]]


def _no_exception(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


# ------------------------------------------------------------------------------------------ Oil
def test_oil_default_view():
    at = _app("2_Oil_markets.py")
    _no_exception(at)
    figs = _figures(at)
    assert len(figs) == 3  # prices, Urals vs Brent, discount
    names = _trace_names(figs[0])
    assert "Brent spot (EIA)" in names and "WTI spot (EIA)" in names
    assert "event markers" in names  # the case's events as markers
    assert "live only, not available offline" in captions(at)  # futures, offline (tests run with CLAIMLENS_OFFLINE)
    assert at.query_params["oil_range"].endswith(
        str(pd.read_csv(ROOT / "data/series/brent_spot_eia.csv")["date"].max())
    )
    assert figs[0]["layout"]["yaxis"]["title"]["text"] == "USD per barrel"
    assert "Computed discount" in captions(at)
    assert len(at.get("download_button")) == 3
    for fig in figs:
        assert len(json.dumps(fig)) < 300_000


def test_oil_slider_and_toggles_update_url_and_chart():
    at = _app("2_Oil_markets.py")
    at.slider(key="oil_range").set_value((dt.date(2025, 1, 2), dt.date(2025, 6, 30))).run()
    at.toggle(key="oil_rebase").set_value(True).run()
    at.toggle(key="oil_log").set_value(True).run()
    _no_exception(at)
    assert at.query_params["oil_range"] == "2025-01-02..2025-06-30"
    assert at.query_params["oil_rebase"] == "1" and at.query_params["oil_log"] == "1"
    fig = _figures(at)[0]
    brent = next(t for t in fig["data"] if t["name"] == "Brent spot (EIA)")
    assert brent["x"][0] == "2025-01-02" and brent["x"][-1] <= "2025-06-30"
    assert fig["layout"]["yaxis"]["type"] == "log"
    assert "Index, 100" in fig["layout"]["yaxis"]["title"]["text"]


def test_oil_url_reproduces_view():
    at = _app(
        "2_Oil_markets.py",
        oil_range="2025-02-03..2025-04-30",
        oil_rebase="1",
        oil_rbdate="2025-03-07",
        oil_cats="sanctions",
    )
    _no_exception(at)
    assert at.slider(key="oil_range").value == (dt.date(2025, 2, 3), dt.date(2025, 4, 30))
    assert at.toggle(key="oil_rebase").value is True
    assert at.multiselect(key="oil_cats").value == ["sanctions"]
    fig = _figures(at)[0]
    markers = next(t for t in fig["data"] if t["name"] == "event markers")
    assert set(markers["customdata"]) == {"sanctions"}  # EU 16th package, 24 Feb
    brent = next(t for t in fig["data"] if t["name"] == "Brent spot (EIA)")
    i = brent["x"].index("2025-03-07")
    assert _arr(brent["y"])[i] == pytest.approx(100.0)


@pytest.mark.parametrize(
    "params",
    [
        {"oil_range": "2025-13-01..garbage"},
        {"oil_range": "1900-01-01..2025-01-01"},
        {"oil_log": "maybe"},
        {"oil_cats": "<script>alert(1)</script>"},
        {"oil_rbdate": "'; DROP TABLE"},
    ],
)
def test_oil_tampered_params_give_notice(params):
    at = _app("2_Oil_markets.py", **params)
    _no_exception(at)
    name = next(iter(params))
    assert f"Ignored URL parameter {name}" in captions(at)
    assert len(_figures(at)) == 3


# ------------------------------------------------------------------------------------------ Trade
def test_trade_default_view_gaps_flags_and_table():
    at = _app("3_Trade_flows.py")
    _no_exception(at)
    figs = _figures(at)
    assert len(figs) == 1  # one view at a time: India from Russia, by provider
    russia = figs[0]
    providers = [t for t in russia["data"] if not t["name"].startswith("event")]
    assert len(providers) >= 2
    for t in providers:
        assert t["connectgaps"] is False
    kpler = next(t for t in providers if "Kpler" in t["name"])
    y = _arr(kpler["y"])
    assert np.isnan(y).any() and np.isfinite(y).sum() >= 5  # gaps kept as NaN, real points drawn
    assert "diamond-open" in kpler["marker"]["symbol"]  # provisional/partial points marked
    at.radio(key="trade_view").set_value("figures").run()
    _no_exception(at)
    assert at.query_params["trade_view"] == "figures"
    table = at.dataframe[0].value
    assert {"date", "value", "provider", "flag", "source_title", "source_url"} <= set(table.columns)
    assert table["source_url"].str.startswith("http").all()
    at.radio(key="trade_view").set_value("brent").run()
    mixed = _figures(at)[0]
    assert "yaxis2" in mixed["layout"] and "million b/d" in mixed["layout"]["yaxis2"]["title"]["text"]
    assert "Alignment rule" in captions(at)


@pytest.mark.parametrize("view", ["share", "suppliers", "versus"])
def test_trade_other_views_draw_their_chart(view):
    at = _app("3_Trade_flows.py", trade_view=view)
    _no_exception(at)
    figs = _figures(at)
    assert len(figs) == 1 and [t for t in figs[0]["data"] if not t["name"].startswith("event")]


def test_trade_provider_change_and_slider():
    at = _app("3_Trade_flows.py")
    at.multiselect(key="trade_providers").set_value(["india_imports_russia_vortexa"]).run()
    at.slider(key="trade_range").set_value((dt.date(2024, 1, 1), dt.date(2025, 12, 1))).run()
    _no_exception(at)
    assert at.query_params["trade_providers"] == "india_imports_russia_vortexa"
    assert at.query_params["trade_range"] == "2024-01-01..2025-12-01"
    data = [t for t in _figures(at)[0]["data"] if not t["name"].startswith("event")]
    assert len(data) == 1 and "Vortexa" in data[0]["name"]
    at.radio(key="trade_view").set_value("figures").run()
    assert set(at.dataframe[0].value["series_id"]) == {"india_imports_russia_vortexa"}


def test_trade_tampered_param():
    at = _app("3_Trade_flows.py", trade_providers="india_imports_russia_nobody", trade_main="x", trade_view="versus")
    _no_exception(at)
    assert "Ignored URL parameter trade_providers" in captions(at)
    assert "Ignored URL parameter trade_main" in captions(at)
    assert "Ignored URL parameter trade_view" in captions(_app("3_Trade_flows.py", trade_view="<b>x</b>"))


# ------------------------------------------------------------------------------------------ FX
def test_fx_default_view_says_rub_ends():
    at = _app("4_Currencies.py")
    _no_exception(at)
    assert "USD/RUB is not chosen by default" in captions(at) and "1 March 2022" in captions(at)
    figs = _figures(at)
    assert len(figs) == 2  # INR and CNY; RUB has no ECB data after 2022-03-01 and no live data offline
    assert "USD/INR (ECB-derived)" in _trace_names(figs[0])
    assert "live only, not available offline" in captions(at)


def test_fx_slider_back_to_2022_shows_rub():
    at = _app("4_Currencies.py", fx_pairs="USD/INR,USD/CNY,USD/RUB")
    at.slider(key="fx_range").set_value((dt.date(2021, 6, 1), dt.date(2022, 6, 1))).run()
    _no_exception(at)
    assert at.query_params["fx_range"] == "2021-06-01..2022-06-01"
    figs = _figures(at)
    assert len(figs) == 3
    rub = next(t for t in figs[2]["data"] if t["name"] == "USD/RUB (ECB-derived)")
    assert rub["x"][-1] == "2022-03-01"


def test_fx_tampered_param():
    at = _app("4_Currencies.py", fx_pairs="USD/XXX", fx_range="2030-01-01..2031-01-01")
    _no_exception(at)
    assert "Ignored URL parameter fx_pairs" in captions(at) and "Ignored URL parameter fx_range" in captions(at)
    assert len(_figures(at)) == 2


# ------------------------------------------------------------------------------------------ live path
@pytest.fixture
def fake_live(monkeypatch):
    """Pretend Yahoo answers: live on, and data.live_series returns a synthetic daily series per id."""
    from components import data

    monkeypatch.setenv("CLAIMLENS_OFFLINE", "0")
    idx = pd.bdate_range("2024-01-01", "2026-11-20")

    def fake(series_ids, downloader=None):
        out = {}
        for sid in series_ids:
            ticker = data.series_meta(sid)["live_ticker"]
            values = pd.Series(np.linspace(50, 90, len(idx)), index=idx, name=sid)
            out[sid] = data.LiveResult(sid, ticker, "live", "test fake", values, "2026-11-25 06:00")
        return out

    monkeypatch.setattr(data, "live_series", fake)


def test_oil_live_futures_labelled_as_futures(fake_live):
    at = _app("2_Oil_markets.py")
    _no_exception(at)
    names = _trace_names(_figures(at)[0])
    fut = [n for n in names if "FUTURES" in n]
    assert fut == ["Brent FUTURES (Yahoo BZ=F, front month)", "WTI FUTURES (Yahoo CL=F, front month)"]
    assert "not available offline" not in captions(at)


def test_fx_live_rub_after_ecb_stopped(fake_live):
    at = _app("4_Currencies.py")
    _no_exception(at)
    figs = _figures(at)
    assert len(figs) == 3
    assert [n for n in _trace_names(figs[2]) if n != "event lines"][0] == "USD/RUB (Yahoo RUB=X, market)"


def test_real_snapshot_2020_2026_brent_wti_with_events_under_300kb():
    from components import case, charts, data

    lines = [
        charts.Line(s, s, data.load_series(s, "2020-01-01", "2026-12-31"), "USD/bbl", "EIA")
        for s in ("brent_spot_eia", "wti_spot_eia")
    ]
    ev = case.load_case(case.DEFAULT_CASE).events
    fig = charts.build_time_series(lines, ev, rebase_date="2025-03-07")
    assert sum(len(ln.series) for ln in lines) > 3000 and len(ev) > 10
    assert len(fig.to_json()) < 300_000
