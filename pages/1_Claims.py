"""Claims: one card per claim of the article with its computed verdict, evidence chart, rule and numbers."""

import streamlit as st

from components import evidence_charts as EC
from components import params as P
from components import ui

ui.page_setup(
    "Claims",
    "Every checkable statement of the article, paraphrased, with a verdict computed "
    "from the data each time the page loads.",
)
notices: list[str] = []
PAGE_SIZE = 5  # cards per page: each card draws a chart and a table, and a page draws them all before the first shows

# ---- data
case = ui.case_or_stop()
kinds = sorted({c.kind for c in case.claims})
actor_ids = sorted({a for c in case.claims for a in c.actors})
statuses = sorted({c.verdict.status for c in case.claims})
labels = dict(zip(case.actors["id"], case.actors["label"]))

# ---- controls (URL -> widgets -> URL)
kind_sel = ui.url_param("claims_kind", P.parse_multi, kinds, [], notices=notices)
actor_sel = ui.url_param("claims_actor", P.parse_multi, actor_ids, [], notices=notices)
verdict_sel = ui.url_param("claims_verdict", P.parse_multi, statuses, [], notices=notices)
claim_ids = [c.id for c in case.claims]
one = ui.url_param("claims_id", P.parse_choice, [""] + claim_ids, "", notices=notices)
ui.seed_widget("claims_kind", kind_sel)
ui.seed_widget("claims_actor", actor_sel)
ui.seed_widget("claims_verdict", verdict_sel)
with st.sidebar:
    st.subheader("Filter claims")
    kind_sel = st.multiselect("Kind", kinds, key="claims_kind")
    actor_sel = st.multiselect("Actor", actor_ids, key="claims_actor", format_func=lambda a: labels.get(a, a))
    verdict_sel = st.multiselect("Verdict", statuses, key="claims_verdict")
    if one and st.button("Show all claims", key="claims_all"):
        one = ""
ui.set_query(
    claims_kind=P.format_multi(kind_sel) if kind_sel else None,
    claims_actor=P.format_multi(actor_sel) if actor_sel else None,
    claims_verdict=P.format_multi(verdict_sel) if verdict_sel else None,
    claims_id=one or None,
)

shown = [
    c
    for c in case.claims
    if (not one or c.id == one)
    and (not kind_sel or c.kind in kind_sel)
    and (not actor_sel or set(c.actors) & set(actor_sel))
    and (not verdict_sel or c.verdict.status in verdict_sel)
]
counts = {s: sum(c.verdict.status == s for c in shown) for s in sorted({c.verdict.status for c in shown})}
total = len(shown)
pages = max(1, -(-total // PAGE_SIZE))
page = ui.url_param("claims_page", P.parse_int, 1, pages, 1, notices=notices)
ui.seed_widget("claims_page", page)
if st.session_state["claims_page"] > pages:  # the filters shrank the list under the chosen page
    st.session_state["claims_page"] = 1
page = (
    st.radio(
        "Cards",
        range(1, pages + 1),
        key="claims_page",
        horizontal=True,
        label_visibility="collapsed",
        format_func=lambda n: f"{(n - 1) * PAGE_SIZE + 1}–{min(n * PAGE_SIZE, total)}",
    )
    if pages > 1
    else 1
)
ui.set_query(claims_page=page if page > 1 else None)
ui.show_notices(notices)
st.caption(
    f"{len(shown)} of {len(case.claims)} claims match ("
    + (", ".join(f"{k}: {v}" for k, v in counts.items()) or "none match these filters")
    + f"); cards {(page - 1) * PAGE_SIZE + 1 if shown else 0}–{min(page * PAGE_SIZE, len(shown))} below. "
    "¶ = paragraph of the article copy (lead line = 1)."
)
shown = shown[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]

# ---- render
for c in shown:
    with st.container(border=True, key=f"claims_card_{c.id}"):
        ui.claim_heading(c, case.id)
        st.caption(
            "Actors: "
            + ", ".join(labels.get(a, a) for a in c.actors)
            + f" · period {c.period_start:%d %b %Y} – {c.period_end:%d %b %Y}"
        )
        v = c.verdict
        if c.verdict.rule != "interpretive":
            series = {sid: ui.series_or_none(sid)[0] for sid in c.series}
            fig = ui.figure(
                EC.build_claim_chart, c, v, series, case.events, ui.catalog().set_index("id")["provider"].to_dict()
            )
            st.plotly_chart(fig, key=f"claims_chart_{c.id}")
        st.markdown(f"**Rule `{v.rule}`** — {v.rule_text}")
        ui.verdict_evidence(c)
        cols = st.columns(3)
        for col, (page, label, qp) in zip(cols, EC.claim_links(c)):
            with col:
                ui.page_link(page, label, qp)
