"""AppTest: home, Claims and Hindsight pages run, show one card per claim, filter, and survive tampered URLs."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from components import case
from tests.apptest_helpers import app_test


@pytest.fixture(scope="module")
def real():
    return case.load_case(use_data_layer=True)


def run(rel: str, **params) -> AppTest:
    at = app_test(rel, params).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def cards(at: AppTest, prefix: str) -> int:
    """Card headers: bold title + verdict badge + paragraph mark (one per bordered claim container)."""
    return sum(1 for md in at.markdown if md.value.startswith("**") and "badge[" in md.value and "¶" in md.value)


def test_home(real):
    at = run("app.py")
    text = " ".join(m.value for m in at.markdown)
    assert real.meta["title"] in text and "Headline claims" in " ".join(h.value for h in at.subheader)
    assert sum(c.headline for c in real.claims) == sum("badge[" in m.value for m in at.markdown)


PAGE = 3  # cards per page (pages/1_Claims.py PAGE_SIZE)


def test_claims_all_cards(real):
    at = run("pages/1_Claims.py")
    assert cards(at, "claims_card_") == PAGE
    assert f"{len(real.claims)} of {len(real.claims)} claims match" in " ".join(c.value for c in at.caption)
    seen = PAGE
    for page in range(2, -(-len(real.claims) // PAGE) + 1):
        at.radio(key="claims_page").set_value(page).run()
        assert not at.exception
        seen += cards(at, "claims_card_")
        assert at.query_params["claims_page"] in (str(page), [str(page)])
    assert seen == len(real.claims), "every claim has its card on some page"


def test_claims_page_from_url_and_tampered_page(real):
    last = -(-len(real.claims) // PAGE)
    at = run("pages/1_Claims.py", claims_page=str(last))
    assert cards(at, "claims_card_") == len(real.claims) - (last - 1) * PAGE
    at = run("pages/1_Claims.py", claims_page="999")
    assert cards(at, "claims_card_") == PAGE and any("claims_page" in c.value for c in at.caption)


def test_claims_filtered_by_kind_and_verdict(real):
    n = sum(c.kind == "scenario" for c in real.claims)
    at = run("pages/1_Claims.py", claims_kind="scenario")
    assert cards(at, "claims_card_") == min(n, PAGE) and n >= 2
    n2 = sum(c.verdict.status == "not testable" for c in real.claims)
    at = run("pages/1_Claims.py", claims_verdict="not testable")
    assert cards(at, "claims_card_") == min(n2, PAGE)
    at = run("pages/1_Claims.py", claims_id="india_two_year_low")
    assert cards(at, "claims_card_") == 1
    assert any("Kpler" in m.value for m in at.markdown)


def test_claims_tampered_params(real):
    at = run("pages/1_Claims.py", claims_kind="<script>", claims_id="nope'; drop", claims_actor="mars,india")
    notes = " ".join(c.value for c in at.caption)
    assert "claims_kind" in notes and "claims_id" in notes and "mars" in notes
    n = sum("india" in c.actors for c in real.claims)
    assert cards(at, "claims_card_") == min(n, PAGE)


def test_hindsight(real):
    hindsight_page = 4  # pages/7_Hindsight.py PAGE_SIZE
    at = run("pages/7_Hindsight.py")
    n = sum(c.kind in ("scenario", "prediction") for c in real.claims)
    assert n > hindsight_page  # the default case's list is paged
    assert cards(at, "hind_card_") == hindsight_page
    assert any(f"Cards 1–{hindsight_page} of {n}" in c.value for c in at.caption)
    at = run("pages/7_Hindsight.py", hind_outcome="bogus")
    assert cards(at, "hind_card_") == hindsight_page and any("hind_outcome" in c.value for c in at.caption)
    last = -(-n // hindsight_page)
    at = run("pages/7_Hindsight.py", hind_page=str(last))
    assert cards(at, "hind_card_") == n - (last - 1) * hindsight_page
    at = run("pages/7_Hindsight.py", hind_page="999")
    assert cards(at, "hind_card_") == hindsight_page and any("hind_page" in c.value for c in at.caption)
    at.button(key="hind_next").click().run()
    assert at.radio(key="hind_page").value == 2 and at.query_params["hind_page"] in ("2", ["2"])


def _drawn(at: AppTest) -> list[tuple[str, str]]:
    """(card slot, claim id) of each claim chart on the page: the slot from the chart's key, the claim from its meta."""
    return [
        (chart.proto.id.rsplit("claims_chart_", 1)[1], json.loads(chart.proto.spec)["layout"]["meta"]["claim"])
        for chart in at.get("plotly_chart")
    ]


def test_cards_keep_their_places_when_the_filter_changes(real):
    """A filter change fills the same card slots with other claims, so the browser updates the charts it has
    instead of building new ones; each chart names the claim it belongs to."""
    at = run("pages/1_Claims.py")
    before = _drawn(at)
    slots = {str(n) for n in range(PAGE)}
    assert before and {slot for slot, _ in before} <= slots
    at.multiselect(key="claims_kind").set_value(["scenario"]).run()
    after = _drawn(at)
    scenarios = {c.id for c in real.claims if c.kind == "scenario"}
    assert after and {slot for slot, _ in after} <= slots
    assert {claim for _, claim in after} <= scenarios and {claim for _, claim in before}.isdisjoint(scenarios)


def test_the_filters_sit_above_the_cards_in_the_pages_fragment():
    """The filters are drawn in the main area, before the first card (a filter change reruns the fragment that
    holds them and the cards, and a fragment cannot draw in the sidebar); the sidebar keeps only the case
    picker and the exports."""
    at = run("pages/1_Claims.py")
    assert not at.sidebar.multiselect and not at.sidebar.text_input
    assert {w.label for w in at.main.multiselect} == {"Kind", "Actor", "Verdict"}
    assert at.main.text_input(key="claims_q").label == "Search"
    assert at.main.selectbox(key="claims_sort").label == "Sort by"
