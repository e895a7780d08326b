"""Actors found well, on sentences written for the tests: only known case actors, countries, known
organisations, companies and people, or names of two or more words with a cue become actors, each with its
reason; topic words, single capitalised words and title-case phrases never do. Relations: passive voice turns
the direction round, and a link is typed only where a verb says so."""

from __future__ import annotations

import pytest

from components.claimscan import actors as claimscan_actors
from components.claimscan import relations, scan
from tests.factories.claimscan import SCAN_ACTORS, SCAN_PUBLISHED


def actor_table(text, actors=SCAN_ACTORS):
    return scan.scan_article(text, case_actors=actors, published=SCAN_PUBLISHED).actors.set_index("id")


def links(text):
    result = scan.scan_article(text, case_actors=SCAN_ACTORS, published=SCAN_PUBLISHED)
    return {(r.source, r.target): (r.type, r.directed) for r in result.relations.itertuples()}


@pytest.mark.parametrize(
    "text",
    [
        "Détente was the word of the day in the markets.",
        "Based on the tanker data, the traders sold more cargoes.",
        "Link prices to the benchmark, the traders said.",
        "The new Banking Sanctions would bite, the traders feared.",
        "Trump Threatens Russia With Banking Sanctions",
        "Meanwhile Refiners Paused their purchases for a week.",
        "Shadow Fleet tankers carried the Sanctioned Oil across the sea.",
        "Détente. Based. Link. Banking Sanctions.",
        "Markets priced in Détente while the Link held and Based traders waited.",
    ],
)
def test_single_words_title_case_phrases_and_headline_words_are_not_actors(text):
    labels = set(actor_table(text)["label"])
    assert not labels & {
        "Détente",
        "Based",
        "Link",
        "Banking Sanctions",
        "Refiners Paused",
        "Threatens",
        "Shadow Fleet",
    }
    assert labels <= {"Donald Trump", "Russia"}  # the headline's known names only


def test_the_headline_keeps_its_known_actors():
    table = actor_table("Trump Threatens Russia With Banking Sanctions")
    assert set(table.index) == {"trump", "russia"}
    assert (table["reason"] == "case actor (actors.csv)").all()


@pytest.mark.parametrize(
    "text,label,kind,reason",
    [
        (
            "Finance Minister Nirmala Sitharaman spoke in Mumbai.",
            "Nirmala Sitharaman",
            "person",
            "title 'Finance Minister'",
        ),
        ("On Monday Jane Roe said the cargoes were late.", "Jane Roe", "person", "followed by 'said'"),
        ("The talks went on, the Finance Ministry confirmed.", "Finance Ministry", "organisation", "'Ministry'"),
        ("Cargoes went to Acme Holdings last week.", "Acme Holdings", "company", "company word 'Holdings'"),
        ("Trucks came from General Motors instead.", "General Motors", "company", "company word 'Motors'"),
        ("Kazakhstan shipped more.", "Kazakhstan", "state", "pycountry KZ"),
        ("Sinopec bought cargoes.", "Sinopec", "company", "known company"),
        ("Analysts at Goldman Sachs agreed.", "Goldman Sachs", "company", "known company"),
        ("Link Energy and the Oil Ministry agreed.", "Oil Ministry", "organisation", "'Ministry'"),
        ("Scott Bessent spoke about oil.", "Scott Bessent", "person", "known person"),
        ("The IEA cut its forecast.", "IEA", "organisation", "known organisation"),
    ],
)
def test_actors_with_a_cue_or_a_known_name_say_why(text, label, kind, reason):
    table = actor_table(text).set_index("label")
    assert table.loc[label, "kind"] == kind and reason in table.loc[label, "reason"]


def test_a_two_word_name_without_a_cue_is_not_an_actor():
    assert "Jane Roe" not in set(actor_table("The cargoes reached Jane Roe in the end.")["label"])


def test_every_actor_says_why():
    text = "President Trump and Treasury Secretary Scott Bessent met Indian Oil Corp, OPEC and the Commerce Ministry."
    table = actor_table(text)
    assert len(table) >= 5 and table["reason"].str.len().gt(5).all()


# ------------------------------------------------------------------------------------------- relations
@pytest.mark.parametrize(
    "text,edge,rtype",
    [
        ("India was sanctioned by the US.", ("us", "india"), "sanctions"),
        ("Russian refineries were hit by Ukrainian drones.", ("ukraine", "russia"), "strikes"),
        ("The US sanctioned India.", ("us", "india"), "sanctions"),
        ("The US's sanctions on Russia were widened.", ("us", "russia"), "sanctions"),
        ("Sanctions on Russia by the US were widened.", ("us", "russia"), "sanctions"),
        ("Russian oil was bought by India.", ("india", "russia"), "buys oil from"),
        ("Ukrainian drones hit Russian refineries.", ("ukraine", "russia"), "strikes"),
    ],
)
def test_direction_actor_to_target_in_active_and_passive_voice(text, edge, rtype):
    found = links(text)
    assert found[edge] == (rtype, True), found
    assert (edge[1], edge[0]) not in found


def test_a_verb_joins_only_the_actors_it_stands_between():
    found = links(
        "Reliance and Indian Oil Corp bought oil from Iraq and Saudi Arabia, while Narendra Modi met Donald Trump."
    )
    for buyer in ("reliance", "ioc"):
        for seller in ("iraq", "saudi_arabia"):
            assert found[(buyer, seller)] == ("buys oil from", True)
        assert found[tuple(sorted((buyer, "modi")))] == (relations.MENTIONED_WITH, False)  # Modi bought nothing
    assert found[("modi", "trump")] == ("meets", False)
    assert found[tuple(sorted(("iraq", "trump")))] == (relations.MENTIONED_WITH, False)  # Iraq met no one


def test_a_passive_without_its_agent_links_the_two_only_as_mentioned_with():
    found = links("India was sanctioned along with China.")
    assert found[("china", "india")] == (relations.MENTIONED_WITH, False)


def test_no_verb_no_type():
    assert links("India and Russia were on the agenda.")[("india", "russia")] == (relations.MENTIONED_WITH, False)


def test_classify_needs_a_cue_for_shape_read_names():
    assert claimscan_actors.classify(["Banking", "Sanctions"])[1] == ""
    assert claimscan_actors.classify(["Jane", "Roe"], "said")[1] == "person"
    assert claimscan_actors.classify(["Détente"])[1] == ""
