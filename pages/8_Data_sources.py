"""Data & sources: every series with its provenance, coverage, a CSV download, and the live refresh."""

import pandas as pd
import streamlit as st

from components import data, ui
from components.data.catalog_table import catalog_table

ui.page_setup(
    "Data & sources",
    "Every number in Claim Lens comes from one of these series. "
    "Providers stay separate: figures from Kpler, Vortexa and Reuters are never averaged.",
)
catalog = ui.catalog()
topics = sorted(catalog["topic"].unique())

# ---- controls
chosen_topics = ui.url_persist(st.multiselect)("Topics", topics, key="data_topics", default=topics)
ids = list(catalog.loc[catalog["topic"].isin(chosen_topics), "id"])
picked = ui.url_persist(st.selectbox)(
    "Series details", ids, key="data_id", default=None, placeholder="Pick a series for its points and download"
)
ui.show_notices()

# ---- data
table = catalog_table(catalog, ids, ui.series_or_none, pd.Timestamp.today().normalize())

# ---- render
st.subheader("Catalog")
st.dataframe(
    table,
    hide_index=True,
    width="stretch",
    column_config={
        "source_url": st.column_config.LinkColumn("source", display_text="open"),
        "first": st.column_config.DateColumn(),
        "last": st.column_config.DateColumn(),
        "age_days": st.column_config.NumberColumn("age (days)", help="Days since the newest point"),
        "gaps": st.column_config.NumberColumn(
            help="Missing months/years inside the span; for daily data, breaks over 4 days"
        ),
    },
)
ui.csv_download(
    table,
    "claimlens_catalog.csv",
    "Download the catalog (CSV)",
    {"title": "Claim Lens series catalog", "snapshot_built": data.snapshot_as_of().date()},
)

if picked:
    meta = data.series_meta(picked)
    st.subheader(meta["name"])
    st.markdown(ui.source_caption(picked))
    st.caption(meta["notes"])
    if meta["origin"] == "live-only":
        result = ui.live(picked) if ui.live_enabled() else None
        if result is None:
            st.info("Live Yahoo data is switched off: this live-only series has no offline copy in the snapshot.")
        elif result.series is None:
            st.warning(f"Not available now: {result.reason}")
        else:
            st.success(f"{result.source}: {result.reason}")
            frame = result.series.rename("value").rename_axis("date").reset_index()
            st.dataframe(frame.tail(20), hide_index=True)
            ui.csv_download(
                frame,
                f"{picked}.csv",
                f"Download {picked} (CSV)",
                {
                    "series": picked,
                    "name": meta["name"],
                    "unit": meta["unit"],
                    "source": meta["source_url"],
                    "fetched": result.fetched_at,
                    "licence": meta["licence"],
                },
            )
    else:
        try:
            pts = ui.points(picked)
        except data.SnapshotError as exc:
            st.error(str(exc))
        else:
            st.dataframe(
                pts,
                hide_index=True,
                width="stretch",
                column_config={
                    "source_url": st.column_config.LinkColumn("source", display_text="open"),
                    "used": st.column_config.CheckboxColumn(
                        help="False: a cited alternative figure not used for the line"
                    ),
                },
            )
            ui.csv_download(
                pts.assign(date=pts["date"].dt.strftime("%Y-%m-%d")),
                f"{picked}.csv",
                f"Download {picked} (CSV)",
                {
                    "series": picked,
                    "name": meta["name"],
                    "unit": meta["unit"],
                    "provider": meta["provider"],
                    "instrument": meta["instrument"],
                    "licence": meta["licence"],
                    "source": meta["source_url"],
                    "retrieved": meta["retrieved"],
                    "sha256": meta["checksum"],
                },
            )

st.subheader("Live series")
live_ids = list(catalog.loc[catalog["origin"] == "live-only", "id"])
st.dataframe(ui.live_status_table(live_ids), hide_index=True, width="stretch")
if not ui.live_enabled():
    st.info(
        "Live Yahoo data is off"
        + (" (CLAIMLENS_OFFLINE is set)" if data.offline_forced() else "")
        + ": pages use the offline snapshot; live-only series are marked as not available offline."
    )
elif st.button("Refresh live series now", key="data_refresh"):
    ui.clear_caches()
    with st.status("Refreshing live series from Yahoo…", expanded=True) as status:
        failed = 0
        for sid in live_ids:
            result = ui.live(sid)
            failed += not result.ok
            st.write(("✅ " if result.ok else "⚠️ ") + f"{sid}: {result.source} — {result.reason}")
        status.update(
            label=f"Refresh done: {len(live_ids) - failed} live, {failed} fell back",
            state="complete" if not failed else "error",
        )
st.caption(
    "Rules: "
    + "; ".join(
        [
            "snapshot built once from ../shared/sources by `python -m components.data import`",
            "a refresh writes only the git-ignored .cache/ folder, atomically; the snapshot is never modified",
            "monthly points sit on the 1st of their month",
            "million barrels per month ÷ days in month = million b/d; million tonnes × 7.33 bbl/t ÷ days = million "
            "b/d (flagged 'converted')",
        ]
    )
)
