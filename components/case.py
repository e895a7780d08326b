"""Case files -> validated objects (components.case.load_case).

Why: the case (claims, events, actors, relations, facts) is plain TOML/CSV so it can be reviewed in a pull
request; validation on load turns any mistake into a CaseError naming file, row and field rather than a
broken chart later. Verdicts are never stored: they are computed here from the data on every load.
No streamlit here; pages reach this module through components.ui.case().
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from components import evidence, strength
from components.case_model import (
    ACTOR_COLS,
    ACTOR_KINDS,
    CASE_KEYS,
    CASES_ROOT,
    CATEGORIES,
    CLAIM_KINDS,
    DEFAULT_CASE,
    EVENT_COLS,
    FACT_COLS,
    ID_RE,
    PHASES,
    RELATION_COLS,
    RELATION_TYPES,
    URL_RE,
    Case,
    CaseError,
    CaseIssue,
    Claim,
)
from components.case_readers import load_actors, load_claims, load_events, load_facts, load_meta, load_relations
from components.style import to_timestamp

__all__ = [
    "DEFAULT_CASE",
    "CASES_ROOT",
    "CLAIM_KINDS",
    "ACTOR_KINDS",
    "CATEGORIES",
    "PHASES",
    "RELATION_TYPES",
    "ACTOR_COLS",
    "EVENT_COLS",
    "RELATION_COLS",
    "FACT_COLS",
    "CASE_KEYS",
    "ID_RE",
    "URL_RE",
    "CaseIssue",
    "CaseError",
    "Claim",
    "Case",
    "compute_verdicts",
    "load_case",
    "read_case_dir",
    "verdict_counts",
]


def _default_loaders() -> tuple[Callable | None, Callable | None, Callable | None]:
    """components.data loaders when the data layer is importable; otherwise None (verdicts say 'no data')."""
    try:
        from components import data as data_layer  # noqa: PLC0415 - optional dependency at call time
    except ImportError:
        return None, None, None
    return tuple(getattr(data_layer, name, None) for name in ("load_series", "load_points", "series_meta"))


def _once_per_id(load: Callable | None) -> Callable | None:
    """`load(id)` remembered per id for one verdict run: claims share series, and a rule must not read (and
    checksum) the same snapshot file a dozen times. A failure is remembered too and raised again."""
    if load is None:
        return None
    seen: dict[str, tuple[Any, BaseException | None]] = {}

    def get(series_id: str):
        if series_id not in seen:
            try:
                seen[series_id] = (load(series_id), None)
            except Exception as exc:  # noqa: BLE001 - re-raised as is, for the rule's own handling
                seen[series_id] = (None, exc)
        value, error = seen[series_id]
        if error is not None:
            raise error
        return value

    return get


def compute_verdicts(
    case: Case,
    get_series: Callable | None = None,
    get_points: Callable | None = None,
    today: Any = None,
    get_meta: Callable | None = None,
) -> Case:
    """(Re)compute every claim's verdict from the data; returns the same case for chaining."""
    get_series, get_points, get_meta = (_once_per_id(f) for f in (get_series, get_points, get_meta))
    ctx = evidence.Context(
        get_series=get_series,
        get_points=get_points,
        events=case.events,
        facts=case.facts,
        today=pd.Timestamp(today).normalize() if today is not None else pd.Timestamp.today().normalize(),
        get_meta=get_meta,
    )
    for c in case.claims:
        c.verdict = evidence.evaluate(c.evidence, ctx, c)
        c.verdict.strength = strength.assess(c.verdict, get_meta)
        c._context = ctx  # not a dataclass field: hashing and pickling a claim must not reach the loaders
    return case


def load_case(
    case_id: str = DEFAULT_CASE,
    root: Path | str | None = None,
    *,
    get_series: Callable | None = None,
    get_points: Callable | None = None,
    get_meta: Callable | None = None,
    today: Any = None,
    use_data_layer: bool = True,
    verdicts: bool = True,
) -> Case:
    """Read and validate a case folder, then compute verdicts (unless `verdicts=False`: pages that only draw
    the events or the actors skip reading every series behind the claims; claims then have no verdict).

    Loaders default to components.data (when importable and `use_data_layer`); pass fixtures in tests.
    Raises CaseError listing every problem (file, row, field).
    """
    d = Path(root or CASES_ROOT) / case_id
    if not d.is_dir():
        raise CaseError([CaseIssue(f"data/cases/{d.name}", None, "-", "case folder not found")])
    return read_case_dir(
        d,
        case_id,
        get_series=get_series,
        get_points=get_points,
        get_meta=get_meta,
        today=today,
        use_data_layer=use_data_layer,
        verdicts=verdicts,
    )


def read_case_dir(
    d: Any,
    case_id: str,
    *,
    get_series: Callable | None = None,
    get_points: Callable | None = None,
    get_meta: Callable | None = None,
    today: Any = None,
    use_data_layer: bool = True,
    verdicts: bool = True,
) -> Case:
    """`load_case` for a folder given as a Path or anything that reads like one (components.case_bundle's
    MemoryDir: a case held in memory for one session, never written to disk)."""
    issues: list[CaseIssue] = []
    meta = load_meta(d, issues)
    actors = load_actors(d, issues)
    actor_ids = set(actors["id"])
    events = load_events(d, actor_ids, issues)
    facts = load_facts(d, issues)
    claims = load_claims(d, actor_ids, int(meta.get("paragraphs", 19) or 19), issues)
    relations = load_relations(d, actor_ids, {c.id for c in claims}, set(events["id"]), issues)
    if issues:
        raise CaseError(issues)
    meta = dict(meta)
    meta["published"] = to_timestamp(meta["published"])
    # readers see actors by name wherever an event is shown (chart hovers, cards); the ids stay in "actors"
    names = dict(zip(actors["id"], actors["label"]))
    events = events.assign(actor_names=events["actors"].apply(lambda ids: [names.get(a, a) for a in ids]))
    case = Case(case_id, meta, claims, events, actors, relations, facts, d if isinstance(d, Path) else CASES_ROOT)
    if not verdicts:
        return case
    if get_series is None and get_points is None and use_data_layer:
        get_series, get_points, dm = _default_loaders()
        get_meta = get_meta or dm
    return compute_verdicts(case, get_series, get_points, today, get_meta)


def verdict_counts(case: Case) -> dict[str, int]:
    """status -> number of claims (for summaries on the home page)."""
    out: dict[str, int] = {}
    for c in case.claims:
        s = c.verdict.status if c.verdict else "no data"
        out[s] = out.get(s, 0) + 1
    return out


if __name__ == "__main__":  # python -m components.case list | validate DIR | new ID
    from components.case_library import main

    raise SystemExit(main())
