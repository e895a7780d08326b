"""Recorded publisher responses, built in code in the publishers' own formats, and a small data folder.

ECB: eurofxref-hist.zip holding eurofxref-hist.csv exactly as the ECB lays it out (header of every currency
the ECB has ever fixed, 'N/A' where none was published, newest row first, a trailing comma on every line).
EIA: API v2 JSON from /v2/petroleum/pri/spt/data/ (values as strings, as EIA sends them since v2.1.6).
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pandas as pd

from components.data import publishers
from components.data.refresh import daily_points
from components.data.snapshot import sha256_file
from components.data.vintage_commit import meta_json, points_csv

ECB_HEADER = (
    "Date,USD,JPY,BGN,CYP,CZK,DKK,EEK,GBP,HUF,LTL,LVL,MTL,PLN,ROL,RON,SEK,SIT,SKK,CHF,ISK,NOK,HRK,RUB,TRL,TRY,"
    "AUD,BRL,CAD,CNY,HKD,IDR,ILS,INR,KRW,MXN,MYR,NZD,PHP,SGD,THB,ZAR,"
)
ECB_COLUMNS = ECB_HEADER.rstrip(",").split(",")
EIA_NAMES = {
    "RBRTE": ("EPCBRENT", "UK Brent Crude Oil", "Europe Brent Spot Price FOB (Dollars per Barrel)", "EEU"),
    "RWTC": ("EPCWTI", "WTI Crude Oil", "Cushing, OK WTI Spot Price FOB (Dollars per Barrel)", "YCUOK"),
}
HTML_ERROR_PAGE = (
    b'<!DOCTYPE html>\n<html lang="en"><head><title>Service Unavailable</title></head>'
    b"<body><h1>Service Unavailable</h1><p>The server is temporarily unable to service your request.</p>"
    b"</body></html>\n"
)


def ecb_rates(days: pd.DatetimeIndex, usd=1.08, inr=90.0, cny=7.8, rub=None) -> pd.DataFrame:
    """Per-EUR rates for business days; scalars or per-day lists."""
    frame = pd.DataFrame(index=days)
    for code, value in (("USD", usd), ("INR", inr), ("CNY", cny), ("RUB", rub)):
        frame[code] = value
    return frame


def ecb_csv(rates: pd.DataFrame, columns=ECB_COLUMNS) -> str:
    """The ECB's eurofxref-hist.csv text for these rates (currencies not given are 'N/A')."""
    lines = [",".join(columns) + ","]
    for day in sorted(rates.index, reverse=True):
        row = [day.strftime("%Y-%m-%d")]
        for code in columns[1:]:
            value = rates.at[day, code] if code in rates.columns else None
            row.append("N/A" if value is None or pd.isna(value) else f"{value:.6g}")
        lines.append(",".join(row) + ",")
    return "\n".join(lines) + "\n"


def ecb_zip(text: str, member: str = "eurofxref-hist.csv") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(member, text)
    return buffer.getvalue()


def eia_rows(prices: dict[str, pd.Series]) -> list[dict]:
    """API v2 data rows for {'RBRTE': series, 'RWTC': series}, sorted by period as requested."""
    rows = []
    for code, line in prices.items():
        product, product_name, description, area = EIA_NAMES[code]
        for day, value in line.items():
            rows.append(
                {
                    "period": day.strftime("%Y-%m-%d"),
                    "duoarea": area,
                    "area-name": "NA",
                    "product": product,
                    "product-name": product_name,
                    "process": "PF4",
                    "process-name": "Spot Price FOB",
                    "series": code,
                    "series-description": description,
                    "value": f"{value:.2f}",
                    "units": "$/BBL",
                }
            )
    return sorted(rows, key=lambda r: (r["period"], r["series"]))


def eia_body(rows: list[dict], total: int | None = None) -> bytes:
    payload = {
        "response": {
            "total": str(len(rows) if total is None else total),
            "dateFormat": "YYYY-MM-DD",
            "frequency": "daily",
            "data": rows,
            "description": "EIA spot price data.",
        },
        "request": {
            "command": "/v2/petroleum/pri/spt/data/",
            "params": {"frequency": "daily", "data": ["value"], "facets": {"series": ["RBRTE", "RWTC"]}},
        },
        "apiVersion": "2.1.8",
        "ExcelAddInVersion": "2.1.0",
    }
    return json.dumps(payload).encode("utf-8")


class Recorded:
    """A fetcher answering each publisher with a recorded body (or raising), counting the calls."""

    def __init__(self, ecb=None, eia=None):
        self.answers = {"ecb": ecb, "eia": eia}
        self.urls: list[str] = []

    def __call__(self, url: str) -> bytes:
        self.urls.append(url)
        answer = self.answers["ecb" if url.startswith(publishers.ECB_URL) else "eia"]
        if isinstance(answer, BaseException):
            raise answer
        if callable(answer):
            return answer(url)
        return answer


# ------------------------------------------------------------------------------- a small data folder
SNAPSHOT_DAYS = pd.bdate_range("2026-06-01", "2026-08-18")
NEW_DAYS = pd.bdate_range("2026-06-01", "2026-09-30")


def brent(days, shift=0.0) -> pd.Series:
    return pd.Series([70.0 + (i % 17) * 0.5 + shift for i in range(len(days))], index=days, dtype=float)


def wti(days, shift=0.0) -> pd.Series:
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


def write_series(data_dir: Path, sid: str, points: pd.DataFrame, **meta) -> None:
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
    lines = {"brent_spot_eia": brent(SNAPSHOT_DAYS), "wti_spot_eia": wti(SNAPSHOT_DAYS), **ecb_lines(rates)}
    for sid, line in lines.items():
        name, unit, topic = DAILY_META[sid]
        write_series(data_dir, sid, daily_points(line, unit), name=name, unit=unit, topic=topic, notes="")
    (data_dir / "snapshot.json").write_text(json.dumps({"built": "2026-08-22", "series": len(lines)}))
    return data_dir


def digest(folder: Path) -> dict[str, bytes]:
    """Every file's bytes under a folder (the lock file aside): 'byte-identical' is compared on this."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != ".vintage.lock"
    }
