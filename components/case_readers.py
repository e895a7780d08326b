"""Reading and validating a case folder, one file at a time: each reader appends a CaseIssue (file, row, field)
for every problem it finds instead of stopping at the first, so `validate` can list them all at once."""

from __future__ import annotations

import csv
import tomllib
from pathlib import Path

import pandas as pd

from components import evidence
from components.case_model import (
    ACTOR_COLS,
    ACTOR_KINDS,
    CASE_KEYS,
    CATEGORIES,
    CLAIM_KINDS,
    EVENT_COLS,
    FACT_COLS,
    ID_RE,
    PHASES,
    RELATION_COLS,
    RELATION_TYPES,
    URL_RE,
    CaseIssue,
    Claim,
)
from components.style import to_timestamp


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


def load_meta(d: Path, issues: list[CaseIssue]) -> dict:
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


def load_actors(d: Path, issues: list[CaseIssue]) -> pd.DataFrame:
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


def load_events(d: Path, actor_ids: set[str], issues: list[CaseIssue]) -> pd.DataFrame:
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


def load_facts(d: Path, issues: list[CaseIssue]) -> pd.DataFrame:
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


def load_claims(d: Path, actor_ids: set[str], n_paragraphs: int, issues: list[CaseIssue]) -> list[Claim]:
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


def load_relations(
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
