"""One series as a chart line: the `Line` record, cleaning, thinning long daily ranges, month gaps, the line's
plotly trace (hover with value, unit and source; flagged points marked), and the table behind it for CSV.

Pure (no streamlit). The conventions every line keeps:
- gaps stay gaps: monthly lines are re-indexed to every month and missing months are NaN with
  ``connectgaps=False`` (nothing interpolated);
- points flagged partial/provisional/caution/converted get a distinct open-diamond marker;
- long daily ranges are averaged to weeks (then months) above ``MAX_POINTS`` per trace, so the figure JSON
  stays small and every line can stay SVG ``scatter``: WebGL (scattergl) needs a GL context per chart, which is
  slow to create where the browser has no GPU (software GL), and browsers cap the live contexts per page.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from components import point_flags
from components.series_math import rebase
from components.style import safe_text

MAX_POINTS = 2500  # per trace, before weekly/monthly averaging kicks in
FLAGGED_SYMBOL = "diamond-open"
NORMAL_SYMBOL = "circle"


@dataclass
class Line:
    """One series to draw. ``flags``/``sources`` are optional per-date Series (indexed like ``series``)
    for provider figures that carry a flag and a source title per point. ``color`` pins the line's colour
    (a provider's own, components.style.provider_color); None leaves it to the chart's colour cycle."""

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
    color: str | None = None


def iso_dates(idx) -> np.ndarray:
    """ISO dates as one numpy string array: vectorised, and plotly validates an array in one step where a list
    of strings is checked element by element (that loop was most of a chart's build time)."""
    return np.datetime_as_string(pd.DatetimeIndex(idx).to_numpy(dtype="datetime64[ns]"), unit="D")


def clean(series: pd.Series) -> pd.Series:
    """Float values on a sorted date index with each date once."""
    s = pd.Series(series, dtype="float64")
    s.index = pd.DatetimeIndex(s.index)
    return s[~s.index.duplicated(keep="first")].sort_index()


def fill_month_gaps(series: pd.Series) -> pd.Series:
    """Re-index a monthly series to every month between its first and last point: missing months NaN."""
    s = clean(series).dropna()
    if s.empty:
        return s
    s.index = s.index.to_period("M").to_timestamp(how="start")
    s = s[~s.index.duplicated(keep="first")]
    full = pd.date_range(s.index[0], s.index[-1], freq="MS")
    return s.reindex(full)


def thin(series: pd.Series, max_points: int = MAX_POINTS) -> tuple[pd.Series, str]:
    """Weekly, then monthly, means when a daily series has more than ``max_points`` observations."""
    s = clean(series).dropna()
    if len(s) <= max_points:
        return s, ""
    w = s.resample("W-FRI").mean().dropna()
    if len(w) <= max_points:
        return w, "weekly"
    m = s.resample("MS").mean().dropna()
    return m, "monthly"


def plotted_span(lines) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """First and last date the lines cover (a monthly point covers its whole month); None with no data."""
    ends = []
    for line in lines:
        idx = pd.DatetimeIndex(clean(line.series).dropna().index)
        if len(idx):
            ends.append((idx.min(), idx.max() + pd.offsets.MonthEnd(0) if line.frequency == "monthly" else idx.max()))
    if not ends:
        return None
    return min(lo for lo, _ in ends), max(hi for _, hi in ends)


def per_point(values: pd.Series | None, index: pd.DatetimeIndex) -> list[str]:
    """A per-date text column (flag, source title, URL) aligned on the line's dates ('' where none)."""
    if values is None:
        return [""] * len(index)
    v = pd.Series(values)
    v.index = pd.DatetimeIndex(v.index)
    if len(index) and (index.day == 1).all():  # monthly: match on month
        v.index = v.index.to_period("M").to_timestamp(how="start")
    v = v[~v.index.duplicated(keep="first")]
    return [str(x) if isinstance(x, str) and x else "" for x in v.reindex(index).tolist()]


def line_trace(
    line: Line, *, rebase_date=None, max_points: int = MAX_POINTS, yaxis: str = "y"
) -> tuple[dict, str, pd.Timestamp | None]:
    """Trace for one Line: thinning, gaps, rebasing, flagged markers and hover with value/unit/source."""
    s = clean(line.series)
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
    date_fmt = "%{x|%d %b %Y}" if line.frequency == "daily" else "%{x|%b %Y}"
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
        flags = per_point(line.flags, s.index)
        srcs = per_point(line.sources, s.index)
        custom = np.empty((n, 3), dtype=object)
        custom[:, 0] = [None if np.isnan(v) else float(v) for v in values]
        custom[:, 1] = [safe_text(point_flags.describe(f), markup="html") if f else "" for f in flags]
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
    if line.color:
        marker["color"] = line.color
    trace = dict(
        type="scatter",
        x=iso_dates(s.index),
        y=y,
        customdata=customdata,
        name=line.label,
        yaxis=yaxis,
        mode="lines+markers" if sparse else "lines",
        connectgaps=False,
        marker=marker,
        hovertemplate="<br>".join(hover) + "<extra></extra>",
    )
    style = {key: value for key, value in (("dash", line.dash), ("color", line.color)) if value}
    if style:
        trace["line"] = style
    return trace, resampled, anchor


# ----------------------------------------------------------------------------------- CSV helpers
def lines_frame(lines) -> pd.DataFrame:
    """Long table behind a chart (one row per point, unit and source per row) for CSV download."""
    rows = []
    for line in lines:
        s = clean(line.series).dropna()
        flags = per_point(line.flags, s.index)
        srcs = per_point(line.sources, s.index)
        urls = per_point(line.urls, s.index)
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


def csv_meta(title: str, lines, **extra) -> dict:
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
    series_id: str,
    label: str,
    points: pd.DataFrame,
    *,
    unit: str = "",
    source: str = "",
    frequency: str = "monthly",
    color: str | None = None,
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
        color=color,
    )


def empty_reason(lines, start=None, end=None) -> str:
    """Why these lines draw nothing ('' when at least one has two values to join): a one-day (or, for monthly
    lines, one-month) range, a single value, or no value in the range. Said instead of an empty axis."""
    counts = [int(clean(line.series).notna().sum()) for line in lines]
    if any(n >= 2 for n in counts):
        return ""
    lo = pd.Timestamp(start) if start is not None else None
    hi = pd.Timestamp(end) if end is not None else None
    monthly = bool(lines) and all(line.frequency == "monthly" for line in lines)
    day = "%b %Y" if monthly else "%d %b %Y"
    between = f" between {lo.strftime(day)} and {hi.strftime(day)}" if lo is not None and hi is not None else ""
    if lo is not None and hi is not None and (lo.to_period("M") == hi.to_period("M") if monthly else lo >= hi):
        return f"The range is a single {'month' if monthly else 'day'} ({lo.strftime(day)}): widen it to draw a line."
    if any(n == 1 for n in counts):
        return f"Only one value{between}: widen the range to draw a line."
    return f"No value{between}: widen the range or pick another series."
