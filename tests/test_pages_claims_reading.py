"""Claims read at a glance (issue 14) under AppTest: search, sort, an overview table linked to the cards,
paging at top and bottom, an empty filter that says so and resets, charts that mark only the rule's events."""

import json

import pytest

from components import case as case_module
from components import claim_filter, evidence_charts
from tests.apptest_helpers import app_test

PAGE = "pages/1_Claims.py"


@pytest.fixture(scope="module")
def real():
    return case_module.load_case(use_data_layer=True)


def test_search_filters_and_writes_the_url(real):
    at = app_test(PAGE, {"claims_q": "India"}).run()
    assert not at.exception
    n = sum("india" in (c.short + " " + c.paraphrase).lower() or "india" in c.actors for c in real.claims)
    assert f"{n} of {len(real.claims)} claims match" in " ".join(c.value for c in at.caption)
    at.text_input(key="claims_q").input("zzzz no such words").run()
    assert at.query_params["claims_q"] == "zzzz no such words"
    assert any("No claim matches" in i.value for i in at.info)
    assert {"claims_cr_case", "claims_pack"} <= {b.key for b in at.get("download_button")}  # still exportable
    at.button(key="claims_reset").click().run()
    assert not at.exception and at.text_input(key="claims_q").value == ""
    assert f"{len(real.claims)} of {len(real.claims)} claims match" in " ".join(c.value for c in at.caption)


def test_overview_table_lists_every_match_with_a_link_to_its_card(real):
    at = app_test(PAGE).run()
    assert not at.dataframe  # on request only
    at.toggle(key="claims_overview_on").set_value(True).run()
    table = at.dataframe[0].value
    assert len(table) == len(real.claims) and {"claim", "verdict", "evidence", "card"} <= set(table.columns)
    assert all(link.startswith("Claims?claims_id=") for link in table["card"])
    assert not table.astype(str).isin(["None", "nan"]).any().any()


def test_paging_at_the_bottom_turns_the_page():
    at = app_test(PAGE).run()
    at.button(key="claims_next").click().run()
    assert not at.exception and at.radio(key="claims_page").value == 2
    at.button(key="claims_prev").click().run()
    assert at.radio(key="claims_page").value == 1


def test_sorting_by_verdict_groups_the_cards(real):
    at = app_test(PAGE, {"claims_sort": "verdict"}).run()
    at.toggle(key="claims_overview_on").set_value(True).run()
    assert not at.exception
    verdicts = list(at.dataframe[0].value["verdict"])
    assert verdicts == sorted(verdicts)


def test_card_charts_mark_only_the_rules_events_by_default(real):
    at = app_test(PAGE).run()
    first_page = claim_filter.sort_claims(real.claims, "article")[:3]
    shown = [c for c in first_page if c.verdict.rule != "interpretive"]
    charts = [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]
    for claim, fig in zip(shown, charts):
        markers = [t for t in fig["data"] if t.get("name") == "event markers"]
        drawn = len(markers[0]["x"]) if markers else 0
        cited = evidence_charts.claim_event_ids(claim.verdict)
        in_window = evidence_charts.claim_chart_events(claim, claim.verdict, real.events, all_events=True)
        assert drawn <= max(len(cited), 0 if claim.series else len(in_window)), claim.id
    assert not any("`" in m.value and "_" in m.value for m in at.markdown if m.value.startswith("**Rule"))
