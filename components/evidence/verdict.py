"""What a rule returns: the Verdict, the statuses it may take, and how provider verdicts combine."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

NOT_IN_RECORD = "not in the case record"  # no matching event and no contrary one: an absence, not a contradiction
NO_CLEAR_CHANGE = "no clear change"  # a change inside the series' own month-to-month noise
CLAIM_STATUSES = (
    "supported",
    "contradicted",
    "mixed",
    NO_CLEAR_CHANGE,
    NOT_IN_RECORD,
    "not testable",
    "pending",
    "no data",
)
OUTCOME_STATUSES = ("happened", "did not happen", "partly", "too early")
STATUSES = CLAIM_STATUSES + OUTCOME_STATUSES


@dataclass
class Verdict:
    """Outcome of one rule. `parts` holds per-provider or per-condition sub-verdicts (shown as evidence)."""

    status: str
    rule: str
    rule_text: str
    numbers: list[dict] = field(default_factory=list)
    detail: str = ""
    parts: list[Verdict] = field(default_factory=list)
    label: str = ""
    coverage: dict | None = None  # {"have": months with a figure, "need": months the rule looks at}
    strength: Any = None  # components.strength.Strength, set once the verdict is final (compute_verdicts)

    def all_numbers(self) -> list[dict]:
        """Numbers of this verdict and of every part, without duplicates (for tables)."""
        out, seen = [], set()
        for n in self.numbers + [n for p in self.parts for n in p.all_numbers()]:
            key = (n.get("label"), str(n.get("value")), str(n.get("date")), n.get("provider"))
            if key not in seen:
                seen.add(key)
                out.append(n)
        return out


def combine_providers(parts: list[Verdict]) -> str:
    """All providers agree -> their status; disagreement -> mixed; providers without data are ignored."""
    st = {p.status for p in parts if p.status not in ("no data", "pending")}
    if not st:
        return "pending" if any(p.status == "pending" for p in parts) else "no data"
    if st == {"supported"}:
        return "supported"
    if st == {"contradicted"}:
        return "contradicted"
    if st == {NO_CLEAR_CHANGE}:
        return NO_CLEAR_CHANGE
    return "mixed"
