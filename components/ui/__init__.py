"""The only Streamlit-aware package: pages call these, logic lives in modules that do not import streamlit
(so it is tested without it).

By concern: cache (snapshot, case, figures), live (Yahoo), page (set-up, banner, navigation, links), state
(URL-bound widgets), controls (shared range and event controls), cards (claim cards), downloads (CSV).
`from components import ui` gives every public name of them.
"""

from components.ui.bounded import bounded
from components.ui.cache import (
    case,
    case_events,
    case_files,
    case_or_stop,
    case_problem,
    catalog,
    catalog_rows,
    clear_caches,
    figure,
    frame_digest,
    points,
    points_line,
    points_line_or_none,
    points_or_none,
    series,
    series_or_none,
    study_series,
)
from components.ui.cards import claim_heading, verdict_evidence
from components.ui.cases import anchor as case_anchor
from components.ui.cases import current_case_id, open_session_case
from components.ui.controls import event_controls, event_key, range_rebase_log_controls
from components.ui.downloads import chart_with_csv, csv_bytes, csv_download, time_series_chart
from components.ui.empty import empty_state
from components.ui.freshness import claims_series, show_stale, stale_count, stale_count_text, stale_notes
from components.ui.held import forget_held, lost_notice, mark_held
from components.ui.live import LIVE_TTL, live, live_enabled, live_or_fallback, live_status_table
from components.ui.page import (
    APP_TITLE,
    as_of_banner,
    as_of_text,
    freeze_long_lived_heap,
    navigation,
    page_link,
    page_setup,
    source_caption,
    theme_type,
)
from components.ui.paging import page_picker, page_turner
from components.ui.state import (
    seed_widget,
    seed_widgets,
    set_query,
    set_query_view,
    show_notices,
    url_param,
    url_persist,
    url_read,
    url_seed,
    url_write,
)
from components.ui.verdicts import case_exports, claimreview_download, push_panel, strength_line

__all__ = [
    "theme_type",
    "APP_TITLE",
    "LIVE_TTL",
    "as_of_banner",
    "as_of_text",
    "bounded",
    "case",
    "case_events",
    "case_exports",
    "case_files",
    "case_or_stop",
    "case_problem",
    "catalog",
    "chart_with_csv",
    "time_series_chart",
    "claim_heading",
    "claimreview_download",
    "catalog_rows",
    "clear_caches",
    "case_anchor",
    "current_case_id",
    "open_session_case",
    "csv_bytes",
    "csv_download",
    "empty_state",
    "event_controls",
    "event_key",
    "figure",
    "frame_digest",
    "forget_held",
    "lost_notice",
    "mark_held",
    "freeze_long_lived_heap",
    "live",
    "live_enabled",
    "live_or_fallback",
    "live_status_table",
    "navigation",
    "page_link",
    "page_setup",
    "points",
    "points_line",
    "points_line_or_none",
    "points_or_none",
    "push_panel",
    "range_rebase_log_controls",
    "seed_widget",
    "seed_widgets",
    "series",
    "series_or_none",
    "study_series",
    "set_query",
    "set_query_view",
    "show_notices",
    "source_caption",
    "show_stale",
    "stale_count",
    "stale_count_text",
    "claims_series",
    "stale_notes",
    "strength_line",
    "url_param",
    "url_persist",
    "page_picker",
    "page_turner",
    "url_read",
    "url_seed",
    "url_write",
    "verdict_evidence",
]
