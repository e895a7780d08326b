"""Results that live only in one server's memory, and what to say when they are gone.

Everything else a page shows is rebuilt from its URL, so a tab that reconnects to another replica (the one it
was on died) or to a restarted server shows the same view. An uploaded article's scan, or a case opened from a
file, is not: the upload went to the old process. To tell the user instead of silently showing an empty tab,
a page marks the results it holds twice: in the URL (`?<key>=1`, which the browser keeps and sends again when
it reconnects) and in this session's state (which the new process does not have). URL marker without session
marker: the results were lost, and `lost_notice` says so and offers to run again (or to dismiss).
"""

from __future__ import annotations

import streamlit as st

_SESSION = "_held_results"


def mark_held(key: str) -> None:
    """This session now holds results that cannot be rebuilt from the URL (call when showing them)."""
    st.session_state.setdefault(_SESSION, set()).add(key)
    if st.query_params.get(key) != "1":
        st.query_params[key] = "1"


def forget_held(key: str) -> None:
    """The results are gone on purpose (input cleared, notice dismissed): drop both markers."""
    st.session_state.get(_SESSION, set()).discard(key)
    st.query_params.pop(key, None)


def were_lost(key: str) -> bool:
    """The URL says this tab had results under `key`, but this session never made them."""
    return st.query_params.get(key) == "1" and key not in st.session_state.get(_SESSION, set())


def lost_notice(key: str, what: str, again: str, rerun_label: str | None = None) -> bool:
    """When the results under `key` were lost: a warning naming `what` was lost and `again` (how to get it
    back), a Dismiss button, and a `rerun_label` button when the input is still there (returns True when it
    was pressed, so the caller runs the work again). Returns False otherwise."""
    if not were_lost(key):
        return False
    st.warning(
        f"{what} were lost: this page reconnected to a server that does not hold them (the server restarted, "
        f"or another one took over). Nothing was stored anywhere. {again}",
        icon=":material/sync_problem:",
    )
    left, right = st.columns(2)
    right.button("Dismiss", key=f"{key}_dismiss", on_click=forget_held, args=(key,))
    return bool(rerun_label) and left.button(rerun_label, key=f"{key}_rerun", on_click=forget_held, args=(key,))
