"""The controls several pages share: date range with rebase and log scale, and the event-marker filters.
Both live in the URL (`<prefix>_range`, `_rebase`, `_rbdate`, `_log`; `<prefix>_events`, `_cats`, `_actors`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd
import streamlit as st

from components import style
from components.ui.state import url_persist, url_seed, url_write


def range_rebase_log_controls(
    prefix: str,
    first: pd.Timestamp,
    last: pd.Timestamp,
    default_start: pd.Timestamp,
    notices: list[str],
    default_rebase: pd.Timestamp | None = None,
) -> dict[str, Any]:
    """Date-range slider, 'rebase to 100 at' toggle + date, log-scale toggle, seeded from and written back to
    the URL. Returns start, end, rebase_date (or None), log."""
    first, last = pd.Timestamp(first).normalize(), pd.Timestamp(last).normalize()
    default = (max(first, min(pd.Timestamp(default_start), last)), last)
    range_key, rebase_key, date_key, log_key = (f"{prefix}_{n}" for n in ("range", "rebase", "rbdate", "log"))
    # seeded before any widget is drawn: the rebase date defaults to the range's start, and the popover's label
    # is drawn before the widgets inside it
    start = pd.Timestamp(url_seed(range_key, default, bounds=(first, last), notices=notices)[0])
    rebase_default = pd.Timestamp(default_rebase) if default_rebase is not None else start
    url_seed(rebase_key, notices=notices)
    url_seed(date_key, rebase_default, bounds=(first, last), notices=notices)
    url_seed(log_key, notices=notices)

    range_column, scale_column = st.columns([6, 2], vertical_alignment="bottom")
    with range_column:
        low, high = url_persist(st.slider)(
            "Date range",
            first.date(),
            last.date(),
            key=range_key,
            default=default,
            format="D MMM YYYY",  # shown as a reader writes a date; the URL keeps ISO dates
            notices=notices,
        )
    low, high = pd.Timestamp(low), pd.Timestamp(high)
    # the rebase date must lie inside the shown range (st.date_input refuses values outside min/max)
    current = pd.Timestamp(st.session_state[date_key])
    if not low <= current <= high:
        st.session_state[date_key] = min(max(current, low), high).date()
    # rebase and log scale in a popover: its widgets are drawn only when it is opened, so the page's first
    # paint (and each redraw) carries the slider and the chart, not a date picker
    state = st.session_state
    scale = [f"rebased at {state[date_key]:%d %b %Y}"] if state[rebase_key] else []
    scale += ["log"] if state[log_key] else []
    with (
        scale_column,
        st.popover(f"Scale: {', '.join(scale) or 'values, linear'}", width="stretch", key=f"{prefix}_scale"),
    ):
        rebase_on = url_persist(st.toggle)(
            "Rebase to 100",
            key=rebase_key,
            help="Divide each line by its last value on or before the chosen date, times 100.",
        )
        rebase_date = url_persist(st.date_input)(
            "at date",
            min_value=low.date(),
            max_value=high.date(),
            key=date_key,
            disabled=not rebase_on,
            format="YYYY-MM-DD",
        )
        log_on = url_persist(st.toggle)("Log scale", key=log_key)
    return {
        "start": low,
        "end": high,
        "rebase_date": pd.Timestamp(rebase_date) if rebase_on else None,
        "log": log_on,
        "reset": {range_key: (default[0].date(), default[1].date())},  # for a 'Reset the range' button
    }


def event_controls(
    prefix: str,
    events: pd.DataFrame,
    actor_labels: dict[str, str],
    notices: list[str],
    study_series: Sequence[str] = (),
) -> pd.DataFrame:
    """Show-events toggle, category and actor filters, and (with `study_series`) a 'study this event' link to
    the Event study preset to one event and those series. Returns the events to draw (all dates; the chart's
    range decides what is visible)."""
    from components.charts import filter_events

    categories = sorted(events["category"].dropna().unique()) if len(events) else []
    actor_ids = sorted(
        {a for actors in events.get("actors", []) for a in (actors or [])},
        key=lambda a: actor_labels.get(a, a).lower(),
    )
    show_key, categories_key, actors_key = f"{prefix}_events", f"{prefix}_cats", f"{prefix}_actors"
    # the filters sit in a popover (drawn only when opened: two long multiselects are a good part of a page's
    # first paint) whose label says what is marked, so they are seeded before it
    show = url_seed(show_key, notices=notices)
    chosen_categories = url_seed(categories_key, categories, options=categories, multi=True, notices=notices)
    chosen_actors = url_seed(actors_key, options=actor_ids, multi=True, notices=notices)
    label = (
        "Event markers: off"
        if not show
        else f"Event markers: {len(chosen_categories)} of {len(categories)} categories"
        + (f", {len(chosen_actors)} actor(s)" if chosen_actors else "")
    )
    with st.popover(label, key=f"{prefix}_events_menu"):
        show = url_persist(st.toggle)("Events", key=show_key, help="Markers for the case's dated events")
        chosen_categories = st.multiselect(
            "Event categories", categories, key=categories_key, disabled=not show, format_func=style.event_label
        )
        chosen_actors = st.multiselect(
            "Only events involving",
            actor_ids,
            key=actors_key,
            disabled=not show,
            format_func=lambda a: actor_labels.get(a, a),
            placeholder="any actor",
        )
        if study_series and len(events):
            study_event_link(prefix, events, study_series)
    # no events loaded: leave the filters out of the URL
    url_write(categories_key, chosen_categories if categories else None)
    url_write(actors_key, chosen_actors if actor_ids else None)
    if not show:
        return filter_events(events, categories=[])
    shown = filter_events(events, categories=chosen_categories, actors=chosen_actors)
    if len(events) and shown.empty:
        from components.ui.empty import empty_state

        empty_state(
            "No event matches these event filters, so no marker is drawn.",
            {categories_key: categories, actors_key: []},
            key=f"{prefix}_events_reset",
            label="Show every event",
        )
    event_key(shown)
    return shown


def event_key(events: pd.DataFrame) -> None:
    """The colour key of the event markers drawn (human category names), one line, saying what a numbered
    marker means when some of these events lie close enough to be grouped (each chart's subtitle says how many
    at its own range)."""
    from components.charts import group_count

    if events is not None and len(events):
        grouped = group_count(events) < len(events)
        st.html(style.event_key_html(events["category"].dropna().unique(), grouped=grouped))


def study_event_link(prefix: str, events: pd.DataFrame, series_ids: Sequence[str]) -> None:
    """Pick one event, get a link to its event study on `series_ids` (newest event first)."""
    from components import event_links
    from components.ui.page import page_link

    ordered = events.sort_values("date", ascending=False)
    titles = dict(zip(ordered["id"], ordered["title"]))
    dates = dict(zip(ordered["id"], pd.to_datetime(ordered["date"])))
    chosen = st.selectbox(
        "Study an event",
        list(titles),
        key=f"{prefix}_study_event",
        format_func=lambda e: f"{dates[e]:%d %b %Y} · {titles[e]}",
        help="Abnormal returns around the event, tested against the series' own variation",
    )
    if chosen:
        page_link("event_study", "Open its event study", event_links.study_query([chosen], series_ids))
