"""Claim Lens home: what the app is, the case in five lines, headline verdicts, data dates, where to go next."""

import streamlit as st

from components import case as case_module
from components import evidence_charts as EC
from components import ui

ui.page_setup("Claim Lens", "Set a geopolitical article's claims against market and trade data.")
case = ui.case_or_stop()
meta = case.meta

st.markdown(
    "Claim Lens takes one commentary, breaks it into checkable claims, and tests each against dated, "
    "sourced events and provider-by-provider oil and trade series. Verdicts are computed from the data "
    "on every load, never typed in; interpretations are marked *not testable*."
)

st.subheader("The case")
st.markdown(
    f"**{meta['title']}**  \n{meta['author']} · outlet: {meta['outlet']} · published "
    f"{meta['published']:%d %B %Y} ({meta.get('published_note', '')})"
)
st.markdown(meta["summary"])

counts = case_module.verdict_counts(case)
st.caption(
    f"{len(case.claims)} claims · {len(case.events)} sourced events · {len(case.actors)} actors · "
    + ", ".join(f"{k}: {v}" for k, v in sorted(counts.items()))
)

st.subheader("Headline claims")
for c in [c for c in case.claims if c.headline]:
    with st.container(border=True, key=f"home_claim_{c.id}"):
        st.markdown(f"{EC.badge_md(c.verdict.status)} **{c.short}** — {c.paraphrase}")
        ui.page_link("pages/1_Claims.py", "Evidence", {"claims_id": c.id})

st.subheader("Where next")
for page, label in (
    ("pages/1_Claims.py", "Claims — every claim with its verdict and evidence"),
    ("pages/2_Oil_markets.py", "Oil markets — Brent, WTI, Urals"),
    ("pages/3_Trade_flows.py", "Trade flows — India's and China's Russian crude, per provider"),
    ("pages/4_Currencies.py", "Currencies — rupee, yuan, rouble"),
    ("pages/5_Event_study.py", "Event study — markets around the events"),
    ("pages/6_Actor_network.py", "Actor network — who pressures, buys from, arms whom"),
    ("pages/7_Hindsight.py", "Hindsight — the article's scenarios against what followed"),
    ("pages/8_Data_sources.py", "Data sources — catalog, provenance, downloads"),
):
    ui.page_link(page, label)
