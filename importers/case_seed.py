"""One-off importer: build the case's events.csv, facts.csv and article_fingerprint.json from ../shared.

Run once by a maintainer (`python -m importers.case_seed`); the committed CSV/JSON files are its output.
Nothing at runtime or in tests reads ../shared, which is why the article itself is reduced to a list of
SHA-1 hashes of its 6-word shingles: tests can then prove our paraphrases share no 6-word run with the
article without shipping the article's text.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import unicodedata
from pathlib import Path

from components.case import EVENT_COLS
from components.fingerprint import normalise_words, shingle_hashes  # noqa: F401 - re-exported for tests

ROOT = Path(__file__).resolve().parent.parent
CASE_DIR = ROOT / "data" / "cases" / "2025-03-secondary-sanctions"
SHARED = ROOT.parent / "shared"
PUBLISHED = "2025-03-08"  # article date (approximate: 8-9 March 2025)
HINDSIGHT_AFTER = "2025-03-09"  # anything dated after this is hindsight

# compiled actor names -> actors.csv ids
ACTOR_MAP = {
    "United States": "us",
    "Russia": "russia",
    "India": "india",
    "China": "china",
    "Ukraine": "ukraine",
    "European Union": "eu",
    "NATO": "nato",
    "United Kingdom": "uk",
    "France": "france",
    "Germany": "germany",
    "Poland": "poland",
    "Saudi Arabia": "saudi_arabia",
    "North Korea": "north_korea",
    "OFAC": "ofac",
    "Rosneft": "rosneft",
    "Reliance Industries": "reliance",
    "Lukoil": "lukoil",
    "Gazprom Neft": "gazprom_neft",
    "Surgutneftegas": "surgutneftegas",
    "Donald Trump": "trump",
    "Vladimir Putin": "putin",
    "Volodymyr Zelensky": "zelensky",
    "Narendra Modi": "modi",
    "Keith Kellogg": "kellogg",
    "Pete Hegseth": "hegseth",
    "Marco Rubio": "rubio",
    "JD Vance": "vance",
    "Sergey Lavrov": "lavrov",
    "John Ratcliffe": "ratcliffe",
    "Scott Bessent": "bessent",
    "Steve Witkoff": "witkoff",
    "Jared Kushner": "kushner",
    "Emmanuel Macron": "macron",
    "Keir Starmer": "starmer",
    "Nayara Energy": "nayara",
    "Turkey": "turkey",
    "Netherlands": "netherlands",
    "Belgium": "belgium",
    "Hungary": "hungary",
    "Slovakia": "slovakia",
    "United Arab Emirates": "uae",
    "Israel": "israel",
    "Iran": "iran",
    "Pakistan": "pakistan",
    "G7": "g7",
    "Lindsey Graham": "graham",
    "Kirill Dmitriev": "dmitriev",
    "Viktor Orban": "orban",
    "Peter Magyar": "magyar",
}

# events the article itself refers to (by date + a word of the compiled title); others before the
# article are background ('context')
ARTICLE_EVENTS = {
    ("2024-12-12", "Rosneft"),
    ("2025-01-10", "Biden"),
    ("2025-02-06", "Kellogg"),
    ("2025-02-12", "Hegseth"),
    ("2025-02-12", "Putin"),
    ("2025-02-27", "Rubio"),
    ("2025-02-28", "Oval"),
    ("2025-03-02", "London"),
    ("2025-03-02", "Macron"),
    ("2025-03-03", "pause"),
    ("2025-03-05", "intelligence"),
    ("2025-03-07", "Russian missiles"),
    ("2025-03-07", "Trump threatens"),
    ("2025-02-01", "February"),
}

# Rows we add ourselves, each resting on a page listed in the compiled monthly import file
# (sources/compiled/india_crude_imports_by_origin_monthly.csv), in our own words.
EXTRA_EVENTS = [
    {
        "date": "2025-02-01",
        "date_precision": "month",
        "title": "India's February intake of Russian crude falls to about 1.4 mb/d",
        "summary": "Ship-tracking estimates put Indian purchases of Russian crude in February 2025 near 1.4-1.48 "
        "million b/d, roughly 11-15% below January, as refiners adjusted to the January US "
        "designations of Russian producers and tankers.",
        "actors": "India;Russia",
        "category": "trade",
        "source_title": "Russian oil imports fall in Feb (Asian Age)",
        "source_url": "https://www.asianage.com/business/economy/russian-oil-imports-fall-in-feb-1864685",
        "source_published": "",
    },
]

# Compiled summaries are own words, but a few share a 6-word run with the article (job titles, the threat's
# wording); reword those here so the fingerprint test holds. (date, old fragment, new fragment)
TEXT_FIXES = [
    (
        "2025-02-06",
        "Trump's special envoy for Ukraine and Russia told",
        "Trump's envoy for the Russia-Ukraine war told",
    ),
    ("2025-03-07", "sanctions and tariffs on Russia until", "sanctions and tariffs against Russia until"),
]

FIELDS = list(EVENT_COLS)  # events.csv columns, as the case loader reads them


def slug(text: str, words: int = 3) -> str:
    """Short ascii slug from the first words of a title, for readable, stable event ids."""
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    toks = [w for w in re.findall(r"[a-z0-9]+", t) if w not in {"the", "a", "of", "on", "and", "to", "in"}]
    return "_".join(toks[:words])


def phase_of(date: str, title: str) -> str:
    if date > HINDSIGHT_AFTER:
        return "hindsight"
    return "article" if any(d == date and k.lower() in title.lower() for d, k in ARTICLE_EVENTS) else "context"


def map_actors(names: str) -> str:
    out = []
    for n in names.split(";"):
        n = n.strip()
        if not n:
            continue
        if n not in ACTOR_MAP:
            raise KeyError(f"actor {n!r} has no id in ACTOR_MAP")
        out.append(ACTOR_MAP[n])
    return ";".join(dict.fromkeys(out))


def build_events(src: Path) -> list[dict]:
    with src.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh)) + EXTRA_EVENTS
    out, seen = [], set()
    for r in sorted(rows, key=lambda r: (r["date"], r["title"])):
        eid = f"ev_{r['date'].replace('-', '')}_{slug(r['title'])}"
        for d, old, new in TEXT_FIXES:
            if r["date"] == d and old in r["summary"]:
                r = dict(r, summary=r["summary"].replace(old, new))
        assert eid not in seen, eid
        seen.add(eid)
        out.append(
            {
                "id": eid,
                "date": r["date"],
                "date_precision": r["date_precision"],
                "title": r["title"],
                "summary": r["summary"],
                "actors": map_actors(r["actors"]),
                "category": r["category"],
                "source_title": r["source_title"],
                "source_url": r["source_url"],
                "source_published": r.get("source_published", "") or "",
                "phase": phase_of(r["date"], r["title"]),
            }
        )
    return out


def build_facts(src: Path) -> list[dict]:
    """facts.csv carried over with an id column; figures and citations only (statements are own words)."""
    with src.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    out = []
    for i, r in enumerate(rows, 1):
        topic = "russia_arms_share_india" if "arms" in r["topic"] else "russia_budget_oil_gas"
        out.append({"id": f"fact_{i:02d}", **r, "topic": topic})
    return out


def write_csv(path: Path, rows: list[dict], fields: list[str]) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def main(shared: Path = SHARED, case_dir: Path = CASE_DIR) -> None:
    comp = shared / "sources" / "compiled"
    events = build_events(comp / "events.csv")
    write_csv(case_dir / "events.csv", events, FIELDS)
    facts = build_facts(comp / "facts.csv")
    write_csv(case_dir / "facts.csv", facts, list(facts[0].keys()))
    article = (shared / "seed" / "article.txt").read_text(encoding="utf-8")
    fp = {
        "n": 6,
        "normalisation": "NFKC, lowercase, punctuation -> space, whitespace split; sha1 of "
        "space-joined 6-word shingles of the whole article",
        "hashes": sorted(shingle_hashes(article)),
    }
    (case_dir / "article_fingerprint.json").write_text(json.dumps(fp, indent=0) + "\n", encoding="utf-8")
    print(f"events: {len(events)}  facts: {len(facts)}  shingles: {len(fp['hashes'])}", file=sys.stderr)


if __name__ == "__main__":
    cli = argparse.ArgumentParser(prog="python -m importers.case_seed", description=__doc__.split("\n")[0])
    cli.add_argument("--shared", type=Path, default=SHARED, help="the shared folder (sources/ and seed/)")
    cli.add_argument("--case-dir", type=Path, default=CASE_DIR, help="the case folder to write")
    args = cli.parse_args()
    main(args.shared, args.case_dir)
