"""Periods of several months on sentences written for the tests: quarters, halves and parts of a year become
month ranges with their reason (never the bare year), a month without a year takes the article's year, and a
figure stated for a quarter is checked against the mean of each provider's figures for those months."""

from __future__ import annotations

import pandas as pd
import pytest

from components import evidence
from components.claimscan import periods, quantities, scan
from tests.factories.claimscan import SCAN_ACTORS, SCAN_CATALOG, SCAN_PUBLISHED
from tests.factories.series import monthly_series, series_loaders


@pytest.mark.parametrize(
    "sentence,label,reason",
    [
        ("Imports rose in the first quarter of 2025.", "Jan–Mar 2025", "Q1 2025: January to March"),
        ("Imports rose in Q1 2025.", "Jan–Mar 2025", "Q1 2025: January to March"),
        ("Imports rose in 3Q25.", "Jul–Sep 2025", "Q3 2025"),
        ("Imports fell in the second half of 2025.", "Jul–Dec 2025", "H2 2025: July to December"),
        ("Imports fell in H2 2025.", "Jul–Dec 2025", "H2 2025"),
        ("Imports were steady in early 2025.", "Jan–Apr 2025", "January to April 2025"),
        ("Imports were steady in mid-2024.", "May–Aug 2024", "May to August 2024"),
        ("Imports rose in the final quarter.", "Oct–Dec 2025", "no year given: the year of the article (2025)"),
        ("Imports rose in the first half of this year.", "Jan–Jun 2025", "'this year' from the article date"),
    ],
)
def test_quarters_halves_and_parts_of_a_year_are_month_ranges_not_the_year(sentence, label, reason):
    (period,) = periods.parse(sentence, SCAN_PUBLISHED)
    assert period.label == label and period.granularity == "months" and reason in period.reason


def test_a_month_without_a_year_takes_the_article_year_and_says_so():
    (dec,) = periods.parse("Imports will slump in December.", pd.Timestamp("2024-11-20"))
    assert dec.label == "Dec 2024" and "article date (20 Nov 2024)" in dec.reason


def test_periods_come_in_the_order_the_sentence_names_them():
    found = periods.parse("Imports hit 1.8 mb/d in Q1 2025, up from December 2024.", SCAN_PUBLISHED)
    assert [p.label for p in found] == ["Jan–Mar 2025", "Dec 2024"]


def test_the_digits_of_q1_and_h2_are_not_figures():
    sentence = "India took 1.8 mb/d in Q1 2025 and H2 2025."
    assert [q.value for q in quantities.parse(sentence, periods.spans(sentence))] == [pytest.approx(1.8)]


def test_h2_without_a_year_is_not_a_period():
    assert periods.parse("H2 fuel cells were discussed.", SCAN_PUBLISHED) == []


def quarter_context():
    """Kpler Jan-Mar 2025 = 1.7, 1.8, 1.9 (mean 1.8); Vortexa has only January and February."""
    series = {
        "india_imports_russia_kpler": monthly_series("2024-12-01", [1.2, 1.7, 1.8, 1.9, 2.5], "kpler"),
        "india_imports_russia_vortexa": monthly_series("2024-12-01", [1.2, 1.8, 1.8], "vortexa"),
    }
    get_series, get_points = series_loaders(series)
    return evidence.Context(get_series=get_series, get_points=get_points, today=pd.Timestamp("2026-06-01"))


def test_a_figure_for_a_quarter_is_checked_against_those_three_months():
    result = scan.scan_article(
        "India imported about 1.8 million b/d of Russian crude in the first quarter of 2025.",
        case_actors=SCAN_ACTORS,
        catalog=SCAN_CATALOG,
        context=quarter_context(),
        published=SCAN_PUBLISHED,
    )
    (c,) = result.candidates
    assert c.spec["rule"] == "value_matches"
    assert (str(c.spec["at"]), str(c.spec["end"])) == ("2025-01-01", "2025-03-01")
    assert c.period == "Jan–Mar 2025" and "Q1 2025" in c.rule_reason
    kpler, vortexa = c.verdict.parts
    # the mean of Jan-Mar (1.8) agrees; the single month of January (1.7) or the year would read differently
    assert kpler.status == "supported" and "1.80 (mean of 3 months)" in kpler.detail
    assert [n["date"].month for n in kpler.numbers] == [1, 2, 3]
    assert vortexa.status == "no data" and "2 of 3 months" in vortexa.detail
    assert c.verdict.status == "supported"


def test_a_quarter_total_in_barrels_is_spread_over_its_days():
    result = scan.scan_article(
        "India imported 162 million barrels of Russian crude in Q1 2025.",
        case_actors=SCAN_ACTORS,
        catalog=SCAN_CATALOG,
        context=quarter_context(),
        published=SCAN_PUBLISHED,
    )
    (c,) = result.candidates
    assert c.spec["value"] == pytest.approx(162 / 90) and "90 days" in c.rule_reason
    assert c.verdict.parts[0].status == "supported"


def test_the_rule_reads_the_months_from_at_to_end():
    spec = {"rule": "value_matches", "series": ["india_imports_russia_kpler"], "at": "2025-02-01", "value": 1.7}
    ctx = quarter_context()
    assert evidence.evaluate({**spec, "end": "2025-03-01"}, ctx).status == "contradicted"  # mean 1.85
    assert evidence.evaluate(spec, ctx).status == "contradicted"  # February alone: 1.8, 6% off
    assert evidence.evaluate({**spec, "at": "2025-01-01"}, ctx).status == "supported"  # January alone: 1.7
    assert evidence.validate_spec({**spec, "end": "2024-01-01"})[0][0].endswith(".end")


@pytest.mark.parametrize(
    "sentence,windows",
    [
        ("India's imports of Russian crude fell in Q1 2025.", ("2024-10-01", "2024-12-01", "2025-01-01", "2025-03-01")),
        (
            "India's imports of Russian crude rose in H2 2025 from H1 2025.",
            ("2025-01-01", "2025-06-01", "2025-07-01", "2025-12-01"),
        ),
    ],
)
def test_a_change_over_ranges_compares_whole_windows(sentence, windows):
    result = scan.scan_article(sentence, case_actors=SCAN_ACTORS, catalog=SCAN_CATALOG, published=SCAN_PUBLISHED)
    (c,) = result.candidates
    assert c.spec["rule"] == "change_between"
    got = tuple(str(c.spec[k]) for k in ("a_start", "a_end", "b_start", "b_end"))
    assert got == windows and evidence.validate_spec(c.spec) == []
