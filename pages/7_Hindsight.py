"""Hindsight: the article's scenarios and predictions scored against what followed (events + series)."""

import pandas as pd
import streamlit as st

from components import evidence_charts as EC
from components import params as P
from components import ui

ui.page_setup(
    "Hindsight",
    "The article's scenarios and predictions, scored now. Each is split into "
    "conditions, each checked by a named rule against sourced events and provider series.",
)
notices: list[str] = []

case = ui.case_or_stop()
scen = [c for c in case.claims if c.kind in EC.SCENARIO_KINDS]
outcomes = sorted({c.verdict.status for c in scen})
today = pd.Timestamp.today().normalize()
ui.seed_widget("hind_outcome", ui.url_param("hind_outcome", P.parse_multi, outcomes, [], notices=notices))
ui.show_notices(notices)


@st.fragment
def scenarios() -> None:
    """The outcome filter with the timeline and the cards it filters: a Streamlit fragment, so changing the
    filter reruns only this part of the page."""
    sel = st.multiselect("Outcome", outcomes, key="hind_outcome", placeholder="every outcome")
    ui.set_query(hind_outcome=P.format_multi(sel) if sel else None)
    shown = [c for c in scen if not sel or c.verdict.status in sel]
    st.plotly_chart(
        ui.figure(EC.build_hindsight_timeline, shown, case.events, case.meta["published"], today), key="hind_timeline"
    )
    st.caption(
        "Bars: the window in which each scenario was tested, coloured by outcome. Dotted lines and triangles: "
        "sourced events on record (hover for titles)."
    )
    for c in shown:
        with st.container(border=True, key=f"hind_card_{c.id}"):
            ui.claim_heading(c, case.id)
            st.caption(c.verdict.rule_text)
            ui.verdict_evidence(c)
            ui.page_link("claims", "Open as a claim card", {"claims_id": c.id})


scenarios()
