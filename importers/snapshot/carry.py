"""What a re-import keeps from a publisher refresh, so rebuilding from ../shared/sources never undoes one.

The shared source files are a fixed download (EIA to 18 Aug 2026, ECB to 30 Oct 2026); a refresh
(components/data/refresh.py) later adds the publishers' newer days and their revisions as a vintage of its
own. A plain rebuild from the files would drop those days again. So for each series a committed refresh
vintage changed, and whose refreshed record was retrieved after the source file, the import keeps:
- the refreshed days newer than the file's last day, and
- the refreshed values that differ from the file on a day both have (the publisher's later revision).
A source file retrieved on or after the refresh is newer than it and wins outright.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from components.data import vintages
from components.data.refresh import daily_points, snapshot_reader
from importers.snapshot.points import Built

TOLERANCE = 1e-9  # values equal to this are the same figure written twice, not a revision


@dataclass
class Kept:
    """One series' refreshed values the import kept: newer days (up to `last`) and revised values."""

    series_id: str
    refresh_date: str
    newer: int
    revised: int
    last: str

    def text(self) -> str:
        parts = [f"{self.newer} newer day(s) to {self.last}"] if self.newer else []
        parts += [f"{self.revised} revised value(s)"] if self.revised else []
        return f"{self.series_id}: kept {' and '.join(parts)} from the refresh of {self.refresh_date}"


def refreshed_series(history: list[dict]) -> dict[str, str]:
    """Series id -> date of the latest refresh vintage that changed it."""
    out: dict[str, str] = {}
    for record in history:
        if record.get("kind") != "refresh":
            continue
        for sid, diff in record.get("changes", {}).items():
            if vintages.is_change(diff):
                out[sid] = str(record.get("date", ""))
    return out


def _day(value) -> pd.Timestamp | None:
    try:
        day = pd.Timestamp(str(value)[:10])
    except (TypeError, ValueError):
        return None
    return None if pd.isna(day) else day


def merge_refreshed(built: Built, refreshed: pd.Series, disk_meta: dict, refresh_date: str) -> tuple[Built, Kept]:
    """The built series with the refresh's newer days and revised values put back (provenance from the
    refreshed record, which holds the newer download)."""
    source = pd.Series(
        pd.to_numeric(built.points["value"]).to_numpy(dtype=float), index=pd.DatetimeIndex(built.points["date"])
    )
    refreshed = refreshed.dropna()
    newer = refreshed[refreshed.index > source.index.max()] if len(source) else refreshed
    common = refreshed.index.intersection(source.index)
    revised = refreshed.loc[common][(refreshed.loc[common] - source.loc[common]).abs() > TOLERANCE]
    line = source.copy()
    line.loc[revised.index] = revised
    line = pd.concat([line, newer]).sort_index()
    unit = str(built.meta.get("unit", ""))
    meta = dict(built.meta, retrieved=disk_meta.get("retrieved", ""), source_title=disk_meta.get("source_title", ""))
    kept = Kept(built.meta["id"], refresh_date, len(newer), len(revised), str(line.index.max().date()))
    return replace(built, meta=meta, points=daily_points(line, unit)), kept


def keep_refreshed(built: list[Built], data_dir: Path) -> tuple[list[Built], list[Kept]]:
    """`built` with what committed refresh vintages in `data_dir` added and revised kept (see the module
    docstring), and what was kept per series."""
    refreshed = refreshed_series(vintages.read_vintages(data_dir))
    if not refreshed:
        return built, []
    line, metas = snapshot_reader(data_dir)
    out, kept = [], []
    for item in built:
        sid = item.meta["id"]
        disk = metas.get(sid, {})
        file_day, refresh_day = _day(item.meta.get("retrieved")), _day(disk.get("retrieved"))
        usable = sid in refreshed and item.meta.get("frequency") == "daily" and item.points is not None
        if not usable or file_day is None or refresh_day is None or refresh_day <= file_day:
            out.append(item)
            continue
        merged, what = merge_refreshed(item, line(sid), disk, refreshed[sid])
        out.append(merged)
        if what.newer or what.revised:
            kept.append(what)
    return out, kept
