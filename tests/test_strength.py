"""Evidence strength on factory verdicts: each level is reachable, thin evidence says why, scenarios take the
weakest tested condition and name untested ones."""

from __future__ import annotations

import pytest

from components import strength
from components.evidence import Verdict

GOOD = "https://www.moneycontrol.com/x"
MIRROR = "https://crimetodaynews.com/x"


def fig(flag="", url=GOOD, series="imp_kpler"):
    return {"label": "x", "value": 1.0, "unit": "mb/d", "flag": flag, "source_url": url, "series": series}


def event(url=GOOD):
    return {"label": "e", "value": "on record", "event_id": "ev_1", "source_url": url, "source_title": "t"}


def part(status, label, have, need, numbers):
    v = Verdict(status, "lowest_since", "", numbers, label=label)
    v.coverage = {"have": have, "need": need}
    return v


def quant(*parts, status=None):
    status = status or parts[0].status
    return Verdict(status, "lowest_since", "", parts=list(parts))


@pytest.mark.parametrize(
    ("verdict", "level", "reason"),
    [
        (
            quant(part("supported", "Kpler", 24, 24, [fig()]), part("supported", "Vortexa", 22, 24, [fig()])),
            "strong",
            "24 of 24 months, 2 providers agree",
        ),
        (quant(part("supported", "Kpler", 4, 24, [fig(), fig()])), "thin", "4 of 24 months"),
        (quant(part("supported", "Kpler", 18, 24, [fig()])), "moderate", "18 of 24 months"),
        (quant(part("supported", "Kpler", 24, 24, [fig("converted")])), "thin", "only flagged figures"),
        (quant(part("supported", "Kpler", 24, 24, [fig(url=MIRROR)])), "thin", "mirror copies or unknown outlets only"),
        (
            quant(
                part("supported", "Kpler", 24, 24, [fig()]),
                part("contradicted", "Vortexa", 24, 24, [fig()]),
                status="mixed",
            ),
            "moderate",
            "providers disagree",
        ),
        (
            quant(part("supported", "Kpler", 24, 24, [fig()]), Verdict("no data", "lowest_since", "", label="Vortexa")),
            "moderate",
            "one provider of 2",
        ),
    ],
)
def test_levels(verdict, level, reason):
    s = strength.assess(verdict)
    assert s.level == level
    assert reason in s.reason
    assert s.with_status(verdict.status) == f"{verdict.status} · {level} evidence ({s.reason})"


def test_thin_label_reads_like_the_issue():
    v = quant(part("supported", "Kpler", 4, 24, [fig(), fig()]))
    s = strength.assess(v)
    assert s.with_status("supported") == "supported · thin evidence (4 of 24 months)"
    d = s.as_dict()
    assert d["coverage_months"] == 4 and d["months_looked_at"] == 24 and d["flagged_share"] == 0
    assert d["weakest_tier"] == 2 and d["providers"] == ["Kpler"]
    assert "coverage 4 of 24" in s.explain()


@pytest.mark.parametrize("status", ["not testable", "no data", "pending", "too early"])
def test_nothing_weighed_has_no_level(status):
    s = strength.assess(Verdict(status, "interpretive", ""))
    assert s.level == "" and s.label == "" and s.with_status(status) == status


def test_events_by_their_sources():
    strong = strength.assess(Verdict("supported", "event_on_record", "", [event()]))
    weak = strength.assess(Verdict("supported", "event_on_record", "", [event(MIRROR)]))
    secondary = strength.assess(Verdict("supported", "event_on_record", "", [event("https://finance.yahoo.com/x")]))
    assert (strong.level, weak.level, secondary.level) == ("strong", "thin", "moderate")
    assert strong.events == 1 and weak.weakest_tier.kind == "mirror"


def test_series_source_stands_in_for_a_figure_without_a_page():
    number = fig(url="", series="brent_spot_eia")
    tier = strength.number_tier(number, lambda sid: {"source_url": "https://www.eia.gov/dnav/pet/hist/RBRTED.htm"})
    assert tier.rank == 1
    assert strength.number_tier(number).kind == "none"


def test_scenario_weakest_condition_and_untested_parts():
    good = Verdict("happened", "event_on_record", "", [event()], label="US acts")
    thin = quant(part("supported", "Kpler", 2, 6, [fig()]))
    thin.label = "Intake falls"
    untested = Verdict("no data", "change_between", "", label="China rises")
    scen = Verdict("partly", "scenario_outcome", "", parts=[good, thin, untested])
    s = strength.assess(scen)
    assert s.level == "thin" and s.reason.startswith("Intake falls: 2 of 6 months")
    assert s.untested == ["China rises"] and "1 of 3 parts untested" in s.reason
    only_good = strength.assess(Verdict("happened", "scenario_outcome", "", parts=[good, untested]))
    assert only_good.level == "moderate"  # strong parts, but one part untested
