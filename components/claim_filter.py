"""Which claims a reader asked for, how they fared, and which of them one page of cards shows (pure)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

from components import style
from components.evidence.verdict import OUTCOME_STATUSES


@dataclass(frozen=True)
class ClaimFilter:
    """Empty means 'no filter'; `only` is one claim id (a link to a single card)."""

    kinds: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    verdicts: tuple[str, ...] = ()
    only: str = ""
    text: str = ""  # words that must all appear in the claim's title, paraphrase or actors (any case)

    @property
    def active(self) -> bool:
        return bool(self.kinds or self.actors or self.verdicts or self.only or self.text.strip())


SORTS = {
    "article": "Article order",
    "verdict": "Verdict",
    "kind": "Kind of claim",
    "strength": "Evidence strength",
}
_STRENGTH_ORDER = {"strong": 0, "moderate": 1, "thin": 2, "": 3}


def filter_options(claims: Iterable) -> tuple[list[str], list[str], list[str]]:
    """(kinds, actor ids, verdict statuses) present in the claims, sorted: what the filters offer."""
    claims = list(claims)
    return (
        sorted({c.kind for c in claims}),
        sorted({a for c in claims for a in c.actors}),
        sorted({c.verdict.status for c in claims}),
    )


def outcome_options(claims: Iterable) -> list[str]:
    """What Hindsight's outcome filter offers for these scenarios and predictions: the whole outcome scale in its
    order, then any other status they have (not testable, no data, another rule's). The whole scale, not only the
    outcomes present: a reader may ask which are still too early and be told none is, and a link saved while one
    was keeps working once the verdicts have moved on (its filter then matches nothing, and the page says so)."""
    present = filter_options(claims)[2]
    if not present:
        return []
    return list(OUTCOME_STATUSES) + [status for status in present if status not in OUTCOME_STATUSES]


def _haystack(claim, actor_labels: dict[str, str]) -> str:
    words = [getattr(claim, "short", "") or "", getattr(claim, "paraphrase", "") or ""]
    words += [actor_labels.get(a, a) for a in claim.actors]
    return " ".join(words).lower()


def filter_claims(claims: Iterable, chosen: ClaimFilter, actor_labels: dict[str, str] | None = None) -> list:
    """The claims matching every filter (an actor filter matches a claim naming any chosen actor; the search
    text matches when every word of it appears in the title, the paraphrase or an actor's name)."""
    actors = set(chosen.actors)
    words = chosen.text.lower().split()
    labels = actor_labels or {}
    return [
        c
        for c in claims
        if (not chosen.only or c.id == chosen.only)
        and (not chosen.kinds or c.kind in chosen.kinds)
        and (not actors or set(c.actors) & actors)
        and (not chosen.verdicts or c.verdict.status in chosen.verdicts)
        and (not words or all(w in _haystack(c, labels) for w in words))
    ]


def strength_level(claim) -> str:
    strength = getattr(claim.verdict, "strength", None)
    return getattr(strength, "level", "") or ""


def sort_claims(claims: Iterable, by: str) -> list:
    """Claims in article order (paragraph, then file order), or grouped by verdict, kind or evidence strength
    (strongest first), article order within a group."""
    ordered = sorted(enumerate(claims), key=lambda ic: (getattr(ic[1], "paragraph", 0) or 0, ic[0]))
    if by == "verdict":
        ordered.sort(key=lambda ic: ic[1].verdict.status)
    elif by == "kind":
        ordered.sort(key=lambda ic: ic[1].kind)
    elif by == "strength":
        ordered.sort(key=lambda ic: _STRENGTH_ORDER.get(strength_level(ic[1]), 3))
    return [c for _, c in ordered]


def status_counts(claims: Iterable) -> dict[str, int]:
    """verdict status -> number of claims, statuses in alphabetical order."""
    counts: dict[str, int] = {}
    for c in claims:
        counts[c.verdict.status] = counts.get(c.verdict.status, 0) + 1
    return dict(sorted(counts.items()))


def page_count(total: int, size: int) -> int:
    """Pages of `size` cards needed for `total` claims (at least one, so an empty list has a page)."""
    return max(1, -(-total // size))


def page_of(items: Sequence, page: int, size: int) -> list:
    """The items on page `page` (1-based)."""
    return list(items[(page - 1) * size : page * size])


def page_span(page: int, size: int, total: int) -> tuple[int, int]:
    """(first, last) card number shown on page `page`, 1-based; (0, 0) when nothing matches."""
    if total == 0:
        return 0, 0
    return (page - 1) * size + 1, min(page * size, total)


OVERVIEW_COLUMNS = ["claim", "kind", "verdict", "evidence", "paragraph", "card"]


def overview_table(claims, card_url) -> pd.DataFrame:
    """One row per claim for the overview table: short name, kind, verdict, evidence strength, paragraph and
    `card_url(claim id)` (its card alone)."""
    return pd.DataFrame(
        [
            {
                "claim": c.short or style.human(c.id),
                "kind": style.human(c.kind),
                "verdict": c.verdict.status,
                "evidence": getattr(getattr(c.verdict, "strength", None), "label", "") or "",
                "paragraph": c.paragraph,
                "card": card_url(c.id),
            }
            for c in claims
        ],
        columns=OVERVIEW_COLUMNS,
    )
