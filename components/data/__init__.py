"""Claim Lens data layer: the committed snapshot, live Yahoo series, and their provenance.

Public API (other modules and tests rely on these names):
    catalog(), load_series(id, start, end), load_points(id), series_meta(id), snapshot_as_of(),
    live_status(ids), vintage_key(), vintage_history(), stale_text(id), SnapshotError, SeriesUnavailable.
No streamlit here: `components.ui` wraps these in caches.
"""

from __future__ import annotations

import hashlib
import re

import pandas as pd

from .live import LiveResult, fetch_live, offline_forced
from .snapshot import (
    CATALOG_COLUMNS,
    SeriesUnavailable,
    SnapshotError,
    file_problem,
    missing_record,
    points_to_series,
    read_catalog,
    read_meta_file,
    read_points,
    read_snapshot_info,
    series_paths,
    snapshot_problems,
)

__all__ = [
    "catalog",
    "cut",
    "load_series",
    "load_points",
    "series_meta",
    "snapshot_as_of",
    "live_series",
    "SnapshotError",
    "SeriesUnavailable",
    "LiveResult",
    "offline_forced",
    "snapshot_problems",
    "series_problems",
    "vintage_key",
    "vintage_history",
    "stale_text",
]

_ID = re.compile(r"[a-z0-9_]{1,80}")


def catalog(vintage: str | None = None) -> pd.DataFrame:
    """Metadata of every series (snapshot and live-only), one row each, with a `status` per provenance record.
    `vintage`: read that vintage's folder while it is on disk (see snapshot.vintage_folder)."""
    from .snapshot import vintage_folder

    return read_catalog(vintage_folder(vintage))


def series_meta(series_id: str, folder=None) -> dict:
    """The provenance record of one series (read from its own file: cheap); an unknown id raises KeyError, a
    broken or missing record (its data file still there) gives a `status` that says what is wrong. `folder`:
    a vintage folder already resolved (snapshot.active_dir), so the record and its data file match."""
    if not _ID.fullmatch(str(series_id)):
        raise KeyError(f"unknown series {str(series_id)[:40]!r}")
    csv_path, meta_path = series_paths(str(series_id), folder)
    if not meta_path.exists():
        if csv_path.exists():
            return _broken(series_id, missing_record(csv_path))
        raise KeyError(f"unknown series {series_id!r}")
    try:
        meta = read_meta_file(meta_path)
    except SnapshotError as exc:
        return _broken(series_id, str(exc))
    meta = {**{c: "" for c in CATALOG_COLUMNS}, **meta, "status": "ok"}
    meta.update(first=_day(meta["first"]), last=_day(meta["last"]), rows=int(meta["rows"] or 0))
    return meta


def _day(value):
    """An ISO date of a record as a Timestamp (NaT when blank): pd.Timestamp parses ISO text directly, where
    pd.to_datetime would first guess the format of each value."""
    return pd.Timestamp(value) if value else pd.NaT


def _broken(series_id: str, status: str) -> dict:
    return {
        **{c: "" for c in CATALOG_COLUMNS},
        "id": series_id,
        "name": series_id,
        "status": status,
        "origin": "snapshot",
        "first": pd.NaT,
        "last": pd.NaT,
        "rows": 0,
    }


def series_problems() -> dict[str, str]:
    """{series id: what is wrong} for every snapshot series whose record is broken or missing, or whose data
    file is missing, unreadable or fails its checksum (reads every data file once: for `status`, not pages)."""
    from .snapshot import active_dir

    folder = active_dir()
    problems = {}
    for row in read_catalog(folder).to_dict("records"):
        if row["status"] != "ok":
            problems[row["id"]] = row["status"]
        elif row["origin"] != "live-only":
            problem = file_problem(series_paths(row["id"], folder)[0], row)
            if problem:
                problems[row["id"]] = problem
    return problems


def load_points(series_id: str, vintage: str | None = None) -> pd.DataFrame:
    """Every cited figure of a series (date, value, unit, flag, source_title, source_url, provider_detail, used).
    `vintage`: read that vintage's folder while it is on disk (see snapshot.vintage_folder)."""
    from .snapshot import vintage_folder

    folder = vintage_folder(vintage)  # once: the record and the data file come from the same vintage
    meta = series_meta(series_id, folder)
    if meta["status"] != "ok":
        raise SnapshotError(meta["status"])
    return read_points(series_id, meta, folder)


def load_series(series_id: str, start=None, end=None, vintage: str | None = None) -> pd.Series:
    """The series line (used points only) as floats on a DatetimeIndex, optionally cut to [start, end]."""
    return cut(points_to_series(load_points(series_id, vintage), series_id), start, end)


def cut(series: pd.Series, start=None, end=None) -> pd.Series:
    """The part of a date-indexed series inside [start, end] (either bound may be None)."""
    if start is None and end is None:
        return series
    return series.loc[
        pd.Timestamp(start) if start is not None else None : pd.Timestamp(end) if end is not None else None
    ]


def snapshot_as_of() -> pd.Timestamp:
    """The day the snapshot was built (the newest data point of each series is in `catalog()['last']`)."""
    built = read_snapshot_info().get("built")
    return pd.Timestamp(built) if built else pd.NaT


_vintage_seen: dict[tuple, str] = {}


def vintage_key() -> str:
    """The vintage the data folder is at, as named by the current vintage's snapshot.json (per call: the
    pointer's one line read and one stat; the index is read only when it changed). Pages key their caches
    on it, so a refresh written by another process (the timer, another replica) is picked up on the next page
    load without a restart."""
    from . import snapshot

    path = snapshot.active_dir() / "snapshot.json"  # a new vintage moves the pointer: a new path, a new key
    try:
        stat = path.stat()
        stamp = (str(path), stat.st_mtime_ns, stat.st_size)
        if stamp not in _vintage_seen:
            raw = path.read_bytes()
            _vintage_seen.clear()
            vintage = read_snapshot_info(path.parent).get("vintage") if raw else ""
            _vintage_seen[stamp] = str(vintage or "sha256:" + hashlib.sha256(raw).hexdigest()[:12])
    except OSError:
        return "no snapshot.json"
    return _vintage_seen[stamp]


def vintage_history() -> list[dict]:
    """Every vintage record, oldest first (see vintages.py)."""
    from .vintages import read_vintages

    return read_vintages()


def stale_text(series_id: str, today=None) -> str:
    """'' when the series is current; else '<name> is stale: last figure <date>, usually updated <cadence>'
    (or '<name> has ended: ...')."""
    from .staleness import stale_sentence

    try:
        meta = series_meta(series_id)
    except KeyError:
        return ""
    if meta.get("status") != "ok":
        return ""
    return stale_sentence(meta, meta.get("last"), today)


def live_series(series_ids: list[str], downloader=None) -> dict[str, LiveResult]:
    """Fetch live-only series by id (one yfinance batch); every id gets a LiveResult saying what happened."""
    cat = catalog().set_index("id")
    tickers = {}
    for sid in series_ids:
        if sid not in cat.index or not cat.loc[sid, "live_ticker"]:
            raise KeyError(f"{str(sid)[:40]!r} is not a live series")
        tickers[sid] = cat.loc[sid, "live_ticker"]
    return fetch_live(tickers, downloader=downloader)
