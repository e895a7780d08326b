"""Empty and degenerate states said in words: a choice that leaves nothing to draw gets a message saying why
and, when a control caused it, a button that puts the controls back to their defaults (never a blank axis)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st


def _reset(defaults: Mapping[str, Any]) -> None:
    # runs before the rerun, so each widget is drawn with its default and url_persist writes it to the URL
    for key, value in defaults.items():
        st.session_state[key] = value


def empty_state(message: str, reset: Mapping[str, Any] | None = None, *, key: str, label: str = "Reset") -> None:
    """`message` (our own words) as an info box and, with `reset` ({widget key: default}), a reset button."""
    st.info(message, icon=":material/info:")
    if reset:
        st.button(label, key=key, on_click=_reset, args=(dict(reset),), icon=":material/restart_alt:")
