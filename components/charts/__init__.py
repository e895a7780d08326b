"""Pure chart builders: data in, ``plotly.graph_objects.Figure`` out (no streamlit, no I/O).

Pages prepare data through components.ui, hand it to one ``build_*`` function and draw the result with a single
``st.plotly_chart``; tests call the same builders with factory data. By concern: lines (one series as a line,
its trace, the CSV table behind it), overlay (the case's events as a strip of grouped markers above the data),
series (the builders). ``from components import charts`` gives every public name of them.
"""

from components.charts.lines import (
    FLAGGED_SYMBOL,
    MAX_POINTS,
    NORMAL_SYMBOL,
    Line,
    csv_meta,
    cut_line,
    empty_reason,
    fill_month_gaps,
    line_from_points,
    lines_frame,
    plotted_span,
    thin,
)
from components.charts.overlay import (
    EVENT_AXIS,
    GROUP_SHARE,
    EventOverlay,
    event_overlay,
    filter_events,
    group_count,
    group_events,
)
from components.charts.series import build_dual_axis, build_event_study, build_time_series

__all__ = [
    "EVENT_AXIS",
    "FLAGGED_SYMBOL",
    "GROUP_SHARE",
    "MAX_POINTS",
    "NORMAL_SYMBOL",
    "EventOverlay",
    "Line",
    "build_dual_axis",
    "build_event_study",
    "build_time_series",
    "csv_meta",
    "cut_line",
    "empty_reason",
    "event_overlay",
    "fill_month_gaps",
    "filter_events",
    "group_count",
    "group_events",
    "line_from_points",
    "lines_frame",
    "plotted_span",
    "thin",
]
