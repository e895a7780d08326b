"""Pages read at a glance (issue 14) under AppTest: the Data & sources chart of a picked series, the live switch
saying why it is off, no developer instructions on screen."""

import json

from tests.apptest_helpers import PAGES, app_test, texts


def test_data_sources_draws_the_picked_series_with_its_name():
    at = app_test("pages/8_Data_sources.py", {"data_id": "brent_spot_eia"}).run()
    assert not at.exception
    figs = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    assert len(figs) == 1 and figs[0]["data"][0]["name"] != "brent_spot_eia"
    assert at.selectbox(key="data_id").format_func("brent_spot_eia") != "brent_spot_eia"


def test_a_one_point_series_says_so_instead_of_an_empty_axis():
    at = app_test("pages/8_Data_sources.py", {"data_id": "china_imports_russia_gacc_annual"}).run()
    assert not at.exception
    if not at.get("plotly_chart"):
        assert any("fewer than two points" in i.value for i in at.info)


def test_live_switch_says_why_it_is_off_and_no_developer_text_on_pages():
    for page in PAGES:
        at = app_test(page).run()
        shown = texts(at)
        assert "Live data is off" in " ".join(c.value for c in at.sidebar.caption), page
        for developer_word in ("CLAIMLENS_", "python -m", ".cache/"):
            assert developer_word not in shown, (page, developer_word)
