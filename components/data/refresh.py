"""One refresh from the publishers: fetch and validate (publishers.py), then write one new vintage.

Used by `python -m components.data refresh` and by the Data & sources button. A publisher whose download
fails validation contributes nothing; the others still make the vintage. No streamlit here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import publishers, snapshot
from .live import offline_forced
from .snapshot import POINT_COLUMNS, SeriesUnavailable, SnapshotError, points_to_series, read_points
from .vintage_commit import VintageError, _disk_meta, commit


@dataclass
class RefreshReport:
    """What a refresh did: one Update per publisher, the vintage record written (or None) and why."""

    updates: list[publishers.Update] = field(default_factory=list)
    record: dict | None = None
    message: str = ""

    @property
    def ok(self) -> bool:
        return bool(self.updates) and all(u.ok for u in self.updates) and "not written" not in self.message

    def lines(self) -> list[str]:
        return [("ok   " if u.ok else "FAIL ") + f"{u.publisher}: {u.reason}" for u in self.updates] + [self.message]


def snapshot_reader(data_dir: Path):
    """series id -> the snapshot's line in `data_dir` (empty when the series has no offline data)."""
    data_dir = snapshot.active_dir(data_dir)  # once: every record and line from one vintage
    metas = _disk_meta(data_dir)

    def line(sid: str) -> pd.Series:
        try:
            return points_to_series(read_points(sid, metas[sid], data_dir), sid)
        except (KeyError, SnapshotError, SeriesUnavailable):
            return pd.Series(dtype=float, name=sid)

    return line, metas


def daily_points(line: pd.Series, unit: str) -> pd.DataFrame:
    """A publisher's daily line as snapshot points (as the importer writes them: provenance on the record)."""
    frame = pd.DataFrame({"date": line.index, "value": line.to_numpy(dtype=float)})
    return frame.assign(unit=unit, flag="", source_title=None, source_url=None, provider_detail=None, used=True)[
        POINT_COLUMNS
    ]


def refresh_publishers(fetch=None, data_dir: Path | None = None, today=None, cases_root=None) -> RefreshReport:
    """Fetch EIA and ECB, validate each, and write the good ones as one new vintage."""
    data_dir = Path(data_dir or snapshot.DATA_DIR)
    today = pd.Timestamp(today or pd.Timestamp.today()).normalize()
    if offline_forced() and fetch is None:
        return RefreshReport(message="publishers not asked: this server is set to run offline")
    line, metas = snapshot_reader(data_dir)
    memo: dict[str, pd.Series] = {}

    def snapshot_line(sid: str) -> pd.Series:
        if sid not in memo:
            memo[sid] = line(sid)
        return memo[sid]

    report = RefreshReport(updates=publishers.refresh_all(fetch, snapshot_line, today))
    series = {}
    for update in report.updates:
        if not update.ok:
            continue
        for sid, new_line in update.series.items():
            meta = dict(metas[sid], retrieved=update.retrieved, source_title=update.source_title)
            series[sid] = (daily_points(new_line, meta.get("unit", "")), meta)
    if not series:
        report.message = "no new vintage: no publisher's download could be used; the saved data are unchanged"
        return report
    names = ", ".join(u.publisher for u in report.updates if u.ok)
    try:
        note = f"Refresh from the publishers ({names})."
        report.record = commit(series, "refresh", note, data_dir, today, cases_root=cases_root)
    except VintageError as exc:
        report.message = f"new vintage not written: {exc}"
        return report
    if report.record is None:
        report.message = "no new vintage: the publishers' data equal the snapshot's; the saved data are unchanged"
    else:
        changed = len(report.record["changes"])
        report.message = (
            f"new vintage {report.record['id']} ({report.record['date']}): {changed} series changed, "
            f"{len(report.record['verdict_changes'])} verdict(s) changed"
        )
    return report
