"""Claims page: strength beside every verdict with a link to the Methodology page, the 'what would change this
verdict' panel (URL settings, fallback with a notice, clamping), per-card ClaimReview, and the Methodology page."""

from __future__ import annotations

from tests.apptest_helpers import app_test, texts


def _run(**query):
    return app_test("pages/1_Claims.py", query).run()


def test_every_badge_carries_its_strength_and_links_to_methodology():
    at = _run(claims_id="india_two_year_low")
    assert not at.exception
    heading = next(m for m in at.markdown if "India's Russian crude intake" in m.value)
    assert "evidence (" in heading.value and "](Methodology)" in heading.value
    assert heading.help and "coverage" in heading.help


def test_push_panel_opens_from_the_url_and_recomputes_beside_the_published_verdict():
    at = _run(claims_id="india_two_year_low", claims_set="india_two_year_low:series=india_imports_russia_kpler")
    assert not at.exception
    shown = texts(at)
    assert "Published (default settings)" in shown and "With your settings" in shown
    assert "Robustness:" in shown and "settings" in shown
    toggle = at.toggle(key="claims_push_india_two_year_low")
    assert toggle.value is True
    assert at.multiselect(key="claims_set_india_two_year_low_series").value == ["india_imports_russia_kpler"]
    assert at.query_params["claims_set"] == "india_two_year_low:series=india_imports_russia_kpler"


def test_push_panel_changes_a_setting_and_writes_the_url():
    at = _run(claims_id="india_cut_jan_to_feb")
    at.toggle(key="claims_push_india_cut_jan_to_feb").set_value(True).run()
    at.number_input(key="claims_set_india_cut_jan_to_feb_min_pct").set_value(20.0).run()
    assert not at.exception
    assert at.query_params["claims_set"] == "india_cut_jan_to_feb:min_pct=20"
    assert "contradicted" in texts(at)


def test_tampered_and_out_of_range_settings_fall_back_or_clamp_with_a_notice():
    at = _run(claims_id="india_two_year_low", claims_set="india_two_year_low:months=999|min_months=abc|<b>x</b>=1")
    assert not at.exception
    notes = " ".join(c.value for c in at.caption)
    assert "set to 60" in notes and "not a number" in notes and "not one of this card's" in notes
    assert "<b>" not in notes
    assert at.number_input(key="claims_set_india_two_year_low_months").value == 60
    # another card's settings in the URL leave this one closed
    other = _run(claims_id="india_two_year_low", claims_set="india_cut_jan_to_feb:min_pct=5")
    assert other.toggle(key="claims_push_india_two_year_low").value is False


def test_event_and_interpretive_cards_have_no_panel_but_a_claimreview_download():
    at = _run(claims_id="us_aid_intel_pause")
    assert not at.exception
    assert not [t for t in at.toggle if t.key == "claims_push_us_aid_intel_pause"]
    assert "not in the case record" in texts(_run(claims_id="uk_partial_no_fly"))


def test_methodology_page_lists_scales_rules_strength_and_tiers():
    at = app_test("pages/9_Methodology.py").run()
    assert not at.exception
    shown = texts(at)
    for words in (
        "Verdict scales",
        "not in the case record",
        "no clear change",
        "event_on_record",
        "min_tier",
        "Evidence strength",
        "Source tiers",
        "mirror copy",
        "How providers combine",
        "not testable",
    ):
        assert words in shown, words
