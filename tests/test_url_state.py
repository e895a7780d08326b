"""URL-bound widgets (ui.url_persist and friends) under AppTest: the URL seeds the widget once, the widget writes
the URL back, a bad value falls back with a notice whose URL text is escaped, an unregistered key is refused."""

from streamlit.testing.v1 import AppTest

from components import routes
from tests.apptest_helpers import app_test


def _script():
    import streamlit as st

    from components import ui

    kinds = ui.url_persist(st.multiselect)("Kind", ["event", "scenario"], key="claims_kind")
    pairs = ui.url_persist(st.multiselect)("Pairs", ["USD/INR", "USD/CNY"], key="fx_pairs", default=["USD/INR"])
    after = ui.url_persist(st.slider)("After", 0, 60, key="es_gap")
    view = ui.url_persist(st.radio)("View", ["providers", "figures"], key="trade_view")
    ui.show_notices()
    st.write(f"kinds={kinds} pairs={pairs} after={after} view={view}")


def run(**params) -> AppTest:
    at = AppTest.from_function(_script, default_timeout=30)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def shown(at: AppTest) -> str:
    return " ".join(m.value for m in at.markdown)


def test_defaults_come_from_the_registry_or_the_call_and_plain_filters_keep_the_url_plain():
    at = run()
    assert not at.exception
    assert "kinds=[] pairs=['USD/INR'] after=10 view=providers" in shown(at)
    assert "claims_kind" not in at.query_params  # default 'no filter' is left out
    assert at.query_params["fx_pairs"] == "USD/INR" and at.query_params["es_gap"] == "10"
    assert routes.param("es_gap").default == 10


def test_the_url_seeds_the_widget_and_the_widget_writes_the_url():
    at = run(claims_kind="scenario", es_gap="12", trade_view="figures")
    assert "kinds=['scenario'] pairs=['USD/INR'] after=12 view=figures" in shown(at)
    at.multiselect(key="claims_kind").set_value(["event", "scenario"]).run()
    at.slider(key="es_gap").set_value(30).run()
    assert at.query_params["claims_kind"] == "event,scenario" and at.query_params["es_gap"] == "30"
    at.multiselect(key="claims_kind").set_value([]).run()
    assert "claims_kind" not in at.query_params


def test_bad_values_fall_back_with_one_notice_each_and_the_url_is_repaired():
    at = run(es_gap="999", trade_view="nope", fx_pairs="USD/XXX")
    assert not at.exception
    notes = " ".join(c.value for c in at.caption)
    assert all(f"Ignored URL parameter {name}" in notes for name in ("es_gap", "trade_view", "fx_pairs"))
    assert "after=10 view=providers" in shown(at) and at.query_params["es_gap"] == "10"
    at.run()
    assert not at.caption, "a notice is shown once, on the run that read the bad value"


def test_a_url_value_in_a_notice_cannot_plant_markdown():
    at = app_test("pages/1_Claims.py", {"claims_actor": "![](http://x/y.png)", "claims_kind": "[a](http://x)"}).run()
    assert not at.exception
    notes = [c.value for c in at.caption if "Ignored" in c.value]
    assert len(notes) == 2
    for note in notes:
        assert "](" not in note.replace("\\]\\(", ""), note  # brackets and parentheses escaped
        assert "\\[" in note and "\\(" in note  # shown as text, escaped by style.safe_text


def test_an_unregistered_parameter_is_refused():
    def script():
        import streamlit as st

        from components import ui

        ui.url_persist(st.toggle)("x", key="not_registered_anywhere")

    at = AppTest.from_function(script, default_timeout=30).run()
    assert at.exception  # a KeyError naming components/routes.py (details redacted under AppTest)
