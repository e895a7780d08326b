"""Actor-network fixtures: actor and relation tables shaped as load_case returns them, and small stand-ins for a
case (only the attributes the network code reads). Small and explicit, so a test can read the whole fixture at
a glance; a big seeded case for scale tests is bench/synthetic.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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


def network_actors(rows: list[tuple] | None = None) -> pd.DataFrame:
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


def network_relations(rows: list[tuple] | None = None) -> pd.DataFrame:
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
    for source, target, kind, directed, weight, start, end, claims, series, note in rows:
        records.append(
            {
                "source": source,
                "target": target,
                "type": kind,
                "directed": directed,
                "weight": weight,
                "start": _ts(start),
                "end": _ts(end),
                "claims": [c for c in claims.split(";") if c],
                "series": [x for x in series.split(";") if x],
                "note": note,
            }
        )
    return pd.DataFrame(records, columns=RELATION_COLUMNS)


def network_claims(statuses: dict[str, str] | None = None) -> list[FakeClaim]:
    """One claim per id with the given verdict status (default: c1..c7 across the scale)."""
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


def network_case(**overrides) -> FakeCase:
    """The fixture case: 11 actors, 13 relations, 7 claims; override actors, relations, claims, meta or events."""
    parts = {"actors": network_actors(), "relations": network_relations(), "claims": network_claims()}
    return FakeCase(**(parts | overrides))


def hostile_network_case() -> FakeCase:
    """Labels, notes and ids carrying markup: everything must come out escaped."""
    actors = network_actors(
        [
            ("evil", "<script>alert('x')</script>", "person", "", "<b>role</b>", "<img src=x onerror=alert(1)>"),
            ("amp", 'Tom & Jerry "Ltd"', "company", "", "", ""),
            ("us", "United States", "state", "US", "", ""),
        ]
    )
    relations = network_relations(
        [
            ("evil", "us", "threatens", True, 1.0, "2025-01-01", None, "<c1>", "<s1>", "<i>note</i>"),
            ("amp", "us", "supplies", True, 1.0, None, None, "", "", "a & b"),
        ]
    )
    claims = [FakeClaim(id="<c1>", verdict=FakeVerdict("supported"))]
    return FakeCase(actors=actors, relations=relations, claims=claims)


def vis_dataset(doc: str, which: str) -> list[dict]:
    """The `nodes` or `edges` list a network document hands to vis.DataSet."""
    import json
    import re

    m = re.search(which + r" = new vis\.DataSet\((\[.*?\])\);", doc, re.DOTALL)
    assert m, which
    return json.loads(m.group(1))
