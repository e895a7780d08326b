"""Data & sources: every series with its provenance, coverage (a month x provider grid), a CSV download, the
vintages with what each changed, and the refresh from the publishers and Yahoo."""

import pandas as pd
import streamlit as st

from components import as_of, charts, data, style, ui
from components.data.catalog_table import SHOWN, compact_points, shown_catalog
from components.data.coverage import coverage_grid, measure_groups
from components.data.refresh import refresh_publishers
from components.data.vintages import changes_table, verdict_changes_table

VINTAGES_SHOWN = 5  # newest first; data/CHANGELOG.md has them all
VINTAGE_KINDS = {"import": "rebuilt from the raw sources", "refresh": "refreshed from the publishers"}

ui.page_setup(
    "Data & sources",
    "Every number in Claim Lens comes from one of these series. "
    "Providers stay separate: figures from Kpler, Vortexa and Reuters are never averaged.",
)
catalog = ui.catalog()
topics = sorted(catalog["topic"].unique())

# ---- controls
names = dict(zip(catalog["id"], catalog["name"]))
chosen_topics = ui.url_persist(st.multiselect)(
    "Topics", topics, key="data_topics", default=topics, format_func=as_of.topic_label
)
ids = list(catalog.loc[catalog["topic"].isin(chosen_topics), "id"])
if not ids:
    ui.empty_state("No topic is chosen: the catalog below is empty.", {"data_topics": topics}, key="data_topics_reset")
picked = ui.url_persist(st.selectbox)(
    "Series details",
    ids,
    key="data_id",
    default=None,
    placeholder="Pick a series for its chart, points and download",
    format_func=lambda sid: names.get(sid) or style.human(sid),
)
measures = measure_groups(catalog)
measure = ui.url_persist(st.selectbox)(
    "Coverage of",
    list(measures),
    key="data_coverage",
    default=max(measures, key=lambda m: len(measures[m]), default=None),
)
ui.show_notices()

# ---- the chosen series first: its chart is what a reader who picked it came for
if picked:
    meta = data.series_meta(picked)
    st.subheader(meta["name"])
    st.markdown(ui.source_caption(picked))
    st.caption(meta["notes"])
    if meta["origin"] == "snapshot":
        values, problem = ui.series_or_none(picked)
        if values is None or len(values) < 2:
            st.info(problem or "This series has fewer than two points: there is no line to draw, see its points below.")
        else:
            line = charts.Line(
                picked, meta["name"], values, meta["unit"], meta["provider"], frequency=meta["frequency"]
            )
            fig = ui.figure(charts.build_time_series, [line], None, title=meta["name"], y_title=meta["unit"])
            st.plotly_chart(fig, key="data_chart")
    if meta["origin"] == "live-only":
        result = ui.live(picked) if ui.live_enabled() else None
        if result is None:
            st.info("Live Yahoo data is switched off: this live-only series has no offline copy in the snapshot.")
        elif result.series is None:
            st.warning(f"Not available now: {style.safe_text(result.reason)}")
        else:
            st.success(f"{result.source}: {style.safe_text(result.reason)}")
            frame = result.series.rename("value").rename_axis("date").reset_index()
            st.dataframe(
                frame.tail(20),
                hide_index=True,
                column_config={
                    "date": st.column_config.DateColumn("Date", format="D MMM YYYY"),
                    "value": st.column_config.NumberColumn(meta["unit"] or "Value"),
                },
            )
            ui.csv_download(
                frame,
                f"{picked}.csv",
                f"Download {meta['name']} (CSV)",
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
                compact_points(pts),
                hide_index=True,
                width="stretch",
                placeholder="",
                column_config={
                    "date": st.column_config.DateColumn(
                        "Month" if meta["frequency"] == "monthly" else "Date",
                        format="MMM YYYY" if meta["frequency"] == "monthly" else "D MMM YYYY",
                    ),
                    "value": st.column_config.NumberColumn("Value"),
                    "unit": "Unit",
                    "flag": "Flag",
                    "source_title": "Source",
                    "source_url": st.column_config.LinkColumn("Link", display_text="open"),
                    "provider_detail": "Provider detail",
                    "used": st.column_config.CheckboxColumn(
                        "On the line", help="Unticked: a cited alternative figure not used for the line"
                    ),
                },
            )
            ui.csv_download(
                pts.assign(date=pts["date"].dt.strftime("%Y-%m-%d")),
                f"{picked}.csv",
                f"Download {meta['name']} (CSV)",
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

# ---- the catalog and coverage: data, then render
table = shown_catalog(
    ui.catalog_rows(ids, pd.Timestamp.today().normalize()),
    {sid: data.stale_text(sid) for sid in ids},
)
grid_points = {}
for provider, sid in measures.get(measure, {}).items():
    provider_points, _ = ui.points_or_none(sid)
    if provider_points is not None:
        grid_points[provider] = provider_points
grid = coverage_grid(grid_points)
history = list(reversed(data.vintage_history()))[:VINTAGES_SHOWN]

st.subheader("Catalog")
st.dataframe(
    table,
    hide_index=True,
    width="stretch",
    column_order=SHOWN,
    placeholder="–",
    column_config={
        "name": st.column_config.TextColumn("Series", pinned=True),
        "provider": "Provider",
        "unit": "Unit",
        "frequency": "Frequency",
        "first": st.column_config.DateColumn("First value", format="D MMM YYYY"),
        "last": st.column_config.DateColumn("Newest value", format="D MMM YYYY"),
        "rows": st.column_config.NumberColumn("Values", format="%d"),
        "gaps": st.column_config.NumberColumn(
            "Gaps", format="%d", help="Missing months/years inside the span; for daily data, breaks over 4 days"
        ),
        "age_days": st.column_config.NumberColumn("Age", format="%d days", help="Days since the newest value"),
        "stale": st.column_config.TextColumn(
            "Stale", help="Older than the series' usual cadence (how long its next value normally takes)"
        ),
        "retrieved": "Retrieved",
        "status": "File",
        "instrument": "Instrument",
        "licence": "Licence",
        "source_url": st.column_config.LinkColumn("Source", display_text="open"),
    },
)
ui.csv_download(
    table,
    "claimlens_catalog.csv",
    "Download the catalog (CSV)",
    {"title": "Claim Lens series catalog", "snapshot_built": data.snapshot_as_of().date()},
)

st.subheader("Coverage by month and provider")
if grid.empty:
    st.info("No monthly series to show for this choice.")
else:
    st.caption(
        "● a final figure draws the line · ○ only a flagged figure (partial, provisional, approximate, a bound, "
        "a range...: see Methodology) · "
        "blank: no figure for that month (a gap, never filled)"
    )
    st.dataframe(grid, width="stretch", height=min(35 * len(grid) + 40, 420))

st.subheader("Vintages: what each data update changed")
if not history:
    st.info("No vintage recorded yet: the snapshot is as first committed.")


def claim_names() -> dict[str, str]:
    """'<case id>/<claim id>' -> the claim's short title, for the vintages that changed a verdict (read once a
    run: the case comes out of its cache as a copy)."""
    case = ui.case_files()
    return {f"{case.id}/{claim.id}": claim.short for claim in case.claims if claim.short}


# the case is read only when a vintage shown changed a verdict
names_of_claims = claim_names() if any(record.get("verdict_changes") for record in history) else {}
for number, record in enumerate(history):
    changed, flips = changes_table(record), verdict_changes_table(record)
    changed["series"] = changed["series"].map(lambda sid: names.get(sid) or style.human(sid))
    flips["claim"] = [names_of_claims.get(key, "a claim of another case") for key in flips["claim"]]
    title = (
        f"{style.format_date(record['date'])} · vintage {record['id']} "
        f"({VINTAGE_KINDS.get(record.get('kind', ''), 'data update')}): {len(changed)} series changed, "
        f"{len(flips)} verdict(s) changed"
    )
    with st.expander(title, expanded=number == 0):
        note = as_of.reader_note(record.get("note"))
        if note:
            st.caption(style.safe_text(note))
        if len(changed):
            st.dataframe(
                changed,
                hide_index=True,
                width="stretch",
                column_config={
                    "series": "Series",
                    "added": st.column_config.NumberColumn("Added", format="%d"),
                    "revised": st.column_config.NumberColumn("Revised", format="%d"),
                    "removed": st.column_config.NumberColumn("Removed", format="%d"),
                    "values": "Values (before → after)",
                    "months": "Months covered (before → after)",
                    "last": "Newest value (before → after)",
                    "largest_revisions": "Largest revisions",
                },
            )
        if len(flips):
            st.dataframe(
                flips,
                hide_index=True,
                width="stretch",
                column_config={"claim": "Claim", "was": "Was", "now": "Now", "reason": "Why"},
            )
st.caption("The whole history ships with the project, in its data changelog (written with every vintage).")

st.subheader("Live series")
live_ids = list(catalog.loc[catalog["origin"] == "live-only", "id"])
st.dataframe(
    ui.live_status_table(live_ids),
    hide_index=True,
    width="stretch",
    column_config={
        "series": "Series",
        "showing": "Shown now",
        "rows": st.column_config.NumberColumn("Values", format="%d"),
        "why": "Why",
    },
)
if not ui.live_enabled():
    st.info(
        "Live Yahoo data is off"
        + (" (this server is set to run offline)" if data.offline_forced() else "")
        + ": pages use the offline snapshot; live-only series are marked as not available offline."
    )
elif st.button("Refresh live series now", key="data_refresh"):
    ui.clear_caches()
    with st.status("Refreshing live series from Yahoo…", expanded=True) as status:
        failed = 0
        for sid in live_ids:
            result = ui.live(sid)
            failed += not result.ok
            name = style.safe_text(names.get(sid) or style.human(sid))
            st.write(("✅ " if result.ok else "⚠️ ") + f"{name}: {result.source} — {style.safe_text(result.reason)}")
        status.update(
            label=f"Refresh done: {len(live_ids) - failed} live, {failed} fell back",
            state="complete" if not failed else "error",
        )
st.subheader("Refresh from the publishers")
if data.offline_forced():
    st.info("Network use is switched off on this server: the EIA and ECB files are not asked for.")
elif st.button("Refresh EIA and ECB data now", key="data_refresh_publishers"):
    with st.status("Asking EIA and the ECB…", expanded=True) as status:
        report = refresh_publishers()
        for line in report.lines():
            st.write(style.safe_text(line))
        status.update(
            label="New vintage written" if report.record else "No new vintage",
            state="complete" if report.ok else "error",
        )
    if report.record:
        ui.clear_caches()
st.caption(
    "Rules: "
    + "; ".join(
        [
            "the snapshot is built from the raw sources by the project's importer and committed",
            "a live refresh keeps its copies apart, written atomically; the snapshot is never modified",
            "monthly points sit on the 1st of their month",
            "million barrels per month ÷ days in month = million b/d; million tonnes × 7.33 bbl/t ÷ days = million "
            "b/d (flagged 'converted', with the factor)",
            "a figure in another currency is cited in its own unit and never drawn",
            "the wording of each figure's source ('about', 'more than', a range, an asterisk) is a flag on it",
        ]
    )
)
