"""AppTest: every chart page says why it draws nothing and offers a reset, instead of an empty axis (issue 14):
a one-day range, a filter that matches nothing, a choice emptied, a pair with no data in range."""

from __future__ import annotations

import pytest

from tests.apptest_helpers import app_test


def _clear(key: str):
    def action(at):
        at.multiselect(key=key).set_value([]).run()

    return action


# (page, URL parameters, action after the first run, words the message holds, reset button key or None)
STATES = [
    ("2_Oil_markets.py", {"oil_range": "2025-03-07..2025-03-07"}, None, "single day", "oil_chart_prices_reset"),
    (
        "2_Oil_markets.py",
        {"oil_cats": "aid", "oil_actors": "surgutneftegas"},
        None,
        "No event matches",
        "oil_events_reset",
    ),
    ("3_Trade_flows.py", {"trade_range": "2025-01-01..2025-01-01"}, None, "single month", "trade_chart_russia_reset"),
    ("3_Trade_flows.py", {}, _clear("trade_providers"), "No provider is chosen", "trade_providers_reset"),
    ("4_Currencies.py", {"fx_range": "2025-03-07..2025-03-07"}, None, "single day", "fx_chart_inr_reset"),
    ("4_Currencies.py", {}, _clear("fx_pairs"), "No currency pair is chosen", "fx_pairs_reset"),
    ("4_Currencies.py", {"fx_pairs": "USD/RUB"}, None, "ECB stopped publishing", None),
    ("5_Event_study.py", {}, _clear("es_events"), "No event is chosen", "es_reset"),
    ("8_Data_sources.py", {}, _clear("data_topics"), "No topic is chosen", "data_topics_reset"),
]


def _infos(at) -> str:
    return "\n".join(str(box.value) for box in at.info)


@pytest.mark.parametrize(
    ("page", "query", "action", "words", "reset"), STATES, ids=[f"{p[2:-3]}-{w}" for p, _, _, w, _ in STATES]
)
def test_an_empty_state_says_why_and_the_reset_brings_the_view_back(page, query, action, words, reset):
    at = app_test(f"pages/{page}", query).run()
    if action:
        action(at)
    assert not at.exception, [e.value for e in at.exception]
    assert words in _infos(at)
    if reset is None:
        return
    at.button(key=reset).click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert words not in _infos(at)


def test_currencies_do_not_open_on_a_pair_without_data_in_range():
    at = app_test("pages/4_Currencies.py").run()
    assert not at.exception
    assert at.multiselect(key="fx_pairs").value == ["USD/INR", "USD/CNY"]  # offline, USD/RUB ended in March 2022
    assert "No USD/RUB value" not in _infos(at)
