"""A seeded synthetic case of any size for the actor network: what a much bigger case would cost to draw.

Used by bench/bench_network.py and by tests/test_network.py (a big graph still renders offline). Built with
the real components.case types, so the network code sees exactly what load_case would give it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from components.case import Case, Claim
from components.evidence import Verdict

KINDS = ["state", "person", "bloc", "organisation", "company"]
TYPES = ["threatens", "sanctions", "buys_oil_from", "supplies", "aids", "negotiates_with"]
N_CLAIMS = 50


def random_network_case(n_nodes: int = 1000, n_edges: int = 5000, seed: int = 7) -> Case:
    """n_nodes actors, n_edges relations (never a self-loop), 50 claims half supported, half pending."""
    rng = np.random.default_rng(seed)
    actors = pd.DataFrame(
        {
            "id": [f"a{i}" for i in range(n_nodes)],
            "label": [f"Actor {i}" for i in range(n_nodes)],
            "kind": rng.choice(np.array(KINDS), n_nodes),
            "country": "",
            "role": "",
            "aliases": "",
        }
    )
    src = rng.integers(0, n_nodes, n_edges)
    dst = (src + rng.integers(1, n_nodes, n_edges)) % n_nodes
    starts = pd.Timestamp("2015-01-01") + pd.to_timedelta(rng.integers(0, 3650, n_edges), unit="D")
    relations = pd.DataFrame(
        {
            "source": [f"a{i}" for i in src],
            "target": [f"a{i}" for i in dst],
            "type": rng.choice(np.array(TYPES), n_edges),
            "directed": rng.random(n_edges) < 0.8,
            "weight": rng.integers(1, 6, n_edges).astype(float),
            "start": starts,
            "end": pd.NaT,
            "claims": [[f"c{i % N_CLAIMS}"] for i in range(n_edges)],
            "series": [[] for _ in range(n_edges)],
            "note": "",
        }
    )
    claims = [
        Claim(
            id=f"c{i}",
            paraphrase=f"Synthetic claim {i}",
            kind="event",
            actors=[],
            period_start=pd.Timestamp("2025-01-01"),
            period_end=pd.Timestamp("2025-12-31"),
            paragraph=1,
            evidence={"rule": "interpretive"},
            verdict=Verdict("supported" if i % 2 else "pending", "synthetic", ""),
        )
        for i in range(N_CLAIMS)
    ]
    meta = {"id": "synthetic", "title": f"Synthetic case ({n_nodes} actors, {n_edges} relations)"}
    return Case(
        id="synthetic",
        meta=meta,
        claims=claims,
        events=pd.DataFrame(),
        actors=actors,
        relations=relations,
        facts=pd.DataFrame(),
    )
