"""Benchmark floor: one plotly line chart with a slider that changes it (the same shape of work as an app page:
a date-range slider cuts a ~1,700-point daily series and the chart is redrawn)."""

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

st.title(globals().get("FLOOR_TITLE", "Plotly floor"))  # bench/floors/plotly_again.py renames it
index = pd.bdate_range("2020-01-01", "2026-08-18")
values = 70 + np.cumsum(np.random.default_rng(0).normal(0, 1, len(index)))
first, last = index[0].date(), index[-1].date()
start, end = st.slider(
    "Date range",
    min_value=first,
    max_value=last,
    value=(pd.Timestamp("2024-10-01").date(), last),
    key="floor_range",
    format="YYYY-MM-DD",
)
mask = (index >= pd.Timestamp(start)) & (index <= pd.Timestamp(end))
fig = go.Figure(go.Scatter(x=index[mask], y=values[mask], mode="lines", name="floor"))
fig.update_layout(title="One line", height=420)
st.plotly_chart(fig, key="floor_chart")
