"""Read the committed offline snapshot: `data/series/<id>.csv` with a provenance record `<id>.json` beside it.

The snapshot is the app's ground truth when there is no network, so every read is checked (the checksum in
the provenance record must match the CSV) and every failure names the file, without stopping the other
series from loading.

Where the current vintage is: the committed layout has it in `data/` itself. A refresh or import installs a
new vintage as a whole folder `data/vintages/<id>/` and then switches the one-line pointer `data/CURRENT` to
it (vintage_commit.py), so every reader resolves the folder once (`active_dir`) and reads every file of one
call from it: it sees the old vintage or the new one, never a mix.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path

import pandas as pd

from components.data import points_csv
from components.point_flags import FLAG_WORDS

ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = Path(os.environ.get("CLAIMLENS_DATA_DIR", ROOT / "data"))
SERIES_DIR = DATA_DIR / "series"
SNAPSHOT_FILE = DATA_DIR / "snapshot.json"
POINTER_NAME = "CURRENT"  # names the folder under data/vintages/ that holds the current vintage
VINTAGES_DIR = "vintages"
VINTAGE_FOLDER = re.compile(r"[a-z0-9][a-z0-9-]{0,40}")

POINT_COLUMNS = ["date", "value", "unit", "flag", "source_title", "source_url", "provider_detail", "used"]
FLAGS = tuple(FLAG_WORDS)  # components.point_flags names them and says what each means
CATALOG_COLUMNS = [
    "id",
    "name",
    "unit",
    "frequency",
    "instrument",
    "provider",
    "licence",
    "source_url",
    "source_title",
    "first",
    "last",
    "rows",
    "retrieved",
    "checksum",
    "live_ticker",
    "fallback",
    "origin",
    "topic",
    "notes",
    "status",
]


class SnapshotError(RuntimeError):
    """A snapshot file is missing, unreadable or does not match its provenance record."""


class SeriesUnavailable(LookupError):
    """The series exists in the catalog but has no offline data (live-only series)."""


def shown_path(path: Path) -> str:
    """A file as users of the project know it: 'data/series/x.csv', never the server's absolute path."""
    path = Path(path)
    for base in (ROOT, DATA_DIR.parent):
        try:
            return path.resolve().relative_to(base.resolve()).as_posix()
        except ValueError:
            continue
    return path.name


def _why(exc: BaseException) -> str:
    """An exception in words without the absolute path an OSError carries in its str()."""
    if isinstance(exc, OSError):
        return exc.strerror or type(exc).__name__
    return " ".join(str(exc).split())[:200]


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def pointer_target(data_dir: Path | None = None) -> tuple[str, str]:
    """(the vintage folder name data/CURRENT points to or '', what is wrong with the pointer or '')."""
    root = Path(data_dir or DATA_DIR)
    try:
        name = (root / POINTER_NAME).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return "", ""
    except OSError as exc:
        return "", f"the vintage pointer {shown_path(root / POINTER_NAME)} is unreadable: {_why(exc)}"
    if not VINTAGE_FOLDER.fullmatch(name):
        return "", f"the vintage pointer {shown_path(root / POINTER_NAME)} does not name a vintage folder"
    if not (root / VINTAGES_DIR / name / "snapshot.json").is_file():
        return "", f"the vintage pointer names {VINTAGES_DIR}/{name}, which is not there"
    return name, ""


def active_dir(data_dir: Path | None = None) -> Path:
    """The folder holding the current vintage of the data folder `data_dir` (default data/): the folder
    data/CURRENT names under data/vintages/, or the data folder itself (the committed layout, and the
    fall-back when the pointer is broken: snapshot_problems says so). A vintage folder has no pointer of its
    own, so passing one (or a staging folder) returns it unchanged."""
    root = Path(data_dir or DATA_DIR)
    name, _ = pointer_target(root)
    return root / VINTAGES_DIR / name if name else root


def vintage_folder(vintage: str | None, data_dir: Path | None = None) -> Path:
    """The folder of the named vintage while it is on disk, else the current one: a cache keyed by a vintage
    id then holds that vintage's files even when the pointer moved between taking the key and reading."""
    root = Path(data_dir or DATA_DIR)
    if vintage and VINTAGE_FOLDER.fullmatch(str(vintage)) and (root / VINTAGES_DIR / str(vintage)).is_dir():
        return root / VINTAGES_DIR / str(vintage)
    return active_dir(root)


def series_paths(series_id: str, data_dir: Path | None = None) -> tuple[Path, Path]:
    folder = active_dir(data_dir) / "series"
    return folder / f"{series_id}.csv", folder / f"{series_id}.json"


class ByFileVersion:
    """Values read from files, each kept while its files' stat stamps (mtime, size, inode) stay the same: pages
    read the same few dozen records and data files many times a run (the catalog, each verdict and chart, the
    stale marks); a rewritten file has a new stamp and is read (and checked) again. Bounded: past `limit`
    entries it starts afresh."""

    def __init__(self, limit: int):
        self.limit, self.kept = limit, {}

    @staticmethod
    def stamp(*paths: Path):
        try:
            return tuple((st.st_mtime_ns, st.st_size, st.st_ino) for st in (path.stat() for path in paths))
        except OSError:
            return None

    def get(self, key, stamp):
        kept = self.kept.get(key)
        return kept[1] if kept is not None and stamp is not None and kept[0] == stamp else None

    def put(self, key, stamp, value):
        if stamp is not None:
            if len(self.kept) >= self.limit:
                self.kept.clear()
            self.kept[key] = (stamp, value)
        return value


_records_read = ByFileVersion(2048)  # records of several vintages
_points_read = ByFileVersion(256)  # the snapshot's data files are small (under 1 MB together)
_catalogs_read = ByFileVersion(16)


def read_meta_file(path: Path) -> dict:
    """The provenance record at `path` as a fresh dict (callers may change it)."""
    stamp = ByFileVersion.stamp(path)
    kept = _records_read.get(path, stamp)
    if kept is not None:
        return dict(kept)
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SnapshotError(f"provenance record {shown_path(path)} is unreadable: {_why(exc)}") from exc
    if not isinstance(meta, dict) or "id" not in meta:
        raise SnapshotError(f"provenance record {shown_path(path)} has no 'id' field")
    return dict(_records_read.put(path, stamp, meta))


def missing_record(csv_path: Path) -> str:
    return f"provenance record {shown_path(csv_path.with_suffix('.json'))} is missing (its data file is there)"


def read_catalog(data_dir: Path | None = None) -> pd.DataFrame:
    """One row per provenance record; a broken record becomes a row whose `status` says what is wrong."""
    folder = active_dir(data_dir) / "series"
    records, data_files = sorted(folder.glob("*.json")), sorted(folder.glob("*.csv"))
    stamp = ByFileVersion.stamp(folder, *records, *data_files)
    kept = _catalogs_read.get(folder, stamp)
    if kept is None:
        kept = _catalogs_read.put(folder, stamp, _catalog_frame(records, data_files))
    return kept.copy()


def _catalog_frame(records: list[Path], data_files: list[Path]) -> pd.DataFrame:
    rows = []
    for path in records:
        try:
            meta = read_meta_file(path)
            meta["status"] = "ok"
        except SnapshotError as exc:
            meta = {"id": path.stem, "name": path.stem, "status": str(exc), "origin": "snapshot"}
        rows.append(meta)
    for path in data_files:
        if not path.with_suffix(".json").exists():
            rows.append({"id": path.stem, "name": path.stem, "status": missing_record(path), "origin": "snapshot"})
    frame = pd.DataFrame(rows).reindex(columns=CATALOG_COLUMNS).sort_values("id", kind="stable")
    for col in ("first", "last"):
        frame[col] = pd.to_datetime(frame[col], errors="coerce", format="ISO8601")
    frame["rows"] = pd.to_numeric(frame["rows"], errors="coerce").fillna(0).astype(int)
    text_cols = [c for c in CATALOG_COLUMNS if c not in ("first", "last", "rows")]
    frame[text_cols] = frame[text_cols].fillna("").astype(str)
    return frame.reset_index(drop=True)


def read_points(series_id: str, meta: dict, data_dir: Path | None = None) -> pd.DataFrame:
    """All cited points of a snapshot series, checked against the recorded checksum (pass the folder `meta`
    was read from, so both come from one vintage)."""
    csv_path, _ = series_paths(series_id, data_dir)
    if meta.get("origin") == "live-only":
        raise SeriesUnavailable(f"{series_id} is live-only (Yahoo {meta.get('live_ticker')}): not available offline")
    stamp = ByFileVersion.stamp(csv_path)
    key = (
        csv_path,
        *(str(meta.get(k, "")) for k in ("checksum", "unit", "source_title", "name", "source_url", "provider")),
    )
    kept = _points_read.get(key, stamp)
    if kept is not None:
        return kept.copy()
    problem = file_problem(csv_path, meta)
    if problem:
        raise SnapshotError(problem)
    defaults = point_defaults(meta)
    frame = points_csv.read(csv_path, defaults)
    if frame is None:
        frame = _read_points_pandas(csv_path, defaults)
    return _points_read.put(key, stamp, frame).copy()


def point_defaults(meta: dict) -> dict[str, str]:
    """What a data file's blank text cell means, from its provenance record."""
    return {
        "unit": meta.get("unit", ""),
        "source_title": meta.get("source_title", meta.get("name", "")),
        "source_url": meta.get("source_url", ""),
        "provider_detail": meta.get("provider", ""),
        "flag": "",
    }


def _read_points_pandas(csv_path: Path, defaults: dict[str, str]) -> pd.DataFrame:
    """Any data file read_csv can read (the fast reader takes only the importer's plain form)."""
    try:
        frame = pd.read_csv(
            csv_path, dtype={"flag": str, "source_title": str, "source_url": str, "provider_detail": str, "unit": str}
        )
        frame["date"] = pd.to_datetime(frame["date"], format="%Y-%m-%d")
        frame["value"] = pd.to_numeric(frame["value"], errors="raise").astype(float)
    except (OSError, ValueError, KeyError, pd.errors.ParserError) as exc:
        raise SnapshotError(f"snapshot file {shown_path(csv_path)} is unreadable: {_why(exc)}") from exc
    frame = frame.reindex(columns=POINT_COLUMNS)
    for column, fill in defaults.items():
        frame[column] = frame[column].fillna(fill)
    frame["used"] = frame["used"].fillna(True).astype(bool)
    return frame


def points_to_series(points: pd.DataFrame, series_id: str) -> pd.Series:
    """The series line: one used point per date, float values, gaps left as gaps."""
    used = points[points["used"]]
    series = pd.Series(
        used["value"].to_numpy(dtype=float), index=pd.DatetimeIndex(used["date"], name="date"), name=series_id
    )
    return series.sort_index()


def file_problem(csv_path: Path, meta: dict) -> str:
    """'' when a snapshot series' data file is there and matches its recorded checksum, else what is wrong."""
    if not csv_path.exists():
        return f"snapshot file {shown_path(csv_path)} is missing"
    try:
        digest = sha256_file(csv_path)
    except OSError as exc:
        return f"snapshot file {shown_path(csv_path)} is unreadable: {_why(exc)}"
    if meta.get("checksum") and digest != meta["checksum"]:
        return f"snapshot file {shown_path(csv_path)} does not match its checksum (corrupted or edited by hand)"
    return ""


def snapshot_info(data_dir: Path | None = None) -> tuple[dict, str]:
    """(the snapshot index data/snapshot.json, '' or what is wrong with it). A problem gives an empty dict."""
    path = active_dir(data_dir) / "snapshot.json"
    name = shown_path(path)
    try:
        info = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}, f"the snapshot index {name} is missing"
    except (OSError, ValueError) as exc:
        return {}, f"the snapshot index {name} is unreadable: {_why(exc)}"
    if not isinstance(info, dict):
        return {}, f"the snapshot index {name} is not a JSON object"
    built = info.get("built")
    try:
        valid = isinstance(built, str) and pd.notna(pd.Timestamp(built))
    except (ValueError, TypeError):
        valid = False
    if not valid:
        return {}, f"the snapshot index {name} has no valid build date ('built')"
    return info, ""


def read_snapshot_info(data_dir: Path | None = None) -> dict:
    return snapshot_info(data_dir)[0]


def snapshot_problems(data_dir: Path | None = None) -> list[str]:
    """Everything wrong with the snapshot as a whole, in words: its index unreadable, a series record count
    that does not match the index (a provenance file deleted along with its data, or one added by hand)."""
    folder = active_dir(data_dir)
    info, problem = snapshot_info(folder)
    problems = [p for p in (pointer_target(data_dir)[1], problem) if p]
    expected = info.get("series")
    found = len(list((folder / "series").glob("*.json")))
    if isinstance(expected, int) and found != expected:
        name = shown_path(folder / "snapshot.json")
        problems.append(f"{name} lists {expected} series but {found} provenance records are there")
    return problems


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temp file in the same folder, then rename: readers see the old file or the new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    try:
        with open(tmp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
