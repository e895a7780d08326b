"""What a rule may look at (`Context`), and the shared readers rules use to cite a figure with its source.

Data is injected through the Context (get_series / get_points callables, the case's events and facts, and
"today"), so tests run on fixture series and pages run on components.data. No streamlit here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from components import point_flags
from components.data import SnapshotError
from components.source_tiers import LOWEST, tier_of

DEFAULT_EXCLUDE_FLAGS = ("partial", "provisional")
MEMO_ENTRIES = 4000  # results one Context keeps (the case's verdicts need about 300; a reader's settings add more)

PROVIDER_NAMES = {
    "kpler": "Kpler",
    "vortexa": "Vortexa",
    "reuters": "Reuters",
    "eia": "EIA",
    "ecb": "ECB",
    "fred": "FRED",
    "minfin": "Russian Finance Ministry",
    "gacc": "China customs (GACC)",
    "yahoo": "Yahoo Finance",
}


def _empty_frame() -> pd.DataFrame:
    return pd.DataFrame()


@dataclass
class Context:
    """Everything a rule may look at. Loader callables may raise KeyError/LookupError: treated as no data."""

    get_series: Callable[[str], pd.Series] | None = None
    get_points: Callable[[str], pd.DataFrame] | None = None
    events: pd.DataFrame = field(default_factory=_empty_frame)
    facts: pd.DataFrame = field(default_factory=_empty_frame)
    today: pd.Timestamp = field(default_factory=lambda: pd.Timestamp.today().normalize())
    get_meta: Callable[[str], dict] | None = None
    memo: dict = field(default_factory=dict, repr=False, compare=False)  # per-run results shared by the rules

    def remember(self, key: tuple, make: Callable[[], Any]) -> Any:
        """`make()` once per key for this context: rules ask for the same point table or event index often.
        Bounded: a context kept for a page's reader settings is cleared once it holds MEMO_ENTRIES results."""
        if key not in self.memo:
            if len(self.memo) >= MEMO_ENTRIES:
                self.memo.clear()
            self.memo[key] = make()
        return self.memo[key]

    @staticmethod
    def _read(load: Callable[[str], Any] | None, sid: str) -> Any:
        """`load(sid)`, or None when there is no loader, the file is broken or it holds nothing (= no data)."""
        if load is None:
            return None
        try:
            value = load(sid)
        except (LookupError, OSError, ValueError, TypeError, SnapshotError):  # broken file = no data
            return None
        return value if value is not None and len(value) else None

    def series(self, sid: str) -> pd.Series | None:
        s = self._read(self.get_series, sid)
        if s is None:
            return None
        s = pd.Series(pd.to_numeric(s, errors="coerce"), index=pd.DatetimeIndex(s.index)).dropna().sort_index()
        return s if len(s) else None

    def points(self, sid: str) -> pd.DataFrame | None:
        p = self._read(self.get_points, sid)
        if p is None:
            return None
        p = p.copy()
        p["date"] = pd.to_datetime(p["date"])
        return p

    def provider(self, sid: str) -> str:
        if self.get_meta is not None:
            try:
                prov = (self.get_meta(sid) or {}).get("provider")
                if prov:
                    return str(prov)
            except (LookupError, OSError, ValueError):
                pass
        for tok in reversed(sid.split("_")):
            if tok in PROVIDER_NAMES:
                return PROVIDER_NAMES[tok]
        return sid


class PointInfo:
    """date -> {flag, source_title, source_url, unit, provider_detail} of the point used for a series' line.

    Read on demand: a daily series has thousands of points and a rule cites a few, so a dict per point would
    be most of the time it takes to compute the verdicts."""

    COLUMNS = ("flag", "source_title", "source_url", "unit", "provider_detail")

    def __init__(self, points: pd.DataFrame | None):
        self._seen: dict[pd.Timestamp, dict] = {}
        if points is None or points.empty:
            self._rows = pd.DataFrame(columns=list(self.COLUMNS), index=pd.DatetimeIndex([]))
            return
        if "used" in points.columns:
            used = points[points["used"].astype(bool)]
            points = used if len(used) else points
        rows = points[[k for k in self.COLUMNS if k in points.columns]].copy()
        rows.index = pd.DatetimeIndex(points["date"]).normalize()
        self._rows = rows[~rows.index.duplicated(keep="first")]  # the first point of a date is on the line

    def get(self, d: pd.Timestamp, default: dict | None = None) -> dict:
        if d not in self._rows.index:
            return {} if default is None else default
        if d not in self._seen:  # rules cite the same few dates again and again (the robustness grid)
            self._seen[d] = {k: ("" if pd.isna(v) else str(v)) for k, v in self._rows.loc[d].items()}
        return dict(self._seen[d])

    def weaker_than(self, min_tier: int) -> set[pd.Timestamp]:
        """Dates whose point cites a source of a weaker tier than `min_tier` (4 = keep every source)."""
        if "source_url" not in self._rows.columns:
            return set()
        titles = self._rows["source_title"] if "source_title" in self._rows.columns else None
        out = set()
        for d, url in self._rows["source_url"].items():
            title = "" if titles is None or pd.isna(titles.get(d)) else str(titles.get(d))
            if isinstance(url, str) and url and tier_of(url, title).rank > min_tier:
                out.add(d)
        return out

    def flagged(self, exclude: set[str]) -> set[pd.Timestamp]:
        """Dates whose point carries one of the `exclude` flags ('partial;converted: ÷ 31 days' counts for both)."""
        if "flag" not in self._rows.columns or not exclude:
            return set()
        flags = self._rows["flag"].dropna().astype(str)
        return {d for d, f in flags[flags != ""].items() if point_flags.names(f) & exclude}


# ------------------------------------------------------------------------------------ shared readers
def as_list(x: Any) -> list:
    if x is None or x == "":
        return []
    return list(x) if isinstance(x, (list, tuple)) else [x]


def fmt_value(v: float) -> str:
    return f"{v:,.2f}" if abs(v) < 100 else f"{v:,.1f}"


def month_label(t: pd.Timestamp) -> str:
    return f"{t:%b %Y}"


def point_info(ctx: Context, sid: str) -> PointInfo:
    """The series' point details, read once per context (rules ask for the same series often)."""
    return ctx.remember(("point_info", sid), lambda: PointInfo(ctx.points(sid)))


def _provider_text(provider: str, detail: str) -> str:
    """'Kpler (ship-tracking)' plus the point's own provider note when it adds something (e.g. 'via Bloomberg')."""
    return provider if not detail or detail.strip("()").lower() in provider.lower() else f"{provider}; {detail}"


def cite(ctx: Context, sid: str, info: PointInfo, d: pd.Timestamp, value: float, label: str, unit: str) -> dict:
    """One number a verdict used, with its provider, flag and source (the shape `Verdict.numbers` holds)."""
    pi = info.get(d, {})
    return {
        "label": label,
        "value": round(float(value), 4),
        "unit": pi.get("unit") or unit,
        "date": d.date(),
        "provider": _provider_text(ctx.provider(sid), pi.get("provider_detail", "")),
        "series": sid,
        "flag": pi.get("flag", ""),
        "source_title": pi.get("source_title", ""),
        "source_url": pi.get("source_url", ""),
    }


def usable_series(
    ctx: Context, sid: str, exclude: set[str], min_tier: int = LOWEST
) -> tuple[pd.Series | None, PointInfo, list[pd.Timestamp]]:
    """The series without its points flagged as one of `exclude` or cited from a source weaker than `min_tier`
    (see components.source_tiers), its point details, and the dates left out. Made once per context and
    settings: the robustness grid asks for the same series with the same settings many times."""
    key = ("usable", sid, frozenset(exclude), int(min_tier))
    return ctx.remember(key, lambda: _usable(ctx, sid, exclude, int(min_tier)))


def _usable(ctx: Context, sid: str, exclude: set[str], min_tier: int):
    s = ctx.series(sid)
    info = point_info(ctx, sid)
    if s is None:
        return None, info, []
    left_out = info.flagged(exclude) | (info.weaker_than(min_tier) if min_tier < LOWEST else set())
    dropped = [d for d in s.index if d in left_out]
    return (s.drop(dropped) if dropped else s), info, dropped


def exclusion_note(dropped: list[pd.Timestamp], exclude: set[str], min_tier: int = LOWEST) -> str:
    if not dropped:
        return ""
    why = "/".join(sorted(exclude)) or "flagged"
    if min_tier < LOWEST:
        why += f" or cited from a source below tier {min_tier}"
    return f" Left out as {why}: " + ", ".join(month_label(d) for d in dropped) + "."
