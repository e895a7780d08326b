"""Recorded publisher responses, built in code in the publishers' own formats.

ECB: eurofxref-hist.zip holding eurofxref-hist.csv exactly as the ECB lays it out (header of every currency
the ECB has ever fixed, 'N/A' where none was published, newest row first, a trailing comma on every line).
EIA: API v2 JSON from /v2/petroleum/pri/spt/data/ (values as strings, as EIA sends them since v2.1.6).

Shared by bench/bench_refresh.py (responses of real size) and the refresh tests (tests/factories/publishers.py
and tests/test_publishers.py), so it lives in bench/ and no benchmark imports a test module.
"""

from __future__ import annotations

import io
import json
import zipfile

import pandas as pd

from components.data import publishers

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
