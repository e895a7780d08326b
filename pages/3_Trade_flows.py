"""Trade flows: India's and China's crude imports from Russia, one line per provider, gaps left as gaps."""

import pandas as pd
import streamlit as st

from components import charts, series_math, ui
from components import params as P

ui.page_setup(
    "Trade flows",
    "Monthly crude imports as printed by each provider (Kpler, Vortexa, Reuters "
    "trade data, ...). Providers are never averaged: one line each. Months without a figure are gaps; "
    "open diamonds mark partial, provisional, caution or converted figures.",
)
notices: list[str] = []

# ---- series on record (whole page)
cat = ui.catalog()
ok = cat[(cat["status"] == "ok") & (cat["origin"] == "snapshot")].set_index("id")
india = ok[(ok["topic"] == "india imports") & (ok["frequency"] == "monthly")]
russia_ids = [i for i in india.index if i.startswith("india_imports_russia_") and india.loc[i, "unit"] == "million b/d"]
share_ids = [i for i in india.index if i.startswith("india_russia_share_")]
origin_ids = [
    i
    for i in india.index
    if i.startswith("india_imports_")
    and not i.startswith("india_imports_russia_")
    and india.loc[i, "unit"] == "million b/d"
]
origin_providers = sorted({i.rsplit("_", 1)[1] for i in origin_ids})
china_id = "china_imports_russia_gacc" if "china_imports_russia_gacc" in ok.index else None
if not russia_ids:
    st.error("No India-from-Russia import series in the catalog.")
    st.stop()


def provider(sid: str) -> str:
    return str(ok.loc[sid, "provider"]) if sid in ok.index else sid


events_all, actor_labels, events_problem = ui.case_events()
events = ui.event_controls("trade", events_all, actor_labels, notices, study_series=russia_ids)
ui.show_notices(notices)
if events_problem:
    st.caption(f":material/info: {events_problem}")
first_month = min(pd.Timestamp(ok.loc[i, "first"]) for i in russia_ids + ([china_id] if china_id else []))
last_month = max(pd.Timestamp(ok.loc[i, "last"]) for i in russia_ids + ([china_id] if china_id else []))
ORIGIN_LABELS = {
    "russia": "Russia",
    "iraq": "Iraq",
    "saudi": "Saudi Arabia",
    "uae": "UAE",
    "us": "United States",
    "total": "Total, all origins",
}
VIEWS = {
    "providers": "India from Russia, by provider",
    "figures": "Every cited figure",
    "share": "Russia's share",
    "suppliers": "India's suppliers",
    "versus": "India against China",
    "brent": "Brent against imports",
}
POINT_COLUMNS = ["date", "value", "unit", "provider", "flag", "source_title", "source_url", "used", "series_id"]


def line(sid: str, start: pd.Timestamp, end: pd.Timestamp, label: str | None = None) -> charts.Line | None:
    """A provider's line, read when a view first draws it; an unreadable file is named and left out."""
    result, problem = ui.points_line_or_none(
        sid,
        label or provider(sid),
        unit=str(ok.loc[sid, "unit"]),
        source=provider(sid),
        frequency=str(ok.loc[sid, "frequency"]),
        start=start,
        end=end,
    )
    if problem:
        st.warning(f"Left out {sid}: {problem}", icon=":material/warning:")
    return result


def lines(pairs: list[tuple[str, str | None]], start: pd.Timestamp, end: pd.Timestamp) -> list[charts.Line]:
    """The readable lines of (series id, label or None) pairs."""
    return [x for x in (line(sid, start, end, label) for sid, label in pairs) if x is not None]


def time_chart(
    pairs: list[tuple[str, str | None]],
    start: pd.Timestamp,
    end: pd.Timestamp,
    *,
    title: str,
    y_title: str,
    key: str,
    csv_title: str,
    filename: str,
    label: str,
    caption: str = "",
) -> None:
    """One view's chart of provider lines with the case's events, and its CSV."""
    drawn = lines(pairs, start, end)
    fig = ui.figure(charts.build_time_series, drawn, events, title=title, y_title=y_title)
    ui.chart_with_csv(fig, drawn, key=key, title=csv_title, filename=filename, label=label, caption=caption)


def cited_figures(chosen: list[str], start: pd.Timestamp, end: pd.Timestamp) -> pd.DataFrame:
    """Every figure the chosen providers printed in [start, end], alternatives included (used=False)."""
    readable = [(sid, frame) for sid in chosen for frame in [ui.points_or_none(sid)[0]] if frame is not None]
    if not readable:
        return pd.DataFrame(columns=POINT_COLUMNS)
    table = pd.concat(
        [frame.assign(provider=provider(sid), series_id=sid) for sid, frame in readable], ignore_index=True
    )
    table = table[(table["date"] >= start) & (table["date"] <= end)].sort_values(["date", "provider"])
    return table[POINT_COLUMNS]


def main_provider(panel_notices: list[str]) -> str:
    """The provider whose India line is set against China's imports and against Brent (URL: trade_main)."""
    default = "india_imports_russia_kpler" if "india_imports_russia_kpler" in russia_ids else russia_ids[0]
    ui.seed_widget("trade_main", ui.url_param("trade_main", P.parse_choice, russia_ids, default, notices=panel_notices))
    main_id = st.selectbox("Provider for India", russia_ids, key="trade_main", format_func=provider)
    ui.set_query(trade_main=main_id)
    return main_id


# ---- one view at a time: each draws its chart (or table) from the months and providers chosen above it
def view_providers(chosen: list[str], start: pd.Timestamp, end: pd.Timestamp, panel_notices: list[str]) -> None:
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
    table = cited_figures(chosen, start, end)
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
        },
    )
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
    fallback = "kpler" if "kpler" in origin_providers else (origin_providers or ["-"])[0]
    ui.seed_widget(
        "trade_origins",
        ui.url_param("trade_origins", P.parse_choice, origin_providers or ["-"], fallback, notices=panel_notices),
    )
    origin_provider = st.selectbox("Provider for India's suppliers", origin_providers or ["-"], key="trade_origins")
    ui.set_query(trade_origins=origin_provider)
    time_chart(
        [
            (sid, ORIGIN_LABELS.get(sid.split("_")[2], sid.split("_")[2]))
            for sid in [f"india_imports_russia_{origin_provider}"] + origin_ids
            if sid.endswith("_" + origin_provider) and sid in india.index
        ],
        start,
        end,
        title=f"India's crude imports by origin ({origin_provider})",
        y_title="million barrels per day",
        key="trade_chart_origins",
        csv_title="India crude imports by origin",
        filename="india_imports_by_origin.csv",
        label="Download by origin (CSV)",
        caption="Only origins the provider's figures cover are drawn; other suppliers are sparse in the snapshot.",
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
    daily = charts.Line("brent_spot_eia", "Brent spot (EIA)", brent, "USD/bbl", provider("brent_spot_eia"))
    monthly = line(main_id, start, end, f"India from Russia ({provider(main_id)})")
    if monthly is None:
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
    rng = ui.url_param(
        "trade_range",
        P.parse_date_range,
        (max(first_month, pd.Timestamp("2022-01-01")), last_month),
        min_date=first_month,
        max_date=last_month,
        notices=panel_notices,
    )
    ui.seed_widget("trade_range", (rng[0].date(), rng[1].date()))
    ui.seed_widget(
        "trade_providers", ui.url_param("trade_providers", P.parse_multi, russia_ids, russia_ids, notices=panel_notices)
    )
    ui.seed_widget(
        "trade_view", ui.url_param("trade_view", P.parse_choice, list(VIEWS), "providers", notices=panel_notices)
    )
    view = st.radio("View", list(VIEWS), key="trade_view", horizontal=True, format_func=VIEWS.get)
    c1, c2 = st.columns([3, 2])
    with c1:
        lo, hi = st.slider(
            "Months", min_value=first_month.date(), max_value=last_month.date(), key="trade_range", format="YYYY-MM"
        )
    with c2:
        chosen = st.multiselect(
            "Providers (India from Russia)",
            russia_ids,
            key="trade_providers",
            format_func=provider,
            disabled=view not in ("providers", "figures"),
        )
    start, end = pd.Timestamp(lo).to_period("M").to_timestamp(), pd.Timestamp(hi)
    ui.set_query(trade_view=view, trade_range=P.format_date_range((start, end)), trade_providers=P.format_multi(chosen))
    DRAW[view](chosen, start, end, panel_notices)
    ui.show_notices(panel_notices)


trade_panel()
