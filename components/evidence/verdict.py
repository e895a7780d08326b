"""What a rule returns: the Verdict, the statuses it may take, and how provider verdicts combine."""

from __future__ import annotations

from dataclasses import dataclass, field

CLAIM_STATUSES = ("supported", "contradicted", "mixed", "not testable", "pending", "no data")
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
    return "mixed"
