"""Figures stated in a sentence: value (or range), unit family, qualifier ('about', 'more than', ...).

quantulum3 does the parsing (numbers written as words or digits, 'million', ranges, units). Before it
sees the sentence, the oil trade's own abbreviations are spelled out (quantulum3 reads 'mb/d' as millibarns
per day and 'bpd' as base pairs), and after it answers, each quantity is put in the unit family our series
use (million b/d, million tonnes, percent, USD/bbl, currency amounts). quantulum3 is imported on first use:
its dependency inflect takes a few seconds to import, so pages call `warm_up()` in a background thread.
"""

from __future__ import annotations

import re
import threading
import warnings
from dataclasses import dataclass

from components.claimscan import periods

_UNIT_WORDS = [
    (
        re.compile(r"\b(?:mb/d|mbd|mbpd|mn b/d|mln b/d|million b/d|million bpd|mmbpd)(?![\w/])", re.I),
        "million barrels per day",
    ),
    (re.compile(r"\b(?:bpd|b/d|bbl/d|bbl per day)(?![\w/])", re.I), "barrels per day"),
    (re.compile(r"\bbarrels? a day\b", re.I), "barrels per day"),
    (re.compile(r"\b(?:mmt|mln t|mn t)\b"), "million tonnes"),
    (re.compile(r"(?<=\d) ?Mt\b"), " million tonnes"),
    (re.compile(r"\bper ?cent\b", re.I), "percent"),
    (re.compile(r"\bbbl\b", re.I), "barrel"),
]
QUALIFIERS = [
    (
        "about",
        re.compile(r"\b(?:about|around|roughly|some|nearly|almost|approximately|close to|an estimated|~)\s*$", re.I),
    ),
    ("at_least", re.compile(r"\b(?:more than|over|above|at least|upwards of|exceeding|in excess of)\s*$", re.I)),
    ("at_most", re.compile(r"\b(?:less than|under|below|at most|up to|fewer than)\s*$", re.I)),
]
MAX_QUANTITIES = 12  # per sentence: a list of hundreds of figures is not one claim


@dataclass(frozen=True)
class Quantity:
    surface: str  # the words as written (after spelling out abbreviations)
    value: float  # in `unit`
    low: float
    high: float
    unit: str  # 'million b/d' | 'million barrels' | 'million tonnes' | 'percent' | 'USD/bbl' | 'USD' | 'RUB' | ...
    family: str  # 'flow' | 'volume' | 'mass' | 'share' | 'price' | 'money' | 'count' | 'other'
    qualifier: str  # 'exact' | 'about' | 'at_least' | 'at_most' | 'range'
    parsed_as: str  # quantulum3's unit name, shown as the reason


_parser = None
_lock = threading.Lock()


def _quantulum():
    global _parser
    if _parser is None:
        with _lock:
            if _parser is None:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")  # "classifier dependencies not installed": not needed
                    from quantulum3 import parser  # noqa: PLC0415 - slow import, on first use only

                    parser.parse("warm up 1.5 million barrels per day and 5%")
                _parser = parser
    return _parser


def warm_up() -> None:
    """Import and exercise quantulum3 (a few seconds, once per process); safe to call from a thread."""
    _quantulum()


_THOUSANDS = re.compile(
    r"(\d[\d,]*(?:\.\d+)?)\s*(?:kb/d|kbd|kbpd|thousand b/d|thousand bpd|thousand barrels per day)(?![\w/])", re.I
)


def _thousands(match: re.Match) -> str:
    """'900 kb/d' -> '900,000 barrels per day' (quantulum3 leaves 'thousand barrels per day' without a unit)."""
    try:
        value = float(match.group(1).replace(",", "")) * 1000
    except ValueError:
        return match.group(0)
    return f"{value:,.0f} barrels per day"


def spell_out(sentence: str) -> str:
    sentence = _THOUSANDS.sub(_thousands, sentence)
    for rx, words in _UNIT_WORDS:
        sentence = rx.sub(words, sentence)
    return sentence


def _family(name: str, entity: str) -> tuple[str, str, float]:
    """(our unit, family, factor from quantulum3's value to our unit)."""
    n = name.lower()
    if n == "barrel per day":
        return "million b/d", "flow", 1e-6
    if n == "barrel":
        return "million barrels", "volume", 1e-6
    if n in ("tonne", "metric ton", "ton"):
        return "million tonnes", "mass", 1e-6
    if n == "percentage":
        return "percent", "share", 1.0
    if "per barrel" in n and "dollar" in n:
        return "USD/bbl", "price", 1.0
    if entity == "currency" or n in (
        "dollar",
        "united states dollar",
        "euro",
        "russian ruble",
        "indian rupee",
        "renminbi",
    ):
        code = {"dollar": "USD", "united states dollar": "USD", "euro": "EUR", "russian ruble": "RUB"}.get(n, n)
        code = {"indian rupee": "INR", "renminbi": "CNY", "chinese yuan": "CNY"}.get(n, code)
        return code, "money", 1.0
    if n == "dimensionless":
        return "", "count", 1.0
    return name, "other", 1.0


def _qualifier(prefix: str, uncertainty) -> str:
    if uncertainty:
        return "range"
    for label, rx in QUALIFIERS:
        if rx.search(prefix[-30:]):
            return label
    return "exact"


_NUMBER_AT = re.compile(
    r"(?<![A-Za-z\d])[$€£₹¥]?\d[\d,.]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|hundred|"
    r"thousand|million|billion|half|double)\b",
    re.I,
)
WINDOW_BEFORE, WINDOW_AFTER = 16, 36
MAX_WINDOWS = 6  # per sentence
_YEAR_OR_DAY = re.compile(r"^(?:(?:19|20)\d\d|\d{1,2}(?:st|nd|rd|th)?)$")


def windows(text: str, skip: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Stretches of text around each number, merged: quantulum3 reads a 50-character window about three times
    faster than a 200-character sentence, and a figure's unit sits right after it. Numbers inside `skip`
    (the sentence's date phrases) and digits glued to letters ('Name00042') are not figures."""
    skip = skip or []
    spans: list[tuple[int, int]] = []
    for m in _NUMBER_AT.finditer(text):
        if any(a <= m.start() < b for a, b in skip):
            continue
        if _YEAR_OR_DAY.match(m.group(0).rstrip(".,")) and not re.match(
            r"\s*(?:%|per|million|billion|barrels|tonnes)", text[m.end() : m.end() + 10]
        ):
            continue
        if len(spans) >= MAX_WINDOWS:
            break
        a, b = max(0, m.start() - WINDOW_BEFORE), min(len(text), m.end() + WINDOW_AFTER)
        while a > 0 and not text[a - 1].isspace():
            a -= 1
        while b < len(text) and not text[b].isspace():
            b += 1
        # a date phrase next to the figure is not its unit ('1.8 mb/d in Q1' is not 'per inch per quintal')
        a = max([a, *(y for x, y in skip if y <= m.start())])
        b = min([b, *(x for x, y in skip if x >= m.end())])
        if spans and a <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(b, spans[-1][1]))
        else:
            spans.append((a, b))
    return spans


def _parse_window(text: str, start: int, end: int) -> list:
    try:
        found = _quantulum().parse(text[start:end])
    except Exception:  # noqa: BLE001 - a parser failure on one window must not stop the others
        return []
    return [(q, start + q.span[0]) for q in found]


def parse(sentence: str, skip: list[tuple[int, int]] | None = None) -> list[Quantity]:
    """Every figure of the sentence in our units; dates and years are not figures (see periods)."""
    text = spell_out(sentence)
    if skip and text != sentence:  # spans of the original sentence no longer line up once units were spelled out
        skip = periods.spans(text)
    found = [hit for a, b in windows(text, skip) for hit in _parse_window(text, a, b)]
    out: list[Quantity] = []
    for q, at in found:
        name, entity = q.unit.name, q.unit.entity.name
        if name == "dimensionless" and re.fullmatch(r"(?:19|20)\d\d", q.surface.strip()):
            continue  # a year
        if entity == "time" and name in ("day", "month", "year", "week"):
            continue  # 'a day' after 'barrels' is part of the flow unit
        unit, family, factor = _family(name, entity)
        unc = float(q.uncertainty or 0)
        value = float(q.value) * factor
        low, high = (float(q.value) - unc) * factor, (float(q.value) + unc) * factor
        out.append(
            Quantity(
                surface=q.surface,
                value=round(value, 6),
                low=round(low, 6),
                high=round(high, 6),
                unit=unit,
                family=family,
                qualifier=_qualifier(text[:at], unc),
                parsed_as=name,
            )
        )
        if len(out) >= MAX_QUANTITIES:
            break
    return out
