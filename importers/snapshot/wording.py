"""How a compiled row's wording becomes a provider key and weak-point flags."""

from __future__ import annotations

PROVIDER_NAMES = {
    "kpler": "Kpler (ship-tracking)",
    "vortexa": "Vortexa (ship-tracking)",
    "reuters": "Reuters (trade/tanker data)",
    "official": "Government of India (DGCI&S/Commerce)",
    "minpromtorg": "Russian Ministry of Industry and Trade",
    "unnamed": "Unnamed provider",
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
