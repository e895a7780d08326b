"""The event overlay every chart shares: the case's events as a strip of markers along the top of the plot,
outside the data's band, with thin dotted lines beneath the data, and events close together grouped into one
numbered marker.

Why a strip: markers drawn over the data hid the very points a verdict reads (dozens of lines and markers over
Jan-Mar 2025). The strip is its own subplot (EVENT_AXIS, domain STRIP) sharing the x-axis, so a marker can never
sit on a data point, and the dotted lines are drawn before the data traces on the data's own axis, so every line
and point is painted over them.

Why grouping at the plotted span: a fixed gap in days is either too coarse for a month or too fine for six
years. Events closer than GROUP_SHARE of the span the page plots (its date range, slider and filters decide
it) form one marker with their count and a hover list of titles and dates; the grouping is recomputed on each
redraw, so it follows the page's range. Plotly's own zoom (in the browser) does not regroup.

A few traces whatever the number of events (no layout shape per event, no ``add_vline(annotation_text=...)``,
which fails on date axes): each trace costs validation on the server and a layer in the browser, and a chart
is redrawn on every slider move.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from components.charts.lines import iso_dates
from components.style import EVENT_GROUP_HEX, event_color, event_label, format_date, safe_text

EVENT_AXIS = "y9"  # the strip's y-axis (range 0..1, hidden)
STRIP = (0.9, 1.0)  # the strip's share of the plot height
DATA_DOMAIN = (0.0, 0.87)  # the data's band, below the strip
GROUP_SHARE = 1 / 80  # events closer than this share of the plotted span share one marker
MAX_LISTED = 12  # titles listed in a grouped marker's hover (then "and n more")
_ROWS = (0.3, 0.72)  # neighbouring markers alternate between two rows, so that they overlap less on a phone


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


def _in_date_order(events: pd.DataFrame) -> pd.DataFrame:
    ev = events.copy()
    ev["date"] = pd.to_datetime(ev["date"])
    return ev.sort_values("date", kind="stable").reset_index(drop=True)


def _group_bounds(days: list[pd.Timestamp], span: tuple | None) -> list[tuple[int, int]]:
    """(first, past-last) positions of each group in `days` (sorted): an event joins the current group when it
    lies less than GROUP_SHARE of ``span`` (default the events' own span) after the group's first event."""
    lo, hi = (pd.Timestamp(span[0]), pd.Timestamp(span[1])) if span else (days[0], days[-1])
    gap = (hi - lo) * GROUP_SHARE
    starts, first = [0], days[0]
    for i, day in enumerate(days[1:], start=1):
        if day - first >= gap:
            starts.append(i)
            first = day
    bounds = starts + [len(days)]
    return list(zip(bounds[:-1], bounds[1:]))


def group_events(events: pd.DataFrame, span: tuple | None = None) -> list[pd.DataFrame]:
    """The events in date order, cut into groups: an event joins the current group when it lies less than
    GROUP_SHARE of ``span`` (start, end; default the events' own span) after the group's first event, so no
    group is wider than that share."""
    if events is None or len(events) == 0:
        return []
    ev, bounds = _ordered_groups(events, span)
    return [ev.iloc[a:b] for a, b in bounds]


def group_count(events: pd.DataFrame, span: tuple | None = None) -> int:
    """How many groups `group_events` makes, without slicing the frame into them."""
    if events is None or len(events) == 0:
        return 0
    return len(_ordered_groups(events, span)[1])


def _ordered_groups(events: pd.DataFrame, span: tuple | None) -> tuple[pd.DataFrame, list[tuple[int, int]]]:
    ev = _in_date_order(events)
    return ev, _group_bounds(ev["date"].tolist(), span)


def _actor_text(row: dict) -> str:
    actors = row.get("actor_names") or row.get("actors") or []
    if isinstance(actors, (list, tuple)):
        return ", ".join(str(a) for a in actors)
    return "" if actors != actors else str(actors)  # a missing cell is NaN, which is not equal to itself


def _one_line(row: dict, *, listed: bool) -> str:
    title = safe_text(row["title"], markup="html", max_len=90 if listed else None)
    category = safe_text(event_label(row["category"]), markup="html")
    if listed:
        return f"{format_date(row['date'])} · {category} · {title}"
    actors = safe_text(_actor_text(row), markup="html")
    source = safe_text(row.get("source_title", ""), markup="html")
    return f"<b>{title}</b><br>{format_date(row['date'])} · {category}<br>Actors: {actors}<br>Source: {source}"


def _group_hover(group: list[dict]) -> str:
    """One marker's hover: the event itself, or the group's count, dates and the first MAX_LISTED titles
    (rows as dicts: a frame's itertuples per group made a chart's overlay its slowest part)."""
    if len(group) == 1:
        return _one_line(group[0], listed=False)
    head = f"<b>{len(group)} events</b>, {format_date(group[0]['date'])} to {format_date(group[-1]['date'])}"
    rows = [_one_line(row, listed=True) for row in group[:MAX_LISTED]]
    if len(group) > MAX_LISTED:
        rows.append(f"… and {len(group) - MAX_LISTED} more")
    return "<br>".join([head, *rows])


@dataclass
class EventOverlay:
    """The traces of the overlay and what the chart should say about them.

    ``under`` goes before the data traces (drawn beneath them), ``over`` after; ``layout(...)`` adds the strip's
    axis and moves the data into the band below it. ``events`` and ``markers`` count what is drawn; ``note`` is
    the chart's subtitle line when markers are grouped ('' otherwise)."""

    under: list[dict] = field(default_factory=list)
    over: list[dict] = field(default_factory=list)
    events: int = 0
    markers: int = 0
    gap_days: float = 0.0

    def __bool__(self) -> bool:
        return bool(self.over)

    @property
    def grouped(self) -> bool:
        return self.markers < self.events

    @property
    def note(self) -> str:
        if not self.grouped:
            return ""
        return (
            f"{self.events} events in {self.markers} markers: events less than {max(1, round(self.gap_days))} "
            "days apart share a numbered marker (hover it for the list)"
        )

    def layout(self, layout: dict, *, whole: bool = False) -> dict:
        """``layout`` with the strip's axis and the data's y-axes (y, y2) kept below it; ``whole``: the chart
        has no data, so the strip takes the whole plot."""
        if not self:
            return layout
        out = dict(layout)
        strip = (0.0, 1.0) if whole else STRIP
        out["yaxis9"] = dict(domain=list(strip), anchor="x", range=[0, 1], visible=False, fixedrange=True)
        if not whole:
            for axis in ("yaxis", "yaxis2"):
                if axis == "yaxis" or axis in out:
                    out[axis] = {**out.get(axis, {}), "domain": list(DATA_DOMAIN)}
        return out


def event_overlay(
    events: pd.DataFrame | None,
    *,
    span: tuple | None = None,
    y_span: tuple[float, float] | None = None,
    xaxis: str = "x",
) -> EventOverlay:
    """The overlay for these events over ``span`` (the plotted start and end; default the events' own span):
    one marker per group (group_events) on the strip, coloured by category (EVENT_GROUP_HEX when a group holds
    several categories), numbered when it stands for several events, its hover text listing them; one
    legend-only entry that shows or hides them all; and, with ``y_span`` (the data's lowest and highest value on
    the left axis), one gapped line trace of dotted verticals drawn beneath the data."""
    if events is None or len(events) == 0:
        return EventOverlay()
    if span is None:
        days = pd.to_datetime(events["date"])
        span = (days.min(), days.max())
    rows = _in_date_order(events).to_dict("records")
    groups = [rows[a:b] for a, b in _group_bounds([row["date"] for row in rows], span)]
    dates = [g[0]["date"] + (g[-1]["date"] - g[0]["date"]) / 2 for g in groups]
    xs = iso_dates(pd.DatetimeIndex(dates).normalize())
    categories = [list(dict.fromkeys(str(row["category"]) for row in g)) for g in groups]
    kinds = np.array([c[0] if len(c) == 1 else "several" for c in categories], dtype=object)
    colours = [event_color(k) if k != "several" else EVENT_GROUP_HEX for k in kinds]
    counts = [len(g) for g in groups]
    n_events = int(sum(counts))
    legend = f"events ({n_events} in {len(groups)} markers)" if len(groups) < n_events else "events"
    over = [
        dict(
            type="scatter",
            x=[None],
            y=[None],
            yaxis=EVENT_AXIS,
            xaxis=xaxis,
            mode="markers",
            name=legend,
            legendgroup="events",
            hoverinfo="skip",
            marker=dict(symbol="triangle-down", size=11, color=EVENT_GROUP_HEX),
        ),
        dict(
            type="scatter",
            x=xs,
            y=np.array([_ROWS[i % 2] for i in range(len(groups))]),
            yaxis=EVENT_AXIS,
            xaxis=xaxis,
            mode="markers+text",
            name="event markers",
            legendgroup="events",
            showlegend=False,
            text=["" if n == 1 else str(n) for n in counts],
            textposition="middle center",
            textfont=dict(color="#ffffff", size=10),
            hovertext=[_group_hover(g) for g in groups],
            hoverinfo="text",
            customdata=kinds,
            marker=dict(
                symbol=["triangle-down" if n == 1 else "circle" for n in counts],
                size=[11 if n == 1 else 17 for n in counts],
                color=colours,
                line=dict(width=1, color="#ffffff"),
            ),
        ),
    ]
    under = []
    lo, hi = y_span if y_span else (None, None)
    if lo is not None and hi is not None and np.isfinite([lo, hi]).all():
        verticals = np.empty(3 * len(xs), dtype=object)
        verticals[0::3] = verticals[1::3] = xs
        under.append(
            dict(
                type="scatter",
                x=verticals,
                y=np.array([lo, hi, None] * len(xs), dtype=object),
                xaxis=xaxis,
                yaxis="y",
                mode="lines",
                name="event lines",
                legendgroup="events",
                showlegend=False,
                hoverinfo="skip",
                line=dict(color="rgba(128,128,128,0.35)", width=1, dash="dot"),
            )
        )
    gap = (pd.Timestamp(span[1]) - pd.Timestamp(span[0])).days * GROUP_SHARE
    return EventOverlay(under=under, over=over, events=n_events, markers=len(groups), gap_days=gap)


def y_extent(traces: Sequence[dict], yaxis: str = "y") -> tuple[float, float] | None:
    """Lowest and highest finite value of the traces on one y-axis (where the dotted event lines run)."""
    values = [np.asarray(t["y"], dtype="float64") for t in traces if t.get("yaxis", "y") == yaxis and len(t["y"])]
    finite = np.concatenate(values) if values else np.array([])
    finite = finite[np.isfinite(finite)]
    return (float(finite.min()), float(finite.max())) if len(finite) else None
