"""Event study (MacKinlay 1997): did a series move after an event more than it usually does?"""

import streamlit as st

from components import event_charts, event_models, event_returns, event_tables, event_tests, ui
from components.style import safe_text

ui.page_setup(
    "Event study",
    "Abnormal returns around the case's events: each series' return is set against its normal return, "
    "estimated before the event, and the cumulative abnormal return (CAR) is tested with a t-test and against "
    "the same CAR at random non-event dates (placebo).",
)
MAX_ESTIMATION, MAX_GAP, OFFSETS, MAX_PLACEBO, MAX_SEED = 500, 60, (-20, 40), 5000, 2**31 - 1
WINDOWS = event_tests.DEFAULT_WINDOWS
MODEL_NAMES = {"mean": "constant mean", "market_adjusted": "market-adjusted", "market": "market model"}
NUMBER, PVALUE = "%.3f", "%.4f"
COLUMNS = {
    "event date": st.column_config.DateColumn("event date", format="YYYY-MM-DD"),
    "L": st.column_config.NumberColumn("L", help="Observations in the event window", format="%d"),
    "CAR": st.column_config.NumberColumn("CAR", help="Cumulative abnormal return, in the unit column", format=NUMBER),
    "t": st.column_config.NumberColumn("t", help="CAR / (σ̂·√L)", format="%.2f"),
    "p (t-test)": st.column_config.NumberColumn("p (t-test)", help="Two-sided, Student's t", format=PVALUE),
    "placebo p": st.column_config.NumberColumn(
        "placebo p", help="Share of random non-event dates with a CAR at least as large in size", format=PVALUE
    ),
    "α": st.column_config.NumberColumn("α", help="Market model intercept, per observation, unit column", format="%.4f"),
    "β": st.column_config.NumberColumn("β", help="Market model slope on the benchmark", format="%.3f"),
    "R²": st.column_config.NumberColumn("R²", format="%.3f"),
    "σ̂": st.column_config.NumberColumn("σ̂", help="Residual standard deviation per observation", format="%.4f"),
    "N": st.column_config.NumberColumn("N", help="Observations in the estimation window", format="%d"),
}

# ---- controls
events_all, _, events_problem = ui.case_events()
if events_problem or events_all.empty:
    st.error(events_problem or "The case has no events.")
    st.stop()
events_all = events_all.sort_values("date").reset_index(drop=True)
event_ids = list(events_all["id"])
event_title = dict(zip(events_all["id"], events_all["title"]))
event_date = dict(zip(events_all["id"], events_all["date"]))
trigger_id, _, _ = ui.case_anchor()  # the event the case's article reacts to
default_events = [trigger_id] if trigger_id in event_ids else event_ids[:1]

catalog = ui.catalog()
meta = catalog.set_index("id")
series_ids = ui.study_series()  # once per vintage (components.event_links.study_series)
default_series = [s for s in ("brent_spot_eia",) if s in series_ids] or series_ids[:1]
daily = catalog[(catalog["status"] == "ok") & (catalog["frequency"] == "daily")]
benchmark_ids = list(daily[daily["origin"] == "snapshot"]["id"])
if ui.live_enabled():
    benchmark_ids += list(daily[daily["origin"] == "live-only"]["id"])
default_benchmark = "wti_spot_eia" if "wti_spot_eia" in benchmark_ids else benchmark_ids[0]
other_events = {i: (event_date[i], event_title[i]) for i in event_ids}


def event_name(eid: str) -> str:
    return f"{event_date[eid]:%Y-%m-%d} · {event_title[eid]}"


SERIES_NAMES = {
    sid: f"{name} [{freq}]" for sid, name, freq in zip(catalog["id"], catalog["name"], catalog["frequency"])
}


def series_name(sid: str) -> str:
    return SERIES_NAMES.get(sid, sid)


@st.fragment
def event_study() -> None:
    """Every control and what it drives, as a fragment: a change reruns this panel, not the page set-up.
    Each control is bound to the URL parameter of its key (components/routes.py)."""
    persist = ui.url_persist
    chosen_events = persist(st.multiselect)(
        "Events", event_ids, key="es_events", default=default_events, format_func=event_name
    )
    chosen_series = persist(st.multiselect)(
        "Series", series_ids, key="es_series", default=default_series, format_func=series_name
    )
    columns = st.columns(len(WINDOWS) + 2)
    windows = []
    for i, column in enumerate(columns[: len(WINDOWS)], start=1):
        with column:
            windows.append(tuple(persist(st.slider)(f"Event window {i}", *OFFSETS, key=f"es_w{i}")))
    with columns[-2]:
        est_len = persist(st.slider)(
            "Estimation window",
            event_models.MIN_ESTIMATION_OBS,
            MAX_ESTIMATION,
            key="es_est",
            help="Observations used to estimate the normal return (trading days for daily series, months for "
            "monthly ones), ending the gap before the event.",
        )
    with columns[-1]:
        gap = persist(st.slider)("Gap before the event", 0, MAX_GAP, key="es_gap")
    left, right = st.columns([3, 2], vertical_alignment="bottom")
    with left:
        model = persist(st.radio)(
            "Normal-return model",
            list(event_models.MODELS),
            key="es_model",
            horizontal=True,
            format_func=MODEL_NAMES.get,
        )
    with right:
        # the label is drawn before the widgets inside: seed them from the URL first
        placebo_now = ui.url_seed("es_placebo", bounds=(0, MAX_PLACEBO))
        seed_now = ui.url_seed("es_seed", bounds=(0, MAX_SEED))
        with st.popover(f"Benchmark, placebo ({placebo_now:,} dates, seed {seed_now}), other events", width="stretch"):
            benchmark_id = persist(st.selectbox)(
                "Benchmark (market-adjusted and market model)",
                benchmark_ids,
                key="es_bench",
                default=default_benchmark,
                format_func=series_name,
            )
            placebo = persist(st.slider)("Placebo dates", 0, MAX_PLACEBO, step=100, key="es_placebo")
            seed = int(persist(st.number_input)("Placebo seed", 0, MAX_SEED, step=1, key="es_seed"))
            contam = persist(st.radio)(
                "Other case events inside the windows",
                ["keep", "drop"],
                key="es_contam",
                format_func={"keep": "keep them (named only)", "drop": "drop them from the estimation"}.get,
            )
    ui.show_notices()
    estimation = (-gap - est_len, -gap - 1)

    # ---- data
    if not chosen_events or not chosen_series:
        missing = " and ".join(
            what for what, chosen in (("event", chosen_events), ("series", chosen_series)) if not chosen
        )
        ui.empty_state(
            f"No {missing} is chosen: pick at least one event and one series.",
            {"es_events": default_events, "es_series": default_series},
            key="es_reset",
        )
        return
    benchmark = None
    if model != "mean":
        if meta.loc[benchmark_id, "origin"] == "live-only":
            benchmark, benchmark_id, message = ui.live_or_fallback(benchmark_id)
            if message:
                st.caption(message)
        else:
            benchmark, problem = ui.series_or_none(benchmark_id)
            if problem:
                st.warning(f"Benchmark {meta.loc[benchmark_id, 'name']}: {problem}")
    loaded = {}
    for sid in chosen_series:
        values, problem = ui.series_or_none(sid)
        if values is None:
            st.warning(f"{meta.loc[sid, 'name']}: {problem}")
        else:
            loaded[sid] = values
    metas = {sid: meta.loc[sid].to_dict() | {"id": sid} for sid in loaded}
    studies = event_tests.study_many(
        loaded,
        {eid: event_date[eid] for eid in chosen_events},
        metas=metas,
        model=model,
        benchmark=benchmark,
        benchmark_id=benchmark_id,
        benchmark_meta=meta.loc[benchmark_id].to_dict() | {"id": benchmark_id},
        estimation=estimation,
        windows=windows,
        placebo=placebo,
        seed=seed,
        other_events=other_events,
        drop_contaminated=contam == "drop",
    )
    labels = {sid: str(meta.loc[sid, "name"]) for sid in loaded}
    units = {sid: str(meta.loc[sid, "unit"]) for sid in loaded}
    names = event_tables.StudyNames(event_title, event_date, labels, units)
    bench_used = [benchmark_id] if model != "mean" else []
    used = list(loaded) + bench_used  # the series every table and the placebo chart rest on

    # ---- render
    if any(meta.loc[sid, "frequency"] == "monthly" for sid in loaded):
        st.info(event_tests.LOW_POWER)
    for sid in loaded:
        series_panel(sid, [s for s in studies if s.series_id == sid], labels[sid], units[sid], contam)
    placebo_panel(studies, units, labels, bench_used)
    st.subheader("Results")
    shown, problems = event_tables.computed_only(event_tables.results_frame(studies, names))
    if len(shown):
        st.dataframe(shown, hide_index=True, column_config=COLUMNS, key="es_table")
        ui.show_stale(used)
    else:
        st.info("No result could be computed with these settings.")
    for problem in problems:
        st.caption(f":material/warning: Not computed: {safe_text(problem)}")
    against = f", benchmark {meta.loc[benchmark_id, 'name']}" if model != "mean" else ""
    st.caption(
        f"{event_tables.VERDICT_RULE} Estimation window: offsets {estimation[0]}..{estimation[1]} "
        f"({MODEL_NAMES[model]}{against}); placebo: {placebo:,} dates, seed {seed}. t = 0 is the last observation "
        "on or before the event date; offsets count observations."
    )
    across = event_tests.cross_sections(studies)
    if across:
        st.subheader("Across the events")
        kinds = {s.series_id: s.kind for s in studies}
        shown, problems = event_tables.computed_only(event_tables.cross_section_frame(across, names, kinds))
        for problem in problems:
            st.caption(f":material/info: {safe_text(problem)}")
        st.dataframe(
            shown,
            hide_index=True,
            key="es_cross",
            column_config={
                c: st.column_config.NumberColumn(c, format=PVALUE if c.startswith("p ") else NUMBER)
                for c in ("CAAR", "cross-sectional t", "p (cross-sectional)", "BMP t", "p (BMP)", "p (sign test)")
            },
        )
        ui.show_stale(used)
        st.caption(
            "CAAR = mean CAR over the events; cross-sectional t = CAAR / (s(CAR)/√N); Boehmer–Musumeci–Poulsen: the "
            "same t on CARs standardised by their forecast-error σ; sign test: positive CARs against Binomial(N, ½)."
            " Verdict from the BMP test. Events close together share shocks, which these tests assume away."
        )
    parameters = {
        "model": model,
        "benchmark": benchmark_id if model != "mean" else "",
        "estimation": f"{estimation[0]}..{estimation[1]}",
        "windows": "; ".join(f"{a}..{b}" for a, b in windows),
        "placebo": placebo,
        "seed": seed,
        "other_events": contam,
    }
    ui.csv_download(
        lambda: event_tables.csv_frame(studies, names, parameters),
        "event_study_results.csv",
        "Download the results (CSV)",
        {
            "title": "Event study results (full precision)",
            "method": event_models.__doc__.split("\n")[0],
            **parameters,
            "sources": "; ".join(f"{k}={meta.loc[k, 'provider']} {meta.loc[k, 'source_url']}" for k in loaded),
        },
        key="es_dl_results",
    )
    ui.csv_download(
        lambda: event_tables.path_frame(studies),
        "event_study_paths.csv",
        "Download the AR and CAR paths (CSV)",
        {"title": "Event study: AR and CAR by offset (full precision)", **parameters},
        key="es_dl_paths",
    )


def series_panel(sid: str, studies: list, label: str, unit: str, contam: str) -> None:
    """One series: CAR paths with their band and the average path, AR bars, the source, what went wrong."""
    kind = next((s.kind for s in studies if s.kind), event_returns.LOG)
    st.subheader(label)
    why = event_returns.return_kind(meta.loc[sid].to_dict() | {"id": sid})[1]
    st.caption(f"Returns: {event_returns.KIND_TEXT[kind]} ({why}).")
    paths = [(event_title[s.event_id], s.path) for s in studies if not s.problem]
    average = event_tests.average_path(studies) if len(paths) > 1 else None
    figure = ui.figure(
        event_charts.build_car_paths,
        paths,
        kind=kind,
        unit=unit,
        average=average,
        title="Cumulative abnormal return (lines) and abnormal returns (bars)",
    )
    st.plotly_chart(figure, key=f"es_car_{sid}")
    st.caption(ui.source_caption(sid))
    for study in studies:
        title = safe_text(event_title[study.event_id])
        if study.problem:
            st.warning(f"{title}: {safe_text(study.problem)}")
        elif study.contaminants:
            handled = "dropped from the estimation window" if contam == "drop" else "kept"
            st.caption(
                f":material/warning: {title}: other case events inside the windows, {handled} — "
                + safe_text(event_tables.contaminants_text(study))
            )
        if study.notes:
            st.caption(f"{title}: " + safe_text("; ".join(study.notes)))


def placebo_panel(studies: list, units: dict, labels: dict, bench_used: list) -> None:
    """The placebo distribution of one chosen result, with the event's CAR marked."""
    choices = [(i, j) for i, s in enumerate(studies) for j, r in enumerate(s.results) if r.ok and r.placebo_n]
    if not choices:
        return

    def name(choice: tuple[int, int]) -> str:
        study = studies[choice[0]]
        window = study.results[choice[1]].window
        return f"{labels[study.series_id]} · {event_title[study.event_id]} · window {window[0]:+d}..{window[1]:+d}"

    first = studies[choices[0][0]].results[choices[0][1]]
    # in a popover whose content runs only while it is open: a slider move builds one chart per series, not a
    # histogram of thousands of CARs that nobody is looking at
    label = (
        f"Placebo test: histogram of the CAR at {first.placebo_n:,} random dates (first row: p = {first.placebo_p:.3f})"
    )
    with st.popover(label, width="stretch", key="es_placebo_open", on_change="rerun") as histogram:
        if histogram.open:
            placebo_chart(studies, choices, name, units, bench_used)


def placebo_chart(studies: list, choices: list, name, units: dict, bench_used: list) -> None:
    picked = st.selectbox("Distribution for", choices, format_func=name, key="es_placebo_pick")
    study = studies[picked[0]]
    result = study.results[picked[1]]
    figure = ui.figure(
        event_charts.build_placebo_histogram,
        result.placebo_cars,
        result.car,
        kind=study.kind,
        unit=units[study.series_id],
        p=result.placebo_p,
        title=f"CAR at {result.placebo_n:,} random non-event dates",
    )
    st.plotly_chart(figure, key="es_placebo_chart")
    ui.show_stale([study.series_id, *bench_used])
    st.caption(
        f"Placebo dates drawn with seed {result.seed} among the dates whose estimation and event windows fit in the "
        "series and do not touch the event; the same model is re-estimated at each. p = (1 + number at least as "
        "large in size) / (1 + number of dates): it does not assume normal returns."
    )


event_study()
