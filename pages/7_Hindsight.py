"""Hindsight: the article's scenarios and predictions scored against what followed (events + series)."""

import pandas as pd
import streamlit as st

from components import claim_filter, evidence_charts, ui
from components.claim_filter import ClaimFilter

PAGE_SIZE = 4  # cards per page: the browser builds a page's cards before it draws the timeline above them

ui.page_setup(
    "Hindsight",
    "The article's scenarios and predictions, scored now. Each is split into "
    "conditions, each checked by a named rule against sourced events and provider series.",
)
case = ui.case_or_stop()
scenarios_and_predictions = [c for c in case.claims if c.kind in evidence_charts.SCENARIO_KINDS]
outcomes = claim_filter.outcome_options(scenarios_and_predictions)
today = pd.Timestamp.today().normalize()


@st.fragment
def scenarios() -> None:
    """The outcome filter with the timeline and the cards it filters: a Streamlit fragment, so changing the
    filter reruns only this part of the page."""
    # ---- controls
    chosen = ClaimFilter(
        verdicts=tuple(
            ui.url_persist(st.multiselect)("Outcome", outcomes, key="hind_outcome", placeholder="every outcome")
        )
    )
    ui.show_notices()
    # ---- data
    shown = claim_filter.filter_claims(scenarios_and_predictions, chosen)
    # ---- render
    if not scenarios_and_predictions:
        st.info("This case's article makes no scenario or prediction to score.", icon=":material/info:")
        return
    if not shown:
        ui.empty_state("No scenario or prediction has this outcome.", {"hind_outcome": []}, key="hind_reset")
        return
    # keyed on what the bars show: hashing the claims and the events on every filter change costs more
    bars = tuple((c.id, c.short, c.verdict.status, str(c.period_start), str(c.period_end)) for c in shown)
    timeline = ui.figure(
        evidence_charts.build_hindsight_timeline,
        shown,
        case.events,
        case.meta["published"],
        today,
        cache_key=(case.id, case.events_digest, bars, str(case.meta["published"]), str(today)),
    )
    st.plotly_chart(timeline, key="hind_timeline")
    st.caption(
        "Bars: the window in which each scenario was tested, coloured by outcome. Markers along the top: "
        "sourced events on record (hover for titles; a numbered marker groups events close together)."
    )
    ui.show_stale(ui.claims_series(shown))
    page = ui.page_picker("hind_page", len(shown), PAGE_SIZE)
    ui.show_notices()
    for c in claim_filter.page_of(shown, page, PAGE_SIZE):
        with st.container(border=True, key=f"hind_card_{c.id}"):
            ui.claim_heading(c, case.id)
            st.caption(c.verdict.rule_text)
            ui.verdict_evidence(c)
            ui.page_link("claims", "Open as a claim card", {"claims_id": c.id})
    ui.page_turner("hind_page", page, len(shown), PAGE_SIZE)


scenarios()
