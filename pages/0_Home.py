"""Claim Lens home: the bottom line (a scorecard and sentences computed from the verdicts), where to start,
the case in five lines, a timeline of its events and headline claims, data dates, where to go next."""

import pandas as pd
import streamlit as st

from components import case as case_module
from components import evidence_charts, home_summary, routes, style, ui

ui.page_setup("Claim Lens", "Set a geopolitical article's claims against market and trade data.")
case = ui.case_or_stop()
meta = case.meta

# ---- data
scores = home_summary.scorecard(case.claims)
sentences = home_summary.bottom_line(case.claims)
headline = [c for c in case.claims if c.headline]
counts = case_module.verdict_counts(case)

# ---- render
st.subheader("The bottom line")
st.markdown(" ".join(style.safe_text(s) for s in sentences))
st.plotly_chart(ui.figure(home_summary.build_scorecard, scores), key="home_scorecard")
st.caption("Claims by kind, coloured by verdict; hover a bar for how many rest on thin evidence.")
ui.show_stale(ui.claims_series(case.claims))
ui.page_link("claims", "Start here: every claim with its verdict, evidence chart and sources →")

st.subheader("The case")
note = f" ({style.safe_text(meta['published_note'])})" if meta.get("published_note") else ""
st.markdown(
    f"**{style.safe_text(meta['title'])}**  \n{style.safe_text(meta['author'])} · outlet: "
    f"{style.safe_text(meta['outlet'])} · published {style.format_date(meta['published'], '%d %B %Y')}{note}"
)
st.markdown(style.safe_text(meta["summary"]))
st.caption(
    f"{len(case.claims)} claims · {len(case.events)} sourced events · {len(case.actors)} actors · "
    + ", ".join(f"{k}: {v}" for k, v in sorted(counts.items()))
)
if headline:
    timeline = ui.figure(
        evidence_charts.build_hindsight_timeline,
        headline,
        case.events,
        meta["published"],
        pd.Timestamp.today().normalize(),
    )
    st.plotly_chart(timeline, key="home_timeline")
    st.caption(
        "Around the article: each headline claim's period, coloured by its verdict, over the case's sourced "
        "events (hover for titles); the dashed line is the article's date."
    )
    ui.show_stale(ui.claims_series(headline))

st.subheader("Headline claims")
for c in headline:
    with st.container(border=True, key=f"home_claim_{c.id}"):
        line, tip = ui.strength_line(c.verdict)
        st.markdown(f"{style.verdict_badge(c.verdict.status)} {line}", help=tip)
        st.markdown(f"**{style.safe_text(c.short)}** — {style.safe_text(c.paraphrase)}")
        ui.show_stale(c.series)
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
