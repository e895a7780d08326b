"""Live Yahoo series through yfinance, with a disk cache and per-series fallback.

yfinance fails in many quiet ways (offline it returns an empty frame in milliseconds; one ticker of a batch can
come back all-NaN; Yahoo rate-limits). Each case becomes a `LiveResult` that says in words what happened, so a
page can show the user which series are live and why others fell back. Nothing empty is ever cached, and only
`.cache/live/` is ever written (atomically) — never the committed snapshot.
"""

from __future__ import annotations

import json
import math
import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .snapshot import ROOT, write_atomic

CACHE_DIR = Path(os.environ.get("CLAIMLENS_CACHE_DIR", ROOT / ".cache"))
LIVE_START = "2020-01-01"
# a disk copy larger than this is not a Yahoo close series we wrote (about 1,700 daily rows, 40 KB since 2020)
MAX_CACHE_BYTES = 2_000_000
_FETCHED_AT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}")
BACKOFF_SECONDS = {"rate-limited": 300, "failed": 60}
_backoff: dict[str, tuple[float, str]] = {}


@dataclass
class LiveResult:
    """Outcome of one live series: `source` is live | disk cache | unavailable; `reason` says why in words."""

    series_id: str
    ticker: str
    source: str
    reason: str
    series: pd.Series | None = None
    fetched_at: str = ""
    rate_limited: bool = False
    extra: dict = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.source == "live"


def offline_forced() -> bool:
    """CLAIMLENS_OFFLINE=1 keeps the app (and the tests) from touching the network at all."""
    return os.environ.get("CLAIMLENS_OFFLINE", "").strip().lower() in ("1", "true", "yes")


def cache_paths(series_id: str, cache_dir: Path | None = None) -> tuple[Path, Path]:
    folder = (cache_dir or CACHE_DIR) / "live"
    return folder / f"{series_id}.csv", folder / f"{series_id}.json"


def close_from_frame(frame: pd.DataFrame, ticker: str) -> pd.Series:
    """Pull one ticker's close from a yf.download frame; raises ValueError on layouts we do not know."""
    if frame is None or frame.empty:
        raise ValueError("Yahoo returned no rows (offline, unknown ticker, or no data in range)")
    columns = frame.columns
    if isinstance(columns, pd.MultiIndex):
        level0 = set(columns.get_level_values(0))
        price = "Close" if "Close" in level0 else "Adj Close" if "Adj Close" in level0 else None
        if price is None:
            raise ValueError(f"unexpected columns (no Close): {sorted(map(str, level0))[:6]}")
        block = frame[price]
        if isinstance(block, pd.Series):
            values = block
        elif ticker in block.columns:
            values = block[ticker]
        else:
            raise ValueError(f"ticker {ticker} missing from the batch result")
    elif "Close" in columns:
        values = frame["Close"]
    else:
        raise ValueError(f"unexpected columns: {[str(c) for c in columns[:6]]}")
    values = pd.to_numeric(values, errors="coerce").dropna()
    if values.empty:
        raise ValueError(f"no prices for {ticker} in the result (failed in the batch)")
    index = pd.DatetimeIndex(values.index)
    if index.tz is not None:
        index = index.tz_localize(None)
    return pd.Series(values.to_numpy(dtype=float), index=index.normalize(), name=ticker).groupby(level=0).last()


def _is_rate_limit(exc: BaseException) -> bool:
    return (
        type(exc).__name__ == "YFRateLimitError"
        or "rate limit" in str(exc).lower()
        or "too many requests" in str(exc).lower()
    )


def series_problem(series: pd.Series) -> str:
    """'' for a plausible close series, else why not: every value a finite number, dates from LIVE_START (what
    we ask Yahoo for) to tomorrow (time zones), in order and unique."""
    if series.empty:
        return "no rows"
    values = series.to_numpy(dtype=float)
    if not all(math.isfinite(v) for v in values):
        return "values that are not finite numbers"
    index = pd.DatetimeIndex(series.index)
    first, last = pd.Timestamp(LIVE_START), pd.Timestamp.today().normalize() + pd.Timedelta(days=1)
    if index.min() < first or index.max() > last:
        return f"dates outside {first.date()}..{last.date()}"
    if not (index.is_monotonic_increasing and index.is_unique):
        return "dates out of order or repeated"
    return ""


def yfinance_cache_dir(cache_dir: Path | None = None) -> Path:
    return (cache_dir or CACHE_DIR) / "yfinance"


def download(tickers: list[str], start: str = LIVE_START) -> pd.DataFrame:
    """The single boundary with yfinance (tests replace this or yfinance.download). yfinance keeps time zones,
    cookies and ISINs in its own databases under the home folder unless told otherwise: they go under the
    app's cache folder, the only place the app writes."""
    import yfinance as yf

    yf.set_tz_cache_location(str(yfinance_cache_dir()))  # sets the cookie and ISIN caches too (yfinance 1.x)
    return yf.download(
        tickers,
        start=start,
        auto_adjust=False,
        progress=False,
        group_by="column",
        threads=False,
        multi_level_index=True,
    )


def check_cache(
    series_id: str, cache_dir: Path | None = None, ticker: str | None = None
) -> tuple[tuple[pd.Series, dict] | None, str]:
    """((series, metadata), '') for a usable disk copy, else (None, why). A copy that is there but wrong
    (values not finite, dates outside the plausible range, odd metadata, too big) is deleted and the reason
    says so, so it is never shown and never asked about again."""
    csv_path, meta_path = cache_paths(series_id, cache_dir)
    if not csv_path.exists() and not meta_path.exists():
        return None, "no cached copy"
    try:
        if csv_path.stat().st_size > MAX_CACHE_BYTES or meta_path.stat().st_size > 10_000:
            raise ValueError("a file far larger than a cached series")
        frame = pd.read_csv(csv_path, dtype={"date": str})
        series = pd.Series(
            pd.to_numeric(frame["value"], errors="raise").to_numpy(dtype=float),
            index=pd.DatetimeIndex(pd.to_datetime(frame["date"], format="%Y-%m-%d")),
            name=series_id,
        )
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        why = series_problem(series) or _meta_problem(meta, series_id, ticker, len(series))
    except pd.errors.OutOfBoundsDatetime:
        why = "dates outside the plausible range"
    except (OSError, KeyError, TypeError, pd.errors.ParserError, UnicodeDecodeError):
        why = "unreadable"
    except ValueError as exc:
        why = " ".join(str(exc).split())[:80]
    if not why:
        return (series, meta), ""
    for path in (csv_path, meta_path):
        try:
            path.unlink()
        except OSError:
            pass
    return None, f"the disk copy was discarded ({why})"


def _meta_problem(meta: object, series_id: str, ticker: str | None, rows: int) -> str:
    if not isinstance(meta, dict) or meta.get("id") != series_id or (ticker and meta.get("ticker") != ticker):
        return "metadata for another series"
    fetched = meta.get("fetched_at")
    if not isinstance(fetched, str) or not _FETCHED_AT.fullmatch(fetched):
        return "no valid fetch time"
    if pd.Timestamp(fetched) > pd.Timestamp.now() + pd.Timedelta(days=1):
        return "a fetch time in the future"
    if meta.get("rows") != rows:
        return "row count does not match its data"
    return ""


def read_cache(series_id: str, cache_dir: Path | None = None) -> tuple[pd.Series, dict] | None:
    return check_cache(series_id, cache_dir)[0]


def write_cache(series_id: str, ticker: str, series: pd.Series, cache_dir: Path | None = None) -> str:
    """Store a good fetch; returns '' or the reason the disk cache could not be written."""
    if series.empty:
        return "refused to cache an empty series"
    csv_path, meta_path = cache_paths(series_id, cache_dir)
    frame = pd.DataFrame({"date": series.index.strftime("%Y-%m-%d"), "value": series.to_numpy()})
    try:
        write_atomic(csv_path, frame.to_csv(index=False, lineterminator="\n").encode())
        meta = {
            "id": series_id,
            "ticker": ticker,
            "fetched_at": pd.Timestamp.now().isoformat(timespec="seconds"),
            "rows": int(len(series)),
        }
        write_atomic(meta_path, json.dumps(meta).encode())
    except OSError as exc:
        return f"disk cache not writable ({exc.strerror or exc})"
    return ""


def _fallback(series_id: str, ticker: str, reason: str, cache_dir: Path | None, rate_limited: bool) -> LiveResult:
    cached, why = check_cache(series_id, cache_dir, ticker)
    if cached is not None:
        series, meta = cached
        return LiveResult(
            series_id,
            ticker,
            "disk cache",
            f"{reason}; showing the copy fetched {meta['fetched_at']}",
            series.rename(series_id),
            meta["fetched_at"],
            rate_limited,
        )
    discarded = f"; {why}" if why.startswith("the disk copy") else ""
    return LiveResult(series_id, ticker, "unavailable", reason + discarded, None, "", rate_limited)


def fetch_live(tickers_by_id: dict[str, str], cache_dir: Path | None = None, downloader=None) -> dict[str, LiveResult]:
    """Fetch several Yahoo series in one batch; every id gets a LiveResult, whatever happens."""
    downloader = downloader or download
    now = time.monotonic()
    results: dict[str, LiveResult] = {}
    wanted = {}
    for sid, ticker in tickers_by_id.items():
        if offline_forced():
            results[sid] = _fallback(
                sid, ticker, "live data switched off: this server is set to run offline", cache_dir, False
            )
        elif sid in _backoff and _backoff[sid][0] > now:
            results[sid] = _fallback(
                sid,
                ticker,
                f"{_backoff[sid][1]} (retry in {int(_backoff[sid][0] - now)} s)",
                cache_dir,
                "rate" in _backoff[sid][1],
            )
        else:
            wanted[sid] = ticker
    if not wanted:
        return results
    try:
        frame = downloader(list(wanted.values()))
        batch_error = None
    except Exception as exc:  # yfinance raises many types; each becomes a reason in words
        frame, batch_error = None, exc
    for sid, ticker in wanted.items():
        if batch_error is not None:
            limited = _is_rate_limit(batch_error)
            reason = (
                "Yahoo rate limit reached"
                if limited
                else f"network or Yahoo error: {type(batch_error).__name__}: {str(batch_error)[:120]}"
            )
            _backoff[sid] = (now + BACKOFF_SECONDS["rate-limited" if limited else "failed"], reason)
            results[sid] = _fallback(sid, ticker, reason, cache_dir, limited)
            continue
        try:
            series = close_from_frame(frame, ticker).rename(sid)
            problem = series_problem(series)
            if problem:
                raise ValueError(f"Yahoo returned {problem} for {ticker}")
        except ValueError as exc:
            _backoff[sid] = (now + BACKOFF_SECONDS["failed"], str(exc))
            results[sid] = _fallback(sid, ticker, str(exc), cache_dir, False)
            continue
        _backoff.pop(sid, None)
        cache_note = write_cache(sid, ticker, series, cache_dir)
        results[sid] = LiveResult(
            sid,
            ticker,
            "live",
            "fetched from Yahoo just now" + (f"; {cache_note}" if cache_note else ""),
            series,
            pd.Timestamp.now().isoformat(timespec="seconds"),
        )
    return results


def reset_backoff() -> None:
    _backoff.clear()
