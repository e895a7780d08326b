"""A case as a bundle of files in memory: build one from a scanned article, zip it, read an uploaded zip.

Why in memory: "Open as a case" and an uploaded zip must be viewable by one visitor without writing on a
shared server, so the files are kept as {name: text} and read through the same validation as a folder
(components.case.read_case_dir over a MemoryDir). Reading a zip is defensive: its size, number of entries,
names (one folder, known file names, nothing outside it), compression ratio and decoded text are checked
before any file is parsed, and nothing in it is ever executed or written to disk.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import re
import zipfile
from pathlib import PurePosixPath

import pandas as pd

from components import case as case_files
from components import case_library
from components.fingerprint import fingerprint

MAX_ZIP_BYTES = 1024 * 1024  # the upload limit of .streamlit/config.toml
MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_TOTAL_BYTES = 5 * 1024 * 1024
MAX_RATIO = 100  # uncompressed / compressed size of one entry; more is a zip bomb
ALLOWED = frozenset(case_library.CASE_FILES)
REQUIRED = ("case.toml", "actors.csv", "events.csv", "claims.toml", "relations.csv")
SESSION_PREFIX = "session-"
PASTED_REF = "Pasted text; paragraphs count blocks separated by blank lines."


class BundleError(ValueError):
    """A bundle that cannot be opened; the message names the problem (never shows file contents)."""


# ------------------------------------------------------------------------------------ memory folder
class MemoryFile:
    def __init__(self, name: str, text: str | None):
        self.name, self._text = name, text

    def exists(self) -> bool:
        return self._text is not None

    def is_file(self) -> bool:
        return self.exists()

    def read_text(self, encoding: str = "utf-8") -> str:
        if self._text is None:
            raise FileNotFoundError(self.name)
        return self._text

    def open(self, mode: str = "r", newline: str | None = None, encoding: str = "utf-8") -> io.StringIO:
        return io.StringIO(self.read_text(), newline=newline)


class MemoryDir:
    """Just enough of pathlib.Path for components.case to read a case folder held in a dict."""

    def __init__(self, name: str, files: dict[str, str]):
        self.name, self.files = name, dict(files)

    def __truediv__(self, name: str) -> MemoryFile:
        return MemoryFile(name, self.files.get(name))

    def is_dir(self) -> bool:
        return True


def digest(files: dict[str, str]) -> str:
    h = hashlib.sha256()
    for name in sorted(files):
        h.update(name.encode() + b"\0" + files[name].encode("utf-8") + b"\0")
    return h.hexdigest()[:12]


def load(files: dict[str, str], case_id: str, **kwargs) -> case_files.Case:
    """The case held in `files` (validated like a folder; CaseError names file, row and field)."""
    return case_files.read_case_dir(MemoryDir(case_id, files), case_id, **kwargs)


def validate(files: dict[str, str], case_id: str, known_series: set[str] | None = None) -> list[case_library.Problem]:
    return case_library.validate_dir(MemoryDir(case_id, files), known_series)


# ----------------------------------------------------------------------------------------- writing
def toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value) if value == value and value not in (float("inf"), float("-inf")) else '"nan"'
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return case_library.evidence_toml_string(str(value))


def _csv(rows: list[dict], cols: tuple[str, ...]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(cols), lineterminator="\n", extrasaction="ignore")
    w.writeheader()
    for r in rows:
        w.writerow({k: "" if r.get(k) is None else r.get(k) for k in cols})
    return buf.getvalue()


def claims_toml(claims: list[dict]) -> str:
    lines = ["# Claims accepted in Claim Lens from a pasted article. Verdicts are computed on load, never stored.", ""]
    for c in claims:
        lines.append("[[claim]]")
        for key in ("id", "short", "paraphrase", "kind", "actors", "period_start", "period_end", "paragraph", "note"):
            if c.get(key) not in (None, ""):
                lines.append(f"{key} = {toml_value(c[key])}")
        lines.append("[claim.evidence]")
        for key, value in c["evidence"].items():
            if value is not None and not isinstance(value, dict):
                lines.append(f"{key} = {toml_value(value)}")
        lines.append("")
    return "\n".join(lines)


def _actor_kind(kind: str) -> str:
    return kind if kind in case_files.ACTOR_KINDS else "organisation"


def build_files(
    case_id: str,
    *,
    title: str,
    published: pd.Timestamp,
    article_text: str,
    claims: list[dict],
    actors: pd.DataFrame,
    relations: pd.DataFrame,
    base_events: pd.DataFrame | None,
    base_actors: pd.DataFrame | None,
    source_url: str = "",
) -> dict[str, str]:
    """The files of a case from accepted claims. `claims`: dicts with id, paraphrase, kind, actors, period_start,
    period_end, paragraph, evidence, sentence_no. Events a claim's rule can use are copied from the base case
    with their sources; relations are kept when both actors are in the case and an accepted claim names both."""
    actors = actors.copy()
    by_id = {str(r["id"]): r for r in actors.to_dict("records")}
    base_by_id = {str(r["id"]): r for r in base_actors.to_dict("records")} if base_actors is not None else {}
    used: dict[str, dict] = {}

    def use(aid: str) -> bool:
        if aid in used:
            return True
        row = by_id.get(aid) or base_by_id.get(aid)
        if row is None:
            return False
        aliases = row.get("aliases", "")
        used[aid] = {
            "id": case_library_id(aid),
            "label": str(row.get("label", aid)),
            "kind": _actor_kind(str(row.get("kind", ""))),
            "country": str(row.get("country", "") or ""),
            "role": str(row.get("reason", "") or row.get("role", "") or ""),
            "aliases": ";".join(aliases) if isinstance(aliases, (list, tuple)) else str(aliases or ""),
        }
        return True

    out_claims = []
    for c in claims:
        acts = [case_library_id(a) for a in c.get("actors", []) if use(a)]
        if not acts:
            use_placeholder(used)
            acts = ["article_author"]
        out_claims.append({**c, "actors": list(dict.fromkeys(acts))})
    # events the claims' rules may match: every base event within a claim's window sharing one of its actors
    event_rows = []
    if base_events is not None and len(base_events):
        wanted = set()
        for c in out_claims:
            for eid in c.get("event_ids", []):
                wanted.add(eid)
        for r in base_events.to_dict("records"):
            if r["id"] in wanted:
                acts = [a for a in r["actors"] if use(a)]
                event_rows.append(
                    {
                        **r,
                        "date": pd.Timestamp(r["date"]).date().isoformat(),
                        "actors": ";".join(case_library_id(a) for a in acts),
                    }
                )
    claim_sentences: dict[int, list[str]] = {}
    for c in out_claims:
        claim_sentences.setdefault(int(c.get("sentence_no", 0)), []).append(c["id"])
    rel_rows = []
    for r in relations.to_dict("records"):
        src, dst = case_library_id(r["source"]), case_library_id(r["target"])
        if src not in {u["id"] for u in used.values()} or dst not in {u["id"] for u in used.values()}:
            continue
        if r["type"] not in case_files.RELATION_TYPES:
            continue
        backing = [cid for s in r.get("sentences", []) for cid in claim_sentences.get(int(s), [])]
        backing = [
            cid
            for cid in dict.fromkeys(backing)
            if any(src in c["actors"] and dst in c["actors"] for c in out_claims if c["id"] == cid)
        ]
        if not backing:
            continue
        rel_rows.append(
            {
                **{k: r.get(k, "") for k in ("type", "note")},
                "source": src,
                "target": dst,
                "directed": "true" if r["directed"] else "false",
                "weight": int(r["weight"]),
                "start": "",
                "end": "",
                "claims": ";".join(backing),
                "events": "",
                "series": "",
            }
        )
    paragraphs = max([int(c.get("paragraph", 1)) for c in out_claims] + [1])
    summary = f"Claims accepted from a pasted article ({len(out_claims)}); paraphrases are the user's."
    meta = "\n".join(
        [
            "[case]",
            f"id = {toml_value(case_id)}",
            f"title = {toml_value(title or 'Untitled article')}",
            'author = "unknown"',
            'outlet = "unknown"',
            f"published = {toml_value(pd.Timestamp(published).date().isoformat())}",
            f"paragraphs = {paragraphs}",
            f"summary = {toml_value(summary)}",
            f"article_ref = {toml_value(source_url or PASTED_REF)}",
            "",
        ]
    )
    return {
        "case.toml": meta,
        "actors.csv": _csv(list(used.values()), case_files.ACTOR_COLS),
        "events.csv": _csv(event_rows, case_files.EVENT_COLS),
        "claims.toml": claims_toml(out_claims),
        "relations.csv": _csv(rel_rows, case_files.RELATION_COLS),
        "facts.csv": _csv([], case_files.FACT_COLS),
        "article_fingerprint.json": json.dumps(fingerprint(article_text), indent=0) + "\n",
    }


def case_library_id(actor_id: str) -> str:
    """Actor ids of the scanner ('name_goldman_sachs') are already valid; anything else is slugged."""
    s = re.sub(r"[^a-z0-9_]+", "_", str(actor_id).lower()).strip("_")
    return s or "actor"


def use_placeholder(used: dict[str, dict]) -> None:
    used.setdefault(
        "article_author",
        {
            "id": "article_author",
            "label": "The article",
            "kind": "organisation",
            "country": "",
            "role": "",
            "aliases": "",
        },
    )


def to_zip(files: dict[str, str], case_id: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name in sorted(files):
            z.writestr(f"{case_id}/{name}", files[name])
    return buf.getvalue()


# ----------------------------------------------------------------------------------------- reading
def _entry_problem(info: zipfile.ZipInfo) -> str:
    name = info.filename
    path = PurePosixPath(name)
    if "\\" in name or name.startswith("/") or re.match(r"^[A-Za-z]:", name) or ".." in path.parts:
        return "points outside its folder"
    if (info.external_attr >> 16) & 0o170000 == 0o120000:
        return "is a symbolic link"
    if info.flag_bits & 0x1:
        return "is encrypted"
    return ""


def read_zip(data: bytes, max_bytes: int = MAX_ZIP_BYTES) -> tuple[str, dict[str, str]]:
    """(case id, files) of an uploaded case zip, or BundleError naming the problem."""
    if len(data) > max_bytes:
        raise BundleError(f"The zip is {len(data):,} bytes; the limit is {max_bytes:,} bytes.")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise BundleError("This is not a zip file.") from None
    infos = [i for i in archive.infolist() if not i.is_dir()]
    if not infos:
        raise BundleError("The zip is empty.")
    if len(infos) > len(ALLOWED):
        raise BundleError(f"The zip holds {len(infos)} files; a case has at most {len(ALLOWED)}.")
    folders = set()
    total = 0
    for info in infos:
        problem = _entry_problem(info)
        shown = info.filename[:80]
        if problem:
            raise BundleError(f"The entry '{shown}' {problem}; nothing was opened.")
        parts = PurePosixPath(info.filename).parts
        if len(parts) != 2:
            raise BundleError(f"The entry '{shown}' is not a file directly inside the case folder.")
        folders.add(parts[0])
        if parts[1] not in ALLOWED:
            raise BundleError(f"The entry '{shown}' is not a case file (allowed: {', '.join(sorted(ALLOWED))}).")
        if info.file_size > MAX_FILE_BYTES:
            raise BundleError(
                f"'{parts[1]}' would be {info.file_size:,} bytes unpacked; the limit is {MAX_FILE_BYTES:,}."
            )
        if info.compress_size and info.file_size / info.compress_size > MAX_RATIO:
            raise BundleError(
                f"'{parts[1]}' is compressed {info.file_size // info.compress_size:,} to 1: refused as a zip bomb."
            )
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        raise BundleError(f"The files would be {total:,} bytes unpacked; the limit is {MAX_TOTAL_BYTES:,}.")
    if len(folders) != 1:
        raise BundleError("The zip must hold exactly one case folder.")
    case_id = folders.pop()
    if not case_library.CASE_ID_RE.match(case_id):
        raise BundleError("The case folder's name must be lowercase letters, digits and '-' (at most 64).")
    files: dict[str, str] = {}
    for info in infos:
        name = PurePosixPath(info.filename).name
        with archive.open(info) as fh:
            raw = fh.read(MAX_FILE_BYTES + 1)  # the header's size can lie: never read more than the limit
        if len(raw) > MAX_FILE_BYTES:
            raise BundleError(f"'{name}' is larger unpacked than its header says; refused.")
        try:
            files[name] = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise BundleError(f"'{name}' is not UTF-8 text.") from None
    missing = [n for n in REQUIRED if n not in files]
    if missing:
        raise BundleError("The case is missing " + ", ".join(missing) + ".")
    if "article_fingerprint.json" in files:
        try:
            fp = json.loads(files["article_fingerprint.json"])
            if not isinstance(fp, dict) or not all(re.fullmatch(r"[0-9a-f]{40}", str(h)) for h in fp.get("hashes", [])):
                raise ValueError
        except ValueError:
            raise BundleError("article_fingerprint.json is not a list of SHA-1 hashes.") from None
    return case_id, files
