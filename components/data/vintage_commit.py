"""Write a new vintage into `data/`: all of it, or nothing.

The new series files are first written to a staging folder inside the data folder and read back with the
snapshot's own reader (so the verdicts of the new vintage are computed on exactly what will be on disk).
Then the whole vintage is installed as one swap (vintage_install.py: a new folder under data/vintages/, then
the pointer data/CURRENT), so a reader never sees part of it; a failure leaves the old vintage untouched. A
lock keeps two refresh jobs (two replicas' timers, say) from writing at once.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import time
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

from . import snapshot, vintages
from .snapshot import (
    POINT_COLUMNS,
    SeriesUnavailable,
    SnapshotError,
    points_to_series,
    read_meta_file,
    read_points,
    read_snapshot_info,
    series_paths,
    sha256_file,
)
from .vintage_install import install

LOCK_NAME = ".vintage.lock"
LOCK_WAIT_SECONDS = 30


class VintageError(RuntimeError):
    """The new vintage could not be written; the data folder is as it was."""


@contextmanager
def data_lock(data_dir: Path, wait: float = LOCK_WAIT_SECONDS):
    data_dir.mkdir(parents=True, exist_ok=True)
    with open(data_dir / LOCK_NAME, "a+") as handle:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError as exc:
                if time.monotonic() > deadline:
                    message = "another refresh or import is writing the data folder; try again later"
                    raise VintageError(message) from exc
                time.sleep(0.2)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def points_csv(points: pd.DataFrame) -> bytes:
    """A series' points as the snapshot stores them (the importer and a refresh write the same bytes)."""
    points = points.reindex(columns=POINT_COLUMNS).copy()
    points["date"] = pd.to_datetime(points["date"]).dt.strftime("%Y-%m-%d")
    points["used"] = points["used"].fillna(True).astype(bool)
    return points.to_csv(index=False, lineterminator="\n").encode("utf-8")


def meta_json(meta: dict) -> bytes:
    return (json.dumps(meta, indent=1) + "\n").encode("utf-8")


def _disk_meta(data_dir: Path) -> dict[str, dict]:
    out = {}
    for path in sorted((snapshot.active_dir(data_dir) / "series").glob("*.json")):
        try:
            out[path.stem] = read_meta_file(path)
        except SnapshotError:
            continue
    return out


def _reader(folder: Path, metas: dict[str, dict]):
    """get_points / get_series / get_meta over one data folder, each series read once."""
    memo: dict[str, pd.DataFrame | None] = {}

    def get_points(sid: str) -> pd.DataFrame:
        if sid not in memo:
            meta = metas.get(sid)
            try:
                memo[sid] = read_points(sid, meta, folder) if meta else None
            except (SnapshotError, SeriesUnavailable):
                memo[sid] = None
        if memo[sid] is None:
            raise KeyError(sid)
        return memo[sid]

    def get_meta(sid: str) -> dict:
        if sid not in metas:
            raise KeyError(sid)
        return metas[sid]

    def get_line(sid: str) -> pd.Series:
        try:
            return points_to_series(get_points(sid), sid)
        except KeyError:
            return pd.Series(dtype=float, name=sid)

    return get_points, get_meta, get_line


def _cases_root() -> Path:
    from components.case import CASES_ROOT

    return CASES_ROOT


def baseline_record(data_dir: Path, today, note: str = "", cases_root: Path | None = None) -> dict:
    """A record for the snapshot as it is (the first vintage of a history that had none)."""
    metas = _disk_meta(data_dir)
    get_points, get_meta, get_line = _reader(data_dir, metas)
    info = read_snapshot_info(data_dir)
    verdicts, _ = vintages.compute_all_verdicts(get_points, get_meta, info.get("built") or today, cases_root)
    return dict(
        cases=vintages.case_fingerprints(Path(cases_root or _cases_root())),
        id=vintages.vintage_checksum({sid: m.get("checksum", "") for sid, m in metas.items()}),
        date=str(info.get("built") or pd.Timestamp(today).date()),
        kind="import",
        note=note or "The snapshot as first committed (before vintages were recorded).",
        previous="",
        sources=_sources(metas, get_line),
        changes={},
        verdicts=verdicts,
        verdict_changes=[],
    )


def record_baseline(data_dir: Path | None = None, today=None, cases_root: Path | None = None) -> dict | None:
    """Record the snapshot as it is as the first vintage, when no history exists yet (before a change whose
    verdict effects should be told apart, e.g. new case events ahead of a re-import). Returns the record."""
    data_dir = Path(data_dir or snapshot.DATA_DIR)
    with data_lock(data_dir):
        if vintages.read_vintages(data_dir):
            return None
        record = baseline_record(data_dir, pd.Timestamp(today or pd.Timestamp.today()), cases_root=cases_root)
        _swap(data_dir, {}, [record], dict(read_snapshot_info(data_dir), vintage=record["id"]), record["id"])
        return record


def _sources(metas: dict[str, dict], get_line) -> dict:
    out = {}
    for sid, meta in sorted(metas.items()):
        if meta.get("origin") == "live-only":
            continue
        line = get_line(sid)
        out[sid] = dict(
            retrieved=meta.get("retrieved", ""),
            checksum=meta.get("checksum", ""),
            rows=int(len(line)),
            last=str(line.index.max().date()) if len(line) else "",
        )
    return out


def commit(
    series: dict[str, tuple[pd.DataFrame | None, dict]],
    kind: str,
    note: str = "",
    data_dir: Path | None = None,
    today=None,
    remove_others: bool = False,
    cases_root: Path | None = None,
    info: dict | None = None,
) -> dict | None:
    """Write `series` (id -> (points or None for a record-only series, provenance record)) as a new vintage.

    `remove_others`: the importer's full rebuild - series not in `series` are removed. `cases_root`: the
    case folders whose verdicts are recomputed (default: the app's). `info`: fields for snapshot.json.
    Returns the vintage record, or None when nothing would change (no vintage is added then). Raises
    VintageError (nothing written) when a file cannot be written."""
    data_dir = Path(data_dir or snapshot.DATA_DIR)
    today = pd.Timestamp(today or pd.Timestamp.today()).normalize()
    try:
        with data_lock(data_dir):
            return _commit_locked(series, kind, note, data_dir, today, remove_others, cases_root, info or {})
    except OSError as exc:  # a read-only data folder (replicas) or a full disk, before anything was replaced
        message = f"the data folder cannot be written ({exc.strerror or exc}); data left as it was"
        raise VintageError(message) from exc


def _stage(series: dict, staging: Path, old_metas: dict, today) -> dict[str, dict]:
    """Write the new files into `staging/series`; returns the new provenance records (with checksums)."""
    (staging / "series").mkdir(parents=True)
    new_metas = {}
    for sid, (points, meta) in series.items():
        csv_path, meta_path = series_paths(sid, staging)
        meta = dict(meta, id=sid)
        if points is not None:
            csv_path.write_bytes(points_csv(points))
            used = points[points["used"].fillna(True).astype(bool)] if "used" in points else points
            dates = pd.to_datetime(used["date"])
            meta.update(
                first=str(dates.min().date()) if len(dates) else "",
                last=str(dates.max().date()) if len(dates) else "",
                rows=int(len(used)),
                checksum=sha256_file(csv_path),
            )
            old = old_metas.get(sid, {})
            if old.get("checksum") == meta["checksum"]:
                meta = old  # same data: the record (and its retrieval date) stays as it was
        meta_path.write_bytes(meta_json(meta))
        new_metas[sid] = meta
    return new_metas


def _commit_locked(series, kind, note, data_dir: Path, today, remove_others, cases_root, info) -> dict | None:
    old_metas = _disk_meta(data_dir)
    history = vintages.read_vintages(data_dir)
    if not history:
        history = [baseline_record(data_dir, today, cases_root=cases_root)] if old_metas else []
    staging = data_dir / f".staging-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        staged = _stage(series, staging, old_metas, today)
        new_metas = {} if remove_others else dict(old_metas)
        new_metas.update(staged)
        _, _, old_line = _reader(data_dir, old_metas)
        staged_points, _, _ = _reader(staging, staged)
        disk_points, _, _ = _reader(data_dir, new_metas)

        def get_points(sid):
            return staged_points(sid) if sid in staged else disk_points(sid)

        def get_line(sid):
            try:
                return points_to_series(get_points(sid), sid)
            except KeyError:
                return pd.Series(dtype=float, name=sid)

        changes = {}
        for sid in sorted(set(new_metas) | set(old_metas)):
            meta = new_metas.get(sid) or old_metas[sid]
            if meta.get("origin") == "live-only":
                continue
            diff = vintages.line_diff(old_line(sid), get_line(sid), meta.get("frequency", "daily"))
            if vintages.is_change(diff):
                changes[sid] = diff
        removed = set(old_metas) - set(new_metas)
        same_records = all(old_metas.get(s) == m for s, m in staged.items())
        if not changes and not removed and same_records:
            return None
        verdicts, uses = vintages.compute_all_verdicts(get_points, lambda sid: new_metas[sid], today, cases_root)
        previous = history[-1] if history else {}
        cases = vintages.case_fingerprints(Path(cases_root or _cases_root()))
        case_changes = vintages.case_change_text(previous.get("cases", {}), cases)
        record = dict(
            cases=cases,
            id=vintages.vintage_checksum({sid: m.get("checksum", "") for sid, m in new_metas.items()}),
            date=str(today.date()),
            kind=kind,
            note=note,
            previous=previous.get("id", ""),
            sources=_sources(new_metas, get_line),
            changes=changes,
            verdicts=verdicts,
            verdict_changes=vintages.verdict_changes(
                previous.get("verdicts", {}), verdicts, uses, set(changes), case_changes
            ),
        )
        history.append(record)
        _install(data_dir, staging, staged, removed, history, record, dict(info, series=len(new_metas)))
        return record
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _install(data_dir: Path, staging: Path, staged: dict, removed: set, history: list, record: dict, info: dict):
    """The new vintage as one swap (vintage_install.py): the staged files, the removals, the history, the
    changelog and snapshot.json on a copy of the current vintage, then the pointer."""
    writes: dict[str, bytes | None] = {}
    for sid in sorted(staged):
        for staged_path in series_paths(sid, staging):
            writes[f"series/{staged_path.name}"] = staged_path.read_bytes() if staged_path.exists() else None
    for sid in sorted(removed):
        writes.update({f"series/{path.name}": None for path in series_paths(sid, staging)})
    info = dict(read_snapshot_info(data_dir), **info, built=record["date"], vintage=record["id"])
    _swap(data_dir, writes, history, info, record["id"])


def _swap(data_dir: Path, writes: dict, history: list, info: dict, vintage_id: str) -> None:
    writes = {
        **writes,
        vintages.VINTAGES_NAME: (json.dumps(history, indent=1) + "\n").encode("utf-8"),
        vintages.CHANGELOG_NAME: vintages.changelog_markdown(history).encode("utf-8"),
        "snapshot.json": (json.dumps(info, indent=1) + "\n").encode("utf-8"),
    }
    try:
        install(data_dir, writes, vintage_id)
    except OSError as exc:
        message = f"the new vintage could not be written ({exc.strerror or exc}); data left as it was"
        raise VintageError(message) from exc
