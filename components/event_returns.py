"""Returns for the event study: which transformation each series gets, and the returns frame the models fit.

Pure (no streamlit). MacKinlay (1997) works on returns, not levels:
- **log returns** ln(P_t / P_{t-1}) for prices, exchange rates, volumes and other strictly positive levels;
- **first differences** P_t - P_{t-1} for rates, spreads, discounts and shares in percent, whose level can be
  zero or negative and whose changes are read in their own unit (percentage points, USD/bbl).

A return sits on the date of the later of its two observations. Offsets count observations of the returns
frame: t = 0 is the return ending at the last observation on or before the event date. With a benchmark,
the series and the benchmark are first kept on the dates both have, so a return and its benchmark return
always span the same interval (a holiday in one market never pairs a one-day move with a two-day move).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

LOG = "log"
DIFF = "diff"
KIND_TEXT = {
    LOG: "log return ln(Pₜ/Pₜ₋₁)",
    DIFF: "first difference Pₜ − Pₜ₋₁",
}
KIND_UNIT = {LOG: "log points", DIFF: "unit of the series"}
# An anchor further back than this from the event is too stale to call "the observation at the event".
MAX_STALE_DAYS = {"daily": 7, "monthly": 31, "annual": 366}
_DIFF_WORDS = ("percent", "discount", "spread", "rate (%)", "yield", "negative = ", "share")


def return_kind(meta: dict | None = None, levels: pd.Series | None = None) -> tuple[str, str]:
    """('log' | 'diff', why) for a series, from its catalog row (unit, topic, id) and, failing that, its values.

    Rates, spreads, discounts and percent shares are differenced; every other level (prices, FX, volumes,
    revenues, index points) gets log returns. Without a catalog unit, a series with a zero or negative value is
    differenced (a log cannot take it); with one, a price stays a price (WTI's one negative print in April 2020
    drops the two returns that touch it, see build_returns).
    """
    meta = meta or {}
    text = " ".join(str(meta.get(k, "")) for k in ("id", "unit", "topic", "name")).lower()
    if any(word in text for word in _DIFF_WORDS):
        return DIFF, "a rate, spread, discount or share: changes are read in its own unit"
    if levels is not None and not meta.get("unit"):
        values = pd.to_numeric(pd.Series(levels), errors="coerce").dropna()
        if len(values) and (values <= 0).any():
            return DIFF, "has zero or negative values, which a log return cannot take"
    return LOG, "a price, exchange rate or other positive level: log returns"


def clean_levels(series: pd.Series) -> pd.Series:
    """Finite float values on a sorted tz-naive DatetimeIndex, first value kept on a duplicated date."""
    values = pd.to_numeric(pd.Series(series), errors="coerce").astype("float64")
    values.index = pd.DatetimeIndex(pd.Series(series).index)
    if values.index.tz is not None:
        values.index = values.index.tz_localize(None)
    values = values[np.isfinite(values.to_numpy())]
    values = values[~values.index.duplicated(keep="first")]
    return values.sort_index()


def to_returns(levels: pd.Series, kind: str) -> pd.Series:
    """Log returns or first differences of clean levels, dated by the later observation (first one dropped).
    A log return from or to a level <= 0 is NaN."""
    values = levels.to_numpy(dtype="float64")
    if kind == LOG:
        with np.errstate(divide="ignore", invalid="ignore"):
            out = np.diff(np.log(np.where(values > 0, values, np.nan)))
    else:
        out = np.diff(values)
    return pd.Series(out, index=levels.index[1:], dtype="float64")


@dataclass(frozen=True)
class Returns:
    """The frame the models fit: returns ``r`` (and benchmark returns ``rm``) on common dates, and the anchor.

    ``problem`` is '' when usable, else one sentence naming what is wrong (and every other field may be empty).
    """

    dates: pd.DatetimeIndex
    r: np.ndarray
    rm: np.ndarray | None
    anchor: int | None  # position of t = 0 in ``dates``
    kind: str
    benchmark_kind: str | None
    problem: str = ""
    note: str = ""

    def offsets(self) -> np.ndarray:
        return np.arange(len(self.r)) - (self.anchor or 0)


def _fmt(ts) -> str:
    return pd.Timestamp(ts).strftime("%d %b %Y")


def _failed(problem: str, kind: str = LOG, benchmark_kind: str | None = None) -> Returns:
    return Returns(pd.DatetimeIndex([]), np.array([]), None, None, kind, benchmark_kind, problem)


def build_returns(
    series: pd.Series,
    event_date,
    *,
    kind: str | None = None,
    benchmark: pd.Series | None = None,
    benchmark_kind: str | None = None,
    frequency: str = "daily",
    label: str = "the series",
    benchmark_label: str = "the benchmark",
) -> Returns:
    """Returns of ``series`` (and of ``benchmark`` on the dates both have) anchored on ``event_date``.

    Never raises on data: an empty series, an event outside the series, a benchmark without common dates or
    a log return of a non-positive value each come back as ``Returns.problem``.
    """
    try:
        event = pd.Timestamp(event_date)
    except (TypeError, ValueError):
        return _failed(f"the event date '{event_date}' is not a date")
    if pd.isna(event):
        return _failed("the event has no date")
    levels = clean_levels(series) if series is not None else pd.Series(dtype="float64")
    kind = kind or return_kind(None, levels)[0]
    if len(levels) < 2:
        return _failed(f"{label} has fewer than two observations", kind)
    if event < levels.index[0]:
        return _failed(f"the event ({_fmt(event)}) is before {label} starts ({_fmt(levels.index[0])})", kind)
    note = ""
    rm = None
    if benchmark is not None:
        bench = clean_levels(benchmark)
        benchmark_kind = benchmark_kind or return_kind(None, bench)[0]
        common = levels.index.intersection(bench.index)
        if len(common) < 2:
            return _failed(f"{benchmark_label} and {label} have no dates in common", kind, benchmark_kind)
        dropped = len(levels) - len(common)
        if dropped:
            note = f"{dropped} date(s) of {label} with no value of {benchmark_label} left out"
        levels, bench = levels.loc[common], bench.loc[common]
        rm = to_returns(bench, benchmark_kind).to_numpy()
        if event < levels.index[0]:
            return _failed(
                f"the event ({_fmt(event)}) is before {label} and {benchmark_label} share data "
                f"(from {_fmt(levels.index[0])})",
                kind,
                benchmark_kind,
            )
    returns = to_returns(levels, kind)
    usable = np.isfinite(returns.to_numpy()) & (np.isfinite(rm) if rm is not None else True)
    if not usable.all():
        # a log return from or to a zero or negative level (WTI on 20 April 2020) does not exist
        note = "; ".join(
            filter(None, [note, f"{int((~usable).sum())} return(s) from or to a zero or negative level left out"])
        )
        returns, rm = returns[usable], (rm[usable] if rm is not None else None)
    if len(returns) == 0:
        return _failed(f"{label} has no usable returns", kind, benchmark_kind)
    pos = int(returns.index.searchsorted(event, side="right")) - 1
    if pos < 0:
        return _failed(f"the event ({_fmt(event)}) is at the first observation of {label}: no return", kind)
    limit = MAX_STALE_DAYS.get(frequency, 7)
    if (event - returns.index[pos]).days > limit:
        return _failed(
            f"{label} ends {_fmt(returns.index[-1])}, more than {limit} days before the event ({_fmt(event)})"
            if pos == len(returns) - 1
            else f"{label} has no observation within {limit} days before the event ({_fmt(event)})",
            kind,
            benchmark_kind,
        )
    return Returns(returns.index, returns.to_numpy(), rm, pos, kind, benchmark_kind, "", note)
