"""The home page's bottom line, computed from the verdicts: a scorecard of verdicts by kind of claim with their
evidence strength, and two or three sentences on what the data support and what they do not (pure)."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
import plotly.graph_objects as go

from components.style import UNKNOWN_HEX, VERDICT_HEX, human

FOR = ("supported", "happened")
AGAINST = ("contradicted", "did not happen")
BETWEEN = ("mixed", "partly")
OPEN = ("pending", "too early", "no data", "not testable")
STATUS_ORDER = FOR + BETWEEN + AGAINST + OPEN


def _strength(claim) -> str:
    return getattr(getattr(claim.verdict, "strength", None), "level", "") or ""


def scorecard(claims: Iterable) -> pd.DataFrame:
    """One row per (kind of claim, verdict): how many claims, and how many of them rest on thin evidence."""
    rows = [(human(c.kind), c.verdict.status, _strength(c) == "thin") for c in claims]
    frame = pd.DataFrame(rows, columns=["kind", "verdict", "thin"])
    if frame.empty:
        return pd.DataFrame(columns=["kind", "verdict", "claims", "thin"])
    table = frame.groupby(["kind", "verdict"], sort=False).agg(claims=("thin", "size"), thin=("thin", "sum"))
    table = table.reset_index()
    table["order"] = table["verdict"].map({s: i for i, s in enumerate(STATUS_ORDER)}).fillna(len(STATUS_ORDER))
    return table.sort_values(["kind", "order"]).drop(columns="order").reset_index(drop=True)


def _count(values: Iterable[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return counts


def _names(claims: list, limit: int = 2) -> str:
    names = [c.short or human(c.id) for c in claims[:limit]]
    more = len(claims) - limit
    text = ", ".join(names[:-1]) + (" and " if len(names) > 1 else "") + names[-1] if names else ""
    return text + (f" and {more} more" if more > 0 else "")


def bottom_line(claims: Iterable) -> list[str]:
    """Two or three sentences: how the testable claims fared, which the data support (strongest evidence first)
    and which they contradict, and what cannot be tested yet."""
    claims = list(claims)
    tested = [c for c in claims if c.verdict.status not in OPEN]
    support = sorted((c for c in tested if c.verdict.status in FOR), key=lambda c: _strength(c) == "thin")
    against = [c for c in tested if c.verdict.status in AGAINST]
    between = [c for c in tested if c.verdict.status in BETWEEN]
    untested = [c for c in claims if c.verdict.status in OPEN]
    if not tested:
        return [f"None of the {len(claims)} claims can be tested against the data yet."]
    other = [c for c in tested if c not in support + against + between]
    other_words = ", ".join(f"{n} {s}" for s, n in _count(c.verdict.status for c in other).items())
    sentences = [
        f"Of {len(claims)} claims, {len(tested)} can be tested: the data support {len(support)}, contradict "
        f"{len(against)} and give a mixed picture for {len(between)}" + (f"; {other_words}." if other else ".")
    ]
    if support or against:
        parts = []
        if support:
            parts.append(f"They bear out {_names(support)}")
        if against:
            parts.append(f"they do not bear out {_names(against)}")
        thin = sum(_strength(c) == "thin" for c in support + against)
        sentences.append(
            "; ".join(parts)[:1].upper()
            + "; ".join(parts)[1:]
            + (f" ({thin} of these verdicts rest on thin evidence)." if thin else ".")
        )
    if untested:
        sentences.append(
            f"{len(untested)} cannot be settled by data (interpretations, or outcomes still open or unmeasured)."
        )
    return sentences


def build_scorecard(table: pd.DataFrame) -> go.Figure:
    """Verdicts by kind of claim as stacked horizontal bars, one colour per verdict (the verdict palette)."""
    traces = []
    kinds = list(dict.fromkeys(table["kind"]))
    for status in [s for s in STATUS_ORDER if s in set(table["verdict"])] + sorted(
        set(table["verdict"]) - set(STATUS_ORDER)
    ):
        rows = table[table["verdict"] == status].set_index("kind")
        counts = [int(rows.loc[k, "claims"]) if k in rows.index else 0 for k in kinds]
        thin = [int(rows.loc[k, "thin"]) if k in rows.index else 0 for k in kinds]
        traces.append(
            dict(
                type="bar",
                orientation="h",
                y=kinds,
                x=counts,
                name=status,
                marker=dict(color=VERDICT_HEX.get(status, UNKNOWN_HEX)),
                customdata=thin,
                hovertemplate=f"%{{y}}: %{{x}} {status}<br>%{{customdata}} on thin evidence<extra></extra>",
            )
        )
    return go.Figure(
        data=traces,
        layout=dict(
            barmode="stack",
            height=70 + 34 * max(1, len(kinds)),
            margin=dict(l=10, r=10, t=10, b=10),
            xaxis=dict(title="claims", dtick=1),
            yaxis=dict(autorange="reversed"),
            legend=dict(orientation="h", y=-0.35),
        ),
    )
