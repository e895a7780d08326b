"""Urals prices and discounts (one series per delivery basis) and Russia's oil and gas revenue."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from importers.snapshot.points import (
    MIN_POINTS,
    Built,
    choose_used,
    compiled_meta,
    compiled_points,
    read_compiled,
    year_start,
)
from importers.snapshot.units import basis_of

# the delivery basis of each series that has one; every row of such a series must name that basis, and a row of
# a series without one must name none (units.reconcile refuses it otherwise)
BASIS = {
    "urals_price_primorsk_argus": "FOB Baltic",
    "urals_discount_baltic_argus": "FOB Baltic",
    "urals_discount_novorossiysk_argus": "FOB Novorossiysk",
    "urals_discount_india_delivered": "delivered India",
    "urals_discount_russian_ports_argus": "FOB Russian ports (not named)",
}


def _discount_basis(urals: pd.DataFrame, basis: str) -> pd.Series:
    """Rows of one delivery basis of the Urals discount (the compiled file names the basis in the series)."""
    name = urals["series"].fillna("")
    discount = name.str.startswith("Urals discount to") & ~name.str.contains("percent")
    return discount & name.map(basis_of).eq(basis)


def build_urals_and_revenue(compiled: Path) -> list[Built]:
    """Urals price and discount points, and Russia's oil and gas budget revenue, as printed."""
    urals = read_compiled(compiled, "urals_price_and_discount_monthly.csv")
    revenue = read_compiled(compiled, "russia_oil_revenue_by_destination.csv")
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
            _discount_basis(urals, "FOB Baltic"),
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
            _discount_basis(urals, "FOB Novorossiysk"),
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
            _discount_basis(urals, "delivered India"),
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
            _discount_basis(urals, "FOB Russian ports (not named)"),
            "urals_discount_russian_ports_argus",
            "Urals discount to Dated Brent at Russian export ports (port not named) — Argus via Bloomberg",
            "USD/bbl (negative = below Brent)",
            "Argus (via Bloomberg)",
            "reported figure",
            "urals",
            "The page names no port, so these are not Baltic or Black Sea figures: a series of their own.",
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
                "CREA publishes EUR; a page that stated another currency is cited in that currency and never drawn "
                "on the line.",
            )
        )
    built = []
    for frame, mask, sid, name, unit, provider, instrument, topic, notes in specs:
        rows = frame[mask]
        if sid.startswith("urals_discount_") and sid != "urals_discount_reuters":  # the point names its basis
            rows = rows.assign(data_provider=rows["data_provider"] + " — " + rows["series"])
        points = choose_used(compiled_points(rows, unit, basis=BASIS.get(sid, "")))
        if points["used"].sum() < MIN_POINTS:
            continue
        src = "urals_price_and_discount_monthly.csv" if frame is urals else "russia_oil_revenue_by_destination.csv"
        built.append(Built(compiled_meta(sid, name, unit, provider, instrument, topic, points, notes, src), points))
    annual = revenue[
        revenue["series"].eq("Russia federal budget oil & gas revenue") & revenue["month"].str.fullmatch(r"\d{4}")
    ]
    points = choose_used(compiled_points(annual, "billion RUB", dated=year_start, accept=("annual",)))
    meta = compiled_meta(
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
