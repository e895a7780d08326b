"""Points from compiled rows: dates, the stated conversions, which figure draws the line, provenance."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

import pandas as pd

from components.data.snapshot import POINT_COLUMNS
from importers.snapshot.wording import flags_for

BARRELS_PER_TONNE = 7.33
MIN_POINTS = 2  # a provider needs at least this many months to become a series of its own

COMPILED_LICENCE = (
    "Facts quoted from news/analyst pages (providers' data are proprietary); cite the source URL "
    "of each point; no page text reproduced"
)


@dataclass
class Built:
    """One series ready to be written: its points and its provenance record."""

    meta: dict
    points: pd.DataFrame


def month_start(label: str) -> pd.Timestamp | None:
    """'YYYY-MM' -> first day of the month; anything else (annual, ranges, periods) -> None."""
    return pd.Timestamp(f"{label}-01") if re.fullmatch(r"\d{4}-\d{2}", str(label)) else None


def days_in_month(ts: pd.Timestamp) -> int:
    return calendar.monthrange(ts.year, ts.month)[1]


def month_total_to_mbd(value: float, ts: pd.Timestamp) -> float:
    """Million barrels in a month -> million barrels per day over that calendar month."""
    return value / days_in_month(ts)


def tonnes_to_mbd(million_tonnes: float, ts: pd.Timestamp, factor: float = BARRELS_PER_TONNE) -> float:
    """Million tonnes in a month -> million barrels per day, at `factor` barrels per tonne."""
    return million_tonnes * factor / days_in_month(ts)


def choose_used(points: pd.DataFrame) -> pd.DataFrame:
    """Mark one point per date as used: the first final figure in source order, else the first flagged one."""
    points = points.reset_index(drop=True).copy()
    points["_weak"] = points["flag"].str.contains("partial|provisional|caution", regex=True).astype(int)
    points["_order"] = range(len(points))
    best = points.sort_values(["date", "_weak", "_order"]).groupby("date").head(1).index
    points["used"] = points.index.isin(best)
    return points.drop(columns=["_weak", "_order"]).sort_values(["date", "used"], ascending=[True, False])


def year_start(label: str) -> pd.Timestamp | None:
    """'YYYY' -> 1 January of that year (annual totals are dated there); anything else -> None."""
    return pd.Timestamp(f"{int(label)}-01-01") if re.fullmatch(r"\d{4}", str(label)) else None


def compiled_points(rows: pd.DataFrame, unit: str, convert=None, dated=month_start) -> pd.DataFrame:
    """One point per compiled row that `dated` can place (month rows by default, `year_start` for annual
    totals), flagged by its wording; `convert(value, ts, row, flag)` applies a stated conversion."""
    out = []
    for _, row in rows.iterrows():
        ts = dated(row["month"])
        if ts is None:
            continue
        value, flag = float(row["value"]), flags_for(row["data_provider"], row.get("note"), row["unit"])
        if convert is not None:
            value, flag = convert(value, ts, row, flag)
        out.append(
            dict(
                date=ts,
                value=value,
                unit=unit,
                flag=flag,
                source_title=row["source_title"],
                source_url=row["source_url"],
                provider_detail=row["data_provider"],
            )
        )
    return pd.DataFrame(out, columns=POINT_COLUMNS[:-1])


def compiled_meta(series_id, name, unit, provider, instrument, topic, points, notes, source_file) -> dict:
    urls = sorted(set(points["source_url"]))
    return dict(
        id=series_id,
        name=name,
        unit=unit,
        frequency="monthly",
        instrument=instrument,
        provider=provider,
        licence=COMPILED_LICENCE,
        source_url=urls[0] if len(urls) == 1 else "per point (see points table)",
        source_title=f"Hand-compiled from {len(urls)} public pages ({source_file})",
        retrieved="2026-11",
        live_ticker="",
        origin="snapshot",
        topic=topic,
        notes=notes,
    )
