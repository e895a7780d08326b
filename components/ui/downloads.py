"""CSV downloads that explain themselves ('# key: value' header lines), made only when clicked, and the chart
plus CSV pair every chart page draws."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st

from components import data


def csv_bytes(frame: pd.DataFrame, meta: dict[str, Any] | None = None) -> bytes:
    """CSV with '# key: value' header lines (title, units, sources) so the file explains itself."""
    buffer = io.StringIO()
    for key, value in (meta or {}).items():
        buffer.write(f"# {key}: {str(value).replace(chr(10), ' ')}\n")
    frame.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue().encode("utf-8")


def csv_download(
    frame: pd.DataFrame | Callable[[], pd.DataFrame],
    filename: str,
    label: str = "Download CSV",
    meta: dict[str, Any] | None = None,
    key: str | None = None,
) -> None:
    """A download button whose CSV is made only when clicked (Streamlit runs the callable then), so a rerun
    does not pay for serialising data nobody asked for. `frame` may itself be a callable."""

    def make() -> bytes:
        return csv_bytes(frame() if callable(frame) else frame, meta)

    st.download_button(label, make, file_name=filename, mime="text/csv", key=key or f"dl_{filename}", on_click="ignore")


def chart_with_csv(
    fig,
    lines,
    *,
    key: str,
    title: str,
    filename: str,
    label: str,
    caption: str = "",
    span: tuple | None = None,
    reset: dict | None = None,
    **meta: Any,
) -> None:
    """One chart as the pages draw it: the figure, its caption, and the data behind it as a CSV with units and
    sources (keys `<key>` for the chart and `<key>_dl` for the button). When the lines hold nothing to draw
    over `span` (start, end), a message says why instead, with a button putting `reset` ({key: default})
    back."""
    from components import charts
    from components.ui.empty import empty_state
    from components.ui.freshness import show_stale

    reason = charts.empty_reason(lines, *(span or (None, None)))
    if reason:
        empty_state(f"{title}: {reason}", reset, key=f"{key}_reset", label="Reset the range")
        return
    st.plotly_chart(fig, key=key)
    if caption:
        st.caption(caption)
    show_stale([line.id for line in lines])
    csv_download(
        lambda: charts.lines_frame(lines),
        filename,
        label,
        charts.csv_meta(title, lines, source_urls=_source_urls(lines), **meta),
        key=f"{key}_dl",
    )


def time_series_chart(
    lines,
    events,
    *,
    title: str,
    y_title: str,
    key: str,
    csv_title: str,
    filename: str,
    label: str,
    caption: str = "",
    log: bool = False,
    rebase_date=None,
    **meta: Any,
) -> None:
    """A time-series chart of `lines` with the case's `events`, drawn as chart_with_csv draws every chart."""
    from components import charts
    from components.ui.cache import figure

    if charts.empty_reason(lines):  # nothing to draw: chart_with_csv says why, no figure needed
        chart_with_csv(None, lines, key=key, title=csv_title, filename=filename, label=label, **meta)
        return
    fig = figure(
        charts.build_time_series, lines, events, title=title, y_title=y_title, log=log, rebase_date=rebase_date
    )
    chart_with_csv(fig, lines, key=key, title=csv_title, filename=filename, label=label, caption=caption, **meta)


def _source_urls(lines) -> str:
    """'id=url; ...' from each line's provenance record (computed lines have none and are skipped)."""
    urls = []
    for line in lines:
        try:
            urls.append(f"{line.id}={data.series_meta(line.id)['source_url']}")
        except KeyError:
            continue
    return "; ".join(urls)
