"""Benchmark: time to build the network HTML (filter + centrality + layout + pyvis) for the case graph
and for a seeded synthetic 1,000-node / 5,000-edge graph. Prints median of N runs per stage.

Usage: python bench/bench_network.py [--runs 5]
Why: the page re-renders on every filter change (cached per view); this shows what a cache miss costs
and which stage dominates when a bigger case arrives.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import network_factories as F  # noqa: E402

from components import network as N  # noqa: E402


def _time(fn, runs: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(runs):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), out


def bench(name: str, case, runs: int, measures=("degree", "pagerank", "betweenness", "eigenvector")) -> list[tuple]:
    rows = []
    build_s, G = _time(lambda: N.graph_from_case(case), runs)
    statuses = N.claim_statuses(case.claims)
    H, _ = N.filter_graph(G, N.View(), statuses)
    layout_s, _ = _time(lambda: N.layout(H, 42), runs)
    for m in measures:
        cent_s, (cent, _) = _time(lambda m=m: N.centrality(H, m), runs)
        html_s, doc = _time(lambda m=m, cent=cent: N.to_html(H, N.View(centrality=m), statuses, cent), runs)
        total_s, _ = _time(lambda m=m: N.render(G, N.View(centrality=m), statuses), runs)
        rows.append(
            (
                name,
                H.number_of_nodes(),
                H.number_of_edges(),
                m,
                build_s,
                cent_s,
                layout_s,
                html_s,
                total_s,
                len(doc) / 1e6,
            )
        )
    return rows


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--big-runs", type=int, default=3)
    args = ap.parse_args()
    rows = []
    try:
        from components.case import DEFAULT_CASE, load_case

        case, label = load_case(DEFAULT_CASE), "case"
    except Exception as exc:  # noqa: BLE001
        print(f"(real case not loadable: {exc!s:.80}; using fixture case)")
        case, label = F.make_case(), "fixture"
    rows += bench(label, case, args.runs)
    rows += bench("synthetic", F.make_random_graph_frames(1000, 5000, seed=7), args.big_runs)
    head = ("graph", "nodes", "edges", "centrality", "build s", "centr. s", "layout s", "html s", "render s", "MB")
    print(
        f"median of {args.runs} runs (case) / {args.big_runs} runs (synthetic); render = filter+centrality+layout+html"
    )
    print(" | ".join(f"{h:>10}" for h in head))
    for r in rows:
        print(" | ".join(f"{v:>10}" if isinstance(v, (str, int)) else f"{v:>10.3f}" for v in r))


if __name__ == "__main__":
    main()
