"""What a point's flags mean: the one list of flag names, their words, and how a flag string is read.

A point's `flag` is ';'-joined tokens, each a name or `name: detail` (the detail says what the flag cannot:
`converted: × 7.33 bbl/t ÷ 31 days`, `unit: billion USD`). Rules, the strength module, the sensitivity
control, the charts' hover, the tables and the Methodology page all read flags through this module, so a new
flag is named once. Pure: no streamlit.
"""

from __future__ import annotations

# name -> words shown to users (hover, tables, Methodology); order is the order flags are written in
FLAG_WORDS = {
    "partial": "covers only part of the month",
    "provisional": "provisional, preliminary, an estimate or a forecast",
    "caution": "a weaker source: a mirror copy, an inferred date, an uncertain provider or basis",
    "approximate": "the source words it loosely ('about', 'around', 'nearly', 'roughly')",
    "bound": "the source gives a bound, not a figure ('more than', 'over', 'at least', 'up to')",
    "range": "one value of a range the source printed (its midpoint or one end), not a single figure",
    "footnoted": "the source marks the figure with an asterisk: a footnote qualifies it",
    "unnamed": "the source does not name who produced the figure",
    "converted": "converted by us from the unit the source printed, by the factor named",
    "unit": "kept in the unit the source printed, which is not the series' unit: cited, never drawn on the line",
}
# the flags a reader can choose to leave out ("whether flagged points count"); a point in another unit is never
# on the line, so leaving it out would change nothing
OPTION_FLAGS = tuple(name for name in FLAG_WORDS if name != "unit")
# flags that make a figure weaker than a plain one of the same month: the line takes a plain figure first
WEAK_FLAGS = tuple(name for name in FLAG_WORDS if name not in ("converted", "unit"))
# how much weaker, when a month has only flagged figures: a loosely worded figure is still the month's figure; a
# bound, a range or a weaker source is less; a part of the month or a forecast is not the month's outturn
WEAKNESS = {
    "approximate": 1,
    "footnoted": 1,
    "unnamed": 1,
    "caution": 2,
    "bound": 2,
    "range": 2,
    "partial": 3,
    "provisional": 3,
}


def tokens(flag: object) -> list[tuple[str, str]]:
    """'partial;converted: ÷ 31 days' -> [('partial', ''), ('converted', '÷ 31 days')]; missing -> []."""
    if not isinstance(flag, str):
        return []
    out = []
    for part in flag.split(";"):
        name, _, detail = part.partition(":")
        if name.strip():
            out.append((name.strip(), detail.strip()))
    return out


def names(flag: object) -> set[str]:
    """The flag names a point carries ('converted: × 7.33 bbl/t' counts as 'converted')."""
    return {name for name, _ in tokens(flag)}


def detail(flag: object, name: str) -> str:
    """The detail of one flag ('' when the point does not carry it or it has none)."""
    return next((d for n, d in tokens(flag) if n == name), "")


def is_weak(flag: object) -> bool:
    return bool(names(flag) & set(WEAK_FLAGS))


def weakness(flag: object) -> int:
    """0 for a plain (or only converted) figure, else its weakest flag's rank in WEAKNESS."""
    return max((WEAKNESS.get(name, 0) for name in names(flag)), default=0)


def describe(flag: object) -> str:
    """Each flag in words, for a hover or a table cell: 'approximate (the source words it loosely ...)'."""
    parts = []
    for name, extra in tokens(flag):
        words = FLAG_WORDS.get(name, "")
        if name == "converted" and extra:
            parts.append(f"converted by us: {extra}")
        elif name == "unit" and extra:
            parts.append(f"in the source's own unit ({extra}): cited, not drawn on the line")
        else:
            parts.append(f"{name} ({words})" if words else name)
    return "; ".join(parts)


def methodology_text() -> str:
    """The flags section of the Methodology page."""
    rows = "\n".join(f"- **{name}**: {words}" for name, words in FLAG_WORDS.items())
    return (
        "Every figure copied from a news page keeps what its source says. The importer reads each source row's "
        "unit, its wording and the compiler's note, and flags the point:\n\n"
        + rows
        + "\n\nA figure in another currency or unit is converted only by a stated factor (the flag names it: "
        "million barrels in a month ÷ the days in the month; million tonnes × 7.33 barrels per tonne ÷ the days); "
        "otherwise it is kept in its own unit as a cited alternative and never drawn. A row whose unit cannot be "
        "reconciled with its series is refused by the importer. Prices and discounts on different delivery bases "
        "(FOB a Russian port, delivered to India) are different series. Where one provider has several figures "
        "for a month, the line takes a figure without any of these flags first (converted figures count as "
        "plain), then a loosely worded or footnoted one, then a bound, a range or a weaker source, and a "
        "part-month figure or a forecast last. Flagged figures count toward evidence strength, and the "
        "'flagged figures left out' control decides which of them a verdict uses."
    )
