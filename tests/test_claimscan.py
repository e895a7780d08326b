"""components.claimscan on sentences written for the tests: quantities, periods, actors, relations, matching,
suggested rules and verdicts; input limits; bounded work."""

from __future__ import annotations

import time
import tracemalloc

import pandas as pd
import pytest

from components.claimscan import actors as claimscan_actors
from components.claimscan import measures, periods, quantities, relations, scan, sentences, text_input
from tests.factories.claimscan import SCAN_ACTORS, SCAN_CATALOG, SCAN_PUBLISHED, scan_context


def q(sentence):
    return quantities.parse(sentence)


# ------------------------------------------------------------------------------------------ quantities
@pytest.mark.parametrize(
    "sentence,value,unit,qualifier",
    [
        ("India took 1.8 mb/d of Russian crude.", 1.8, "million b/d", "exact"),
        ("Imports were about 1.87 million bpd.", 1.87, "million b/d", "about"),
        ("Arrivals came to more than 2 million barrels a day.", 2.0, "million b/d", "at_least"),
        ("Shipments fell to less than 900 kb/d.", 0.9, "million b/d", "at_most"),
        ("China bought 8.85 million tonnes.", 8.85, "million tonnes", "exact"),
        ("India imported 31 million barrels in March.", 31.0, "million barrels", "exact"),
        ("Urals sold at a discount of $12 a barrel.", 12.0, "USD/bbl", "exact"),
        ("Russia's share reached 36 per cent.", 36.0, "percent", "exact"),
    ],
)
def test_quantities_in_our_units(sentence, value, unit, qualifier):
    (first, *_) = q(sentence)
    assert first.value == pytest.approx(value) and first.unit == unit and first.qualifier == qualifier


def test_a_range_keeps_both_ends_and_years_are_not_figures():
    (r,) = q("India may get 600,000 to 650,000 barrels per day in 2025.")
    assert (r.low, r.high, r.qualifier) == (pytest.approx(0.6), pytest.approx(0.65), "range")


# --------------------------------------------------------------------------------------------- periods
@pytest.mark.parametrize(
    "sentence,labels",
    [
        ("Imports will slump in December.", ["Dec 2025"]),  # relative to a November 2025 report
        ("On March 7, 2025 Trump posted.", ["07 Mar 2025"]),
        ("In October it rose 2% from September.", ["Oct 2025", "Sep 2025"]),
        ("This month India expects more.", ["Nov 2025"]),
        ("The lowest since 2022.", ["2022"]),
        ("He may say so.", []),  # 'may' is a verb, not May
    ],
)
def test_periods(sentence, labels):
    assert [p.label for p in periods.parse(sentence, SCAN_PUBLISHED)] == labels


# ---------------------------------------------------------------------------------------------- actors
def found(text, actors=SCAN_ACTORS):
    result = scan.scan_article(text, case_actors=actors, published=SCAN_PUBLISHED)
    return result.actors.set_index("id")


def test_known_countries_titles_and_splits():
    text = (
        "Treasury Secretary Jane Doe said Iraq and Kazakhstan sold more oil to Indian refiners. "
        "OPEC+ met in Vienna while NATO did not. Analysts at Goldman Sachs agreed."
    )
    table = found(text)
    assert table.loc["iraq", "kind"] == "state" and table.loc["kazakhstan", "kind"] == "state"
    assert "pycountry" in table.loc["iraq", "reason"]
    assert table.loc["name_jane_doe", "label"] == "Jane Doe" and table.loc["name_jane_doe", "kind"] == "person"
    assert "Treasury Secretary" in table.loc["name_jane_doe", "reason"]
    assert table.loc["india", "known"] and "adjective" not in table.loc["india", "reason"]
    assert {"opec_plus", "nato"} <= set(table.index) and table.loc["opec_plus", "label"] == "OPEC+"


def test_topic_words_are_never_actors():
    text = "NEW DELHI, Nov 25 (Reuters) - Urals and Brent rose in March while BZ=F fell, Kpler data showed on Monday."
    table = found(text)
    labels = set(table["label"])
    assert not labels & {"Urals", "Brent", "March", "BZ=F", "Kpler", "Monday", "NEW DELHI", "Reuters"}


# ------------------------------------------------------------------------------------------- relations
def test_relations_typed_by_verb_otherwise_mentioned_with():
    result = scan.scan_article(
        "The US sanctioned Russia. India bought oil from Russia. India and the US were both named.",
        case_actors=SCAN_ACTORS,
        published=SCAN_PUBLISHED,
    )
    rel = {(r.source, r.target): r.type for r in result.relations.itertuples()}
    assert rel[("us", "russia")] == "sanctions"
    assert rel[("india", "russia")] == "buys oil from"
    assert rel[("india", "us")] == relations.MENTIONED_WITH


@pytest.mark.parametrize("n", [1_000, 10_000])
def test_long_lists_of_names_are_linked_linearly_and_capped(n):
    """Issue 15: any paste up to the limit in < 2 s and < 100 MB extra. CPU time of this process (other
    helpers share the machine's two cores), then tracemalloc's peak in a second scan: tracing every allocation
    triples the scan's time, so the two are not measured in the same run. bench/bench_claimscan.py has the
    figures."""
    names = (", ".join(f"Name{i:05d} Holdings" for i in range(n)) + ".")[: text_input.MAX_BYTES]
    scan.scan_article("warm up the parsers: 1.5 mb/d in May 2025.", published=SCAN_PUBLISHED)
    cpu = time.process_time()
    result = scan.scan_article(names, published=SCAN_PUBLISHED)
    cpu = time.process_time() - cpu
    tracemalloc.start()
    scan.scan_article(names, published=SCAN_PUBLISHED)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert len(result.relations) <= relations.MAX_LINKS
    assert any("strongest of" in x for x in result.notices)
    assert cpu < 2.0 and peak < 100e6


def test_notice_counts_every_possible_pair():
    mentions = [claimscan_actors.Mention(f"a{i}", i * 3, i * 3 + 2, "x") for i in range(1000)]
    links = relations.link([(1, "x" * 3000, mentions)])
    assert "showing the 200 strongest of 499,500 links" in links.notice


# ------------------------------------------------------------------------------------- matching, rules
def test_matches_catalog_series_with_reason_and_converts_units():
    m = measures.match("India imported 1.8 mb/d of Russian crude.", {"india", "russia"}, {"flow"}, SCAN_CATALOG)
    assert m.series == ("india_imports_russia_kpler", "india_imports_russia_vortexa") and "India" in m.reason
    (tonnes,) = q("China bought 8.85 million tonnes")
    low, high, how = measures.to_series_unit(tonnes, "million b/d", pd.Timestamp("2025-03-01"), "x")
    assert low == pytest.approx(8.85 * 7.33 / 31) and "7.33" in how
    assert measures.match("Brent averaged $71 a barrel in March.", set(), {"price"}, SCAN_CATALOG).series == (
        "brent_spot_eia",
    )


def test_candidates_ranked_parsed_matched_and_checked():
    text = (
        "Oil is a complicated business.\n\n"
        "India is expected to import about 1.87 million bpd of Russian crude in November, Kpler data showed.\n\n"
        "In December India's Russian crude imports fell to the lowest in three years."
    )
    result = scan.scan_article(
        text, case_actors=SCAN_ACTORS, catalog=SCAN_CATALOG, context=scan_context(), published=SCAN_PUBLISHED
    )
    by_no = {c.sentence_no: c for c in result.candidates}
    assert 1 not in by_no  # no figure, date or comparison
    nov = by_no[2]
    assert nov.spec["rule"] == "value_matches" and nov.spec["value"] == pytest.approx(1.87)
    assert nov.spec["at"] == pd.Timestamp("2025-11-01").date() and nov.period == "Nov 2025"
    assert "Kpler" in nov.providers and any("named source" in r for r in nov.reasons)
    assert nov.verdict.status == "mixed"  # Kpler 1.80 is 4% off (tolerance 5%): agrees; Vortexa 2.20 does not
    dec = by_no[3]
    assert dec.spec["rule"] == "lowest_since" and dec.spec["months"] == 36
    assert dec.verdict.status == "supported"  # Kpler 1.27 is below every month back to Jan 2023


def test_one_bad_candidate_never_stops_the_others(monkeypatch):
    calls = []

    def boom(*args, **kwargs):
        calls.append(args)
        if len(calls) == 1:
            raise RuntimeError("broken")
        return []

    monkeypatch.setattr(measures, "match_events", boom)
    text = "India took 1.8 mb/d of Russian oil in October. India took 1.9 mb/d of Russian oil in November."
    result = scan.scan_article(text, case_actors=SCAN_ACTORS, catalog=SCAN_CATALOG, published=SCAN_PUBLISHED)
    assert result.candidates[0].error and not result.candidates[1].error
    assert result.candidates[1].spec["rule"] == "value_matches"


# ------------------------------------------------------------------------------------------------ input
def test_limits_are_exact_in_bytes():
    with pytest.raises(text_input.TextInputError, match=r"204,801 bytes; the limit is 204,800 bytes \(1 byte over\)"):
        text_input.check_text("x" * 204_801)
    assert text_input.check_text("x" * 204_800)


def test_utf16_with_bom_is_text_binary_and_empty_are_named():
    assert text_input.read_upload("Hello, India.".encode("utf-16"), "a.txt") == "Hello, India."
    with pytest.raises(text_input.TextInputError, match="binary"):
        text_input.read_upload(b"\x89PNG\x00\x00", "a.txt")
    with pytest.raises(text_input.TextInputError, match="empty"):
        text_input.read_upload(b"  \n", "a.txt")
    with pytest.raises(text_input.TextInputError, match="not valid UTF-8"):
        text_input.read_upload("café".encode("latin-1"), "a.txt")


def test_sentences_keep_paragraphs_and_abbreviations():
    out = sentences.split("The U.S. said so. Mr. Smith agreed.\n\n# Heading\nIndia replied.")
    assert [(s.paragraph, s.text) for s in out] == [
        (1, "The U.S. said so."),
        (1, "Mr. Smith agreed."),
        (2, "Heading"),
        (2, "India replied."),
    ]


def test_headlines_eras_and_title_case_phrases_are_not_actors():
    text = (
        "Trump Threatens Russia With Sweeping Banking Measures\n\n"
        "The Biden-era rules stayed. Russians and Indians traded; banking measures were discussed by Acme Holdings."
    )
    table = found(text)
    labels = set(table["label"])
    assert not labels & {"Trump Threatens Russia With Sweeping Banking Measures", "Sweeping Banking Measures"}
    assert not any("Biden" in label for label in labels)
    assert {"russia", "india"} <= set(table.index)  # 'Russians', 'Indians': the people of a case country
    assert table.loc["name_acme_holdings", "kind"] == "company"


def test_a_fall_in_one_month_is_checked_against_the_month_before():
    result = scan.scan_article(
        "India's imports of Russian crude fell in February 2025.",
        case_actors=SCAN_ACTORS,
        catalog=SCAN_CATALOG,
        published=SCAN_PUBLISHED,
    )
    (c,) = result.candidates
    assert c.spec["rule"] == "change_between" and c.spec["expect"] == "down"
    assert (str(c.spec["a"]), str(c.spec["b"])) == ("2025-01-01", "2025-02-01")
