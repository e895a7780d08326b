"""Series factories: pandas series shaped like the data layer's, points and loaders over them, and frames shaped
like yfinance 1.x downloads. No files, no network, deterministic."""

from __future__ import annotations

import numpy as np
import pandas as pd

# EIA Brent spot, copied from the EIA daily file for these business days (USD/bbl). Hand-checkable.
BRENT_MARCH_2025 = {
    "2025-03-03": 71.62,
    "2025-03-04": 72.31,
    "2025-03-05": 70.92,
    "2025-03-06": 71.08,
    "2025-03-07": 72.49,
    "2025-03-10": 71.02,
    "2025-03-11": 71.46,
}
YF_PRICES = ["Adj Close", "Close", "High", "Low", "Open", "Volume"]


def business_day_series(start="2025-03-03", values=(70.0, 71.0, 72.5, 71.5, 73.0), name="s") -> pd.Series:
    """Business-day series with the given values."""
    index = pd.bdate_range(start, periods=len(values))
    return pd.Series(np.asarray(values, dtype=float), index=index, name=name)


def random_walk_series(start="2020-01-01", end="2026-08-18", base=60.0, seed=0, name="x") -> pd.Series:
    """Business-day random walk (a stand-in for a daily spot price)."""
    index = pd.bdate_range(start, end)
    rng = np.random.default_rng(seed)
    values = base + np.cumsum(rng.normal(0, 0.8, len(index)))
    return pd.Series(np.abs(values) + 5, index=index, name=name, dtype="float64")


def monthly_series(start="2024-01-01", values=(1.5, 1.6, None, 1.4), name="m") -> pd.Series:
    """Month-start series; None values are dropped, leaving real gaps (never filled)."""
    index = pd.date_range(start, periods=len(values), freq="MS")
    series = pd.Series([np.nan if v is None else v for v in values], index=index, name=name, dtype=float)
    return series.dropna()


def brent_march_2025() -> pd.Series:
    series = pd.Series(BRENT_MARCH_2025, dtype="float64", name="brent_spot_eia")
    series.index = pd.DatetimeIndex(series.index)
    return series


def monthly_with_gaps(name="india_imports_russia_kpler") -> pd.Series:
    """Monthly series on the 1st of the month with two missing months (2024-03 and 2024-04)."""
    index = pd.DatetimeIndex(["2024-01-01", "2024-02-01", "2024-05-01", "2024-06-01"])
    return pd.Series([1.6, 1.5, 1.9, 2.1], index=index, name=name, dtype="float64")


def flags_for_monthly() -> pd.Series:
    """Flags for monthly_with_gaps(): February provisional, June partial and to be read with caution."""
    return pd.Series(
        ["", "provisional", "", "partial;caution"],
        index=pd.DatetimeIndex(["2024-01-01", "2024-02-01", "2024-05-01", "2024-06-01"]),
    )


def points_frame(
    series: pd.Series, flags: dict[str, str] | None = None, title: str = "Src", url: str = "https://example.org"
) -> pd.DataFrame:
    """load_points-shaped frame for a series, with optional flags by 'YYYY-MM-DD'; each point cites a page
    under `url`."""
    flags = flags or {}
    return pd.DataFrame(
        {
            "date": series.index,
            "value": series.values,
            "unit": "million b/d",
            "flag": [flags.get(str(d.date()), "") for d in series.index],
            "source_title": [f"{title} {d:%b %Y}" for d in series.index],
            "source_url": [f"{url}/{series.name}/{d:%Y-%m}" for d in series.index],
            "provider_detail": "",
            "used": True,
        }
    )


def series_loaders(series: dict[str, pd.Series], flags: dict[str, dict[str, str]] | None = None):
    """(get_series, get_points) over a dict of fixture series; unknown ids raise KeyError like the data layer."""
    flags = flags or {}

    def get_series(series_id: str) -> pd.Series:
        return series[series_id]

    def get_points(series_id: str) -> pd.DataFrame:
        return points_frame(series[series_id], flags.get(series_id))

    return get_series, get_points


def yf_frame(tickers: dict[str, list[float] | None], start="2025-03-03", tz="America/New_York") -> pd.DataFrame:
    """A frame shaped like yfinance 1.x `yf.download(..., auto_adjust=False)`: columns are a
    (Price, Ticker) MultiIndex, the index a tz-aware 'Date'; a ticker given None failed in the batch (all NaN)."""
    lengths = [len(v) for v in tickers.values() if v is not None]
    index = pd.DatetimeIndex(pd.bdate_range(start, periods=max(lengths, default=3)), name="Date").tz_localize(tz)
    columns = pd.MultiIndex.from_product([YF_PRICES, list(tickers)], names=["Price", "Ticker"])
    frame = pd.DataFrame(np.nan, index=index, columns=columns)
    for ticker, closes in tickers.items():
        if closes is None:
            continue
        closes = np.asarray(closes, dtype=float)
        for price in YF_PRICES:
            frame[(price, ticker)] = closes * (1.01 if price == "High" else 0.99 if price == "Low" else 1.0)
        frame[("Volume", ticker)] = 1000.0
    return frame


def empty_yf_frame(tickers=("BZ=F",)) -> pd.DataFrame:
    """What yfinance 1.7 returns offline: no rows, the same column layout."""
    columns = pd.MultiIndex.from_product([YF_PRICES, list(tickers)], names=["Price", "Ticker"])
    return pd.DataFrame(columns=columns, index=pd.DatetimeIndex([], name="Date", tz="UTC"))
