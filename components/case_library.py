"""The case library: every folder under data/cases/ is a case; list, validate and start one.

Why a library module apart from components.case: loading a case is what pages do on every run, while
listing folders, pointing a problem at the exact line of a file and writing a skeleton are what an author
does once. `python -m components.case list | validate DIR | new ID` is the command line (see `main`).
No streamlit here.
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from components import case as case_files

CASE_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
CASE_FILES = (
    "case.toml",
    "actors.csv",
    "events.csv",
    "claims.toml",
    "relations.csv",
    "facts.csv",
    "article_fingerprint.json",
)


@dataclass(frozen=True)
class Problem:
    """One problem in a case folder, located as an author finds it: file, line in that file, field."""

    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line else "")
        return f"{where}: {self.field}: {self.message}"


@dataclass(frozen=True)
class CaseSummary:
    id: str
    title: str
    published: str
    claims: int
    problem: str  # '' when the case loads


def case_ids(root: Path | str | None = None) -> list[str]:
    """Folder names under the cases root that look like cases (hold a case.toml), sorted."""
    base = Path(root or case_files.CASES_ROOT)
    if not base.is_dir():
        return []
    return sorted(p.name for p in base.iterdir() if p.is_dir() and (p / "case.toml").is_file())


def case_title(case_dir: Path) -> tuple[str, str]:
    """(title, published) from case.toml without validating the rest ('' when unreadable)."""
    try:
        meta = tomllib.loads((case_dir / "case.toml").read_text(encoding="utf-8")).get("case", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return "", ""
    if not isinstance(meta, dict):
        return "", ""
    return str(meta.get("title", "")), str(meta.get("published", ""))


def summaries(root: Path | str | None = None) -> list[CaseSummary]:
    base = Path(root or case_files.CASES_ROOT)
    out = []
    for cid in case_ids(base):
        title, published = case_title(base / cid)
        try:
            loaded = case_files.load_case(cid, base, verdicts=False)
            n, problem = len(loaded.claims), ""
        except case_files.CaseError as exc:
            n, problem = 0, f"{len(exc.issues)} problem(s); run validate"
        out.append(CaseSummary(cid, title, published, n, problem))
    return out


# ------------------------------------------------------------------------------------------- anchors
TRIGGER_CATEGORIES = ("statement", "sanctions", "tariffs")


def trigger_event(events: pd.DataFrame, published) -> dict | None:
    """The event the article reacts to: its latest 'article' event on or before publication (a statement,
    sanction or tariff preferred on that day); None when the case has none. Pages open their charts there."""
    if events is None or events.empty or published is None:
        return None
    on_or_before = events[(events["phase"] == "article") & (events["date"] <= pd.Timestamp(published))]
    if on_or_before.empty:
        return None
    last_day = on_or_before[on_or_before["date"] == on_or_before["date"].max()]
    preferred = last_day[last_day["category"].isin(TRIGGER_CATEGORIES)]
    return (preferred if len(preferred) else last_day).iloc[0].to_dict()


def chart_start(trigger_date, months_before: int = 5) -> pd.Timestamp:
    """Default start of a case's market charts: the 1st of the month `months_before` months before its trigger."""
    t = pd.Timestamp(trigger_date)
    return (t - pd.DateOffset(months=months_before)).replace(day=1).normalize()


# ------------------------------------------------------------------------------------------- locating
_TABLE_RE = re.compile(r"^\s*\[\[?\s*([\w.]+)\s*\]\]?")
_KEY_RE = re.compile(r"^\s*([A-Za-z0-9_]+)\s*=")


def claim_field_lines(text: str) -> list[dict[str, int]]:
    """For each [[claim]] of claims.toml, field path -> line number ('' = the [[claim]] header itself).
    Fields under [claim.evidence] are 'evidence.<key>'; so an issue about 'evidence.series' finds its line."""
    blocks: list[dict[str, int]] = []
    prefix = ""
    for number, line in enumerate(text.splitlines(), start=1):
        table = _TABLE_RE.match(line)
        if table:
            name = table.group(1)
            if name == "claim" and line.lstrip().startswith("[["):
                blocks.append({"": number})
                prefix = ""
            elif name.startswith("claim.") and blocks:
                prefix = name.removeprefix("claim.") + "."
                blocks[-1].setdefault(prefix.rstrip("."), number)
            continue
        key = _KEY_RE.match(line)
        if key and blocks:
            blocks[-1].setdefault(prefix + key.group(1), number)
    return blocks


def _claims_line(blocks: list[dict[str, int]], index: int | None, field: str) -> int | None:
    if index is None or not 1 <= index <= len(blocks):
        return None
    block = blocks[index - 1]
    path = re.sub(r"\[\d+\]", "", field)  # conditions[0].rule -> conditions.rule (first match is close enough)
    while path:
        if path in block:
            return block[path]
        path = path.rpartition(".")[0]
    return block[""]


def _locate(issue: case_files.CaseIssue, claim_blocks: list[dict[str, int]]) -> Problem:
    if issue.file == "claims.toml":
        return Problem(issue.file, _claims_line(claim_blocks, issue.row, issue.field), issue.field, issue.message)
    return Problem(Path(issue.file).name, issue.row, issue.field, issue.message)


def unknown_series(loaded: case_files.Case, known: set[str]) -> list[tuple[int, str, str]]:
    """(claim index, field, message) for each series id a claim names that the catalog does not know."""
    out = []
    for index, claim in enumerate(loaded.claims, start=1):
        for sid in claim.series:
            if sid not in known:
                out.append((index, "evidence.series", f"unknown series id {sid!r} (claim {claim.id})"))
    return out


def validate_dir(case_dir, known_series: set[str] | None = None) -> list[Problem]:
    """Every problem of a case folder (a Path, or components.case_bundle.MemoryDir), each with file, line and
    field; [] when the case is valid. `known_series` defaults to the snapshot catalog's ids."""
    d = Path(case_dir) if isinstance(case_dir, (str, Path)) else case_dir
    if not d.is_dir():
        return [Problem(d.name or str(d), None, "-", "not a folder")]
    claims_path = d / "claims.toml"
    try:
        claims_text = claims_path.read_text(encoding="utf-8") if claims_path.exists() else ""
    except (OSError, UnicodeDecodeError) as exc:
        return [Problem("claims.toml", None, "-", f"cannot be read as UTF-8 text ({type(exc).__name__})")]
    blocks = claim_field_lines(claims_text)
    try:
        loaded = case_files.read_case_dir(d, d.name, verdicts=False)
    except case_files.CaseError as exc:
        return [_locate(i, blocks) for i in exc.issues]
    except (OSError, UnicodeDecodeError) as exc:
        return [Problem(d.name, None, "-", f"a file cannot be read as UTF-8 text ({type(exc).__name__})")]
    if known_series is None:
        from components import data  # noqa: PLC0415 - only the command line needs the catalog

        known_series = set(data.catalog()["id"])
    return [
        Problem("claims.toml", _claims_line(blocks, index, field), field, message)
        for index, field, message in unknown_series(loaded, known_series)
    ]


# ------------------------------------------------------------------------------------------- skeleton
def skeleton_files(case_id: str, title: str = "Untitled article") -> dict[str, str]:
    """The files of a new case that validates as it is: one actor, one interpretive claim, no events yet."""
    if not CASE_ID_RE.match(case_id):
        raise ValueError(f"case id {case_id!r}: use lowercase letters, digits and '-' (at most 64)")
    return {
        "case.toml": (
            "[case]\n"
            f'id = "{case_id}"\n'
            f"title = {evidence_toml_string(title)}\n"
            'author = "unknown"\n'
            'outlet = "unknown"\n'
            'published = "2025-01-01"\n'
            "paragraphs = 1\n"
            'summary = "Replace with a two-line summary of the article, in your own words."\n'
            'article_ref = "Replace with the article\'s URL and how paragraphs are counted."\n'
        ),
        "actors.csv": "id,label,kind,country,role,aliases\nus,United States,state,US,,United States;US;Washington\n",
        "events.csv": ",".join(case_files.EVENT_COLS) + "\n",
        "relations.csv": ",".join(case_files.RELATION_COLS) + "\n",
        "facts.csv": ",".join(case_files.FACT_COLS) + "\n",
        "claims.toml": (
            "# Claims in your own words (never the article's sentences); verdicts are computed, never typed.\n\n"
            "[[claim]]\n"
            'id = "first_claim"\n'
            'paraphrase = "Replace with the first claim, paraphrased."\n'
            'kind = "interpretive"\n'
            'actors = ["us"]\n'
            "period_start = 2025-01-01\n"
            "period_end = 2025-01-01\n"
            "paragraph = 1\n"
            "[claim.evidence]\n"
            'rule = "interpretive"\n'
            'why = "Replace with why it cannot be checked, or pick a rule that checks it."\n'
        ),
    }


def evidence_toml_string(text: str) -> str:
    """A TOML basic string for any text (quotes, backslashes and control characters escaped)."""
    out = []
    for ch in str(text):
        if ch in ('"', "\\"):
            out.append("\\" + ch)
        elif ord(ch) < 32 or ord(ch) == 127:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def new_case(case_id: str, root: Path | str | None = None) -> Path:
    """Write a skeleton case folder; refuses to overwrite an existing one."""
    base = Path(root or case_files.CASES_ROOT)
    target = base / case_id
    files = skeleton_files(case_id)
    if target.exists():
        raise FileExistsError(f"case {case_id!r} already exists")
    target.mkdir(parents=True)
    for name, body in files.items():
        (target / name).write_text(body, encoding="utf-8")
    return target


# ----------------------------------------------------------------------------------------- command line
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m components.case", description="The case library.")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("list", help="every case under data/cases/")
    check = sub.add_parser("validate", help="every problem of a case folder (file:line: field: message)")
    check.add_argument("dir")
    start = sub.add_parser("new", help="write a skeleton case that validates")
    start.add_argument("id")
    start.add_argument("--root", default=None, help="cases folder (default data/cases)")
    args = parser.parse_args(argv)
    if args.command == "list":
        for s in summaries():
            state = s.problem or f"{s.claims} claims"
            default = " (default)" if s.id == case_files.DEFAULT_CASE else ""
            print(f"{s.id}{default}\t{s.published}\t{state}\t{s.title}")
        return 0
    if args.command == "validate":
        problems = validate_dir(args.dir)
        for p in problems:
            print(p)
        print(f"{Path(args.dir).name}: " + ("valid" if not problems else f"{len(problems)} problem(s)"))
        return 1 if problems else 0
    try:
        target = new_case(args.id, args.root)
    except (ValueError, FileExistsError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {target.name}/ with {', '.join(sorted(p.name for p in target.iterdir()))}")
    return 0
