"""Points from compiled rows: dates, the stated conversions, which figure draws the line, provenance."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from components import point_flags
from components.data.snapshot import POINT_COLUMNS
from importers.snapshot.units import UnitRefused, reconcile
from importers.snapshot.wording import order_flags, row_flags

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


def choose_used(points: pd.DataFrame) -> pd.DataFrame:
    """Mark one point per date as used: the first plain figure in source order, else the first of the least weak
    (components.point_flags.WEAKNESS); a point kept in another unit than the series' is never used (it is cited,
    not drawn)."""
    points = points.reset_index(drop=True).copy()
    points["_weak"] = points["flag"].map(point_flags.weakness).astype(int)
    points["_order"] = range(len(points))
    drawable = points[~points["flag"].map(lambda f: "unit" in point_flags.names(f)).astype(bool)]
    best = drawable.sort_values(["date", "_weak", "_order"]).groupby("date").head(1).index
    points["used"] = points.index.isin(best)
    return points.drop(columns=["_weak", "_order"]).sort_values(["date", "used"], ascending=[True, False])


def year_start(label: str) -> pd.Timestamp | None:
    """'YYYY' -> 1 January of that year (annual totals are dated there); anything else -> None."""
    return pd.Timestamp(f"{int(label)}-01-01") if re.fullmatch(r"\d{4}", str(label)) else None


def read_compiled(compiled: Path, name: str) -> pd.DataFrame:
    """One compiled file, each row knowing where it came from ('compiled/<name>', its line) for refusals."""
    frame = pd.read_csv(compiled / name)
    return frame.assign(_file=f"compiled/{name}", _line=frame.index + 2)  # line 1 is the header


def compiled_points(
    rows: pd.DataFrame, unit: str, dated=month_start, *, basis: str = "", accept: tuple[str, ...] = ()
) -> pd.DataFrame:
    """One point per compiled row that `dated` can place (month rows by default, `year_start` for annual
    totals), in the series' `unit` (or its own, see units.reconcile) and flagged by its wording. Raises
    UnitRefused naming every row (file:line) whose unit cannot be reconciled."""
    out, refused = [], []
    for _, row in rows.iterrows():
        ts = dated(row["month"])
        if ts is None:
            continue
        try:
            point = reconcile(row, unit, ts, basis=basis, accept=accept)
        except ValueError as why:
            refused.append(f"{row.get('_file', 'compiled')}:{row.get('_line', '?')}: {why}")
            continue
        out.append(
            dict(
                date=ts,
                value=point.value,
                unit=point.unit,
                flag=order_flags(row_flags(row) | set(point.flags)),
                source_title=row["source_title"],
                source_url=row["source_url"],
                provider_detail=row["data_provider"],
            )
        )
    if refused:
        raise UnitRefused(refused)
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
