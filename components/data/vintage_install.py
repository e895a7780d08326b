"""Install a vintage as one swap: readers see the old vintage or the new one, never a mix of the two.

A vintage is a whole folder: `series/` (every CSV and provenance record), `snapshot.json`, `vintages.json`
and `CHANGELOG.md`. An install
1. copies the current vintage's folder (snapshot.active_dir) to `data/vintages/.staging-<pid>/`,
2. applies the new vintage's files to that copy (written, replaced or deleted),
3. renames the copy to `data/vintages/<vintage id>/` (a folder nobody reads yet), and
4. switches the pointer `data/CURRENT` to it with one os.replace: the only step readers can see.
Any failure before step 4 removes the new folder and leaves the old vintage as it was, byte for byte; the
old vintage's files are never written. Readers resolve the pointer once per read, and a vintage folder is
never changed once installed, so a read that started on the old vintage finishes on it. The last
KEEP_VINTAGES folders stay on disk (a page run that resolved one just before a swap still finds its
files); older ones are removed after the swap.

The committed data/ (no pointer) is read in place, so a fresh clone runs offline as before; after an
install, data/CURRENT and data/vintages/<id>/ are the new snapshot (commit both to ship it), and
data/CHANGELOG.md is refreshed as a copy of the new vintage's changelog.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from .snapshot import (
    POINTER_NAME,
    VINTAGE_FOLDER,
    VINTAGES_DIR,
    active_dir,
    pointer_target,
    read_snapshot_info,
    write_atomic,
)

VINTAGE_FILES = ("snapshot.json", "vintages.json", "CHANGELOG.md")  # besides series/: what a vintage folder holds
KEEP_VINTAGES = 3


def copy_vintage(source: Path, target: Path) -> None:
    """The vintage files of `source` (a vintage folder or the committed data/) into a new folder `target`:
    nothing else of data/ (cases, the pointer, other vintages) is part of a vintage."""
    target.mkdir(parents=True)
    if (source / "series").is_dir():
        shutil.copytree(source / "series", target / "series")
    else:
        (target / "series").mkdir()
    for name in VINTAGE_FILES:
        if (source / name).is_file():
            shutil.copy2(source / name, target / name)


def write_file(path: Path, data: bytes | None) -> None:
    """One file of the staged copy: written (fsync'd: the swap must not point to a folder whose bytes are not
    on disk yet) or, for None, deleted."""
    if data is None:
        path.unlink(missing_ok=True)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def publish(staging: Path, final: Path) -> None:
    os.rename(staging, final)


def switch_pointer(root: Path, name: str) -> None:
    """data/CURRENT -> `name`, atomically: a temp file in the same folder, fsync'd, then os.replace."""
    tmp = root / f".{POINTER_NAME}.tmp-{os.getpid()}"
    try:
        with open(tmp, "w", encoding="utf-8") as handle:
            handle.write(name + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, root / POINTER_NAME)
    finally:
        tmp.unlink(missing_ok=True)


def free_name(folder: Path, wanted: str) -> str:
    """`wanted`, or `wanted-2`, `-3`, ... when a folder of that name exists (the same data installed again)."""
    name, n = wanted, 1
    while (folder / name).exists():
        n += 1
        name = f"{wanted}-{n}"
    return name


def install(root: Path, writes: dict[str, bytes | None], vintage_id: str) -> Path:
    """Install the current vintage with `writes` (path relative to the vintage folder -> bytes, or None to
    delete) applied, as vintage `vintage_id`; returns the new folder. Raises OSError with the old vintage
    untouched and no new folder left behind."""
    root = Path(root)
    vintages = root / VINTAGES_DIR
    vintages.mkdir(parents=True, exist_ok=True)
    staging = vintages / f".staging-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    final = vintages / free_name(vintages, vintage_id)
    renamed = False
    try:
        copy_vintage(active_dir(root), staging)
        for relative, data in sorted(writes.items()):
            write_file(staging / relative, data)
        publish(staging, final)
        renamed = True
        switch_pointer(root, final.name)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        if renamed and pointer_target(root)[0] != final.name:
            shutil.rmtree(final, ignore_errors=True)
        raise
    copy_changelog(root, final)
    prune(root)
    return final


def copy_changelog(root: Path, folder: Path) -> None:
    """data/CHANGELOG.md, the copy people read in the repository, follows the current vintage (nothing reads
    it back, so it is written after the swap; a failure here costs only that copy)."""
    try:
        write_atomic(root / "CHANGELOG.md", (folder / "CHANGELOG.md").read_bytes())
    except OSError:
        pass


def vintage_files(folder: Path) -> dict[str, bytes]:
    """Every file of one vintage folder (series/ and VINTAGE_FILES), by path relative to it."""
    files = {f"series/{p.name}": p.read_bytes() for p in sorted((folder / "series").glob("*")) if p.is_file()}
    files.update({name: (folder / name).read_bytes() for name in VINTAGE_FILES if (folder / name).is_file()})
    return files


def install_from(root: Path, source: Path) -> Path:
    """Install the current vintage of another data folder (a newer committed snapshot, on a shared server) as
    one swap: the same guarantees as a refresh. Call it under vintage_commit.data_lock."""
    folder = active_dir(source)
    files = vintage_files(folder)
    if "snapshot.json" not in files:
        raise OSError(2, f"{folder.name} holds no snapshot.json")
    gone = {name: None for name in vintage_files(active_dir(root)) if name not in files}
    vintage = str(read_snapshot_info(folder).get("vintage") or "installed")
    return install(root, {**gone, **files}, vintage if VINTAGE_FOLDER.fullmatch(vintage) else "installed")


def prune(root: Path, keep: int = KEEP_VINTAGES) -> list[str]:
    """Remove vintage folders beyond the newest `keep` (the current one always stays); returns their names."""
    current = pointer_target(root)[0]
    folders = [p for p in (root / VINTAGES_DIR).iterdir() if p.is_dir() and not p.name.startswith(".")]
    folders.sort(key=lambda p: p.stat().st_mtime_ns, reverse=True)
    removed = []
    for folder in folders[keep:]:
        if folder.name != current:
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder.name)
    return removed
