"""The Data & sources tables: each series' provenance joined with its coverage, and a series' points as sent
to the browser (pure)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pandas as pd

from components.data.coverage import coverage

COLUMNS = [
    "id",
    "name",
    "unit",
    "frequency",
    "instrument",
    "provider",
    "licence",
    "source_url",
    "first",
    "last",
    "rows",
    "gaps",
    "age_days",
    "retrieved",
    "status",
    "checksum",
]


def status_text(origin: str, live_ticker: str, problem: str) -> str:
    """'ok', the reason a snapshot file could not be read, or 'live only (Yahoo <ticker>)'."""
    if problem:
        return problem
    return f"live only (Yahoo {live_ticker})" if origin == "live-only" else "ok"


def catalog_table(
    catalog: pd.DataFrame,
    series_ids: Iterable[str],
    read_series: Callable[[str], tuple[pd.Series | None, str]],
    today: pd.Timestamp,
) -> pd.DataFrame:
    """One row per chosen series, in catalog order: provenance from the catalog, span, rows, gaps and age from
    the snapshot values (`read_series(id)` -> (values or None, problem)). Live-only series have no snapshot
    values, so no coverage; a source that is not a web address gets no link."""
    wanted = set(series_ids)
    rows = []
    for meta in catalog[catalog["id"].isin(wanted)].to_dict("records"):
        values, problem = read_series(meta["id"]) if meta["origin"] == "snapshot" else (None, "")
        covered = coverage(values, meta["frequency"], today) if values is not None else {}
        rows.append(
            dict(
                id=meta["id"],
                name=meta["name"],
                unit=meta["unit"],
                frequency=meta["frequency"],
                instrument=meta["instrument"],
                provider=meta["provider"],
                licence=meta["licence"],
                source_url=meta["source_url"] if str(meta["source_url"]).startswith("http") else None,
                first=covered.get("first"),
                last=covered.get("last"),
                rows=covered.get("rows"),
                gaps=covered.get("gaps"),
                age_days=covered.get("age_days"),
                retrieved=meta["retrieved"],
                status=status_text(meta["origin"], meta["live_ticker"], problem),
                checksum=str(meta["checksum"])[:12],
            )
        )
    return pd.DataFrame(rows, columns=COLUMNS)


# what the page shows, in reading order; the id and checksum stay in the data (and the CSV) but not on screen
SHOWN = [
    "name",
    "provider",
    "unit",
    "frequency",
    "first",
    "last",
    "rows",
    "gaps",
    "age_days",
    "stale",
    "retrieved",
    "status",
    "instrument",
    "licence",
    "source_url",
]


def _retrieved_words(value) -> str:
    text = "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value).strip()
    if len(text) == 7 and text[4] == "-":  # a month: '2026-11'
        return pd.Timestamp(text + "-01").strftime("%b %Y")
    day = pd.to_datetime(text, errors="coerce", format="%Y-%m-%d")
    return text if pd.isna(day) else day.strftime("%d %b %Y")


def _status_words(status) -> str:
    text = "" if status is None or (isinstance(status, float) and pd.isna(status)) else str(status)
    return "readable" if text == "ok" else text


def shown_catalog(table: pd.DataFrame, stale: dict[str, str] | None = None) -> pd.DataFrame:
    """The catalog as a reader reads it: words for frequency, retrieval date and status, each series'
    staleness ('' when current), text cells never missing (no 'None' or 'nan' in a cell). Dates stay dates
    and counts stay numbers, for the table's own formatting and sorting; id and checksum are kept last, for
    the CSV and the tests, and left out of the columns shown (SHOWN)."""
    stale = stale or {}
    out = table.copy()
    out["frequency"] = out["frequency"].map(lambda f: str(f).capitalize() if isinstance(f, str) else "")
    out["retrieved"] = out["retrieved"].map(_retrieved_words)
    out["status"] = out["status"].map(_status_words)
    out["stale"] = [stale.get(sid, "") for sid in out["id"]]
    for column in ("name", "provider", "unit", "instrument", "licence"):
        out[column] = out[column].fillna("").astype(str)
    return out[SHOWN + ["id", "checksum"]]


def compact_points(points: pd.DataFrame) -> pd.DataFrame:
    """A series' points for the browser's grid, with each repeated text column (unit, flag, source, provider)
    as categories: Arrow then sends each distinct text once instead of once per row. A daily series repeats the
    same source on every one of its ~1,700 rows, so its table goes from about 360 kB to 40 kB, which the
    browser decodes while it is drawing the page's chart. Values and their order are unchanged."""
    compact = points.copy()
    for column in compact.columns:
        values = compact[column]
        if pd.api.types.is_string_dtype(values) and values.nunique(dropna=False) * 4 <= len(values):
            compact[column] = values.astype("category")
    return compact
