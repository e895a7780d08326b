"""Refresh from the publishers: EIA daily Brent and WTI spot, ECB euro reference rates.

Each publisher's download is parsed in the publisher's own format and validated before anything is written:
the expected columns, real dates, values inside a plausible range, no dates of the snapshot lost, and the
overlap with the snapshot agreeing except for revisions, which are listed. A download that fails any check
becomes an `Update` whose `reason` says why in words, and nothing is written (`vintages.commit` writes).

Formats, from the publishers' documentation:
- ECB: https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist.zip holds one `eurofxref-hist.csv`: a `Date`
  column, then one column per currency (units per 1 EUR), `N/A` where not published, newest row first and a
  trailing comma on every line. No key.
- EIA: API v2 `https://api.eia.gov/v2/petroleum/pri/spt/data/` (facet `series` = RBRTE, RWTC; frequency daily)
  returns JSON `{"response": {"total", "dateFormat", "frequency", "data": [{"period", "series", "value",
  "units", ...}]}}`, values as strings since v2.1.6, at most 5,000 rows per page. EIA's API needs a free key:
  it comes from the EIA_API_KEY environment variable, and its absence is said in words.
"""

from __future__ import annotations

import io
import json
import os
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

START = "2020-01-01"  # the snapshot's daily series start here (as the importer cuts them)
TIMEOUT_SECONDS = 30
MAX_BYTES = 25_000_000  # the ECB's whole history is about 0.6 MB zipped; anything far larger is not it
EIA_KEY_VARIABLE = "EIA_API_KEY"
EIA_REVISION_DAYS = 60  # EIA is asked again for this many days before the snapshot's last date
EIA_PAGE_ROWS = 5000
MAX_REVISED_SHARE = 0.2  # above this share of the overlap revised, the download is not the same series

ECB_URL = "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist.zip"
ECB_MEMBER = "eurofxref-hist.csv"
EIA_URL = "https://api.eia.gov/v2/petroleum/pri/spt/data/"
EIA_SERIES = {"RBRTE": "brent_spot_eia", "RWTC": "wti_spot_eia"}
EIA_PAGES = {
    "brent_spot_eia": "https://www.eia.gov/dnav/pet/hist/RBRTED.htm",
    "wti_spot_eia": "https://www.eia.gov/dnav/pet/hist/RWTCD.htm",
}

# plausible ranges: a value outside is a parsing error or the wrong column, not news
RANGES = {
    "brent_spot_eia": (-60.0, 300.0),  # WTI settled below zero in April 2020; Brent never did, same bounds
    "wti_spot_eia": (-60.0, 300.0),
    "usd_inr_ecb": (40.0, 200.0),
    "usd_cny_ecb": (4.0, 12.0),
    "usd_rub_ecb": (20.0, 300.0),
}
ECB_CROSSES = {"usd_inr_ecb": "INR", "usd_cny_ecb": "CNY", "usd_rub_ecb": "RUB"}
USD_PER_EUR_RANGE = (0.5, 2.5)

Fetcher = Callable[[str], bytes]


class PublisherError(RuntimeError):
    """A download that cannot be used; the message says why in words a user understands."""


@dataclass
class Update:
    """One publisher's outcome. `series` holds the validated new lines by series id (only when ok)."""

    publisher: str
    ok: bool
    reason: str
    series: dict[str, pd.Series] = field(default_factory=dict)
    revisions: dict[str, list[dict]] = field(default_factory=dict)
    retrieved: str = ""
    source_title: str = ""
    source_url: str = ""


def http_get(url: str, timeout: float = TIMEOUT_SECONDS, max_bytes: int = MAX_BYTES) -> bytes:
    """The single network boundary (tests pass a recorded-response fetcher instead)."""
    request = urllib.request.Request(url, headers={"User-Agent": "ClaimLens data refresh"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - fixed https URLs
            body = response.read(max_bytes + 1)
    except urllib.error.HTTPError as exc:
        raise PublisherError(f"the server answered HTTP {exc.code} ({exc.reason})") from exc
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise PublisherError(f"network error: {reason}") from exc
    if len(body) > max_bytes:
        raise PublisherError(f"the download is larger than {max_bytes // 1_000_000} MB: stopped reading")
    return body


def looks_like_html(body: bytes) -> bool:
    head = body[:512].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<html" in head


# ----------------------------------------------------------------------------------------------- ECB
def parse_ecb_zip(body: bytes) -> pd.DataFrame:
    """The ECB history zip -> a frame indexed by date (oldest first), one float column per currency."""
    if looks_like_html(body):
        raise PublisherError("the ECB sent a web page instead of the rates file (site error or maintenance)")
    try:
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            names = archive.namelist()
            if ECB_MEMBER not in names:
                raise PublisherError(f"the ECB zip holds {', '.join(names) or 'nothing'}, not {ECB_MEMBER}")
            text = archive.read(ECB_MEMBER).decode("utf-8")
    except (zipfile.BadZipFile, EOFError, zipfile.LargeZipFile) as exc:
        raise PublisherError(f"the ECB zip is damaged (truncated download?): {exc}") from exc
    except UnicodeDecodeError as exc:
        raise PublisherError("the ECB rates file is not UTF-8 text") from exc
    try:
        frame = pd.read_csv(io.StringIO(text), na_values=["N/A"], dtype=str)
    except (ValueError, pd.errors.ParserError) as exc:
        raise PublisherError(f"the ECB rates file is not a readable CSV: {exc}") from exc
    frame = frame.loc[:, ~frame.columns.str.startswith("Unnamed")]
    missing = [c for c in ("Date", "USD", *ECB_CROSSES.values()) if c not in frame.columns]
    if missing:
        raise PublisherError(f"the ECB rates file lacks the column(s) {', '.join(missing)}")
    dates = pd.to_datetime(frame["Date"], format="%Y-%m-%d", errors="coerce")
    if dates.isna().any():
        bad = frame.loc[dates.isna(), "Date"].iloc[0]
        raise PublisherError(f"the ECB rates file has a row whose date is not a date ({str(bad)[:20]!r})")
    values = frame.drop(columns="Date").apply(pd.to_numeric, errors="coerce")
    values.index = pd.DatetimeIndex(dates, name="date")
    if values.index.has_duplicates:
        raise PublisherError("the ECB rates file lists some dates twice")
    return values.sort_index()


def ecb_series(frame: pd.DataFrame) -> dict[str, pd.Series]:
    """USD crosses as the importer derives them: currency per EUR / USD per EUR, rounded to 6 decimals."""
    frame = frame.loc[START:]
    usd = frame["USD"]
    low, high = USD_PER_EUR_RANGE
    if usd.dropna().empty or not usd.dropna().between(low, high).all():
        raise PublisherError(f"the ECB's USD column has values outside {low}-{high} dollars per euro")
    out = {}
    for sid, code in ECB_CROSSES.items():
        out[sid] = (frame[code] / usd).round(6).dropna().rename(sid)
    return out


# ----------------------------------------------------------------------------------------------- EIA
def eia_url(key: str, start: str, offset: int = 0) -> str:
    query = [
        ("api_key", key),
        ("frequency", "daily"),
        ("data[0]", "value"),
        *(("facets[series][]", code) for code in EIA_SERIES),
        ("start", start),
        ("sort[0][column]", "period"),
        ("sort[0][direction]", "asc"),
        ("offset", str(offset)),
        ("length", str(EIA_PAGE_ROWS)),
    ]
    return EIA_URL + "?" + urllib.parse.urlencode(query)


def parse_eia_page(body: bytes) -> tuple[list[dict], int]:
    """One API v2 page -> (rows, total rows the query has); errors said as EIA says them."""
    if looks_like_html(body):
        raise PublisherError("EIA sent a web page instead of data (site error or maintenance)")
    try:
        payload = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise PublisherError(f"EIA's answer is not complete JSON (truncated download?): {exc}") from exc
    if not isinstance(payload, dict):
        raise PublisherError("EIA's answer is not an API v2 response")
    if "error" in payload:
        raise PublisherError(f"EIA refused the request: {str(payload['error'])[:200]}")
    response = payload.get("response")
    if not isinstance(response, dict) or not isinstance(response.get("data"), list):
        raise PublisherError("EIA's answer has no response.data list (not an API v2 data response)")
    if response.get("frequency", "daily") != "daily":
        raise PublisherError(f"EIA sent {response.get('frequency')} data, not daily")
    try:
        total = int(response.get("total", len(response["data"])))
    except (TypeError, ValueError) as exc:
        raise PublisherError("EIA's answer has a total that is not a number") from exc
    return response["data"], total


def eia_rows(fetch: Fetcher, key: str, start: str) -> list[dict]:
    """Every row of the query, page by page; a short page before the total means a partial download."""
    rows: list[dict] = []
    while True:
        page, total = parse_eia_page(fetch(eia_url(key, start, len(rows))))
        rows.extend(page)
        if len(rows) >= total:
            return rows
        if not page:
            raise PublisherError(f"EIA said {total} rows but sent {len(rows)} (partial download)")


def eia_series(rows: list[dict]) -> dict[str, pd.Series]:
    """API v2 rows -> one float series per snapshot id; checks the columns and the units of every row."""
    needed = ("period", "series", "value")
    wanted = {sid: {} for sid in EIA_SERIES.values()}
    for row in rows:
        if not isinstance(row, dict) or any(k not in row for k in needed):
            have = ", ".join(sorted(row)) if isinstance(row, dict) else type(row).__name__
            raise PublisherError(f"an EIA row lacks period/series/value (it has: {have[:120]})")
        sid = EIA_SERIES.get(row["series"])
        if sid is None:
            continue
        units = str(row.get("units", "$/BBL")).upper()
        if units != "$/BBL":
            raise PublisherError(f"EIA sent {row['series']} in {units!r}, not dollars per barrel")
        date = pd.to_datetime(row["period"], format="%Y-%m-%d", errors="coerce")
        value = pd.to_numeric(row["value"], errors="coerce")
        if pd.isna(date):
            raise PublisherError(f"EIA sent a period that is not a day: {str(row['period'])[:20]!r}")
        if pd.isna(value):
            continue  # EIA leaves a holiday's value empty; the snapshot has no row for it either
        if date in wanted[sid] and wanted[sid][date] != float(value):
            raise PublisherError(f"EIA sent two different {row['series']} values for {date.date()}")
        wanted[sid][date] = float(value)
    out = {}
    for sid, values in wanted.items():
        if not values:
            raise PublisherError(f"EIA sent no {sid.split('_')[0].upper()} prices")
        out[sid] = pd.Series(values, name=sid, dtype=float).sort_index().rename_axis("date")
    return out


# ------------------------------------------------------------------------------------------ checks
def check_against_snapshot(
    series_id: str, new: pd.Series, old: pd.Series, today: pd.Timestamp, window_start: pd.Timestamp | None = None
) -> list[dict]:
    """Validate a downloaded line against the snapshot's; returns the revisions (date, old, new).

    `window_start`: the download only covers dates from there (EIA's query); the snapshot before it stays.
    Raises PublisherError when the download cannot be the same series, complete and current."""
    if new.empty:
        if old.empty:
            return []
        raise PublisherError(f"{series_id}: the download has no values for it")
    low, high = RANGES[series_id]
    outside = new[(new < low) | (new > high)]
    if not outside.empty:
        raise PublisherError(
            f"{series_id}: {len(outside)} value(s) outside {low:g}..{high:g} "
            f"(first {outside.iloc[0]:g} on {outside.index[0].date()}): wrong column or units"
        )
    if new.index.max() > today + pd.Timedelta(days=1):
        raise PublisherError(f"{series_id}: dated in the future ({new.index.max().date()})")
    if (new.index.dayofweek >= 5).any():
        raise PublisherError(f"{series_id}: has weekend dates, which neither publisher has")
    if old.empty:
        return []
    if new.index.max() < old.index.max():
        raise PublisherError(
            f"{series_id}: ends on {new.index.max().date()}, before the snapshot's last date "
            f"{old.index.max().date()} (truncated or stale download)"
        )
    covered = old if window_start is None else old.loc[window_start:]
    lost = covered.index.difference(new.index)
    if len(lost):
        raise PublisherError(
            f"{series_id}: {len(lost)} date(s) of the snapshot are missing from the download "
            f"(first {lost[0].date()}): truncated or partial download"
        )
    common = covered.index.intersection(new.index)
    if covered.size and not len(common):
        raise PublisherError(f"{series_id}: the download does not overlap the snapshot, so it cannot be checked")
    before, after = old.loc[common], new.loc[common]
    changed = (after - before).abs() > 1e-9 + 1e-6 * before.abs()
    revisions = [
        dict(date=str(d.date()), old=float(before[d]), new=float(after[d])) for d in common[changed.to_numpy()]
    ]
    if len(common) and len(revisions) > MAX_REVISED_SHARE * len(common):
        raise PublisherError(
            f"{series_id}: {len(revisions)} of {len(common)} overlapping values differ from the snapshot: "
            "not the same series (wrong column?)"
        )
    return revisions


def merged_line(new: pd.Series, old: pd.Series, window_start: pd.Timestamp | None) -> pd.Series:
    """The snapshot's line before the download's window, the publisher's from it on."""
    kept = old.loc[: window_start - pd.Timedelta(days=1)] if window_start is not None else old.iloc[:0]
    new = new.loc[START:]
    return pd.concat([kept[~kept.index.isin(new.index)], new]).sort_index().rename(new.name)


# ------------------------------------------------------------------------------------------ refresh
def _validated(
    publisher: str, lines: dict[str, pd.Series], snapshot: Callable[[str], pd.Series], today, window_start=None
) -> Update:
    update = Update(publisher, True, "")
    for sid, new in lines.items():
        old = snapshot(sid)
        if new.empty and old.empty:
            continue  # a currency the ECB no longer fixes and the snapshot never had in this span
        update.revisions[sid] = check_against_snapshot(sid, new, old, today, window_start)
        update.series[sid] = merged_line(new, old, window_start)
    added = sum(len(update.series[s].index.difference(snapshot(s).index)) for s in update.series)
    revised = sum(len(r) for r in update.revisions.values())
    update.reason = f"{added} new value(s), {revised} revised" if added or revised else "no new values"
    return update


def refresh_ecb(fetch: Fetcher, snapshot: Callable[[str], pd.Series], today: pd.Timestamp) -> Update:
    try:
        lines = ecb_series(parse_ecb_zip(fetch(ECB_URL)))
        update = _validated("ECB", lines, snapshot, today)
    except PublisherError as exc:
        return Update("ECB", False, f"ECB not refreshed: {exc}")
    update.source_url, update.retrieved = ECB_URL, str(today.date())
    update.source_title = f"ECB euro foreign exchange reference rates (eurofxref-hist.zip, retrieved {today.date()})"
    return update


def refresh_eia(fetch: Fetcher, snapshot: Callable[[str], pd.Series], today: pd.Timestamp) -> Update:
    key = os.environ.get(EIA_KEY_VARIABLE, "").strip()
    if not key:
        return Update(
            "EIA",
            False,
            f"EIA not refreshed: EIA's API needs a free key and {EIA_KEY_VARIABLE} is not set "
            "(register at https://www.eia.gov/opendata/register.php, then set the variable for the refresh job)",
        )
    last = max((snapshot(sid).index.max() for sid in EIA_SERIES.values() if not snapshot(sid).empty), default=None)
    window_start = (last - pd.Timedelta(days=EIA_REVISION_DAYS)) if last is not None else pd.Timestamp(START)
    try:
        lines = eia_series(eia_rows(fetch, key, str(window_start.date())))
        update = _validated("EIA", lines, snapshot, today, window_start)
    except PublisherError as exc:
        return Update("EIA", False, f"EIA not refreshed: {str(exc).replace(key, '<key>')}")
    update.source_url, update.retrieved = EIA_URL, str(today.date())
    update.source_title = f"EIA API v2 petroleum/pri/spt, daily (retrieved {today.date()})"
    return update


def refresh_all(fetch: Fetcher | None, snapshot: Callable[[str], pd.Series], today=None) -> list[Update]:
    """Fetch and validate every publisher; each gets an Update whatever happens (nothing is written here)."""
    fetch = fetch or http_get
    today = pd.Timestamp(today or pd.Timestamp.today()).normalize()
    return [refresh_eia(fetch, snapshot, today), refresh_ecb(fetch, snapshot, today)]
