"""Trade flows: India's and China's crude imports from Russia, one line per provider, gaps left as gaps."""
import pandas as pd
import streamlit as st

from components import charts, eventstudy, params as P, ui

ui.page_setup("Trade flows", "🚢", "Monthly crude imports as printed by each provider (Kpler, Vortexa, Reuters "
              "trade data, ...). Providers are never averaged: one line each. Months without a figure are gaps; "
              "open diamonds mark partial, provisional, caution or converted figures.")
notices: list[str] = []

# ---- controls
cat = ui.catalog()
ok = cat[(cat["status"] == "ok") & (cat["origin"] == "snapshot")].set_index("id")
unreadable = {sid: problem for sid in ok.index[ok["topic"].isin(["india imports", "china imports"])]
              for problem in [ui.points_or_none(sid)[1]] if problem}
for sid, problem in unreadable.items():
    st.warning(f"Left out {sid}: {problem}", icon=":material/warning:")
ok = ok.drop(index=list(unreadable))
india = ok[(ok["topic"] == "india imports") & (ok["frequency"] == "monthly")]
russia_ids = [i for i in india.index if i.startswith("india_imports_russia_") and india.loc[i, "unit"] == "million b/d"]
share_ids = [i for i in india.index if i.startswith("india_russia_share_")]
origin_ids = [i for i in india.index if i.startswith("india_imports_") and not i.startswith("india_imports_russia_")
              and india.loc[i, "unit"] == "million b/d"]
origin_providers = sorted({i.rsplit("_", 1)[1] for i in origin_ids})
china_id = "china_imports_russia_gacc" if "china_imports_russia_gacc" in ok.index else None
if not russia_ids:
    st.error("No India-from-Russia import series in the catalog.")
    st.stop()


def provider(sid: str) -> str:
    return str(ok.loc[sid, "provider"]) if sid in ok.index else sid


first_month = min(pd.Timestamp(ok.loc[i, "first"]) for i in russia_ids + ([china_id] if china_id else []))
last_month = max(pd.Timestamp(ok.loc[i, "last"]) for i in russia_ids + ([china_id] if china_id else []))
rng = ui.url_param("trade_range", P.parse_date_range, (max(first_month, pd.Timestamp("2022-01-01")), last_month),
                   min_date=first_month, max_date=last_month, notices=notices)
chosen = ui.url_param("trade_providers", P.parse_multi, russia_ids, russia_ids, notices=notices)
default_main = "india_imports_russia_kpler" if "india_imports_russia_kpler" in russia_ids else russia_ids[0]
main_id = ui.url_param("trade_main", P.parse_choice, russia_ids, default_main, notices=notices)
origin_provider = ui.url_param("trade_origins", P.parse_choice, origin_providers or ["-"],
                               "kpler" if "kpler" in origin_providers else (origin_providers or ["-"])[0],
                               notices=notices)
ui.seed_widget("trade_range", (rng[0].date(), rng[1].date()))
ui.seed_widget("trade_providers", chosen)
ui.seed_widget("trade_main", main_id)
ui.seed_widget("trade_origins", origin_provider)

c1, c2 = st.columns([3, 2])
with c1:
    lo, hi = st.slider("Months", min_value=first_month.date(), max_value=last_month.date(), key="trade_range",
                       format="YYYY-MM")
with c2:
    chosen = st.multiselect("Providers (India from Russia)", russia_ids, key="trade_providers", format_func=provider)
c3, c4 = st.columns(2)
with c3:
    main_id = st.selectbox("Provider for India vs China and for Brent vs imports", russia_ids, key="trade_main",
                           format_func=provider)
with c4:
    origin_provider = st.selectbox("Provider for India's other suppliers", origin_providers or ["-"],
                                   key="trade_origins")
events_all, actor_labels, events_problem = ui.case_events()
events = ui.event_controls("trade", events_all, actor_labels, notices)
start, end = pd.Timestamp(lo).to_period("M").to_timestamp(), pd.Timestamp(hi)
ui.set_query(trade_range=P.format_date_range((start, end)), trade_providers=P.format_multi(chosen),
             trade_main=main_id, trade_origins=origin_provider)
ui.show_notices(notices)
if events_problem:
    st.caption(f":material/info: {events_problem}")

# ---- data


def line(sid: str, label: str | None = None) -> charts.Line:
    return ui.points_line(sid, label or provider(sid), unit=str(ok.loc[sid, "unit"]), source=provider(sid),
                          frequency=str(ok.loc[sid, "frequency"]), start=start, end=end)


russia_lines = [line(sid) for sid in chosen]
share_lines = [line(sid) for sid in share_ids]
ORIGIN_LABELS = {"russia": "Russia", "iraq": "Iraq", "saudi": "Saudi Arabia", "uae": "UAE", "us": "United States",
                 "total": "Total, all origins"}
origin_lines = [line(sid, ORIGIN_LABELS.get(sid.split("_")[2], sid.split("_")[2]))
                for sid in [f"india_imports_russia_{origin_provider}"] + origin_ids
                if sid.endswith("_" + origin_provider) and sid in india.index]
versus = [line(main_id, f"India from Russia ({provider(main_id)})")]
if china_id:
    versus.append(line(china_id, "China from Russia (GACC customs)"))
brent, brent_problem = ui.series_or_none("brent_spot_eia", start, end + pd.offsets.MonthEnd(0))
table = pd.concat([ui.points(sid).assign(provider=provider(sid), series_id=sid) for sid in chosen],
                  ignore_index=True) if chosen else pd.DataFrame(
    columns=["date", "value", "unit", "provider", "flag", "source_title", "source_url", "used", "series_id"])
table = table[(table["date"] >= start) & (table["date"] <= end)].sort_values(["date", "provider"])
table = table[["date", "value", "unit", "provider", "flag", "source_title", "source_url", "used", "series_id"]]

# ---- render
st.subheader("India's crude imports from Russia, by provider")
fig = ui.figure(charts.build_time_series, russia_lines, events, title="India's crude imports from Russia",
                               y_title="million barrels per day")
st.plotly_chart(fig, key="trade_chart_russia")
st.dataframe(table, hide_index=True, width="stretch", key="trade_table", column_config={
    "date": st.column_config.DateColumn("month", format="YYYY-MM"),
    "used": st.column_config.CheckboxColumn("in line", help="False = an alternative figure cited for the same month"),
    "source_url": st.column_config.LinkColumn("source", display_text="open"),
})
ui.csv_download(table, "india_imports_russia_points.csv", "Download every cited figure (CSV)",
                charts.csv_meta("India crude imports from Russia, cited figures", russia_lines,
                                rule="one row per printed figure; used=False rows are alternatives not on the line"),
                key="trade_dl_russia")

st.subheader("Russia's share of India's crude imports")
fig_s = ui.figure(charts.build_time_series, share_lines, events, title="Russia's share of India's crude imports",
                                 y_title="percent of India's crude imports")
ui.chart_with_csv(fig_s, share_lines, key="trade_chart_share", title="Russia share of India crude imports",
                  filename="india_russia_share.csv", label="Download shares (CSV)")

st.subheader("India's suppliers")
fig_o = ui.figure(charts.build_time_series, origin_lines, events, title=f"India's crude imports by origin ({origin_provider})",
                                 y_title="million barrels per day")
ui.chart_with_csv(fig_o, origin_lines, key="trade_chart_origins", title="India crude imports by origin",
                  filename="india_imports_by_origin.csv", label="Download by origin (CSV)",
                  caption="Only origins the provider's figures cover are drawn; other suppliers are sparse in the "
                          "snapshot.")

st.subheader("India against China")
fig_v = ui.figure(charts.build_time_series, versus, events, title="Crude imports from Russia: India vs China",
                                 y_title="million barrels per day")
ui.chart_with_csv(fig_v, versus, key="trade_chart_versus", title="Crude imports from Russia, India vs China",
                  filename="india_vs_china.csv", label="Download India vs China (CSV)",
                  caption="China = customs (GACC) pipeline plus seaborne; India = ship-tracking/trade estimates. "
                          "Different methods: compare the shape, not the exact level.")

st.subheader("Brent (daily) against India's imports from Russia (monthly)")
if brent is None or brent.empty:
    st.warning(brent_problem or "No Brent prices in this range.")
else:
    daily = charts.Line("brent_spot_eia", "Brent spot (EIA)", brent, "USD/bbl", provider("brent_spot_eia"))
    monthly = versus[0]
    mm = eventstudy.monthly_mean(brent)
    fig_m = ui.figure(charts.build_dual_axis, daily, monthly, events, title="Brent spot vs India's imports from Russia",
                                   monthly_mean=mm)
    st.plotly_chart(fig_m, key="trade_chart_mixed")
    st.caption("Alignment rule: monthly import figures sit on the 1st of their month; for month-by-month "
               "comparison the daily Brent price is averaged over the calendar month (dotted step, and the CSV). "
               "Nothing is interpolated.")
    aligned = eventstudy.align_monthly(brent, monthly.series).reset_index()
    aligned.columns = ["month", "brent_month_mean_usd_bbl", f"{main_id}_mb_d"]
    ui.csv_download(aligned, "brent_vs_india_imports_monthly.csv", "Download month-aligned data (CSV)",
                    {"title": "Brent month mean vs India crude imports from Russia",
                     "units": f"brent=USD/bbl (calendar-month mean of EIA daily spot); {main_id}=million b/d",
                     "sources": f"EIA; {provider(main_id)} per cited page (see points CSV)",
                     "rule": "monthly figures on the 1st of their month; daily price averaged per calendar month"},
                    key="trade_dl_mixed")
