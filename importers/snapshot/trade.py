"""India's and China's crude imports from the compiled news figures, one series per origin and provider."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from importers.snapshot.points import (
    MIN_POINTS,
    Built,
    choose_used,
    compiled_meta,
    compiled_points,
    month_start,
    read_compiled,
    year_start,
)
from importers.snapshot.units import BARRELS_PER_TONNE, parse_unit
from importers.snapshot.wording import PROVIDER_NAMES, classify_provider

INDIA_ORIGINS = {
    "Russia": ("russia", "India's crude imports from Russia"),
    "Iraq": ("iraq", "India's crude imports from Iraq"),
    "Saudi Arabia": ("saudi", "India's crude imports from Saudi Arabia"),
    "United Arab Emirates": ("uae", "India's crude imports from the UAE"),
    "United States": ("us", "India's crude imports from the United States"),
    "Total (all origins)": ("total", "India's total crude imports"),
}


def build_india(compiled: Path) -> list[Built]:
    """India's imports by origin, one series per origin and provider; shipments (not arrivals) left out."""
    raw = read_compiled(compiled, "india_crude_imports_by_origin_monthly.csv")
    raw["provider_key"] = raw["data_provider"].map(classify_provider)
    # volumes in barrels (per day, or a month's total): units.reconcile converts or refuses each; tonnes are left
    # out here, since 7.33 bbl/t is Russian crude's factor and India's totals mix crudes
    volume = raw["unit"].map(lambda unit: parse_unit(unit).measure in ("b/d", "barrels"))
    built = []

    for origin, (key, label) in INDIA_ORIGINS.items():
        rows = raw[(raw["origin"] == origin) & volume]
        for provider, group in rows.groupby("provider_key"):
            if provider == "unnamed":
                continue
            points = choose_used(compiled_points(group, "million b/d"))
            if points["used"].sum() < MIN_POINTS:
                continue
            notes = (
                "Monthly arrivals as printed by news pages citing this provider; several figures for one month "
                "are kept as cited alternatives. Month totals were divided by the days in the month."
            )
            built.append(
                Built(
                    compiled_meta(
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
        points = choose_used(compiled_points(group, "percent"))
        if provider == "unnamed" or points["used"].sum() < MIN_POINTS:
            continue
        built.append(
            Built(
                compiled_meta(
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
    points = choose_used(compiled_points(value, "billion USD"))
    built.append(
        Built(
            compiled_meta(
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
    raw = read_compiled(compiled, "china_crude_imports_from_russia_monthly.csv")
    # customs figures only: Kpler's seaborne-only estimates in the same file are not customs data
    raw = raw[(raw["origin"] == "Russia") & raw["data_provider"].str.contains("customs|GACC", case=False)]
    provider = "China General Administration of Customs (GACC)"
    tonnes = raw[raw["unit"] == "million tonnes"]
    mt_points = choose_used(compiled_points(tonnes, "million tonnes"))
    mbd = compiled_points(raw[raw["unit"] == "million bpd"], "million b/d")
    printed_months = set(mbd["date"])
    # printed b/d wins; a month with only tonnes is converted at the stated factor (units.reconcile)
    converted = compiled_points(tonnes[~tonnes["month"].map(month_start).isin(printed_months)], "million b/d")
    mbd_points = choose_used(pd.concat([mbd, converted], ignore_index=True))
    annual = raw[raw["unit"] == "million tonnes (annual)"]
    annual_points = choose_used(compiled_points(annual, "million tonnes", dated=year_start, accept=("annual",)))
    src = "china_crude_imports_from_russia_monthly.csv"
    mbd_meta = compiled_meta(
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
    mt_meta = compiled_meta(
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
    annual_meta = compiled_meta(
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
