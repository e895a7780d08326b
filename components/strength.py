"""Evidence strength: how much a verdict rests on, in numbers and in one short label.

Why beside every verdict: "supported" on four of the 24 months a rule looks at, or on one converted figure copied
from a mirror page, must not look like "supported" on a full series from two providers that agree. The strength
is computed from what the verdict used (its parts, their coverage, the figures with their flags and sources),
never typed in. Pure: input a Verdict (and optionally the series' metadata), output a Strength. No streamlit.

Levels (the Methodology page prints `RULE_TEXT`):
- thin: under half of the months the rule looks at have a figure; or half or more of the figures are flagged
  (partial, provisional, caution, converted); or every cited source is a mirror copy or unknown outlet; or the
  rule marked its figures `low_power` (an event-study test on monthly data);
- moderate: under 80 % coverage, one provider where the rule asks several, providers that disagree, any flagged
  figure, or a secondary source (tier 3 or 4) among those used;
- strong: none of these.
A verdict that weighed no evidence (not testable, no data, pending, too early) has no strength level.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from components.source_tiers import LOWEST, NO_SOURCE, SECONDARY, Tier, tier_of, weakest

NOT_IN_RECORD = "not in the case record"  # components.evidence.verdict.NOT_IN_RECORD (no import: no cycle)

THIN_BELOW = 0.5
MODERATE_BELOW = 0.8
UNWEIGHED = ("not testable", "no data", "pending", "too early", NOT_IN_RECORD)
ABSENCE = "rests on absence from the case record"
UNDECIDED_PART = ("no data", "pending", "not testable")
RULE_TEXT = (
    "Evidence strength is computed from what the verdict used. Thin: under half of the months the rule looks at "
    "have a figure, or half or more of the figures are flagged (any flag: partial, approximate, a bound, "
    "converted...), or every cited source is a mirror copy or an unknown outlet, or the test itself has little "
    "power (an event study on monthly data). Moderate: under 80% of the months covered, one provider "
    "where the rule asks several, providers that disagree, any flagged figure, or a secondary source among those "
    "used. Strong: none of these. For events, the matching events' sources are weighed the same way; a scenario is "
    "as strong as its weakest tested condition, and says when a condition could not be tested."
)


@dataclass
class Strength:
    level: str  # 'strong' | 'moderate' | 'thin' | '' (nothing weighed)
    reason: str  # why, in a few words: '4 of 24 months'
    have: int | None = None  # months with a usable figure (best deciding provider)
    need: int | None = None  # months the rule looks at
    providers: list[str] = field(default_factory=list)  # providers that decided the verdict
    providers_asked: int = 0  # providers the rule looks at
    agree: bool | None = None  # None when fewer than two providers decided
    figures: int = 0
    flagged: int = 0
    weakest_tier: Tier | None = None
    untested: list[str] = field(default_factory=list)  # scenario conditions that could not be tested
    events: int = 0

    @property
    def label(self) -> str:
        """'thin evidence (4 of 24 months)'; '' when the verdict weighed no evidence."""
        if not self.level:
            return ""
        return f"{self.level} evidence" + (f" ({self.reason})" if self.reason else "")

    @property
    def flagged_share(self) -> float | None:
        return self.flagged / self.figures if self.figures else None

    def with_status(self, status: str) -> str:
        """'supported · thin evidence (4 of 24 months)'; a bare status when nothing was weighed."""
        return f"{status} · {self.label}" if self.label else status

    def explain(self) -> str:
        """The numbers behind the label, in one paragraph (tooltip / expander)."""
        if not self.level:
            return "No evidence was weighed for this verdict."
        bits = []
        if self.need:
            bits.append(f"coverage {self.have} of {self.need} months the rule looks at")
        if self.providers:
            agree = "" if self.agree is None else (", they agree" if self.agree else ", they disagree")
            bits.append(
                f"providers used: {', '.join(self.providers)} ({len(self.providers)} of {self.providers_asked}{agree})"
            )
        if self.events:
            bits.append(f"{self.events} matching event(s)")
        if self.figures:
            bits.append(f"{self.flagged} of {self.figures} figures flagged")
        if self.weakest_tier is not None:
            bits.append(f"weakest source: {self.weakest_tier.label}")
        if self.untested:
            bits.append("not tested: " + "; ".join(self.untested))
        return (self.label[:1].upper() + self.label[1:]) + ": " + "; ".join(bits) + "."

    def as_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "level": self.level,
            "reason": self.reason,
            "coverage_months": self.have,
            "months_looked_at": self.need,
            "providers": list(self.providers),
            "providers_asked": self.providers_asked,
            "providers_agree": self.agree,
            "figures": self.figures,
            "flagged": self.flagged,
            "flagged_share": None if self.flagged_share is None else round(self.flagged_share, 3),
            "weakest_tier": None if self.weakest_tier is None else self.weakest_tier.rank,
            "weakest_tier_name": None if self.weakest_tier is None else self.weakest_tier.name,
            "events": self.events,
            "untested": list(self.untested),
        }


def number_tier(number: dict, get_meta: Callable[[str], dict] | None = None) -> Tier:
    """A cited figure's tier: its own page, else its series' source page (EIA and ECB figures cite the series)."""
    url = number.get("source_url") or ""
    if not url and get_meta is not None and number.get("series"):
        try:
            url = (get_meta(number["series"]) or {}).get("source_url", "")
        except (LookupError, OSError, ValueError):
            url = ""
    if not str(url).startswith("http"):
        return NO_SOURCE
    return tier_of(str(url), str(number.get("source_title") or ""), str(number.get("provider") or ""))


def _is_event(number: dict) -> bool:
    return bool(number.get("event_id"))


def _flagged(number: dict) -> bool:
    return bool(str(number.get("flag") or "").strip())


def _decided(parts: list) -> list:
    return [p for p in parts if p.status not in UNDECIDED_PART]


def assess(verdict: Any, get_meta: Callable[[str], dict] | None = None) -> Strength:
    """The strength of one verdict (scenarios: the weakest tested condition; see the module docstring)."""
    if verdict is None or verdict.status in UNWEIGHED and not verdict.parts:
        return Strength("", "")
    if verdict.rule == "scenario_outcome":
        return _scenario(verdict, get_meta)
    if verdict.status in UNWEIGHED:
        return Strength("", "")
    return _single(verdict, get_meta)


def _single(verdict: Any, get_meta: Callable | None) -> Strength:
    parts = verdict.parts or [verdict]
    decided = _decided(parts)
    numbers = [n for p in decided for n in p.numbers] or list(verdict.numbers)
    events = [n for n in numbers if _is_event(n)]
    figures = [n for n in numbers if not _is_event(n)]
    tiers = [number_tier(n, get_meta) for n in numbers]
    out = Strength("strong", "", figures=len(figures), flagged=sum(_flagged(n) for n in figures), events=len(events))
    out.weakest_tier = weakest(tiers)
    covered = [p for p in decided if getattr(p, "coverage", None)]
    if covered:
        best = max(covered, key=lambda p: p.coverage["have"] / max(1, p.coverage["need"]))
        out.have, out.need = best.coverage["have"], best.coverage["need"]
    if verdict.parts:
        out.providers = [p.label for p in decided if p.label]
        out.providers_asked = len(verdict.parts)
        out.agree = len({p.status for p in decided}) == 1 if len(decided) > 1 else None
    if not numbers:
        out.level, out.reason = "moderate", ABSENCE
        return out
    thin, moderate = _reasons(out, tiers, events_only=bool(events) and not figures)
    # a rule can mark its own figures as weak evidence for a stated reason (an event study on monthly data)
    thin += list(dict.fromkeys(n["low_power"] for n in figures if n.get("low_power")))
    if thin:
        out.level, out.reason = "thin", thin[0]
    elif moderate:
        out.level, out.reason = "moderate", "; ".join(moderate[:2])
    else:
        out.reason = _strong_reason(out)
    return out


def _reasons(out: Strength, tiers: list[Tier], events_only: bool) -> tuple[list[str], list[str]]:
    thin, moderate = [], []
    ratio = out.have / out.need if out.need else None
    if ratio is not None and ratio < THIN_BELOW:
        thin.append(f"{out.have} of {out.need} months")
    if out.figures and out.flagged / out.figures >= THIN_BELOW:
        thin.append(
            "only flagged figures" if out.flagged == out.figures else f"{out.flagged} of {out.figures} figures flagged"
        )
    if tiers and all(t.rank >= LOWEST for t in tiers):
        thin.append("mirror copies or unknown outlets only" if not events_only else "only weak sources for the events")
    if ratio is not None and ratio < MODERATE_BELOW and not thin:
        moderate.append(f"{out.have} of {out.need} months")
    if out.providers_asked > 1 and len(out.providers) == 1:
        moderate.append(f"one provider of {out.providers_asked}")
    if out.agree is False:
        moderate.append("providers disagree")
    if out.flagged and not thin:
        moderate.append(f"{out.flagged} of {out.figures} figures flagged")
    if events_only:
        if tiers and min(t.rank for t in tiers) >= SECONDARY and not thin:
            moderate.append("secondary sources only")
    elif out.weakest_tier is not None and out.weakest_tier.rank >= SECONDARY and not thin:
        moderate.append(f"weakest source {out.weakest_tier.name}")
    return thin, moderate


def _strong_reason(out: Strength) -> str:
    bits = []
    if out.need:
        bits.append(f"{out.have} of {out.need} months")
    if len(out.providers) > 1:
        bits.append(f"{len(out.providers)} providers agree")
    if out.events:
        bits.append(f"{out.events} event(s)")
    return ", ".join(bits)


_ORDER = {"thin": 0, "moderate": 1, "strong": 2}


def _scenario(verdict: Any, get_meta: Callable | None) -> Strength:
    """A scenario is as strong as its weakest tested condition; untested conditions are listed."""
    tested, untested = [], []
    for part in verdict.parts:
        # a condition absent from the record once its window closed is scored as not having happened: say so
        strength = Strength("moderate", ABSENCE) if part.status == NOT_IN_RECORD else assess(part, get_meta)
        (tested if strength.level else untested).append((part, strength))
    if not tested:
        return Strength("", "", untested=[p.label for p, _ in untested])
    part, weakest_part = min(tested, key=lambda item: _ORDER[item[1].level])
    out = Strength(
        weakest_part.level,
        f"{part.label}: {weakest_part.reason}" if weakest_part.reason and weakest_part.level != "strong" else "",
        have=weakest_part.have,
        need=weakest_part.need,
        providers=sorted({p for _, s in tested for p in s.providers}),
        providers_asked=max((s.providers_asked for _, s in tested), default=0),
        figures=sum(s.figures for _, s in tested),
        flagged=sum(s.flagged for _, s in tested),
        weakest_tier=weakest([s.weakest_tier for _, s in tested if s.weakest_tier is not None]),
        untested=[p.label for p, _ in untested],
        events=sum(s.events for _, s in tested),
    )
    if untested:
        out.reason = (
            out.reason + "; " if out.reason else ""
        ) + f"{len(untested)} of {len(verdict.parts)} parts untested"
        if out.level == "strong":
            out.level = "moderate"
    return out
