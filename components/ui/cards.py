"""Claim cards: the heading line with the verdict badge, and the evidence behind a verdict."""

from __future__ import annotations

import streamlit as st

from components import data, style


@st.cache_data(show_spinner=False, max_entries=4)
def _verdict_changes(vintage: str) -> dict[str, dict]:
    from components.data.vintages import verdict_notes

    return verdict_notes(data.vintage_history())


def verdict_change_note(claim, case_id: str | None = None) -> str:
    """'changed with the <date> data: was <status>' when the latest vintage that changed this claim's verdict
    led to the status shown now ('' otherwise)."""
    from components.case import DEFAULT_CASE

    change = _verdict_changes(data.vintage_key()).get(f"{case_id or DEFAULT_CASE}/{claim.id}")
    if not change or claim.verdict is None or change["now"] != claim.verdict.status:
        return ""
    return f"changed with the {change['date']} data: was {change['was']}"


def claim_heading(claim, case_id: str | None = None) -> None:
    """Title line of a claim card: short name, verdict badge with its evidence strength (explained on hover) and a
    link to the Methodology page, kind, article paragraph; a note when the latest data changed the verdict; then
    the paraphrase."""
    from components.ui.verdicts import strength_line

    line, tip = strength_line(claim.verdict)
    title = (
        f"**{style.safe_text(claim.short or claim.id)}** &nbsp; {style.verdict_badge(claim.verdict.status)} {line} "
        f"&nbsp; :gray-badge[{style.safe_text(claim.kind)}] &nbsp; ¶{claim.paragraph}"
    )
    note = verdict_change_note(claim, case_id)
    paraphrase = style.safe_text(claim.paraphrase)  # case text may come from a pasted article
    if note:
        st.markdown(title, help=tip)
        st.caption(f":material/update: {style.safe_text(note)}")
        st.markdown(paraphrase)
    else:  # one element, not two: a page of cards is many elements for the browser to build on each rerun
        st.markdown(f"{title}\n\n{paraphrase}", help=tip)


def verdict_evidence(claim, stale_mark: bool = True) -> None:
    """The parts of a verdict (one per provider or condition), the claim's note, and the numbers it used with
    each number's provider and source link (a plain table: see evidence_charts.numbers_markdown), then the
    stale mark for the series the verdict rests on (`stale_mark=False` where the card's chart says it)."""
    from components import evidence_charts
    from components.ui.freshness import show_stale

    verdict = claim.verdict
    lines = []
    for part in verdict.parts:
        label = f"**{style.safe_text(part.label)}** — " if part.label else ""
        lines.append(f"- {style.verdict_badge(part.status)} {label}{style.safe_text(part.detail)}")
    if lines:  # one list, one element: a page of cards is many elements for the browser to build on each rerun
        st.markdown("\n".join(lines))
    if not verdict.parts and verdict.detail:
        st.markdown(style.safe_text(verdict.detail))
    if claim.note:
        st.caption(style.safe_text(claim.note))
    numbers = evidence_charts.numbers_markdown(verdict)
    if numbers:
        st.markdown(numbers)
    if stale_mark:
        show_stale(claim.series)
    study_link(claim)


def study_link(claim) -> None:
    """'Study this event': the Event study preset to the events (and series) the claim's verdict rests on."""
    from components import event_links
    from components.ui.cache import study_series
    from components.ui.page import page_link

    query = event_links.claim_study_query(claim, study_series())
    if query:
        page_link("event_study", ":material/query_stats: Study this event (abnormal returns)", query)
