"""The chart builders pages call: data in, ``plotly.graph_objects.Figure`` out (no streamlit, no I/O).

Prices, rates and volumes over time (``build_time_series``), a daily price against a monthly volume
(``build_dual_axis``), and aligned event windows (``build_event_study``). Each assembles plain trace and layout
dicts and validates the figure once (``figure``); the case's events come from components.charts.overlay.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from components.charts.lines import MAX_POINTS, Line, clean, iso_dates, line_trace, plotted_span
from components.charts.overlay import event_overlay, filter_events, y_extent
from components.style import format_date, safe_text


def figure(traces: list[dict], layout: dict) -> go.Figure:
    """One validated figure from plain trace and layout dicts (validation runs once, not per add/update).
    No explicit template: inside the app plotly's default is Streamlit's own, which st.plotly_chart themes."""
    return go.Figure(data=traces, layout=layout)


def time_layout(*, title: str, y_title: str, log: bool, notes: list[str], **extra) -> dict:
    """The layout every time chart shares: escaped title with its notes as subtitle, axis titles, legend below."""
    layout = dict(
        title=dict(
            text=safe_text(title, markup="html"),
            subtitle=dict(text=safe_text(" · ".join(notes), markup="html"), font=dict(size=11, color="#555")),
        ),
        hovermode="closest",
        margin=dict(l=60, r=30, t=110, b=50),
        # the legend under the whole chart (y = 0 of the container, bottom margin grown to fit it): on a phone a
        # legend above the plot wraps into rows that climb over the title and under the chart's toolbar
        legend=dict(orientation="h", yref="container", yanchor="bottom", y=0, x=0),
        yaxis=dict(title=dict(text=safe_text(y_title, markup="html")), type="log" if log else "linear"),
        xaxis=dict(title=dict(text="Date"), type="date"),
    )
    for key, value in extra.items():  # one level of merging (e.g. margin=dict(r=70) keeps l, t, b)
        layout[key] = (
            {**layout[key], **value} if isinstance(value, dict) and isinstance(layout.get(key), dict) else value
        )
    return layout


def _events_overlay(events: pd.DataFrame | None, lines: Sequence[Line], traces: list[dict]):
    """The overlay of the events inside the plotted data's span (so markers never stretch the x-axis), grouped
    at that span, with its dotted lines spanning the data on the left axis."""
    span = plotted_span(lines)
    shown = None if events is None or span is None else filter_events(events, start=span[0], end=span[1])
    return event_overlay(shown, span=span, y_span=y_extent(traces))


def build_time_series(
    lines: Sequence[Line],
    events: pd.DataFrame | None = None,
    *,
    title: str = "",
    y_title: str = "",
    log: bool = False,
    rebase_date=None,
    max_points: int = MAX_POINTS,
) -> go.Figure:
    """Prices, rates or volumes over time, optionally rebased to 100 and on a log axis, with events.

    Used by the Oil, Trade and Currencies pages (one figure per chart).
    """
    traces, resampled, anchors = [], set(), set()
    for line in lines:
        trace, how, anchor = line_trace(line, rebase_date=rebase_date, max_points=max_points)
        traces.append(trace)
        if how:
            resampled.add(how)
        if anchor is not None:
            anchors.add(anchor.strftime("%Y-%m-%d"))  # ISO in the figure's meta; the subtitle says it in words
    notes = []
    if rebase_date is not None:
        y_title = f"Index, 100 = last value on or before {pd.Timestamp(rebase_date):%d %b %Y}"
        if anchors:
            notes.append("rebase anchor: " + ", ".join(format_date(a) for a in sorted(anchors)))
    if resampled:
        notes.append(f"{'/'.join(sorted(resampled))} averages shown (range over {max_points} points per line)")
    if any(line.flags is not None for line in lines):
        notes.append("open diamond = partial/provisional/caution/converted figure; gaps = no figure")
    overlay = _events_overlay(events, lines, traces)
    if overlay.note:
        notes.append(overlay.note)
    layout = time_layout(
        title=title,
        y_title=y_title,
        log=log,
        notes=notes,
        meta={"resampled": sorted(resampled), "rebase_anchors": sorted(anchors), "event_markers": overlay.markers},
    )
    return figure(overlay.under + traces + overlay.over, overlay.layout(layout))


def build_dual_axis(
    daily: Line,
    monthly: Line,
    events: pd.DataFrame | None = None,
    *,
    title: str = "",
    monthly_mean: pd.Series | None = None,
) -> go.Figure:
    """A daily price (left axis) against a monthly volume (right axis), each axis titled with its unit.

    Alignment rule (stated on the chart): monthly figures sit on the 1st of their month; the optional
    ``monthly_mean`` (calendar-month mean of the daily price) is drawn as a dotted step on the left axis.
    """
    t1, how, _ = line_trace(daily)
    traces = [t1]
    if monthly_mean is not None and len(monthly_mean):
        mm = clean(monthly_mean).dropna()
        label, unit = safe_text(daily.label, markup="html"), safe_text(daily.unit, markup="html")
        traces.append(
            dict(
                type="scatter",
                x=iso_dates(mm.index),
                y=mm.to_numpy(),
                name=f"{daily.label}, month mean",
                mode="lines",
                line=dict(shape="hv", dash="dot"),
                connectgaps=False,
                hovertemplate=f"<b>{label} month mean</b><br>%{{x|%b %Y}}<br>%{{y:.2f}} {unit}<extra></extra>",
            )
        )
    t2, _, _ = line_trace(monthly, yaxis="y2")
    traces.append(t2)
    notes = [
        "monthly figures plotted on the 1st of their month; month mean = calendar-month average of the daily price"
    ]
    if how:
        notes.append(f"{how} averages of the daily price")
    overlay = _events_overlay(events, [daily, monthly], traces)
    if overlay.note:
        notes.append(overlay.note)
    layout = time_layout(
        title=title,
        y_title=f"{daily.label} ({daily.unit})",
        log=False,
        notes=notes,
        margin=dict(r=70),
        yaxis2=dict(
            title=dict(text=safe_text(f"{monthly.label} ({monthly.unit})", markup="html")),
            overlaying="y",
            side="right",
            showgrid=False,
            rangemode="tozero",
            tickmode="auto",
        ),
        meta={"resampled": [how] if how else [], "event_markers": overlay.markers},
    )
    return figure(overlay.under + traces + overlay.over, overlay.layout(layout))


def build_event_study(
    aligned: pd.DataFrame, *, title: str = "", value: str = "rebased", units: dict[str, str] | None = None
) -> go.Figure:
    """Aligned windows: x = offset in observations from the event (t = 0 per eventstudy.ANCHOR_RULE),
    y = value rebased to 100 at t = 0 (or the raw value), one line per event x series."""
    units = units or {}
    traces = []
    if len(aligned):
        for (_eid, sid), grp in aligned.groupby(["event_id", "series_id"], sort=False):
            grp = grp.sort_values("t")
            label = f"{grp['series'].iloc[0]} · {grp['event'].iloc[0]}"
            custom = np.column_stack([iso_dates(grp["date"]), grp["value"].to_numpy(dtype="float64")])
            traces.append(
                dict(
                    type="scatter",
                    x=grp["t"].to_numpy(),
                    y=grp[value].to_numpy(dtype="float64"),
                    mode="lines+markers",
                    name=safe_text(label, markup="html", max_len=70),
                    customdata=custom,
                    connectgaps=False,
                    hovertemplate=(
                        f"<b>{safe_text(label, markup='html')}</b><br>t = %{{x}} (%{{customdata[0]}})<br>"
                        f"%{{customdata[1]:,.4~f}} {safe_text(units.get(sid, ''), markup='html')}"
                        + ("<br>index %{y:.2f}" if value == "rebased" else "")
                        + "<extra></extra>"
                    ),
                )
            )
    layout = time_layout(
        title=title,
        y_title="Index, t = 0 → 100" if value == "rebased" else "Value",
        log=False,
        notes=["t = 0: last observation on or before the event date; t counts observations"],
        xaxis=dict(
            title=dict(text="Observations from the event (t)"),
            type="linear",
            zeroline=True,
            dtick=1 if aligned.empty or aligned["t"].abs().max() <= 15 else None,
        ),
        shapes=[
            dict(
                type="line",
                xref="x",
                yref="paper",
                x0=0,
                x1=0,
                y0=0,
                y1=1,
                line=dict(color="#444", width=1, dash="dash"),
            )
        ],
        annotations=[
            dict(
                text="event (t = 0)",
                x=0,
                xref="x",
                y=1,
                yref="paper",
                showarrow=False,
                yanchor="bottom",
                font=dict(size=11),
            )
        ],
    )
    return figure(traces, layout)
