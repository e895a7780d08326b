"""The page registry: every page's script, title, sidebar section, URL path and URL parameters, in one place.

Pure (no streamlit). app.py builds `st.navigation` from `PAGES`, `ui.page_link` and every in-app link take their
URL from `page_url`, `ui.url_persist` refuses a widget key that is not registered here, and the tests and
benchmarks find pages and parameters here. A new page or URL parameter is added here first.

URL paths are those Streamlit gave the `pages/` files before the app had its own navigation (the file name
without its number prefix), so links shared before keep working.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode

from components import params

FROM_PAGE: Any = ...  # a default that depends on the data: the page passes it


@dataclass(frozen=True)
class Param:
    """One URL parameter. `parse` is a `components.params.parse_*` function; `default` is the value used when
    the parameter is absent or bad, or FROM_PAGE when it depends on the data (the page passes it then).
    `write_default`: also write the value when it equals the default, so that a copied link keeps a view whose
    default moves with the data (a date range ending on the last data day); off, a plain view keeps a plain URL."""

    name: str
    parse: Callable[..., tuple[Any, str | None]]
    default: Any = FROM_PAGE
    write_default: bool = True

    def format(self, value: Any) -> str:
        """The value as the parser reads it back (parse(format(v)) == v)."""
        return params.format_for(self.parse)(value)


@dataclass(frozen=True)
class Page:
    key: str
    script: str  # relative to the project root
    title: str
    section: str
    url_path: str  # '' for the home page
    params: tuple[Param, ...] = ()
    # draws plotly charts: its HTML asks for Streamlit's chart code with the page (components/preload.py)
    charts: bool = True
    # third-party modules its first run waits on, imported when its HTML is first asked for (components/warmup.py)
    warm: tuple[str, ...] = ()

    @property
    def param_names(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.params)


def range_params(prefix: str) -> tuple[Param, ...]:
    """The date range, rebase and log-scale controls (ui.range_rebase_log_controls)."""
    return (
        Param(f"{prefix}_range", params.parse_date_range),
        Param(f"{prefix}_rebase", params.parse_bool, False),
        Param(f"{prefix}_rbdate", params.parse_date),
        Param(f"{prefix}_log", params.parse_bool, False),
    )


def event_params(prefix: str) -> tuple[Param, ...]:
    """The event-marker toggle and filters (ui.event_controls)."""
    return (
        Param(f"{prefix}_events", params.parse_bool, True),
        Param(f"{prefix}_cats", params.parse_multi),
        Param(f"{prefix}_actors", params.parse_multi, []),
    )


def _plain_multi(name: str) -> Param:
    """A filter whose default is 'no filter' (empty), left out of the URL when unused."""
    return Param(name, params.parse_multi, [], write_default=False)


PAGES: tuple[Page, ...] = (
    Page("home", "pages/0_Home.py", "Home", "Overview", ""),
    Page(
        "claims",
        "pages/1_Claims.py",
        "Claims",
        "Overview",
        "Claims",
        (
            _plain_multi("claims_kind"),
            _plain_multi("claims_actor"),
            _plain_multi("claims_verdict"),
            Param("claims_id", params.parse_choice, "", write_default=False),
            Param("claims_page", params.parse_int, 1, write_default=False),
            # one card's reader settings ("<claim id>:<setting>=<value>|..."); components.evidence.sensitivity
            Param("claims_set", params.parse_text, "", write_default=False),
            Param("claims_q", params.parse_text, "", write_default=False),
            Param("claims_sort", params.parse_choice, "article", write_default=False),
        ),
    ),
    Page(
        "oil",
        "pages/2_Oil_markets.py",
        "Oil markets",
        "Markets and trade",
        "Oil_markets",
        range_params("oil") + event_params("oil") + (Param("oil_urals_all", params.parse_bool, True),),
    ),
    Page(
        "trade",
        "pages/3_Trade_flows.py",
        "Trade flows",
        "Markets and trade",
        "Trade_flows",
        event_params("trade")
        + (
            Param("trade_view", params.parse_choice, "providers"),
            Param("trade_range", params.parse_date_range),
            Param("trade_providers", params.parse_multi),
            Param("trade_main", params.parse_choice),
            Param("trade_origins", params.parse_choice),
        ),
    ),
    Page(
        "fx",
        "pages/4_Currencies.py",
        "Currencies",
        "Markets and trade",
        "Currencies",
        (Param("fx_pairs", params.parse_multi),) + event_params("fx") + range_params("fx"),
    ),
    Page(
        "event_study",
        "pages/5_Event_study.py",
        "Event study",
        "Markets and trade",
        "Event_study",
        (
            Param("es_events", params.parse_multi),
            Param("es_series", params.parse_multi),
            Param("es_w1", params.parse_int_range, (0, 0)),
            Param("es_w2", params.parse_int_range, (-1, 1)),
            Param("es_w3", params.parse_int_range, (0, 5)),
            Param("es_est", params.parse_int, 120),
            Param("es_gap", params.parse_int, 10),
            Param("es_model", params.parse_choice, "mean"),
            Param("es_bench", params.parse_choice),
            Param("es_placebo", params.parse_int, 1000),
            Param("es_seed", params.parse_int, 0),
            Param("es_contam", params.parse_choice, "keep"),
        ),
    ),
    Page(
        "network",
        "pages/6_Actor_network.py",
        "Actor network",
        "Actors and outcomes",
        "Actor_network",
        # read and written as one typed view (components.network.parse_view / format_view), defaults left out
        (
            Param("net_types", params.parse_multi, write_default=False),
            Param("net_kinds", params.parse_multi, write_default=False),
            Param("net_ego", params.parse_choice, "", write_default=False),
            Param("net_depth", params.parse_int, 1, write_default=False),
            Param("net_date", params.parse_date, write_default=False),
            Param("net_verdict", params.parse_multi, [], write_default=False),
            Param("net_centrality", params.parse_choice, "degree", write_default=False),
            Param("net_colour", params.parse_choice, "kind", write_default=False),
            Param("net_physics", params.parse_bool, False, write_default=False),
            # marker: this tab showed results of an uploaded article, held only by the server (ui.held)
            Param("net_byo", params.parse_bool, False, write_default=False),
        ),
        charts=False,  # its drawing is vis.js in a frame, not plotly
        warm=("pandas", "networkx"),  # with no plotly bundle to evaluate, the browser waits on these
    ),
    Page(
        "hindsight",
        "pages/7_Hindsight.py",
        "Hindsight",
        "Actors and outcomes",
        "Hindsight",
        (_plain_multi("hind_outcome"), Param("hind_page", params.parse_int, 1, write_default=False)),
    ),
    Page(
        "data",
        "pages/8_Data_sources.py",
        "Data & sources",
        "Data",
        "Data_sources",
        (
            Param("data_topics", params.parse_multi, write_default=False),
            Param("data_id", params.parse_choice, None, write_default=False),
            Param("data_coverage", params.parse_choice, None, write_default=False),
        ),
    ),
    Page("methodology", "pages/9_Methodology.py", "Methodology", "Data", "Methodology", charts=False),
)

# Read on every page (components/ui/cases.py: the case picker), so registered apart from any one page.
GLOBAL_PARAMS: tuple[Param, ...] = (Param("case", params.parse_choice, "", write_default=False),)

_BY_KEY = {page.key: page for page in PAGES}
_BY_SCRIPT = {page.script: page for page in PAGES}
_PARAMS = {param.name: param for page in PAGES for param in page.params} | {p.name: p for p in GLOBAL_PARAMS}
HOME = PAGES[0]


def page(key: str) -> Page:
    """A page by its key ('claims') or its script path ('pages/1_Claims.py'); KeyError names the known keys."""
    found = _BY_KEY.get(key) or _BY_SCRIPT.get(key)
    if found is None:
        raise KeyError(f"unknown page {key!r}; known: {', '.join(_BY_KEY)}")
    return found


def param(name: str) -> Param:
    """A registered URL parameter; KeyError when a page reads one that is not registered."""
    try:
        return _PARAMS[name]
    except KeyError:
        raise KeyError(f"URL parameter {name!r} is not registered in components/routes.py") from None


def page_url(key: str, query: dict[str, Any] | None = None) -> str:
    """URL of a page with its query string ('Claims?claims_id=x'), relative so that it also works under a
    server's base path: every page sits at the app's top level. For plain links, table link columns and the
    fallback when st.page_link cannot resolve a page (a page run alone)."""
    target = page(key)
    query = {k: v for k, v in (query or {}).items() if v is not None and v != ""}
    return (target.url_path or "./") + (f"?{urlencode(query, quote_via=quote)}" if query else "")


def sections() -> dict[str, list[Page]]:
    """Pages grouped by sidebar section, in registry order."""
    grouped: dict[str, list[Page]] = {}
    for entry in PAGES:
        grouped.setdefault(entry.section, []).append(entry)
    return grouped
