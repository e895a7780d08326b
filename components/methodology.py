"""The Methodology page's content, built from the code that makes the verdicts (never a separate description).

Why generated: the scales, each rule's words and parameters, the strength levels and the tier rule are read from
the registry and the modules that apply them, so the page cannot drift from what the rules do. Pure: returns
(heading, markdown) sections; the page escapes nothing of ours and shows no user input.
"""

from __future__ import annotations

import re

from components import point_flags, source_tiers, strength
from components.evidence import RULES
from components.evidence.registry import REQUIRED
from components.evidence.scenario import SCORING
from components.evidence.verdict import CLAIM_STATUSES, NO_CLEAR_CHANGE, NOT_IN_RECORD, OUTCOME_STATUSES
from components.style import human

SCALE_WORDS = {
    "supported": "the data or the record bear the claim out, by the rule's stated threshold",
    "contradicted": "they show the opposite, by the same threshold (never by a missing figure or event)",
    "mixed": "providers disagree, or supporting and contrary events are both on record",
    NO_CLEAR_CHANGE: "the change is smaller than the series' own month-to-month noise: the data cannot decide",
    NOT_IN_RECORD: "no event in the case record matches, nor any contrary one; the card says what the record "
    "holds for that window and category",
    "not testable": "an interpretation of motives or intentions, or a scenario whose trigger never happened",
    "pending": "the window the rule looks at has not closed yet",
    "no data": "no figure (or no event record) the rule could use",
    "happened": "every condition of the scenario was met",
    "partly": "some conditions were met, others not or not fully (or could not be tested)",
    "did not happen": "an outcome the article expected did not happen once its window closed",
    "too early": "a condition's window is still open",
}
RULE_WORDS = {
    "lowest_since": "Is one month's figure below every figure of the months before it (the look-back)? Each "
    "provider is judged on its own; gaps stay gaps.",
    "change_between": "The average of a later window against an earlier one, per provider, against a threshold in "
    "percent; a change inside the series' noise is 'no clear change'.",
    "share_at": "A value or a reference figure against two thresholds: supported at or above the first, "
    "contradicted below the second, mixed in between.",
    "event_on_record": "Sourced events in the case record that fit the claim's own wording, and contrary events "
    "that would contradict it, in the claim's window.",
    "interpretive": "Marks a reading of motives or intentions as not testable, and says why.",
    "scenario_outcome": "Scores a scenario or prediction by its conditions, each checked by its own rule.",
}
PROVIDERS = (
    "Each provider (Kpler, Vortexa, Reuters, customs, ministries) is its own series and is judged on its own: "
    "figures are never averaged across providers, gaps are never filled. When every provider with a figure "
    "agrees, the verdict is theirs; when they disagree it is 'mixed'; a provider without a figure is left out "
    "and the strength says how many providers decided."
)
NOT_TESTABLE = (
    "'Not testable' is used for interpretations (what someone intended, feared or bet on), which no dataset can "
    "confirm or refute; for each one the card says why. Where only part of a claim can be checked (the fall in "
    "imports, not that sanctions caused it), the card says which part was tested. A scenario whose trigger never "
    "happened was never put to the test and is also 'not testable'."
)
WHAT_WOULD_CHANGE = (
    "On quantitative, scenario and prediction cards the rule's parameters are controls: threshold, look-back, "
    "windows, providers, flagged figures, weakest source tier. Changing one recomputes the verdict for you only; "
    "the published verdict is always the default settings'. The robustness strip shows the verdict over a grid of "
    "reasonable settings, the default marked, and says in words where it changes. Settings are kept in the link."
)


# a parameter's doc names other parameters and their values ('a_start', 'month_mean'): in code type, as the keys
# a case file writes, not as words
_KEY = re.compile(r"'([a-z][a-z0-9_]*)'|(?<![\w`'.-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w`'.-])")


def _keys_in_code(text: str) -> str:
    return _KEY.sub(lambda m: f"`{m.group(1) or m.group(0)}`", text)


def _param_rows(rule_name: str) -> str:
    rows = ["| parameter | default | meaning |", "|---|---|---|"]
    for param in RULES[rule_name].params:
        default = (
            "required"
            if param.default is REQUIRED
            else ("none" if param.default in (None, "", ()) else f"`{param.default}`")
        )
        rows.append(f"| `{param.name}` | {default} | {_keys_in_code(param.doc)} |")
    return "\n".join(rows)


def sections() -> list[tuple[str, str]]:
    """(heading, markdown) for the Methodology page, in reading order."""
    scale = "\n".join(f"- **{status}**: {SCALE_WORDS.get(status, '')}" for status in CLAIM_STATUSES)
    outcomes = "\n".join(f"- **{status}**: {SCALE_WORDS.get(status, '')}" for status in OUTCOME_STATUSES)
    rules = []
    for name in RULES:
        words = RULE_WORDS.get(name, "")
        extra = f"\n\n{SCORING}" if name == "scenario_outcome" else ""
        # headed by its name in words; the key a case file writes follows in code type
        rules.append(f"#### {human(name)} (`{name}`)\n\n{words}{extra}\n\n{_param_rows(name)}")
    tiers = "\n".join(f"- **tier {rank}**: {name}" for rank, name in source_tiers.TIER_NAMES.items())
    return [
        ("Verdict scales", "Claims:\n\n" + scale + "\n\nScenarios and predictions:\n\n" + outcomes),
        ("The rules and their parameters", "\n\n".join(rules)),
        ("Evidence strength", strength.RULE_TEXT),
        ("Flags on figures", point_flags.methodology_text()),
        ("Source tiers", tiers + "\n\n" + source_tiers.rule_text()),
        ("How providers combine", PROVIDERS),
        ("What 'not testable' means", NOT_TESTABLE),
        ("What would change the verdict", WHAT_WOULD_CHANGE),
    ]
