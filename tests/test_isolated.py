"""The worker process that runs a paste's scan and network: same answers as in-process, and a hard bound on time
and memory that leaves the next job working."""

from __future__ import annotations

import time

import pandas as pd
import pytest

from components import budget, claimscan, isolated

TEXT = (
    "India's imports of Russian crude fell to 1.1 million barrels per day in December 2025, Kpler said. "
    "The United States sanctioned Rosneft and Lukoil in October 2025."
)


def _args(text: str = TEXT):
    """A pasted text with the case frames a scan needs (one known actor, no events, an empty catalog)."""
    actors = pd.DataFrame(
        [{"id": "india", "label": "India", "kind": "state", "country": "IN", "role": "", "aliases": ["Indian"]}]
    )
    events = pd.DataFrame(columns=["id", "date", "title", "category", "actors"])
    return (text, actors, events, pd.DataFrame(columns=["id", "name", "unit", "provider", "frequency"]), None)


def test_scan_in_the_worker_matches_the_scan_in_process():
    text, actors, events, catalog, _ = _args()
    published = pd.Timestamp("2026-01-05")
    here = claimscan.scan_article(text, case_actors=actors, case_events=events, catalog=catalog, published=published)
    there = isolated.run(_scan_job, text, actors, events, catalog, published, seconds=30)
    assert [c.sentence for c in there.candidates] == [c.sentence for c in here.candidates]
    assert list(there.actors["id"]) == list(here.actors["id"])


def _scan_job(text, actors, events, catalog, published):
    return claimscan.scan_article(text, case_actors=actors, case_events=events, catalog=catalog, published=published)


def test_a_job_past_its_time_is_killed_and_the_next_one_works():
    isolated.run(int, "1", seconds=30)  # a started worker, so that start-up is not what is timed
    started = time.monotonic()
    with pytest.raises(budget.BudgetExceeded, match="after 0.5 s"):
        isolated.run(time.sleep, 30, seconds=0.5, what="sleeping")
    assert time.monotonic() - started < 5
    assert isolated.run(int, "7", seconds=30) == 7


def test_a_job_over_the_memory_limit_is_told_and_the_next_one_works():
    with pytest.raises(isolated.WorkerFailed, match="more memory than the 2,048 MB"):
        isolated.run(bytearray, isolated.MEMORY_LIMIT_BYTES + 1024**3, seconds=30, what="allocating")
    assert isolated.run(int, "8", seconds=30) == 8


def test_a_stopped_page_stops_its_job():
    isolated.run(int, "1", seconds=30)
    calls = []

    def stop() -> bool:
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(budget.BudgetExceeded, match="page was closed"):
        isolated.run(time.sleep, 30, seconds=30, what="sleeping", should_stop=stop)


def test_a_job_that_raises_is_told_in_words():
    with pytest.raises(isolated.WorkerFailed, match="ValueError"):
        isolated.run(int, "not a number", seconds=30, what="reading a number")


def test_the_article_tab_starts_parsers_and_worker_after_the_page_not_with_it(monkeypatch):
    """Started with the page, they took the cores and the interpreter lock the page being opened needs."""
    from components.ui import article

    started = []
    monkeypatch.setattr(article.quantities, "warm_up", lambda: started.append("parsers"))
    monkeypatch.setattr(article.periods, "warm_up", lambda: started.append("periods"))
    monkeypatch.setattr(article.isolated, "warm_up", lambda: started.append("worker"))
    monkeypatch.setattr(article, "WARM_UP_DELAY", 0.3)
    article._warm_up_later.clear()
    try:
        timer = article._warm_up_later()
        assert started == []  # not while the page is drawn
        timer.join(10)
        assert started == ["parsers", "periods", "worker"]
        assert article._warm_up_later() is timer  # once per server
    finally:
        article._warm_up_later.clear()
