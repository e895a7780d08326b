"""A small data folder holding the publishers' series, for the refresh and vintage tests; the recorded ECB and
EIA responses themselves are bench/recorded.py (shared with bench/bench_refresh.py)."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pandas as pd

from bench.recorded import ecb_csv, ecb_rates, ecb_zip, eia_body, eia_rows
from components.data import publishers
from components.data.refresh import daily_points
from components.data.snapshot import sha256_file
from components.data.vintage_commit import meta_json, points_csv

# ------------------------------------------------------------------------------- a small data folder
SNAPSHOT_DAYS = pd.bdate_range("2026-06-01", "2026-08-18")
NEW_DAYS = pd.bdate_range("2026-06-01", "2026-09-30")


def brent_prices(days, shift=0.0) -> pd.Series:
    return pd.Series([70.0 + (i % 17) * 0.5 + shift for i in range(len(days))], index=days, dtype=float)


def wti_prices(days, shift=0.0) -> pd.Series:
    return pd.Series([66.0 + (i % 13) * 0.5 + shift for i in range(len(days))], index=days, dtype=float)


def ecb_lines(rates: pd.DataFrame) -> dict[str, pd.Series]:
    lines = publishers.ecb_series(rates.rename_axis("date").astype(float))
    return {sid: line for sid, line in lines.items() if not line.empty}


DAILY_META = {
    "brent_spot_eia": ("Brent spot price FOB, Europe (EIA RBRTE)", "USD/bbl", "oil price"),
    "wti_spot_eia": ("WTI spot price FOB, Cushing OK (EIA RWTC)", "USD/bbl", "oil price"),
    "usd_inr_ecb": ("USD/INR, cross of ECB euro reference rates", "INR per USD", "fx"),
    "usd_cny_ecb": ("USD/CNY, cross of ECB euro reference rates", "CNY per USD", "fx"),
    "usd_rub_ecb": ("USD/RUB, cross of ECB euro reference rates", "RUB per USD", "fx"),
}


def write_snapshot_series(data_dir: Path, sid: str, points: pd.DataFrame, **meta) -> None:
    folder = data_dir / "series"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{sid}.csv").write_bytes(points_csv(points))
    used = points[points["used"]]
    record = dict(
        id=sid,
        frequency="daily",
        provider="EIA" if sid.endswith("eia") else "European Central Bank",
        origin="snapshot",
        retrieved="2026-08-22",
    )
    record.update(meta)
    record.update(
        first=str(used["date"].min().date()),
        last=str(used["date"].max().date()),
        rows=int(len(used)),
        checksum=sha256_file(folder / f"{sid}.csv"),
    )
    (folder / f"{sid}.json").write_bytes(meta_json(record))


def make_data_dir(root: Path, rates: pd.DataFrame | None = None) -> Path:
    """A data folder holding the five publisher series up to 18 Aug 2026 (EIA) / the given ECB rates."""
    data_dir = root / "data"
    rates = ecb_rates(SNAPSHOT_DAYS, rub=None) if rates is None else rates
    lines = {
        "brent_spot_eia": brent_prices(SNAPSHOT_DAYS),
        "wti_spot_eia": wti_prices(SNAPSHOT_DAYS),
        **ecb_lines(rates),
    }
    for sid, line in lines.items():
        name, unit, topic = DAILY_META[sid]
        write_snapshot_series(data_dir, sid, daily_points(line, unit), name=name, unit=unit, topic=topic, notes="")
    (data_dir / "snapshot.json").write_text(json.dumps({"built": "2026-08-22", "series": len(lines)}))
    return data_dir


def folder_bytes(folder: Path) -> dict[str, bytes]:
    """Every file's bytes under a folder (the lock file aside): 'byte-identical' is compared on this."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != ".vintage.lock"
    }


# ------------------------------------------------------------------------------- recorded answers
def good_ecb() -> bytes:
    return ecb_zip(ecb_csv(ecb_rates(NEW_DAYS)))


def eia_answer(rbrte: pd.Series, rwtc: pd.Series):
    """EIA honours the query's `start`: the recorded answer is cut the same way."""

    def answer(url: str) -> bytes:
        start = parse_qs(urlparse(url).query)["start"][0]
        return eia_body(eia_rows({"RBRTE": rbrte.loc[start:], "RWTC": rwtc.loc[start:]}))

    return answer


def good_eia(days=NEW_DAYS):
    return eia_answer(brent_prices(days), wti_prices(days))
