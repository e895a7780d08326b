"""Dates and periods a sentence refers to ('in December', 'March 7, 2025', 'since 2022', 'this month').

dateparser reads the expressions, relative to the article's publication date (so 'in December'
in a November 2025 report is December 2025); its own answer says whether a day, a month or a year was
meant, and each becomes a period (start, end). A cheap check skips sentences with no date-like word, so
dateparser only sees the few that may hold one.
"""

from __future__ import annotations

import calendar
import re
import warnings
from dataclasses import dataclass
from datetime import datetime

import pandas as pd

MONTHS = [m for m in calendar.month_name if m] + [m for m in calendar.month_abbr if m] + ["Sept"]
_MONTH_NAMES = r"\b(?:" + "|".join(MONTHS) + r")\b"  # capitalised only: 'may' is a verb
_RELATIVE = re.compile(r"\b(this|last|next) (month|year)\b", re.I)
_DATEY = re.compile(_MONTH_NAMES + r"|\b(?:19|20)\d\d\b|\b\d{4}-\d\d-\d\d\b|\b(?:today|yesterday|tomorrow)\b")
MAX_PERIODS = 6


@dataclass(frozen=True)
class Period:
    surface: str
    start: pd.Timestamp
    end: pd.Timestamp
    granularity: str  # 'day' | 'month' | 'year'

    @property
    def label(self) -> str:
        if self.granularity == "day":
            return f"{self.start:%d %b %Y}"
        if self.granularity == "month":
            return f"{self.start:%b %Y}"
        return f"{self.start:%Y}"


_reader_cache: dict = {}


def _tools(base: datetime):
    """dateparser's reader for one publication date (kept for a few dates: building one costs ~1 ms)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from dateparser.date import DateDataParser  # noqa: PLC0415 - imported on first use
    settings = {
        "RELATIVE_BASE": base,
        "PREFER_DATES_FROM": "current_period",
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    key = base.date()
    if key not in _reader_cache:
        if len(_reader_cache) > 32:
            _reader_cache.clear()
        _reader_cache[key] = DateDataParser(languages=["en"], settings=settings)
    return _reader_cache[key]


def warm_up() -> None:
    find(["In March 2025 and on 7 March 2025."], pd.Timestamp("2025-03-08"))


def _period(start: pd.Timestamp, granularity: str, surface: str) -> Period:
    if granularity == "year":
        s = pd.Timestamp(year=start.year, month=1, day=1)
        return Period(surface, s, pd.Timestamp(year=start.year, month=12, day=31), "year")
    if granularity == "month":
        s = pd.Timestamp(year=start.year, month=start.month, day=1)
        last = calendar.monthrange(start.year, start.month)[1]
        return Period(surface, s, pd.Timestamp(year=start.year, month=start.month, day=last), "month")
    return Period(surface, start.normalize(), start.normalize(), "day")


def _relative(sentence: str, base: pd.Timestamp) -> list[Period]:
    """'this month', 'last year', 'next month' relative to the publication date (dateparser's search skips them)."""
    out = []
    for m in _RELATIVE.finditer(sentence):
        step = {"this": 0, "last": -1, "next": 1}[m.group(1).lower()]
        if m.group(2).lower() == "month":
            out.append(_period(base.replace(day=1) + pd.DateOffset(months=step), "month", m.group(0)))
        else:
            out.append(_period(pd.Timestamp(year=base.year + step, month=1, day=1), "year", m.group(0)))
    return out


def _drop_covered_years(periods: list[Period]) -> list[Period]:
    """'January and November 2025' also yields the year 2025: keep the months, drop the year."""
    finer = {p.start.year for p in periods if p.granularity != "year"}
    return [p for p in periods if p.granularity != "year" or p.start.year not in finer]


_PHRASE = re.compile(
    r"(?:\b\d{1,2}(?:st|nd|rd|th)?\s+)?"
    + _MONTH_NAMES
    + r"\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?\b)?(?:,?\s+(?:19|20)\d\d\b)?"
    r"|\b\d{4}-\d\d-\d\d\b|\b(?:19|20)\d\d\b(?![.,]\d|\d|%)|\b(?:today|yesterday|tomorrow)\b"
)


_read_cache: dict[tuple[str, pd.Timestamp], tuple[pd.Timestamp, str] | None] = {}
MAX_CACHED_PHRASES = 4096


def _read(phrase: str, base: pd.Timestamp) -> tuple[pd.Timestamp, str] | None:
    """(date, 'day'|'month'|'year') as dateparser reads the phrase; the same phrase and base read once."""
    key = (phrase, base)
    if key not in _read_cache:
        if len(_read_cache) >= MAX_CACHED_PHRASES:
            _read_cache.clear()
        try:
            data = _tools(base.to_pydatetime()).get_date_data(phrase)
        except Exception:  # noqa: BLE001 - one unreadable phrase must not stop the others
            data = None
        if data is None or data.date_obj is None:
            _read_cache[key] = None
        else:
            granularity = data.period if data.period in ("day", "month", "year") else "day"
            _read_cache[key] = (pd.Timestamp(data.date_obj), granularity)
    return _read_cache[key]


def parse(sentence: str, published: pd.Timestamp | None = None) -> list[Period]:
    """Periods of one sentence, in order, without repeats. The phrases are located by pattern (month names,
    years, ISO dates); dateparser reads each one, relative to the publication date, and says whether it
    names a day, a month or a year."""
    base_ts = published if published is not None else pd.Timestamp.today().normalize()
    out: list[Period] = _relative(sentence, base_ts)
    if not _DATEY.search(sentence):
        return out
    for m in _PHRASE.finditer(sentence):
        phrase = m.group(0).strip(" ,.")
        read = _read(phrase, base_ts)
        if read is None:
            continue
        p = _period(read[0], read[1], phrase)
        if all((p.start, p.granularity) != (o.start, o.granularity) for o in out):
            out.append(p)
        if len(out) >= MAX_PERIODS:
            break
    return _drop_covered_years(out)


def spans(sentence: str) -> list[tuple[int, int]]:
    """Character spans of the date phrases of a sentence (their numbers are not figures)."""
    return [m.span() for m in _PHRASE.finditer(sentence)] if _DATEY.search(sentence) else []


def find(sentences: list[str], published: pd.Timestamp | None = None) -> list[list[Period]]:
    return [parse(s, published) for s in sentences]
