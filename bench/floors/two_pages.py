"""Benchmark floor for a page switch: the hello page and the plotly page behind st.navigation, as the app's
pages are (a sidebar click on "Plotly floor" from "Hello" is the floor's page switch)."""

import streamlit as st

st.navigation(
    [
        st.Page("hello.py", title="Hello", default=True),
        st.Page("plotly_line.py", title="Plotly floor", url_path="plotly"),
    ]
).run()
