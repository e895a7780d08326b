"""Claims: one card per claim of the article with its computed verdict, evidence chart, rule and numbers."""

from dataclasses import replace

import streamlit as st

from components import claim_filter, evidence_charts, ui
from components.claim_filter import ClaimFilter

PAGE_SIZE = 5  # cards per page: each card draws a chart and a table, and a page draws them all before the first shows

ui.page_setup(
    "Claims",
    "Every checkable statement of the article, paraphrased, with a verdict computed "
    "from the data each time the page loads.",
)
case = ui.case_or_stop()
kinds, actor_ids, statuses = claim_filter.filter_options(case.claims)
labels = dict(zip(case.actors["id"], case.actors["label"]))

# ---- controls (URL -> widgets -> URL)
with st.sidebar:
    st.subheader("Filter claims")
    chosen = ClaimFilter(
        kinds=tuple(ui.url_persist(st.multiselect)("Kind", kinds, key="claims_kind")),
        actors=tuple(
            ui.url_persist(st.multiselect)(
                "Actor", actor_ids, key="claims_actor", format_func=lambda a: labels.get(a, a)
            )
        ),
        verdicts=tuple(ui.url_persist(st.multiselect)("Verdict", statuses, key="claims_verdict")),
        only=ui.url_read("claims_id", options=[""] + [c.id for c in case.claims]),
    )
    if chosen.only and st.button("Show all claims", key="claims_all"):
        chosen = replace(chosen, only="")
ui.url_write("claims_id", chosen.only)
matching = claim_filter.filter_claims(case.claims, chosen)
pages = claim_filter.page_count(len(matching), PAGE_SIZE)
if pages > 1:
    page = ui.url_persist(st.radio)(
        "Cards",
        range(1, pages + 1),
        key="claims_page",
        horizontal=True,
        label_visibility="collapsed",
        format_func=lambda n: "{}–{}".format(*claim_filter.page_span(n, PAGE_SIZE, len(matching))),
    )
else:
    page = ui.url_read("claims_page", bounds=(1, 1))
    ui.url_write("claims_page", 1)
ui.show_notices()

# ---- data
shown = claim_filter.page_of(matching, page, PAGE_SIZE)
counts = claim_filter.status_counts(matching)
first_card, last_card = claim_filter.page_span(page, PAGE_SIZE, len(matching))
providers = ui.catalog().set_index("id")["provider"].to_dict()

# ---- render
with st.expander("Export the verdicts (ClaimReview, evidence pack)"):
    ui.case_exports(case)
st.caption(
    f"{len(matching)} of {len(case.claims)} claims match ("
    + (", ".join(f"{k}: {v}" for k, v in counts.items()) or "none match these filters")
    + f"); cards {first_card}–{last_card} below. "
    "¶ = paragraph of the article copy (lead line = 1)."
)
for c in shown:
    with st.container(border=True, key=f"claims_card_{c.id}"):
        ui.claim_heading(c, case.id)
        st.caption(
            "Actors: "
            + ", ".join(labels.get(a, a) for a in c.actors)
            + f" · period {c.period_start:%d %b %Y} – {c.period_end:%d %b %Y}"
        )
        verdict = c.verdict
        if verdict.rule != "interpretive":
            series = {sid: ui.series_or_none(sid)[0] for sid in c.series}
            fig = ui.figure(evidence_charts.build_claim_chart, c, verdict, series, case.events, providers)
            st.plotly_chart(fig, key=f"claims_chart_{c.id}")
        st.markdown(f"**Rule `{verdict.rule}`** — {verdict.rule_text}")
        ui.verdict_evidence(c)
        ui.push_panel(case, c)
        ui.claimreview_download(case, c)
        for column, (target, label, query) in zip(st.columns(3), evidence_charts.claim_links(c)):
            with column:
                ui.page_link(target, label, query)
