"""Cases for the Hindsight page's states, built from a loaded case: its scenarios and predictions given other
outcomes, or taken out. The loaded case keeps its events, series and other claims, so the page draws as it does
for a real case and only what the test is about differs."""

from __future__ import annotations

import dataclasses

from components.case import DEFAULT_CASE, load_case
from components.evidence_charts import SCENARIO_KINDS


def _is_scored(claim) -> bool:
    return claim.kind in SCENARIO_KINDS


def case_with_outcomes(*statuses: str, case=None):
    """The case (default: the default case) with its scenarios and predictions scored `statuses` in turn (the
    verdict's status replaced, its rule and evidence kept)."""
    case = case or load_case(DEFAULT_CASE)
    claims, n = [], 0
    for claim in case.claims:
        if _is_scored(claim):
            verdict = dataclasses.replace(claim.verdict, status=statuses[n % len(statuses)])
            claim, n = dataclasses.replace(claim, verdict=verdict), n + 1
        claims.append(claim)
    return dataclasses.replace(case, claims=claims)


def case_without_scenarios(case=None):
    """The case (default: the default case) with no scenario or prediction among its claims."""
    case = case or load_case(DEFAULT_CASE)
    return dataclasses.replace(case, claims=[claim for claim in case.claims if not _is_scored(claim)])
