"""Command line: `python -m components.data status | refresh | import --sources ../shared/sources`.

`refresh` fetches the live Yahoo series (into the cache) and the publishers' EIA and ECB files (a new vintage
of the snapshot when they bring new or revised values); it exits non-zero when anything failed, so a cron job
or CI step notices.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import catalog, live_series, snapshot_as_of
from .live import read_cache
from .refresh import refresh_publishers


def cmd_status() -> int:
    cat = catalog()
    print(f"Snapshot built {snapshot_as_of().date()} — {len(cat)} series")
    for _, row in cat.iterrows():
        if row["origin"] == "live-only":
            cached = read_cache(row["id"])
            where = f"disk cache {cached[1].get('fetched_at')} ({len(cached[0])} rows)" if cached else "no cached copy"
            print(f"  {row['id']:<42} live-only {row['live_ticker']:<12} {where}")
        else:
            span = f"{row['first'].date()}..{row['last'].date()}" if row["status"] == "ok" else "-"
            print(f"  {row['id']:<42} {row['frequency']:<8} {row['rows']:>5} rows  {span}  {row['status']}")
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
    report = refresh_publishers()
    for line in report.lines():
        print(line, flush=True)
    return 1 if failed or not report.ok else 0


def cmd_import(sources: Path) -> int:
    from .importer import run_import

    ids = run_import(sources)
    print(f"wrote {len(ids)} series records to data/series/")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m components.data", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("status", help="what is in the snapshot and the live cache")
    sub.add_parser("refresh", help="fetch Yahoo series and the EIA/ECB files now (exit 1 if any failed)")
    imp = sub.add_parser("import", help="rebuild data/series from ../shared/sources (developers, once)")
    imp.add_argument("--sources", type=Path, default=Path("../shared/sources"))
    args = parser.parse_args(argv)
    if args.command == "status":
        return cmd_status()
    if args.command == "refresh":
        return cmd_refresh()
    return cmd_import(args.sources)


if __name__ == "__main__":
    sys.exit(main())
