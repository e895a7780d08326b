"""Event-study figures and tables: what each builder draws, units as tested, CSVs at full precision."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from components import event_charts, event_tables, event_tests
from tests.factories.event_returns import EVENT, market_pair


@pytest.fixture(scope="module")
def studies():
    series, benchmark = market_pair()
    events = {"e1": pd.Timestamp(EVENT), "e2": pd.Timestamp("2024-12-16")}
    others = {"e1": (events["e1"], "First <b>event</b>"), "e2": (events["e2"], "Second event")}
    return event_tests.study_many(
        {"price": series, "bench": benchmark},
        events,
        metas={"price": {"unit": "USD/bbl", "name": "Price"}, "bench": {"unit": "USD/bbl", "name": "Bench"}},
        model="market",
        benchmark=benchmark,
        benchmark_id="bench",
        benchmark_meta={"unit": "USD/bbl", "name": "Bench"},
        placebo=200,
        seed=3,
        other_events=others,
    )


def test_study_many_runs_every_series_and_event_and_refuses_the_benchmark_as_its_own_series(studies):
    assert [(s.series_id, s.event_id) for s in studies] == [
        ("price", "e1"),
        ("price", "e2"),
        ("bench", "e1"),
        ("bench", "e2"),
    ]
    assert all(not s.problem for s in studies[:2])
    assert all("series itself" in s.problem for s in studies[2:])


def test_car_path_is_the_running_sum_of_ar_with_a_band_growing_as_sqrt_l(studies):
    path = studies[0].path
    assert list(path["offset"]) == list(range(-1, 6))
    np.testing.assert_allclose(path["car"], np.cumsum(path["ar"]))
    sigma = studies[0].results[0].sigma
    np.testing.assert_allclose(path["band"], 1.96 * sigma * np.sqrt(np.arange(1, 8)))
    window = studies[0].results[2]  # 0..+5
    assert window.car == pytest.approx(path.loc[path["offset"] >= 0, "ar"].sum(), rel=1e-12)


def test_car_figure_has_ar_bars_a_band_and_a_line_per_event_and_the_average(studies):
    paths = [("First <b>event</b>", studies[0].path), ("Second event", studies[1].path)]
    average = event_tests.average_path(studies[:2])
    fig = event_charts.build_car_paths(paths, kind="log", average=average, title="CAR")
    bars = [t for t in fig.data if t.type == "bar"]
    bands = [t for t in fig.data if t.type == "scatter" and t.fill == "toself"]
    lines = [t for t in fig.data if t.type == "scatter" and t.fill != "toself"]
    assert len(bars) == len(bands) == 2 and len(lines) == 3  # two events and the average
    assert all(b.yaxis == "y2" for b in bars) and len(bars[0].x) == 7
    np.testing.assert_allclose(bars[0].y, studies[0].path["ar"] * 100)
    assert "<b>" not in lines[0].name  # names from the case are escaped
    np.testing.assert_allclose(lines[0].y, studies[0].path["car"] * 100)  # log returns shown in percent
    np.testing.assert_allclose(lines[-1].y, average["caar"] * 100)
    diff = event_charts.build_car_paths(paths[:1], kind="diff", unit="USD/bbl")
    np.testing.assert_allclose([t for t in diff.data if t.type == "scatter"][1].y, studies[0].path["car"])
    assert "USD/bbl" in diff.layout.yaxis.title.text and "USD/bbl" in diff.layout.yaxis2.title.text


def test_placebo_histogram(studies):
    result = studies[0].results[1]
    hist = event_charts.build_placebo_histogram(result.placebo_cars, result.car, kind="log", p=result.placebo_p)
    assert sum(hist.data[0].y) == result.placebo_n == 200
    assert list(hist.data[1].x) == pytest.approx([result.car * 100] * 2)
    assert f"{result.placebo_p:.3f}" in hist.layout.title.subtitle.text


def test_results_table_and_csv(studies):
    events = {"event_titles": {"e1": "First", "e2": "Second"}, "event_dates": {"e1": pd.Timestamp(EVENT)}}
    names = event_tables.StudyNames(**events, series_labels={"price": "Price"}, units={"price": "USD/bbl"})
    table = event_tables.results_frame(studies, names)
    assert list(table.columns) == event_tables.RESULT_COLUMNS and len(table) == 12
    first = table.iloc[0]
    assert first["unit"] == "%" and first["CAR"] == pytest.approx(studies[0].results[0].car * 100)
    assert first["verdict"] in (event_tests.UNUSUAL, event_tests.NORMAL)
    assert table.iloc[-1]["problem"] and table.iloc[-1]["verdict"] == ""
    csv = event_tables.csv_frame(studies, event_tables.StudyNames(**events), {"model": "market", "seed": 3})
    assert csv.loc[0, "car"] == studies[0].results[0].car  # raw, full precision
    assert (csv["param_seed"] == 3).all() and csv.loc[0, "return_unit"] == "log points"
    paths = event_tables.path_frame(studies)
    assert set(paths["event_id"]) == {"e1", "e2"} and len(paths) == 14


def test_cross_sections_per_series_and_window(studies):
    across = event_tests.cross_sections(studies)
    assert set(across) == {
        ("price", (0, 0)),
        ("price", (-1, 1)),
        ("price", (0, 5)),
        ("bench", (0, 0)),
        ("bench", (-1, 1)),
        ("bench", (0, 5)),
    }
    assert across[("price", (0, 0))].n == 2 and across[("bench", (0, 0))].problem
    frame = event_tables.cross_section_frame(across, event_tables.StudyNames(), {"price": "log"})
    assert len(frame) == 6 and frame["CAAR"].notna().sum() == 3
