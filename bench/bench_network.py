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
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a file: the project's packages

from bench.synthetic import random_network_case
from components import network
from components.case import DEFAULT_CASE, load_case


def _time(fn, runs: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(runs):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), out


def bench(name: str, case, runs: int, measures=("degree", "pagerank", "betweenness", "eigenvector")) -> list[tuple]:
    rows = []
    build_s, graph = _time(partial(network.graph_from_case, case), runs)
    statuses = network.claim_statuses(case.claims)
    view_graph, _ = network.filter_graph(graph, network.View(), statuses)
    layout_s, _ = _time(partial(network.layout, view_graph, 42), runs)
    for measure in measures:
        view = network.View(centrality=measure)
        cent_s, (cent, _) = _time(partial(network.centrality, view_graph, measure), runs)
        html_s, doc = _time(partial(network.to_html, view_graph, view, statuses, cent), runs)
        total_s, _ = _time(partial(network.render, graph, view, statuses), runs)
        rows.append(
            (
                name,
                view_graph.number_of_nodes(),
                view_graph.number_of_edges(),
                measure,
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
    rows = bench("case", load_case(DEFAULT_CASE), args.runs)
    rows += bench("synthetic", random_network_case(1000, 5000, seed=7), args.big_runs)
    head = ("graph", "nodes", "edges", "centrality", "build s", "centr. s", "layout s", "html s", "render s", "MB")
    print(
        f"median of {args.runs} runs (case) / {args.big_runs} runs (synthetic); render = filter+centrality+layout+html"
    )
    print(" | ".join(f"{h:>10}" for h in head))
    for r in rows:
        print(" | ".join(f"{v:>10}" if isinstance(v, (str, int)) else f"{v:>10.3f}" for v in r))


if __name__ == "__main__":
    main()
