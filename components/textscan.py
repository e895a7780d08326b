"""Bring your own article: find actors in pasted text and sketch a case from it.

Why: the app is built around one article, but the method (who is named, who appears with whom,
which sentences carry checkable dates and numbers) transfers. This scanner is deliberately simple
and transparent — regular expressions, no model — so a user can see why each name was found.
Nothing is stored: everything works on the text passed in and returns plain Python objects.

Output is in the case schema (actors.csv / relations.csv / claims.toml) so the skeleton can be
edited and dropped into data/cases/<id>/, and the graph goes through components.network unchanged.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from itertools import combinations

import pandas as pd

MAX_BYTES = 200 * 1024
ALLOWED_SUFFIXES = (".txt", ".md", ".markdown", ".text")
COOCCURS = "co-occurs"

# Words that start sentences (or headlines) in capitals without being names.
STOP_WORDS = frozenset(
    """
a an the this that these those there then thus though however but and or nor so yet for if
in on at by of to from with without within as after before while when where which who whom whose
what why how it its it's he she they we i you his her their our my your us them him me
is are was were be been being has have had do does did will would shall should can could may
might must not no yes all any some each every many most more less few other another such
also only even still just now today yesterday tomorrow meanwhile moreover furthermore indeed
since until unless although because despite during against between among into onto upon over
under about above below again further here once both either neither one two three first second
last next new mr mrs ms dr prof sir according said says say let see read note please
""".split()
)
MONTHS = (
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"
).split()
DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
_NOT_NAMES = frozenset(w.lower() for w in MONTHS + DAYS)
CONNECTORS = ("of", "the", "de", "al", "bin", "von", "van", "and")
ABBREVIATIONS = (
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Prof",
    "St",
    "Jr",
    "Sr",
    "U.S",
    "U.K",
    "U.N",
    "E.U",
    "e.g",
    "i.e",
    "etc",
    "vs",
    "No",
    "Gen",
    "Sen",
    "Rep",
    "Gov",
    "Inc",
    "Ltd",
    "Co",
    "Corp",
)


class ScanInputError(ValueError):
    """Input that cannot be scanned; the message is shown to the user as is."""


def read_upload(data: bytes, name: str = "upload.txt", max_bytes: int = MAX_BYTES) -> str:
    """Bytes of an uploaded .txt/.md -> text, or ScanInputError with a clear reason."""
    if name and not name.lower().endswith(ALLOWED_SUFFIXES):
        raise ScanInputError(f"Only plain text files ({', '.join(ALLOWED_SUFFIXES)}) can be scanned.")
    if len(data) > max_bytes:
        raise ScanInputError(f"File is {len(data) / 1024:.0f} KB; the limit is {max_bytes // 1024} KB.")
    if b"\x00" in data[:8192]:
        raise ScanInputError("This looks like a binary file (it contains NUL bytes), not plain text.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ScanInputError(
            f"The file is not valid UTF-8 (first bad byte at position {e.start}); save it as UTF-8 text and try again."
        ) from None
    return check_text(text, max_bytes)


def check_text(text: str, max_bytes: int = MAX_BYTES) -> str:
    """Pasted text: same size and emptiness rules as uploads."""
    if text is None or not text.strip():
        raise ScanInputError("The text is empty: paste an article or upload a .txt/.md file.")
    if len(text.encode("utf-8")) > max_bytes:
        raise ScanInputError(f"The text is longer than {max_bytes // 1024} KB; paste a shorter excerpt.")
    bad = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t")
    if bad > max(10, len(text) // 100):
        raise ScanInputError("The text contains many control characters; it does not look like prose.")
    return text


# -------------------------------------------------------------------------------------- sentences
_ABBR_RE = re.compile(r"\b(" + "|".join(re.escape(a) for a in ABBREVIATIONS) + r")\.", re.IGNORECASE)
_SPLIT_RE = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n\s*\n+")
_PLACEHOLDER = "\u2024"  # one-dot leader: stands in for abbreviation dots while splitting


def split_sentences(text: str) -> list[str]:
    """Sentences (and paragraph breaks) with common abbreviations protected (U.S., Mr., e.g.)."""
    # markdown headings and list bullets end a sentence even without a full stop
    text = re.sub(r"^\s{0,3}#+\s*(.*)$", r"\n\n\1\n\n", text, flags=re.MULTILINE)
    text = re.sub(r"^\s*[-*+]\s+", "\n\n", text, flags=re.MULTILINE)
    protected = _ABBR_RE.sub(lambda m: m.group(1).replace(".", _PLACEHOLDER) + _PLACEHOLDER, text)
    parts = _SPLIT_RE.split(protected)
    out = []
    for p in parts:
        s = " ".join(p.replace(_PLACEHOLDER, ".").split())
        if s:
            out.append(s)
    return out


# ---------------------------------------------------------------------------------------- actors
@dataclass
class KnownMatcher:
    """Word-boundary patterns for case actors' labels and aliases, longest first.

    Short all-capital aliases (US, EU, PRC) match case-sensitively so the pronoun 'us' is not the
    United States; longer names match case-insensitively."""

    patterns: list[tuple[re.Pattern, str]] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_actors(cls, actors: pd.DataFrame | None) -> KnownMatcher:
        names: dict[str, str] = {}
        if actors is not None and len(actors):
            for row in actors.to_dict("records"):
                aid = str(row.get("id", "")).strip()
                if not aid:
                    continue
                aliases = row.get("aliases")
                if isinstance(aliases, str):
                    aliases = aliases.split(";")
                elif aliases is None or (isinstance(aliases, float)):
                    aliases = []
                for name in [row.get("label", "")] + list(aliases):
                    name = str(name or "").strip()
                    if len(name) >= 2 and name not in names:
                        names[name] = aid
        pats = []
        for name in sorted(names, key=lambda n: (-len(n), n)):
            flags = 0 if (name.isupper() or len(name) <= 3) else re.IGNORECASE
            pats.append((re.compile(r"(?<![\w.])" + re.escape(name) + r"(?![\w])", flags), names[name]))
        return cls(pats, names)

    def demonym(self, word: str) -> str | None:
        """'Russian' -> the actor labelled 'Russia', 'Indian' -> 'India' (label + up to 3 letters)."""
        for name, aid in self.names.items():
            if (
                len(name) >= 4
                and " " not in word
                and word.startswith(name)
                and 0 < len(word) - len(name) <= 3
                and word[len(name) :].isalpha()
            ):
                return aid
        return None

    def find(self, sentence: str) -> tuple[list[str], list[tuple[int, int]]]:
        """(actor ids in order of first mention, matched character spans)."""
        taken: list[tuple[int, int]] = []
        found: list[tuple[int, str]] = []
        for pat, aid in self.patterns:
            for m in pat.finditer(sentence):
                a, b = m.span()
                if any(a < y and x < b for x, y in taken):
                    continue
                taken.append((a, b))
                found.append((a, aid))
        ids: list[str] = []
        for _, aid in sorted(found):
            if aid not in ids:
                ids.append(aid)
        return ids, taken


_CAP = r"[A-Z][\w'’\-]*(?:\.[A-Z]\.?)*"
_NAME_RE = re.compile(rf"{_CAP}(?:\s+(?:(?:{'|'.join(CONNECTORS)})\s+)?{_CAP})*")


def proper_nouns(sentence: str, skip: list[tuple[int, int]] | None = None) -> list[str]:
    """Capitalised names not already matched as known actors. Multi-word names stay whole
    ('Indian Oil Corporation'); a leading sentence-initial stop word is dropped ('The Kremlin' ->
    'Kremlin'); lone stop words, months and days are skipped; trailing connectors are trimmed."""
    skip = skip or []
    out: list[str] = []
    for m in _NAME_RE.finditer(sentence):
        a, b = m.span()
        if any(a < y and x < b for x, y in skip):
            continue
        words = m.group(0).split()
        while words and (words[0].lower().strip(".'’") in STOP_WORDS or words[0].lower() in _NOT_NAMES):
            words = words[1:]
        while words and words[-1].lower() in CONNECTORS:
            words = words[:-1]
        if not words:
            continue
        name = " ".join(words).strip(".,;:’'")
        if len(name) < 2 or name.lower() in _NOT_NAMES or name.isdigit():
            continue
        if name not in out:
            out.append(name)
    return out


# ------------------------------------------------------------------------------------ candidates
_DATE_RE = re.compile(
    r"\b(?:(?:\d{1,2}\s+)?(?:" + "|".join(MONTHS) + r")\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?)?,?(?:\s+\d{4})?"
    r"|(?:19|20)\d{2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2})\b"
)
_NUMBER_RE = re.compile(
    r"(?:[$€£₹¥]\s?)?\b\d[\d,.]*\s?(?:%|per ?cent|percent|million|billion|trillion|bn|mn|"
    r"barrels|bpd|b/d|tonnes|mt)?|\b(?:one|two|three|four|five|ten|hundred|thousand|"
    r"million|billion)\b",
    re.IGNORECASE,
)


def candidate_claim(sentence: str) -> tuple[bool, bool]:
    """(has a date, has a number): sentences with either are worth checking against data."""
    has_date = bool(_DATE_RE.search(sentence))
    stripped = _DATE_RE.sub(" ", sentence)
    has_number = bool(re.search(r"\d", stripped)) or bool(
        re.search(r"\b(?:per ?cent|percent|million|billion|trillion)\b", stripped, re.IGNORECASE)
    )
    return has_date, has_number


# ------------------------------------------------------------------------------------------- scan
@dataclass
class ScanResult:
    sentences: list[str]
    mentions: list[list[str]]  # per sentence: node ids (known actor ids or 'name:<slug>')
    actors: pd.DataFrame  # case schema (+ 'mentions', 'known')
    relations: pd.DataFrame  # case schema, type 'co-occurs', weight = shared sentences
    candidates: pd.DataFrame  # sentence_no, sentence, has_date, has_number, actors


def slug(name: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")
    return s or "name"


def scan(
    text: str, actors: pd.DataFrame | None = None, include_unknown: bool = True, min_mentions: int = 1
) -> ScanResult:
    """Find actors per sentence, build co-occurrence relations and candidate claims."""
    text = check_text(text)
    sentences = split_sentences(text)
    matcher = KnownMatcher.from_actors(actors)
    known_rows = {}
    if actors is not None and len(actors):
        known_rows = {str(r["id"]): r for r in actors.to_dict("records")}
    mid_caps = {m.group(1) for m in re.finditer(r"(?<=[a-z,;:] )([A-Z][\w'’\-]+)", text)}
    mentions: list[list[str]] = []
    labels: dict[str, str] = {}
    counts: dict[str, int] = {}
    for s in sentences:
        ids, spans = matcher.find(s)
        nodes = list(ids)
        for aid in ids:
            labels.setdefault(aid, str(known_rows[aid].get("label", aid)))
        if include_unknown:
            for name in proper_nouns(s, spans):
                if " " not in name and s.startswith(name) and name not in mid_caps:
                    continue  # a lone capitalised word seen only at sentence starts: probably not a name
                demonym = matcher.demonym(name)
                if demonym:
                    if demonym not in nodes:
                        nodes.append(demonym)
                        labels.setdefault(demonym, str(known_rows[demonym].get("label", demonym)))
                    continue
                nid = "name:" + slug(name)
                if nid in known_rows:
                    continue
                labels.setdefault(nid, name)
                if nid not in nodes:
                    nodes.append(nid)
        for n in nodes:
            counts[n] = counts.get(n, 0) + 1
        mentions.append(nodes)
    keep = {n for n, c in counts.items() if c >= min_mentions or not n.startswith("name:")}
    mentions = [[n for n in m if n in keep] for m in mentions]

    actor_rows = []
    for n in sorted(keep, key=lambda n: (-counts[n], labels[n])):
        known = not n.startswith("name:")
        r = known_rows.get(n, {})
        actor_rows.append(
            {
                "id": n.removeprefix("name:"),
                "label": labels[n],
                "kind": str(r.get("kind", "")) or "unknown" if known else "unknown",
                "country": str(r.get("country", "") or ""),
                "role": str(r.get("role", "") or ""),
                "aliases": "",
                "mentions": counts[n],
                "known": known,
            }
        )
    actors_df = pd.DataFrame(
        actor_rows, columns=["id", "label", "kind", "country", "role", "aliases", "mentions", "known"]
    )
    pair_sent: dict[tuple[str, str], list[int]] = {}
    for i, m in enumerate(mentions):
        for a, b in combinations(sorted(set(m)), 2):
            pair_sent.setdefault((a, b), []).append(i + 1)
    rel_rows = [
        {
            "source": a.removeprefix("name:"),
            "target": b.removeprefix("name:"),
            "type": COOCCURS,
            "directed": False,
            "weight": float(len(s)),
            "start": pd.NaT,
            "end": pd.NaT,
            "claims": [],
            "series": [],
            "note": "sentences " + ", ".join(map(str, s[:20])) + (" ..." if len(s) > 20 else ""),
        }
        for (a, b), s in sorted(pair_sent.items())
    ]
    relations_df = pd.DataFrame(
        rel_rows, columns=["source", "target", "type", "directed", "weight", "start", "end", "claims", "series", "note"]
    )
    cand_rows = []
    for i, s in enumerate(sentences):
        has_date, has_number = candidate_claim(s)
        if has_date or has_number:
            cand_rows.append(
                {
                    "sentence_no": i + 1,
                    "sentence": s,
                    "has_date": has_date,
                    "has_number": has_number,
                    "actors": [n.removeprefix("name:") for n in mentions[i]],
                }
            )
    cands = pd.DataFrame(cand_rows, columns=["sentence_no", "sentence", "has_date", "has_number", "actors"])
    return ScanResult(sentences, mentions, actors_df, relations_df, cands)


# --------------------------------------------------------------------------------------- skeleton
def _toml_str(s: str) -> str:
    """TOML basic string: escape backslash, quote and control characters."""
    out = []
    for ch in str(s):
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 32 or ord(ch) == 127:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def skeleton_files(result: ScanResult, case_id: str = "my-article") -> dict[str, str]:
    """actors.csv, relations.csv, claims.toml, case.toml as text, in the case schema. Claims are
    candidate sentences with kind/evidence left for the user to fill in."""
    actors = result.actors[["id", "label", "kind", "country", "role", "aliases"]].copy()
    actors["kind"] = actors["kind"].replace({"unknown": "organisation"})  # schema has no 'unknown'
    rel = result.relations.copy()
    rel["directed"] = rel["directed"].map(lambda v: "true" if v else "false")
    rel["start"] = ""
    rel["end"] = ""
    rel["claims"] = rel["claims"].map(";".join)
    rel["series"] = rel["series"].map(";".join)
    claims = [
        f"# Candidate claims found by Claim Lens in pasted text ({case_id}).",
        "# Each is a sentence with a date or a number; rewrite the paraphrase, set kind,",
        "# period and [claim.evidence] (rule, series) before using it.",
        "",
    ]
    for i, r in enumerate(result.candidates.to_dict("records"), 1):
        claims += [
            "[[claim]]",
            f"id = {_toml_str(f'c{i:02d}')}",
            f"paraphrase = {_toml_str(r['sentence'])}",
            f"kind = {_toml_str('quantitative' if r['has_number'] else 'event')}",
            "actors = [" + ", ".join(_toml_str(a) for a in r["actors"]) + "]",
            f"paragraph = {int(r['sentence_no'])}",
            "",
            "[claim.evidence]",
            f"rule = {_toml_str('pending')}",
            "series = []",
            "",
        ]
    case = "\n".join(
        [
            "[case]",
            f"id = {_toml_str(case_id)}",
            f"title = {_toml_str('Untitled article')}",
            'author = ""',
            'outlet = ""',
            'published = ""',
            'summary = "Skeleton generated from pasted text; edit before use."',
            'article_ref = ""',
            "",
        ]
    )
    return {
        "case.toml": case,
        "actors.csv": actors.to_csv(index=False),
        "relations.csv": rel.to_csv(index=False),
        "claims.toml": "\n".join(claims),
    }


def skeleton_zip(result: ScanResult, case_id: str = "my-article") -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, body in skeleton_files(result, case_id).items():
            z.writestr(f"{case_id}/{name}", body)
    return buf.getvalue()
