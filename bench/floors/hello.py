"""Benchmark floor: the smallest Streamlit page (same server flags and config as the app)."""

import streamlit as st

st.title("Hello")
st.write("hello, world")
