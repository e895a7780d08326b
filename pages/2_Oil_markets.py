"""Oil markets: EIA Brent/WTI spot, live futures, Urals and its discount, with the case's events."""

import pandas as pd
import streamlit as st

from components import series_math, ui
from components.charts import Line
from components.style import safe_text

ui.page_setup(
    "Oil markets",
    "Daily EIA spot prices for Brent and WTI, the Russian Urals monthly average and "
    "its discount to Brent, with the case's events as markers. Futures from Yahoo are shown only when "
    "live data is on and reachable, and are labelled as futures.",
)
notices: list[str] = []

# ---- controls: what to mark, and what the Urals charts cover (these rerun the whole page)
brent, brent_problem = ui.series_or_none("brent_spot_eia")
wti, wti_problem = ui.series_or_none("wti_spot_eia")
spot = {sid: s for sid, s in (("brent_spot_eia", brent), ("wti_spot_eia", wti)) if s is not None and len(s)}
for problem in (brent_problem, wti_problem):
    if problem:
        st.warning(problem)
if not spot:
    st.error("No oil spot series could be read from the snapshot.")
    st.stop()
events_all, actor_labels, events_problem = ui.case_events()
_, trigger_date, chart_from = ui.case_anchor()  # charts open a few months before the case's trigger
events = ui.event_controls(
    "oil",
    events_all,
    actor_labels,
    notices,
    study_series=[sid for sid in ("brent_spot_eia", "wti_spot_eia") if sid in spot],
)
urals_all = ui.url_persist(st.toggle)(
    "Urals charts: whole history",
    key="oil_urals_all",
    help="Urals figures are sparse monthly points; off = follow the date range below.",
    notices=notices,
)
ui.show_notices(notices)
if events_problem:
    st.caption(f":material/info: {events_problem}")
cat = ui.catalog().set_index("id")
meta = {
    sid: cat.loc[sid] if sid in cat.index else pd.Series({"unit": "", "provider": sid, "live_ticker": ""})
    for sid in (
        "brent_spot_eia",
        "wti_spot_eia",
        "brent_futures_yahoo",
        "wti_futures_yahoo",
        "urals_price_minfin",
        "urals_discount_reuters",
    )
}


def catalog_line(series_id: str, label: str, values: pd.Series, frequency: str = "daily") -> Line:
    """A line whose unit and provider are the catalog's, as every snapshot series on this page is drawn."""
    return Line(series_id, label, values, meta[series_id]["unit"], meta[series_id]["provider"], frequency=frequency)


def price_panel() -> dict:
    """Date range, rebase and log controls with the daily price chart. A Streamlit fragment unless the Urals
    charts follow the date range: then moving the slider reruns only this panel, not the whole page."""
    panel_notices: list[str] = []
    first = min(s.index[0] for s in spot.values())
    last = max(s.index[-1] for s in spot.values())
    view = ui.range_rebase_log_controls("oil", first, last, chart_from, panel_notices, default_rebase=trigger_date)
    ui.show_notices(panel_notices)
    start, end = view["start"], view["end"]
    lines = [
        catalog_line(sid, f"{'Brent' if sid.startswith('brent') else 'WTI'} spot (EIA)", s.loc[start:end])
        for sid, s in spot.items()
    ]
    futures_status = []
    for sid, name in (
        ("brent_futures_yahoo", "Brent FUTURES (Yahoo BZ=F, front month)"),
        ("wti_futures_yahoo", "WTI FUTURES (Yahoo CL=F, front month)"),
    ):
        if not ui.live_enabled():
            futures_status.append(f"{name}: live only, not available offline.")
            continue
        result = ui.live(sid)
        if result.ok and result.series is not None and len(result.series.loc[start:end]):
            lines.append(
                Line(
                    sid,
                    name,
                    result.series.loc[start:end],
                    meta[sid]["unit"],
                    f"Yahoo Finance {meta[sid]['live_ticker']} (futures, not spot); {result.reason}",
                    dash="dot",
                )
            )
        else:
            futures_status.append(f"{name}: live only, not available offline ({safe_text(result.reason)}).")
    for msg in futures_status:
        st.caption(f"Live: {msg}")
    rebase_rule = series_math.REBASE_RULE if view["rebase_date"] is not None else ""
    ui.time_series_chart(
        lines,
        events,
        title="Brent and WTI",
        y_title="USD per barrel",
        log=view["log"],
        rebase_date=view["rebase_date"],
        key="oil_chart_prices",
        csv_title="Oil prices",
        filename="oil_prices.csv",
        label="Download the price data (CSV)",
        caption="Spot = EIA daily spot assessments (Brent: Europe Brent spot FOB; WTI: Cushing). "
        "Futures, when shown, are Yahoo's continuous front-month contracts — a different "
        "instrument from spot. " + rebase_rule,
        range=f"{start:%Y-%m-%d}..{end:%Y-%m-%d}",
        rebase=rebase_rule,
        span=(start, end),
        reset=view["reset"],
    )
    return view


# ---- daily prices
view = (st.fragment(price_panel) if urals_all else price_panel)()
start, end = view["start"], view["end"]

# ---- Urals: monthly data (the whole history, or the range chosen above)
urals, urals_problem = ui.series_or_none("urals_price_minfin")
reported, reported_problem = ui.series_or_none("urals_discount_reuters")
brent_month = series_math.monthly_mean(brent) if brent is not None else pd.Series(dtype="float64")
computed = (
    series_math.computed_discount(urals, brent)
    if urals is not None and brent is not None
    else pd.Series(dtype="float64")
)
month_lo, month_hi = (None, None) if urals_all else (start.to_period("M").to_timestamp(), end)
# a range too short for monthly figures says so, with the range's reset (or the whole-history toggle)
monthly_empty = {} if urals_all else {"span": (month_lo, month_hi), "reset": view["reset"]}
urals_lines = []
if urals is not None:
    urals_lines.append(
        catalog_line("urals_price_minfin", "Urals monthly average (MinFin)", urals.loc[month_lo:month_hi], "monthly")
    )
if len(brent_month):
    urals_lines.append(
        Line(
            "brent_spot_eia_monthly_mean",
            "Brent month mean (EIA spot)",
            brent_month.loc[month_lo:month_hi],
            "USD/bbl",
            "EIA daily Brent spot, calendar-month mean",
            frequency="monthly",
            dash="dot",
        )
    )
discount_lines = []
if reported is not None:
    discount_lines.append(
        catalog_line(
            "urals_discount_reuters",
            "Urals discount to Brent, reported (Reuters)",
            reported.loc[month_lo:month_hi],
            "monthly",
        )
    )
if len(computed):
    discount_lines.append(
        Line(
            "urals_minus_brent_computed",
            "Urals (MinFin) − Brent month mean (EIA), computed",
            computed.loc[month_lo:month_hi],
            "USD/bbl (negative = below Brent)",
            "MinFin Urals average minus EIA Brent calendar-month mean",
            frequency="monthly",
            dash="dash",
        )
    )

st.subheader("Urals against Brent")
if urals_problem:
    st.warning(urals_problem)
ui.time_series_chart(
    urals_lines,
    events,
    title="Urals monthly average vs Brent month mean",
    y_title="USD per barrel",
    key="oil_chart_urals",
    csv_title="Urals vs Brent month mean",
    filename="urals_vs_brent.csv",
    label="Download Urals vs Brent (CSV)",
    caption="Urals is a monthly average published by Russia's Finance Ministry; many months are "
    "missing in the snapshot and are left as gaps.",
    rule=series_math.DISCOUNT_RULE,
    **monthly_empty,
)

st.subheader("Urals discount to Brent")
if reported_problem:
    st.warning(reported_problem)
ui.time_series_chart(
    discount_lines,
    events,
    title="Urals discount to Brent (negative = below Brent)",
    y_title="USD per barrel",
    key="oil_chart_discount",
    csv_title="Urals discount to Brent",
    filename="urals_discount.csv",
    label="Download the discount data (CSV)",
    caption=f"Rule: {series_math.DISCOUNT_RULE} The reported series is the discount as printed by "
    "Reuters (often against Dated Brent at a given port), so the two need not match.",
    rule=series_math.DISCOUNT_RULE,
    **monthly_empty,
)
