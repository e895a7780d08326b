"""Cached access to the snapshot, the case and built figures: each file is read once per process, each figure
built once per distinct input."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st

from components import data, style
from components.case_model import frame_digest

# Every cache is bounded (memory must come back on a shared server). Entries: what the snapshot and the
# case hold, with room to spare; ttl: files re-read after an hour, so a snapshot refreshed on disk is picked
# up; built figures and lines are per view, so they get the tightest bounds (FIGURE_ENTRIES ~ 40 MB at most).
FILE_TTL = 3600  # seconds before a snapshot or case file is read again
SERIES_ENTRIES = 80  # the snapshot has 48 series
CASE_ENTRIES = 4  # the committed cases (two) plus room
FIGURE_ENTRIES = 64  # plotly figures, about 0.1-0.6 MB each
LINE_ENTRIES = 64  # provider lines with per-point flags and sources


# Every file-backed cache is also keyed on the data folder's vintage (data.vintage_key(): the pointer and one stat),
# so a new vintage written by the refresh job is used on the next run, on every replica, without a restart;
# the old vintage's entries age out (max_entries, ttl).
@st.cache_data(show_spinner=False, max_entries=2, ttl=FILE_TTL)
def _catalog(vintage: str) -> pd.DataFrame:
    return data.catalog(vintage)


def catalog() -> pd.DataFrame:
    """Catalog of every series (local files, read again for a new vintage or after FILE_TTL)."""
    return _catalog(data.vintage_key())


@st.cache_data(show_spinner=False, max_entries=SERIES_ENTRIES, ttl=FILE_TTL)
def _snapshot_series(series_id: str, vintage: str) -> pd.Series:
    return data.load_series(series_id, vintage=vintage)


def series(series_id: str, start=None, end=None) -> pd.Series:
    """A snapshot series, cut to [start, end]. Raises SnapshotError / KeyError / SeriesUnavailable."""
    return data.cut(_snapshot_series(series_id, data.vintage_key()), start, end)


@st.cache_data(show_spinner=False, max_entries=SERIES_ENTRIES, ttl=FILE_TTL)
def _points(series_id: str, vintage: str) -> pd.DataFrame:
    return data.load_points(series_id, vintage)


def points(series_id: str) -> pd.DataFrame:
    """Every cited figure of a snapshot series (with flags and sources)."""
    return _points(series_id, data.vintage_key())


def or_problem(load: Callable, *args: Any) -> tuple[Any, str]:
    """`load(*args)`, or None plus the reason when the file is broken, missing or unknown."""
    try:
        return load(*args), ""
    except (data.SnapshotError, data.SeriesUnavailable, KeyError) as exc:
        return None, str(exc).strip("'\"")


def series_or_none(series_id: str, start=None, end=None) -> tuple[pd.Series | None, str]:
    """Like `series`, but a broken or missing file becomes a message instead of an exception."""
    return or_problem(series, series_id, start, end)


def points_or_none(series_id: str) -> tuple[pd.DataFrame | None, str]:
    """Like `points`, but a broken or missing file becomes a message instead of an exception."""
    return or_problem(points, series_id)


def case(case_id: str | None = None):
    """The chosen case (the sidebar's Case, see components/ui/cases.py) or `case_id`, with verdicts computed on
    the current vintage's data (cached per case and vintage)."""
    from components.ui import cases

    return cases.load(case_id, verdicts=True)


def case_files(case_id: str | None = None):
    """The chosen case as read and checked, without verdicts: for pages that only draw its events or actors,
    so they do not wait for every claim's series to be read."""
    from components.ui import cases

    return cases.load(case_id, verdicts=False)


class NotKept(Exception):
    """Raised inside a cached function with a result that must not be kept (Streamlit caches skip exceptions):
    a failed live fetch (ui.live), a catalog with an unreadable file. The caller catches it and uses `result`."""

    def __init__(self, result: Any):
        super().__init__("not kept")
        self.result = result


@st.cache_resource(show_spinner=False, max_entries=8, ttl=FILE_TTL)
def _catalog_rows(vintage: str, folder: str, series_ids: tuple[str, ...], today: str) -> pd.DataFrame:
    from components.data.catalog_table import catalog_table

    unreadable = []

    def read(series_id: str) -> tuple[pd.Series | None, str]:
        values, problem = series_or_none(series_id)
        if problem:
            unreadable.append(series_id)
        return values, problem

    table = catalog_table(catalog(), series_ids, read, pd.Timestamp(today))
    if unreadable:  # read again on the next run: a repaired file shows as repaired at once
        raise NotKept(table)
    return table


def catalog_rows(series_ids: list[str], today: pd.Timestamp) -> pd.DataFrame:
    """components.data.catalog_table for these series, once per vintage, day and choice of series: it reads
    every series and counts its gaps, most of a Data & sources rerun otherwise. Kept only when every file was
    read. The frame is shared by every session: callers change a copy (catalog_table.shown_catalog copies)."""
    from components.data import snapshot

    try:
        return _catalog_rows(
            data.vintage_key(), str(snapshot.active_dir()), tuple(series_ids), str(pd.Timestamp(today).date())
        )
    except NotKept as not_kept:
        return not_kept.result


CASE_ISSUES_SHOWN = 5


def case_problem(exc: BaseException, limit: int = CASE_ISSUES_SHOWN) -> str:
    """What is wrong with the case files as escaped markdown: one line per problem with its file, row and
    field (the first `limit`, then how many more). Case files are text from outside the code, so escaped."""
    issues = list(getattr(exc, "issues", None) or [])
    if not issues:
        return style.safe_text(str(exc), max_len=300) or "the case files could not be read"
    lines = [f"- {style.safe_text(str(issue), max_len=300)}" for issue in issues[:limit]]
    if len(issues) > limit:
        lines.append(f"- and {len(issues) - limit} more problems")
    return "\n".join(lines)


def case_or_stop(case_id: str | None = None):
    """The case, or a clear error naming the broken file, row and field, and the page stops there."""
    from components import ui
    from components.case import CaseError

    try:
        return ui.case(case_id)  # through the package, so a test's stand-in case is seen here too
    except CaseError as exc:
        st.error(
            f"The case files could not be read, so this page cannot show claims:\n\n{case_problem(exc)}",
            icon=":material/error:",
        )
        st.stop()


def case_events() -> tuple[pd.DataFrame, dict[str, str], str]:
    """The case's events and actor labels for chart markers; a broken case gives no markers plus the reason
    (escaped markdown naming file, row and field), so the market pages still draw their data."""
    try:
        loaded = case_files()
    except Exception as exc:  # noqa: BLE001 - any case-file problem must not take the market charts down
        issues = list(getattr(exc, "issues", None) or [])
        first = str(issues[0]) if issues else " ".join(str(exc).split())
        more = f" (and {len(issues) - 1} more problems)" if len(issues) > 1 else ""
        return (
            pd.DataFrame(columns=["id", "date", "title", "actors", "category", "source_title", "source_url"]),
            {},
            f"Events unavailable: the case files could not be read: {style.safe_text(first, max_len=240)}{more}",
        )
    actors = loaded.actors
    labels = dict(zip(actors["id"], actors["label"])) if {"id", "label"} <= set(actors.columns) else {}
    return loaded.events, labels, ""


@st.cache_resource(
    max_entries=FIGURE_ENTRIES, ttl=FILE_TTL, show_spinner=False, hash_funcs={pd.DataFrame: frame_digest}
)
def _cached_figure(name: str, _builder: Callable, args: tuple, kwargs: dict):
    return _builder(*args, **kwargs)


@st.cache_resource(max_entries=FIGURE_ENTRIES, ttl=FILE_TTL, show_spinner=False)
def _keyed_figure(name: str, key: tuple, _builder: Callable, _args: tuple, _kwargs: dict):
    return _builder(*_args, **_kwargs)


def figure(builder: Callable, *args: Any, cache_key: tuple | None = None, **kwargs: Any):
    """`builder(*args, **kwargs)`, memoised on the arguments' content. Building a plotly figure re-validates
    every property (tens of ms per chart), so reruns that change nothing reuse the built figure. Kept as the
    same object (cache_resource): figures are never mutated after building.

    `cache_key`: a small tuple that determines the figure (ids, the vintage, settings) for callers whose
    arguments are large objects; hashing those on every rerun (a claim with its verdict and evidence, the
    case's events) costs more than the key. The arguments are then not hashed at all."""
    name = f"{builder.__module__}.{builder.__qualname__}"
    if cache_key is not None:
        return _keyed_figure(name, (data.vintage_key(), *cache_key), builder, args, kwargs)
    return _cached_figure(name, builder, args, kwargs)


@st.cache_resource(show_spinner=False, max_entries=2, ttl=FILE_TTL)
def _study_series(vintage: str) -> tuple[str, ...]:
    from components import event_links

    return tuple(event_links.study_series(data.catalog(vintage)))


def study_series() -> list[str]:
    """The series the Event study offers (components.event_links.study_series), once per vintage."""
    return list(_study_series(data.vintage_key()))


@st.cache_resource(max_entries=LINE_ENTRIES, ttl=FILE_TTL, show_spinner=False)
def _whole_points_line(series_id: str, label: str, unit: str, source: str, frequency: str, vintage: str):
    from components import charts

    return charts.line_from_points(series_id, label, points(series_id), unit=unit, source=source, frequency=frequency)


def points_line(
    series_id: str, label: str, *, unit: str = "", source: str = "", frequency: str = "monthly", start=None, end=None
):
    """A provider's chart line from its cited points (charts.line_from_points), built once per series and label
    (per-point flags and sources take a while) and cut to [start, end] on each call, which is cheap. Lines are
    never mutated after building."""
    from components import charts

    whole = _whole_points_line(series_id, label, unit, source, frequency, data.vintage_key())
    return charts.cut_line(whole, start, end)


def points_line_or_none(series_id: str, label: str, **kwargs: Any):
    """Like `points_line`, but a broken or missing file becomes (None, the reason) instead of an exception."""
    return or_problem(lambda: points_line(series_id, label, **kwargs))


def clear_caches() -> None:
    """Forget every cached file, fetch and figure (the Data & sources refresh button)."""
    from components.ui import cases
    from components.ui.live import live_ok
    from components.ui.page import _as_of_note

    for cached in (
        _catalog,
        _catalog_rows,
        _as_of_note,
        _snapshot_series,
        _points,
        live_ok,
        _cached_figure,
        _whole_points_line,
    ):
        cached.clear()
    cases.clear()
