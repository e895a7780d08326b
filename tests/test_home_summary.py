"""The home page's bottom line (components.home_summary) on claims built in code, and the page under AppTest."""

import json
from types import SimpleNamespace

from components import home_summary
from tests.apptest_helpers import app_test


def claim(cid, kind, status, level=""):
    verdict = SimpleNamespace(status=status, strength=SimpleNamespace(level=level))
    return SimpleNamespace(id=cid, short=f"Claim {cid}", kind=kind, verdict=verdict)


CLAIMS = [
    claim("a", "event", "supported", "strong"),
    claim("b", "event", "supported", "thin"),
    claim("c", "quantitative", "contradicted", "moderate"),
    claim("d", "quantitative", "mixed"),
    claim("e", "interpretive", "not testable"),
]


def test_scorecard_counts_claims_and_thin_evidence_by_kind_and_verdict():
    table = home_summary.scorecard(CLAIMS)
    rows = {(r.kind, r.verdict): (r.claims, r.thin) for r in table.itertuples()}
    assert rows == {
        ("Event", "supported"): (2, 1),
        ("Quantitative", "contradicted"): (1, 0),
        ("Quantitative", "mixed"): (1, 0),
        ("Interpretive", "not testable"): (1, 0),
    }
    assert table["claims"].sum() == len(CLAIMS)
    fig = home_summary.build_scorecard(table)
    assert {t.name for t in fig.data} == {"supported", "contradicted", "mixed", "not testable"}
    assert sum(sum(t.x) for t in fig.data) == len(CLAIMS)


def test_bottom_line_says_what_is_supported_and_what_is_not():
    sentences = home_summary.bottom_line(CLAIMS)
    assert 2 <= len(sentences) <= 3
    assert sentences[0].startswith("Of 5 claims, 4 can be tested: the data support 2, contradict 1")
    assert "Claim a" in sentences[1] and "do not bear out Claim c" in sentences[1] and "thin evidence" in sentences[1]
    assert sentences[2].startswith("1 cannot be settled")
    assert home_summary.bottom_line([claim("e", "interpretive", "not testable")]) == [
        "None of the 1 claims can be tested against the data yet."
    ]


def test_home_draws_the_scorecard_and_a_start_here_link():
    at = app_test("pages/0_Home.py").run()
    assert not at.exception
    assert "The bottom line" in [s.value for s in at.subheader]
    charts = {c.proto.id: json.loads(c.proto.spec) for c in at.get("plotly_chart")}
    assert any(any(t.get("type") == "bar" for t in fig["data"]) for fig in charts.values())
    assert any("can be tested" in m.value for m in at.markdown)
