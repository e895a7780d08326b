"""The stale mark: one caption beside every chart and table that uses a series older than its usual cadence,
and the count the as-of note gives. The words come from components.data.staleness (one sentence per series),
so a chart, a table, a claim card and the banner never word it differently."""

from __future__ import annotations

import streamlit as st

from components import data, style
from components.data import staleness
from components.ui.cache import FILE_TTL, catalog

MAX_NAMED = 6  # a mark under a page-wide chart could list dozens of series: past this it counts the rest


@st.cache_data(show_spinner=False, max_entries=8, ttl=FILE_TTL)
def _stale_sentences(vintage: str, day: str) -> dict[str, tuple[str, bool]]:
    """{series id: (sentence, stale)} for every snapshot series that is stale or ended, once per vintage and
    day (a series goes stale overnight without a new vintage)."""
    cat = catalog()
    out = {}
    for sid in cat.loc[(cat["origin"] == "snapshot") & (cat["status"] == "ok"), "id"]:
        record = data.series_meta(sid)  # the whole record: `ended` and `cadence_days` are not catalog columns
        judged = staleness.staleness(record, record.get("last"), day)
        if judged["text"]:
            out[record["id"]] = (staleness.stale_sentence(record, record.get("last"), day), judged["stale"])
    return out


def _sentences() -> dict[str, tuple[str, bool]]:
    return _stale_sentences(data.vintage_key(), str(staleness.judging_day().date()))


def stale_sentences() -> dict[str, tuple[str, bool]]:
    """{series id: (sentence, stale)} for every stale or ended snapshot series (the as-of note's details)."""
    return _sentences()


def stale_notes(series_ids) -> list[str]:
    """'<series name> is stale: last figure <date>, usually updated <cadence>' for each of these series that
    is stale (or '... has ended: ...'), in the order given, each once."""
    known = _sentences()
    return [known[sid][0] for sid in dict.fromkeys(series_ids or ()) if sid in known]


def stale_mark_text(series_ids) -> str:
    """The caption show_stale draws ('' when every series is current): the series named up to MAX_NAMED."""
    notes = stale_notes(series_ids)
    if not notes:
        return ""
    named = "; ".join(notes[:MAX_NAMED])
    more = len(notes) - MAX_NAMED
    return named + (f"; and {more} more series with old figures" if more > 0 else "") + "."


def show_stale(series_ids) -> None:
    """The stale mark under a chart or table: one caption naming each series it uses that is older than its
    usual cadence, with its last figure's date. Nothing when they are all current."""
    text = stale_mark_text(series_ids)
    if text:
        st.caption(":material/schedule: " + style.safe_text(text))


def stale_count() -> tuple[int, int]:
    """(stale series, snapshot series) for the as-of note; ended series are not counted as stale."""
    cat = catalog()
    total = int(((cat["origin"] == "snapshot") & (cat["status"] == "ok")).sum())
    return sum(1 for _, stale in _sentences().values() if stale), total


def stale_count_text() -> str:
    """'7 of 57 series are stale (marked where they are used)', or '' when none is: for the as-of note."""
    stale, total = stale_count()
    if not stale:
        return ""
    verb = "is" if stale == 1 else "are"
    return f"{stale} of {total} series {verb} stale (marked where they are used)"


def claims_series(claims) -> list[str]:
    """Every series the given claims' verdicts rest on, each once, in claim order."""
    return list(dict.fromkeys(sid for claim in claims for sid in (claim.series or ())))
