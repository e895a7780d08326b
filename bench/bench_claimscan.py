"""Benchmark the article scanner (pure functions, no Streamlit): libraries' first load, a 20 KB article
(scan + parse + match + verdicts, warm), pastes of 1,000 and 10,000 comma-separated names, and a paste at
the byte limit. Time and extra memory (tracemalloc peak) per input; targets: 20 KB article < 500 ms warm,
any paste up to the limit < 2 s and < 100 MB extra.

    CLAIMLENS_OFFLINE=1 python bench/bench_claimscan.py
"""

from __future__ import annotations

import re
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a file: the project's packages

import pandas as pd

from components import case as case_files
from components import data, evidence
from components.claimscan import MAX_BYTES, periods, quantities, scan_article
from components.claimscan.scan import memoised

PARAGRAPHS = [
    "NEW DELHI, Nov 25 (Reuters) - India's imports of Russian crude fell to about 1.27 million barrels per day in "
    "December 2025, the lowest in three years, Kpler data showed, after Washington sanctioned Rosneft and Lukoil.",
    "Refiners such as Reliance Industries and Indian Oil Corp bought more than 2 million barrels a day of oil from "
    "Iraq and Saudi Arabia in January, while Prime Minister Narendra Modi met President Donald Trump.",
    "Brent averaged $64 a barrel in November 2025 and the Urals discount widened to $20 a barrel, traders said.",
    "China imported 8.85 million tonnes of Russian crude in March 2025, customs data showed, up 5% from February.",
    "Russia's share of India's crude imports slipped to 21 per cent in January 2026, according to Kpler.",
    "Analysts expect the flows to recover slowly as sanctions bite and the US tariff on Indian goods is removed.",
]


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]


def article(target_bytes: int) -> str:
    """Paragraphs in the style of a trade report; each repeat changes its figures and months, so no two
    candidate claims share a rule and its parameters (no verdict is reused)."""
    out, i = [], 0
    while len("\n\n".join(out).encode()) < target_bytes:
        text = PARAGRAPHS[i % len(PARAGRAPHS)]
        k = i // len(PARAGRAPHS)
        text = re.sub(r"\d+\.\d+|\$\d+|\b\d+ per cent|\b\d+%", lambda m, k=k: _shift(m.group(0), k), text)
        for month in ("December", "January", "November", "March", "February"):
            text = text.replace(month, MONTHS[(MONTHS.index(month) if month in MONTHS else 9) - k % 10])
        out.append(text)
        i += 1
    return "\n\n".join(out)[:target_bytes]


def _shift(figure: str, k: int) -> str:
    number = re.search(r"\d+(?:\.\d+)?", figure).group(0)
    moved = f"{float(number) * (1 + 0.03 * k):.2f}" if "." in number else str(int(number) + k)
    return figure.replace(number, moved, 1)


def names(n: int) -> str:
    return ", ".join(f"Name{i:05d} Holdings" for i in range(n)) + "."


def rss_peak_mb() -> float:
    """The process's peak resident memory so far (Linux ru_maxrss is in KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(label: str, fn, runs: int = 3) -> tuple[float, float]:
    rss_before = rss_peak_mb()
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    median = statistics.median(times)
    rss = rss_peak_mb() - rss_before
    print(
        f"  {label:<44} median {median * 1000:6.0f} ms   max {max(times) * 1000:6.0f} ms   "
        f"Python peak +{peak / 1e6:5.1f} MB   RSS peak +{rss:5.1f} MB"
    )
    return median, max(peak / 1e6, rss)


def main() -> None:
    t = time.perf_counter()
    quantities.warm_up()
    q_s = time.perf_counter() - t
    t = time.perf_counter()
    periods.warm_up()
    p_s = time.perf_counter() - t
    print(f"first load (once per process): quantulum3 {q_s:.2f} s, dateparser {p_s:.2f} s")

    case = case_files.load_case(verdicts=False)
    catalog = data.catalog()

    # the page keeps one memoised context per case (st.cache_resource), so does the bench
    shared = memoised(
        evidence.Context(
            get_series=data.load_series,
            get_points=data.load_points,
            get_meta=data.series_meta,
            events=case.events,
            today=pd.Timestamp("2026-11-25"),
        )
    )

    def context() -> evidence.Context:
        return shared

    def run(text: str):
        return lambda: scan_article(
            text,
            case_actors=case.actors,
            case_events=case.events,
            catalog=catalog,
            context=context(),
            published=pd.Timestamp("2026-02-01"),
        )

    twenty = article(20 * 1024)
    result = run(twenty)()
    checked = sum(c.verdict is not None for c in result.candidates)
    print(f"20 KB article: {len(result.sentences)} sentences, {len(result.candidates)} candidates, {checked} verdicts")
    rows = [
        ("20 KB article, warm (target < 500 ms)", run(twenty)),
        ("1,000 comma-separated names (6 KB)", run(names(1_000))),
        ("10,000 comma-separated names (~170 KB)", run(names(10_000)[:MAX_BYTES])),
        (f"article at the limit ({MAX_BYTES:,} bytes)", run(article(MAX_BYTES))),
    ]
    print("warm runs (median of 3; memory: tracemalloc peak of one more run, and the rise of the process's peak RSS):")
    results = {label: measure(label, fn) for label, fn in rows}
    ok_20 = results[rows[0][0]][0] < 0.5
    ok_all = all(s < 2.0 and mb < 100 for s, mb in results.values())
    print(f"20 KB < 500 ms: {'ok' if ok_20 else 'OVER'};  every paste < 2 s and < 100 MB: {'ok' if ok_all else 'OVER'}")


if __name__ == "__main__":
    main()
