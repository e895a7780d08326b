"""Hindsight: the article's scenarios and predictions scored against what followed (events + series)."""
import pandas as pd
import streamlit as st

from components import evidence_charts as EC, params as P, ui

ui.page_setup("Hindsight", "🔭", "Written in March 2025; scored now. Each scenario or prediction is split into "
              "conditions, each checked by a named rule against sourced events and provider series.")
notices: list[str] = []

case = ui.case()
scen = [c for c in case.claims if c.kind in EC.SCENARIO_KINDS]
outcomes = sorted({c.verdict.status for c in scen})
sel = ui.url_param("hind_outcome", P.parse_multi, outcomes, [], notices=notices)
ui.seed_widget("hind_outcome", sel)
with st.sidebar:
    sel = st.multiselect("Outcome", outcomes, key="hind_outcome")
ui.set_query(hind_outcome=P.format_multi(sel) if sel else None)
ui.show_notices(notices)
shown = [c for c in scen if not sel or c.verdict.status in sel]

today = pd.Timestamp.today().normalize()
st.plotly_chart(EC.build_hindsight_timeline(shown, case.events, case.meta["published"], today), key="hind_timeline")
st.caption("Bars: the window in which each scenario was tested, coloured by outcome. Diamonds: sourced events "
           "on record (hover for titles).")

for c in shown:
    with st.container(border=True, key=f"hind_card_{c.id}"):
        v = c.verdict
        st.markdown(f"**{c.short}** &nbsp; {EC.badge_md(v.status)} &nbsp; :gray-badge[{c.kind}] &nbsp; ¶{c.paragraph}")
        st.markdown(c.paraphrase)
        st.caption(v.rule_text)
        for p in v.parts:
            st.markdown(f"- {EC.badge_md(p.status)} **{p.label}** — {p.detail}")
        if c.note:
            st.caption(c.note)
        table = EC.numbers_table(v)
        if len(table):
            st.dataframe(table, hide_index=True, key=f"hind_nums_{c.id}",
                         column_config={"source_url": st.column_config.LinkColumn("source")})
        ui.page_link("pages/1_Claims.py", "Open as a claim card", {"claims_id": c.id})
