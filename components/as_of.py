"""What the data are and how old: the one-line as-of note every page opens with, and its details on demand.

Pure (no streamlit): components.ui.page draws it. One line (built date, vintage, snapshot or live, how many
series are stale) and, behind it, the vintage and what made it, the newest value and retrieval date by topic,
the providers, and each stale series. Notes written into data/vintages.json by the importer are worded for
developers (they name folders); `reader_note` says the same for readers, with no paths.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from components.style import format_date, human, safe_text

TOPIC_LABELS = {
    "oil price": "Oil prices",
    "urals": "Urals crude",
    "india imports": "India's crude imports",
    "china imports": "China's crude imports",
    "russia revenue": "Russia's oil revenue",
    "fx": "Exchange rates",
    "markets": "Markets",
}
_PATH = re.compile(r"(?:\.{1,2}/|/)[\w./-]+|\b[\w-]+/[\w./-]+")
_IMPORTER_NOTE = re.compile(r"^\s*Rebuilt by the importer from\s+\S+\s*$", re.IGNORECASE)
IMPORT_WORDS = (
    "Rebuilt from the raw source files: the publishers' downloads (EIA, ECB, FRED, DGCI&S) and the figures "
    "compiled from news pages, each with its provider and link."
)


def topic_label(topic) -> str:
    text = str(topic)
    return TOPIC_LABELS.get(text, text[:1].upper() + text[1:])


def reader_note(note) -> str:
    """A vintage note as a reader should read it: the importer's stock note in words, folder paths left out."""
    text = "" if note is None else str(note).strip()
    if not text:
        return ""
    if _IMPORTER_NOTE.match(text):
        return IMPORT_WORDS
    text = _PATH.sub("the source files", text)
    return re.sub(r"\s{2,}", " ", text).strip()


def retrieved_label(value) -> str:
    """'2026-11' -> 'Nov 2026', '2026-08-22' -> '22 Aug 2026', '' when missing."""
    text = "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value).strip()
    if re.fullmatch(r"\d{4}-\d{2}", text):
        return pd.Timestamp(text + "-01").strftime("%b %Y")
    return format_date(text) or text


@dataclass
class AsOf:
    """`line`: the one line (plain text of our own words, for an expander label); `details`: markdown, escaped;
    `stale`: the stale series' sentences; `problems`: (what, why) for unreadable series or snapshot."""

    line: str
    details: str
    stale: list[str] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)


def as_of(
    catalog: pd.DataFrame,
    built,
    vintage: str,
    vintages: list[dict],
    stale_sentences: dict[str, tuple[str, bool]],
    *,
    live_on: bool,
    stale_line: str = "",
    snapshot_problems: list[str] = (),
) -> AsOf:
    """The as-of note from the catalog (one row per series), the snapshot's build date and vintage id, the
    vintage records (oldest first), the stale marks' sentences ({id: (sentence, stale)}, for stale or ended
    series), the stale marks' count line ('7 of 57 series are stale ...', '' when none) and the live switch."""
    named = vintage if vintage and not vintage.startswith(("sha256:", "no ", "unreadable")) else ""
    stale = [sentence for sentence, is_stale in stale_sentences.values() if is_stale]
    parts = [f"Data as of {format_date(built) or 'an unknown date'}"]
    parts.append(f"offline snapshot, vintage {named}" if named else "offline snapshot")
    parts.append("live Yahoo series on when reachable" if live_on else "live Yahoo series off")
    if stale_line:
        parts.append(stale_line)
    line = " · ".join(parts)

    details = []
    record = next((r for r in reversed(vintages) if str(r.get("id")) == named), None) if named else None
    if record is not None:
        note = reader_note(record.get("note"))
        details.append(
            f"**Vintage {safe_text(named)}**, made {safe_text(format_date(record.get('date')))}"
            + (f": {safe_text(note)}" if note else ".")
        )
    snap = catalog[(catalog["origin"] == "snapshot") & (catalog["status"] == "ok")]
    rows = []
    for topic, group in sorted(snap.groupby("topic"), key=lambda item: topic_label(item[0])):
        newest = pd.to_datetime(group["last"]).max()
        retrieved = sorted({r for r in group["retrieved"].astype(str) if r.strip()})
        when = retrieved_label(retrieved[-1]) if retrieved else ""
        rows.append(
            f"- {safe_text(topic_label(topic))}: newest value {safe_text(format_date(newest))}"
            + (f", retrieved up to {safe_text(when)}" if when else "")
            + f" ({len(group)} series)"
        )
    if rows:
        details += ["**Newest values and retrieval by topic**", "\n".join(rows)]
    providers = sorted({str(p) for p in snap["provider"] if str(p).strip()})
    if providers:
        details.append("**Sources:** " + safe_text("; ".join(providers)))
    if stale:
        details += [
            f"**Stale series ({len(stale)})**: older than their usual cadence",
            "\n".join(f"- {safe_text(sentence)}" for sentence in stale),
        ]
    broken = catalog[catalog["status"] != "ok"]
    # a broken record has no name of its own: its id, in words. The problem keeps the file's project path
    # (components.data.snapshot.shown_path), which is what whoever repairs the snapshot needs
    problems = [
        (f"The series {human(name) if name == sid else name} could not be read", str(status))
        for sid, name, status in zip(broken["id"], broken["name"], broken["status"])
    ]
    problems += [("The snapshot is damaged", str(problem)) for problem in snapshot_problems]
    return AsOf(line=line, details="\n\n".join(details), stale=stale, problems=problems)
