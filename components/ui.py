"""The one Streamlit-aware helper module: cached wrappers around the loaders, banners, downloads, URL state.

Pages stay thin scripts (controls -> data -> render) by calling these. Logic lives in modules that do not
import streamlit, so it is tested without it.
"""

from __future__ import annotations

import gc
import hashlib
import io
import sys
from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st

from components import data

LIVE_TTL = 3600  # seconds a good Yahoo fetch is reused before asking again
APP_TITLE = "Claim Lens"


# ---------------------------------------------------------------- cached data access
@st.cache_data(show_spinner=False)
def catalog() -> pd.DataFrame:
    """Catalog of every series (local files only, so no ttl)."""
    return data.catalog()


@st.cache_data(show_spinner=False)
def _snapshot_series(series_id: str) -> pd.Series:
    return data.load_series(series_id)


def series(series_id: str, start=None, end=None) -> pd.Series:
    """A snapshot series, cut to [start, end]. Raises SnapshotError / KeyError / SeriesUnavailable."""
    return data.cut(_snapshot_series(series_id), start, end)


@st.cache_data(show_spinner=False)
def points(series_id: str) -> pd.DataFrame:
    """Every cited figure of a snapshot series (with flags and sources)."""
    return data.load_points(series_id)


def _or_problem(load: Callable, *args: Any) -> tuple[Any, str]:
    """`load(*args)`, or None plus the reason when the file is broken, missing or unknown."""
    try:
        return load(*args), ""
    except (data.SnapshotError, data.SeriesUnavailable, KeyError) as exc:
        return None, str(exc).strip("'\"")


def series_or_none(series_id: str, start=None, end=None) -> tuple[pd.Series | None, str]:
    """Like `series`, but a broken or missing file becomes a message instead of an exception."""
    return _or_problem(series, series_id, start, end)


class _LiveFailed(Exception):
    """Raised inside the cached fetch so that a failure is never cached (st.cache_data skips exceptions)."""

    def __init__(self, result: data.LiveResult):
        super().__init__(result.reason)
        self.result = result


@st.cache_data(ttl=LIVE_TTL, show_spinner=False)
def _live_ok(series_id: str) -> data.LiveResult:
    result = data.live_series([series_id])[series_id]
    if not result.ok:
        raise _LiveFailed(result)
    return result


def live(series_id: str) -> data.LiveResult:
    """A live Yahoo series or, failing that, the disk copy or nothing — always with the reason in words."""
    try:
        result = _live_ok(series_id)
    except _LiveFailed as failed:
        if failed.result.rate_limited:
            _live_ok.clear()
        return failed.result
    result.reason += " (kept up to 1 h)"
    return result


def live_or_fallback(series_id: str) -> tuple[pd.Series | None, str, str]:
    """(values, id actually shown, message) for a live-only series: live or its disk copy when it can be had,
    else the snapshot series named as its fallback (a different instrument, and the message says so)."""
    meta = data.series_meta(series_id)
    result = live(series_id) if live_enabled() else None
    reason = result.reason if result is not None else "live Yahoo data is off"
    if result is not None and result.series is not None:
        return result.series, series_id, f"{series_id} ({meta['live_ticker']}): {result.source} — {reason}"
    fallback = meta.get("fallback", "")
    if fallback:
        values, problem = series_or_none(fallback)
        if values is not None:
            return (
                values,
                fallback,
                (
                    f"{series_id} ({meta['live_ticker']}) not live ({reason}); showing {fallback} "
                    "from the offline snapshot instead — a different instrument"
                ),
            )
        reason += f"; fallback {fallback} failed: {problem}"
    return None, series_id, f"{series_id} ({meta['live_ticker']}): not available ({reason})"


def live_status_table(series_ids: list[str]) -> pd.DataFrame:
    """One row per live series: what is shown and why (for the Data & sources page and chart captions)."""
    rows = []
    for sid in series_ids:
        values, shown, message = live_or_fallback(sid)
        rows.append(
            dict(
                series=sid,
                showing=shown if values is not None else "nothing",
                rows=0 if values is None else len(values),
                why=message,
            )
        )
    return pd.DataFrame(rows)


def live_enabled() -> bool:
    """Live Yahoo data is on unless the user switched it off or CLAIMLENS_OFFLINE is set."""
    return (not data.offline_forced()) and st.session_state.get("live_on", True)


def clear_caches() -> None:
    for fn in (
        catalog,
        _snapshot_summary,
        _snapshot_series,
        points,
        _live_ok,
        _cached_figure,
        _whole_points_line,
        case,
        case_files,
    ):
        fn.clear()


def points_or_none(series_id: str) -> tuple[pd.DataFrame | None, str]:
    """Like `points`, but a broken or missing file becomes a message instead of an exception."""
    return _or_problem(points, series_id)


def case_or_stop(case_id: str | None = None):
    """The case, or a clear error naming the broken file, row and field, and the page stops there."""
    from components.case import CaseError

    try:
        return case(case_id)
    except CaseError as exc:
        st.error(
            f"The case files could not be read, so this page cannot show claims:\n\n{exc}", icon=":material/error:"
        )
        st.stop()


@st.cache_data(show_spinner=False)
def case(case_id: str | None = None):
    """The analysed case with computed verdicts (local files; recomputed when the app restarts)."""
    from components import case as case_module

    return case_module.load_case(case_id or case_module.DEFAULT_CASE)


@st.cache_data(show_spinner=False)
def case_files(case_id: str | None = None):
    """The case as read and checked, without verdicts: for pages that only draw its events or actors, so they
    do not wait for every claim's series to be read."""
    from components import case as case_module

    return case_module.load_case(case_id or case_module.DEFAULT_CASE, verdicts=False)


# ---------------------------------------------------------------- page furniture
_modules_when_frozen = 0


def freeze_long_lived_heap() -> None:
    """Move every object alive now (modules, caches) out of the garbage collector's reach, once per set of
    imported modules.

    Streamlit runs a full ``gc.collect()`` after every script run (``runner.postScriptGC``). With streamlit,
    pandas and plotly imported that walks about 170,000 long-lived objects, 50-70 ms on every rerun on a
    2-core server, and the run's last deltas (often the chart) wait for it. Frozen objects are skipped, so the
    collection only walks what the run itself made. Frozen objects are still freed by reference counting; only
    a cycle among them would outlive its use, and freezing happens again only when new modules were imported
    (a few times per process), so that cost is bounded."""
    global _modules_when_frozen
    if len(sys.modules) != _modules_when_frozen:
        gc.freeze()
        _modules_when_frozen = len(sys.modules)


def page_setup(title: str, intro: str | None = None) -> None:
    """Page config, title, the as-of banner and the live switch: the same top on every page.

    No page icon, so the tab shows the app's own favicon: an emoji icon makes Streamlit load its whole emoji
    table on a page's first run (Debian's Chromium has no emoji font to draw it anyway), and a Material icon
    as favicon is fetched from fonts.gstatic.com, which an offline server must not call."""
    freeze_long_lived_heap()
    st.set_page_config(page_title=f"{title} · {APP_TITLE}", layout="wide")
    st.title(title)
    if intro:
        st.caption(intro)
    with st.sidebar:
        st.toggle(
            "Live Yahoo data",
            value=not data.offline_forced(),
            key="live_on",
            disabled=data.offline_forced(),
            help="Fetch Yahoo futures, market FX and equities through yfinance when online. "
            "Off, or offline, every page runs from the committed snapshot.",
        )
    as_of_banner()


@st.cache_data(show_spinner=False)
def _snapshot_summary() -> tuple[str, list[tuple[str, str]]]:
    """('Data as of <built>, offline snapshot (<topic> to <last day>, ...)', [(id, problem) of unreadable
    series]) — the same on every page and rerun, so computed once."""
    cat = catalog()
    built = data.snapshot_as_of()
    snap = cat[(cat["origin"] == "snapshot") & (cat["status"] == "ok")]
    newest = snap.groupby("topic")["last"].max().dropna()
    parts = ", ".join(f"{topic} to {day.date()}" for topic, day in newest.sort_index().items())
    built_txt = built.date() if pd.notna(built) else "unknown"
    broken = cat[cat["status"] != "ok"]
    return f"Data as of {built_txt}, offline snapshot ({parts})", list(zip(broken["id"], broken["status"]))


def as_of_text() -> str:
    mode = "live Yahoo series on when reachable" if live_enabled() else "live Yahoo series off"
    return f"{_snapshot_summary()[0]}; {mode}."


def as_of_banner() -> None:
    st.info(as_of_text(), icon=":material/inventory_2:")
    for series_id, problem in _snapshot_summary()[1]:
        st.warning(f"Series {series_id} could not be read: {problem}", icon=":material/warning:")


def source_caption(series_id: str) -> str:
    """'Name — provider (instrument), licence, source' for a chart caption (Datasette-style metadata)."""
    meta = data.series_meta(series_id)
    return (
        f"**{meta['name']}** — {meta['provider']} ({meta['instrument']}, {meta['frequency']}, {meta['unit']}); "
        f"licence: {meta['licence']}; source: {meta['source_url']}"
    )


# ---------------------------------------------------------------- downloads
def csv_bytes(frame: pd.DataFrame, meta: dict[str, Any] | None = None) -> bytes:
    """CSV with '# key: value' header lines (title, units, sources) so the file explains itself."""
    buffer = io.StringIO()
    for key, value in (meta or {}).items():
        buffer.write(f"# {key}: {str(value).replace(chr(10), ' ')}\n")
    frame.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue().encode("utf-8")


def csv_download(
    frame: pd.DataFrame | Callable[[], pd.DataFrame],
    filename: str,
    label: str = "Download CSV",
    meta: dict[str, Any] | None = None,
    key: str | None = None,
) -> None:
    """A download button whose CSV is made only when clicked (Streamlit runs the callable then), so a rerun
    does not pay for serialising data nobody asked for. `frame` may itself be a callable."""

    def make() -> bytes:
        return csv_bytes(frame() if callable(frame) else frame, meta)

    st.download_button(label, make, file_name=filename, mime="text/csv", key=key or f"dl_{filename}", on_click="ignore")


def _frame_digest(frame: pd.DataFrame) -> str:
    """Content hash of a frame whose cells may be lists (the case's actor lists), which pandas cannot hash.
    Its CSV text is stable across copies (a pickle is not) and cheap for the small frames passed here."""
    return hashlib.sha1(frame.to_csv().encode("utf-8")).hexdigest()


@st.cache_resource(max_entries=300, show_spinner=False, hash_funcs={pd.DataFrame: _frame_digest})
def _cached_figure(name: str, _builder: Callable, args: tuple, kwargs: dict):
    return _builder(*args, **kwargs)


def figure(builder: Callable, *args: Any, **kwargs: Any):
    """`builder(*args, **kwargs)`, memoised on the arguments' content. Building a plotly figure re-validates
    every property (tens of ms per chart), so reruns that change nothing reuse the built figure. Kept as the
    same object (cache_resource): figures are never mutated after building."""
    return _cached_figure(f"{builder.__module__}.{builder.__qualname__}", builder, args, kwargs)


@st.cache_resource(max_entries=200, show_spinner=False)
def _whole_points_line(series_id: str, label: str, unit: str, source: str, frequency: str):
    from components import charts

    return charts.line_from_points(series_id, label, points(series_id), unit=unit, source=source, frequency=frequency)


def points_line(
    series_id: str, label: str, *, unit: str = "", source: str = "", frequency: str = "monthly", start=None, end=None
):
    """A provider's chart line from its cited points (charts.line_from_points), built once per series and label
    (per-point flags and sources take a while) and cut to [start, end] on each call, which is cheap. Lines are
    never mutated after building."""
    from components import charts

    whole = _whole_points_line(series_id, label, unit, source, frequency)
    return charts.cut_line(whole, start, end)


def points_line_or_none(series_id: str, label: str, **kwargs: Any):
    """Like `points_line`, but a broken or missing file becomes (None, the reason) instead of an exception."""
    return _or_problem(lambda: points_line(series_id, label, **kwargs))


def chart_with_csv(
    fig, lines, *, key: str, title: str, filename: str, label: str, caption: str = "", **meta: Any
) -> None:
    """One chart as the pages draw it: the figure, its caption, and the data behind it as a CSV with units and
    sources (keys `<key>` for the chart and `<key>_dl` for the button)."""
    from components import charts

    st.plotly_chart(fig, key=key)
    if caption:
        st.caption(caption)
    csv_download(
        lambda: charts.lines_frame(lines),
        filename,
        label,
        charts.csv_meta(title, lines, source_urls=_source_urls(lines), **meta),
        key=f"{key}_dl",
    )


def _source_urls(lines) -> str:
    """'id=url; ...' from each line's provenance record (computed lines have none and are skipped)."""
    urls = []
    for line in lines:
        try:
            urls.append(f"{line.id}={data.series_meta(line.id)['source_url']}")
        except KeyError:
            continue
    return "; ".join(urls)


# ---------------------------------------------------------------- URL state
def show_notices(notices: list[str]) -> None:
    for message in notices:
        st.caption(f":material/warning: {message}")


def set_query(**values: Any) -> None:
    """Write the current controls back to the URL (lists as comma-joined text), so the URL is the view."""
    for name, value in values.items():
        if value is None or value == "" or value == []:
            st.query_params.pop(name, None)
            continue
        if isinstance(value, (list, tuple)):
            text = ",".join(str(v) for v in value)
        elif isinstance(value, pd.Timestamp):
            text = str(value.date())
        else:
            text = str(value)
        if st.query_params.get(name) != text:
            st.query_params[name] = text


# ---------------------------------------------------------------- market pages (issue 4)
def seed_widget(key: str, value: Any) -> None:
    """Start a keyed widget at `value` (parsed from the URL) once per session; later reruns keep the user's choice."""
    if key not in st.session_state:
        st.session_state[key] = value


def case_events() -> tuple[pd.DataFrame, dict[str, str], str]:
    """The case's events and actor labels for chart markers; a broken case gives no markers plus the reason,
    so the market pages still draw their data."""
    try:
        loaded = case_files()
    except Exception as exc:  # noqa: BLE001 - any case-file problem must not take the market charts down
        return (
            pd.DataFrame(columns=["id", "date", "title", "actors", "category", "source_title", "source_url"]),
            {},
            f"Events unavailable ({type(exc).__name__}: {' '.join(str(exc).split())[:160]})",
        )
    actors = loaded.actors
    labels = dict(zip(actors["id"], actors["label"])) if {"id", "label"} <= set(actors.columns) else {}
    return loaded.events, labels, ""


def url_param(
    name: str, parser: Callable[..., tuple[Any, str | None]], *args: Any, notices: list[str], **kwargs: Any
) -> Any:
    """Read query parameter `name` through a components.params parser; its notice (if any) joins `notices`."""
    value, notice = parser(st.query_params.get(name), *args, name=name, **kwargs)
    if notice:
        notices.append(notice)
    return value


def range_rebase_log_controls(
    prefix: str,
    first: pd.Timestamp,
    last: pd.Timestamp,
    default_start: pd.Timestamp,
    notices: list[str],
    default_rebase: pd.Timestamp | None = None,
) -> dict[str, Any]:
    """Date-range slider, 'rebase to 100 at' toggle + date, log-scale toggle; seeded from and written back to
    the URL (`<prefix>_range`, `_rebase`, `_rbdate`, `_log`). Returns start, end, rebase_date (or None), log."""
    from components import params as P

    first, last = pd.Timestamp(first).normalize(), pd.Timestamp(last).normalize()
    default = (max(first, min(pd.Timestamp(default_start), last)), last)
    start, end = url_param(
        f"{prefix}_range", P.parse_date_range, default, min_date=first, max_date=last, notices=notices
    )
    rb_on = url_param(f"{prefix}_rebase", P.parse_bool, False, notices=notices)
    rb_default = pd.Timestamp(default_rebase) if default_rebase is not None else start
    rb_date = url_param(f"{prefix}_rbdate", P.parse_date, rb_default, min_date=first, max_date=last, notices=notices)
    log = url_param(f"{prefix}_log", P.parse_bool, False, notices=notices)
    seed_widget(f"{prefix}_range", (start.date(), end.date()))
    seed_widget(f"{prefix}_rebase", rb_on)
    seed_widget(f"{prefix}_rbdate", rb_date.date())
    seed_widget(f"{prefix}_log", log)

    c1, c2 = st.columns([6, 2], vertical_alignment="bottom")
    with c1:
        s, e = st.slider(
            "Date range", min_value=first.date(), max_value=last.date(), key=f"{prefix}_range", format="YYYY-MM-DD"
        )
    lo, hi = pd.Timestamp(s), pd.Timestamp(e)
    # the rebase date must lie inside the shown range (st.date_input refuses values outside min/max)
    current = pd.Timestamp(st.session_state[f"{prefix}_rbdate"])
    if not lo <= current <= hi:
        st.session_state[f"{prefix}_rbdate"] = min(max(current, lo), hi).date()
    # rebase and log scale in a popover: its widgets are drawn only when it is opened, so the page's first
    # paint (and each redraw) carries the slider and the chart, not a date picker
    scale = (
        [f"rebased at {st.session_state[f'{prefix}_rbdate']:%Y-%m-%d}"] if st.session_state[f"{prefix}_rebase"] else []
    )
    scale += ["log"] if st.session_state[f"{prefix}_log"] else []
    with c2, st.popover(f"Scale: {', '.join(scale) or 'values, linear'}", width="stretch", key=f"{prefix}_scale"):
        rebase_on = st.toggle(
            "Rebase to 100",
            key=f"{prefix}_rebase",
            help="Divide each line by its last value on or before the chosen date, times 100.",
        )
        rb = st.date_input(
            "at date",
            min_value=lo.date(),
            max_value=hi.date(),
            key=f"{prefix}_rbdate",
            disabled=not rebase_on,
            format="YYYY-MM-DD",
        )
        log_on = st.toggle("Log scale", key=f"{prefix}_log")
    set_query(
        **{
            f"{prefix}_range": P.format_date_range((lo, hi)),
            f"{prefix}_rebase": P.format_bool(rebase_on),
            f"{prefix}_rbdate": P.format_date(rb),
            f"{prefix}_log": P.format_bool(log_on),
        }
    )
    return {"start": lo, "end": hi, "rebase_date": pd.Timestamp(rb) if rebase_on else None, "log": log_on}


def event_controls(prefix: str, events: pd.DataFrame, actor_labels: dict[str, str], notices: list[str]) -> pd.DataFrame:
    """Show-events toggle, category and actor filters (URL: `<prefix>_events`, `_cats`, `_actors`).
    Returns the events to draw (all dates; the chart's range decides what is visible)."""
    from components import params as P
    from components.charts import filter_events

    cats = sorted(events["category"].dropna().unique()) if len(events) else []
    actor_ids = sorted(
        {a for lst in events.get("actors", []) for a in (lst or [])}, key=lambda a: actor_labels.get(a, a).lower()
    )
    show = url_param(f"{prefix}_events", P.parse_bool, True, notices=notices)
    chosen_cats = url_param(f"{prefix}_cats", P.parse_multi, cats, cats, notices=notices)
    chosen_actors = url_param(f"{prefix}_actors", P.parse_multi, actor_ids, [], notices=notices)
    seed_widget(f"{prefix}_events", show)
    seed_widget(f"{prefix}_cats", chosen_cats)
    seed_widget(f"{prefix}_actors", chosen_actors)
    # the filters sit in a popover (drawn only when opened: two long multiselects are a good part of a
    # page's first paint); its label says what is marked
    state = st.session_state
    label = (
        "Event markers: off"
        if not state[f"{prefix}_events"]
        else f"Event markers: {len(state[f'{prefix}_cats'])} of {len(cats)} categories"
        + (f", {len(state[f'{prefix}_actors'])} actor(s)" if state[f"{prefix}_actors"] else "")
    )
    with st.popover(label, key=f"{prefix}_events_menu"):
        show = st.toggle("Events", key=f"{prefix}_events", help="Markers for the case's dated events")
        chosen_cats = st.multiselect("Event categories", cats, key=f"{prefix}_cats", disabled=not show)
        chosen_actors = st.multiselect(
            "Only events involving",
            actor_ids,
            key=f"{prefix}_actors",
            disabled=not show,
            format_func=lambda a: actor_labels.get(a, a),
            placeholder="any actor",
        )
    set_query(
        **{
            f"{prefix}_events": P.format_bool(show),  # no events loaded: leave the filters out of the URL
            f"{prefix}_cats": P.format_multi(chosen_cats) if cats else None,
            f"{prefix}_actors": P.format_multi(chosen_actors) if actor_ids else None,
        }
    )
    if not show:
        return filter_events(events, categories=[])
    return filter_events(events, categories=chosen_cats, actors=chosen_actors)


# ---------------------------------------------------------------- claims pages (issue 3)
def claim_heading(claim) -> None:
    """Title line of a claim card: short name, verdict badge, kind, article paragraph; then the paraphrase."""
    from components import evidence_charts as EC

    st.markdown(
        f"**{claim.short or claim.id}** &nbsp; {EC.badge_md(claim.verdict.status)} &nbsp; "
        f":gray-badge[{claim.kind}] &nbsp; ¶{claim.paragraph}"
    )
    st.markdown(claim.paraphrase)


def verdict_evidence(claim) -> None:
    """The parts of a verdict (one per provider or condition), the claim's note, and the numbers it used with
    each number's provider and source link (a plain table: see evidence_charts.numbers_markdown)."""
    from components import evidence_charts as EC

    verdict = claim.verdict
    for part in verdict.parts:
        st.markdown(f"- {EC.badge_md(part.status)} {'**' + part.label + '** — ' if part.label else ''}{part.detail}")
    if not verdict.parts and verdict.detail:
        st.markdown(verdict.detail)
    if claim.note:
        st.caption(claim.note)
    numbers = EC.numbers_markdown(verdict)
    if numbers:
        st.markdown(numbers)


def page_link(page: str, label: str, query_params: dict | None = None) -> None:
    """st.page_link with query params; when the page is not registered (e.g. a page run alone under AppTest)
    fall back to a plain relative markdown link so a link can never break the page."""
    from streamlit.errors import StreamlitAPIException

    try:
        st.page_link(page, label=label, query_params=query_params)
    except StreamlitAPIException:
        from components.evidence_charts import page_url

        st.markdown(f"[{label}]({page_url(page, query_params)})")
