"""Methodology: how verdicts are made: the scales, each rule with its parameters, evidence strength, source
tiers, how providers combine, what 'not testable' means. Built from the code that makes the verdicts."""

import streamlit as st

from components import methodology, ui

ui.page_setup(
    "Methodology",
    "How Claim Lens reaches a verdict, and how strong the evidence behind it is. Every verdict badge links here.",
)
for heading, body in methodology.sections():
    st.subheader(heading)
    st.markdown(body)
