"""Pure plotly builders and table helpers for claim evidence (no streamlit).

Why separate from components/charts.py: claim cards need a small chart of exactly the series and window a
rule looked at, with the numbers the verdict used highlighted. Events are drawn by the same overlay as every
other chart (charts.event_overlay: a strip of grouped markers above the data), so an event looks the same on a
claim card as on the Oil page; figures are built as plain dicts and validated once.
"""

from __future__ import annotations

import re
import textwrap

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from components import point_flags
from components.charts import event_overlay
from components.charts.overlay import y_extent
from components.evidence import DATE_PARAMS, Verdict
from components.style import BADGE_HEX, VERDICT_HEX, provider_color, safe_text, to_timestamp

SCENARIO_KINDS = ("scenario", "prediction")
# A timeline bar's label: wrapped at this many characters, on at most two lines (its hover has the whole name).
LABEL_CHARS = 32
# The labels' margin is set from their length, not measured by plotly (axis automargin): that measurement draws
# the chart a second time on every update, half of a redraw. Plotly's 12 px Source Sans measured 5.0-5.1 px per
# character; a little over leaves room for capitals.
LABEL_PX_PER_CHAR = 5.6
LABEL_PAD_PX = 16


def claim_window(claim, pad_months: int = 3) -> tuple[pd.Timestamp, pd.Timestamp]:
    """Chart window: the claim period (and any dates its rule names), padded a little on both sides."""
    dates = [claim.period_start, claim.period_end]

    def collect(spec: dict) -> None:
        for k in DATE_PARAMS:
            date = to_timestamp(spec.get(k))
            if date is not None:
                dates.append(date)
        for c in spec.get("conditions", []) or []:
            collect(c)

    collect(claim.evidence)
    lo, hi = min(dates), max(dates)
    if claim.evidence.get("rule") == "lowest_since":
        lo = min(lo, pd.Timestamp(claim.evidence["at"]) - pd.DateOffset(months=int(claim.evidence.get("months", 24))))
    return (lo - pd.DateOffset(months=pad_months)).normalize(), (hi + pd.DateOffset(months=pad_months)).normalize()


def claim_event_ids(verdict: Verdict | None) -> set[str]:
    """Ids of the events a verdict's rule used (the numbers it cites)."""
    return {n["event_id"] for n in (verdict.all_numbers() if verdict else []) if n.get("event_id")}


def claim_chart_events(
    claim, verdict: Verdict | None, events: pd.DataFrame | None, *, drawn: bool = True, all_events: bool = False
) -> pd.DataFrame | None:
    """The events a claim card's chart marks: those its verdict cites, or with `all_events` (or when a chart
    without series has nothing cited) every event in the claim's window."""
    if events is None or events.empty:
        return events
    lo, hi = claim_window(claim)
    dates = pd.to_datetime(events["date"])
    in_window = events[(dates >= lo) & (dates <= hi)]
    cited = claim_event_ids(verdict)
    if not all_events and (cited or drawn):
        return in_window[in_window["id"].isin(cited)]
    return in_window


def build_claim_chart(
    claim,
    verdict: Verdict | None,
    series: dict[str, pd.Series | None],
    events: pd.DataFrame,
    labels: dict[str, str] | None = None,
    all_events: bool = False,
) -> go.Figure:
    """Lines for each series the claim's rule uses (gaps left as gaps), verdict numbers circled, events marked.

    Events: by default only those the verdict cites (its rule used them), so the markers do not cover the data
    the verdict reads; `all_events` adds every event in the window. With no series (event claims) the chart is
    a strip of the cited events (every event in the window when the verdict cites none).
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
        colour = provider_color(sid)  # a provider's line is the same colour here as on the trade page
        traces.append(
            dict(
                type="scatter",
                x=np.asarray(s.index.strftime("%Y-%m-%d")),
                y=s.to_numpy(dtype="float64"),
                mode="lines+markers",
                name=labels.get(sid, sid),
                connectgaps=False,
                **({"line": {"color": colour}, "marker": {"color": colour}} if colour else {}),
            )
        )
    drawn = bool(traces)
    y_span = y_extent(traces)  # the series only: the dotted event lines run beneath them
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
                    hovertext=[
                        safe_text(f"{n['label']}: {n['value']} ({n['source_title']})", markup="html") for n in nums
                    ],
                    hoverinfo="text",
                )
            )
    ev = claim_chart_events(claim, verdict, events, drawn=drawn, all_events=all_events)
    yaxis: dict = {}
    if not drawn:  # no series: the chart is a strip of events
        yaxis = dict(visible=False, range=[-1, 1])
    overlay = event_overlay(ev, span=(lo, hi), y_span=y_span)
    period = dict(
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
    layout = dict(
        height=300,
        meta={"claim": claim.id},  # which claim a drawn chart belongs to (cards are keyed by their place)
        margin=dict(l=40, r=10, t=58, b=30),
        shapes=[period],
        yaxis=yaxis,
        xaxis=dict(type="date", range=[lo.strftime("%Y-%m-%d"), hi.strftime("%Y-%m-%d")]),
        legend=dict(orientation="h", y=-0.2),
        # short enough for a phone's width, and below the band where plotly's toolbar appears on hover (the
        # event key under the chart says what the markers and numbers mean)
        title=dict(
            text="Claim period shaded; events along the top",
            font=dict(size=11),
            x=0,
            xanchor="left",
            xref="container",
            y=1,
            yanchor="top",
            yref="container",
            pad=dict(t=32, l=8),
        ),
    )
    return go.Figure(data=overlay.under + traces + overlay.over, layout=overlay.layout(layout, whole=not drawn))


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


_URL = re.compile(r"https?://[^\s<>]+")


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
        title = safe_text(row.source_title or "source")
        source = f"[{title}](<{url}>)" if _URL.fullmatch(url) else title
        flag = point_flags.describe(row.flag)  # each flag named in words
        cells = [safe_text(v) for v in (row.label, row.value, row.unit, row.date, row.provider, flag)] + [source]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def bar_labels(names: list[str]) -> tuple[list[str], int]:
    """Each name as a tick label (escaped, wrapped onto at most two lines, the second shortened with '…' when
    the name is longer; a repeated label numbered, so two bars never share a row) and the left margin in pixels
    that holds the longest line."""
    labels, seen, longest = [], set(), 0
    for name in names:
        lines = textwrap.wrap(name, LABEL_CHARS) or [""]
        if len(lines) > 2:
            rest = " ".join(lines[1:])
            second = textwrap.shorten(rest, LABEL_CHARS, placeholder=" …")
            lines = [lines[0], second if second.strip(" …") else rest[: LABEL_CHARS - 1] + "…"]  # one long word
        base = "<br>".join(safe_text(line, markup="html") for line in lines)
        label, number = base, 1
        while label in seen:
            number += 1
            label = f"{base} ({number})"
        seen.add(label)
        labels.append(label)
        suffix = len(f" ({number})") if number > 1 else 0
        longest = max(longest, *(len(line) for line in lines[:-1]), len(lines[-1]) + suffix)
    return labels, int(longest * LABEL_PX_PER_CHAR) + LABEL_PAD_PX


def build_hindsight_timeline(
    claims: list, events: pd.DataFrame, published: pd.Timestamp, today: pd.Timestamp | None = None
) -> go.Figure:
    """One horizontal bar per scenario/prediction (its test window, coloured by outcome) over the hindsight
    events, with the article's date marked. Plain dicts, validated once."""
    # one trace per outcome, its bars apart by gaps: fewer traces to draw on every filter change
    by_outcome: dict[str, dict] = {}
    names, margin = bar_labels([c.short or c.id for c in claims])
    for c, label in zip(claims, names):
        st = c.verdict.status if c.verdict else "no data"
        bar = by_outcome.setdefault(
            st,
            dict(
                type="scatter",
                x=[],
                y=[],
                hovertext=[],
                mode="lines+markers",
                line=dict(width=10, color=VERDICT_HEX.get(st, BADGE_HEX["gray"])),
                name=st,
                legendgroup=st,
                hoverinfo="text",
            ),
        )
        hover = safe_text(f"{c.short or c.id}: {st}", markup="html")
        bar["x"] += [c.period_start.strftime("%Y-%m-%d"), c.period_end.strftime("%Y-%m-%d"), None]
        bar["y"] += [label, label, None]
        bar["hovertext"] += [hover, hover, None]
    traces = list(by_outcome.values())
    shown = None
    if events is not None and not events.empty:
        shown = events[pd.to_datetime(events["date"]) >= published - pd.DateOffset(months=1)]
    days = [d for c in claims for d in (c.period_start, c.period_end)] + [published]
    days += list(pd.to_datetime(shown["date"])) if shown is not None else []
    overlay = event_overlay(shown, span=(min(days), max(days)))
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
    yaxis = dict(categoryorder="array", categoryarray=names[::-1], automargin=False)
    return go.Figure(
        data=traces + overlay.over,
        layout=overlay.layout(
            dict(
                height=140 + 36 * (len(names) + 1),  # a row holds a two-line label
                margin=dict(l=margin if names else 10, r=10, t=30, b=30),
                xaxis=dict(type="date"),
                yaxis=yaxis,
                legend=dict(orientation="h", y=-0.15),
                shapes=shapes,
                annotations=notes,
            ),
            whole=not names,
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


def build_robustness_strip(rows: list[dict], dims: list, words: str = "") -> go.Figure:
    """The verdict over a grid of settings: one square per setting, coloured by verdict, the published default
    ringed. `rows` and `dims` as components.evidence.robustness returns them (dims: the grid's controls)."""
    if not rows or not dims:
        return go.Figure(layout={"height": 60, "margin": {"l": 0, "r": 0, "t": 0, "b": 0}})

    def shown(dim, value) -> str:
        if isinstance(value, (tuple, list)):
            return "/".join(value) if value else "none"
        return f"{value:g}" if isinstance(value, float) else str(value)

    first, second = dims[0], (dims[1] if len(dims) > 1 else None)
    x = [shown(first, r["settings"][first.key]) for r in rows]
    y = [shown(second, r["settings"][second.key]) if second else "" for r in rows]
    hover = [
        safe_text(
            "; ".join(f"{d.label}: {shown(d, r['settings'][d.key])}" for d in dims)
            + f" → {r['status']}"
            + (" (published default)" if r["default"] else ""),
            markup="html",
        )
        for r in rows
    ]
    colours = [VERDICT_HEX.get(r["status"], BADGE_HEX["gray"]) for r in rows]
    figure = go.Figure(
        go.Scatter(
            x=x,
            y=y,
            mode="markers",
            marker={
                "symbol": "square",
                "size": 22,
                "color": colours,
                "line": {"width": [4 if r["default"] else 0 for r in rows], "color": "#000000"},
            },
            hovertext=hover,
            hoverinfo="text",
            showlegend=False,
        )
    )
    figure.update_layout(
        height=90 + 26 * len(set(y)),
        margin={"l": 10, "r": 10, "t": 10, "b": 40},
        xaxis={"title": {"text": safe_text(first.label, markup="html")}, "type": "category"},
        yaxis={"title": {"text": safe_text(second.label, markup="html") if second else ""}, "type": "category"},
        plot_bgcolor="#ffffff",
    )
    return figure
