"""Live Yahoo series through yfinance: good fetches kept for an hour, failures never cached, always a reason."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import data
from components.ui.cache import NotKept, series_or_none

LIVE_TTL = 3600  # seconds a good Yahoo fetch is reused before asking again


@st.cache_data(ttl=LIVE_TTL, max_entries=16, show_spinner=False)  # 7 live series
def live_ok(series_id: str) -> data.LiveResult:
    result = data.live_series([series_id])[series_id]
    if not result.ok:
        raise NotKept(result)  # a failure is never cached
    return result


def live(series_id: str) -> data.LiveResult:
    """A live Yahoo series or, failing that, the disk copy or nothing — always with the reason in words."""
    try:
        result = live_ok(series_id)
    except NotKept as failed:
        if failed.result.rate_limited:
            live_ok.clear()
        return failed.result
    result.reason += " (kept up to 1 h)"
    return result


def live_enabled() -> bool:
    """Live Yahoo data is on unless the user switched it off or the server is set to run offline
    (CLAIMLENS_OFFLINE)."""
    return (not data.offline_forced()) and st.session_state.get("live_on", True)


def live_or_fallback(series_id: str) -> tuple[pd.Series | None, str, str]:
    """(values, id actually shown, message) for a live-only series: live or its disk copy when it can be had,
    else the snapshot series named as its fallback (a different instrument, and the message says so). The
    message names series as readers know them (their catalog names), never by id."""
    meta = data.series_meta(series_id)
    name = f"{meta.get('name') or series_id} ({meta['live_ticker']})"
    result = live(series_id) if live_enabled() else None
    reason = result.reason if result is not None else "live Yahoo data is off"
    if result is not None and result.series is not None:
        return result.series, series_id, f"{name}: {result.source} — {reason}"
    fallback = meta.get("fallback", "")
    if fallback:
        fallback_name = _name(fallback)
        values, problem = series_or_none(fallback)
        if values is not None:
            return (
                values,
                fallback,
                f"{name} not live ({reason}); showing {fallback_name} from the offline snapshot instead — a "
                "different instrument",
            )
        reason += f"; the fallback, {fallback_name}, failed: {problem}"
    return None, series_id, f"{name}: not available ({reason})"


def _name(series_id: str) -> str:
    try:
        return str(data.series_meta(series_id).get("name") or series_id)
    except KeyError:
        return series_id


def live_status_table(series_ids: list[str]) -> pd.DataFrame:
    """One row per live series: what is shown and why, by name (for the Data & sources page)."""
    rows = []
    for sid in series_ids:
        values, shown, message = live_or_fallback(sid)
        rows.append(
            dict(
                series=_name(sid),
                showing=_name(shown) if values is not None else "nothing",
                rows=0 if values is None else len(values),
                why=message,
            )
        )
    return pd.DataFrame(rows, columns=["series", "showing", "rows", "why"])
