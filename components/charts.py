"""Pure chart builders: data in, ``plotly.graph_objects.Figure`` out (no streamlit, no I/O).

Pages prepare data through components.ui, hand it to one ``build_*`` function and draw the result
with a single ``st.plotly_chart``; tests call the same builders with factory data.

Conventions kept by every builder here:
- gaps stay gaps: monthly lines are re-indexed to every month and missing months are NaN with
  ``connectgaps=False`` (nothing interpolated);
- points flagged partial/provisional/caution/converted get a distinct open-diamond marker;
- hover shows value, unit and source; events are one marker trace (coloured by category, with
  hover text) on a hidden overlay axis plus one gapped line trace of dotted verticals, never layout
  shapes per event or ``add_vline(annotation_text=...)``, which fails on date axes;
- long daily ranges are averaged to weeks (then months) above ``MAX_POINTS`` per trace, so the
  figure JSON stays small (``fig.layout.meta['resampled']`` says so) and every line can stay SVG
  ``scatter``: WebGL (scattergl) needs a GL context per chart, which is slow to create where the
  browser has no GPU (software GL) and browsers cap the number of live contexts per page;
- builders assemble plain trace/layout dicts and validate the figure once (``_figure``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from components.series_math import rebase
from components.style import EVENT_CATEGORY_COLORS, event_color, safe_text

MAX_POINTS = 2500  # per trace, before weekly/monthly averaging kicks in
FLAGGED_SYMBOL = "diamond-open"
NORMAL_SYMBOL = "circle"
EVENT_AXIS = "y9"  # hidden overlay axis carrying the event markers (range 0..1)
# stagger the markers by category so that events on the same day do not hide each other
_CATEGORY_Y = {c: 0.99 - 0.025 * i for i, c in enumerate(EVENT_CATEGORY_COLORS)}


@dataclass
class Line:
    """One series to draw. ``flags``/``sources`` are optional per-date Series (indexed like ``series``)
    for provider figures that carry a flag and a source title per point."""

    id: str
    label: str
    series: pd.Series
    unit: str = ""
    source: str = ""
    frequency: str = "daily"  # 'daily' | 'monthly' | 'annual'
    dash: str | None = None
    flags: pd.Series | None = None
    sources: pd.Series | None = None
    urls: pd.Series | None = None  # per-point source URL (CSV only; hover shows the title)


# ------------------------------------------------------------------------------------- helpers
def _dates(idx) -> np.ndarray:
    """ISO dates as one numpy string array: vectorised, and plotly validates an array in one step where a list
    of strings is checked element by element (that loop was most of a chart's build time)."""
    return np.datetime_as_string(pd.DatetimeIndex(idx).to_numpy(dtype="datetime64[ns]"), unit="D")


def _clean(series: pd.Series) -> pd.Series:
    s = pd.Series(series, dtype="float64")
    s.index = pd.DatetimeIndex(s.index)
    return s[~s.index.duplicated(keep="first")].sort_index()


def fill_month_gaps(series: pd.Series) -> pd.Series:
    """Re-index a monthly series to every month between its first and last point: missing months NaN."""
    s = _clean(series).dropna()
    if s.empty:
        return s
    s.index = s.index.to_period("M").to_timestamp(how="start")
    s = s[~s.index.duplicated(keep="first")]
    full = pd.date_range(s.index[0], s.index[-1], freq="MS")
    return s.reindex(full)


def thin(series: pd.Series, max_points: int = MAX_POINTS) -> tuple[pd.Series, str]:
    """Weekly, then monthly, means when a daily series has more than ``max_points`` observations."""
    s = _clean(series).dropna()
    if len(s) <= max_points:
        return s, ""
    w = s.resample("W-FRI").mean().dropna()
    if len(w) <= max_points:
        return w, "weekly"
    m = s.resample("MS").mean().dropna()
    return m, "monthly"


def filter_events(
    events: pd.DataFrame | None,
    categories: Sequence[str] | None = None,
    actors: Sequence[str] | None = None,
    start=None,
    end=None,
) -> pd.DataFrame:
    """Events in [start, end] whose category is in ``categories`` (None = all) and that involve at
    least one of ``actors`` (None or empty = no actor filter)."""
    if events is None or len(events) == 0:
        return pd.DataFrame(columns=["id", "date", "title", "category", "actors"])
    ev = events.copy()
    ev["date"] = pd.to_datetime(ev["date"])
    keep = pd.Series(True, index=ev.index)
    if categories is not None:
        keep &= ev["category"].isin(list(categories))
    if actors:
        wanted = set(actors)
        keep &= ev["actors"].apply(lambda a: bool(wanted.intersection(a if isinstance(a, list) else [])))
    if start is not None:
        keep &= ev["date"] >= pd.Timestamp(start)
    if end is not None:
        keep &= ev["date"] <= pd.Timestamp(end)
    return ev[keep].sort_values("date").reset_index(drop=True)


def _events_within(events: pd.DataFrame | None, lines: Sequence[Line]) -> pd.DataFrame | None:
    """Only the events inside the plotted data's date span, so markers never stretch the x-axis
    (a monthly point covers its whole month)."""
    ends = []
    for line in lines:
        idx = pd.DatetimeIndex(_clean(line.series).dropna().index)
        if len(idx):
            ends.append((idx.min(), idx.max() + pd.offsets.MonthEnd(0) if line.frequency == "monthly" else idx.max()))
    if events is None or not ends:
        return None
    return filter_events(events, start=min(lo for lo, _ in ends), end=max(hi for _, hi in ends))


def event_traces(events: pd.DataFrame | None, *, xaxis: str = "x") -> list[dict]:
    """The event overlay as three plain trace dicts on the hidden 0..1 axis EVENT_AXIS: every event's dotted
    vertical in one gapped line trace (x, x, None ...), every event's marker in one trace coloured by category
    with its hover text, and one legend entry that shows or hides them all (same legendgroup).

    Three traces whatever the number of events or categories: each trace costs validation on the server and
    a layer in the browser, and a chart is redrawn on every slider move."""
    if events is None or len(events) == 0:
        return []
    ev = events.copy()
    ev["date"] = pd.to_datetime(ev["date"])
    ev = ev.sort_values("date", kind="stable")
    dates = _dates(ev["date"])
    cats = [str(c) for c in ev["category"]]
    xs = np.empty(3 * len(ev), dtype=object)
    xs[0::3] = xs[1::3] = dates
    text = []
    for row, cat in zip(ev.itertuples(index=False), cats):
        actors = getattr(row, "actors", []) or []
        actors = ", ".join(actors) if isinstance(actors, list) else str(actors)
        title, category, actors, source = (
            safe_text(v, markup="html") for v in (row.title, cat, actors, getattr(row, "source_title", ""))
        )
        text.append(f"<b>{title}</b><br>{row.date:%Y-%m-%d} · {category}<br>Actors: {actors}<br>Source: {source}")
    return [
        dict(
            type="scatter",
            x=xs,
            y=np.array([0, 1, None] * len(ev), dtype=object),
            yaxis=EVENT_AXIS,
            xaxis=xaxis,
            mode="lines",
            name="event lines",
            legendgroup="events",
            showlegend=False,
            hoverinfo="skip",
            line=dict(color="#9a9a9a", width=1, dash="dot"),
        ),
        dict(
            type="scatter",
            x=[None],
            y=[None],
            yaxis=EVENT_AXIS,
            xaxis=xaxis,
            mode="markers",
            name="events",
            legendgroup="events",
            hoverinfo="skip",
            marker=dict(symbol="triangle-down", size=11, color="#888"),
        ),
        dict(
            type="scatter",
            x=dates,
            y=np.array([_CATEGORY_Y.get(c, 0.95) for c in cats]),
            yaxis=EVENT_AXIS,
            xaxis=xaxis,
            mode="markers",
            name="event markers",
            legendgroup="events",
            showlegend=False,
            hovertext=text,
            hoverinfo="text",
            customdata=np.array(cats, dtype=object),
            marker=dict(
                symbol="triangle-down",
                size=11,
                color=[event_color(c) for c in cats],
                line=dict(width=1, color="white"),
            ),
        ),
    ]


EVENT_AXIS_LAYOUT = {"yaxis9": dict(range=[0, 1], overlaying="y", visible=False, fixedrange=True)}


def _figure(traces: list[dict], layout: dict) -> go.Figure:
    """One validated figure from plain trace and layout dicts (validation runs once, not per add/update).
    No explicit template: inside the app plotly's default is Streamlit's own, which st.plotly_chart themes."""
    return go.Figure(data=traces, layout=layout)


def _line_trace(
    line: Line, *, rebase_date=None, max_points: int = MAX_POINTS, yaxis: str = "y"
) -> tuple[dict, str, pd.Timestamp | None]:
    """Trace for one Line: thinning, gaps, rebasing, flagged markers and hover with value/unit/source."""
    s = _clean(line.series)
    resampled = ""
    if line.frequency in ("monthly", "annual"):
        s = fill_month_gaps(s) if line.frequency == "monthly" else s.dropna()
    else:
        s, resampled = thin(s, max_points)
    values = s.to_numpy(dtype="float64")  # hover always shows the original value, rebased or not
    anchor = None
    if rebase_date is not None:
        rebased, anchor = rebase(s, rebase_date)
        s = rebased.reindex(s.index)  # rebase drops NaN gaps: put them back
    n = len(s)
    y = s.to_numpy(dtype="float64")
    date_fmt = "%{x|%Y-%m}" if line.frequency == "monthly" else "%{x|%Y-%m-%d}"
    hover = [
        f"<b>{safe_text(line.label, markup='html')}</b>",
        date_fmt + (" (week ending)" if resampled == "weekly" else ""),
    ]
    value_fmt = "%{customdata[0]:,.4~f} " + safe_text(line.unit, markup="html")
    if rebase_date is not None:
        hover.append(f"{value_fmt} · index %{{y:.1f}}")
    else:
        hover.append(value_fmt)
    symbols = None
    if line.flags is not None or line.sources is not None:
        flags = _per_point(line.flags, s.index)
        srcs = _per_point(line.sources, s.index)
        custom = np.empty((n, 3), dtype=object)
        custom[:, 0] = [None if np.isnan(v) else float(v) for v in values]
        custom[:, 1] = [safe_text(f, markup="html") if f else "" for f in flags]
        custom[:, 2] = [safe_text(x, markup="html") if x else safe_text(line.source, markup="html") for x in srcs]
        hover += ["flag: %{customdata[1]}", "source: %{customdata[2]}"]
        symbols = [FLAGGED_SYMBOL if f else NORMAL_SYMBOL for f in flags]
        customdata = custom
    else:
        customdata = values.reshape(-1, 1)
        if line.source:
            hover.append(f"source: {safe_text(line.source, markup='html')}")
    sparse = line.frequency != "daily"
    marker = dict(size=7 if sparse else 4)
    if symbols is not None:
        marker["symbol"] = symbols
        marker["size"] = [11 if sym == FLAGGED_SYMBOL else 7 for sym in symbols]
    trace = dict(
        type="scatter",
        x=_dates(s.index),
        y=y,
        customdata=customdata,
        name=line.label,
        yaxis=yaxis,
        mode="lines+markers" if sparse else "lines",
        connectgaps=False,
        marker=marker,
        hovertemplate="<br>".join(hover) + "<extra></extra>",
    )
    if line.dash:
        trace["line"] = dict(dash=line.dash)
    return trace, resampled, anchor


def _per_point(values: pd.Series | None, index: pd.DatetimeIndex) -> list[str]:
    if values is None:
        return [""] * len(index)
    v = pd.Series(values)
    v.index = pd.DatetimeIndex(v.index)
    if len(index) and (index.day == 1).all():  # monthly: match on month
        v.index = v.index.to_period("M").to_timestamp(how="start")
    v = v[~v.index.duplicated(keep="first")]
    return [str(x) if isinstance(x, str) and x else "" for x in v.reindex(index).tolist()]


def _layout(*, title: str, y_title: str, log: bool, notes: list[str], **extra) -> dict:
    """The layout every time chart shares: escaped title with its notes as subtitle, axis titles, legend on top."""
    layout = dict(
        title=dict(
            text=safe_text(title, markup="html"),
            subtitle=dict(text=safe_text(" · ".join(notes), markup="html"), font=dict(size=11, color="#555")),
        ),
        hovermode="closest",
        margin=dict(l=60, r=30, t=110, b=50),
        legend=dict(orientation="h", yanchor="bottom", y=1.01, x=0),
        yaxis=dict(title=dict(text=safe_text(y_title, markup="html")), type="log" if log else "linear"),
        xaxis=dict(title=dict(text="Date"), type="date"),
    )
    for key, value in extra.items():  # one level of merging (e.g. margin=dict(r=70) keeps l, t, b)
        layout[key] = (
            {**layout[key], **value} if isinstance(value, dict) and isinstance(layout.get(key), dict) else value
        )
    return layout


# ------------------------------------------------------------------------------------- builders
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
        trace, how, anchor = _line_trace(line, rebase_date=rebase_date, max_points=max_points)
        traces.append(trace)
        if how:
            resampled.add(how)
        if anchor is not None:
            anchors.add(anchor.strftime("%Y-%m-%d"))
    notes = []
    if rebase_date is not None:
        y_title = f"Index, 100 = last value on or before {pd.Timestamp(rebase_date):%Y-%m-%d}"
        if anchors:
            notes.append("rebase anchor: " + ", ".join(sorted(anchors)))
    if resampled:
        notes.append(f"{'/'.join(sorted(resampled))} averages shown (range over {max_points} points per line)")
    if any(line.flags is not None for line in lines):
        notes.append("open diamond = partial/provisional/caution/converted figure; gaps = no figure")
    overlay = event_traces(_events_within(events, lines))
    layout = _layout(
        title=title,
        y_title=y_title,
        log=log,
        notes=notes,
        meta={"resampled": sorted(resampled), "rebase_anchors": sorted(anchors)},
        **(EVENT_AXIS_LAYOUT if overlay else {}),
    )
    return _figure(traces + overlay, layout)


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
    t1, how, _ = _line_trace(daily)
    traces = [t1]
    if monthly_mean is not None and len(monthly_mean):
        mm = _clean(monthly_mean).dropna()
        label, unit = safe_text(daily.label, markup="html"), safe_text(daily.unit, markup="html")
        traces.append(
            dict(
                type="scatter",
                x=_dates(mm.index),
                y=mm.to_numpy(),
                name=f"{daily.label}, month mean",
                mode="lines",
                line=dict(shape="hv", dash="dot"),
                connectgaps=False,
                hovertemplate=f"<b>{label} month mean</b><br>%{{x|%Y-%m}}<br>%{{y:.2f}} {unit}<extra></extra>",
            )
        )
    t2, _, _ = _line_trace(monthly, yaxis="y2")
    traces.append(t2)
    notes = [
        "monthly figures plotted on the 1st of their month; month mean = calendar-month average of the daily price"
    ]
    if how:
        notes.append(f"{how} averages of the daily price")
    overlay = event_traces(_events_within(events, [daily, monthly]))
    layout = _layout(
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
        meta={"resampled": [how] if how else []},
        **(EVENT_AXIS_LAYOUT if overlay else {}),
    )
    return _figure(traces + overlay, layout)


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
            custom = np.column_stack([_dates(grp["date"]), grp["value"].to_numpy(dtype="float64")])
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
    layout = _layout(
        title=title,
        y_title="Index, t = 0 → 100" if value == "rebased" else "Value",
        log=False,
        notes=["t = 0: last observation on or before the event date; t counts observations"],
        # trace names are long (series · event): legend below the plot, one entry per line
        legend=dict(orientation="h", yanchor="top", y=-0.2, x=0),
        margin=dict(b=140),
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
    return _figure(traces, layout)


# ----------------------------------------------------------------------------------- CSV helpers
def lines_frame(lines: Sequence[Line]) -> pd.DataFrame:
    """Long table behind a chart (one row per point, unit and source per row) for CSV download."""
    rows = []
    for line in lines:
        s = _clean(line.series).dropna()
        flags = _per_point(line.flags, s.index)
        srcs = _per_point(line.sources, s.index)
        urls = _per_point(line.urls, s.index)
        for d, v, f, src, url in zip(s.index, s.to_numpy(), flags, srcs, urls):
            rows.append(
                {
                    "date": d.strftime("%Y-%m-%d"),
                    "series_id": line.id,
                    "series": line.label,
                    "value": v,
                    "unit": line.unit,
                    "flag": f,
                    "source": src or line.source,
                    "source_url": url,
                }
            )
    return pd.DataFrame(rows, columns=["date", "series_id", "series", "value", "unit", "flag", "source", "source_url"])


def csv_meta(title: str, lines: Sequence[Line], **extra) -> dict:
    """Header lines for ui.csv_download: title, units and sources per series, plus any rule text."""
    meta = {"title": title}
    meta["units"] = "; ".join(f"{ln.id}={ln.unit}" for ln in lines)
    meta["sources"] = "; ".join(f"{ln.id}={ln.source}" for ln in lines if ln.source)
    meta.update({k: v for k, v in extra.items() if v})
    return meta


def cut_line(line: Line, start=None, end=None) -> Line:
    """The part of a line inside [start, end] (its per-point flags, sources and URLs cut alike)."""
    if start is None and end is None:
        return line
    lo = pd.Timestamp(start) if start is not None else None
    hi = pd.Timestamp(end) if end is not None else None

    def part(values: pd.Series | None) -> pd.Series | None:
        return None if values is None else values.loc[lo:hi]

    return replace(
        line, series=line.series.loc[lo:hi], flags=part(line.flags), sources=part(line.sources), urls=part(line.urls)
    )


def line_from_points(
    series_id: str, label: str, points: pd.DataFrame, *, unit: str = "", source: str = "", frequency: str = "monthly"
) -> Line:
    """A provider's line from its cited points (``used`` rows only), keeping each point's flag and source
    title for markers and hover. Alternatives not chosen for the line stay in the points table only."""
    pts = points.copy()
    if "used" in pts.columns:
        pts = pts[pts["used"].astype(bool)]
    pts["date"] = pd.to_datetime(pts["date"])
    pts = pts.sort_values("date").drop_duplicates("date", keep="first")  # a date range: cut_line
    idx = pd.DatetimeIndex(pts["date"])
    series = pd.Series(pts["value"].to_numpy(dtype="float64"), index=idx, name=series_id)

    def column(name: str) -> pd.Series | None:
        return pd.Series(pts[name].fillna("").astype(str).to_numpy(), index=idx) if name in pts else None

    if not unit and "unit" in pts and len(pts):
        unit = str(pts["unit"].iloc[0])
    return Line(
        series_id,
        label,
        series,
        unit,
        source,
        frequency=frequency,
        flags=column("flag"),
        sources=column("source_title"),
        urls=column("source_url"),
    )
