"""Claims: one card per claim of the article with its computed verdict, evidence chart, rule and numbers."""

from dataclasses import replace

import streamlit as st

from components import claim_filter, evidence_charts, routes, style, ui
from components.claim_filter import ClaimFilter

PAGE_SIZE = 3  # cards per page: each card draws a chart and tables, and the browser builds them all as the first draws
FILTER_KEYS = ("claims_q", "claims_kind", "claims_actor", "claims_verdict")

ui.page_setup(
    "Claims",
    "Every checkable statement of the article, paraphrased, with a verdict computed "
    "from the data each time the page loads.",
)
case = ui.case_or_stop()
kinds, actor_ids, statuses = claim_filter.filter_options(case.claims)
labels = dict(zip(case.actors["id"], case.actors["label"]))


def reset_filters() -> None:
    for key in FILTER_KEYS:
        st.session_state[key] = "" if key == "claims_q" else []
    st.session_state["claims_page"] = 1


def exports() -> None:
    """The case exports at the foot of the sidebar, drawn last (made only when clicked)."""
    with st.sidebar, st.expander("Export the verdicts (ClaimReview, evidence pack)", icon=":material/download:"):
        ui.case_exports(case)


@st.fragment
def claims_panel() -> None:
    """Filters, overview and cards as one Streamlit fragment: a filter change reruns this part, not the page's
    set-up and navigation. The filters sit above the cards, not in the sidebar, which a fragment cannot draw in."""
    # ---- controls (URL -> widgets -> URL)
    search, kind, actor, verdict, sort = st.columns([2, 1, 1, 1, 1])
    with search:
        text = ui.url_persist(st.text_input)(
            "Search", key="claims_q", placeholder="words in the claim or an actor's name", max_chars=100
        )
    with kind:
        kinds_chosen = ui.url_persist(st.multiselect)("Kind", kinds, key="claims_kind", format_func=style.human)
    with actor:
        actors_chosen = ui.url_persist(st.multiselect)(
            "Actor", actor_ids, key="claims_actor", format_func=lambda a: labels.get(a, a)
        )
    with verdict:
        verdicts_chosen = ui.url_persist(st.multiselect)("Verdict", statuses, key="claims_verdict")
    with sort:
        order = ui.url_persist(st.selectbox)(
            "Sort by", list(claim_filter.SORTS), key="claims_sort", format_func=claim_filter.SORTS.get
        )
    chosen = ClaimFilter(
        text=text,
        kinds=tuple(kinds_chosen),
        actors=tuple(actors_chosen),
        verdicts=tuple(verdicts_chosen),
        only=ui.url_read("claims_id", options=[""] + [c.id for c in case.claims]),
    )
    if chosen.only and st.button("Show all claims", key="claims_all"):
        chosen = replace(chosen, only="")
    ui.url_write("claims_id", chosen.only)
    matching = claim_filter.sort_claims(claim_filter.filter_claims(case.claims, chosen, labels), order)

    # ---- data
    counts = claim_filter.status_counts(matching)
    providers = ui.catalog().set_index("id")["provider"].to_dict()
    # ---- render
    st.caption(
        f"{len(matching)} of {len(case.claims)} claims match"
        + (" (" + ", ".join(f"{k}: {v}" for k, v in counts.items()) + ")" if counts else "")
        + ". ¶ = paragraph of the article copy (lead line = 1)."
    )
    if not matching:
        st.info("No claim matches these filters.", icon=":material/filter_alt_off:")
        st.button("Reset the filters", key="claims_reset", on_click=reset_filters)
        ui.show_notices()
        return
    # the table on request: a grid is the heaviest thing a browser builds here, and it would come before the cards
    if st.toggle(f"Overview table of all {len(matching)} matching claims", key="claims_overview_on"):
        st.dataframe(
            claim_filter.overview_table(matching, lambda claim_id: routes.page_url("claims", {"claims_id": claim_id})),
            hide_index=True,
            width="stretch",
            key="claims_overview",
            column_config={
                "claim": st.column_config.TextColumn("Claim", width="large"),
                "kind": st.column_config.TextColumn("Kind"),
                "verdict": st.column_config.TextColumn("Verdict"),
                "evidence": st.column_config.TextColumn("Evidence strength"),
                "paragraph": st.column_config.NumberColumn("¶", help="Paragraph of the article", format="%d"),
                "card": st.column_config.LinkColumn("Card", display_text="open", help="This claim's card alone"),
            },
        )
        ui.show_stale(ui.claims_series(matching))
    page = ui.page_picker("claims_page", len(matching), PAGE_SIZE)
    ui.show_notices()
    # cards keyed by their place on the page, not by claim: after a filter change the browser updates the charts
    # it has (plotly's react) instead of building new ones, the costliest part of that redraw
    for slot, c in enumerate(claim_filter.page_of(matching, page, PAGE_SIZE)):
        with st.container(border=True, key=f"claims_card_{slot}"):
            ui.claim_heading(c, case.id)
            st.caption(
                "Actors: "
                + ", ".join(labels.get(a, a) for a in c.actors)
                + f" · period {style.format_date(c.period_start)} – {style.format_date(c.period_end)}"
            )
            verdict = c.verdict
            if verdict.rule != "interpretive":
                all_events = st.toggle(
                    "Every event in the window",
                    key=f"claims_all_events_{c.id}",
                    help="Off: only the events this claim's rule uses.",
                )
                series = {sid: ui.series_or_none(sid)[0] for sid in c.series}
                drawn = any(s is not None and len(s) for s in series.values())
                # keyed on what decides the chart: hashing the claim, its evidence and the events each rerun costs more
                chart_key = (case.id, case.events_digest, c.id, verdict.status, verdict.detail, all_events)
                fig = ui.figure(
                    evidence_charts.build_claim_chart,
                    c,
                    verdict,
                    series,
                    case.events,
                    providers,
                    all_events=all_events,
                    cache_key=chart_key,
                )
                st.plotly_chart(fig, key=f"claims_chart_{slot}")
                ui.show_stale(c.series)
                marked = evidence_charts.claim_chart_events(c, verdict, case.events, drawn=drawn, all_events=all_events)
                ui.event_key(marked)
            st.markdown(f"**Rule: {style.human(verdict.rule)}** — {verdict.rule_text}")
            ui.verdict_evidence(c, stale_mark=verdict.rule == "interpretive")  # else said under the chart
            ui.push_panel(case, c)
            ui.claimreview_download(case, c)
            for column, (target, label, query) in zip(st.columns(3), evidence_charts.claim_links(c)):
                with column:
                    ui.page_link(target, label, query)
    ui.page_turner("claims_page", page, len(matching), PAGE_SIZE)


claims_panel()
exports()
