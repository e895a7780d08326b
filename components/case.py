"""Case files -> validated objects (components.case.load_case).

Why: the case (claims, events, actors, relations, facts) is plain TOML/CSV so it can be reviewed in a pull
request; validation on load turns any mistake into a CaseError naming file, row and field rather than a
broken chart later. Verdicts are never stored: they are computed here from the data on every load.
No streamlit here; pages reach this module through components.ui.case().
"""

from __future__ import annotations

import csv
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from components import evidence, strength
from components.style import to_timestamp

DEFAULT_CASE = "2025-03-secondary-sanctions"
CASES_ROOT = Path(__file__).resolve().parent.parent / "data" / "cases"

CLAIM_KINDS = ("event", "quantitative", "causal", "scenario", "prediction", "interpretive")
ACTOR_KINDS = ("state", "person", "bloc", "organisation", "company")
CATEGORIES = ("sanctions", "tariffs", "aid", "military", "diplomacy", "energy_deal", "trade", "statement")
PHASES = ("context", "article", "hindsight")
RELATION_TYPES = (
    "coerces",
    "threatens sanctions",
    "sanctions",
    "tariffs",
    "buys oil from",
    "sells oil to",
    "supplies arms to",
    "cuts aid to",
    "strikes",
    "proposes ceasefire",
    "declines guarantee",
    "competes with",
    "depends on",
    "negotiates with",
    "meets",
    "mentioned with",  # a relation read from a pasted text where no verb types it
)
ACTOR_COLS = ("id", "label", "kind", "country", "role", "aliases")
EVENT_COLS = (
    "id",
    "date",
    "date_precision",
    "title",
    "summary",
    "actors",
    "category",
    "source_title",
    "source_url",
    "source_published",
    "phase",
)
RELATION_COLS = ("source", "target", "type", "directed", "weight", "start", "end", "claims", "events", "series", "note")
FACT_COLS = ("id", "topic", "period", "value", "unit", "statement", "provider", "source_title", "source_url")
CASE_KEYS = ("id", "title", "author", "outlet", "published", "summary", "article_ref")
ID_RE = re.compile(r"^[a-z0-9_]+$")
URL_RE = re.compile(r"^https?://\S+$")


@dataclass
class CaseIssue:
    file: str
    row: int | None  # 1-based line in a CSV (header = line 1) or claim index (1-based) in claims.toml
    field: str
    message: str

    def __str__(self) -> str:
        where = self.file + (f" row {self.row}" if self.row is not None else "")
        return f"{where}, field '{self.field}': {self.message}"


class CaseError(ValueError):
    """Raised when case files are invalid; .issues lists every problem found (file, row, field, message)."""

    def __init__(self, issues: list[CaseIssue]):
        self.issues = issues
        first = issues[0]
        self.file, self.row, self.field = first.file, first.row, first.field
        super().__init__("Invalid case files:\n" + "\n".join(f"- {i}" for i in issues))


@dataclass
class Claim:
    id: str
    paraphrase: str
    kind: str
    actors: list[str]
    period_start: pd.Timestamp
    period_end: pd.Timestamp
    paragraph: int
    evidence: dict
    short: str = ""
    headline: bool = False
    note: str = ""
    verdict: evidence.Verdict | None = None

    @property
    def series(self) -> list[str]:
        return evidence.series_ids(self.evidence)

    @property
    def context(self) -> Any:
        """The evidence Context its verdict was made in (None once pickled, e.g. by Streamlit's cache: it holds
        the loaders, which do not pickle; pages pass a context of their own to components.evidence.evaluate)."""
        return self.__dict__.get("_context")

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state.pop("_context", None)
        return state


@dataclass
class Case:
    id: str
    meta: dict
    claims: list[Claim]
    events: pd.DataFrame
    actors: pd.DataFrame
    relations: pd.DataFrame
    facts: pd.DataFrame
    root: Path = field(default=CASES_ROOT)

    def claim(self, claim_id: str) -> Claim:
        for c in self.claims:
            if c.id == claim_id:
                return c
        raise KeyError(claim_id)

    def actor_label(self, actor_id: str) -> str:
        row = self.actors[self.actors["id"] == actor_id]
        return str(row["label"].iloc[0]) if len(row) else actor_id

    def events_for(self, event_ids: list[str]) -> pd.DataFrame:
        return self.events[self.events["id"].isin(event_ids)]


# --------------------------------------------------------------------------------------------- reading
def _read_csv(
    path: Path, cols: tuple[str, ...], issues: list[CaseIssue], optional: tuple[str, ...] = ()
) -> list[tuple[int, dict]]:
    name = path.name
    if not path.exists():
        issues.append(CaseIssue(name, None, "-", "file is missing"))
        return []
    with path.open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        header = reader.fieldnames or []
        missing = [c for c in cols if c not in header and c not in optional]
        if missing:
            issues.append(CaseIssue(name, 1, ",".join(missing), "missing column(s) in header"))
            return []
        rows = []
        for i, r in enumerate(reader, start=2):
            if None in r:
                issues.append(CaseIssue(name, i, "-", "more values than header columns"))
                continue
            rows.append((i, {k: (r.get(k) or "").strip() for k in cols}))
        return rows


def _split(s: str) -> list[str]:
    return [x.strip() for x in s.split(";") if x.strip()]


def _check_unique(name: str, rows: list[tuple[int, dict]], issues: list[CaseIssue]) -> None:
    seen: dict[str, int] = {}
    for line, r in rows:
        if not ID_RE.match(r["id"]):
            issues.append(CaseIssue(name, line, "id", f"{r['id']!r} must be lowercase letters, digits, '_'"))
        elif r["id"] in seen:
            issues.append(CaseIssue(name, line, "id", f"duplicate id {r['id']!r} (first on row {seen[r['id']]})"))
        else:
            seen[r["id"]] = line


def _load_meta(d: Path, issues: list[CaseIssue]) -> dict:
    p = d / "case.toml"
    if not p.exists():
        issues.append(CaseIssue("case.toml", None, "-", "file is missing"))
        return {}
    try:
        meta = tomllib.loads(p.read_text(encoding="utf-8")).get("case")
    except tomllib.TOMLDecodeError as e:
        issues.append(CaseIssue("case.toml", None, "-", f"not valid TOML: {e}"))
        return {}
    if not isinstance(meta, dict):
        issues.append(CaseIssue("case.toml", None, "case", "needs a [case] table"))
        return {}
    for k in CASE_KEYS:
        if not str(meta.get(k, "")).strip():
            issues.append(CaseIssue("case.toml", None, f"case.{k}", "required"))
    if meta.get("published") and to_timestamp(meta["published"]) is None:
        issues.append(CaseIssue("case.toml", None, "case.published", f"not a date: {meta['published']!r}"))
    return meta


def _load_actors(d: Path, issues: list[CaseIssue]) -> pd.DataFrame:
    rows = _read_csv(d / "actors.csv", ACTOR_COLS, issues)
    _check_unique("actors.csv", rows, issues)
    for line, r in rows:
        if not r["label"]:
            issues.append(CaseIssue("actors.csv", line, "label", "required"))
        if r["kind"] not in ACTOR_KINDS:
            issues.append(CaseIssue("actors.csv", line, "kind", f"{r['kind']!r} not one of {', '.join(ACTOR_KINDS)}"))
    df = pd.DataFrame([r for _, r in rows], columns=list(ACTOR_COLS))
    df["aliases"] = df["aliases"].apply(_split)
    return df


def _load_events(d: Path, actor_ids: set[str], issues: list[CaseIssue]) -> pd.DataFrame:
    name = "events.csv"
    rows = _read_csv(d / name, EVENT_COLS, issues)
    _check_unique(name, rows, issues)
    for line, r in rows:
        t = to_timestamp(r["date"])
        if t is None:
            issues.append(CaseIssue(name, line, "date", f"not a date: {r['date']!r}"))
        if r["date_precision"] not in ("day", "month"):
            issues.append(CaseIssue(name, line, "date_precision", "must be 'day' or 'month'"))
        elif r["date_precision"] == "month" and t is not None and t.day != 1:
            issues.append(CaseIssue(name, line, "date", "month-precision events sit on the 1st of the month"))
        for k in ("title", "summary"):
            if not r[k]:
                issues.append(CaseIssue(name, line, k, "required"))
        if r["category"] not in CATEGORIES:
            issues.append(CaseIssue(name, line, "category", f"{r['category']!r} not one of {', '.join(CATEGORIES)}"))
        if r["phase"] not in PHASES:
            issues.append(CaseIssue(name, line, "phase", f"{r['phase']!r} not one of {', '.join(PHASES)}"))
        if not r["source_title"]:
            issues.append(CaseIssue(name, line, "source_title", "every event needs a source (title missing)"))
        if not URL_RE.match(r["source_url"]):
            issues.append(CaseIssue(name, line, "source_url", "every event needs a source URL (http/https)"))
        if r["source_published"] and to_timestamp(r["source_published"]) is None:
            issues.append(CaseIssue(name, line, "source_published", f"not a date: {r['source_published']!r}"))
        acts = _split(r["actors"])
        if not acts:
            issues.append(CaseIssue(name, line, "actors", "at least one actor id required"))
        for a in acts:
            if a not in actor_ids:
                issues.append(CaseIssue(name, line, "actors", f"unknown actor id {a!r} (not in actors.csv)"))
    df = pd.DataFrame([r for _, r in rows], columns=list(EVENT_COLS))
    df["date"] = pd.to_datetime(df["date"], errors="coerce")
    df["actors"] = df["actors"].apply(_split)
    return df.sort_values("date", kind="stable").reset_index(drop=True)


def _load_facts(d: Path, issues: list[CaseIssue]) -> pd.DataFrame:
    name = "facts.csv"
    if not (d / name).exists():
        return pd.DataFrame(columns=list(FACT_COLS))
    rows = _read_csv(d / name, FACT_COLS, issues)
    _check_unique(name, rows, issues)
    for line, r in rows:
        for k in ("topic", "period", "value", "unit", "provider", "source_title"):
            if not r[k]:
                issues.append(CaseIssue(name, line, k, "required"))
        if evidence.parse_fact_value(r["value"])[1] is None:
            issues.append(CaseIssue(name, line, "value", f"not a number: {r['value']!r}"))
        if not URL_RE.match(r["source_url"]):
            issues.append(CaseIssue(name, line, "source_url", "every fact needs a source URL (http/https)"))
    return pd.DataFrame([r for _, r in rows], columns=list(FACT_COLS))


def _load_claims(d: Path, actor_ids: set[str], n_paragraphs: int, issues: list[CaseIssue]) -> list[Claim]:
    name = "claims.toml"
    p = d / name
    if not p.exists():
        issues.append(CaseIssue(name, None, "-", "file is missing"))
        return []
    try:
        raw = tomllib.loads(p.read_text(encoding="utf-8")).get("claim", [])
    except tomllib.TOMLDecodeError as e:
        issues.append(CaseIssue(name, None, "-", f"not valid TOML: {e}"))
        return []
    claims, seen = [], set()
    for i, c in enumerate(raw, start=1):
        cid = str(c.get("id", ""))
        here = len(issues)

        def bad(fld: str, msg: str, i: int = i, cid: str = cid) -> None:
            issues.append(CaseIssue(name, i, fld, f"{msg} (claim {cid or '?'})"))

        if not ID_RE.match(cid):
            bad("id", "required; lowercase letters, digits, '_'")
        elif cid in seen:
            bad("id", "duplicate id")
        seen.add(cid)
        if not str(c.get("paraphrase", "")).strip():
            bad("paraphrase", "required")
        if c.get("kind") not in CLAIM_KINDS:
            bad("kind", f"{c.get('kind')!r} not one of {', '.join(CLAIM_KINDS)}")
        acts = c.get("actors", [])
        if not isinstance(acts, list) or not acts:
            bad("actors", "a non-empty list of actor ids is required")
            acts = []
        for a in acts:
            if a not in actor_ids:
                bad("actors", f"unknown actor id {a!r} (not in actors.csv)")
        ps, pe = to_timestamp(c.get("period_start")), to_timestamp(c.get("period_end"))
        if ps is None:
            bad("period_start", f"not a date: {c.get('period_start')!r}")
        if pe is None:
            bad("period_end", f"not a date: {c.get('period_end')!r}")
        if ps is not None and pe is not None and pe < ps:
            bad("period_end", "before period_start")
        para = c.get("paragraph")
        if not isinstance(para, int) or isinstance(para, bool) or not 1 <= para <= n_paragraphs:
            bad("paragraph", f"must be an integer 1..{n_paragraphs}")
        for fld, msg in evidence.validate_spec(c.get("evidence"), "evidence"):
            bad(fld, msg)
        if len(issues) == here:
            claims.append(
                Claim(
                    cid,
                    str(c["paraphrase"]).strip(),
                    c["kind"],
                    list(acts),
                    ps,
                    pe,
                    para,
                    dict(c["evidence"]),
                    str(c.get("short", "")),
                    bool(c.get("headline", False)),
                    str(c.get("note", "")),
                )
            )
    return claims


def _load_relations(
    d: Path, actor_ids: set[str], claim_ids: set[str], event_ids: set[str], issues: list[CaseIssue]
) -> pd.DataFrame:
    name = "relations.csv"
    rows = _read_csv(d / name, RELATION_COLS, issues)
    for line, r in rows:
        for k in ("source", "target"):
            if r[k] not in actor_ids:
                issues.append(CaseIssue(name, line, k, f"unknown actor id {r[k]!r} (not in actors.csv)"))
        if r["type"] not in RELATION_TYPES:
            issues.append(CaseIssue(name, line, "type", f"{r['type']!r} not one of {', '.join(RELATION_TYPES)}"))
        if r["directed"].lower() not in ("true", "false"):
            issues.append(CaseIssue(name, line, "directed", "must be true or false"))
        try:
            if not float(r["weight"]) > 0:
                raise ValueError
        except ValueError:
            issues.append(CaseIssue(name, line, "weight", f"must be a positive number, got {r['weight']!r}"))
        for k in ("start", "end"):
            if r[k] and to_timestamp(r[k]) is None:
                issues.append(CaseIssue(name, line, k, f"not a date: {r[k]!r}"))
        cl, evs = _split(r["claims"]), _split(r["events"])
        if not cl and not evs:
            issues.append(CaseIssue(name, line, "claims", "every relation needs at least one claim or event id"))
        for c in cl:
            if c not in claim_ids:
                issues.append(CaseIssue(name, line, "claims", f"unknown claim id {c!r}"))
        for e in evs:
            if e not in event_ids:
                issues.append(CaseIssue(name, line, "events", f"unknown event id {e!r}"))
    df = pd.DataFrame([r for _, r in rows], columns=list(RELATION_COLS))
    df["directed"] = df["directed"].str.lower().eq("true")
    df["weight"] = pd.to_numeric(df["weight"], errors="coerce")
    for k in ("start", "end"):
        df[k] = pd.to_datetime(df[k].replace("", None), errors="coerce")
    for k in ("claims", "events", "series"):
        df[k] = df[k].apply(_split)
    return df


# --------------------------------------------------------------------------------------------- public
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
    meta = _load_meta(d, issues)
    actors = _load_actors(d, issues)
    actor_ids = set(actors["id"])
    events = _load_events(d, actor_ids, issues)
    facts = _load_facts(d, issues)
    claims = _load_claims(d, actor_ids, int(meta.get("paragraphs", 19) or 19), issues)
    relations = _load_relations(d, actor_ids, {c.id for c in claims}, set(events["id"]), issues)
    if issues:
        raise CaseError(issues)
    meta = dict(meta)
    meta["published"] = to_timestamp(meta["published"])
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
