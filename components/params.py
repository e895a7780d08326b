"""Pure query-parameter parsing and validation (no streamlit).

The URL is the state a user shares, so anything in it may be stale, hand-edited or hostile.
Every parser here takes the raw value (``None`` when absent, a ``str``, or a list of ``str`` as
``st.query_params.get_all`` returns) and gives back ``(value, notice)``: ``notice`` is ``None``
when the value was absent or valid, else one short sentence saying what was ignored and what
default is used instead. No parser raises on user input.

Each ``parse_*`` has a ``format_*`` twin that writes the value back in the form the parser reads,
so ``parse(format(v)) == v`` (tested) and a copied URL reproduces the view.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd


def _to_timestamp(value: Any) -> pd.Timestamp | None:
    """style.to_timestamp, the one date coercion, imported on first use: with it comes pandas (some 0.3 s),
    and the server imports this module, through the page registry, before it listens (app.py, preload.py)."""
    from components.style import to_timestamp

    return to_timestamp(value)


MAX_RAW_LEN = 2000  # longer values are treated as tampering, not parsed
MULTI_SEP = ","
EMPTY_TOKEN = "none"  # an explicitly empty selection in the URL (an absent parameter means "default")
RANGE_SEP = ".."

_INT = re.compile(r"-?[0-9]{1,12}")  # ASCII digits only: str.isdigit() also accepts '²', which int() rejects
_TRUE = {"1", "true", "yes", "on", "y", "t"}
_FALSE = {"0", "false", "no", "off", "n", "f"}


def _raw_str(raw: Any) -> str | None:
    """Normalise a raw query value to one stripped string (last value wins, as in st.query_params)."""
    if raw is None:
        return None
    if isinstance(raw, (list, tuple)):
        if not raw:
            return None
        raw = raw[-1]
    if not isinstance(raw, str):
        raw = str(raw)
    return raw.strip()


def _show(raw: Any) -> str:
    """Short, safe rendering of a raw value inside a notice (no markdown surprises, bounded length)."""
    s = _raw_str(raw) or ""
    s = s.replace("`", "'").replace("\n", " ")
    return s if len(s) <= 40 else s[:37] + "..."


class Notice(str):
    """A notice sentence that keeps the URL-supplied parts apart from our own words, so that the one escape
    (components.style.safe_text, applied by ui.show_notices) reaches exactly what came from the URL. As a str it
    reads as the whole sentence."""

    template: str
    values: tuple[str, ...]

    def __new__(cls, template: str, *values: str) -> Notice:
        obj = super().__new__(cls, template.format(*values))
        obj.template, obj.values = template, values
        return obj

    def render(self, escape: Any) -> str:
        """The sentence with each URL-supplied part passed through `escape`."""
        return self.template.format(*(escape(v) for v in self.values))


def _ours(text: str) -> str:
    """Our own words inside a Notice template (braces kept literal)."""
    return text.replace("{", "{{").replace("}", "}}")


def _notice(name: str, raw: Any, why: str, default_text: str) -> Notice:
    return Notice(
        _ours(f"Ignored URL parameter {name}='") + "{}" + _ours(f"' ({why}); using {default_text}."), _show(raw)
    )


# --------------------------------------------------------------------------------------------- dates
def parse_date(
    raw: Any, default: Any, *, min_date: Any = None, max_date: Any = None, name: str = "date"
) -> tuple[pd.Timestamp, str | None]:
    """ISO date (YYYY-MM-DD) within [min_date, max_date]; anything else -> default + notice."""
    default_ts = _to_timestamp(default)
    s = _raw_str(raw)
    if s is None or s == "":
        return default_ts, None
    if len(s) > 10 or not _looks_iso(s):
        return default_ts, _notice(name, raw, "not a YYYY-MM-DD date", _fmt_date(default_ts))
    try:
        ts = _to_timestamp(_dt.date.fromisoformat(s))
    except ValueError:
        return default_ts, _notice(name, raw, "not a valid date", _fmt_date(default_ts))
    lo, hi = _to_timestamp(min_date), _to_timestamp(max_date)
    if (lo is not None and ts < lo) or (hi is not None and ts > hi):
        return default_ts, _notice(name, raw, f"outside {_fmt_date(lo)}..{_fmt_date(hi)}", _fmt_date(default_ts))
    return ts, None


def _looks_iso(s: str) -> bool:
    return re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", s) is not None


def _fmt_date(ts: Any) -> str:
    ts = _to_timestamp(ts)
    return "none" if ts is None else ts.strftime("%Y-%m-%d")


def format_date(value: Any) -> str:
    return _fmt_date(value)


def parse_date_range(
    raw: Any, default: tuple[Any, Any], *, min_date: Any = None, max_date: Any = None, name: str = "range"
) -> tuple[tuple[pd.Timestamp, pd.Timestamp], str | None]:
    """'YYYY-MM-DD..YYYY-MM-DD' with start <= end, both within bounds; else default + notice."""
    d = (_to_timestamp(default[0]), _to_timestamp(default[1]))
    default_text = f"{_fmt_date(d[0])}..{_fmt_date(d[1])}"
    s = _raw_str(raw)
    if s is None or s == "":
        return d, None
    parts = s.split(RANGE_SEP)
    if len(parts) != 2 or len(s) > 22:
        return d, _notice(name, raw, "expected start..end", default_text)
    out = []
    for p in parts:
        ts, note = parse_date(p, None, min_date=min_date, max_date=max_date, name=name)
        if note is not None or ts is None:
            why = "date outside the data" if note and "outside" in note else "not a YYYY-MM-DD date"
            return d, _notice(name, raw, why, default_text)
        out.append(ts)
    if out[0] > out[1]:
        return d, _notice(name, raw, "start after end", default_text)
    return (out[0], out[1]), None


def format_date_range(value: tuple[Any, Any]) -> str:
    return f"{_fmt_date(value[0])}{RANGE_SEP}{_fmt_date(value[1])}"


# ------------------------------------------------------------------------------------------ choices
def parse_choice(raw: Any, choices: Sequence[str], default: str, *, name: str = "choice") -> tuple[str, str | None]:
    """One of ``choices`` (exact match, then case-insensitive); else default + notice."""
    s = _raw_str(raw)
    if s is None or s == "":
        return default, None
    if len(s) <= MAX_RAW_LEN:
        if s in choices:
            return s, None
        lowered = {str(c).lower(): c for c in choices}
        if s.lower() in lowered:
            return lowered[s.lower()], None
    return default, _notice(
        name, raw, "not an available option", "no choice" if default in (None, "") else f"'{default}'"
    )


def parse_multi(
    raw: Any, choices: Iterable[str], default: Sequence[str], *, name: str = "selection", allow_empty: bool = True
) -> tuple[list[str], str | None]:
    """Comma-separated subset of ``choices``, order kept, duplicates dropped.

    Unknown items are dropped with a notice (the known ones are kept: a stale id in a shared link
    should not throw away the rest of the view). If nothing valid remains, the default is used.
    """
    choices = list(choices)
    s = _raw_str(raw)
    if s is None:
        return list(default), None
    if len(s) > MAX_RAW_LEN:
        return list(default), _notice(name, raw, "too long", "the default selection")
    if s == "" or (s.lower() == EMPTY_TOKEN and EMPTY_TOKEN not in choices):
        if allow_empty:
            return [], None
        return list(default), _notice(name, raw, "empty selection", "the default selection")
    lowered = {str(c).lower(): c for c in choices}
    out: list[str] = []
    bad: list[str] = []
    for item in (p.strip() for p in s.split(MULTI_SEP)):
        if not item:
            continue
        match = item if item in choices else lowered.get(item.lower())
        if match is None:
            bad.append(item)
        elif match not in out:
            out.append(match)
    if not out and (bad or not allow_empty):
        return list(default), _notice(name, raw, "no known options", "the default selection")
    if bad:
        shown = [_show(b) for b in bad[:3]]
        more = " ..." if len(bad) > 3 else ""
        template = _ours(f"Ignored unknown value(s) in URL parameter {name}: ") + ", ".join(["{}"] * len(shown))
        return out, Notice(template + more + ".", *shown)
    return out, None


def format_multi(values: Iterable[str]) -> str:
    """Comma-joined; an empty selection is written as 'none' so it survives in the URL."""
    text = MULTI_SEP.join(str(v) for v in values)
    return text or EMPTY_TOKEN


# ------------------------------------------------------------------------------------------ numbers
def parse_int(raw: Any, lo: int, hi: int, default: int, *, name: str = "number") -> tuple[int, str | None]:
    """Integer in [lo, hi]; else default + notice."""
    s = _raw_str(raw)
    if s is None or s == "":
        return default, None
    if not _INT.fullmatch(s):
        return default, _notice(name, raw, "not a whole number", str(default))
    v = int(s)
    if not lo <= v <= hi:
        return default, _notice(name, raw, f"outside {lo}..{hi}", str(default))
    return v, None


def parse_int_range(
    raw: Any, lo: int, hi: int, default: tuple[int, int], *, name: str = "range"
) -> tuple[tuple[int, int], str | None]:
    """'a,b' (or 'a..b') with lo <= a <= b <= hi; else default + notice."""
    d = (int(default[0]), int(default[1]))
    default_text = f"{d[0]},{d[1]}"
    s = _raw_str(raw)
    if s is None or s == "":
        return d, None
    parts = s.split(RANGE_SEP) if RANGE_SEP in s else s.split(",")
    if len(parts) != 2 or len(s) > 25:
        return d, _notice(name, raw, "expected two whole numbers a,b", default_text)
    vals = []
    for p in parts:
        p = p.strip()
        if not _INT.fullmatch(p):
            return d, _notice(name, raw, "expected two whole numbers a,b", default_text)
        vals.append(int(p))
    a, b = vals
    if not (lo <= a <= b <= hi):
        return d, _notice(name, raw, f"needs {lo} <= a <= b <= {hi}", default_text)
    return (a, b), None


def format_int_range(value: tuple[int, int]) -> str:
    return f"{int(value[0])},{int(value[1])}"


# -------------------------------------------------------------------------------------------- bools
def parse_bool(raw: Any, default: bool, *, name: str = "flag") -> tuple[bool, str | None]:
    """1/0, true/false, yes/no, on/off (any case); else default + notice."""
    s = _raw_str(raw)
    if s is None or s == "":
        return bool(default), None
    low = s.lower()
    if low in _TRUE:
        return True, None
    if low in _FALSE:
        return False, None
    return bool(default), _notice(name, raw, "expected 1 or 0", "1" if default else "0")


def format_bool(value: bool) -> str:
    return "1" if value else "0"


def _format_text(value: Any) -> str:
    return "" if value is None else str(value)


# -------------------------------------------------------------------------------------------- free text
def parse_text(raw: Any, default: str = "", *, name: str = "text", max_len: int = 500) -> tuple[str, str | None]:
    """A short free-text value (parsed further by its owner, e.g. a claim card's settings); too long or with
    control characters -> default + notice."""
    s = _raw_str(raw)
    if s is None or s == "":
        return default, None
    if len(s) > max_len or any(ord(ch) < 32 for ch in s):
        return default, _notice(name, raw, "too long or not plain text", "the default")
    return s, None


_FORMATS = {
    parse_date: format_date,
    parse_date_range: format_date_range,
    parse_choice: _format_text,
    parse_text: _format_text,
    parse_multi: format_multi,
    parse_int: _format_text,
    parse_int_range: format_int_range,
    parse_bool: format_bool,
}


def format_for(parser: Any) -> Any:
    """The `format_*` twin of a `parse_*` function."""
    return _FORMATS[parser]
