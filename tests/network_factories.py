"""Fixture factories for the actor network (issue 5).

Shaped like docs/CONTRACT.md so the graph model can be built and tested without the real
case files (components/case.py is written in parallel). Keep these small and explicit: each
test can read the whole fixture at a glance.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

ACTOR_COLUMNS = ["id", "label", "kind", "country", "role", "aliases"]
RELATION_COLUMNS = ["source", "target", "type", "directed", "weight", "start", "end", "claims", "series", "note"]


@dataclass
class FakeVerdict:
    status: str
    rule: str = "fixture"
    rule_text: str = ""
    numbers: list = field(default_factory=list)
    detail: str = ""


@dataclass
class FakeClaim:
    id: str
    verdict: FakeVerdict
    paraphrase: str = ""
    kind: str = "event"
    actors: list = field(default_factory=list)


@dataclass
class FakeCase:
    actors: pd.DataFrame
    relations: pd.DataFrame
    claims: list
    meta: dict = field(default_factory=lambda: {"id": "fixture", "title": "Fixture case"})
    events: pd.DataFrame = field(default_factory=pd.DataFrame)


def make_actors(rows: list[tuple] | None = None) -> pd.DataFrame:
    """Actors table; aliases stay a ';'-joined string as in actors.csv."""
    rows = (
        rows
        if rows is not None
        else [
            ("us", "United States", "state", "US", "sanctioning state", "USA;U.S.;America"),
            ("trump", "Donald Trump", "person", "US", "US president", "Trump"),
            ("russia", "Russia", "state", "RU", "sanctioned state", "Russian Federation;Moscow"),
            ("putin", "Vladimir Putin", "person", "RU", "Russian president", "Putin"),
            ("india", "India", "state", "IN", "oil buyer", "New Delhi"),
            ("china", "China", "state", "CN", "oil buyer", "Beijing;PRC"),
            ("eu", "European Union", "bloc", "", "sanctioning bloc", "EU;Brussels"),
            ("opec", "OPEC+", "organisation", "", "producer group", "OPEC"),
            ("rosneft", "Rosneft", "company", "RU", "oil producer", ""),
            ("reliance", "Reliance Industries", "company", "IN", "refiner", "Reliance"),
            ("ukraine", "Ukraine", "state", "UA", "belligerent", "Kyiv"),
        ]
    )
    return pd.DataFrame(rows, columns=ACTOR_COLUMNS)


def _ts(value):
    return pd.NaT if value is None else pd.Timestamp(value)


def make_relations(rows: list[tuple] | None = None) -> pd.DataFrame:
    """Relations table as load_case returns it: Timestamps/NaT, lists for claims/series."""
    rows = (
        rows
        if rows is not None
        else [
            (
                "trump",
                "russia",
                "threatens",
                True,
                3.0,
                "2025-03-30",
                None,
                "c1;c2",
                "brent_spot_eia",
                "secondary sanctions threat",
            ),
            ("us", "india", "threatens", True, 2.0, "2025-03-30", None, "c2", "india_imports_russia_kpler", ""),
            ("us", "china", "threatens", True, 2.0, "2025-03-30", None, "c2", "china_imports_russia_gacc", ""),
            (
                "india",
                "russia",
                "buys_oil_from",
                True,
                4.0,
                "2022-04-01",
                None,
                "c3",
                "india_imports_russia_kpler;india_russia_share_kpler",
                "",
            ),
            ("china", "russia", "buys_oil_from", True, 4.0, "2014-01-01", None, "c4", "china_imports_russia_gacc", ""),
            ("eu", "russia", "sanctions", True, 3.0, "2022-02-24", None, "c5", "urals_discount_reuters", ""),
            ("russia", "ukraine", "at_war_with", True, 5.0, "2022-02-24", None, "", "", ""),
            ("trump", "putin", "negotiates_with", False, 2.0, "2025-02-12", "2025-08-15", "c6", "", "calls"),
            ("rosneft", "reliance", "supplies", True, 2.0, "2024-12-01", "2025-12-31", "c3", "", "term deal"),
            ("russia", "opec", "member_of", True, 1.0, "2016-12-10", None, "", "", ""),
            ("putin", "russia", "leads", True, 1.0, "2000-05-07", None, "", "", ""),
            ("trump", "us", "leads", True, 1.0, "2025-01-20", None, "", "", ""),
            ("us", "ukraine", "aids", True, 2.0, "2022-02-24", "2025-03-03", "c7", "", "paused"),
        ]
    )
    records = []
    for s, t, typ, d, w, start, end, claims, series, note in rows:
        records.append(
            {
                "source": s,
                "target": t,
                "type": typ,
                "directed": d,
                "weight": w,
                "start": _ts(start),
                "end": _ts(end),
                "claims": [c for c in claims.split(";") if c],
                "series": [x for x in series.split(";") if x],
                "note": note,
            }
        )
    return pd.DataFrame(records, columns=RELATION_COLUMNS)


def make_claims(statuses: dict[str, str] | None = None) -> list[FakeClaim]:
    statuses = statuses or {
        "c1": "happened",
        "c2": "partly",
        "c3": "supported",
        "c4": "supported",
        "c5": "mixed",
        "c6": "happened",
        "c7": "contradicted",
    }
    return [FakeClaim(id=k, verdict=FakeVerdict(v), paraphrase=f"Claim {k}") for k, v in statuses.items()]


def make_case() -> FakeCase:
    return FakeCase(actors=make_actors(), relations=make_relations(), claims=make_claims())


def make_hostile_case() -> FakeCase:
    """Labels, notes and ids carrying markup: everything must come out escaped."""
    actors = make_actors(
        [
            ("evil", "<script>alert('x')</script>", "person", "", "<b>role</b>", "<img src=x onerror=alert(1)>"),
            ("amp", 'Tom & Jerry "Ltd"', "company", "", "", ""),
            ("us", "United States", "state", "US", "", ""),
        ]
    )
    relations = make_relations(
        [
            ("evil", "us", "threatens", True, 1.0, "2025-01-01", None, "<c1>", "<s1>", "<i>note</i>"),
            ("amp", "us", "supplies", True, 1.0, None, None, "", "", "a & b"),
        ]
    )
    claims = [FakeClaim(id="<c1>", verdict=FakeVerdict("supported"))]
    return FakeCase(actors=actors, relations=relations, claims=claims)


def make_random_graph_frames(n_nodes: int = 1000, n_edges: int = 5000, seed: int = 7):
    """A seeded synthetic case of arbitrary size (benchmarks, property tests)."""
    rng = np.random.default_rng(seed)
    kinds = np.array(["state", "person", "bloc", "organisation", "company"])
    types = np.array(["threatens", "sanctions", "buys_oil_from", "supplies", "aids", "negotiates_with"])
    actors = pd.DataFrame(
        {
            "id": [f"a{i}" for i in range(n_nodes)],
            "label": [f"Actor {i}" for i in range(n_nodes)],
            "kind": rng.choice(kinds, n_nodes),
            "country": "",
            "role": "",
            "aliases": "",
        }
    )
    src = rng.integers(0, n_nodes, n_edges)
    dst = (src + rng.integers(1, n_nodes, n_edges)) % n_nodes  # never a self-loop
    starts = pd.Timestamp("2015-01-01") + pd.to_timedelta(rng.integers(0, 3650, n_edges), unit="D")
    relations = pd.DataFrame(
        {
            "source": [f"a{i}" for i in src],
            "target": [f"a{i}" for i in dst],
            "type": rng.choice(types, n_edges),
            "directed": rng.random(n_edges) < 0.8,
            "weight": rng.integers(1, 6, n_edges).astype(float),
            "start": starts,
            "end": pd.NaT,
            "claims": [[f"c{i % 50}"] for i in range(n_edges)],
            "series": [[] for _ in range(n_edges)],
            "note": "",
        }
    )
    claims = [FakeClaim(id=f"c{i}", verdict=FakeVerdict("supported" if i % 2 else "pending")) for i in range(50)]
    return FakeCase(actors=actors, relations=relations, claims=claims)
