"""Benchmark floor for a page switch: the hello page and the plotly page behind st.navigation, as the app's
pages are (a sidebar click on "Plotly floor" from "Hello" is the floor's page switch), and the plotly page under
a second name (a click on "Plotly again" from "Plotly floor": the browser has the charting code already)."""

import streamlit as st

st.navigation(
    [
        st.Page("hello.py", title="Hello", default=True),
        st.Page("plotly_line.py", title="Plotly floor", url_path="plotly"),
        st.Page("plotly_again.py", title="Plotly again", url_path="plotly_again"),
    ]
).run()
