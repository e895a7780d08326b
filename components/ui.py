"""The one Streamlit-aware helper module: cached wrappers around the loaders, banners, downloads, URL state.

Pages stay thin scripts (controls -> data -> render) by calling these. Logic lives in modules that do not
import streamlit, so it is tested without it.
"""
from __future__ import annotations

import io
from typing import Any, Callable

import pandas as pd
import streamlit as st

from components import data

LIVE_TTL = 3600  # seconds a good Yahoo fetch is reused before asking again
APP_TITLE = "Claim Lens"


# ---------------------------------------------------------------- cached data access
@st.cache_data(show_spinner=False)
def catalog() -> pd.DataFrame:
    """Catalog of every series (local files only, so no ttl)."""
    return data.catalog()


@st.cache_data(show_spinner=False)
def _snapshot_series(series_id: str) -> pd.Series:
    return data.load_series(series_id)


def series(series_id: str, start=None, end=None) -> pd.Series:
    """A snapshot series, cut to [start, end]. Raises SnapshotError / KeyError / SeriesUnavailable."""
    full = _snapshot_series(series_id)
    if start is None and end is None:
        return full
    return full.loc[pd.Timestamp(start) if start is not None else None: pd.Timestamp(end) if end is not None else None]


@st.cache_data(show_spinner=False)
def points(series_id: str) -> pd.DataFrame:
    """Every cited figure of a snapshot series (with flags and sources)."""
    return data.load_points(series_id)


def series_or_none(series_id: str, start=None, end=None) -> tuple[pd.Series | None, str]:
    """Like `series`, but a broken or missing file becomes a message instead of an exception."""
    try:
        return series(series_id, start, end), ""
    except (data.SnapshotError, data.SeriesUnavailable, KeyError) as exc:
        return None, str(exc).strip("'\"")


class _LiveFailed(Exception):
    """Raised inside the cached fetch so that a failure is never cached (st.cache_data skips exceptions)."""

    def __init__(self, result: data.LiveResult):
        super().__init__(result.reason)
        self.result = result


@st.cache_data(ttl=LIVE_TTL, show_spinner=False)
def _live_ok(series_id: str) -> tuple[pd.Series, str]:
    result = data.live_series([series_id])[series_id]
    if not result.ok:
        raise _LiveFailed(result)
    return result.series, result.fetched_at


def live(series_id: str) -> data.LiveResult:
    """A live Yahoo series or, failing that, the disk copy or nothing — always with the reason in words."""
    try:
        values, fetched = _live_ok(series_id)
    except _LiveFailed as failed:
        if failed.result.rate_limited:
            _live_ok.clear()
        return failed.result
    meta = data.series_meta(series_id)
    return data.LiveResult(series_id, meta["live_ticker"], "live", f"fetched from Yahoo at {fetched} (kept up to 1 h)",
                           values, fetched)


def live_enabled() -> bool:
    """Live Yahoo data is on unless the user switched it off or CLAIMLENS_OFFLINE is set."""
    return (not data.offline_forced()) and st.session_state.get("live_on", True)


def clear_caches() -> None:
    for fn in (catalog, _snapshot_series, points, _live_ok):
        fn.clear()


@st.cache_data(show_spinner=False)
def case(case_id: str | None = None):
    """The analysed case with computed verdicts (local files; recomputed when the app restarts)."""
    from components import case as case_module

    return case_module.load_case(case_id or case_module.DEFAULT_CASE)


# ---------------------------------------------------------------- page furniture
def page_setup(title: str, icon: str = "🔎", intro: str | None = None) -> None:
    """Page config, title, the as-of banner and the live switch: the same top on every page."""
    st.set_page_config(page_title=f"{title} · {APP_TITLE}", page_icon=icon, layout="wide")
    st.title(title)
    if intro:
        st.caption(intro)
    with st.sidebar:
        st.toggle("Live Yahoo data", value=not data.offline_forced(), key="live_on",
                  disabled=data.offline_forced(),
                  help="Fetch Yahoo futures, market FX and equities through yfinance when online. "
                       "Off, or offline, every page runs from the committed snapshot.")
    as_of_banner()


def as_of_text() -> str:
    cat = catalog()
    built = data.snapshot_as_of()
    snap = cat[(cat["origin"] == "snapshot") & (cat["status"] == "ok")]
    newest = snap.groupby("topic")["last"].max().dropna()
    parts = ", ".join(f"{topic} to {day.date()}" for topic, day in newest.sort_index().items())
    built_txt = built.date() if pd.notna(built) else "unknown"
    mode = "live Yahoo series on when reachable" if live_enabled() else "live Yahoo series off"
    return f"Data as of {built_txt}, offline snapshot ({parts}); {mode}."


def as_of_banner() -> None:
    cat = catalog()
    st.info(as_of_text(), icon="📦")
    broken = cat[cat["status"] != "ok"]
    for _, row in broken.iterrows():
        st.warning(f"Series {row['id']} could not be read: {row['status']}", icon="⚠️")


def source_caption(series_id: str) -> str:
    """'Name — provider (instrument), licence, source' for a chart caption (Datasette-style metadata)."""
    meta = data.series_meta(series_id)
    return (f"**{meta['name']}** — {meta['provider']} ({meta['instrument']}, {meta['frequency']}, {meta['unit']}); "
            f"licence: {meta['licence']}; source: {meta['source_url']}")


# ---------------------------------------------------------------- downloads
def csv_bytes(frame: pd.DataFrame, meta: dict[str, Any] | None = None) -> bytes:
    """CSV with '# key: value' header lines (title, units, sources) so the file explains itself."""
    buffer = io.StringIO()
    for key, value in (meta or {}).items():
        buffer.write(f"# {key}: {str(value).replace(chr(10), ' ')}\n")
    frame.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue().encode("utf-8")


def csv_download(frame: pd.DataFrame, filename: str, label: str = "Download CSV",
                 meta: dict[str, Any] | None = None, key: str | None = None) -> None:
    st.download_button(label, csv_bytes(frame, meta), file_name=filename, mime="text/csv", key=key or f"dl_{filename}",
                       on_click="ignore")


# ---------------------------------------------------------------- URL state
def query_value(name: str, default: Any, parse: Callable[[str], Any], notices: list[str] | None = None) -> Any:
    """Read one query parameter through `parse`; anything it rejects becomes the default plus a notice."""
    raw = st.query_params.get(name)
    if raw is None or raw == "":
        return default
    try:
        return parse(raw)
    except (ValueError, TypeError, KeyError) as exc:
        message = f"Ignored URL parameter {name}={raw[:40]!r} ({exc}); using the default."
        if notices is not None:
            notices.append(message)
        else:
            st.caption(f"⚠️ {message}")
        return default


def show_notices(notices: list[str]) -> None:
    for message in notices:
        st.caption(f"⚠️ {message}")


def set_query(**values: Any) -> None:
    """Write the current controls back to the URL (lists as comma-joined text), so the URL is the view."""
    for name, value in values.items():
        if value is None or value == "" or value == []:
            st.query_params.pop(name, None)
            continue
        if isinstance(value, (list, tuple)):
            text = ",".join(str(v) for v in value)
        elif isinstance(value, pd.Timestamp):
            text = str(value.date())
        else:
            text = str(value)
        if st.query_params.get(name) != text:
            st.query_params[name] = text
