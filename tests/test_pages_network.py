"""pages/6_Actor_network.py under AppTest: default and filtered views, URL state, tampered params, BYO tab.

Two sources: the real case (skipped if it does not load yet) and the fixture case patched into
components.ui.case (AppTest runs the script in this process, so the patch applies).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components import network as N
from tests import network_factories as F

PAGE = str(Path(__file__).resolve().parent.parent / "pages/6_Actor_network.py")


def _app(params: dict | None = None) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=30)
    for k, v in (params or {}).items():
        at.query_params[k] = v
    return at


def _captions(at) -> str:
    return "\n".join(str(c.value) for c in at.caption)


def _iframes(at) -> list[str]:
    return [e.proto.srcdoc for e in at.get("iframe")]


def _counts(at) -> tuple[int, int]:
    m = re.search(r"(\d+) actors and (\d+) relations in this view", _captions(at))
    assert m, _captions(at)
    return int(m.group(1)), int(m.group(2))


@pytest.fixture
def fixture_case(monkeypatch):
    import components.ui as ui

    case = F.make_case()
    monkeypatch.setattr(ui, "case", lambda case_id=None: case)
    return case


def _real_case_ok() -> bool:
    try:
        from components.case import DEFAULT_CASE, load_case

        load_case(DEFAULT_CASE)
        return True
    except Exception:
        return False


real = pytest.mark.skipif(not _real_case_ok(), reason="real case files not loadable yet")


# ----------------------------------------------------------------------------------------- real case
@real
def test_default_view_real_case():
    at = _app()
    at.run()
    assert not at.exception
    frames = _iframes(at)
    assert len(frames) == 1 and "new vis.Network" in frames[0] and N.external_refs(frames[0]) == []
    n, e = _counts(at)
    assert n > 5 and e > 5
    assert dict(at.query_params) == {}  # defaults keep the URL plain
    assert len(at.get("download_button")) >= 3


@real
def test_filtered_view_real_case_roundtrips_url():
    at = _app({"net_types": "sanctions", "net_centrality": "pagerank", "net_colour": "bloc"})
    at.run()
    assert not at.exception
    n, e = _counts(at)
    assert e >= 1
    qp = dict(at.query_params)
    assert qp["net_types"] == "sanctions" and qp["net_centrality"] == "pagerank" and qp["net_colour"] == "bloc"
    assert "Size: pagerank centrality" in _iframes(at)[0]


# --------------------------------------------------------------------------------------- fixture case
def test_fixture_default_and_counts(fixture_case):
    at = _app()
    at.run()
    assert not at.exception
    assert _counts(at) == (11, 13)


def test_fixture_ego_view(fixture_case):
    at = _app({"net_ego": "india", "net_depth": "1"})
    at.run()
    assert not at.exception
    assert _counts(at) == (3, 2)
    assert at.selectbox(key="net_ego_w").value == "india"
    # the detail table defaults to the ego actor and links to claim cards
    links = at.dataframe[-1].value
    assert "Claims?claims_id=c3" in set(links["link"])


def test_fixture_date_and_verdict_filters(fixture_case):
    at = _app({"net_date": "2025-03-30", "net_verdict": "supported"})
    at.run()
    assert not at.exception
    assert _counts(at) == (5, 3)  # india/china->russia (supported); rosneft->reliance (supported)
    assert at.query_params["net_date"] == "2025-03-30"


def test_widget_change_updates_url_and_view(fixture_case):
    at = _app()
    at.run()
    at.multiselect(key="net_types_w").set_value(["buys_oil_from"]).run()
    assert not at.exception
    assert _counts(at) == (3, 2)
    assert at.query_params["net_types"] == "buys_oil_from"
    at.selectbox(key="net_centrality_w").set_value("eigenvector").run()
    assert at.query_params["net_centrality"] == "eigenvector"
    at.toggle(key="net_physics_w").set_value(True).run()
    assert at.query_params["net_physics"] == "1"
    assert '"physics": {"enabled": true' in _iframes(at)[0]


def test_empty_selection_shows_info_not_graph(fixture_case):
    at = _app()
    at.run()
    at.multiselect(key="net_kinds_w").set_value([]).run()
    assert not at.exception
    assert _counts(at) == (0, 0)
    assert _iframes(at) == []
    assert any("No relation matches" in i.value for i in at.info)


@pytest.mark.parametrize(
    "params",
    [
        {"net_types": "<script>alert(1)</script>"},
        {"net_kinds": "planet"},
        {"net_ego": "nobody"},
        {"net_depth": "-3"},
        {"net_date": "2025-02-30"},
        {"net_date": "9999-01-01"},
        {"net_verdict": "%00"},
        {"net_centrality": "closeness"},
        {"net_colour": "rainbow"},
        {"net_physics": "maybe"},
        {"net_depth": "9" * 50, "net_ego": "x" * 3000},
    ],
)
def test_tampered_params_fall_back_with_notice(fixture_case, params):
    at = _app(params)
    at.run()
    assert not at.exception
    assert "Ignored" in _captions(at)
    assert _counts(at) == (11, 13)  # every tampered value fell back to the default view
    assert all("<script>alert(1)" not in f for f in _iframes(at))


def test_hostile_case_page(monkeypatch):
    import components.ui as ui

    case = F.make_hostile_case()
    monkeypatch.setattr(ui, "case", lambda case_id=None: case)
    at = _app()
    at.run()
    assert not at.exception
    doc = _iframes(at)[0]
    assert "<script>alert" not in doc and "<img src=x" not in doc


def test_broken_case_shows_error_and_byo_still_works(monkeypatch):
    import components.ui as ui

    def broken(case_id=None):
        raise ValueError("relations.csv line 3: bad")

    monkeypatch.setattr(ui, "case", broken)
    at = _app()
    at.run()
    assert not at.exception
    assert any("could not be read" in e.value and "relations.csv line 3" in e.value.replace("\\", "") for e in at.error)
    at.text_area(key="net_byo_text").input("Alpha Corp met Beta Group in Geneva on 3 May 2024.").run()
    assert not at.exception
    assert len(_iframes(at)) == 1


# ------------------------------------------------------------------------------------------- BYO tab
def test_byo_scan_with_case_actors(fixture_case):
    at = _app()
    at.run()
    at.text_area(key="net_byo_text").input(
        "Trump threatened India and China on 30 March 2025. Putin met Trump in Alaska. "
        "Reliance said imports were 1.8 million barrels a day."
    ).run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Known actors"] == "5" and metrics["Candidate claims"] == "2"
    assert len(_iframes(at)) == 2  # case graph + co-occurrence graph
    assert len(at.get("download_button")) == 4


def test_byo_empty_and_whitespace(fixture_case):
    at = _app()
    at.run()
    at.text_area(key="net_byo_text").input("   \n  ").run()
    assert not at.exception
    assert not at.metric


def test_byo_no_pairs(fixture_case):
    at = _app()
    at.run()
    at.text_area(key="net_byo_text").input("India grew.").run()
    assert not at.exception
    assert any("no network to draw" in i.value for i in at.info)
