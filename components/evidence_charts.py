"""Pure plotly builders and table helpers for claim evidence (no streamlit).

Why separate from components/charts.py: claim cards need a small chart of exactly the series and window a
rule looked at, with the numbers the verdict used highlighted and the relevant events marked. Event
markers are layout shapes + annotations (add_vline(annotation_text=...) fails on date axes), built as plain
dicts so that each figure is validated once.
"""

from __future__ import annotations

import html
import re
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from components.evidence import Verdict

STATUS_COLORS = {
    "supported": "green",
    "happened": "green",
    "contradicted": "red",
    "did not happen": "red",
    "mixed": "orange",
    "partly": "orange",
    "pending": "blue",
    "too early": "blue",
    "not testable": "gray",
    "no data": "gray",
}
_HEX = {"green": "#2e7d32", "red": "#c62828", "orange": "#ef6c00", "blue": "#1565c0", "gray": "#757575"}
CATEGORY_HEX = {
    "sanctions": "#c62828",
    "tariffs": "#ad1457",
    "aid": "#6a1b9a",
    "military": "#4e342e",
    "diplomacy": "#1565c0",
    "energy_deal": "#2e7d32",
    "trade": "#ef6c00",
    "statement": "#546e7a",
}
SCENARIO_KINDS = ("scenario", "prediction")


def badge_md(status: str) -> str:
    """Streamlit markdown badge for a verdict status (plain text, so pure)."""
    return f":{STATUS_COLORS.get(status, 'gray')}-badge[{status}]"


def _esc(x: Any) -> str:
    return html.escape(str(x), quote=False)


def claim_window(claim, pad_months: int = 3) -> tuple[pd.Timestamp, pd.Timestamp]:
    """Chart window: the claim period (and any dates its rule names), padded a little on both sides."""
    dates = [claim.period_start, claim.period_end]

    def collect(spec: dict) -> None:
        for k in ("at", "a", "b", "a_start", "a_end", "b_start", "b_end", "start", "end", "deadline"):
            if spec.get(k) is not None:
                try:
                    dates.append(pd.Timestamp(spec[k]))
                except (ValueError, TypeError):
                    pass
        for c in spec.get("conditions", []) or []:
            collect(c)

    collect(claim.evidence)
    lo, hi = min(dates), max(dates)
    if claim.evidence.get("rule") == "lowest_since":
        lo = min(lo, pd.Timestamp(claim.evidence["at"]) - pd.DateOffset(months=int(claim.evidence.get("months", 24))))
    return (lo - pd.DateOffset(months=pad_months)).normalize(), (hi + pd.DateOffset(months=pad_months)).normalize()


def event_lines_layout(events: pd.DataFrame, max_labels: int = 12) -> tuple[list[dict], list[dict]]:
    """(shapes, annotations): a dotted vertical line and a short rotated label per event (safe on date axes,
    unlike add_vline(annotation_text=...)); the first `max_labels` events get a label."""
    if events is None or events.empty:
        return [], []
    shapes, notes = [], []
    for i, e in enumerate(events.sort_values("date").to_dict("records")):
        x = pd.Timestamp(e["date"]).strftime("%Y-%m-%d")
        color = CATEGORY_HEX.get(e.get("category", ""), "#999")
        shapes.append(
            dict(
                type="line",
                xref="x",
                yref="paper",
                x0=x,
                x1=x,
                y0=0,
                y1=1,
                line=dict(color=color, width=1, dash="dot"),
                layer="below",
            )
        )
        if i < max_labels:
            title = str(e["title"])
            notes.append(
                dict(
                    x=x,
                    xref="x",
                    y=1,
                    yref="paper",
                    text=_esc(title[:38] + ("…" if len(title) > 38 else "")),
                    showarrow=False,
                    textangle=-90,
                    xanchor="left",
                    yanchor="top",
                    font=dict(size=9, color=color),
                    hovertext=_esc(f"{x}: {title}"),
                )
            )
    return shapes, notes


def build_claim_chart(
    claim,
    verdict: Verdict | None,
    series: dict[str, pd.Series | None],
    events: pd.DataFrame,
    labels: dict[str, str] | None = None,
) -> go.Figure:
    """Lines for each series the claim's rule uses (gaps left as gaps), verdict numbers circled, events marked.

    With no series (event/interpretive claims) the chart is a strip of the matching events over the window.
    Assembled as plain dicts and validated once (one go.Figure call), as in components/charts.py.
    """
    labels = labels or {}
    lo, hi = claim_window(claim)
    traces: list[dict] = []
    for sid, s in series.items():
        if s is None or len(s) == 0:
            continue
        s = s[(s.index >= lo) & (s.index <= hi)]
        if s.empty:
            continue
        monthly = (s.index.day == 1).all() and len(s) > 1
        if monthly:  # reindex to every month so missing months show as breaks, not bridged lines
            s = s.reindex(pd.date_range(s.index.min(), s.index.max(), freq="MS"))
        traces.append(
            dict(
                type="scatter",
                x=np.asarray(s.index.strftime("%Y-%m-%d")),
                y=s.to_numpy(dtype="float64"),
                mode="lines+markers",
                name=labels.get(sid, sid),
                connectgaps=False,
            )
        )
    drawn = bool(traces)
    if verdict is not None:
        nums = [
            n for n in verdict.all_numbers() if n.get("series") in series and isinstance(n.get("value"), (int, float))
        ]
        if nums:
            traces.append(
                dict(
                    type="scatter",
                    x=[pd.Timestamp(n["date"]).strftime("%Y-%m-%d") for n in nums],
                    y=[n["value"] for n in nums],
                    mode="markers",
                    name="used by the verdict",
                    marker=dict(size=14, symbol="circle-open", line=dict(width=2, color="black")),
                    hovertext=[_esc(f"{n['label']}: {n['value']} ({n['source_title']})") for n in nums],
                    hoverinfo="text",
                )
            )
    ev = events
    if ev is not None and not ev.empty:
        ev = ev[(pd.to_datetime(ev["date"]) >= lo) & (pd.to_datetime(ev["date"]) <= hi)]
    yaxis: dict = {}
    if not drawn:
        ids = {n.get("event_id") for n in (verdict.all_numbers() if verdict else [])}
        strip = ev[ev["id"].isin(ids)] if ev is not None and not ev.empty and ids - {None} else ev
        if strip is not None and not strip.empty:
            traces.append(
                dict(
                    type="scatter",
                    x=list(pd.to_datetime(strip["date"]).dt.strftime("%Y-%m-%d")),
                    y=[0] * len(strip),
                    mode="markers",
                    marker=dict(size=12, color=[CATEGORY_HEX.get(c, "#999") for c in strip["category"]]),
                    hovertext=[_esc(t) for t in strip["title"]],
                    hoverinfo="text",
                    name="events",
                )
            )
            ev = strip
        yaxis = dict(visible=False, range=[-1, 1])
    shapes, notes = event_lines_layout(ev)
    shapes.append(
        dict(
            type="rect",
            xref="x",
            yref="paper",
            x0=claim.period_start.strftime("%Y-%m-%d"),
            x1=(claim.period_end + pd.Timedelta(days=1)).strftime("%Y-%m-%d"),
            y0=0,
            y1=1,
            fillcolor="rgba(255,200,0,0.12)",
            line=dict(width=0),
            layer="below",
        )
    )
    return go.Figure(
        data=traces,
        layout=dict(
            height=300,
            margin=dict(l=40, r=10, t=30, b=30),
            shapes=shapes,
            annotations=notes,
            yaxis=yaxis,
            xaxis=dict(type="date", range=[lo.strftime("%Y-%m-%d"), hi.strftime("%Y-%m-%d")]),
            legend=dict(orientation="h", y=-0.2),
            title=dict(text="Claim period shaded; dotted lines = events", font=dict(size=11)),
        ),
    )


def numbers_table(verdict: Verdict | None) -> pd.DataFrame:
    """Every number a verdict used, with provider and source (for st.dataframe with a link column)."""
    cols = ["label", "value", "unit", "date", "provider", "flag", "source_title", "source_url"]
    if verdict is None:
        return pd.DataFrame(columns=cols)
    rows = [{c: ("" if n.get(c) is None else n.get(c)) for c in cols} for n in verdict.all_numbers()]
    df = pd.DataFrame(rows, columns=cols)
    df["value"] = df["value"].astype(str)
    df["date"] = df["date"].astype(str)
    return df


_MD_PUNCT = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&])")
_URL = re.compile(r"https?://[^\s<>]+")


def md_text(value: Any) -> str:
    """A value as inert markdown: one line, every markdown (and Streamlit directive: $, :, [) character
    backslash-escaped, so source titles cannot make links, maths, colours or table cells of their own."""
    return _MD_PUNCT.sub(r"\\\1", " ".join(str(value).split()))


def numbers_markdown(verdict: Verdict | None) -> str:
    """Every number a verdict used as a markdown table (value, unit, date, provider, flag, source link).

    A plain table rather than an interactive grid: a card holds a handful of rows, and each grid loads and
    lays out a canvas of its own, which made pages of cards slow to draw and to redraw."""
    table = numbers_table(verdict)
    if table.empty:
        return ""
    head = ["what", "value", "unit", "date", "provider", "flag", "source"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in table.itertuples(index=False):
        url = str(row.source_url)
        title = md_text(row.source_title or "source")
        source = f"[{title}](<{url}>)" if _URL.fullmatch(url) else title
        cells = [md_text(v) for v in (row.label, row.value, row.unit, row.date, row.provider, row.flag)] + [source]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def build_hindsight_timeline(
    claims: list, events: pd.DataFrame, published: pd.Timestamp, today: pd.Timestamp | None = None
) -> go.Figure:
    """One horizontal bar per scenario/prediction (its test window, coloured by outcome) over the hindsight
    events, with the article's date marked. Plain dicts, validated once."""
    traces: list[dict] = []
    names, in_legend = [], set()
    for c in claims:
        st = c.verdict.status if c.verdict else "no data"
        name = c.short or c.id
        names.append(name)
        traces.append(
            dict(
                type="scatter",
                x=[c.period_start.strftime("%Y-%m-%d"), c.period_end.strftime("%Y-%m-%d")],
                y=[name, name],
                mode="lines+markers",
                line=dict(width=10, color=_HEX[STATUS_COLORS.get(st, "gray")]),
                name=st,
                legendgroup=st,
                showlegend=st not in in_legend,
                hovertext=_esc(f"{name}: {st}"),
                hoverinfo="text",
            )
        )
        in_legend.add(st)
    if events is not None and not events.empty:
        ev = events[pd.to_datetime(events["date"]) >= published - pd.DateOffset(months=1)]
        for cat, grp in ev.groupby("category"):
            dates = pd.to_datetime(grp["date"])
            traces.append(
                dict(
                    type="scatter",
                    x=list(dates.dt.strftime("%Y-%m-%d")),
                    y=["events on record"] * len(grp),
                    mode="markers",
                    marker=dict(size=11, symbol="diamond", color=CATEGORY_HEX.get(cat, "#999")),
                    name=f"event: {cat}",
                    hovertext=[_esc(f"{d:%Y-%m-%d} {t}") for d, t in zip(dates, grp["title"])],
                    hoverinfo="text",
                )
            )
    shapes, notes = [], []
    for x, label in ((published, "article"), (today, "today")):
        if x is None:
            continue
        xs = pd.Timestamp(x).strftime("%Y-%m-%d")
        shapes.append(
            dict(
                type="line",
                xref="x",
                yref="paper",
                x0=xs,
                x1=xs,
                y0=0,
                y1=1,
                line=dict(color="black", width=1, dash="dash"),
            )
        )
        notes.append(dict(x=xs, xref="x", y=1.02, yref="paper", text=label, showarrow=False, yanchor="bottom"))
    return go.Figure(
        data=traces,
        layout=dict(
            height=140 + 32 * (len(names) + 1),
            margin=dict(l=10, r=10, t=30, b=30),
            xaxis=dict(type="date"),
            yaxis=dict(categoryorder="array", categoryarray=["events on record"] + names[::-1]),
            legend=dict(orientation="h", y=-0.15),
            shapes=shapes,
            annotations=notes,
        ),
    )


def claim_links(claim) -> list[tuple[str, str, dict]]:
    """(page key in components.routes, label, query params) opening the chart page for this claim's window,
    plus the network page centred on its first actor. The URL is the state, so these are plain query strings."""
    lo, hi = claim_window(claim, pad_months=2)
    rng = f"{lo:%Y-%m-%d}..{hi:%Y-%m-%d}"
    ids = claim.series if hasattr(claim, "series") else []
    out = []
    if any(s.startswith(("india_imports", "china_imports", "india_russia_share")) for s in ids):
        out.append(("trade", "Trade flows for this window", {"trade_range": rng}))
    if any(s.startswith(("brent", "wti", "urals")) for s in ids) or claim.kind in ("scenario", "prediction"):
        out.append(("oil", "Oil prices for this window", {"oil_range": rng}))
    if claim.actors:
        out.append(("network", f"Network around {claim.actors[0]}", {"net_ego": claim.actors[0]}))
    return out
