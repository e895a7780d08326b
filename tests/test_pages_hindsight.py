"""AppTest: the Hindsight page's states that a loaded case alone does not show: an outcome filter that matches
nothing (said, with a reset that brings every card back) and a case with no scenario or prediction (said)."""

from __future__ import annotations

import pytest

import components.ui as ui
from components import evidence_charts
from components.evidence.verdict import OUTCOME_STATUSES
from tests.apptest_helpers import app_test, texts
from tests.factories.hindsight import case_with_outcomes, case_without_scenarios

PAGE = "pages/7_Hindsight.py"
NOTHING_MATCHES = "No scenario or prediction has this outcome."
NONE_TO_SCORE = "This case's article makes no scenario or prediction to score."


@pytest.fixture
def stand_in(monkeypatch):
    """Make the page read the case given to it (its test's own), whatever the case picker says."""

    def use(case):
        monkeypatch.setattr(ui, "case", lambda case_id=None: case)
        return case

    return use


def _cards(at) -> list[str]:
    """Claim ids of the cards drawn (each card links to its claim card on Claims)."""
    return [md.value.split("claims_id=")[1].split(")")[0] for md in at.markdown if "Open as a claim card" in md.value]


def _every_card(at) -> list[str]:
    """Claim ids of the cards on every page of the list (paged ui.paging.page_picker), sorted; the page picker
    is left on the first page again."""
    pickers = [radio for radio in at.radio if radio.key == "hind_page"]
    if not pickers:
        return sorted(_cards(at))
    ids = []
    for page in range(1, len(pickers[0].options) + 1):  # options are shown as "1–4", "5–8"...
        at = _run(at.radio(key="hind_page").set_value(page))
        ids += _cards(at)
    _run(at.radio(key="hind_page").set_value(1))
    return sorted(ids)


def _run(element):
    """Run the page (an AppTest) or rerun it after a widget change (the widget's own run); no exception."""
    at = element.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize("how", ["picked", "url"])
def test_an_outcome_no_scenario_has_is_said_and_the_reset_brings_every_card_back(stand_in, how):
    case = stand_in(case_with_outcomes("happened", "partly"))
    scored = [c.id for c in case.claims if c.kind in evidence_charts.SCENARIO_KINDS]
    at = _run(app_test(PAGE, {"hind_outcome": "too early"} if how == "url" else None))
    outcome = at.multiselect(key="hind_outcome")
    assert list(outcome.options)[: len(OUTCOME_STATUSES)] == list(OUTCOME_STATUSES)  # the whole scale, in order
    if how == "picked":
        assert _every_card(at) == sorted(scored)
        at = _run(at.multiselect(key="hind_outcome").set_value(["too early"]))
    assert at.multiselect(key="hind_outcome").value == ["too early"]
    assert NOTHING_MATCHES in texts(at) and _cards(at) == [] and not at.get("plotly_chart")
    assert "hind_outcome" not in texts(at)  # a real outcome that none has is no bad URL value
    at = _run(at.button(key="hind_reset").click())
    assert at.multiselect(key="hind_outcome").value == []
    assert NOTHING_MATCHES not in texts(at) and _every_card(at) == sorted(scored)
    # and an outcome some have still filters
    at = _run(at.multiselect(key="hind_outcome").set_value(["happened"]))
    assert _every_card(at) == sorted(scored[::2])


def test_a_case_without_scenarios_or_predictions_says_so(stand_in):
    case = stand_in(case_without_scenarios())
    assert case.claims  # it still has claims of other kinds
    at = _run(app_test(PAGE))
    assert NONE_TO_SCORE in texts(at)
    assert _cards(at) == [] and not at.get("plotly_chart") and NOTHING_MATCHES not in texts(at)
    assert at.multiselect(key="hind_outcome").options == []
