"""How a compiled row's wording becomes a provider key and weak-point flags.

Three places speak: the provider column, the compiler's note and unit (which quote the page's hedges as
'about', 'more than', "range 2.1-2.2; upper recorded", "asterisked in source"), and the page's own words
around the figure (`quote_of_figure`). A hedge in the quote counts only where it stands right before the
figure itself: "fell about 22 per cent to 1.38 million" hedges the 22, not the 1.38.
"""

from __future__ import annotations

import re

from components.point_flags import FLAG_WORDS

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
# weaker sources: copies of another outlet's page (rated as mirror copies, never as the outlet), inferred
# dates, uncertain provider or basis
_CAUTION = (
    "caution",
    "verify",
    "year inferred",
    "year from context",
    "month inferred",
    "mirror",
    "copy of",
    "aggregator copy",
    "reworded",
    "stated usd",
    "des india",
    "provider uncertain",
    "page names",
    "may be shipments",
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


# the compiler's note and unit: hedges quoted from the page ('about'), ranges and footnotes described in words
_NOTE_RANGE = re.compile(r"(?:^|[;,] )range \d|midpoint|upper (?:value )?recorded|lower bound recorded")
_NOTE_APPROX = re.compile(r"\bapprox|'(?:about|around|nearly|almost|roughly|some|approximately|close to)\b")
_NOTE_BOUND = re.compile(r"lower bound|upper bound|'(?:more than|over|at least|up to|as much as|above|top)\b")
_NOTE_FOOTNOTE = re.compile(r"asterisk")
_OTHER_FIGURE = re.compile(r"\brow\b|also gives|conflicts|than existing")
# the page's words right before the figure (a currency sign or word may stand between)
_APPROX_WORDS = r"about|around|approximately|approx\.?|roughly|some|nearly|almost|close to|an estimated|~"
_BOUND_WORDS = r"more than|over|at least|up to|as much as|in excess of|upwards of|above|exceeding|top"
_LEAD = r"(?:\s*(?:\$|us\$|€|£|₹|rs\.?|usd|eur|rub|minus|-))*\s*$"
_BEFORE_APPROX = re.compile(rf"(?:\b(?:{_APPROX_WORDS})|~){_LEAD}", re.I)
_BEFORE_BOUND = re.compile(rf"\b(?:{_BOUND_WORDS}){_LEAD}", re.I)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# a printed range: '2.1-2.2', '$10-$12', '1.2 – 1.4', '1.55 to 1.6', 'between 2.1 and 2.2' (not '1328 -9.0%', a
# table's next column, nor 'from 1.8 to 1.2', a change)
_RANGE = re.compile(
    r"(?<![\d.,])(\d+(?:[.,]\d+)*)(?:(?:-|–|—)|\s(?:-|–|—)\s|\s+to\s+)(?:\$|us\$|€)?(\d+(?:[.,]\d+)*)", re.I
)
_BETWEEN = re.compile(r"between\s+(?:\$|us\$|€)?(\d+(?:[.,]\d+)*)\s+and\s+(?:\$|us\$|€)?(\d+(?:[.,]\d+)*)", re.I)
_FROM = re.compile(r"\bfrom\s*(?:\$|us\$|€)?\s*$", re.I)


def _readings(token: str) -> list[float]:
    """A printed number's possible values: '2,77,000' (Indian grouping) -> 277000; '56,82' -> 5682 or 56.82."""
    out = [float(token.replace(",", ""))]
    if token.count(",") == 1 and "." not in token:
        out.append(float(token.replace(",", ".")))
    return out


def _is_figure(readings: list[float], value: float) -> bool:
    """Whether a printed number is the row's figure at some power of ten ('66,000 bpd' is 0.066 million)."""
    target = abs(value)
    if target == 0:
        return any(r == 0 for r in readings)
    return any(abs(r * 10.0**k - target) <= 1e-6 * target for r in readings for k in range(-9, 10))


def _in_range(quote: str, value: float) -> bool:
    """Whether the figure is one end or the midpoint of a range the quote prints."""
    for pattern in (_RANGE, _BETWEEN):
        for match in pattern.finditer(quote):
            if pattern is _RANGE and _FROM.search(quote[: match.start()]):
                continue
            low, high = _readings(match.group(1)), _readings(match.group(2))
            mids = [(a + b) / 2 for a in low for b in high]
            if _is_figure(low, value) or _is_figure(high, value) or _is_figure(mids, value):
                return True
    return False


def quote_flags(quote: object, value: float) -> set[str]:
    """Flags from the page's own words around the figure: a hedge right before it, a range it is one end or the
    midpoint of, an asterisk on it. Nothing when the figure cannot be found in the quote (the note then speaks)."""
    if not isinstance(quote, str) or not quote.strip():
        return set()
    found = {"range"} if _in_range(quote, value) else set()
    for match in _NUMBER.finditer(quote):
        if not _is_figure(_readings(match.group()), value):
            continue
        before = quote[max(0, match.start() - 40) : match.start()]
        if _BEFORE_APPROX.search(before):
            found.add("approximate")
        elif _BEFORE_BOUND.search(before):
            found.add("bound")
        if quote[match.end() : match.end() + 1] == "*" or before.endswith("*"):
            found.add("footnoted")
    return found


def order_flags(flags: set[str] | list[str]) -> str:
    """Flag names ';'-joined in the one fixed order of components.point_flags."""
    rank = {name: i for i, name in enumerate(FLAG_WORDS)}
    return ";".join(sorted(set(flags), key=lambda f: (rank.get(f.partition(":")[0].strip(), len(rank)), f)))


def flags_for(*texts: object) -> str:
    """The weak-point flags a row's provider wording, note and unit carry, ';'-joined in a fixed order."""
    low = " ".join(str(t) for t in texts if isinstance(t, str)).lower()
    found = set()
    if any(k in low for k in _PARTIAL):
        found.add("partial")
    if any(k in low for k in _PROVISIONAL):
        found.add("provisional")
    if any(k in low for k in _CAUTION):
        found.add("caution")
    if _NOTE_RANGE.search(low):
        found.add("range")
        low = low.replace("lower bound recorded", "")  # the lower end of a printed range, not a bound
    # a hedge the note quotes about another figure ("more precise than the 'more than 107' row") is not this one's
    own = ";".join(part for part in re.split(r"[;,]", low) if not _OTHER_FIGURE.search(part))
    if _NOTE_APPROX.search(own):
        found.add("approximate")
    if _NOTE_BOUND.search(own):
        found.add("bound")
    if _NOTE_FOOTNOTE.search(low):
        found.add("footnoted")
    return order_flags(found)


def provider_unnamed(text: object) -> bool:
    """The page does not say who produced the figure ('(not named)', 'sources not named', blank)."""
    low = str(text).lower() if isinstance(text, str) else ""
    return not low.strip() or "not named" in low or "unnamed" in low


def row_flags(row) -> set[str]:
    """Every wording flag of one compiled row: provider, note and unit, the quote around the figure."""
    found = {f for f in flags_for(row.get("data_provider"), row.get("note"), row.get("unit")).split(";") if f}
    found |= quote_flags(row.get("quote_of_figure"), float(row["value"]))
    if provider_unnamed(row.get("data_provider")):
        found.add("unnamed")
    return found
