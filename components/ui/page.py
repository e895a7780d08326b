"""The same top on every page (config, title, as-of banner, live switch), the navigation, and page links."""

from __future__ import annotations

import gc
import sys

import streamlit as st

from components import as_of, data, routes, style
from components.ui import guard
from components.ui.cache import FILE_TTL, catalog
from components.ui.live import live_enabled

APP_TITLE = "Claim Lens"
# A markdown table (a claim card's numbers, the Methodology's rule parameters) is as wide as its longest cells and
# Streamlit lets it push the page sideways on a phone; as a block it scrolls inside its own box instead.
# (A <style>-only st.html goes to the page's event container: it takes no room.)
PAGE_CSS = "<style>[data-testid='stMarkdownContainer'] table{display:block;max-width:100%;overflow-x:auto}</style>"
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


def skip_direct_run_check() -> None:
    """Mark Streamlit's once-per-process "run this with `streamlit run`" check as done when a server runs us.

    Streamlit makes that check at the first element a process writes, through ``inspect.stack()``, which looks
    up each frame's module among all imported ones: with the app's modules imported that is 0.2-0.3 s of the
    first visitor's first page run. Under a running server the hint it would print never applies."""
    from streamlit import delta_generator, runtime

    if runtime.exists() and hasattr(delta_generator, "_use_warning_has_been_displayed"):
        delta_generator._use_warning_has_been_displayed = True


def navigation():
    """st.navigation over the registered pages, grouped by section (app.py runs what it returns)."""
    skip_direct_run_check()
    guard.install()
    return st.navigation(
        {
            section: [
                st.Page(entry.script, title=entry.title, url_path=entry.url_path or None, default=not entry.url_path)
                for entry in pages
            ]
            for section, pages in routes.sections().items()
        }
    )


def run_through_app_navigation() -> None:
    """Rerun through app.py when Streamlit ran this page straight from the pages/ folder.

    Until a process's first `st.navigation` call, Streamlit treats an app with a pages/ folder as an old-style
    multipage app: a visitor whose first request is a deep link (/Event_study) gets the page run on its own,
    under a navigation built from the file names ("app", "Data sources", no sections) instead of ours. Only
    the first such request of a server process is affected; the rerun keeps the page and its URL parameters
    (Streamlit keys a page by its URL path, which the registry keeps equal to the file's)."""
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        freeze_long_lived_heap()  # the run ends here, and Streamlit's full collection after it skips the imports
        st.rerun()


def page_setup(title: str, intro: str | None = None) -> None:
    """Page config, title, the as-of banner and the live switch: the same top on every page.

    No page icon, so the tab shows the app's own favicon: an emoji icon makes Streamlit load its whole emoji
    table on a page's first run (Debian's Chromium has no emoji font to draw it anyway), and a Material icon
    as favicon is fetched from fonts.gstatic.com, which an offline server must not call."""
    from components.ui.state import forget_pending_notices

    skip_direct_run_check()
    run_through_app_navigation()
    guard.install()
    freeze_long_lived_heap()
    forget_pending_notices()
    st.set_page_config(page_title=f"{title} · {APP_TITLE}", layout="wide")
    st.html(PAGE_CSS)
    st.title(title)
    if intro:
        st.caption(intro)
    from components.ui import cases
    from components.ui.state import show_notices

    notices: list[str] = []
    cases.case_picker(notices)
    show_notices(notices)
    with st.sidebar:
        st.toggle(
            "Live Yahoo data",
            value=not data.offline_forced(),
            key="live_on",
            disabled=data.offline_forced(),
            help="This server is set to run offline, so live data is off: every page runs from the snapshot."
            if data.offline_forced()
            else "Fetch Yahoo futures, market FX and equities through yfinance when online. "
            "Off, or offline, every page runs from the committed snapshot.",
        )
        if data.offline_forced():
            st.caption("Live data is off: this server runs from the offline snapshot only.")
    as_of_banner()


@st.cache_data(show_spinner=False, max_entries=4, ttl=FILE_TTL)
def _as_of_note(vintage: str, day: str, live_on: bool, stale_line: str) -> as_of.AsOf:
    """The as-of note of one vintage, day and live setting: the same on every page and rerun, so computed
    once (components.as_of builds it, from the stale sentences of components.ui.freshness)."""
    from components.ui.freshness import stale_sentences

    return as_of.as_of(
        catalog(),
        data.snapshot_as_of(),
        vintage,
        data.vintage_history(),
        stale_sentences(),
        live_on=live_on,
        stale_line=stale_line,
        snapshot_problems=data.snapshot_problems(),
    )


def as_of_note() -> as_of.AsOf:
    """The one as-of note (line, details, stale series, problems) for this page run. Its stale count and
    sentences are freshness.stale_count_text and the stale marks' own, so the line and the charts agree."""
    from components.data.staleness import judging_day
    from components.ui.freshness import stale_count_text

    day = str(judging_day().date())
    return _as_of_note(data.vintage_key(), day, live_enabled(), stale_count_text())


def as_of_text() -> str:
    return as_of_note().line


AS_OF_KEY = "as_of_details"  # the as-of details' open state, shared by every page of a session


def as_of_banner() -> None:
    """One line saying how old the data are; opened, it shows the vintage, retrieval dates and sources, and
    each stale series. Unreadable series and a damaged snapshot stay warnings: they are not details."""
    note = as_of_note()
    # the details (some 9 kB of markdown: vintage history, retrieval dates, every stale series) are sent only
    # once a reader opens them: closed, the browser would still build them on every page's first paint
    with st.expander(note.line, icon=":material/inventory_2:", key=AS_OF_KEY, on_change="rerun") as details:
        if details.open:
            st.markdown(note.details)
            page_link("data", "Every series with its source, licence and coverage: Data & sources")
    for what, problem in note.problems:
        st.warning(f"{style.safe_text(what)}: {style.safe_text(problem)}", icon=":material/warning:")


def source_caption(series_id: str) -> str:
    """'Name — provider (instrument), licence, source' for a chart caption (Datasette-style metadata), with
    the series' staleness when it is older than its usual cadence."""
    from components.ui.freshness import stale_notes

    meta = data.series_meta(series_id)
    stale = "; ".join(stale_notes([series_id]))
    return (
        f"**{meta['name']}** — {meta['provider']} ({meta['instrument']}, {meta['frequency']}, {meta['unit']}); "
        f"licence: {meta['licence']}; source: {meta['source_url']}"
        + (f"  \n:material/schedule: {style.safe_text(stale)}" if stale else "")
    )


def page_link(page: str, label: str, query_params: dict | None = None) -> None:
    """st.page_link to a registered page (its key, e.g. 'claims', or its script path) with query params. When
    the navigation does not know the page (a page run alone, as under AppTest) it falls back to a plain
    relative markdown link from the registry, so a link can never break the page."""
    from streamlit.errors import StreamlitAPIException

    from components.ui import cases

    target = routes.page(page)
    chosen = cases.current_case_id()
    if chosen != cases.case_module.DEFAULT_CASE:  # a link keeps the case it was followed from
        query_params = {**(query_params or {}), cases.CASE_PARAM: chosen}
    try:
        st.page_link(target.script, label=label, query_params=query_params)
    except StreamlitAPIException:
        st.markdown(f"[{label}]({routes.page_url(target.key, query_params)})")


def theme_type() -> str:
    """'dark' when the browser reports the app's dark theme (st.context.theme.type), else 'light': the first
    run of a session may not know yet, and drawings default to the light look then."""
    try:
        kind = st.context.theme.type
    except Exception:  # noqa: BLE001 - an older or bare Streamlit without theme context: light
        return "light"
    return "dark" if kind == "dark" else "light"
