"""Which claims a reader asked for, how they fared, and which of them one page of cards shows (pure)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class ClaimFilter:
    """Empty means 'no filter'; `only` is one claim id (a link to a single card)."""

    kinds: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    verdicts: tuple[str, ...] = ()
    only: str = ""


def filter_options(claims: Iterable) -> tuple[list[str], list[str], list[str]]:
    """(kinds, actor ids, verdict statuses) present in the claims, sorted: what the filters offer."""
    claims = list(claims)
    return (
        sorted({c.kind for c in claims}),
        sorted({a for c in claims for a in c.actors}),
        sorted({c.verdict.status for c in claims}),
    )


def filter_claims(claims: Iterable, chosen: ClaimFilter) -> list:
    """The claims matching every filter (an actor filter matches a claim naming any chosen actor)."""
    actors = set(chosen.actors)
    return [
        c
        for c in claims
        if (not chosen.only or c.id == chosen.only)
        and (not chosen.kinds or c.kind in chosen.kinds)
        and (not actors or set(c.actors) & actors)
        and (not chosen.verdicts or c.verdict.status in chosen.verdicts)
    ]


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
