"""Benchmark: refresh both publishers from recorded responses into a copy of the real data folder.

Run: `python bench/bench_refresh.py [--repeat N]`. Budget: under 5 s for EIA and ECB together (issue 16).
The recorded responses are in the publishers' formats and sizes: the ECB's whole history (every business day
since 1999, 41 currency columns, zipped) and EIA's API v2 answer for the 60-day revision window, both
carrying ten business days past the snapshot's last date. Each run starts from a fresh copy of `data/`, so it
times a real new vintage: parse, validate, stage, diff every series, recompute every case's verdicts, write.
Reported also as a ratio to parsing the ECB file alone (the floor a refresh cannot go below).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a file: the project's packages
os.environ.setdefault("CLAIMLENS_OFFLINE", "1")
os.environ.setdefault("EIA_API_KEY", "bench")

import numpy as np
import pandas as pd

from bench.harness import ROOT
from bench.recorded import ECB_COLUMNS, Recorded, ecb_csv, ecb_zip, eia_body, eia_rows
from components.data import publishers
from components.data.refresh import refresh_publishers, snapshot_reader


def recorded_responses(data_dir: Path, extra_days: int = 10) -> Recorded:
    line, _ = snapshot_reader(data_dir)
    brent, wti = line("brent_spot_eia"), line("wti_spot_eia")
    new_days = pd.bdate_range(brent.index.max() + pd.Timedelta(days=1), periods=extra_days)
    brent = pd.concat([brent, pd.Series(brent.iloc[-1], index=new_days)])
    wti = pd.concat([wti, pd.Series(wti.iloc[-1], index=new_days)])
    inr, cny = line("usd_inr_ecb"), line("usd_cny_ecb")
    days = pd.bdate_range("1999-01-04", inr.index.max() + pd.Timedelta(days=extra_days * 1.5))
    # per-EUR rates whose USD crosses are the snapshot's own (USD = 1.0), extended by the last value
    rates = pd.DataFrame(index=days)
    rates["USD"] = 1.0
    rates["INR"] = inr.reindex(days).ffill().bfill()
    rates["CNY"] = cny.reindex(days).ffill().bfill()
    rub = line("usd_rub_ecb")
    rates["RUB"] = rub.reindex(days).where(days <= rub.index.max())
    wander = np.linspace(0.8, 1.2, len(days)) + 0.0001 * np.arange(len(days)) % 0.01
    for n, code in enumerate(ECB_COLUMNS[1:]):
        if code not in rates:
            rates[code] = (1.1 + n) * wander  # every other currency present, with as many digits as the ECB's
    ecb = ecb_zip(ecb_csv(rates))

    def eia(url: str) -> bytes:
        start = url.split("start=")[1].split("&")[0]
        return eia_body(eia_rows({"RBRTE": brent.loc[start:], "RWTC": wti.loc[start:]}))

    return Recorded(ecb=ecb, eia=eia)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="claimlens-bench-refresh-"))
    try:
        fetch = recorded_responses(ROOT / "data")
        ecb_bytes = fetch.answers["ecb"]
        floor, runs = [], []
        for n in range(args.repeat):
            start = time.perf_counter()
            publishers.parse_ecb_zip(ecb_bytes)
            floor.append(time.perf_counter() - start)
            data_dir = work / f"data-{n}"
            shutil.copytree(ROOT / "data", data_dir, ignore=shutil.ignore_patterns("cases"))
            start = time.perf_counter()
            report = refresh_publishers(fetch, data_dir, today=pd.Timestamp.today())
            runs.append(time.perf_counter() - start)
            assert report.record is not None and report.ok, report.lines()
        median, floor_median = statistics.median(runs), statistics.median(floor)
        print(f"ECB zip: {len(ecb_bytes) / 1e6:.2f} MB; vintage {report.record['id']}: {report.message}")
        print(
            f"refresh of EIA + ECB from recorded responses: median {median:.2f} s over {len(runs)} runs "
            f"(budget 5 s: {'ok' if median < 5 else 'OVER'})"
        )
        print(
            f"parse of the ECB file alone: median {floor_median:.2f} s; refresh / parse = {median / floor_median:.1f}x"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
