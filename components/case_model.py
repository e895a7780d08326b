"""The case's vocabulary and objects: the kinds, categories and columns a case folder may use, and the Claim and
Case it reads into. Kept apart from the readers (components.case_readers) so both they and the pages can name
them without importing each other."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from components import evidence

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


def frame_digest(frame: pd.DataFrame) -> str:
    """Content hash of a frame whose cells may be lists (the case's actor lists), which pandas cannot hash.
    Its CSV text is stable across copies (a pickle is not) and cheap for the small frames passed here."""
    return hashlib.sha1(frame.to_csv().encode("utf-8")).hexdigest()


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

    @property
    def events_digest(self) -> str:
        """Content hash of the events (frame_digest), made once per Case object and kept in it, so a case a cache
        hands out again (pickled with it) is not hashed on every page rerun."""
        if "_events_digest" not in self.__dict__:
            self.__dict__["_events_digest"] = frame_digest(self.events)
        return self.__dict__["_events_digest"]

    def events_for(self, event_ids: list[str]) -> pd.DataFrame:
        return self.events[self.events["id"].isin(event_ids)]
