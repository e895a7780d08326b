"""Which catalog series (and which case events) a candidate sentence can be checked against, and why.

A measure is what a sentence talks about ("India's imports of Russian crude", "Brent", "the Urals
discount"); each maps to the catalog's series for it, one per provider, which the rule checks one by one.
Stated figures are put into the series' unit with the snapshot's own conversions (a month total in million
barrels / days in the month = million b/d; million tonnes x 7.33 / days = million b/d), said in the reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

BARRELS_PER_TONNE = 7.33
IMPORT_WORDS = re.compile(
    r"\b(?:import\w*|buy\w*|bought|purchas\w*|intake|arrivals?|receiv\w*|took|shipments?|flows?)\b", re.I
)
SHARE_WORDS = re.compile(r"\b(?:share|of (?:its|india's|the) (?:total|crude) imports|of total)\b", re.I)
REVENUE_WORDS = re.compile(r"\b(?:revenue\w*|income|earnings|budget)\b", re.I)
DISCOUNT_WORDS = re.compile(r"\b(?:discount|below brent|spread)\b", re.I)


@dataclass(frozen=True)
class Measure:
    key: str
    label: str
    families: tuple[str, ...]
    prefixes: tuple[str, ...]


MEASURES = {
    "india_russia_share": Measure(
        "india_russia_share", "Russia's share of India's crude imports", ("share",), ("india_russia_share_",)
    ),
    "india_imports_russia": Measure(
        "india_imports_russia",
        "India's imports of Russian crude",
        ("flow", "volume", "mass"),
        (
            "india_imports_russia_kpler",
            "india_imports_russia_vortexa",
            "india_imports_russia_reuters",
            "india_imports_russia_minpromtorg",
        ),
    ),
    "india_imports_iraq": Measure(
        "india_imports_iraq", "India's imports of Iraqi crude", ("flow", "volume", "mass"), ("india_imports_iraq_",)
    ),
    "india_imports_saudi": Measure(
        "india_imports_saudi", "India's imports of Saudi crude", ("flow", "volume", "mass"), ("india_imports_saudi_",)
    ),
    "india_imports_us": Measure(
        "india_imports_us", "India's imports of US crude", ("flow", "volume", "mass"), ("india_imports_us_",)
    ),
    "india_imports_total": Measure(
        "india_imports_total", "India's total crude imports", ("flow", "volume", "mass"), ("india_imports_total_",)
    ),
    "china_imports_russia": Measure(
        "china_imports_russia",
        "China's imports of Russian crude",
        ("flow", "volume", "mass"),
        ("china_imports_russia_gacc", "china_imports_russia_gacc_mt"),
    ),
    "urals_discount": Measure("urals_discount", "Urals discount to Brent", ("price",), ("urals_discount_",)),
    "urals_price": Measure("urals_price", "Urals price", ("price",), ("urals_price_",)),
    "brent": Measure("brent", "Brent crude price", ("price",), ("brent_spot_eia",)),
    "wti": Measure("wti", "WTI crude price", ("price",), ("wti_spot_eia",)),
    "russia_oil_gas_revenue": Measure(
        "russia_oil_gas_revenue", "Russia's oil and gas budget revenue", ("money",), ("russia_oil_gas_revenue_minfin",)
    ),
    "russia_revenue_india": Measure(
        "russia_revenue_india",
        "Russia's crude export revenue from India (CREA)",
        ("money",),
        ("russia_crude_revenue_india_crea",),
    ),
    "usd_inr": Measure("usd_inr", "US dollar in rupees", ("money", "count"), ("usd_inr_ecb", "usd_inr_fred")),
    "usd_cny": Measure("usd_cny", "US dollar in yuan", ("money", "count"), ("usd_cny_ecb", "usd_cny_fred")),
    "usd_rub": Measure("usd_rub", "US dollar in roubles", ("money", "count"), ("usd_rub_ecb",)),
}


@dataclass(frozen=True)
class MeasureMatch:
    measure: Measure
    series: tuple[str, ...]
    reason: str


def _has(actor_ids: set[str], *names: str) -> bool:
    return any(n in actor_ids for n in names)


def identify(sentence: str, actor_ids: set[str], families: set[str]) -> tuple[str, str] | None:
    """(measure key, reason) from the words, actors and unit families of the sentence, or None."""
    low = sentence.lower()
    india, russia, china = _has(actor_ids, "india"), _has(actor_ids, "russia"), _has(actor_ids, "china")
    if "urals" in low:
        if DISCOUNT_WORDS.search(sentence):
            return "urals_discount", "'Urals' with 'discount'"
        return "urals_price", "'Urals' with a price"
    if re.search(r"\bbrent\b", low) and "price" in families:
        return "brent", "'Brent' with a price per barrel"
    if re.search(r"\bwti\b", low) and "price" in families:
        return "wti", "'WTI' with a price per barrel"
    if re.search(r"\brupees?\b", low) and re.search(r"\b(?:dollar|usd)\b", low):
        return "usd_inr", "rupee against the dollar"
    if re.search(r"\b(?:yuan|renminbi)\b", low) and re.search(r"\b(?:dollar|usd)\b", low):
        return "usd_cny", "yuan against the dollar"
    if REVENUE_WORDS.search(sentence) and russia:
        if india and "crea" in low:
            return "russia_revenue_india", "Russia's revenue from India, CREA named"
        if re.search(r"oil and gas|oil-and-gas|budget", low):
            return "russia_oil_gas_revenue", "Russia's oil and gas budget revenue"
    buying = bool(IMPORT_WORDS.search(sentence)) or bool(families & {"flow", "volume", "mass"})
    if india and "share" in families and russia and (SHARE_WORDS.search(sentence) or "%" in sentence):
        return "india_russia_share", "a percentage with India and Russia (share of imports)"
    volume = bool(families & {"flow", "volume", "mass"}) or not families  # no figure: 'lowest', 'fell', ...
    if india and buying and volume:
        for key, names, word in (
            ("india_imports_russia", ("russia",), "Russia"),
            ("india_imports_iraq", ("iraq",), "Iraq"),
            ("india_imports_saudi", ("saudi_arabia",), "Saudi Arabia"),
            ("india_imports_us", ("us", "united_states"), "the US"),
        ):
            if _has(actor_ids, *names):
                return key, f"India with {word} and a volume of oil"
        if re.search(r"\b(?:total|overall|all)\b", low):
            return "india_imports_total", "India's total imports"
    if china and russia and buying and volume:
        return "china_imports_russia", "China with Russia and a volume of oil"
    return None


def series_for(measure: Measure, catalog: pd.DataFrame) -> tuple[str, ...]:
    ids = [str(i) for i in catalog["id"]]
    live_only = set(catalog.loc[catalog.get("origin", pd.Series("", index=catalog.index)) == "live-only", "id"])
    return tuple(
        i
        for i in ids
        if i not in live_only and any(i == p or (p.endswith("_") and i.startswith(p)) for p in measure.prefixes)
    )


def match(sentence: str, actor_ids: set[str], families: set[str], catalog: pd.DataFrame) -> MeasureMatch | None:
    found = identify(sentence, actor_ids, families)
    if found is None:
        return None
    key, why = found
    measure = MEASURES[key]
    series = series_for(measure, catalog)
    if not series:
        return None
    return MeasureMatch(measure, series, f"{why} -> {measure.label} ({len(series)} series, one per provider)")


def to_series_unit(
    quantity, series_unit: str, at: pd.Timestamp | None, measure_key: str, end: pd.Timestamp | None = None
) -> tuple[float, float, str] | None:
    """(low, high, how) of a stated quantity in the series' unit; None when they cannot be compared. A total
    (barrels, tonnes) is spread over the days of the months from `at` to `end` (just at's month without end)."""
    unit = series_unit.lower()
    low, high = quantity.low, quantity.high
    days = None
    if at is not None:
        last = end if end is not None and end >= at else at
        days = int((last.to_period("M").end_time.normalize() - at.to_period("M").start_time).days) + 1
    if "b/d" in unit:
        if quantity.family == "flow":
            return low, high, ""
        if quantity.family == "volume" and days:
            return low / days, high / days, f"{quantity.surface} / {days} days = million b/d"
        if quantity.family == "mass" and days:
            f = BARRELS_PER_TONNE / days
            return low * f, high * f, f"{quantity.surface} x {BARRELS_PER_TONNE} bbl/t / {days} days = million b/d"
        return None
    if "tonnes" in unit:
        return (low, high, "") if quantity.family == "mass" else None
    if unit.startswith("percent"):
        return (low, high, "") if quantity.family == "share" else None
    if "usd/bbl" in unit:
        if quantity.family != "price":
            return None
        if measure_key == "urals_discount":  # a discount is stored as a negative difference to Brent
            return -high, -low, "a discount is stored as a negative difference to Brent"
        return low, high, ""
    if unit.startswith("billion"):
        return (low / 1e9, high / 1e9, "") if quantity.family == "money" else None
    if " per usd" in unit:
        return (low, high, "") if quantity.family in ("money", "count") else None
    return None


EVENT_WORDS = {
    "sanctions": re.compile(r"\bsanction\w*|blacklist\w*", re.I),
    "tariffs": re.compile(r"\btariff\w*|dut(?:y|ies)\b", re.I),
    "aid": re.compile(r"\baid\b", re.I),
    "military": re.compile(r"\b(?:strike\w*|attack\w*|missile\w*|drone\w*|troops)\b", re.I),
    "diplomacy": re.compile(r"\b(?:talks|summit|met|meeting|call|ceasefire|truce|peace)\b", re.I),
    "energy_deal": re.compile(r"\b(?:deal|contract|pact|agreement)\b", re.I),
    "statement": re.compile(r"\b(?:said|says|posted|warned|threaten\w*|announced)\b", re.I),
    "trade": re.compile(r"\b(?:import\w*|export\w*|cargo\w*|bought|purchas\w*)\b", re.I),
}


@dataclass(frozen=True)
class EventMatch:
    event_id: str
    title: str
    date: pd.Timestamp
    category: str
    actors: tuple[str, ...]
    reason: str
    score: int


def event_records(events: pd.DataFrame | None) -> list[dict]:
    """The case's events as plain records with Timestamp dates (made once per scan, not per sentence)."""
    if events is None or events.empty:
        return []
    records = events.to_dict("records")
    for r in records:
        r["date"] = pd.Timestamp(r["date"])
    return records


def match_events(
    sentence: str, periods: list, actor_ids: set[str], events: list[dict], limit: int = 3
) -> list[EventMatch]:
    """Case events (see event_records) near a period of the sentence sharing an actor with it, best first."""
    if not events or not periods:
        return []
    words = {cat for cat, rx in EVENT_WORDS.items() if rx.search(sentence)}
    out = []
    for r in events:
        date = r["date"]
        near = next(
            (p for p in periods if p.start - pd.Timedelta(days=3) <= date <= p.end + pd.Timedelta(days=3)), None
        )
        if near is None:
            continue
        shared = tuple(a for a in (r.get("actors") or []) if a in actor_ids)
        if not shared:
            continue
        score = 2 * len(shared) + (2 if r["category"] in words else 0) + (1 if near.granularity == "day" else 0)
        why = f"dated {date:%d %b %Y} (within {near.label}), shares {', '.join(shared)}"
        if r["category"] in words:
            why += f", and the sentence speaks of {r['category']}"
        out.append(EventMatch(str(r["id"]), str(r["title"]), date, str(r["category"]), shared, why, score))
    return sorted(out, key=lambda e: (-e.score, e.date))[:limit]
