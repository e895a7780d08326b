"""Claim Lens home: what the app is, the case in five lines, headline verdicts, data dates, where to go next."""

import streamlit as st

from components import case as case_module
from components import routes, style, ui

ui.page_setup("Claim Lens", "Set a geopolitical article's claims against market and trade data.")
case = ui.case_or_stop()
meta = case.meta

st.markdown(
    "Claim Lens takes one commentary, breaks it into checkable claims, and tests each against dated, "
    "sourced events and provider-by-provider oil and trade series. Verdicts are computed from the data "
    "on every load, never typed in; interpretations are marked *not testable*."
)

st.subheader("The case")
note = f" ({style.safe_text(meta['published_note'])})" if meta.get("published_note") else ""
st.markdown(
    f"**{style.safe_text(meta['title'])}**  \n{style.safe_text(meta['author'])} · outlet: "
    f"{style.safe_text(meta['outlet'])} · published {style.format_date(meta['published'], '%d %B %Y')}{note}"
)
st.markdown(style.safe_text(meta["summary"]))

counts = case_module.verdict_counts(case)
st.caption(
    f"{len(case.claims)} claims · {len(case.events)} sourced events · {len(case.actors)} actors · "
    + ", ".join(f"{k}: {v}" for k, v in sorted(counts.items()))
)

st.subheader("Headline claims")
for c in [c for c in case.claims if c.headline]:
    with st.container(border=True, key=f"home_claim_{c.id}"):
        line, tip = ui.strength_line(c.verdict)
        st.markdown(f"{style.verdict_badge(c.verdict.status)} {line}", help=tip)
        st.markdown(f"**{style.safe_text(c.short)}** — {style.safe_text(c.paraphrase)}")
        ui.page_link("claims", "Evidence", {"claims_id": c.id})

st.subheader("Where next")
WHERE_NEXT = {
    "claims": "every claim with its verdict and evidence",
    "oil": "Brent, WTI, Urals",
    "trade": "India's and China's Russian crude, per provider",
    "fx": "rupee, yuan, rouble",
    "event_study": "markets around the events",
    "network": "who pressures, buys from, arms whom",
    "hindsight": "the article's scenarios against what followed",
    "data": "catalog, provenance, downloads",
}
for key, what in WHERE_NEXT.items():
    ui.page_link(key, f"{routes.page(key).title} — {what}")
