"""Pure chart builders for the event study (no streamlit): CAR paths with their band, AR bars, placebo histogram.

Returns are shown as they are tested: log returns in percent (100 × log points), first differences in the
series' own unit. x is the offset in observations from the event (t = 0: last observation on or before it).
Figures are assembled from plain dicts and validated once, like components.charts.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from components.event_returns import LOG
from components.style import safe_text

PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf")
AVERAGE_COLOR = "#222222"


def scale_of(kind: str, unit: str) -> tuple[float, str]:
    """(factor, axis unit) that turns a return of this kind into what the charts and the table show."""
    return (100.0, "%") if kind == LOG else (1.0, unit)


def _label(text: str, limit: int = 60) -> str:
    return safe_text(text, markup="html", max_len=limit)


def _offset_axis(title: str = "Observations from the event (t)") -> dict:
    return dict(title=dict(text=title), type="linear", zeroline=False, dtick=1)


def _event_rule() -> dict:
    return dict(type="line", xref="x", yref="paper", x0=0, x1=0, y0=0, y1=1, line=dict(color="#444", dash="dash"))


def _layout(title: str, subtitle: str, y_title: str, **extra) -> dict:
    layout = dict(
        title=dict(text=safe_text(title, markup="html"), subtitle=dict(text=safe_text(subtitle, markup="html"))),
        margin=dict(l=60, r=20, t=90, b=50),
        legend=dict(orientation="h", yanchor="top", y=-0.18, x=0),
        hovermode="closest",
        yaxis=dict(title=dict(text=safe_text(y_title, markup="html")), zeroline=True),
        xaxis=_offset_axis(),
        shapes=[_event_rule()],
    )
    layout.update(extra)
    return layout


def build_car_paths(
    paths: Sequence[tuple[str, pd.DataFrame]],
    *,
    kind: str,
    unit: str = "",
    average: pd.DataFrame | None = None,
    title: str = "",
) -> go.Figure:
    """One series, one CAR line per event (``paths``: (event label, frame with offset, date, ar, car, band)),
    each with its ±1.96 σ̂√L band shaded and its abnormal returns as bars on the right axis, and the average path
    over the events dashed. One figure per series: every chart on the page is redrawn on each slider move."""
    factor, shown_unit = scale_of(kind, unit)
    traces = _ar_bars(paths, factor, shown_unit)
    for i, (label, path) in enumerate(paths):
        if path is None or len(path) == 0:
            continue
        color = PALETTE[i % len(PALETTE)]
        x = path["offset"].to_numpy()
        band = path["band"].to_numpy() * factor
        name = _label(label)
        traces.append(
            dict(
                type="scatter",
                x=np.concatenate([x, x[::-1]]),
                y=np.concatenate([band, -band[::-1]]),
                fill="toself",
                fillcolor="rgba(120,120,120,0.12)",
                line=dict(width=0),
                hoverinfo="skip",
                legendgroup=name,
                showlegend=False,
                name=f"{name} ±1.96 σ√L",
            )
        )
        dates = np.datetime_as_string(pd.DatetimeIndex(path["date"]).to_numpy(dtype="datetime64[ns]"), unit="D")
        traces.append(
            dict(
                type="scatter",
                x=x,
                y=path["car"].to_numpy() * factor,
                mode="lines+markers",
                name=name,
                legendgroup=name,
                line=dict(color=color),
                customdata=np.column_stack([dates, band]),
                hovertemplate=f"<b>{name}</b><br>t = %{{x}} (%{{customdata[0]}})<br>CAR %{{y:.3f}} "
                f"{safe_text(shown_unit, markup='html')}<br>band ±%{{customdata[1]:.3f}}<extra></extra>",
            )
        )
    if average is not None and len(average) and len(paths) > 1:
        traces.append(
            dict(
                type="scatter",
                x=average["offset"].to_numpy(),
                y=average["caar"].to_numpy() * factor,
                mode="lines",
                name="average over the events (CAAR)",
                line=dict(color=AVERAGE_COLOR, dash="dash", width=3),
                hovertemplate="CAAR at t = %{x}: %{y:.3f} " + safe_text(shown_unit, markup="html") + "<extra></extra>",
            )
        )
    subtitle = (
        "lines: CAR, shaded: ±1.96 σ̂√L around zero (95 % band if returns are normal); bars (right axis): AR per "
        "observation; t = 0: last observation on or before the event date"
    )
    layout = _layout(title, subtitle, f"Cumulative abnormal return ({shown_unit})", barmode="group")
    layout["yaxis2"] = dict(
        title=dict(text=safe_text(f"Abnormal return ({shown_unit})", markup="html")),
        overlaying="y",
        side="right",
        showgrid=False,
        zeroline=False,
    )
    layout["margin"] = dict(l=60, r=60, t=90, b=50)
    return go.Figure(data=traces, layout=layout)


def _ar_bars(paths: Sequence[tuple[str, pd.DataFrame]], factor: float, unit: str) -> list[dict]:
    """Abnormal return per observation, one bar trace per event on the right axis (y2), grouped by event."""
    traces = []
    for i, (label, path) in enumerate(paths):
        if path is None or len(path) == 0:
            continue
        name = _label(label)
        traces.append(
            dict(
                type="bar",
                x=path["offset"].to_numpy(),
                y=path["ar"].to_numpy() * factor,
                yaxis="y2",
                name=f"{name}: AR",
                legendgroup=name,
                showlegend=False,
                opacity=0.35,
                marker=dict(color=PALETTE[i % len(PALETTE)]),
                hovertemplate=f"<b>{name}</b><br>t = %{{x}}<br>AR %{{y:.3f}} {safe_text(unit, markup='html')}"
                "<extra></extra>",
            )
        )
    return traces


def build_placebo_histogram(
    placebo_cars: np.ndarray, observed: float, *, kind: str, unit: str = "", title: str = "", p: float | None = None
) -> go.Figure:
    """Distribution of the CAR at random non-event dates, with the event's CAR marked (a line trace, not a shape
    with annotation text)."""
    factor, shown_unit = scale_of(kind, unit)
    values = np.asarray(placebo_cars, dtype="float64") * factor
    mark = float(observed) * factor
    counts, edges = np.histogram(values, bins=min(60, max(10, len(values) // 20))) if len(values) else ([], [0, 1])
    top = float(max(counts)) if len(counts) else 1.0
    traces = [
        dict(
            type="bar",
            x=(edges[:-1] + edges[1:]) / 2,
            y=counts,
            width=np.diff(edges),
            name=f"placebo CARs ({len(values):,} dates)",
            marker=dict(color="#9e9e9e"),
            hovertemplate="CAR %{x:.3f}<br>%{y} placebo dates<extra></extra>",
        ),
        dict(
            type="scatter",
            x=[mark, mark],
            y=[0, top * 1.08],
            mode="lines",
            name=f"this event: {mark:.3f} {shown_unit}",
            line=dict(color="#d62728", width=3),
            hoverinfo="name",
        ),
    ]
    subtitle = "grey: the same CAR at random non-event dates of the same series" + (
        f"; share at least as large in size: p = {p:.3f}" if p is not None else ""
    )
    layout = _layout(title, subtitle, "Placebo dates", shapes=[], bargap=0.02)
    layout["xaxis"] = dict(title=dict(text=safe_text(f"CAR ({shown_unit})", markup="html")), zeroline=True)
    return go.Figure(data=traces, layout=layout)
