"""Per case: every point its claims can use says what its source says.

- in the committed snapshot: a point's unit is its series' unit, or it carries 'converted' with the factor, or it
  is kept in its own unit ('unit: <the printed unit>') and is not on the line;
- against the raw compiled rows (when ../shared/sources is beside the checkout, as in CI; set CLAIMLENS_SOURCES to
  point elsewhere): a row whose wording is weak ('about', 'more than', an asterisk, a range midpoint, a provider
  not named) gives a point that carries the flag. The wording is found here by a simpler reading than the
  importer's, so the two check each other.
"""

import os
import re
import tomllib
from pathlib import Path

import pandas as pd
import pytest

from components import data, point_flags
from tests.factories.snapshot import ROOT

CASES = sorted(p for p in (ROOT / "data" / "cases").iterdir() if (p / "claims.toml").is_file())
SOURCES = Path(os.environ.get("CLAIMLENS_SOURCES", ROOT.parent / "shared" / "sources"))
COMPILED = (
    "india_crude_imports_by_origin_monthly.csv",
    "china_crude_imports_from_russia_monthly.csv",
    "urals_price_and_discount_monthly.csv",
    "russia_oil_revenue_by_destination.csv",
)
QUOTE_HEDGES = {
    "approximate": ("about", "around", "nearly", "approximately", "roughly", "almost"),
    "bound": ("more than", "over", "at least", "up to"),
}
NOTE_HEDGES = {"approximate": ("'about'", "'around'", "'nearly'", "'roughly'"), "bound": ("'more than'", "'over'")}


def case_series(case_dir: Path) -> set[str]:
    """Every series id named anywhere in a case's claims (rules, scenario conditions)."""
    found: set[str] = set()

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "series":
                    found.update([value] if isinstance(value, str) else value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(tomllib.loads((case_dir / "claims.toml").read_text()))
    return {sid for sid in found if data.series_meta(sid).get("origin") == "snapshot"}


def case_points(case_dir: Path) -> dict[str, pd.DataFrame]:
    return {sid: data.load_points(sid) for sid in sorted(case_series(case_dir))}


@pytest.mark.parametrize("case_dir", CASES, ids=lambda p: p.name)
def test_every_point_is_in_its_series_unit_or_says_how_it_was_converted(case_dir):
    points = case_points(case_dir)
    assert points, "the case uses snapshot series"
    for sid, frame in points.items():
        unit = data.series_meta(sid)["unit"]
        for _, point in frame.iterrows():
            where = f"{sid} {point['date']:%Y-%m} {point['value']}"
            if point["unit"] == unit:
                assert "unit" not in point_flags.names(point["flag"]), where
                if "converted" in point_flags.names(point["flag"]):
                    assert point_flags.detail(point["flag"], "converted"), f"{where}: converted names no factor"
                continue
            assert point_flags.detail(point["flag"], "unit") == point["unit"], f"{where}: unit {point['unit']}"
            assert not point["used"], f"{where}: a point in another unit is drawn on the line"


def _forms(value: float) -> list[str]:
    """How a page may print the figure: '1.62', '896,000' for 0.896 million, '18' for -18."""
    out = []
    for scale in (1, 1e3, 1e6):
        shown = abs(value) * scale
        if abs(shown - round(shown)) < 1e-9:
            out += [f"{int(round(shown)):,}", str(int(round(shown)))]
        elif scale == 1:
            out.append(f"{abs(value):g}")
    return out


def expected_flags(row: pd.Series) -> set[str]:
    """The weak wording of one raw row, read simply: a hedge word right before the printed figure, the
    compiler's quoted hedge, an asterisk, a midpoint, a provider not named."""
    quote, note = str(row["quote_of_figure"]), str(row["note"]).lower()
    figure = "|".join(re.escape(f) for f in _forms(float(row["value"])))
    expected = set()
    for flag, words in QUOTE_HEDGES.items():
        if any(re.search(rf"\b{w}\s+\$?(?:{figure})(?![\d.,])", quote, re.I) for w in words):
            expected.add(flag)
    for flag, words in NOTE_HEDGES.items():
        if any(w in note for w in words) and "row" not in note:
            expected.add(flag)
    if "asterisk" in note:
        expected.add("footnoted")
    if "midpoint" in note:
        expected.add("range")
    if "not named" in str(row["data_provider"]).lower():
        expected.add("unnamed")
    return expected


@pytest.mark.skipif(not (SOURCES / "compiled").is_dir(), reason="../shared/sources is not beside this checkout")
@pytest.mark.parametrize("case_dir", CASES, ids=lambda p: p.name)
def test_every_source_row_with_weak_wording_gives_a_point_that_carries_its_flag(case_dir):
    points = pd.concat([frame.assign(series=sid) for sid, frame in case_points(case_dir).items()])
    checked = 0
    for name in COMPILED:
        raw = pd.read_csv(SOURCES / "compiled" / name)
        for line, row in raw.iterrows():
            if not re.fullmatch(r"\d{4}-\d{2}", str(row["month"])):
                continue
            expected = expected_flags(row)
            if not expected:
                continue
            same = points[
                (points["source_url"] == row["source_url"])
                & (points["date"] == pd.Timestamp(f"{row['month']}-01"))
                & ((points["value"] - float(row["value"])).abs() < 1e-9)
            ]
            for _, point in same.iterrows():
                checked += 1
                missing = expected - point_flags.names(point["flag"])
                assert not missing, f"compiled/{name}:{line + 2} -> {point['series']}: {sorted(missing)} missing"
    assert checked, "the case's series cite rows with weak wording"
