"""Coverage figures for the Data & sources page: span, rows, gaps, freshness (pure pandas)."""

from __future__ import annotations

import pandas as pd

from components import point_flags


def count_gaps(series: pd.Series, frequency: str) -> int:
    """Missing periods inside the series' own span: months for monthly, years for annual, and for daily data
    the breaks of more than 4 calendar days (longer than a weekend plus a holiday)."""
    if len(series) < 2:
        return 0
    index = pd.DatetimeIndex(series.index).sort_values()
    if frequency == "monthly":
        months = index.year * 12 + index.month
        return int(months.max() - months.min() + 1 - len(set(months)))
    if frequency == "annual":
        return int(index.year.max() - index.year.min() + 1 - len(set(index.year)))
    steps = pd.Series(index[1:] - index[:-1])
    return int((steps > pd.Timedelta(days=4)).sum())


def coverage(series: pd.Series, frequency: str, today: pd.Timestamp | None = None) -> dict:
    """First/last date, rows, gaps and age in days of the newest point."""
    today = pd.Timestamp(today or pd.Timestamp.today()).normalize()
    if series.empty:
        return dict(first=pd.NaT, last=pd.NaT, rows=0, gaps=0, age_days=None)
    last = series.index.max()
    return dict(
        first=series.index.min(),
        last=last,
        rows=int(len(series)),
        gaps=count_gaps(series, frequency),
        age_days=int((today - last).days),
    )


FINAL, FLAGGED, GAP = "●", "○", ""


def measure_groups(catalog: pd.DataFrame) -> dict[str, dict[str, str]]:
    """Monthly snapshot series grouped by what they measure: {measure: {provider: series id}}. The measure
    is the series name before ' — ' (one name per provider, as the importer writes them)."""
    monthly = catalog[(catalog["frequency"] == "monthly") & (catalog["origin"] == "snapshot")]
    groups: dict[str, dict[str, str]] = {}
    for _, row in monthly.sort_values("id").iterrows():
        measure, _, provider = str(row["name"]).partition(" — ")
        groups.setdefault(measure, {})[provider or str(row["provider"])] = row["id"]
    return dict(sorted(groups.items()))


def coverage_grid(points_by_provider: dict[str, pd.DataFrame], start=None, end=None) -> pd.DataFrame:
    """Month x provider: ● a final figure draws the line, ○ only a flagged one (any flag of
    components.point_flags.WEAK_FLAGS: partial, approximate, a bound...), blank a gap. Rows are every month
    from the first to the last figure of any provider."""
    marks: dict[str, dict[pd.Period, str]] = {}
    for provider, points in points_by_provider.items():
        used = points[points["used"].astype(bool)] if len(points) else points
        cells = {}
        for day, flag in zip(pd.DatetimeIndex(used["date"]), used["flag"].fillna("").astype(str)):
            weak = point_flags.is_weak(flag)
            cells[day.to_period("M")] = FLAGGED if weak else FINAL
        marks[provider] = cells
    months = [m for cells in marks.values() for m in cells]
    if not months:
        return pd.DataFrame(columns=list(points_by_provider))
    first = pd.Period(start, "M") if start is not None else min(months)
    last = pd.Period(end, "M") if end is not None else max(months)
    index = pd.period_range(first, last, freq="M")
    grid = pd.DataFrame({p: [cells.get(m, GAP) for m in index] for p, cells in marks.items()}, index=index)
    grid.index = grid.index.strftime("%Y-%m")
    grid.index.name = "month"
    return grid
