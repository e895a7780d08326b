"""Named verdict rules: a claim's evidence spec + data -> Verdict.

Why a small set of named rules: a reader must be able to see, in plain words, exactly what was checked,
and a verdict must be recomputed from the data every time (never typed into a case file). Each rule
returns a Verdict whose `numbers` carry provider and source for every figure used.

Modules by concern: `verdict` (Verdict, statuses), `context` (what a rule may look at, citing a figure),
`registry` (the `@rule` decorator with declared parameters, validation, `evaluate`), and the rules:
`quantitative` (lowest_since, change_between, share_at), `events` (event_on_record), `scenario`
(interpretive, scenario_outcome), `value_matches` (a stated figure against each provider), `market_reaction`
(an event study of a series' move after an event).
`evaluate(spec, ctx, claim, params={...})` overrides declared parameters for one call; `rule_params(name)` lists
them with their defaults. `sensitivity` turns a claim's parameters into reader controls:
`evaluate(claim, {"months": 30})` recomputes one loaded claim with other settings (the published verdict is the
defaults'), `robustness(claim)` runs it over a grid of reasonable settings and says the result in words.
"""

from components.evidence.context import DEFAULT_EXCLUDE_FLAGS, PROVIDER_NAMES, Context, PointInfo
from components.evidence.quantitative import parse_fact_value
from components.evidence.registry import (
    DATE_PARAMS,
    REQUIRED,
    RULES,
    Param,
    Rule,
    rule,
    rule_params,
    series_ids,
    validate_spec,
)
from components.evidence.registry import evaluate as registry_evaluate
from components.evidence.verdict import (
    CLAIM_STATUSES,
    NO_CLEAR_CHANGE,
    NOT_IN_RECORD,
    OUTCOME_STATUSES,
    STATUSES,
    Verdict,
    combine_providers,
)

# the rule modules register themselves on import, in this order (the order `RULES` lists them in)
# isort: off
from components.evidence import quantitative
from components.evidence import events
from components.evidence import scenario
from components.evidence import value_matches
from components.evidence import market_reaction
from components.evidence import sensitivity

# isort: on
from components.evidence.sensitivity import controls, robustness


def evaluate(spec_or_claim, ctx=None, claim=None, params=None) -> Verdict:
    """Two forms. `evaluate(spec, ctx, claim=None, params=None)`: run the spec's rule (see registry.evaluate).
    `evaluate(claim, params=None, ctx=None)`: recompute a claim loaded by components.case.load_case with `params`
    (its setting keys, see `controls(claim)`) instead of the defaults, in `ctx` (default: the context the claim's
    verdict was made in; a claim that went through a cache has none); the verdict carries its strength."""
    if not isinstance(spec_or_claim, dict) and hasattr(spec_or_claim, "evidence"):
        settings = ctx if isinstance(ctx, dict) else params
        context = next((x for x in (ctx, claim) if isinstance(x, Context)), None)
        return sensitivity.evaluate_claim(spec_or_claim, settings, context)
    return registry_evaluate(spec_or_claim, ctx, claim, params)


__all__ = [
    "CLAIM_STATUSES",
    "DATE_PARAMS",
    "DEFAULT_EXCLUDE_FLAGS",
    "OUTCOME_STATUSES",
    "PROVIDER_NAMES",
    "REQUIRED",
    "RULES",
    "STATUSES",
    "Context",
    "Param",
    "PointInfo",
    "Rule",
    "Verdict",
    "combine_providers",
    "NO_CLEAR_CHANGE",
    "NOT_IN_RECORD",
    "controls",
    "evaluate",
    "robustness",
    "events",
    "market_reaction",
    "parse_fact_value",
    "quantitative",
    "rule",
    "rule_params",
    "scenario",
    "series_ids",
    "validate_spec",
    "value_matches",
]
