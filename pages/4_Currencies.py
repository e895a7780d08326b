"""Currencies: USD/INR, USD/CNY and USD/RUB (ECB-derived daily, live Yahoo when online) with the case's events."""

import streamlit as st

from components import charts, series_math, ui
from components.style import safe_text

ui.page_setup(
    "Currencies",
    "Daily dollar rates derived from ECB euro reference rates (USD/X = EUR/X ÷ EUR/USD), "
    "plus Yahoo market rates when live data is on and reachable.",
)
notices: list[str] = []
PAIRS = {  # pair -> (ECB-derived snapshot id, live id)
    "USD/INR": ("usd_inr_ecb", "usd_inr_yahoo"),
    "USD/CNY": ("usd_cny_ecb", "usd_cny_yahoo"),
    "USD/RUB": ("usd_rub_ecb", "usd_rub_yahoo"),
}
RUB_NOTE = (
    "The ECB stopped publishing a rouble reference rate after 1 March 2022, so the ECB-derived USD/RUB "
    "series ends on 1 March 2022; after that only the live Yahoo rate (RUB=X) can be shown, when online."
)

# ---- controls
cat = ui.catalog().set_index("id")
snap = {pair: ui.series_or_none(ids[0]) for pair, ids in PAIRS.items()}
available = {pair: s for pair, (s, _) in snap.items() if s is not None and len(s)}
for pair, (_, problem) in snap.items():
    if problem:
        st.warning(f"{pair}: {problem}")
if not available:
    st.error("No exchange-rate series could be read from the snapshot.")
    st.stop()
first = min(s.index[0] for s in available.values())
last = max(s.index[-1] for s in available.values())
_, trigger_date, chart_from = ui.case_anchor()  # charts open a few months before the case's trigger
# a pair is chosen by default only when it has data in the default range (USD/RUB from the ECB ends in March
# 2022; offline, nothing replaces it), so the page does not open on an empty chart
default_pairs = [
    pair for pair in PAIRS if ui.live_enabled() or (pair in available and available[pair].index[-1] >= chart_from)
]
pairs = ui.url_persist(st.multiselect)(
    "Currency pairs", list(PAIRS), key="fx_pairs", default=default_pairs, notices=notices
)
events_all, actor_labels, events_problem = ui.case_events()
events = ui.event_controls("fx", events_all, actor_labels, notices, study_series=[PAIRS[p][0] for p in pairs])
ui.show_notices(notices)
if events_problem:
    st.caption(f":material/info: {events_problem}")
if not pairs:
    ui.empty_state("No currency pair is chosen.", {"fx_pairs": default_pairs}, key="fx_pairs_reset")
elif "USD/RUB" in pairs:
    st.info(RUB_NOTE, icon=":material/info:")
elif "USD/RUB" not in default_pairs:
    st.caption(f":material/info: USD/RUB is not chosen by default: {RUB_NOTE}")


@st.fragment
def rate_charts() -> None:
    """Date range, rebase and log controls with one chart per pair: a Streamlit fragment, so moving the slider
    reruns only this part of the page."""
    panel_notices: list[str] = []
    view = ui.range_rebase_log_controls("fx", first, last, chart_from, panel_notices, default_rebase=trigger_date)
    ui.show_notices(panel_notices)
    start, end = view["start"], view["end"]
    rebase_rule = series_math.REBASE_RULE if view["rebase_date"] is not None else ""
    for pair in pairs:
        ecb_id, live_id = PAIRS[pair]
        lines, status = [], []
        s = available.get(pair)
        if s is not None and len(s.loc[start:end]):
            lines.append(
                charts.Line(
                    ecb_id,
                    f"{pair} (ECB-derived)",
                    s.loc[start:end],
                    str(cat.loc[ecb_id, "unit"]),
                    str(cat.loc[ecb_id, "provider"]) + " reference rates, USD cross",
                )
            )
        if not ui.live_enabled():
            status.append(
                f"{pair} market rate (Yahoo {cat.loc[live_id, 'live_ticker']}): live only, not available offline."
            )
        else:
            result = ui.live(live_id)
            if result.ok and result.series is not None and len(result.series.loc[start:end]):
                lines.append(
                    charts.Line(
                        live_id,
                        f"{pair} (Yahoo {result.ticker}, market)",
                        result.series.loc[start:end],
                        str(cat.loc[live_id, "unit"]),
                        f"Yahoo Finance {result.ticker}; {result.reason}",
                        dash="dot",
                    )
                )
            else:
                status.append(f"{pair} market rate (Yahoo): live only, not available now ({safe_text(result.reason)}).")
        st.subheader(pair)
        for msg in status:
            st.caption(f"Live: {msg}")
        if not lines:
            why = f" {RUB_NOTE} Move the range before March 2022 to see it." if pair == "USD/RUB" else ""
            ui.empty_state(f"No {pair} value between {start:%d %b %Y} and {end:%d %b %Y}.{why}", key=f"fx_none_{pair}")
            continue
        unit = lines[0].unit
        ui.time_series_chart(
            lines,
            events,
            title=f"{pair}, {unit}",
            y_title=unit,
            log=view["log"],
            rebase_date=view["rebase_date"],
            key=f"fx_chart_{pair[-3:].lower()}",
            csv_title=pair,
            filename=f"{pair.replace('/', '').lower()}.csv",
            label=f"Download {pair} (CSV)",
            range=f"{start:%Y-%m-%d}..{end:%Y-%m-%d}",
            rebase=rebase_rule,
            span=(start, end),
            reset=view["reset"],
        )
    st.caption("A higher number means a weaker local currency (more of it per dollar). " + rebase_rule)


# ---- one chart per pair (each pair's lines are built just before its chart, so the first draws first)
rate_charts()
