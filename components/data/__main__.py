"""Command line: `python -m components.data status | refresh | import --sources ../shared/sources |
install --from <data folder>`.

`status` exits non-zero when the snapshot is damaged (its index unreadable, a provenance record or data file
missing, a checksum that does not match). `refresh` fetches the live Yahoo series (into the cache) and the
publishers' EIA and ECB files (a new vintage of the snapshot when they bring new or revised values); it exits
non-zero when anything failed. A cron job or CI step notices either. `install` puts another data folder's
current vintage (a newer committed snapshot) into this one as one swap, like a refresh does.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import catalog, live_series, series_problems, snapshot, snapshot_as_of, snapshot_problems
from .live import check_cache, offline_forced
from .refresh import refresh_publishers
from .snapshot import active_dir, shown_path


def cmd_status() -> int:
    cat = catalog()
    built = snapshot_as_of()
    print(f"Snapshot built {built.date() if built == built else 'on an unknown date'} — {len(cat)} series")
    problems = series_problems()
    for _, row in cat.iterrows():
        if row["origin"] == "live-only":
            cached, why = check_cache(row["id"])
            where = f"disk cache {cached[1]['fetched_at']} ({len(cached[0])} rows)" if cached else why
            print(f"  {row['id']:<42} live-only {row['live_ticker']:<12} {where}")
        else:
            ok = row["id"] not in problems
            span = f"{row['first'].date()}..{row['last'].date()}" if ok else "-"
            print(
                f"  {row['id']:<42} {row['frequency']:<8} {row['rows']:>5} rows  {span}  "
                f"{'ok' if ok else 'PROBLEM: ' + problems[row['id']]}"
            )
    whole = snapshot_problems()
    for problem in whole:
        print(f"PROBLEM: {problem}")
    if problems or whole:
        print(f"{len(problems)} series damaged or missing, {len(whole)} snapshot problem(s): restore data/ from git")
        return 1
    return 0


def cmd_refresh() -> int:
    cat = catalog()
    ids = list(cat.loc[cat["live_ticker"] != "", "id"])
    failed = 0
    for n, sid in enumerate(ids, 1):
        bar = "#" * n + "." * (len(ids) - n)
        result = live_series([sid])[sid]
        failed += not result.ok
        rows = len(result.series) if result.series is not None else 0
        print(f"[{bar}] {n}/{len(ids)} {sid:<22} {result.source:<12} {rows:>5} rows — {result.reason}", flush=True)
    print(f"{len(ids) - failed} refreshed, {failed} failed (Yahoo series go to the live cache, never the snapshot)")
    if offline_forced():
        print("CLAIMLENS_OFFLINE is set: unset it to fetch from Yahoo and the publishers", flush=True)
    report = refresh_publishers()
    for line in report.lines():
        print(line, flush=True)
    return 1 if failed or not report.ok else 0


def cmd_import(sources: Path) -> int:
    from importers.snapshot import run_import  # build time only: the runtime package never imports importers

    ids = run_import(sources)
    print(f"wrote {len(ids)} series records to {shown_path(active_dir() / 'series')}/")
    return 0


def cmd_install(source: Path) -> int:
    from .vintage_commit import VintageError, data_lock
    from .vintage_install import install_from

    try:
        with data_lock(snapshot.DATA_DIR):
            folder = install_from(snapshot.DATA_DIR, source)
    except (OSError, VintageError) as exc:
        print(f"not installed, data left as it was: {getattr(exc, 'strerror', None) or exc}")
        return 1
    print(f"installed vintage {folder.name}: {shown_path(folder)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m components.data", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("status", help="what is in the snapshot and the live cache")
    sub.add_parser("refresh", help="fetch Yahoo series and the EIA/ECB files now (exit 1 if any failed)")
    imp = sub.add_parser("import", help="rebuild data/series from ../shared/sources (developers, once)")
    imp.add_argument("--sources", type=Path, default=Path("../shared/sources"))
    put = sub.add_parser("install", help="install another data folder's current vintage here, as one swap")
    put.add_argument("--from", dest="source", type=Path, required=True)
    args = parser.parse_args(argv)
    if args.command == "status":
        return cmd_status()
    if args.command == "refresh":
        return cmd_refresh()
    if args.command == "install":
        return cmd_install(args.source)
    return cmd_import(args.sources)


if __name__ == "__main__":
    sys.exit(main())
