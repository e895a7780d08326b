"""One vocabulary for what the pages show: palettes, human names, the escape function, date coercion.

Pure (no streamlit). Every chart, badge, legend and notice takes its colours and names from here, so the same
event category or verdict never changes colour between pages, and every user- or URL-supplied string passes
through `safe_text` before it reaches markdown or HTML.
"""

from __future__ import annotations

import html
import numbers
import re
from typing import Any

import pandas as pd

# ------------------------------------------------------------------------------------------- palettes
# Verdicts: the colour says how the claim fared. `VERDICT_BADGE` is the Streamlit colour name used in
# `:color-badge[...]`, `VERDICT_HEX` the same colour for plotly.
VERDICT_BADGE = {
    "supported": "green",
    "happened": "green",
    "contradicted": "red",
    "did not happen": "red",
    "mixed": "orange",
    "partly": "orange",
    "no clear change": "gray",
    "not in the case record": "gray",
    "pending": "blue",
    "too early": "blue",
    "not testable": "gray",
    "no data": "gray",
}
BADGE_HEX = {"green": "#2e7d32", "red": "#c62828", "orange": "#ef6c00", "blue": "#1565c0", "gray": "#757575"}
VERDICT_HEX = {status: BADGE_HEX[name] for status, name in VERDICT_BADGE.items()}

# Event categories: one colour each, the same on every chart and card. Chosen apart from the verdict colours
# (no red, green, orange, blue or grey marker that could be read as a verdict) and from the provider colours;
# tests/test_palette.py holds every pair of colours with different meanings a minimum perceptual distance apart.
EVENT_CATEGORY_COLORS = {
    "sanctions": "#e0167b",
    "tariffs": "#bfbf13",
    "aid": "#13bfbf",
    "military": "#80590d",
    "diplomacy": "#7baee0",
    "energy_deal": "#5438e0",
    "trade": "#bfb169",
    "statement": "#e07bbf",
}
EVENT_CATEGORY_LABELS = {
    "sanctions": "Sanctions",
    "tariffs": "Tariffs",
    "aid": "Aid",
    "military": "Military",
    "diplomacy": "Diplomacy",
    "energy_deal": "Energy deal",
    "trade": "Trade",
    "statement": "Statement",
}
UNKNOWN_HEX = "#b0b0b0"  # an event whose category the palette does not know
EVENT_GROUP_HEX = "#212121"  # a marker grouping events of several categories (and the legend's neutral entry)

# Data providers: a provider keeps its colour wherever its line is drawn (trade flows, claim cards), so Kpler
# is the same colour against Vortexa on every chart. Keys are the provider words ending a series id.
PROVIDER_COLORS = {
    "kpler": "#13bf86",
    "vortexa": "#7e3f9e",
    "reuters": "#e09d16",
    "official": "#206080",
    "gacc": "#9e3f5f",
    "minpromtorg": "#80800d",
    "eia": "#165ae0",
    "ecb": "#338066",
    "fred": "#bf6030",
    "minfin": "#805046",
    "minek": "#bf30a7",
    "argus": "#e08c7b",
    "crea": "#86bf4d",
    "iea": "#13bf13",
    "yahoo": "#e016e0",
}
_PROVIDER_ALIASES = {"dgcis": "official"}  # India's DGCI&S is the official series' publisher


def provider_color(series_id: Any) -> str | None:
    """The colour of the provider a series id names ('india_imports_russia_kpler' -> Kpler's), None when the id
    names no provider in the palette (the chart's colour cycle then picks one)."""
    for word in reversed(str(series_id).lower().split("_")):
        word = _PROVIDER_ALIASES.get(word, word)
        if word in PROVIDER_COLORS:
            return PROVIDER_COLORS[word]
    return None


def event_color(category: Any) -> str:
    return EVENT_CATEGORY_COLORS.get(str(category), UNKNOWN_HEX)


def event_label(category: Any) -> str:
    return EVENT_CATEGORY_LABELS.get(str(category), human(category))


def event_key_html(categories: Any, grouped: bool = False) -> str:
    """A one-line colour key for event markers: a coloured triangle and the human name of each category, in
    palette order, and with `grouped` what a numbered marker means (HTML of our own words only, for st.html)."""
    present = set(map(str, categories))
    items = [c for c in EVENT_CATEGORY_COLORS if c in present] + sorted(present - set(EVENT_CATEGORY_COLORS))
    spans = [
        f'<span style="white-space:nowrap;margin-right:0.9em"><span style="color:{event_color(c)}">&#9660;</span> '
        f"{safe_text(event_label(c), markup='html')}</span>"
        for c in items
    ]
    if grouped:
        spans.append(
            # a sentence, not a name: it may wrap (kept on one line it pushed a phone's page sideways)
            f'<span><span style="color:{EVENT_GROUP_HEX}">&#11044;</span> numbered: events'
            " close together at the shown range, grouped into one marker (hover it for the list)</span>"
        )
    return (
        '<div style="font-size:0.8rem;opacity:0.85;line-height:1.6">Event markers, along the top of each chart: '
        + " ".join(spans)
        + "</div>"
    )


def verdict_badge(status: str) -> str:
    """Streamlit markdown badge for a verdict status."""
    return f":{VERDICT_BADGE.get(status, 'gray')}-badge[{safe_text(status)}]"


# -------------------------------------------------------------------------------------------- words
def human(word: Any) -> str:
    """'energy_deal' -> 'Energy deal': a snake_case word as a reader would write it ('' for missing values)."""
    if is_missing(word):
        return ""
    text = str(word).replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def is_missing(value: Any) -> bool:
    """None, NaN, NaT and pd.NA are all 'no value' (never shown as 'None' or 'nan')."""
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # lists and other containers are values
        return False


# ----------------------------------------------------------------------------------------- escaping
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&])")
# GFM turns bare URLs and e-mail addresses into links even when every punctuation mark is escaped; an invisible
# word joiner after the scheme, the 'www' and the '@' keeps them plain text
_AUTOLINK = re.compile(r"(?i)(\b(?:https?|ftp|mailto|xmpp)(?=\\:)|\bwww(?=\\\.)|@)")
_WORD_JOINER = "\u2060"


def safe_text(value: Any, *, markup: str = "markdown", max_len: int | None = None) -> str:
    """The one escape for text that did not come from the project's own code (URL values, uploads, pasted
    text, case and source files, cached metadata).

    markup="markdown" (st.markdown, st.caption, st.info, widget labels, table cells): one line, and every
    markdown punctuation mark and Streamlit directive character ($, :, [) backslash-escaped, so no image,
    link, colour, maths or table cell can come from the value. markup="html" (pyvis tooltips, plotly hover
    text): HTML entities, and plotly's `%{...}` template opener broken. Missing values become ''. `max_len`
    cuts long values with '…' (before escaping, so an escape is never cut in half)."""
    if markup not in ("markdown", "html"):
        raise ValueError(f"unknown markup {markup!r}")
    if is_missing(value):
        return ""
    text = " ".join(str(value).split()) if markup == "markdown" else str(value)
    if max_len is not None and len(text) > max_len:
        text = text[: max(0, max_len - 1)] + "…"
    if markup == "markdown":
        return _AUTOLINK.sub(lambda m: m.group(1) + _WORD_JOINER, _MD_SPECIAL.sub(r"\\\1", text))
    return html.escape(text, quote=True).replace("%{", "%\u200b{")


# -------------------------------------------------------------------------------------------- dates
def to_timestamp(value: Any) -> pd.Timestamp | None:
    """A tz-naive day (midnight) from a date, datetime, Timestamp or ISO text; None for missing or unreadable.

    A bare number is not a date (pandas would read 20250307 as nanoseconds after 1970)."""
    if is_missing(value) or (isinstance(value, str) and not value.strip()) or isinstance(value, numbers.Number):
        return None
    try:
        ts = pd.Timestamp(value)
    except (ValueError, TypeError, OverflowError):
        return None
    if pd.isna(ts):
        return None
    if ts.tzinfo is not None:
        ts = ts.tz_localize(None)
    return ts.normalize()


def format_date(value: Any, fmt: str = "%d %b %Y") -> str:
    """'07 Mar 2025' for a date, '' for a missing one (never 'NaT')."""
    ts = to_timestamp(value)
    return "" if ts is None else ts.strftime(fmt)
