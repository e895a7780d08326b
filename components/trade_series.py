"""Which trade series the snapshot holds and how their ids read: India's imports from Russia per provider,
Russia's share, India's other suppliers, China's customs figures; and every figure a provider printed (pure).

Series ids follow `india_imports_<origin>_<provider>` and `india_russia_share_<provider>` (data/README); the
catalog says what exists, so nothing here assumes a provider is there."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import pandas as pd

from components import point_flags

RUSSIA_PREFIX = "india_imports_russia_"
IMPORTS_PREFIX = "india_imports_"
SHARE_PREFIX = "india_russia_share_"
CHINA_ID = "china_imports_russia_gacc"
MBD = "million b/d"
ORIGIN_LABELS = {
    "russia": "Russia",
    "iraq": "Iraq",
    "saudi": "Saudi Arabia",
    "uae": "UAE",
    "us": "United States",
    "total": "Total, all origins",
}
POINT_COLUMNS = [
    "date",
    "value",
    "unit",
    "provider",
    "flag",
    "flag_meaning",
    "source_title",
    "source_url",
    "used",
    "series_id",
]


def provider_key(series_id: str) -> str:
    """'india_imports_iraq_kpler' -> 'kpler' (the id's last part)."""
    return series_id.rsplit("_", 1)[-1]


def origin_key(series_id: str) -> str:
    """'india_imports_saudi_kpler' -> 'saudi'."""
    return series_id.removeprefix(IMPORTS_PREFIX).rsplit("_", 1)[0]


def origin_label(series_id: str) -> str:
    origin = origin_key(series_id)
    return ORIGIN_LABELS.get(origin, origin.replace("_", " ").title())


@dataclass(frozen=True)
class TradeSeries:
    """The monthly India and China import series on record, by role."""

    russia: list[str]  # India from Russia, one per provider, million b/d
    shares: list[str]  # Russia's share of India's imports, one per provider
    origins: list[str]  # India from other origins (and the total), million b/d
    china: str | None  # China from Russia, customs
    providers: dict[str, str]  # series id -> provider as the catalog names it

    @property
    def origin_providers(self) -> list[str]:
        return sorted({provider_key(i) for i in self.origins})

    def provider(self, series_id: str) -> str:
        return self.providers.get(series_id, series_id)

    def by_origin(self, provider: str) -> list[tuple[str, str]]:
        """(series id, origin label) of one provider's India lines: Russia first, then the other origins."""
        ids = [RUSSIA_PREFIX + provider] + self.origins
        return [(i, origin_label(i)) for i in ids if provider_key(i) == provider and i in self.providers]


def trade_series(catalog: pd.DataFrame) -> TradeSeries:
    """The readable snapshot series of the trade page, from the catalog."""
    ok = catalog[(catalog["status"] == "ok") & (catalog["origin"] == "snapshot")].set_index("id")
    india = ok[(ok["topic"] == "india imports") & (ok["frequency"] == "monthly")]
    unit = india["unit"].to_dict()
    return TradeSeries(
        russia=[i for i in india.index if i.startswith(RUSSIA_PREFIX) and unit[i] == MBD],
        shares=[i for i in india.index if i.startswith(SHARE_PREFIX)],
        origins=[
            i
            for i in india.index
            if i.startswith(IMPORTS_PREFIX) and not i.startswith(RUSSIA_PREFIX) and unit[i] == MBD
        ],
        china=CHINA_ID if CHINA_ID in ok.index else None,
        providers={i: str(p) for i, p in ok["provider"].items()},
    )


def cited_figures(
    series_ids: Iterable[str],
    read_points: Callable[[str], pd.DataFrame | None],
    provider: Callable[[str], str],
    start: pd.Timestamp,
    end: pd.Timestamp,
) -> pd.DataFrame:
    """Every figure the chosen series' providers printed in [start, end], alternatives included (used=False),
    by date then provider. `read_points(id)` gives a series' cited points, or None when unreadable."""
    frames = [(sid, read_points(sid)) for sid in series_ids]
    frames = [frame.assign(provider=provider(sid), series_id=sid) for sid, frame in frames if frame is not None]
    if not frames:
        return pd.DataFrame(columns=POINT_COLUMNS)
    table = pd.concat(frames, ignore_index=True)
    table = table[(table["date"] >= start) & (table["date"] <= end)].sort_values(["date", "provider"])
    table["flag_meaning"] = table["flag"].map(point_flags.describe)
    return table[POINT_COLUMNS]
