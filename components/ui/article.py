"""Bring your own article (the Actor network page's second tab): paste or upload, then check its claims.

The steps read top to bottom: input -> scan (components.claimscan, cached per text) -> candidates to accept,
edit or drop (st.data_editor; the verdict is recomputed for an edited rule) -> claims added by hand ->
actors with the reason each was found and the network of who did what to whom -> open the accepted claims
as a case in this session, or download them as a case zip. An uploaded case zip is checked by
components.case_bundle and opened in the session only. Every message that repeats something from the
text or the zip goes through components.style.safe_text.
"""

from __future__ import annotations

import json
import threading
from datetime import date

import pandas as pd
import streamlit as st

from components import budget, case_bundle, claimscan, evidence, isolated, ui
from components import network as graph
from components.claimscan import periods, quantities
from components.claimscan.scan import memoised
from components.style import safe_text
from components.ui import cases, held
from components.ui.bounded import isolated_or_none, run_stopped
from components.ui.cache import catalog

RULES = tuple(evidence.RULES)
MANUAL_KEY = "net_byo_manual"
MAX_MANUAL = 50
GRAPH_HEIGHT = 520


WARM_UP_DELAY = 6.0  # seconds after the tab is first drawn on this server


@st.cache_resource(show_spinner=False, max_entries=1)
def _warm_up_later() -> threading.Timer:
    """The text parsers (quantulum3's first use imports inflect: a few seconds) and the paste worker process,
    started once per server WARM_UP_DELAY after the tab is first drawn, so they are ready by the time a text is
    pasted. Started at once, they took the two cores and the interpreter lock that the page being opened
    needs (its network drew about half a second later); a text pasted sooner starts them itself."""

    def warm() -> None:
        quantities.warm_up()
        periods.warm_up()
        isolated.warm_up()

    timer = threading.Timer(WARM_UP_DELAY, warm)
    timer.name, timer.daemon = "claimscan-warm-up", True
    timer.start()
    return timer


@st.cache_resource(show_spinner=False, max_entries=8)
def _context(case_key: str) -> evidence.Context:
    """One memoised data context per case: verdicts of many scans read each series once per process."""
    from components import data

    events = ui.case_files(case_key).events
    return memoised(
        evidence.Context(
            get_series=data.load_series, get_points=data.load_points, get_meta=data.series_meta, events=events
        )
    )


@st.cache_data(show_spinner=False, max_entries=16, ttl=3600)
def _scan(text: str, case_key: str, published: date) -> claimscan.ArticleScan:
    """The scan runs in the worker process (components.isolated): a long paste holds none of the server's time."""
    base = ui.case_files(case_key)
    args = (text, base.actors, base.events, catalog(), pd.Timestamp(published))
    return isolated.run(claimscan.scan_with_data, *args, what="checking the text", should_stop=run_stopped)


def _candidate_rows(result: claimscan.ArticleScan) -> pd.DataFrame:
    rows = []
    for c in result.candidates:
        params = {k: v for k, v in c.spec.items() if k != "rule"}
        rows.append(
            {
                "accept": False,
                "id": c.id,
                "rank": c.score,
                "sentence": c.sentence,
                "why checkable": "; ".join(c.reasons),
                "entity": c.entity,
                "measure": c.measure or "—",
                "period": c.period or "—",
                "period read as": c.period_reason or "—",
                "stated": c.stated or "—",
                "comparison": c.comparison or "—",
                "matched because": c.measure_reason or "; ".join(e.reason for e in c.events[:1]) or "—",
                "series": ", ".join(c.series) or "—",
                "events": "; ".join(f"{e.title} ({e.date:%d %b %Y})" for e in c.events) or "—",
                "rule because": c.rule_reason,
                "rule": c.spec.get("rule", "interpretive"),
                "params": json.dumps(params, default=str),
                "verdict": c.error or (c.verdict.status if c.verdict else "not computed"),
                "paraphrase": c.sentence,
            }
        )
    return pd.DataFrame(rows)


def _spec_of(row: pd.Series) -> tuple[dict | None, str]:
    try:
        params = json.loads(row["params"] or "{}")
        if not isinstance(params, dict):
            raise ValueError("not an object")
    except ValueError as exc:
        return None, f"params are not valid JSON ({exc})"
    spec = {"rule": row["rule"], **params}
    problems = evidence.validate_spec(spec)
    if problems:
        return None, "; ".join(f"{f}: {m}" for f, m in problems)
    return spec, ""


def _verdicts(edited: pd.DataFrame, result: claimscan.ArticleScan, context: evidence.Context) -> pd.DataFrame:
    """The accepted rows with their (re)computed verdicts; one bad row never stops the others."""
    by_id = {c.id: c for c in result.candidates}
    out = []
    for _, row in edited[edited["accept"]].iterrows():
        c = by_id.get(row["id"])
        spec, problem = _spec_of(row)
        status, detail = "no data", problem
        if spec is not None and c is not None:
            try:
                c_edit = claimscan.Candidate(**{**c.__dict__, "spec": spec})
                verdict = claimscan.evaluate(c_edit, context) if spec != c.spec or c.verdict is None else c.verdict
                status, detail = verdict.status, verdict.detail
            except Exception as exc:  # noqa: BLE001 - one bad candidate never stops the others
                status, detail = "no data", f"could not be checked ({type(exc).__name__})"
        out.append(
            {"id": row["id"], "paraphrase": row["paraphrase"], "rule": row["rule"], "verdict": status, "detail": detail}
        )
    return pd.DataFrame(out, columns=["id", "paraphrase", "rule", "verdict", "detail"])


def _manual_form(actor_ids: list[str], published: date) -> None:
    with st.form("net_byo_add_form", clear_on_submit=True):
        st.markdown("**Add a claim by hand**")
        paraphrase = st.text_input("Claim, in your words", key="net_byo_add_text", max_chars=500)
        c1, c2, c3 = st.columns(3)
        rule = c1.selectbox("Rule", RULES, index=RULES.index("interpretive"), key="net_byo_add_rule")
        acts = c2.multiselect("Actors", actor_ids, key="net_byo_add_actors")
        when = c3.date_input("Period start", value=published, key="net_byo_add_when")
        params = st.text_input("Rule parameters (JSON)", value="{}", key="net_byo_add_params", max_chars=2000)
        if st.form_submit_button("Add claim"):
            held = st.session_state.setdefault(MANUAL_KEY, [])
            if not paraphrase.strip():
                st.warning("A claim needs some words.")
            elif len(held) >= MAX_MANUAL:
                st.warning(f"At most {MAX_MANUAL} claims can be added by hand.")
            else:
                held.append(
                    {"paraphrase": paraphrase.strip(), "rule": rule, "params": params, "actors": acts, "when": when}
                )


def _accepted_claims(
    edited: pd.DataFrame, result: claimscan.ArticleScan, published: date
) -> tuple[list[dict], list[str]]:
    """Claims for a case file from accepted rows and hand-added claims; problems name the claim."""
    by_id = {c.id: c for c in result.candidates}
    claims, problems = [], []
    for _, row in edited[edited["accept"]].iterrows():
        c = by_id[row["id"]]
        spec, problem = _spec_of(row)
        if spec is None:
            problems.append(f"{row['id']}: {problem}")
            continue
        start = c.periods[0].start if c.periods else pd.Timestamp(published).replace(day=1)
        end = c.periods[0].end if c.periods else start
        claims.append(
            {
                "id": c.id,
                "paraphrase": str(row["paraphrase"]).strip() or c.sentence,
                "kind": c.kind if c.kind in ("event", "quantitative", "prediction") else "interpretive",
                "actors": c.actors,
                "period_start": start.date(),
                "period_end": end.date(),
                "paragraph": c.paragraph,
                "evidence": spec,
                "sentence_no": c.sentence_no,
                "event_ids": [e.event_id for e in c.events],
            }
        )
    for i, m in enumerate(st.session_state.get(MANUAL_KEY, []), start=1):
        row = pd.Series({"rule": m["rule"], "params": m["params"]})
        spec, problem = _spec_of(row)
        if spec is None:
            problems.append(f"hand-added claim {i}: {problem}")
            continue
        claims.append(
            {
                "id": f"manual_{i:02d}",
                "paraphrase": m["paraphrase"],
                "kind": "interpretive" if m["rule"] == "interpretive" else "quantitative",
                "actors": list(m["actors"]),
                "period_start": m["when"],
                "period_end": m["when"],
                "paragraph": 1,
                "evidence": spec,
                "sentence_no": 0,
                "event_ids": [],
            }
        )
    return claims, problems


def _case_files(claims, result, text, title, published, case_id) -> dict[str, str]:
    base = ui.case_files()
    return case_bundle.build_files(
        case_id,
        title=title,
        published=pd.Timestamp(published),
        article_text=text,
        claims=claims,
        actors=result.actors,
        relations=result.relations,
        base_events=base.events,
        base_actors=base.actors,
    )


OPENED_KEY = "net_byo_opened"


def _open(files: dict[str, str], case_id: str, title: str) -> None:
    """Button callback (runs before the widgets, so the sidebar picker can be set to the new case)."""
    cases.open_session_case(files, case_id, title)
    st.session_state[OPENED_KEY] = title or case_id


def _say_opened() -> None:
    title = st.session_state.pop(OPENED_KEY, None)
    if title:
        st.success(safe_text(f"Opened '{title}': every page now shows this case (Case, in the sidebar)."))


def _zip_upload(data: bytes) -> None:
    try:
        case_id, files = case_bundle.read_zip(data)
    except case_bundle.BundleError as exc:
        st.error(safe_text(str(exc)))
        return
    st.caption(safe_text(f"{len(data):,} bytes, {len(files)} files: {', '.join(sorted(files))}"))
    problems = case_bundle.validate(files, case_id, set(catalog()["id"]))
    if problems:
        st.error(safe_text(f"The case '{case_id}' has {len(problems)} problem(s); it was not opened."))
        st.dataframe(
            pd.DataFrame([p.__dict__ for p in problems]).rename(columns={"line": "line", "field": "field"}),
            hide_index=True,
        )
        return
    title = case_library_title(files) or case_id
    st.button(
        f"View the case in this session ({len(files)} files)",
        key="net_byo_zip_open",
        on_click=_open,
        args=(files, case_id, title),
    )
    _say_opened()


def case_library_title(files: dict[str, str]) -> str:
    import tomllib

    try:
        return str(tomllib.loads(files.get("case.toml", "")).get("case", {}).get("title", ""))
    except tomllib.TOMLDecodeError:
        return ""


def article_tab() -> None:
    _warm_up_later()
    st.write(
        "Paste an article or upload a .txt or .md file (up to "
        f"{claimscan.MAX_BYTES:,} bytes), or a case .zip made here. Claim Lens ranks the sentences worth checking, "
        "reads what each asserts, matches it to the data and the case's events, suggests a rule and computes the "
        "verdict. Accept, edit or drop each claim, then open them as a case for this session or download them. "
        "Nothing is stored on the server."
    )
    held.lost_notice("net_byo", "The results of your uploaded article", "Upload the file again to check it again.")
    up = st.file_uploader("Upload .txt, .md or a case .zip", type=["txt", "md", "zip"], key="net_byo_file")
    text_in = st.text_area("…or paste text", height=180, key="net_byo_text")
    c1, c2 = st.columns(2)
    title = c1.text_input("Title of the article", value="My article", key="net_byo_title", max_chars=200)
    published = c2.date_input("Published", value=date.today(), key="net_byo_published")
    if up is not None and up.name.lower().endswith(".zip"):
        _zip_upload(up.getvalue())
        return
    if up is None and not (text_in or "").strip():
        return
    try:
        text = claimscan.read_upload(up.getvalue(), up.name) if up is not None else claimscan.check_text(text_in)
        case_key = cases.current_case_id()
        result = _scan(text, case_key, published)
    except claimscan.TextInputError as exc:
        st.error(safe_text(str(exc)))
        return
    except (budget.BudgetExceeded, isolated.WorkerFailed) as stopped:
        st.warning(safe_text(str(stopped)), icon=":material/timer_off:")
        return
    if up is not None:  # pasted text comes back with the tab's widgets after a reconnect; an upload does not
        held.mark_held("net_byo")
    for note in result.notices:
        st.info(safe_text(note))
    m1, m2, m3, m4 = st.columns(4)
    m1.metric("Sentences", len(result.sentences))
    m2.metric("Actors", len(result.actors))
    m3.metric("Candidate claims", len(result.candidates))
    m4.metric("Scan time", f"{result.seconds['total']:.2f} s")

    st.subheader("Candidate claims, most check-worthy first")
    rows = _candidate_rows(result)
    edited = rows
    if len(rows):
        rows = rows.sort_values(["rank", "id"], ascending=[False, True]).reset_index(drop=True)
        edited = st.data_editor(
            rows,
            key="net_byo_editor",
            hide_index=True,
            width="stretch",
            disabled=[c for c in rows.columns if c not in ("accept", "rule", "params", "paraphrase")],
            column_config={
                "accept": st.column_config.CheckboxColumn("accept", help="Keep this claim for the case"),
                "rule": st.column_config.SelectboxColumn("rule", options=list(RULES), required=True),
                "params": st.column_config.TextColumn("params", help="The rule's parameters (JSON); edit to re-check"),
                "paraphrase": st.column_config.TextColumn("paraphrase", help="Rewrite in your own words"),
            },
        )
    else:
        st.info("No sentence with a figure, a date or a comparison was found.")
    accepted = _verdicts(edited, result, _context(cases.current_case_id())) if len(rows) else None
    if accepted is not None and len(accepted):
        st.caption("Accepted claims, with the verdict under the rule as edited:")
        st.dataframe(accepted, hide_index=True, width="stretch")
    _manual_form(sorted(result.actors["id"]) if len(result.actors) else [], published)
    manual = st.session_state.get(MANUAL_KEY, [])
    if manual:
        st.dataframe(pd.DataFrame(manual).astype(str), hide_index=True, width="stretch")

    st.subheader("Actors found, and why")
    st.dataframe(result.actors, hide_index=True, width="stretch")
    drawn = None
    if len(result.relations):
        drawn = isolated_or_none(
            claimscan.text_network,
            result.actors,
            result.relations,
            GRAPH_HEIGHT,
            what="drawing the network of the text",
        )
    if drawn is not None:
        doc, shown, _, notes = drawn
        for note in notes:
            st.caption(safe_text(note))
        st.caption(
            f"Who did what to whom: {shown.number_of_nodes()} actors, {shown.number_of_edges()} links, typed where "
            "a verb says so (sanctions, tariffs, buys oil from, ...), otherwise 'mentioned with'."
        )
        st.iframe(
            graph.sandboxed(doc, "Network of the pasted text"),
            height=GRAPH_HEIGHT + 30,
            alt="Network of the pasted text",
        )

    st.subheader("Use the accepted claims as a case")
    case_id = st.text_input("Case id", value="my-article", key="net_byo_case_id", max_chars=64)
    claims, problems = _accepted_claims(edited, result, published) if len(rows) else ([], [])
    for p in problems:
        st.warning(safe_text(p))
    if not claims:
        st.caption("Accept at least one claim (tick 'accept') or add one by hand.")
        return
    if not case_bundle.case_library.CASE_ID_RE.match(case_id):
        st.warning("The case id must be lowercase letters, digits and '-' (at most 64).")
        return
    files = _case_files(claims, result, text, title, published, case_id)
    invalid = case_bundle.validate(files, case_id, set(catalog()["id"]))
    if invalid:
        st.error(safe_text("The case would not validate: " + "; ".join(str(p) for p in invalid[:5])))
        return
    c1, c2 = st.columns(2)
    c1.button(
        f"Open as a case ({len(claims)} claims, this session only)",
        key="net_byo_open",
        on_click=_open,
        args=(files, case_id, title),
    )
    _say_opened()
    c2.download_button(
        "Download as a case (zip)",
        case_bundle.to_zip(files, case_id),
        file_name=f"{case_id}.zip",
        mime="application/zip",
        on_click="ignore",
        key="net_byo_zip",
    )
