"""Event study: how prices, rates and volumes moved in windows around the case's events."""

import pandas as pd
import streamlit as st

from components import charts, eventstudy, ui
from components import params as P

ui.page_setup(
    "Event study",
    "Pick events and series; every series is aligned on the event and the table "
    "gives the moves around it, with missing data said rather than hidden.",
)
ARTICLE_EVENT_DATE = pd.Timestamp("2025-03-07")  # Trump's threat of sanctions on Russia, the article's trigger
MAX_WINDOW = 60

# ---- controls
events_all, _, events_problem = ui.case_events()
if events_problem or events_all.empty:
    st.error(events_problem or "The case has no events.")
    st.stop()
events_all = events_all.sort_values("date").reset_index(drop=True)
event_ids = list(events_all["id"])
event_label = dict(
    zip(events_all["id"], [f"{d:%Y-%m-%d} · {t}" for d, t in zip(events_all["date"], events_all["title"])])
)
on_day = events_all[events_all["date"] == ARTICLE_EVENT_DATE]
preferred = on_day[on_day["category"] == "statement"]
default_events = list((preferred if len(preferred) else on_day if len(on_day) else events_all.head(1))["id"][:1])

cat = ui.catalog()
usable = cat[
    (cat["status"] == "ok")
    & (cat["origin"] == "snapshot")
    & cat["frequency"].isin(["daily", "monthly"])
    & cat["topic"].isin(["oil price", "fx", "urals", "india imports", "china imports"])
]
series_ids = list(usable.sort_values(["frequency", "topic", "id"])["id"])
meta = usable.set_index("id")
default_series = [s for s in ("brent_spot_eia", "wti_spot_eia") if s in series_ids] or series_ids[:1]


@st.fragment
def event_study() -> None:
    """Events, series, window and the chart and table they make: a Streamlit fragment, so changing one of these
    controls reruns only this part of the page."""
    panel_notices: list[str] = []
    chosen_events = ui.url_param("es_events", P.parse_multi, event_ids, default_events, notices=panel_notices)
    chosen_series = ui.url_param("es_series", P.parse_multi, series_ids, default_series, notices=panel_notices)
    before = ui.url_param("es_before", P.parse_int, 0, MAX_WINDOW, 5, notices=panel_notices)
    after = ui.url_param("es_after", P.parse_int, 0, MAX_WINDOW, 5, notices=panel_notices)
    y_mode = ui.url_param("es_y", P.parse_choice, ["rebased", "value"], "rebased", notices=panel_notices)
    for key, value in (
        ("es_events", chosen_events),
        ("es_series", chosen_series),
        ("es_before", before),
        ("es_after", after),
        ("es_y", y_mode),
    ):
        ui.seed_widget(key, value)

    chosen_events = st.multiselect("Events", event_ids, key="es_events", format_func=event_label.get)
    chosen_series = st.multiselect(
        "Series",
        series_ids,
        key="es_series",
        format_func=lambda s: f"{meta.loc[s, 'name']} [{meta.loc[s, 'frequency']}]",
    )
    c1, c2, c3 = st.columns([3, 3, 2])
    with c1:
        before = st.slider(
            "Observations before the event",
            0,
            MAX_WINDOW,
            key="es_before",
            help="Trading days for daily series, months for monthly series",
        )
    with c2:
        after = st.slider("Observations after the event", 0, MAX_WINDOW, key="es_after")
    with c3:
        y_mode = st.radio(
            "Chart",
            ["rebased", "value"],
            key="es_y",
            horizontal=True,
            format_func={"rebased": "Rebased (t0 = 100)", "value": "Raw values"}.get,
        )
    ui.set_query(
        es_events=P.format_multi(chosen_events),
        es_series=P.format_multi(chosen_series),
        es_before=before,
        es_after=after,
        es_y=y_mode,
    )
    ui.show_notices(panel_notices)

    # ---- data
    picked = events_all[events_all["id"].isin(chosen_events)]
    data, problems = {}, []
    for sid in chosen_series:
        s, problem = ui.series_or_none(sid)
        if s is None:
            problems.append(f"{sid}: {problem}")
        else:
            data[sid] = s
    labels = {sid: str(meta.loc[sid, "name"]) for sid in chosen_series}
    units = {sid: str(meta.loc[sid, "unit"]) for sid in chosen_series}
    freqs = {sid: str(meta.loc[sid, "frequency"]) for sid in chosen_series}
    aligned = eventstudy.aligned_windows(data, picked, before, after, labels=labels, frequencies=freqs)
    for p in problems:
        st.warning(p)

    # ---- render
    if picked.empty or not data:
        st.info("Pick at least one event and one series.")
        return
    fig = ui.figure(charts.build_event_study, aligned, value=y_mode, units=units, title="Series aligned on the event")
    st.plotly_chart(fig, key="es_chart")
    table = eventstudy.event_table(data, picked, before, after, labels=labels, units=units, frequencies=freqs)
    st.caption(
        f"Rule: {eventstudy.ANCHOR_RULE} An anchor more than 7 days (daily) or 31 days (monthly) before the "
        "event counts as missing. Event-day move = t−1 → t0."
    )
    shown = table.rename(
        columns={
            "event_date": "event date",
            "t0_date": "t0 date",
            "t0_value": "t0 value",
            "prev_date": "t−1 date",
            "prev_value": "t−1 value",
            "day_abs": "event-day change",
            "day_pct": "event-day change %",
            "pre_from_date": f"t−{before} date",
            "pre_abs": f"change t−{before}→t0",
            "pre_pct": f"change t−{before}→t0 %",
            "post_to_date": f"t+{after} date",
            "post_abs": f"change t0→t+{after}",
            "post_pct": f"change t0→t+{after} %",
        }
    )
    shown["missing"] = shown["missing"].replace("", "—")
    shown = shown.drop(columns=["event_id", "series_id"])
    # a static table: a few rows per event and series, drawn with the page (an interactive grid loads its own
    # script first and held the chart back on a cold start); the CSV below has every column at full precision
    st.table(
        shown.style.format({c: "{:,.2f}" for c in shown.columns if "change" in c or "value" in c}, na_rep="—").format(
            {c: lambda d: "—" if pd.isna(d) else f"{pd.Timestamp(d):%Y-%m-%d}" for c in shown.columns if "date" in c}
        ),
        hide_index=True,
    )
    n_missing = int((table["missing"] != "").sum())
    if n_missing:
        st.caption(
            f"⚠️ {n_missing} of {len(table)} event × series rows have missing data; the 'missing' column says what."
        )
    ui.csv_download(
        table,
        "event_study.csv",
        "Download the table (CSV)",
        {
            "title": "Event study: changes around events",
            "rule": eventstudy.ANCHOR_RULE,
            "window": f"{before} observations before, {after} after",
            "units": "; ".join(f"{k}={v}" for k, v in units.items()),
            "sources": "; ".join(f"{k}={meta.loc[k, 'provider']}" for k in chosen_series),
        },
        key="es_dl_table",
    )
    ui.csv_download(
        aligned,
        "event_study_windows.csv",
        "Download the aligned windows (CSV)",
        {
            "title": "Event study: aligned windows (rebased = 100 at t0)",
            "rule": eventstudy.ANCHOR_RULE,
            "units": "; ".join(f"{k}={v}" for k, v in units.items()),
        },
        key="es_dl_windows",
    )


event_study()
