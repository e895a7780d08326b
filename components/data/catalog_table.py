"""The Data & sources catalog table: each series' provenance joined with its coverage (pure)."""

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
