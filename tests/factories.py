"""Fixture factories for the data layer: series, yfinance-shaped frames, and a small snapshot on disk."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent


def daily_series(start="2025-03-03", values=(70.0, 71.0, 72.5, 71.5, 73.0), name="s") -> pd.Series:
    """Business-day series with the given values."""
    index = pd.bdate_range(start, periods=len(values))
    return pd.Series(np.asarray(values, dtype=float), index=index, name=name)


def monthly_series(start="2024-01-01", values=(1.5, 1.6, None, 1.4), name="m") -> pd.Series:
    """Month-start series; None values are dropped, leaving real gaps."""
    index = pd.date_range(start, periods=len(values), freq="MS")
    series = pd.Series([np.nan if v is None else v for v in values], index=index, name=name, dtype=float)
    return series.dropna()


def yf_frame(tickers: dict[str, list[float] | None], start="2025-03-03", tz="America/New_York") -> pd.DataFrame:
    """A frame shaped like yfinance 1.x `yf.download(..., auto_adjust=False)`: columns are a
    (Price, Ticker) MultiIndex, the index a tz-aware 'Date'; a ticker given None failed in the batch (all NaN)."""
    length = (
        max(len(v) for v in tickers.values() if v is not None) if any(v is not None for v in tickers.values()) else 3
    )
    index = pd.DatetimeIndex(pd.bdate_range(start, periods=length), name="Date").tz_localize(tz)
    prices = ["Adj Close", "Close", "High", "Low", "Open", "Volume"]
    columns = pd.MultiIndex.from_product([prices, list(tickers)], names=["Price", "Ticker"])
    frame = pd.DataFrame(np.nan, index=index, columns=columns)
    for ticker, closes in tickers.items():
        if closes is None:
            continue
        closes = np.asarray(closes, dtype=float)
        for price in prices:
            frame[(price, ticker)] = closes * (1.01 if price == "High" else 0.99 if price == "Low" else 1.0)
        frame[("Volume", ticker)] = 1000.0
    return frame


def empty_yf_frame(tickers=("BZ=F",)) -> pd.DataFrame:
    """What yfinance 1.7 returns offline: no rows, the same column layout."""
    columns = pd.MultiIndex.from_product(
        [["Adj Close", "Close", "High", "Low", "Open", "Volume"], list(tickers)], names=["Price", "Ticker"]
    )
    return pd.DataFrame(columns=columns, index=pd.DatetimeIndex([], name="Date", tz="UTC"))


def copy_snapshot(tmp_path: Path) -> Path:
    """A private copy of the committed data/ folder, to break on purpose."""
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


def snapshot_digest(folder: Path) -> dict[str, str]:
    """Bytes of every file under a folder, for 'byte-identical' checks."""
    import hashlib

    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def write_compiled_sources(root: Path) -> Path:
    """A miniature ../shared/sources tree with the same columns as the real one (a few rows each)."""
    compiled = root / "compiled"
    compiled.mkdir(parents=True)
    head = "month,value,unit,source_title,source_url,quote_of_figure,{kind},data_provider,note\n"
    (compiled / "india_crude_imports_by_origin_monthly.csv").write_text(
        head.format(kind="origin")
        + "\n".join(
            [
                "2025-01,1.67,million bpd,Page A,https://a.example/1,q,Russia,Kpler,",
                "2025-01,1.49,million bpd,Page B,https://b.example/1,q,Russia,Vortexa,",
                "2025-02,1.45,million bpd,Page C,https://c.example/1,q,Russia,Kpler,partial month (to Feb 23)",
                "2025-02,1.48,million bpd,Page D,https://d.example/1,q,Russia,Kpler,",
                "2025-02,1.41,million bpd,Page E,https://e.example/1,q,Russia,Vortexa,",
                "2025-03,31,million barrels (month total),Page F,https://f.example/1,q,Russia,"
                "Refinitiv Eikon (via Reuters),",
                "2025-04,1.92,million bpd,Page G,https://g.example/1,q,Russia,(not named; tanker data),",
                "2025-05,1.80,million bpd,Page H,https://h.example/1,q,Russia,Reuters sources,",
                "2025-06,35.7,percent of India crude imports,Page I,https://i.example/1,q,Russia (share),Kpler,",
                "2025-07,36.0,percent of India crude imports,Page J,https://j.example/1,q,Russia (share),Kpler,",
                "2025-06,0.67,million bpd,Page K,https://k.example/1,q,Russia (shipments/loadings to India),"
                "(not named; ship-tracking),",
                "2024-12,3.19,billion USD,Page L,https://l.example/1,q,Russia,Department of Commerce (official),value",
                "2025-01,4.0,billion USD,Page M,https://m.example/1,q,Russia,Government of India trade data,",
            ]
        )
        + "\n"
    )
    (compiled / "china_crude_imports_from_russia_monthly.csv").write_text(
        head.format(kind="origin")
        + "\n".join(
            [
                "2024,108.5,million tonnes (annual),Page N,https://n.example/1,q,Russia,"
                "China customs (GACC) via Reuters,",
                "2023,107,million tonnes (annual),Page N,https://n.example/2,q,Russia,China customs (GACC) via Sina,",
                "2025-03,8.85,million tonnes,Page O,https://o.example/1,q,Russia,China customs (GACC),",
                "2025-04,2.25,million bpd,Page P,https://p.example/1,q,Russia,China customs (GACC),",
                "2025-04,9.26,million tonnes,Page P,https://p.example/1,q,Russia,China customs (GACC),",
            ]
        )
        + "\n"
    )
    (compiled / "urals_price_and_discount_monthly.csv").write_text(
        head.format(kind="series")
        + "\n".join(
            [
                "2025-01,67.66,USD/bbl,Page Q,https://q.example/1,q,Urals average price,Russian Finance Ministry,",
                "2025-02,61.0,USD/bbl (approx),Page R,https://r.example/1,q,Urals average price,"
                "Statista (mirror page),approximate",
            ]
        )
        + "\n"
    )
    (compiled / "russia_oil_revenue_by_destination.csv").write_text(
        head.format(kind="series")
        + "\n".join(
            [
                "2025-01,789.1,billion RUB,Page S,https://s.example/1,q,Russia federal budget oil & gas revenue,"
                "Russian Finance Ministry (via Reuters),",
                "2025-02,771.3,billion RUB,Page T,https://t.example/1,q,Russia federal budget oil & gas revenue,"
                "Russian Finance Ministry (via Reuters),",
                "2025,8480,billion RUB (annual),Page U,https://u.example/1,q,Russia federal budget oil & gas revenue,"
                "Russian Finance Ministry (via Reuters),annual 2025",
            ]
        )
        + "\n"
    )
    return compiled


def read_json(path: Path) -> dict:
    return json.loads(path.read_text())
