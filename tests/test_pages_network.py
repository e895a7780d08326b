"""pages/6_Actor_network.py under AppTest: default and filtered views, URL state, tampered params, BYO tab.

Two sources: the real case, and the fixture case patched into components.ui.case (AppTest runs the script
in this process, so the patch applies).
"""

from __future__ import annotations

import html
import re

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from components import network
from tests.apptest_helpers import app_test, captions
from tests.factories.network import hostile_network_case, network_case
from tests.factories.text import UNKNOWN_ACTORS_ARTICLE

PAGE = "pages/6_Actor_network.py"


def _app(params: dict | None = None) -> AppTest:
    return app_test(PAGE, params)


def _iframes(at) -> list[str]:
    """The network documents the page embeds (unwrapped from their sandboxed inner frame)."""
    docs = []
    for element in at.get("iframe"):
        outer = element.proto.srcdoc
        inner = re.search(r'<iframe sandbox="allow-scripts"[^>]* srcdoc="([^"]*)"', outer)
        assert inner, f"the network document is not in an allow-scripts sandbox: {outer[:300]}"
        docs.append(html.unescape(inner.group(1)))
    return docs


def _counts(at) -> tuple[int, int]:
    m = re.search(r"(\d+) actors and (\d+) relations in this view", captions(at))
    assert m, captions(at)
    return int(m.group(1)), int(m.group(2))


@pytest.fixture
def fixture_case(monkeypatch):
    import components.ui as ui

    case = network_case()
    monkeypatch.setattr(ui, "case", lambda case_id=None: case)
    return case


# ----------------------------------------------------------------------------------------- real case
def test_default_view_real_case():
    at = _app()
    at.run()
    assert not at.exception
    frames = _iframes(at)
    assert len(frames) == 1 and "new vis.Network" in frames[0] and network.external_refs(frames[0]) == []
    n, e = _counts(at)
    assert n > 5 and e > 5
    assert dict(at.query_params) == {}  # defaults keep the URL plain
    assert len(at.get("download_button")) >= 3


def test_filtered_view_real_case_roundtrips_url():
    at = _app({"net_types": "sanctions", "net_centrality": "pagerank", "net_colour": "bloc"})
    at.run()
    assert not at.exception
    n, e = _counts(at)
    assert e >= 1
    qp = dict(at.query_params)
    assert qp["net_types"] == "sanctions" and qp["net_centrality"] == "pagerank" and qp["net_colour"] == "bloc"
    assert "Size: PageRank centrality" in _iframes(at)[0]


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


def test_the_actor_tables_are_sent_only_once_opened(fixture_case):
    at = _app()
    at.run()
    assert not at.exception
    details = next(e for e in at.expander if e.label.startswith("Relations of one actor"))
    assert not details.children and not any("link" in d.value.columns for d in at.dataframe), "closed: no tables"
    at.session_state["net_detail_open"] = True  # what opening it does (Streamlit reruns the page)
    at.run()
    assert not at.exception
    assert at.selectbox(key="net_detail_w").value and any("link" in d.value.columns for d in at.dataframe)


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
    assert "Ignored" in captions(at)
    assert _counts(at) == (11, 13)  # every tampered value fell back to the default view
    assert all("<script>alert(1)" not in f for f in _iframes(at))


def test_hostile_case_page(monkeypatch):
    import components.ui as ui

    case = hostile_network_case()
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
    at.text_area(key="net_byo_text").input(UNKNOWN_ACTORS_ARTICLE).run()
    assert not at.exception
    assert len(_iframes(at)) == 1


# ------------------------------------------------------------------------------------------- BYO tab
ARTICLE = (
    "India is expected to import about 1.87 million bpd of Russian crude in November 2025, Kpler data showed.\n\n"
    "In December 2025 India's imports of Russian crude fell to the lowest in three years.\n\n"
    "The US sanctioned Rosneft and Lukoil on October 22, 2025, and India bought less oil from Russia."
)


def _pasted(text: str, **state) -> AppTest:
    at = _app()
    at.run()
    at.text_area(key="net_byo_text").input(text).run()
    for key, value in state.items():
        at.session_state[key] = value
    if state:
        at.run()
    return at


def test_byo_ranks_parses_and_checks_the_candidates():
    at = _pasted(ARTICLE)
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Candidate claims"] == "3"
    table = at.data_editor(key="net_byo_editor").value
    assert list(table["rank"]) == sorted(table["rank"], reverse=True)
    november = table[table["sentence"].str.contains("1.87")].iloc[0]
    assert november["rule"] == "value_matches" and november["period"] == "Nov 2025"
    assert "named source (Kpler)" in november["why checkable"] and "India" in november["matched because"]
    assert november["verdict"] == "supported"  # Kpler's November 2025 figure is 1.858 million b/d
    actors = at.dataframe[-1].value if "reason" in at.dataframe[-1].value.columns else None
    assert actors is None or {"reason", "kind"} <= set(actors.columns)
    assert len(_iframes(at)) == 2  # case graph + the pasted text's network


def test_byo_accept_two_claims_and_open_them_as_a_case():
    at = _pasted(
        ARTICLE,
        net_byo_editor={
            "edited_rows": {0: {"accept": True}, 1: {"accept": True}},
            "added_rows": [],
            "deleted_rows": [],
        },
    )
    assert not at.exception
    accepted = [d.value for d in at.dataframe if "detail" in d.value.columns][0]
    assert len(accepted) == 2 and set(accepted["verdict"]) <= {"supported", "contradicted", "mixed", "no data"}
    at.button(key="net_byo_open").click().run()
    assert not at.exception
    key = at.session_state["case_current"]
    assert key.startswith("session-")
    assert at.selectbox(key="case_pick").value == key
    assert any("every page now shows this case" in s.value for s in at.success)
    assert at.query_params["case"] == [key] or at.query_params["case"] == key


def test_byo_claim_added_by_hand_and_bad_params_named():
    at = _pasted(ARTICLE)
    at.text_input(key="net_byo_add_text").input("Refiners were wary of banks.")
    at.text_input(key="net_byo_add_params").input("{not json")
    at.button(key="FormSubmitter:net_byo_add_form-Add claim").click().run()
    assert not at.exception
    assert any("added claim 1" in w.value and "JSON" in w.value for w in at.warning)  # markdown-escaped text


def test_byo_hostile_markup_reaches_no_markdown_unescaped():
    hostile = (
        "![x](http://elsewhere.example/x.png) [Log in](http://elsewhere.example) <b>Evil Corp</b> "
        "sold 2 mb/d in May 2025."
    )
    at = _pasted(hostile)
    assert not at.exception
    shown = [e.value for e in (*at.markdown, *at.caption, *at.info, *at.warning, *at.error, *at.success)]
    assert not any("](http://elsewhere" in text for text in shown)


def test_byo_over_the_limit_says_the_exact_bytes():
    at = _pasted("x" * 204_801)
    assert any("204,801 bytes; the limit is 204,800 bytes" in e.value for e in at.error)
    assert not at.metric


def test_byo_empty_and_whitespace(fixture_case):
    at = _pasted("   \n  ")
    assert not at.exception
    assert not at.metric


def test_byo_no_candidates_no_network(fixture_case):
    at = _pasted("India grew.")
    assert not at.exception
    assert any("No sentence with a figure" in i.value for i in at.info)


# --------------------------------------------------------------------------------------- case zip upload
def _zip_app(data: bytes) -> AppTest:
    def page(payload):
        from components.ui import article

        article._zip_upload(payload)

    at = AppTest.from_function(page, args=(data,), default_timeout=30)
    at.run()
    return at


def test_uploaded_case_zip_opens_in_the_session():
    from components import case_bundle, case_library

    files = case_library.skeleton_files("uploaded-case", title="An uploaded case")
    at = _zip_app(case_bundle.to_zip(files, "uploaded-case"))
    assert not at.exception
    assert any("6 files" in c.value for c in at.caption)
    at.button(key="net_byo_zip_open").click().run()
    assert at.session_state["case_current"].startswith("session-")
    assert any("An uploaded case" in s.value for s in at.success)


def test_hostile_zip_is_refused_with_its_name_escaped():
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("case/![x](http://elsewhere.example/x.png)", "x")
    at = _zip_app(buf.getvalue())
    assert not at.exception
    (error,) = at.error
    assert error.value.startswith("The entry") and "](http" not in error.value  # refused, name shown as text


def test_uploaded_case_with_schema_problems_names_file_line_and_field():
    from components import case_bundle, case_library

    files = case_library.skeleton_files("broken-case")
    files["actors.csv"] = files["actors.csv"].replace(",state,", ",empire,")
    at = _zip_app(case_bundle.to_zip(files, "broken-case"))
    assert any("1 problem" in e.value for e in at.error)
    table = at.dataframe[0].value
    assert list(table.iloc[0][["file", "line", "field"]]) == ["actors.csv", 2, "kind"]


def test_drawing_follows_the_app_theme(monkeypatch, fixture_case):
    """Dark when the browser reports Streamlit's dark theme (ui.theme_type), light otherwise."""
    import components.ui as ui

    at = _app()
    at.run()
    assert "background: #ffffff" in _iframes(at)[0]
    monkeypatch.setattr(ui, "theme_type", lambda: "dark")
    at = _app()
    at.run()
    assert not at.exception
    assert "background: #0e1117" in _iframes(at)[0] and "background: #ffffff" not in _iframes(at)[0]


def test_a_view_seen_again_is_not_drawn_or_framed_again(fixture_case, monkeypatch):
    calls = {"render": 0, "sandboxed": 0}
    real_render, real_sandboxed = network.render, network.sandboxed

    def render(*args, **kwargs):
        calls["render"] += 1
        return real_render(*args, **kwargs)

    def sandboxed(*args, **kwargs):
        calls["sandboxed"] += 1
        return real_sandboxed(*args, **kwargs)

    monkeypatch.setattr(network, "render", render)
    monkeypatch.setattr(network, "sandboxed", sandboxed)
    st.cache_resource.clear()  # the page's drawings of earlier tests
    at = _app().run()
    first = _iframes(at)
    for colour in ("bloc", "kind", "bloc", "kind"):
        at.radio(key="net_colour_w").set_value(colour).run()
    assert not at.exception
    assert calls == {"render": 2, "sandboxed": 2}  # one per view: by kind, by bloc
    assert _iframes(at) == first  # back on the first view: the same drawing
