"""Claim cards: the heading line with the verdict badge, and the evidence behind a verdict."""

from __future__ import annotations

import streamlit as st

from components import style


def claim_heading(claim) -> None:
    """Title line of a claim card: short name, verdict badge, kind, article paragraph; then the paraphrase."""
    st.markdown(
        f"**{claim.short or claim.id}** &nbsp; {style.verdict_badge(claim.verdict.status)} &nbsp; "
        f":gray-badge[{claim.kind}] &nbsp; ¶{claim.paragraph}"
    )
    st.markdown(claim.paraphrase)


def verdict_evidence(claim) -> None:
    """The parts of a verdict (one per provider or condition), the claim's note, and the numbers it used with
    each number's provider and source link (a plain table: see evidence_charts.numbers_markdown)."""
    from components import evidence_charts

    verdict = claim.verdict
    for part in verdict.parts:
        label = f"**{part.label}** — " if part.label else ""
        st.markdown(f"- {style.verdict_badge(part.status)} {label}{part.detail}")
    if not verdict.parts and verdict.detail:
        st.markdown(verdict.detail)
    if claim.note:
        st.caption(claim.note)
    numbers = evidence_charts.numbers_markdown(verdict)
    if numbers:
        st.markdown(numbers)
