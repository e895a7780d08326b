"""Pushing on a verdict: a claim card's reader settings (in the URL), the verdict they give beside the published
one, the robustness strip, and the ClaimReview / evidence-pack downloads."""

from __future__ import annotations

from urllib.parse import urlsplit

import pandas as pd
import streamlit as st

from components import claimreview, data, evidence, routes, style
from components.evidence import sensitivity
from components.ui.state import url_read

CONTEXT_ENTRIES = 2


@st.cache_resource(show_spinner=False, max_entries=CONTEXT_ENTRIES, ttl=3600)
def _context(case_id: str, vintage: str, _case) -> evidence.Context:
    from components.ui.cache import points, series

    return evidence.Context(
        get_series=series,
        get_points=points,
        events=_case.events,
        facts=_case.facts,
        today=pd.Timestamp.today().normalize(),
        get_meta=data.series_meta,
    )


def evidence_context(case) -> evidence.Context:
    """One evidence Context per case and data vintage, shared by the cards: a reader's settings reuse the
    series (and the results) the published verdicts were computed from."""
    return _context(case.id, data.vintage_key(), case)


def base_url() -> str:
    """The app's address as the browser sees it (for ClaimReview card URLs); localhost when unknown."""
    try:
        parts = urlsplit(str(st.context.url or ""))
    except (AttributeError, ValueError):
        return claimreview.DEFAULT_BASE_URL
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return claimreview.DEFAULT_BASE_URL
    return f"{parts.scheme}://{parts.netloc}{parts.path.rsplit('/', 1)[0]}"


def strength_line(verdict) -> tuple[str, str]:
    """(markdown after the badge, tooltip): '· thin evidence (4 of 24 months) · how verdicts are made'."""
    weight = verdict.strength
    method = f"[how verdicts are made]({routes.page_url('methodology')})"
    if weight is None or not weight.label:
        return f"· {method}", "No evidence was weighed for this verdict."
    return f"· {weight.label} · {method}", weight.explain()


# ------------------------------------------------------------------------------------------ settings
def _url_settings(claim, notices: list[str]) -> dict:
    """This card's settings from the URL ('<claim id>:<settings>'), or {} when the URL holds another card's."""
    raw = url_read("claims_set", "", notices=notices)
    claim_id, _, rest = str(raw).partition(":")
    if claim_id != claim.id:
        return {}
    settings, problems = sensitivity.parse_settings(claim, rest)
    notices.extend(style.safe_text(p) for p in problems)
    return settings


def _widget(control: sensitivity.Control, key: str):
    if control.kind in ("int", "float"):
        number = int if control.kind == "int" else float
        return st.number_input(
            control.label,
            min_value=number(control.lo),
            max_value=number(control.hi),
            step=number(control.step or 1),
            key=key,
            help=control.help or None,
        )
    if control.kind == "multi":
        return tuple(st.multiselect(control.label, list(control.options), key=key, help=control.help or None))
    return st.selectbox(control.label, list(control.options), key=key, help=control.help or None)


def _seed(control: sensitivity.Control, key: str, value) -> None:
    if key not in st.session_state:
        st.session_state[key] = list(value) if control.kind == "multi" else value


@st.cache_data(show_spinner=False, max_entries=64, ttl=3600)
def _grid(case_id: str, claim_id: str, vintage: str, _claim, _ctx) -> tuple[list[dict], list, str]:
    grid = evidence.robustness(_claim, _ctx)
    return grid.rows, grid.dims, grid.words


def push_panel(case, claim) -> None:
    """'What would change this verdict?': the rule's parameters as controls, the verdict they give beside the
    published one, and the robustness strip. Drawn only when the reader opens it; the URL keeps the settings."""
    controls = evidence.controls(claim)
    if not controls:
        return
    notices: list[str] = []
    from_url = _url_settings(claim, notices)
    toggle_key = f"claims_push_{claim.id}"
    if toggle_key not in st.session_state:
        st.session_state[toggle_key] = bool(from_url)
    if not st.toggle("What would change this verdict?", key=toggle_key):
        return
    _panel(case, claim, controls, from_url, notices)


@st.fragment
def _panel(case, claim, controls, from_url: dict, notices: list[str]) -> None:
    """The open panel as a fragment: a changed setting reruns this card's panel only."""
    for note in notices:
        st.caption(f":material/info: {note}")
    settings = {}
    columns = st.columns(min(3, len(controls)))
    for i, control in enumerate(controls):
        key = f"claims_set_{claim.id}_{control.key}"
        _seed(control, key, from_url.get(control.key, control.default))
        with columns[i % len(columns)]:
            value = _widget(control, key)
        if control.kind == "multi":
            value = tuple(o for o in control.options if o in value)
        if value != control.default and value is not None:
            settings[control.key] = value
    mine = st.query_params.get("claims_set", "")
    wanted = f"{claim.id}:{sensitivity.format_settings(settings)}" if settings else ""
    if wanted and mine != wanted:
        st.query_params["claims_set"] = wanted
    elif not wanted and str(mine).startswith(f"{claim.id}:"):
        del st.query_params["claims_set"]
    ctx = evidence_context(case)
    published, yours = st.columns(2)
    with published:
        st.markdown("**Published (default settings)**")
        st.markdown(f"{style.verdict_badge(claim.verdict.status)} {strength_line(claim.verdict)[0]}")
    with yours:
        st.markdown("**With your settings**")
        if settings:
            try:
                verdict = evidence.evaluate(claim, settings, ctx)
            except ValueError as exc:  # a setting the rule refuses: said, never raised
                st.caption(style.safe_text(str(exc)))
            else:
                line, tip = strength_line(verdict)
                st.markdown(f"{style.verdict_badge(verdict.status)} {line}", help=tip)
                st.caption(style.safe_text(verdict.detail, max_len=600))
        else:
            st.caption("Change a setting to recompute the verdict.")
    from components import evidence_charts
    from components.ui.cache import figure

    rows, dims, words = _grid(case.id, claim.id, data.vintage_key(), claim, ctx)
    if rows:
        st.plotly_chart(
            figure(evidence_charts.build_robustness_strip, rows, dims, words),
            key=f"claims_strip_{claim.id}",
            config={"displayModeBar": False},
        )
    st.caption(f"Robustness: {words}. The ringed square is the published default.")


# ------------------------------------------------------------------------------------------ exports
def claimreview_download(case, claim) -> None:
    """This card as schema.org ClaimReview JSON-LD (made when clicked)."""

    def make() -> bytes:
        meta = {sid: data.series_meta(sid) for sid in claim.series if _known(sid)}
        doc = claimreview.claim_review(case, claim, base_url=base_url(), series_meta=meta)
        return claimreview.to_json(doc).encode("utf-8")

    st.download_button(
        ":material/download: ClaimReview (JSON-LD)",
        make,
        file_name=f"{claim.id}.claimreview.jsonld",
        mime="application/ld+json",
        key=f"claims_cr_{claim.id}",
        on_click="ignore",
    )


def _known(series_id: str) -> bool:
    try:
        data.series_meta(series_id)
    except (LookupError, OSError, ValueError):
        return False
    return True


def case_exports(case) -> None:
    """Every claim as one ClaimReview file, and the evidence pack (zip), both made when clicked."""
    meta = lambda: {sid: data.series_meta(sid) for c in case.claims for sid in c.series if _known(sid)}  # noqa: E731
    left, right = st.columns(2)
    with left:
        st.download_button(
            ":material/download: All claims as ClaimReview (JSON-LD)",
            lambda: claimreview.to_json(claimreview.case_reviews(case, base_url=base_url(), series_meta=meta())).encode(
                "utf-8"
            ),
            file_name=f"{case.id}.claimreview.jsonld",
            mime="application/ld+json",
            key="claims_cr_case",
            on_click="ignore",
        )
    with right:
        st.download_button(
            ":material/folder_zip: Evidence pack (zip)",
            lambda: claimreview.evidence_pack(
                case, base_url=base_url(), series_meta=meta(), as_of=data.snapshot_as_of()
            ),
            file_name=f"{case.id}.evidence-pack.zip",
            mime="application/zip",
            key="claims_pack",
            on_click="ignore",
        )
