"""Trade flows: India's and China's crude imports from Russia, one line per provider, gaps left as gaps."""

from dataclasses import replace

import pandas as pd
import streamlit as st

from components import charts, series_math, style, trade_series, ui

ui.page_setup(
    "Trade flows",
    "Monthly crude imports as printed by each provider (Kpler, Vortexa, Reuters "
    "trade data, ...). Providers are never averaged: one line each. Months without a figure are gaps; "
    "open diamonds mark partial, provisional, caution or converted figures.",
)
notices: list[str] = []

# ---- series on record (whole page)
catalog = ui.catalog()
on_record = trade_series.trade_series(catalog)
russia_ids, share_ids, china_id, provider = on_record.russia, on_record.shares, on_record.china, on_record.provider
if not russia_ids:
    st.error("No India-from-Russia import series in the catalog.")
    st.stop()
span = catalog.set_index("id").loc[russia_ids + ([china_id] if china_id else [])]
first_month, last_month = pd.Timestamp(span["first"].min()), pd.Timestamp(span["last"].max())
unit_of, frequency_of = catalog.set_index("id")["unit"].to_dict(), catalog.set_index("id")["frequency"].to_dict()

DEFAULT_MONTHS = (max(first_month, pd.Timestamp("2022-01-01")).date(), last_month.date())

# ---- controls for the whole page: event markers
events_all, actor_labels, events_problem = ui.case_events()
events = ui.event_controls("trade", events_all, actor_labels, notices, study_series=russia_ids)
ui.show_notices(notices)
if events_problem:
    st.caption(f":material/info: {events_problem}")
VIEWS = {
    "providers": "India from Russia, by provider",
    "figures": "Every cited figure",
    "share": "Russia's share",
    "suppliers": "India's suppliers",
    "versus": "India against China",
    "brent": "Brent against imports",
}


def line(
    sid: str, start: pd.Timestamp, end: pd.Timestamp, label: str | None = None, by_provider: bool = True
) -> charts.Line | None:
    """A provider's line, read when a view first draws it, in its provider's colour when the chart has one line
    per provider (`by_provider`); an unreadable file is named and left out."""
    result, problem = ui.points_line_or_none(
        sid,
        label or provider(sid),
        unit=str(unit_of[sid]),
        source=provider(sid),
        frequency=str(frequency_of[sid]),
        start=start,
        end=end,
    )
    if problem:
        st.warning(f"Left out {label or provider(sid)}: {problem}", icon=":material/warning:")
    colour = style.provider_color(sid) if by_provider else None
    return replace(result, color=colour) if result is not None and colour else result


def lines(
    pairs: list[tuple[str, str | None]], start: pd.Timestamp, end: pd.Timestamp, by_provider: bool = True
) -> list[charts.Line]:
    """The readable lines of (series id, label or None) pairs."""
    return [x for x in (line(sid, start, end, label, by_provider) for sid, label in pairs) if x is not None]


def time_chart(
    pairs: list[tuple[str, str | None]], start: pd.Timestamp, end: pd.Timestamp, *, by_provider: bool = True, **chart
) -> None:
    """One view's chart of provider lines with the case's events, and its CSV (`chart`: ui.time_series_chart's
    title, y_title, key, csv_title, filename, label and caption); an empty range offers the default months back."""
    ui.time_series_chart(
        lines(pairs, start, end, by_provider), events, span=(start, end), reset={"trade_range": DEFAULT_MONTHS}, **chart
    )


def main_provider(panel_notices: list[str]) -> str:
    """The provider whose India line is set against China's imports and against Brent."""
    default = "india_imports_russia_kpler" if "india_imports_russia_kpler" in russia_ids else russia_ids[0]
    return ui.url_persist(st.selectbox)(
        "Provider for India", russia_ids, key="trade_main", default=default, format_func=provider, notices=panel_notices
    )


# ---- one view at a time: each draws its chart (or table) from the months and providers chosen above it
def no_provider(chosen: list[str]) -> bool:
    """No provider chosen: said, with a button choosing them all again."""
    if not chosen:
        ui.empty_state("No provider is chosen.", {"trade_providers": russia_ids}, key="trade_providers_reset")
    return not chosen


def view_providers(chosen: list[str], start: pd.Timestamp, end: pd.Timestamp, panel_notices: list[str]) -> None:
    if no_provider(chosen):
        return
    time_chart(
        [(sid, None) for sid in chosen],
        start,
        end,
        title="India's crude imports from Russia",
        y_title="million barrels per day",
        key="trade_chart_russia",
        csv_title="India crude imports from Russia",
        filename="india_imports_russia.csv",
        label="Download the lines (CSV)",
        caption="Hover a point for its provider, flag and source; the view 'Every cited figure' lists each "
        "printed figure with its link, alternatives included.",
    )


def view_figures(chosen: list[str], start: pd.Timestamp, end: pd.Timestamp, panel_notices: list[str]) -> None:
    if no_provider(chosen):
        return
    table = trade_series.cited_figures(chosen, lambda sid: ui.points_or_none(sid)[0], provider, start, end)
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        key="trade_table",
        column_config={
            "date": st.column_config.DateColumn("month", format="YYYY-MM"),
            "used": st.column_config.CheckboxColumn(
                "in line", help="False = an alternative figure cited for the same month"
            ),
            "source_url": st.column_config.LinkColumn("source", display_text="open"),
            "flag_meaning": st.column_config.TextColumn("what the flag means"),
        },
    )
    ui.show_stale(chosen)
    ui.csv_download(
        table,
        "india_imports_russia_points.csv",
        "Download every cited figure (CSV)",
        charts.csv_meta(
            "India crude imports from Russia, cited figures",
            lines([(sid, None) for sid in chosen], start, end),
            rule="one row per printed figure; used=False rows are alternatives not on the line",
        ),
        key="trade_dl_russia",
    )


def view_share(chosen: list[str], start: pd.Timestamp, end: pd.Timestamp, panel_notices: list[str]) -> None:
    time_chart(
        [(sid, None) for sid in share_ids],
        start,
        end,
        title="Russia's share of India's crude imports",
        y_title="percent of India's crude imports",
        key="trade_chart_share",
        csv_title="Russia share of India crude imports",
        filename="india_russia_share.csv",
        label="Download shares (CSV)",
    )


def view_suppliers(chosen: list[str], start: pd.Timestamp, end: pd.Timestamp, panel_notices: list[str]) -> None:
    origin_providers = on_record.origin_providers or ["-"]
    origin_provider = ui.url_persist(st.selectbox)(
        "Provider for India's suppliers",
        origin_providers,
        key="trade_origins",
        default="kpler" if "kpler" in origin_providers else origin_providers[0],
        format_func=style.human,
        notices=panel_notices,
    )
    time_chart(
        on_record.by_origin(origin_provider),
        start,
        end,
        title=f"India's crude imports by origin ({style.human(origin_provider)})",
        y_title="million barrels per day",
        key="trade_chart_origins",
        csv_title="India crude imports by origin",
        filename="india_imports_by_origin.csv",
        label="Download by origin (CSV)",
        caption="Only origins the provider's figures cover are drawn; other suppliers are sparse in the snapshot.",
        by_provider=False,  # one provider, one line per origin: the chart's colour cycle tells origins apart
    )


def view_versus(chosen: list[str], start: pd.Timestamp, end: pd.Timestamp, panel_notices: list[str]) -> None:
    main_id = main_provider(panel_notices)
    time_chart(
        [(main_id, f"India from Russia ({provider(main_id)})")]
        + ([(china_id, "China from Russia (GACC customs)")] if china_id else []),
        start,
        end,
        title="Crude imports from Russia: India vs China",
        y_title="million barrels per day",
        key="trade_chart_versus",
        csv_title="Crude imports from Russia, India vs China",
        filename="india_vs_china.csv",
        label="Download India vs China (CSV)",
        caption="China = customs (GACC) pipeline plus seaborne; India = ship-tracking/trade estimates. "
        "Different methods: compare the shape, not the exact level.",
    )


def view_brent(chosen: list[str], start: pd.Timestamp, end: pd.Timestamp, panel_notices: list[str]) -> None:
    main_id = main_provider(panel_notices)
    brent, brent_problem = ui.series_or_none("brent_spot_eia", start, end + pd.offsets.MonthEnd(0))
    if brent is None or brent.empty:
        st.warning(brent_problem or "No Brent prices in this range.")
        return
    daily = charts.Line(
        "brent_spot_eia",
        "Brent spot (EIA)",
        brent,
        "USD/bbl",
        provider("brent_spot_eia"),
        color=style.provider_color("brent_spot_eia"),
    )
    monthly = line(main_id, start, end, f"India from Russia ({provider(main_id)})")
    if monthly is None:
        return
    reason = charts.empty_reason([monthly], start, end)
    if reason:
        ui.empty_state(reason, {"trade_range": DEFAULT_MONTHS}, key="trade_brent_reset", label="Reset the range")
        return
    fig = ui.figure(
        charts.build_dual_axis,
        daily,
        monthly,
        events,
        title="Brent spot vs India's imports from Russia",
        monthly_mean=series_math.monthly_mean(brent),
    )
    st.plotly_chart(fig, key="trade_chart_mixed")
    ui.show_stale(["brent_spot_eia", main_id])
    st.caption(
        "Alignment rule: monthly import figures sit on the 1st of their month; for month-by-month "
        "comparison the daily Brent price is averaged over the calendar month (dotted step, and the CSV). "
        "Nothing is interpolated."
    )

    def aligned() -> pd.DataFrame:
        frame = series_math.align_monthly(brent, monthly.series).reset_index()
        frame.columns = ["month", "brent_month_mean_usd_bbl", f"{main_id}_mb_d"]
        return frame

    ui.csv_download(
        aligned,
        "brent_vs_india_imports_monthly.csv",
        "Download month-aligned data (CSV)",
        {
            "title": "Brent month mean vs India crude imports from Russia",
            "units": f"brent=USD/bbl (calendar-month mean of EIA daily spot); {main_id}=million b/d",
            "sources": f"EIA; {provider(main_id)} per cited page (see points CSV)",
            "rule": "monthly figures on the 1st of their month; daily price averaged per calendar month",
        },
        key="trade_dl_mixed",
    )


DRAW = {
    "providers": view_providers,
    "figures": view_figures,
    "share": view_share,
    "suppliers": view_suppliers,
    "versus": view_versus,
    "brent": view_brent,
}


@st.fragment
def trade_panel() -> None:
    """Months, providers, the view and what it draws: a Streamlit fragment, so a control here reruns only this
    part of the page. One view at a time keeps each rerun to one chart (the page held five, redrawn together)."""
    panel_notices: list[str] = []
    view = ui.url_persist(st.radio)(
        "View", list(VIEWS), key="trade_view", horizontal=True, format_func=VIEWS.get, notices=panel_notices
    )
    months_column, providers_column = st.columns([3, 2])
    with months_column:
        low, high = ui.url_persist(st.slider)(
            "Months",
            first_month.date(),
            last_month.date(),
            key="trade_range",
            default=DEFAULT_MONTHS,
            format="YYYY-MM",
            notices=panel_notices,
        )
    with providers_column:
        chosen = ui.url_persist(st.multiselect)(
            "Providers (India from Russia)",
            russia_ids,
            key="trade_providers",
            default=russia_ids,
            format_func=provider,
            disabled=view not in ("providers", "figures"),
            notices=panel_notices,
        )
    start, end = pd.Timestamp(low).to_period("M").to_timestamp(), pd.Timestamp(high)
    DRAW[view](chosen, start, end, panel_notices)
    ui.show_notices(panel_notices)


trade_panel()
