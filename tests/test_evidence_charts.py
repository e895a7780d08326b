"""Claim cards and the hindsight timeline draw events with the same overlay as the market charts."""

from __future__ import annotations

import pandas as pd

from components import charts, evidence_charts
from components.case import Claim
from components.evidence import Verdict
from components.style import EVENT_CATEGORY_COLORS, EVENT_GROUP_HEX
from tests.factories.charts import chart_events
from tests.factories.series import brent_march_2025, random_walk_series


def _claim(kind: str = "quantitative", **evidence) -> Claim:
    spec = {"rule": "change_between", "series": ["brent"], "a": "2025-03-03", "b": "2025-03-14", **evidence}
    return Claim("c1", "p", kind, ["us"], pd.Timestamp("2025-03-05"), pd.Timestamp("2025-03-10"), 1, spec)


def _overlay(fig):
    return [t for t in fig.data if t.legendgroup == "events"]


def _events_marked(markers) -> int:
    """Events a marker trace stands for (a numbered marker groups several)."""
    return sum(int(n) if n else 1 for n in markers.text)


def _marker_colours(fig) -> dict[str, str]:
    markers = [t for t in _overlay(fig) if t.name == "event markers"]
    assert len(markers) == 1
    return dict(zip(markers[0].customdata, markers[0].marker.color))


def test_claim_chart_events_match_the_market_chart():
    ev = chart_events(3).iloc[[0, 2]]  # two months apart: one marker each
    claim_fig = evidence_charts.build_claim_chart(_claim(), None, {"brent": brent_march_2025()}, ev, all_events=True)
    brent = random_walk_series("2024-12-01", "2025-06-10", seed=0)
    oil_fig = charts.build_time_series([charts.Line("brent", "Brent", brent, "USD/bbl")], ev)
    assert len(_overlay(claim_fig)) == 3 and not claim_fig.layout.shapes[1:]  # one period band, no shape per event
    assert claim_fig.data[0].name == "event lines"  # beneath the series
    assert _marker_colours(claim_fig) == _marker_colours(oil_fig)
    assert _marker_colours(oil_fig) == {c: EVENT_CATEGORY_COLORS[c] for c in ev["category"]}
    close = evidence_charts.build_claim_chart(_claim(), None, {"b": brent}, chart_events(2), all_events=True)
    assert _marker_colours(close) == {"several": EVENT_GROUP_HEX}  # a day apart on a six-month card: one marker
    hover = " ".join(_overlay(claim_fig)[2].hovertext)
    assert "Trump threatens banking sanctions" in hover and "Source &lt;0&gt;" in hover


def test_claim_chart_without_series_shows_the_cited_events_only():
    ev = chart_events(2)
    cited = [{"label": "x", "value": "on record", "event_id": "e2", "date": pd.Timestamp("2025-03-08").date()}]
    verdict = Verdict("supported", "event_on_record", "rule", cited)
    fig = evidence_charts.build_claim_chart(_claim("event", rule="event_on_record"), verdict, {}, ev)
    markers = [t for t in _overlay(fig) if t.name == "event markers"][0]
    assert list(markers.x) == ["2025-03-08"]


def test_claim_chart_with_series_shows_only_the_rules_events_unless_asked():
    ev = chart_events(2)
    series = {"brent": brent_march_2025()}
    assert not _overlay(evidence_charts.build_claim_chart(_claim(), None, series, ev))  # the rule used no event
    cited = [
        {
            "label": "x",
            "value": 1.0,
            "series": "brent",
            "event_id": "e1",
            "date": pd.Timestamp("2025-03-07"),
            "source_title": "s",
        }
    ]
    verdict = Verdict("supported", "market_reaction", "rule", cited)
    fig = evidence_charts.build_claim_chart(_claim(), verdict, series, ev)
    markers = [t for t in _overlay(fig) if t.name == "event markers"][0]
    assert len(markers.x) == 1
    every = evidence_charts.build_claim_chart(_claim(), verdict, series, ev, all_events=True)
    assert _events_marked([t for t in _overlay(every) if t.name == "event markers"][0]) == 2
    assert evidence_charts.claim_event_ids(verdict) == {"e1"} and evidence_charts.claim_event_ids(None) == set()


def test_hindsight_timeline_uses_the_overlay_and_keeps_its_bars():
    ev = chart_events(2)
    claim = _claim("scenario")
    claim.verdict = Verdict("partly", "scenario_outcome", "rule")
    fig = evidence_charts.build_hindsight_timeline([claim], ev, pd.Timestamp("2025-03-08"))
    assert len(_overlay(fig)) == 2 and fig.layout.yaxis9.visible is False  # no lines beneath category bars
    assert _marker_colours(fig) == {c: EVENT_CATEGORY_COLORS[c] for c in ev["category"]}
    assert fig.layout.yaxis.domain[1] < fig.layout.yaxis9.domain[0]  # the strip sits above the bars
    bars = [t for t in fig.data if t.legendgroup != "events"]
    assert [t.name for t in bars] == ["partly"]


def _scenario(claim_id: str, short: str, status: str, start: str = "2025-03-10", end: str = "2025-06-30") -> Claim:
    claim = Claim(claim_id, "p", "scenario", ["us"], pd.Timestamp(start), pd.Timestamp(end), 1, {}, short=short)
    claim.verdict = Verdict(status, "scenario_outcome", "rule")
    return claim


def test_bar_labels_wrap_onto_two_lines_escaped_and_distinct():
    long = "Prediction: the coming week would clarify US and Russian intent beyond any doubt at all"
    names = [long, "A <a href='https://example.org'>link</a> & more", "Short", "Short", "x" * 80]
    labels, margin = evidence_charts.bar_labels(names)
    lines = [label.split("<br>") for label in labels]
    assert all(len(parts) <= 2 for parts in lines)
    assert lines[0][0] == "Prediction: the coming week" and lines[0][1].endswith("…")  # the rest, shortened
    assert "<a" not in labels[1] and "&lt;a href=" in labels[1] and "&amp; more" in labels[1]
    assert labels[2] == "Short" and labels[3] == "Short (2)"  # two bars never share a row
    assert lines[4] == ["x" * 32, "x" * 31 + "…"]  # one word longer than two lines: cut, not dropped
    raw = [
        line.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replace("&#x27;", "'")
        for parts in lines
        for line in parts
    ]
    assert all(len(line) <= evidence_charts.LABEL_CHARS + len(" (2)") for line in raw)
    # the margin holds the longest line at the width plotly's 12 px font measured (about 5.1 px a character)
    assert margin >= max(len(line) for line in raw) * 5.1 + 8
    assert evidence_charts.bar_labels([]) == ([], evidence_charts.LABEL_PAD_PX)


def test_hindsight_timeline_sets_its_label_margin_and_draws_one_trace_per_outcome():
    claims = [
        _scenario("s1", "India yields to strict secondary sanctions", "partly"),
        _scenario("s2", "Russia accepts a truce", "did not happen", "2025-03-10", "2025-04-30"),
        _scenario("s3", "India defies secondary sanctions", "partly", "2025-04-01", "2025-09-30"),
    ]
    fig = evidence_charts.build_hindsight_timeline(claims, chart_events(2), pd.Timestamp("2025-03-08"))
    labels, margin = evidence_charts.bar_labels([c.short for c in claims])
    assert fig.layout.yaxis.automargin is False and fig.layout.margin.l == margin  # plotly does not measure them
    assert list(fig.layout.yaxis.categoryarray) == labels[::-1]
    bars = [t for t in fig.data if t.legendgroup != "events"]
    assert [t.name for t in bars] == ["partly", "did not happen"]  # one legend entry and one trace per outcome
    partly = bars[0]
    assert list(partly.y) == [labels[0], labels[0], None, labels[2], labels[2], None]  # gaps between bars
    assert list(partly.x) == ["2025-03-10", "2025-06-30", None, "2025-04-01", "2025-09-30", None]
    assert partly.hovertext[3] == "India defies secondary sanctions: partly" and partly.hovertext[2] is None
    assert all(t.showlegend is not False for t in bars)
