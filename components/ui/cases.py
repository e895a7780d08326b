"""Which case the pages show: the library under data/cases/, cases opened in this session, the picker.

Why one place: every page asks `ui.case()` (or case_files / case_events) for "the case", so choosing a case
here switches every page, verdict, chart, network and hindsight view at once. The choice lives in the
`case=` URL parameter (so a link reproduces it) and in session state (so it survives page changes). Cases
opened in the session (from a pasted article or an uploaded zip) are held as files in memory and read
through the same validation as a folder; nothing is written on the server.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import case as case_module
from components import case_bundle, case_library
from components.style import safe_text
from components.ui.cache import FILE_TTL

CASE_PARAM = "case"
PICK_KEY = "case_pick"  # the sidebar widget
CURRENT_KEY = "case_current"  # the choice, kept apart from the widget so that it survives page changes
SESSION_KEY = "case_session_bundles"  # session id -> {"case_id", "title", "files"}
MAX_SESSION_CASES = 4
LIBRARY_TTL = 60  # seconds: a case folder added to data/cases/ shows up within a minute


@st.cache_data(ttl=LIBRARY_TTL, show_spinner=False, max_entries=1)
def library() -> dict[str, str]:
    """case id -> title for every folder under data/cases/ (titles read without validating)."""
    return {cid: case_library.case_title(case_module.CASES_ROOT / cid)[0] or cid for cid in case_library.case_ids()}


def session_cases() -> dict[str, dict]:
    return st.session_state.setdefault(SESSION_KEY, {})


def open_session_case(files: dict[str, str], case_id: str, title: str) -> str:
    """Keep a case in this session (oldest dropped beyond MAX_SESSION_CASES) and show it on every page."""
    key = case_bundle.SESSION_PREFIX + case_bundle.digest(files)
    held = session_cases()
    held[key] = {"case_id": case_id, "title": title or case_id, "files": dict(files)}
    while len(held) > MAX_SESSION_CASES:
        held.pop(next(iter(held)))
    choose(key)
    return key


def choose(key: str) -> None:
    st.session_state[CURRENT_KEY] = key
    st.session_state[PICK_KEY] = key
    _write_url(key)


def _write_url(key: str) -> None:
    if key == case_module.DEFAULT_CASE:
        if CASE_PARAM in st.query_params:
            del st.query_params[CASE_PARAM]
    elif st.query_params.get(CASE_PARAM) != key:
        st.query_params[CASE_PARAM] = key


def options() -> list[str]:
    return list(library()) + [k for k in session_cases() if k not in library()]


def label(key: str) -> str:
    held = session_cases().get(key)
    if held is not None:
        return f"{held['title']} (this session)"
    return library().get(key, key)


def current_case_id(notices: list[str] | None = None) -> str:
    """The chosen case: session choice, else the URL's `case=`, else the March 2025 case. A bad or vanished
    value falls back to the default with a notice (the value escaped)."""
    known = options()
    chosen = st.session_state.get(CURRENT_KEY)
    url_value = st.query_params.get(CASE_PARAM)
    if url_value and url_value != chosen:
        if url_value in known:
            chosen = url_value
        elif notices is not None:
            if url_value.startswith(case_bundle.SESSION_PREFIX):
                notices.append(
                    f"The case in this link ('{safe_text(url_value, max_len=40)}') was opened in another session or "
                    "before the server restarted, so it is not here any more; showing the default case. Open it "
                    "again from Actor network, Bring your own article."
                )
            else:
                notices.append(
                    f"No case '{safe_text(url_value, max_len=60)}' in the library; showing the default case."
                )
    if chosen not in known:
        chosen = case_module.DEFAULT_CASE
    st.session_state[CURRENT_KEY] = chosen
    return chosen


def _picked() -> None:
    key = st.session_state.get(PICK_KEY)
    if key:
        st.session_state[CURRENT_KEY] = key
        _write_url(key)


def case_picker(notices: list[str]) -> str:
    """The sidebar picker (every page): returns the chosen case id."""
    chosen = current_case_id(notices)
    known = options()
    st.session_state[PICK_KEY] = chosen
    st.sidebar.selectbox(
        "Case",
        known,
        key=PICK_KEY,
        format_func=label,
        on_change=_picked,
        help="Every page shows the chosen case: its claims, verdicts, events, network and hindsight. "
        "Cases come from the project's case library and from articles opened in this session.",
    )
    _write_url(chosen)
    return chosen


# ------------------------------------------------------------------------------------------- loading
@st.cache_data(show_spinner=False, max_entries=16, ttl=FILE_TTL)
def _library_case(case_id: str, verdicts: bool, vintage: str):
    return _with_digest(case_module.load_case(case_id, verdicts=verdicts))


@st.cache_data(show_spinner=False, max_entries=8, ttl=FILE_TTL)
def _bundle_case(files: tuple[tuple[str, str], ...], case_id: str, verdicts: bool, vintage: str):
    return _with_digest(case_bundle.load(dict(files), case_id, verdicts=verdicts))


def _with_digest(case):
    """The case with its events' digest made before the cache pickles it (charts key on it every rerun)."""
    case.events_digest  # noqa: B018 - computed and kept in the case
    return case


def load(case_id: str | None, verdicts: bool):
    """The case by id (library or this session's), with or without verdicts; cached per content and, with
    verdicts, per data vintage (a refresh written by another process is picked up on the next page load)."""
    from components import data

    key = case_id or current_case_id()
    vintage = data.vintage_key() if verdicts else ""
    held = session_cases().get(key)
    if held is not None:
        return _bundle_case(tuple(sorted(held["files"].items())), held["case_id"], verdicts, vintage)
    return _library_case(key, verdicts, vintage)


DEFAULT_TRIGGER = "2025-03-07"  # the March 2025 case's trigger, if a case has no article event


def _trigger_of(loaded) -> tuple[str, pd.Timestamp] | None:
    trigger = case_library.trigger_event(loaded.events, loaded.meta.get("published"))
    return (str(trigger["id"]), pd.Timestamp(trigger["date"])) if trigger else None


@st.cache_data(show_spinner=False, max_entries=16, ttl=FILE_TTL)
def _library_trigger(case_id: str) -> tuple[str, pd.Timestamp] | None:
    """A library case's trigger, kept apart from the case: pages that only need where to open their charts
    do not take the whole case out of its cache (a copy) on every run."""
    return _trigger_of(_library_case(case_id, False, ""))


def anchor() -> tuple[str | None, pd.Timestamp, pd.Timestamp]:
    """(trigger event id, its date, default chart start) of the chosen case: where market charts open and
    rebase and which event the event study starts on."""
    from components import ui

    key = current_case_id()
    try:
        trigger = _trigger_of(ui.case_files(key)) if key in session_cases() else _library_trigger(key)
    except Exception:  # noqa: BLE001 - a broken case must not take the market pages down
        trigger = None
    date = trigger[1] if trigger else pd.Timestamp(DEFAULT_TRIGGER)
    return (trigger[0] if trigger else None), date, case_library.chart_start(date)


def clear() -> None:
    for fn in (library, _library_case, _bundle_case, _library_trigger):
        fn.clear()
