"""Cards a page at a time (Claims, Hindsight): the page picker above the list, Previous/Next below it, the
page in the URL (its parameter is registered in components/routes.py).

A page of cards is what the browser builds before it can draw the page's first chart (each card is several
elements, and the chart library loads meanwhile), so a long list is cut into pages rather than shown whole."""

from __future__ import annotations

import streamlit as st

from components.claim_filter import page_count, page_span
from components.ui.state import url_persist, url_read, url_write


def page_picker(key: str, total: int, size: int) -> int:
    """The page of `total` cards shown `size` at a time (1-based), picked above the list and kept in the URL
    parameter `key`. A page number beyond the list (the filter narrowed it) goes back to the first page."""
    pages = page_count(total, size)
    if pages > 1:
        if st.session_state.get(key, 1) > pages:
            st.session_state[key] = 1
        return url_persist(st.radio)(
            "Cards",
            range(1, pages + 1),
            key=key,
            horizontal=True,
            label_visibility="collapsed",
            format_func=lambda n: "{}–{}".format(*page_span(n, size, total)),
        )
    url_read(key, bounds=(1, 1))  # a page number in the URL of a one-page list gives its notice
    url_write(key, 1)
    return 1


def _turn(key: str, step: int) -> None:
    st.session_state[key] = st.session_state.get(key, 1) + step


def page_turner(key: str, page: int, total: int, size: int) -> None:
    """Previous / "Cards a–b of n" / Next under the list (nothing for a one-page list). The buttons' keys are
    the page key's stem: `claims_page` gives `claims_prev` and `claims_next`."""
    pages = page_count(total, size)
    if pages <= 1:
        return
    stem = key.removesuffix("_page")
    first, last = page_span(page, size, total)
    back, where, forward = st.columns([1, 2, 1], vertical_alignment="center")
    back.button("← Previous", key=f"{stem}_prev", on_click=_turn, args=(key, -1), disabled=page <= 1)
    where.caption(f"Cards {first}–{last} of {total}")
    forward.button("Next →", key=f"{stem}_next", on_click=_turn, args=(key, 1), disabled=page >= pages)
