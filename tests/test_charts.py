"""Chart builders, tested without Streamlit: traces, axis titles, gaps, flagged markers, events, size."""

import base64
import json
import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from components import charts
from components.eventstudy import aligned_windows
from components.style import EVENT_CATEGORY_COLORS, EVENT_GROUP_HEX, event_label
from tests.factories.charts import chart_events, dense_events
from tests.factories.series import brent_march_2025, flags_for_monthly, monthly_with_gaps, random_walk_series


def _oil_lines(start="2020-01-01", end="2026-08-18"):
    return [
        charts.Line("brent_spot_eia", "Brent spot (EIA)", random_walk_series(start, end, seed=0), "USD/bbl", "EIA"),
        charts.Line("wti_spot_eia", "WTI spot (EIA)", random_walk_series(start, end, seed=1), "USD/bbl", "EIA"),
    ]


def _data_traces(fig):
    return [t for t in fig.data if t.legendgroup != "events"]


def _event_traces(fig):
    return [t for t in fig.data if t.name == "event markers"]


def test_event_overlay_is_three_traces_whatever_the_number_of_events():
    for n in (1, 4):
        fig = charts.build_time_series(_oil_lines(), chart_events(n))
        assert len([t for t in fig.data if t.legendgroup == "events"]) == 3


def test_time_series_traces_axis_titles_and_hover():
    fig = charts.build_time_series(_oil_lines(), chart_events(3), title="Oil", y_title="USD/bbl")
    assert isinstance(fig, go.Figure)
    data = _data_traces(fig)
    assert [t.name for t in data] == ["Brent spot (EIA)", "WTI spot (EIA)"]
    assert fig.layout.yaxis.title.text == "USD/bbl" and fig.layout.xaxis.title.text == "Date"
    for t in data:
        assert "USD/bbl" in t.hovertemplate and "EIA" in t.hovertemplate
        assert t.connectgaps is False
    assert fig.layout.yaxis.type == "linear"


def test_events_are_hoverable_markers_in_a_strip_above_the_data_and_dotted_lines_beneath():
    ev = chart_events(4)
    # 73 days plotted: events a day apart are more than 1/80 of that apart, so each keeps its own marker
    fig = charts.build_time_series(_oil_lines("2025-01-01", "2025-03-14"), ev)
    ev = charts.filter_events(ev, start="2025-01-01", end="2025-03-14")
    ev_traces = _event_traces(fig)
    assert sum(len(t.x) for t in ev_traces) == len(ev) == 3
    markers = ev_traces[0]  # one marker per event, coloured by its category
    by_date = dict(zip(pd.to_datetime(ev["date"]).dt.strftime("%Y-%m-%d"), ev["category"]))
    assert [by_date[x] for x in markers.x] == list(markers.customdata)
    assert list(markers.marker.color) == [EVENT_CATEGORY_COLORS[c] for c in markers.customdata]
    assert all(f" · {event_label(c)}<br>" in text for c, text in zip(markers.customdata, markers.hovertext))
    energy = charts.build_time_series(_oil_lines("2024-12-01", "2025-01-31"), chart_events(4))
    assert "Energy deal" in " ".join(_event_traces(energy)[0].hovertext)  # the category's name, not its id
    assert markers.yaxis == charts.EVENT_AXIS and not any(markers.text)  # labels on hover only, none drawn
    legend = [t for t in fig.data if t.legendgroup == "events" and t.showlegend is not False]
    assert len(legend) == 1 and legend[0].name == "events"  # one legend entry for all events
    texts = " ".join(" ".join(t.hovertext) for t in ev_traces)
    assert "Trump threatens banking sanctions" in texts and "Source &lt;0&gt;" in texts  # escaped
    verticals = [t for t in fig.data if t.name == "event lines"]
    assert len(verticals) == 1 and verticals[0].yaxis == "y"  # on the data's axis, drawn before the data
    assert fig.data[0].name == "event lines" and fig.data[-1].name == "event markers"
    assert all(t.line.dash == "dot" and t.hoverinfo == "skip" for t in verticals)
    assert sorted(x for t in verticals for x in t.x if x is not None) == sorted(
        [d for d in pd.to_datetime(ev["date"]).dt.strftime("%Y-%m-%d") for _ in range(2)]
    )
    data_values = np.concatenate([np.asarray(t.y, dtype=float) for t in _data_traces(fig)])
    line_values = [y for y in verticals[0].y if y is not None]
    assert min(line_values) >= np.nanmin(data_values) and max(line_values) <= np.nanmax(data_values)
    # the strip is its own band above the data's: a marker can never sit on a data point
    strip, band = fig.layout.yaxis9, fig.layout.yaxis
    assert strip.visible is False and strip.overlaying is None and band.domain[1] < strip.domain[0]
    # filtering by category and actor
    only = charts.filter_events(ev, categories=["sanctions"], actors=None)
    assert list(only["id"]) == ["e3"]
    assert list(charts.filter_events(ev, categories=None, actors=["Russia"])["id"]) == ["e1", "e2"]
    assert charts.filter_events(ev, categories=[], actors=None).empty
    assert list(charts.filter_events(ev, start="2025-03-01", end="2025-03-07")["id"]) == ["e1"]
    assert not _event_traces(charts.build_time_series(_oil_lines(), only.iloc[0:0]))
    # events outside the plotted dates are left out, so they cannot stretch the x-axis
    fig = charts.build_time_series([charts.Line("b", "Brent", brent_march_2025(), "USD/bbl")], ev)
    assert sorted(x for t in _event_traces(fig) for x in t.x) == ["2025-03-07", "2025-03-08"]


def test_forty_events_in_three_months_make_a_few_numbered_markers_beneath_nothing():
    ev = dense_events(40, "2025-01-01", "2025-03-31")
    lines = [charts.Line("b", "Brent", random_walk_series("2020-01-01", "2026-06-30", seed=3), "USD/bbl", "EIA")]
    fig = charts.build_time_series(lines, ev)
    markers = _event_traces(fig)[0]
    assert 2 <= len(markers.x) <= 5  # six years plotted: the three months are a few markers, not forty
    counts = [int(n) for n in markers.text if n]
    assert sum(counts) + list(markers.text).count("") == 40 and max(counts) > 1
    grouped = next(text for text, n in zip(markers.hovertext, markers.text) if n)
    assert f"<b>{max(counts)} events</b>" in "".join(markers.hovertext) and grouped.count("<br>") >= 2
    assert "event 0 &lt;b&gt;" in "".join(markers.hovertext)  # titles escaped in the list
    assert "40 events in" in fig.layout.title.subtitle.text and "numbered marker" in fig.layout.title.subtitle.text
    assert [t.name for t in fig.data] == ["event lines", "Brent", f"events (40 in {len(markers.x)} markers)"] + [
        "event markers"
    ]
    assert fig.layout.meta["event_markers"] == len(markers.x)
    # the same events over their own three months: regrouped at that range, so more markers
    close = charts.build_time_series([charts.cut_line(lines[0], "2025-01-01", "2025-03-31")], ev)
    assert len(_event_traces(close)[0].x) > len(markers.x)
    # a grouped marker of several categories is neither category's colour
    mixed = [c for c, n in zip(markers.customdata, markers.text) if n and c == "several"]
    assert mixed and EVENT_GROUP_HEX in list(markers.marker.color)


def test_group_events_keeps_every_group_narrower_than_its_share_of_the_span():
    ev = dense_events(40, "2025-01-01", "2025-03-31")
    span = (pd.Timestamp("2023-01-01"), pd.Timestamp("2025-12-31"))
    groups = charts.group_events(ev, span)
    assert sum(len(g) for g in groups) == 40
    limit = (span[1] - span[0]) * charts.GROUP_SHARE
    assert all(g["date"].iloc[-1] - g["date"].iloc[0] < limit for g in groups)
    firsts = [g["date"].iloc[0] for g in groups]
    assert all(b - a >= limit for a, b in zip(firsts, firsts[1:]))  # the next group starts one share later
    assert charts.group_events(ev.iloc[0:0]) == []
    shuffled = ev.sample(frac=1, random_state=3)
    for frame, window in ((ev, span), (shuffled, span), (shuffled, None), (ev.iloc[:1], None)):
        assert charts.group_count(frame, window) == len(charts.group_events(frame, window))
    assert charts.group_count(ev.iloc[0:0]) == 0


def test_rebase_and_log():
    b = brent_march_2025()
    fig = charts.build_time_series([charts.Line("b", "Brent", b, "USD/bbl", "EIA")], rebase_date="2025-03-08", log=True)
    t = fig.data[0]
    assert fig.layout.yaxis.type == "log"
    i = list(t.x).index("2025-03-07")
    assert t.y[i] == pytest.approx(100.0)
    assert t.y[list(t.x).index("2025-03-06")] == pytest.approx(71.08 / 72.49 * 100)
    assert t.customdata[i][0] == pytest.approx(72.49)  # hover keeps the original price
    assert "07 Mar 2025" in fig.layout.yaxis.title.text or "08 Mar 2025" in fig.layout.yaxis.title.text
    assert fig.layout.meta["rebase_anchors"] == ["2025-03-07"]


def test_monthly_gaps_stay_gaps_and_flags_are_marked():
    line = charts.Line(
        "india_imports_russia_kpler",
        "Kpler",
        monthly_with_gaps(),
        "million b/d",
        "pages",
        frequency="monthly",
        flags=flags_for_monthly(),
        sources=pd.Series(["A", "B", "C", "D"], index=monthly_with_gaps().index),
    )
    fig = charts.build_time_series([line])
    t = fig.data[0]
    assert list(t.x) == ["2024-01-01", "2024-02-01", "2024-03-01", "2024-04-01", "2024-05-01", "2024-06-01"]
    assert math.isnan(t.y[2]) and math.isnan(t.y[3])  # March/April missing: NaN, not interpolated
    assert t.connectgaps is False
    assert list(t.marker.symbol) == ["circle", "diamond-open", "circle", "circle", "circle", "diamond-open"]
    # the hover names the flag and says it in words
    assert t.customdata[1][1] == "provisional (provisional, preliminary, an estimate or a forecast)"
    assert t.customdata[5][2] == "D"
    y = json.loads(fig.to_json())["data"][0]["y"]  # gaps survive serialisation (typed array or list)
    y = (
        np.frombuffer(base64.b64decode(y["bdata"]), dtype=y["dtype"])
        if isinstance(y, dict)
        else np.array([np.nan if v is None else v for v in y], dtype=float)
    )
    assert np.isnan(y[2]) and np.isnan(y[3]) and y[4] == 1.9
    assert "open diamond" in fig.layout.title.subtitle.text


def test_figure_json_under_300kb_for_2020_2026_with_events():
    fig = charts.build_time_series(_oil_lines("2020-01-01", "2026-08-18"), chart_events(4), rebase_date="2025-03-07")
    n = len(fig.to_json())
    assert n < 300_000, n
    assert sum(len(t.x) for t in _data_traces(fig)) > 3000  # really the full daily range, not thinned away


def test_long_range_is_thinned_and_stays_small():
    fig = charts.build_time_series(_oil_lines("1987-05-20", "2026-08-18"), chart_events(4))
    assert len(fig.to_json()) < 300_000
    assert fig.layout.meta["resampled"] == ["weekly"]
    assert all(len(t.x) <= charts.MAX_POINTS for t in _data_traces(fig))
    assert "weekly averages" in fig.layout.title.subtitle.text


def test_dual_axis_labels_both_axes_and_states_rule():
    daily = charts.Line("brent_spot_eia", "Brent", random_walk_series("2024-01-01", "2024-07-01"), "USD/bbl", "EIA")
    monthly = charts.Line(
        "india_imports_russia_kpler",
        "India imports from Russia (Kpler)",
        monthly_with_gaps(),
        "million b/d",
        "pages",
        frequency="monthly",
    )
    from components.series_math import monthly_mean

    fig = charts.build_dual_axis(daily, monthly, chart_events(1), monthly_mean=monthly_mean(daily.series))
    assert fig.layout.yaxis.title.text == "Brent (USD/bbl)"
    assert "million b/d" in fig.layout.yaxis2.title.text and fig.layout.yaxis2.side == "right"
    axes = {t.name: t.yaxis for t in fig.data}
    assert axes["Brent"] == "y" and axes["India imports from Russia (Kpler)"] == "y2"
    assert "1st of their month" in fig.layout.title.subtitle.text
    y2 = [t for t in fig.data if t.yaxis == "y2"][0]
    assert math.isnan(y2.y[2])


def test_event_study_chart_aligned_on_t0():
    a = aligned_windows(
        {"brent_spot_eia": brent_march_2025()}, chart_events(2), 2, 2, labels={"brent_spot_eia": "Brent"}
    )
    fig = charts.build_event_study(a, units={"brent_spot_eia": "USD/bbl"})
    assert len(fig.data) == 2
    t = fig.data[0]
    assert list(t.x) == [-2, -1, 0, 1, 2] and t.y[2] == pytest.approx(100)
    assert "USD/bbl" in t.hovertemplate
    assert fig.layout.xaxis.title.text.startswith("Observations from the event")
    assert any(s.x0 == 0 and s.x1 == 0 for s in fig.layout.shapes)
    assert len(charts.build_event_study(a.iloc[0:0]).data) == 0  # empty input: empty chart, no exception


def test_lines_frame_and_csv_meta_carry_units_and_sources():
    line = charts.Line(
        "india_imports_russia_kpler",
        "Kpler",
        monthly_with_gaps(),
        "million b/d",
        "Kpler pages",
        frequency="monthly",
        flags=flags_for_monthly(),
    )
    df = charts.lines_frame([line])
    assert len(df) == 4 and set(df["unit"]) == {"million b/d"}
    assert df.loc[df.date == "2024-02-01", "flag"].iloc[0] == "provisional"
    meta = charts.csv_meta("India imports", [line], rule="gaps are gaps")
    assert meta["units"] == "india_imports_russia_kpler=million b/d" and "Kpler pages" in meta["sources"]
    assert meta["rule"] == "gaps are gaps"


def test_line_from_points_uses_chosen_points_and_keeps_flags():
    pts = pd.DataFrame(
        {
            "date": pd.to_datetime(["2025-01-01", "2025-01-01", "2025-02-01", "2025-04-01"]),
            "value": [1.67, 1.58, 1.40, 1.9],
            "unit": "million b/d",
            "flag": ["", "", "partial", ""],
            "source_title": ["A", "alt", "B", "C"],
            "source_url": ["u1", "u2", "u3", "u4"],
            "provider_detail": "",
            "used": [True, False, True, True],
        }
    )
    line = charts.line_from_points("india_imports_russia_kpler", "Kpler", pts, source="Kpler")
    assert list(line.series) == [1.67, 1.40, 1.9] and line.unit == "million b/d"
    fig = charts.build_time_series([line])
    t = fig.data[0]
    assert list(t.x) == ["2025-01-01", "2025-02-01", "2025-03-01", "2025-04-01"]
    assert math.isnan(t.y[2])  # March: no figure, a gap
    assert list(t.marker.symbol) == ["circle", "diamond-open", "circle", "circle"]
    assert [row[2] for row in t.customdata] == ["A", "B", "Kpler", "C"]  # per-point source, line source for the gap
    csv = charts.lines_frame([line])
    assert list(csv["source_url"]) == ["u1", "u3", "u4"] and list(csv["flag"]) == ["", "partial", ""]


def test_empty_reason_names_a_single_day_a_single_value_and_no_value():
    daily = brent_march_2025()
    line = charts.Line("b", "Brent", daily, "USD/bbl")
    assert charts.empty_reason([line], "2025-03-03", "2025-03-31") == ""
    one_day = charts.cut_line(line, "2025-03-07", "2025-03-07")
    assert "single day (07 Mar 2025)" in charts.empty_reason([one_day], "2025-03-07", "2025-03-07")
    assert "Only one value" in charts.empty_reason([one_day], "2025-03-06", "2025-03-08")
    assert "No value between" in charts.empty_reason(
        [charts.cut_line(line, "2026-01-01", "2026-02-01")], "2026-01-01", "2026-02-01"
    )
    monthly = charts.Line("m", "M", monthly_with_gaps().iloc[:1], "mb/d", frequency="monthly")
    assert "single month" in charts.empty_reason([monthly], "2025-01-01", "2025-01-01")
    assert charts.empty_reason([]).startswith("No value")


def test_an_event_hover_names_its_actors_as_readers_know_them():
    ev = chart_events(1).assign(actors=[["us"]], actor_names=[["United States"]])
    fig = charts.build_time_series(_oil_lines("2024-10-01", "2025-06-30"), ev)
    text = " ".join(" ".join(t.hovertext) for t in _event_traces(fig))
    assert "Actors: United States" in text and "Actors: us" not in text


def test_a_case_names_the_actors_of_its_events():
    from components.case import load_case

    events = load_case(verdicts=False).events
    row = events[events["actors"].apply(lambda ids: "us" in ids)].iloc[0]
    assert "us" not in row["actor_names"] and len(row["actor_names"]) == len(row["actors"])


def test_event_hover_names_actors_and_never_shows_a_missing_cell():
    ev = chart_events(2)
    ev["actor_names"] = [["United States", "India"], float("nan")]  # a session case may lack names for a row
    ev["source_title"] = ["Reuters", float("nan")]
    hover = charts.event_overlay(ev, span=("2025-03-01", "2025-03-10")).over[1]["hovertext"]  # one marker each
    assert "Actors: United States, India" in hover[0]
    assert "nan" not in " ".join(hover).lower()
