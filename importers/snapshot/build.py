"""The whole import: every builder, one new vintage, the coverage report and the command line."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from components.data.snapshot import DATA_DIR, active_dir
from components.data.vintage_commit import commit
from importers.snapshot.carry import Kept, keep_refreshed
from importers.snapshot.live import live_records
from importers.snapshot.official import build_dgcis, build_ecb, build_eia, build_fred
from importers.snapshot.points import Built
from importers.snapshot.russia import build_urals_and_revenue
from importers.snapshot.trade import build_china, build_india
from importers.snapshot.units import UnitRefused

DESCRIPTION = "Build the committed snapshot in data/series/ from the raw folders in ../shared/sources, once."


def build_all(sources: Path) -> list[Built]:
    compiled = sources / "compiled"
    return (
        build_eia(sources)
        + build_ecb(sources)
        + build_fred(sources)
        + build_dgcis(sources)
        + build_india(compiled)
        + build_china(compiled)
        + build_urals_and_revenue(compiled)
    )


def write_snapshot(
    built: list[Built], data_dir: Path = DATA_DIR, built_on: str | None = None, note: str = ""
) -> list[str]:
    """Write every series CSV and its provenance record as one new vintage; returns the ids written."""
    return list(import_vintage(built, data_dir, built_on, note)[0])


def import_vintage(
    built: list[Built], data_dir: Path = DATA_DIR, built_on: str | None = None, note: str = "", cases_root=None
):
    """The whole snapshot as a new vintage (series no longer built are removed), keeping what publisher
    refreshes added after the source files (importers/snapshot/carry.py): (ids, vintage record or None when
    nothing changed, what was kept from refreshes)."""
    built, kept = keep_refreshed(built, Path(data_dir))
    series = {item.meta["id"]: (item.points, item.meta) for item in built}
    series.update({meta["id"]: (None, meta) for meta in live_records()})
    info = dict(
        importer="importers.snapshot", sources="../shared/sources (EIA, ECB, FRED, DGCI&S, hand-compiled news figures)"
    )
    note = (note or "Rebuilt by the importer from ../shared/sources.") + kept_note(kept)
    day = built_on or str(date.today())
    record = commit(series, "import", note, data_dir, day, remove_others=True, info=info, cases_root=cases_root)
    return series, record, kept


def kept_note(kept: list[Kept]) -> str:
    """The changelog's words for what the import kept from refreshes ('' when nothing)."""
    if not kept:
        return ""
    return " Kept from publisher refreshes newer than the source files: " + "; ".join(k.text() for k in kept) + "."


def coverage_lines(record: dict | None, built: list[Built]) -> list[str]:
    """Per series, what the import changed: months covered (monthly) or values (daily, annual) before -> after."""
    changes = (record or {}).get("changes", {})
    lines = []
    for item in sorted(built, key=lambda b: b.meta["id"]):
        sid, diff = item.meta["id"], changes.get(item.meta["id"])
        if diff is None:
            lines.append(f"  {sid:<40} unchanged")
        elif "months_before" in diff:
            lines.append(
                f"  {sid:<40} months covered {diff['months_before']:>3} -> {diff['months_after']:<3} "
                f"(+{diff['added']} added, {diff['revised']} revised, {diff['removed']} removed)"
            )
        else:
            lines.append(
                f"  {sid:<40} values {diff['rows_before']:>5} -> {diff['rows_after']:<5} "
                f"(+{diff['added']} added, {diff['revised']} revised, {diff['removed']} removed)"
            )
    built_ids = {b.meta["id"] for b in built}
    lines += [f"  {sid:<40} removed (no longer built)" for sid in sorted(set(changes) - built_ids)]
    return lines


def run_import(sources: Path, data_dir: Path = DATA_DIR) -> list[str]:
    if not (sources / "compiled").is_dir():
        raise FileNotFoundError(f"{sources} does not look like the shared sources folder (no compiled/ inside)")
    built = build_all(sources)
    series, record, kept = import_vintage(built, data_dir)
    print("\n".join(coverage_lines(record, built)))
    for item in kept:
        print(f"  {item.text()} (newer than the source file)")
    if record is None:
        print("nothing changed: no new vintage")
    else:
        print(f"vintage {record['id']} ({record['date']}): {len(record['verdict_changes'])} verdict(s) changed")
        for change in record["verdict_changes"]:
            print(f"  {change['claim']}: was {change['was']}, now {change['now']} - {change['reason']}")
    return list(series)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m importers.snapshot", description=DESCRIPTION)
    parser.add_argument("--sources", type=Path, default=Path("../shared/sources"))
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR, help="the snapshot folder to write (default: data/)")
    args = parser.parse_args(argv)
    try:
        ids = run_import(args.sources, args.data_dir)
    except UnitRefused as refused:  # nothing was written: say which rows and why, not a traceback
        print("import refused, nothing written:\n  " + "\n  ".join(refused.lines), file=sys.stderr)
        return 1
    print(f"wrote {len(ids)} series records to {active_dir(args.data_dir) / 'series'}")
    return 0
