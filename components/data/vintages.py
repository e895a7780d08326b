"""Vintages: every build of the snapshot is a dated, checksummed record of what changed and what it did.

A vintage record (one entry of `data/vintages.json`, oldest first) holds:
- `id`: the vintage checksum (sha256 over every series' checksum, first 12 hex digits) - pages key their
  caches on it, so a new vintage is picked up without a restart;
- `date`, `kind` (import | refresh), `note`;
- `sources`: per series its retrieval date, checksum, rows and last date;
- `changes`: per series what was added, revised or removed on the line, counts, the largest revisions and
  (for monthly series) the months covered before and after;
- `verdicts`: every claim's status and detail computed on this vintage's data, and `verdict_changes`
  against the previous vintage with the reason (the series behind the claim that changed).
`data/CHANGELOG.md` is written from these records; the Data & sources page shows the same text.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from . import snapshot
from .snapshot import read_snapshot_info

VINTAGES_NAME = "vintages.json"
CHANGELOG_NAME = "CHANGELOG.md"
LARGEST_REVISIONS = 3


def vintages_path(data_dir: Path | None = None) -> Path:
    return snapshot.active_dir(data_dir) / VINTAGES_NAME


def read_vintages(data_dir: Path | None = None) -> list[dict]:
    """Every vintage record, oldest first; a missing or unreadable file is an empty history."""
    try:
        records = json.loads(vintages_path(data_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [r for r in records if isinstance(r, dict) and "id" in r] if isinstance(records, list) else []


def current_vintage(data_dir: Path | None = None) -> dict:
    """{id, date} of the vintage the snapshot is at (from snapshot.json: one small file, read per page)."""
    info = read_snapshot_info(data_dir)
    return {"id": str(info.get("vintage", "")), "date": str(info.get("built", ""))}


def vintage_checksum(checksums: dict[str, str]) -> str:
    text = "".join(f"{sid}:{checksums[sid]}\n" for sid in sorted(checksums) if checksums[sid])
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def months_covered(line: pd.Series) -> int:
    if line.empty:
        return 0
    index = pd.DatetimeIndex(line.index)
    return len(set(zip(index.year, index.month)))


def line_diff(old: pd.Series, new: pd.Series, frequency: str = "daily") -> dict:
    """What changed on a series' line (one used value per date) between two vintages."""
    old, new = old.dropna().sort_index(), new.dropna().sort_index()
    old.index, new.index = pd.DatetimeIndex(old.index), pd.DatetimeIndex(new.index)
    common = old.index.intersection(new.index)
    before, after = old.loc[common].to_numpy(dtype=float), new.loc[common].to_numpy(dtype=float)
    delta = pd.Series(after - before, index=common)
    changed = delta[abs(after - before) > 1e-9 + 1e-6 * abs(before)]
    largest = changed.reindex(changed.abs().sort_values(ascending=False).index)[:LARGEST_REVISIONS]
    out = dict(
        added=int(len(new.index.difference(old.index))),
        revised=int(len(changed)),
        removed=int(len(old.index.difference(new.index))),
        rows_before=int(len(old)),
        rows_after=int(len(new)),
        last_before=str(old.index.max().date()) if len(old) else "",
        last_after=str(new.index.max().date()) if len(new) else "",
        largest=[
            dict(date=str(d.date()), old=float(old[d]), new=float(new[d]), change=round(float(v), 6))
            for d, v in largest.items()
        ],
    )
    if frequency == "monthly":
        out.update(months_before=months_covered(old), months_after=months_covered(new))
    return out


def is_change(diff: dict) -> bool:
    return bool(diff["added"] or diff["revised"] or diff["removed"])


# ----------------------------------------------------------------------------------------- verdicts
def case_ids(cases_root: Path) -> list[str]:
    return sorted(p.name for p in cases_root.iterdir() if (p / "claims.toml").exists()) if cases_root.is_dir() else []


CASE_FILES = ("case.toml", "claims.toml", "events.csv", "facts.csv", "actors.csv", "relations.csv")


def case_fingerprints(cases_root: Path) -> dict[str, dict]:
    """Per case: a checksum of its files and its number of events (so a changed verdict can say whether the
    case itself changed, not only the data)."""
    out = {}
    for cid in case_ids(cases_root):
        folder = cases_root / cid
        digest = hashlib.sha256()
        for name in CASE_FILES:
            path = folder / name
            digest.update(name.encode() + b"\0" + (path.read_bytes() if path.exists() else b""))
        events = folder / "events.csv"
        count = max(0, len(events.read_text(encoding="utf-8").splitlines()) - 1) if events.exists() else 0
        out[cid] = {"checksum": digest.hexdigest()[:12], "events": count}
    return out


def compute_all_verdicts(
    get_points: Callable[[str], pd.DataFrame], get_meta: Callable[[str], dict], today, cases_root: Path | None = None
) -> tuple[dict[str, dict], dict[str, list[str]]]:
    """Every case's claims on the given data: ({'case/claim': {status, detail}}, {'case/claim': series ids})."""
    from components import case as case_module
    from components.evidence import series_ids

    from .snapshot import points_to_series

    root = Path(cases_root or case_module.CASES_ROOT)
    verdicts, uses = {}, {}
    for cid in case_ids(root):
        try:
            case = case_module.load_case(
                cid,
                root,
                get_series=lambda sid: points_to_series(get_points(sid), sid),
                get_points=get_points,
                get_meta=get_meta,
                today=today,
            )
        except case_module.CaseError:
            continue  # a broken case file is reported by the case pages, not by a data build
        for claim in case.claims:
            key = f"{cid}/{claim.id}"
            verdict = claim.verdict
            verdicts[key] = {
                "status": verdict.status if verdict else "no data",
                "detail": verdict.detail if verdict else "",
            }
            uses[key] = list(series_ids(claim.evidence)) if isinstance(claim.evidence, dict) else []
    return verdicts, uses


def case_change_text(previous: dict, current: dict) -> dict[str, str]:
    """case id -> 'the case files changed (events 49 -> 110)' for cases whose files differ between vintages."""
    out = {}
    for cid, now in current.items():
        was = previous.get(cid)
        if was and was["checksum"] != now["checksum"]:
            events = f" (events {was['events']} -> {now['events']})" if was["events"] != now["events"] else ""
            out[cid] = f"the case's files changed{events}"
    return out


def verdict_changes(
    previous: dict, current: dict, uses: dict, changed_series: set[str], case_changes: dict | None = None
) -> list[dict]:
    """Claims whose status differs from the previous vintage, with the reason in words."""
    out = []
    for key, now in current.items():
        was = previous.get(key)
        if was is None or was["status"] == now["status"]:
            continue
        touched = sorted(set(uses.get(key, [])) & changed_series)
        reasons = [f"new or revised figures in {', '.join(touched)}"] if touched else []
        case_text = (case_changes or {}).get(key.split("/")[0])
        reasons += [case_text] if case_text else []
        because = "; ".join(reasons) or "time passed (neither its series nor its case changed)"
        out.append(dict(claim=key, was=was["status"], now=now["status"], reason=f"{because}. Now: {now['detail']}"))
    return out


def verdict_notes(records: list[dict]) -> dict[str, dict]:
    """'case/claim' -> the latest change {date, was, now, reason}, for the claim cards."""
    notes = {}
    for record in records:
        for change in record.get("verdict_changes", []):
            notes[change["claim"]] = dict(change, date=record["date"], vintage=record["id"])
    return notes


def verdict_note(claim_key: str, status: str, records: list[dict]) -> str:
    """'changed with the <date> data: was <status>' when the claim's latest change led to its current status."""
    change = verdict_notes(records).get(claim_key)
    if not change or change["now"] != status:
        return ""
    return f"changed with the {change['date']} data: was {change['was']}"


# ---------------------------------------------------------------------------------------- changelog
def _number(value: float) -> str:
    return f"{value:,.6g}" if abs(value) < 1e5 else f"{value:,.0f}"


def changelog_lines(record: dict) -> list[str]:
    """One vintage as markdown lines (the page and CHANGELOG.md show the same words)."""
    lines = [f"## {record['date']} - vintage {record['id']} ({record.get('kind', 'build')})", ""]
    if record.get("note"):
        lines += [record["note"], ""]
    changes = {sid: d for sid, d in record.get("changes", {}).items() if is_change(d)}
    if not changes:
        lines.append("No series changed.")
    for sid, diff in sorted(changes.items()):
        text = f"- `{sid}`: {diff['added']} added, {diff['revised']} revised, {diff['removed']} removed"
        text += f" ({diff['rows_before']} -> {diff['rows_after']} values"
        if "months_before" in diff:
            text += f"; months covered {diff['months_before']} -> {diff['months_after']}"
        text += f"; last {diff['last_before'] or 'none'} -> {diff['last_after'] or 'none'})"
        if diff["largest"]:
            text += "; largest revisions: " + ", ".join(
                f"{r['date']} {_number(r['old'])} -> {_number(r['new'])}" for r in diff["largest"]
            )
        lines.append(text)
    lines.append("")
    verdicts = record.get("verdict_changes", [])
    if verdicts:
        lines += ["Verdicts that changed:", ""]
        lines += [f"- {c['claim']}: was {c['was']}, now {c['now']} - {c['reason']}" for c in verdicts]
        lines.append("")
    elif record.get("verdicts") and record.get("previous"):
        lines += ["No verdict changed.", ""]
    return lines


def changelog_markdown(records: list[dict]) -> str:
    head = [
        "# Data changelog",
        "",
        "Written by the importer and by `python -m components.data refresh`, newest vintage first. Each vintage "
        "lists per series what was added, revised or removed on its line, and every verdict the new data changed.",
        "",
    ]
    body = [line for record in reversed(records) for line in changelog_lines(record)]
    return "\n".join(head + body).rstrip() + "\n"


# ------------------------------------------------------------------------------------------ tables
def changes_table(record: dict) -> pd.DataFrame:
    """One row per series a vintage changed (for a page table: plain cells, no markdown)."""
    rows = []
    for sid, diff in sorted(record.get("changes", {}).items()):
        if not is_change(diff):
            continue
        rows.append(
            dict(
                series=sid,
                added=diff["added"],
                revised=diff["revised"],
                removed=diff["removed"],
                values=f"{diff['rows_before']} -> {diff['rows_after']}",
                months=f"{diff['months_before']} -> {diff['months_after']}" if "months_before" in diff else "",
                last=f"{diff['last_before'] or 'none'} -> {diff['last_after'] or 'none'}",
                largest_revisions="; ".join(
                    f"{r['date']}: {_number(r['old'])} -> {_number(r['new'])}" for r in diff["largest"]
                ),
            )
        )
    columns = ["series", "added", "revised", "removed", "values", "months", "last", "largest_revisions"]
    return pd.DataFrame(rows, columns=columns)


def verdict_changes_table(record: dict) -> pd.DataFrame:
    rows = [
        dict(claim=c["claim"], was=c["was"], now=c["now"], reason=c["reason"])
        for c in record.get("verdict_changes", [])
    ]
    return pd.DataFrame(rows, columns=["claim", "was", "now", "reason"])
