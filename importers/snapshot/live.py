"""Provenance records for the Yahoo series, which have no snapshot data and are fetched only online."""

from __future__ import annotations

LIVE_SERIES = [
    (
        "brent_futures_yahoo",
        "BZ=F",
        "Brent crude futures, front month (ICE, via Yahoo)",
        "USD/bbl",
        "futures",
        "oil price",
    ),
    (
        "wti_futures_yahoo",
        "CL=F",
        "WTI crude futures, front month (NYMEX, via Yahoo)",
        "USD/bbl",
        "futures",
        "oil price",
    ),
    ("usd_rub_yahoo", "RUB=X", "USD/RUB market rate (Yahoo)", "RUB per USD", "market rate", "fx"),
    ("usd_inr_yahoo", "INR=X", "USD/INR market rate (Yahoo)", "INR per USD", "market rate", "fx"),
    ("usd_cny_yahoo", "CNY=X", "USD/CNY market rate (Yahoo)", "CNY per USD", "market rate", "fx"),
    ("nifty50_yahoo", "^NSEI", "NIFTY 50 index (NSE, via Yahoo)", "index points", "equity index", "markets"),
    ("reliance_yahoo", "RELIANCE.NS", "Reliance Industries share price (NSE, via Yahoo)", "INR", "equity", "markets"),
]
LIVE_FALLBACK = {
    "brent_futures_yahoo": "brent_spot_eia",
    "wti_futures_yahoo": "wti_spot_eia",
    "usd_rub_yahoo": "usd_rub_ecb",
    "usd_inr_yahoo": "usd_inr_ecb",
    "usd_cny_yahoo": "usd_cny_ecb",
}


def live_records() -> list[dict]:
    """Provenance records for the Yahoo series: no snapshot data, fetched only when online."""
    out = []
    for sid, ticker, name, unit, instrument, topic in LIVE_SERIES:
        fallback = LIVE_FALLBACK.get(sid, "")
        out.append(
            dict(
                id=sid,
                name=name,
                unit=unit,
                frequency="daily",
                instrument=instrument,
                provider="Yahoo Finance (via yfinance)",
                licence="Yahoo terms of use: personal, non-commercial use",
                source_url=f"https://finance.yahoo.com/quote/{ticker}",
                source_title=f"Yahoo Finance {ticker}",
                first=None,
                last=None,
                rows=0,
                retrieved="",
                checksum="",
                live_ticker=ticker,
                origin="live-only",
                topic=topic,
                fallback=fallback,
                notes="Live only: fetched through yfinance when the network allows and cached on disk; "
                + (
                    f"offline the page may show {fallback} instead, labelled as such."
                    if fallback
                    else "offline it is not available."
                ),
            )
        )
    return out
