"""Dates and periods a sentence refers to ('in December', 'March 7, 2025', 'since 2022', 'this month',
'the first quarter of 2025', 'H2 2025', 'early 2025').

dateparser reads the dates, relative to the article's publication date (so 'in December' in a November 2025
report is December 2025); its own answer says whether a day, a month or a year was meant, and each becomes a
period (start, end). dateparser has no notion of quarters, halves or parts of a year (it reads 'Q1 2025' as
the year), so those are read here first, each as a range of whole months with the reason, and the year inside
them is not read again. A cheap check skips sentences with no date-like word, so dateparser only sees the few
that may hold one.
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
_MONTH_WORD = re.compile(_MONTH_NAMES)
_RANGE_WORD = re.compile(r"\b(?:quarter|half|early|mid|late)\b|\b[1-4]?[QH][1-4]?\b|\b[QH][1-4]|[1-4][QH]", re.I)
MAX_PERIODS = 6


@dataclass(frozen=True)
class Period:
    surface: str
    start: pd.Timestamp
    end: pd.Timestamp
    granularity: str  # 'day' | 'month' | 'months' (a range of whole months) | 'year'
    reason: str = ""  # how the words were read, shown beside the period

    @property
    def label(self) -> str:
        if self.granularity == "day":
            return f"{self.start:%d %b %Y}"
        if self.granularity == "month":
            return f"{self.start:%b %Y}"
        if self.granularity == "months":
            return f"{self.start:%b}–{self.end:%b %Y}"
        return f"{self.start:%Y}"

    @property
    def months(self) -> int:
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1


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


def _period(start: pd.Timestamp, granularity: str, surface: str, reason: str = "") -> Period:
    if granularity == "year":
        s = pd.Timestamp(year=start.year, month=1, day=1)
        return Period(surface, s, pd.Timestamp(year=start.year, month=12, day=31), "year", reason)
    if granularity == "month":
        s = pd.Timestamp(year=start.year, month=start.month, day=1)
        last = calendar.monthrange(start.year, start.month)[1]
        return Period(surface, s, pd.Timestamp(year=start.year, month=start.month, day=last), "month", reason)
    return Period(surface, start.normalize(), start.normalize(), "day", reason)


def month_range(year: int, first: int, last: int, surface: str, reason: str) -> Period:
    """Whole months first..last of a year (1-12), first day to last day."""
    end = pd.Timestamp(year=year, month=last, day=calendar.monthrange(year, last)[1])
    return Period(surface, pd.Timestamp(year=year, month=first, day=1), end, "months", reason)


_ORDINAL = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 0}
_YEAR = r"(?:of\s+)?(?:(?P<year>(?:19|20)\d\d)|(?P<rel>this|last|next)\s+year)"
# 'the first quarter of 2025', 'the second half of this year', 'Q1 2025', "Q3'25", '1Q25', 'H2 2025', '2H 2025',
# 'early 2025', 'mid-2025', 'late 2025'. An abbreviation needs its year ('H2' alone may be hydrogen); words
# without a year take the year of the article.
_RANGE = re.compile(
    r"\b(?:the\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final)\s+(?P<unit>quarter|half)\b"
    rf"(?:\s+{_YEAR})?"
    r"|\b(?:(?P<qh>[QH])(?P<qn>[1-4])|(?P<nq>[1-4])(?P<qh2>[QH]))\s*(?:of\s+)?[’']?(?P<ayear>(?:19|20)\d\d|\d\d)\b"
    r"|\b(?P<part>early|mid|late)[- ](?P<pyear>(?:19|20)\d\d)\b",
    re.I,
)
# Thirds of a year for 'early', 'mid' and 'late': a reading, said in the period's reason.
_PARTS = {"early": (1, 4, "January to April"), "mid": (5, 8, "May to August"), "late": (9, 12, "September to December")}


def _year_of(m: re.Match, base: pd.Timestamp) -> tuple[int, str]:
    """The year a range phrase names, and where it came from."""
    for group in ("year", "ayear", "pyear"):
        if m.group(group):
            y = int(m.group(group))
            return (2000 + y if y < 100 else y), ""
    if m.group("rel"):
        step = {"this": 0, "last": -1, "next": 1}[m.group("rel").lower()]
        return base.year + step, f"; '{m.group('rel')} year' from the article date ({base:%d %b %Y})"
    return base.year, f"; no year given: the year of the article ({base.year})"


def _ranges(sentence: str, base: pd.Timestamp) -> list[tuple[tuple[int, int], Period]]:
    """Quarters, halves and parts of a year as month ranges, with their spans in the sentence."""
    out = []
    for m in _RANGE.finditer(sentence):
        year, where = _year_of(m, base)
        surface = m.group(0).strip()
        if m.group("part"):
            first, last, months = _PARTS[m.group("part").lower()]
            p = month_range(year, first, last, surface, f"'{surface}' read as {months} {year}{where}")
        else:
            kind = (m.group("unit") or m.group("qh") or m.group("qh2")).lower()[0]  # 'q' | 'h'
            number = (
                _ORDINAL.get((m.group("ord") or "").lower()) if m.group("ord") else int(m.group("qn") or m.group("nq"))
            )
            size, count = (3, 4) if kind == "q" else (6, 2)
            number = number or count  # 'the final quarter' = the fourth
            if number > count:
                continue  # 'the third half' is not a period
            first = (number - 1) * size + 1
            name = ("quarter", "Q") if kind == "q" else ("half", "H")
            p = month_range(
                year,
                first,
                first + size - 1,
                surface,
                f"'{surface}' read as {name[1]}{number} {year}: {calendar.month_name[first]} to "
                f"{calendar.month_name[first + size - 1]} (a {name[0]} of the year){where}",
            )
        out.append((m.span(), p))
    return out


def _relative(sentence: str, base: pd.Timestamp) -> list[tuple[int, Period]]:
    """'this month', 'last year', 'next month' relative to the publication date (dateparser's search skips them),
    with where each starts in the sentence."""
    out = []
    for m in _RELATIVE.finditer(sentence):
        step = {"this": 0, "last": -1, "next": 1}[m.group(1).lower()]
        why = f"'{m.group(0)}' from the article date ({base:%d %b %Y})"
        if m.group(2).lower() == "month":
            start = base.replace(day=1) + pd.DateOffset(months=step)
            out.append((m.start(), _period(start, "month", m.group(0), why)))
        else:
            out.append(
                (m.start(), _period(pd.Timestamp(year=base.year + step, month=1, day=1), "year", m.group(0), why))
            )
    return out


def _drop_covered_years(periods: list[Period]) -> list[Period]:
    """'January and November 2025' also yields the year 2025, 'the first half of this year' this year: keep the
    months, drop the year."""
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
    """Periods of one sentence, in the order the sentence names them, without repeats. Quarters, halves and
    parts of a year are read first (see _ranges); the other phrases are located by pattern (month names,
    years, ISO dates) and dateparser reads each one, relative to the publication date, and says whether it
    names a day, a month or a year."""
    base_ts = published if published is not None else pd.Timestamp.today().normalize()
    ranges = _ranges(sentence, base_ts) if _RANGE_WORD.search(sentence) else []
    found: list[tuple[int, Period]] = [(span[0], p) for span, p in ranges]
    found += [(pos, p) for pos, p in _relative(sentence, base_ts) if not _inside(pos, pos + 1, ranges)]
    if _DATEY.search(sentence):
        for m in _PHRASE.finditer(sentence):
            if _inside(m.start(), m.end(), ranges):
                continue  # the year of 'Q1 2025' is part of the quarter, not a period of its own
            phrase = m.group(0).strip(" ,.")
            read = _read(phrase, base_ts)
            if read is not None:
                found.append((m.start(), _period(read[0], read[1], phrase, _why(phrase, read[1], base_ts))))
            if len(found) >= MAX_PERIODS:
                break
    out: list[Period] = []
    for _, p in sorted(found, key=lambda pair: pair[0]):
        if all((p.start, p.end, p.granularity) != (o.start, o.end, o.granularity) for o in out):
            out.append(p)
    return _drop_covered_years(out)[:MAX_PERIODS]


def _inside(start: int, end: int, ranges: list[tuple[tuple[int, int], Period]]) -> bool:
    return any(start < y and x < end for (x, y), _ in ranges)


def _why(phrase: str, granularity: str, base: pd.Timestamp) -> str:
    """The reason beside a date dateparser read; a month or day without its year says which year it took."""
    why = f"dateparser: '{phrase}' names a {granularity}"
    if granularity != "year" and not re.search(r"\b(?:19|20)\d\d\b", phrase) and _MONTH_WORD.search(phrase):
        why += f"; no year given: read against the article date ({base:%d %b %Y})"
    return why


def dated(sentence: str) -> bool:
    """A cheap look: may the sentence hold a date or a period?"""
    return bool(_DATEY.search(sentence) or _RELATIVE.search(sentence) or _RANGE_WORD.search(sentence))


def spans(sentence: str) -> list[tuple[int, int]]:
    """Character spans of the date phrases of a sentence (their numbers are not figures)."""
    out = [m.span() for m in _RANGE.finditer(sentence)] if _RANGE_WORD.search(sentence) else []
    return out + ([m.span() for m in _PHRASE.finditer(sentence)] if _DATEY.search(sentence) else [])


def find(sentences: list[str], published: pd.Timestamp | None = None) -> list[list[Period]]:
    return [parse(s, published) for s in sentences]
