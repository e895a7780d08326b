"""AppTest of the Event study page: the default study of Brent around 7 March 2025 against an independent
computation from the snapshot CSV, every control in the URL, tampered parameters, and bad settings said in words."""

from __future__ import annotations

import base64
import json

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from tests.apptest_helpers import app_test, texts
from tests.factories.event_returns import snapshot_series

PAGE = "pages/5_Event_study.py"


def _app(**params) -> AppTest:
    at = app_test(PAGE, params).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _figures(at: AppTest) -> list[dict]:
    return [json.loads(el.proto.spec) for el in at.get("plotly_chart")]


def _values(v) -> np.ndarray:
    if isinstance(v, dict):
        return np.frombuffer(base64.b64decode(v["bdata"]), dtype=v["dtype"]).astype(float)
    return np.array([np.nan if x is None else x for x in v], dtype=float)


def _results(at: AppTest) -> pd.DataFrame:
    return at.dataframe[0].value


def test_default_study_of_brent_matches_the_snapshot():
    at = _app()
    table = _results(at)
    assert list(table["window"]) == ["+0", "-1..+1", "+0..+5"]
    assert "α" not in table.columns and "problem" not in table.columns  # nothing on screen reads 'None'
    brent = snapshot_series("brent_spot_eia")
    returns = np.log(brent).diff().dropna()
    pos = returns.index.get_loc(pd.Timestamp("2025-03-07"))
    estimation = returns.iloc[pos - 130 : pos - 10]
    mean, sigma = estimation.mean(), estimation.std(ddof=1)
    for (_, row), (lo, hi) in zip(table.iterrows(), [(0, 0), (-1, 1), (0, 5)]):
        car = (returns.iloc[pos + lo : pos + hi + 1] - mean).sum()
        assert row["CAR"] == pytest.approx(car * 100, rel=1e-9)  # shown in percent
        assert row["t"] == pytest.approx(car / (sigma * np.sqrt(hi - lo + 1)), rel=1e-9)
        assert row["N"] == 120 and row["unit"] == "%"
        assert row["verdict"] in ("unusual at the 5 % level", "within normal variation")
        assert 0 < row["placebo p"] <= 1  # 1,000 placebo dates by default
    text = texts(at)
    assert "log return" in text and "seed 0" in text
    assert "other case events inside the windows" in text  # the 6 and 11 March events, named
    car_chart = _figures(at)[0]
    names = [t.get("name", "") for t in car_chart["data"]]
    assert any("Trump" in n for n in names)
    assert "±1.96" in json.dumps(car_chart["layout"]["title"], ensure_ascii=False)


def test_sliders_and_model_are_in_the_url_and_change_the_numbers():
    at = _app()
    before = _results(at)["CAR"].tolist()
    at.slider(key="es_w3").set_value((0, 10)).run()
    at.slider(key="es_est").set_value(200).run()
    at.radio(key="es_model").set_value("market").run()
    assert not at.exception
    params = at.query_params
    assert params["es_w3"] == ["0,10"] or params["es_w3"] == "0,10"
    assert "200" in str(params["es_est"]) and "market" in str(params["es_model"])
    table = _results(at)
    assert table["window"].iloc[2] == "+0..+10"
    assert table["β"].notna().all() and table["R²"].notna().all()  # the market model on WTI shows α, β, R²
    assert "None" not in table.astype(str).to_numpy()
    assert table["N"].iloc[0] == 200 and table["CAR"].tolist() != before


def test_a_shared_url_reproduces_the_view():
    at = _app(es_w1="-2,2", es_gap="5", es_est="60", es_placebo="200", es_seed="7", es_model="market_adjusted")
    table = _results(at)
    assert table["window"].iloc[0] == "-2..+2" and (table["N"] == 60).all()
    assert "seed 7" in texts(at)


def test_several_events_give_the_tests_across_events():
    at = _app(es_events="ev_20250110_outgoing_biden_team,ev_20241212_rosneft_reliance_strike")
    cross = at.dataframe[1].value
    assert len(cross) == 3 and (cross["events"] == 2).all()
    assert {"CAAR", "BMP t", "p (sign test)"} <= set(cross.columns)
    assert any("CAAR" in t.get("name", "") for t in _figures(at)[0]["data"])


def test_monthly_series_say_the_test_has_little_power():
    at = _app(es_series="usd_inr_fred", es_est="24", es_gap="0", es_w1="0,0", es_w2="0,1", es_w3="0,2")
    assert "little power" in texts(at)
    table = _results(at)
    assert table["returns"].str.contains("log return").all()


@pytest.mark.parametrize(
    ("params", "words"),
    [
        ({"es_w2": "-15,1"}, "overlaps the event window"),
        ({"es_series": "usd_rub_ecb"}, "ends"),
        ({"es_series": "brent_spot_eia", "es_model": "market", "es_bench": "brent_spot_eia"}, "series itself"),
        ({"es_est": "500", "es_events": "ev_20241212_rosneft_reliance_strike", "es_series": "usd_inr_fred"}, "few"),
    ],
)
def test_bad_settings_are_said_in_words(params, words):
    at = _app(**params)
    assert words in texts(at)


def test_tampered_parameters_fall_back_with_a_notice():
    at = _app(es_est="-3", es_w1="a,b", es_model="capm", es_bench="nope", es_placebo="99999", es_events="x")
    text = texts(at)
    for name in ("es_est", "es_w1", "es_model", "es_bench", "es_placebo", "es_events"):
        assert f"Ignored URL parameter {name}" in text or f"in URL parameter {name}" in text
    assert len(_results(at)) == 3


def test_the_placebo_histogram_is_built_only_while_its_popover_is_open():
    """A slider move builds one chart per series; the histogram of the placebo CARs (thousands of values) is
    built when the reader opens its popover, and it then shows the chosen result's CAR among them."""
    at = _app()
    assert len(_figures(at)) == 1 and not [s for s in at.selectbox if s.label == "Distribution for"]
    at.session_state["es_placebo_open"] = True
    at.run()
    assert not at.exception
    figures = _figures(at)
    assert len(figures) == 2 and [s for s in at.selectbox if s.label == "Distribution for"]
    assert "random non-event dates" in json.dumps(figures[1]["layout"]["title"], ensure_ascii=False)
