"""'Study this event' links: the Event study page's URL preset to an event and its series. Pure (no streamlit).

Claim cards and the event menus of the market pages call these, so a link always names series the page
offers (an id it does not offer would only give the reader a notice) and writes parameters the way
components/routes.py reads them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd

from components import params
from components.evidence.context import as_list

STUDY_TOPICS = ("oil price", "fx", "urals", "india imports", "china imports")
MAX_LINKED_EVENTS = 5


def study_series(catalog: pd.DataFrame) -> list[str]:
    """Ids the Event study offers: snapshot daily and monthly series of the market and trade topics, daily first."""
    usable = catalog[
        (catalog["status"] == "ok")
        & (catalog["origin"] == "snapshot")
        & catalog["frequency"].isin(["daily", "monthly"])
        & catalog["topic"].isin(STUDY_TOPICS)
    ]
    return list(usable.sort_values(["frequency", "topic", "id"])["id"])


def study_query(
    event_ids: Iterable[str], series_ids: Iterable[str] = (), *, offered: Sequence[str] | None = None, window=None
) -> dict[str, str]:
    """Query parameters of the Event study for these events (and series the page offers; none: its default)."""
    events = list(dict.fromkeys(str(e) for e in event_ids if e))[:MAX_LINKED_EVENTS]
    series = [s for s in dict.fromkeys(series_ids) if offered is None or s in offered]
    query = {"es_events": params.format_multi(events)}
    if series:
        query["es_series"] = params.format_multi(series)
    if window is not None:
        first, last = (int(v) for v in as_list(window))
        query["es_w1"] = params.format_int_range((first, last))
    return query


def claim_study_query(claim: Any, offered: Sequence[str]) -> dict[str, str] | None:
    """The Event study preset for a claim: a market_reaction claim's own event, series and window; otherwise the
    events its verdict cites, with the claim's series the page offers. None when the claim cites no event."""
    spec = getattr(claim, "evidence", None) or {}
    if spec.get("rule") == "market_reaction":
        return study_query([spec.get("event")], as_list(spec.get("series")), offered=offered, window=spec.get("window"))
    verdict = getattr(claim, "verdict", None)
    numbers = [] if verdict is None else verdict.numbers + [n for part in verdict.parts for n in part.numbers]
    events = [n["event_id"] for n in numbers if n.get("event_id")]
    if not events:
        return None
    return study_query(events, getattr(claim, "series", None) or [], offered=offered)
