"""'Study this event' links: the Event study URL preset from a claim or a chart's event menu, and the page
reading that URL back."""

from __future__ import annotations

from types import SimpleNamespace
from urllib.parse import parse_qs, urlsplit

from components import data, event_links
from components.case import DEFAULT_CASE, load_case
from components.evidence import Verdict
from tests.apptest_helpers import app_test, texts

OFFERED = event_links.study_series(data.catalog())


def test_the_offered_series_are_the_event_study_s():
    assert "brent_spot_eia" in OFFERED and "usd_inr_ecb" in OFFERED and "india_imports_russia_kpler" in OFFERED
    assert "brent_futures_yahoo" not in OFFERED  # live-only: not in the snapshot
    assert OFFERED.index("usd_inr_ecb") < OFFERED.index("india_imports_russia_kpler")  # daily first


def test_a_market_reaction_claim_links_to_its_own_event_series_and_window():
    claim = SimpleNamespace(
        evidence={"rule": "market_reaction", "event": "ev_x", "series": ["brent_spot_eia", "nope"], "window": [0, 5]},
        verdict=None,
    )
    assert event_links.claim_study_query(claim, OFFERED) == {
        "es_events": "ev_x",
        "es_series": "brent_spot_eia",
        "es_w1": "0,5",
    }


def test_an_event_claim_links_to_the_events_its_verdict_cites():
    numbers = [{"event_id": f"ev_{i}"} for i in range(8)] + [{"label": "a figure"}]
    claim = SimpleNamespace(
        evidence={"rule": "event_on_record"}, series=[], verdict=Verdict("supported", "r", "", numbers)
    )
    query = event_links.claim_study_query(claim, OFFERED)
    assert query == {"es_events": ",".join(f"ev_{i}" for i in range(event_links.MAX_LINKED_EVENTS))}
    claim.verdict = Verdict("supported", "r", "", [{"label": "a figure"}])
    assert event_links.claim_study_query(claim, OFFERED) is None  # nothing to study


def test_case_claims_citing_events_get_a_link_that_the_page_reads_without_notice():
    case = load_case(DEFAULT_CASE)
    queries = [q for q in (event_links.claim_study_query(c, OFFERED) for c in case.claims) if q]
    assert queries, "no claim of the case cites an event"
    at = app_test("pages/5_Event_study.py", queries[0]).run()
    assert not at.exception
    assert "Ignored" not in texts(at)
    assert at.multiselect(key="es_events").value == queries[0]["es_events"].split(",")


def test_the_oil_page_event_menu_links_to_the_event_study():
    at = app_test("pages/2_Oil_markets.py").run()
    assert not at.exception
    picker = at.selectbox(key="oil_study_event")
    link = next(m.value for m in at.markdown if "Open its event study" in m.value)
    query = parse_qs(urlsplit(link[link.index("(") + 1 : -1]).query)
    assert query["es_events"] == [picker.value] and query["es_series"] == ["brent_spot_eia,wti_spot_eia"]


def test_claim_cards_show_the_link():
    at = app_test("pages/1_Claims.py").run()
    assert not at.exception
    assert "Study this event" in texts(at)
