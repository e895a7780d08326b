"""Bring-your-own-article fixtures: the publication date, a small series catalog and actor table the claim
scanner matches against, and an evidence Context with two import series (a three-year low in Dec 2025)."""

from __future__ import annotations

import pandas as pd

from components import evidence
from tests.factories.series import monthly_series, series_loaders

SCAN_PUBLISHED = pd.Timestamp("2025-11-25")
SCAN_CATALOG = pd.DataFrame(
    [
        {"id": "india_imports_russia_kpler", "unit": "million b/d", "frequency": "monthly", "origin": "snapshot"},
        {"id": "india_imports_russia_vortexa", "unit": "million b/d", "frequency": "monthly", "origin": "snapshot"},
        {"id": "brent_spot_eia", "unit": "USD/bbl", "frequency": "daily", "origin": "snapshot"},
        {"id": "brent_futures_yahoo", "unit": "USD/bbl", "frequency": "daily", "origin": "live-only"},
        {
            "id": "urals_discount_argus",
            "unit": "USD/bbl (negative = below Brent)",
            "frequency": "monthly",
            "origin": "snapshot",
        },
        {"id": "china_imports_russia_gacc_mt", "unit": "million tonnes", "frequency": "monthly", "origin": "snapshot"},
        {"id": "india_russia_share_kpler", "unit": "percent", "frequency": "monthly", "origin": "snapshot"},
    ]
)
SCAN_ACTORS = pd.DataFrame(
    [
        {
            "id": "india",
            "label": "India",
            "kind": "state",
            "country": "IN",
            "role": "",
            "aliases": ["India", "New Delhi"],
        },
        {
            "id": "russia",
            "label": "Russia",
            "kind": "state",
            "country": "RU",
            "role": "",
            "aliases": ["Russia", "Kremlin"],
        },
        {
            "id": "us",
            "label": "United States",
            "kind": "state",
            "country": "US",
            "role": "",
            "aliases": ["US", "Washington"],
        },
        {"id": "trump", "label": "Donald Trump", "kind": "person", "country": "US", "role": "", "aliases": ["Trump"]},
    ]
)


def scan_context() -> evidence.Context:
    """Kpler and Vortexa imports from Russia; Kpler's December 2025 is its lowest since January 2023."""
    series = {
        "india_imports_russia_kpler": monthly_series(
            "2023-01-01", [1.3] + [1.8] * 34 + [1.27], "india_imports_russia_kpler"
        ),
        "india_imports_russia_vortexa": monthly_series("2025-09-01", [1.6, 1.7, 2.2], "india_imports_russia_vortexa"),
    }
    get_series, get_points = series_loaders(series)
    return evidence.Context(get_series=get_series, get_points=get_points, today=pd.Timestamp("2026-06-01"))
