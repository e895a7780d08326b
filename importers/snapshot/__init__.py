"""Build the committed snapshot in `data/series/` from the raw folders in `../shared/sources`, once.

Run: `python -m components.data import --sources ../shared/sources` (or `python -m importers.snapshot`, which
also takes `--data-dir` to build into another folder). Build time only: nothing at runtime imports this module
or reads `../shared`.
Rules (also shown to users on the Data & sources page):
- values are carried over as printed; the only conversions are stated in `units` and tested: a month
  total in million barrels -> million b/d (divide by the days in the month), million tonnes -> million b/d
  at 7.33 barrels per tonne (S&P Global's factor for Russian crude), thousand -> million of the same
  measure; each is flagged `converted: <the factor>`;
- a figure in another currency is kept in its printed unit (`unit: <unit>`) as a cited alternative, never on
  the line; a row whose unit or delivery basis cannot be reconciled with its series stops the import
  (`UnitRefused`, naming compiled/<file>:<line> and the reason);
- the source's wording becomes flags (`wording`): approximate, bound, range, footnoted, unnamed, beside
  partial, provisional and caution (components.point_flags says each in words);
- each provider stays its own series; where one provider has several figures for one month, the first
  plain figure in source order is used for the line, else the first of the least weak, and the others are
  kept as cited alternatives (`used` = False);
- gaps stay gaps: no interpolation, no averaging.

Modules by concern: `wording` (provider keys and weak-point flags from a row's words), `units` (a row's unit
against its series': same, converted by a stated factor, kept in its own, or refused), `points` (dates,
which figure draws the line), `trade` (India's and China's imports), `russia` (Urals prices and
discounts, revenue), `official` (EIA, ECB, FRED, DGCI&S files), `live` (Yahoo records), `build` (the whole
import, the vintage, the command line), `carry` (what a re-import keeps from publisher refreshes newer than the
source files). Every name is re-exported here, so `from importers import snapshot`
keeps working.
"""

from importers.snapshot.build import (
    build_all,
    coverage_lines,
    import_vintage,
    main,
    run_import,
    write_snapshot,
)
from importers.snapshot.live import LIVE_FALLBACK, LIVE_SERIES, live_records
from importers.snapshot.official import START, build_dgcis, build_ecb, build_eia, build_fred
from importers.snapshot.points import (
    COMPILED_LICENCE,
    MIN_POINTS,
    Built,
    choose_used,
    compiled_meta,
    compiled_points,
    month_start,
    read_compiled,
    year_start,
)
from importers.snapshot.russia import BASIS, build_urals_and_revenue
from importers.snapshot.trade import INDIA_ORIGINS, build_china, build_india
from importers.snapshot.units import (
    BARRELS_PER_TONNE,
    UnitRefused,
    basis_of,
    days_in_month,
    month_total_to_mbd,
    parse_unit,
    reconcile,
    tonnes_to_mbd,
)
from importers.snapshot.wording import (
    PROVIDER_NAMES,
    classify_provider,
    flags_for,
    order_flags,
    provider_unnamed,
    quote_flags,
    row_flags,
)

__all__ = [
    "BARRELS_PER_TONNE",
    "BASIS",
    "Built",
    "COMPILED_LICENCE",
    "INDIA_ORIGINS",
    "LIVE_FALLBACK",
    "LIVE_SERIES",
    "MIN_POINTS",
    "PROVIDER_NAMES",
    "START",
    "UnitRefused",
    "basis_of",
    "build_all",
    "build_china",
    "build_dgcis",
    "build_ecb",
    "build_eia",
    "build_fred",
    "build_india",
    "build_urals_and_revenue",
    "choose_used",
    "classify_provider",
    "compiled_meta",
    "compiled_points",
    "coverage_lines",
    "days_in_month",
    "flags_for",
    "import_vintage",
    "live_records",
    "main",
    "month_start",
    "month_total_to_mbd",
    "order_flags",
    "parse_unit",
    "provider_unnamed",
    "quote_flags",
    "read_compiled",
    "reconcile",
    "row_flags",
    "run_import",
    "tonnes_to_mbd",
    "write_snapshot",
    "year_start",
]
