"""Scan an article: sentences -> actors, relations, ranked candidate claims with a suggested rule and verdict.

Bounded work: sentences are cut at MAX_SENTENCE_CHARS, quantities and dates are parsed only in sentences
that can hold them, relations are linear (see relations), at most MAX_CANDIDATES candidates are checked
against the data, and a time budget stops the checking early and says so. One candidate that fails never
stops the others: its error is kept on the candidate.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from types import SimpleNamespace

import pandas as pd

from components import case as case_files
from components import evidence
from components.claimscan import actors as actor_finder
from components.claimscan import measures, periods, quantities, relations, sentences, suggest, worthiness
from components.claimscan.text_input import check_text

MAX_CANDIDATES = 40
MAX_PARSED = 80  # sentences whose figures and dates are read (the most promising by a cheap first look)
MIN_SCORE = 3
TIME_BUDGET_S = 1.5
_NUMBERISH = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|hundred|thousand|"
    r"million|billion|half|double|quarter)\b",
    re.I,
)


@dataclass
class Candidate:
    id: str
    sentence_no: int
    paragraph: int
    sentence: str
    score: int
    reasons: tuple[str, ...]
    actors: list[str]  # actor ids
    entity: str  # actor labels, as read
    quantities: list
    periods: list
    providers: list[str]
    measure: str = ""
    measure_reason: str = ""
    series: list[str] = field(default_factory=list)
    events: list = field(default_factory=list)
    spec: dict = field(default_factory=dict)
    rule_reason: str = ""
    kind: str = "interpretive"
    forward_looking: bool = False
    verdict: evidence.Verdict | None = None
    error: str = ""

    @property
    def stated(self) -> str:
        return "; ".join(f"{q.surface} ({q.qualifier})" for q in self.quantities[:3])

    @property
    def period(self) -> str:
        return ", ".join(p.label for p in self.periods[:3])

    @property
    def period_reason(self) -> str:
        return "; ".join(p.reason for p in self.periods[:3] if p.reason)

    @property
    def comparison(self) -> str:
        return suggest.direction(self.sentence)


@dataclass
class ArticleScan:
    sentences: list[sentences.Sentence]
    actors: pd.DataFrame  # case schema + mentions, known, reason
    relations: pd.DataFrame  # case schema (+ why)
    candidates: list[Candidate]
    notices: list[str]
    seconds: dict[str, float]


def first_look_score(sentence: str, actors: int) -> int:
    """A cheap score before the parsers run: 0 = nothing to check (no number, date or period word)."""
    number = bool(_NUMBERISH.search(sentence))
    dated = periods.dated(sentence)
    if not number and not dated:
        return 0
    score = 3 * number + 2 * dated + min(actors, 3)
    score += 2 * bool(worthiness.COMPARATIVES.search(sentence)) + 2 * bool(actor_finder.providers(sentence))
    return score


def memoised(context: evidence.Context) -> evidence.Context:
    """The same context with each loader called once per id. Callers keep one per case and data snapshot (the
    page caches it), so the point tables a rule reads are built once, not once per scan."""

    def once(load):
        if load is None:
            return None
        seen: dict = {}

        def get(key):
            if key not in seen:
                try:
                    seen[key] = (load(key), None)
                except Exception as exc:  # noqa: BLE001 - raised again below, as the loader would
                    seen[key] = (None, exc)
            value, error = seen[key]
            if error is not None:
                raise error
            return value

        return get

    return evidence.Context(
        get_series=once(context.get_series),
        get_points=once(context.get_points),
        events=context.events,
        facts=context.facts,
        today=context.today,
        get_meta=once(context.get_meta),
    )


def _actors_frame(found: dict[str, actor_finder.Actor]) -> pd.DataFrame:
    rows = [
        {
            "id": a.id,
            "label": a.label,
            "kind": a.kind,
            "country": a.country,
            "role": "",
            "aliases": "",
            "mentions": a.mentions,
            "known": a.known,
            "reason": a.reason,
        }
        for a in sorted(found.values(), key=lambda a: (-a.mentions, a.label))
    ]
    cols = ["id", "label", "kind", "country", "role", "aliases", "mentions", "known", "reason"]
    return pd.DataFrame(rows, columns=cols)


def _relations_frame(links: list[relations.Link]) -> pd.DataFrame:
    rows = [
        {
            "source": x.source,
            "target": x.target,
            "type": x.type,
            "directed": x.directed,
            "weight": float(x.weight),
            "start": pd.NaT,
            "end": pd.NaT,
            "claims": [],
            "events": [],
            "series": [],
            "note": f"{x.why}; sentence(s) "
            + ", ".join(map(str, x.sentences[:20]))
            + (" ..." if len(x.sentences) > 20 else ""),
            "sentences": list(x.sentences),
        }
        for x in links
    ]
    cols = [*case_files.RELATION_COLS, "sentences"]  # the case's relations.csv columns, plus the text's evidence
    return pd.DataFrame(rows, columns=cols)


def scan_article(
    text: str,
    *,
    case_actors: pd.DataFrame | None = None,
    case_events: pd.DataFrame | None = None,
    catalog: pd.DataFrame | None = None,
    context: evidence.Context | None = None,
    published: pd.Timestamp | None = None,
    max_candidates: int = MAX_CANDIDATES,
    time_budget_s: float = TIME_BUDGET_S,
) -> ArticleScan:
    """The whole scan. `context` (components.evidence.Context, see `memoised`) supplies the data for the
    verdicts; without it candidates get their rule but no verdict."""
    clock = time.perf_counter()
    seconds: dict[str, float] = {}
    notices: list[str] = []
    text = check_text(text)
    published = pd.Timestamp(published).normalize() if published is not None else pd.Timestamp.today().normalize()
    sents = sentences.split(text)
    seconds["sentences"] = time.perf_counter() - clock

    t = time.perf_counter()
    gaz = actor_finder.gazetteer_for(case_actors)
    found: dict[str, actor_finder.Actor] = {}
    per_sentence: list[tuple[int, str, list]] = []
    for s in sents:
        mentions, new = actor_finder.find(s.text, gaz)
        for a in new:
            found.setdefault(a.id, a)
        for m in mentions:
            if m.actor_id not in found:
                found[m.actor_id] = actor_finder.Actor(**{**gaz.actors[m.actor_id].__dict__})
        for aid in {m.actor_id for m in mentions}:
            found[aid].mentions += 1
        per_sentence.append((s.no, s.text, mentions))
    links = relations.link(per_sentence)
    if links.notice:
        notices.append(links.notice)
    seconds["actors"] = time.perf_counter() - t

    t = time.perf_counter()
    promising = []
    for (_no, stext, mentions), s in zip(per_sentence, sents):
        first_look = first_look_score(stext, len(mentions))
        if first_look:
            promising.append((first_look, s, stext, mentions))
    if len(promising) > MAX_PARSED:
        notices.append(
            f"Figures and dates were read in the {MAX_PARSED} most promising of {len(promising):,} sentences "
            f"with a number or a date (of {len(sents):,} sentences in all)."
        )
        promising = sorted(promising, key=lambda r: (-r[0], r[1].no))[:MAX_PARSED]
    rows = []
    for _, s, stext, mentions in sorted(promising, key=lambda r: r[1].no):
        ps = periods.parse(stext, published)
        qs = quantities.parse(stext, periods.spans(stext)) if _NUMBERISH.search(stext) else []
        provs = actor_finder.providers(stext)
        ids = list(dict.fromkeys(m.actor_id for m in mentions))
        worth = worthiness.score(stext, qs, ps, provs, len(ids))
        if worth.score >= MIN_SCORE:
            rows.append((worth, s, qs, ps, provs, ids))
    rows.sort(key=lambda r: (-r[0].score, r[1].no))
    seconds["parse"] = time.perf_counter() - t
    if len(rows) > max_candidates:
        notices.append(f"Checking the {max_candidates} most check-worthy of {len(rows)} candidate sentences.")
        rows = rows[:max_candidates]

    t = time.perf_counter()
    catalog = catalog if catalog is not None else pd.DataFrame(columns=["id", "unit", "frequency", "origin"])
    units = dict(zip(catalog["id"], catalog["unit"])) if len(catalog) else {}
    freq = dict(zip(catalog["id"], catalog["frequency"])) if len(catalog) else {}
    candidates: list[Candidate] = []
    stopped = 0
    event_rows = measures.event_records(case_events)
    verdicts_by_spec: dict[str, evidence.Verdict] = {}
    for i, (worth, s, qs, ps, provs, ids) in enumerate(sorted(rows, key=lambda r: r[1].no), start=1):
        c = Candidate(
            id=f"c{i:02d}",
            sentence_no=s.no,
            paragraph=s.paragraph,
            sentence=s.text,
            score=worth.score,
            reasons=worth.reasons,
            actors=ids,
            entity=", ".join(found[a].label for a in ids if a in found),
            quantities=qs,
            periods=ps,
            providers=provs,
            forward_looking=worth.forward_looking,
        )
        candidates.append(c)
        try:
            fams = {q.family for q in qs}
            m = measures.match(s.text, set(ids), fams, catalog) if len(catalog) else None
            if m is not None:
                c.measure, c.measure_reason, c.series = m.measure.label, m.reason, list(m.series)
            c.events = measures.match_events(s.text, ps, set(ids), event_rows)
            c.spec, c.rule_reason, c.kind = suggest.suggest(s.text, qs, ps, m, c.events, units, freq, published)
            if c.forward_looking and c.kind != "interpretive":
                c.kind = "prediction"
            if context is not None:
                if time.perf_counter() - t > time_budget_s:
                    stopped += 1
                    continue
                key = repr(sorted(c.spec.items()))
                if key not in verdicts_by_spec:  # the same rule and parameters give the same verdict
                    verdicts_by_spec[key] = evaluate(c, context)
                c.verdict = verdicts_by_spec[key]
        except Exception as exc:  # noqa: BLE001 - one bad candidate never stops the others
            c.error = f"could not be checked ({type(exc).__name__})"
    if stopped:
        notices.append(
            f"Time budget of {time_budget_s:g} s reached: {stopped} candidate(s) have a rule but no verdict yet "
            "(accept them and open as a case to compute it)."
        )
    seconds["verdicts"] = time.perf_counter() - t
    seconds["total"] = time.perf_counter() - clock
    return ArticleScan(sents, _actors_frame(found), _relations_frame(links.links), candidates, notices, seconds)


def evaluate(candidate: Candidate, context: evidence.Context) -> evidence.Verdict:
    """The candidate's verdict under its (possibly edited) spec."""
    if evidence.validate_spec(candidate.spec):
        problems = "; ".join(f"{f}: {m}" for f, m in evidence.validate_spec(candidate.spec))
        return evidence.Verdict(
            "no data", str(candidate.spec.get("rule")), "The rule's parameters are incomplete.", detail=problems
        )
    window = candidate.periods[0] if candidate.periods else None
    claim = SimpleNamespace(
        period_start=window.start if window else None, period_end=window.end if window else None, id=candidate.id
    )
    return evidence.evaluate(candidate.spec, context, claim)


def scan_with_data(
    text: str, case_actors: pd.DataFrame, case_events: pd.DataFrame, catalog: pd.DataFrame, published: pd.Timestamp
) -> ArticleScan:
    """`scan_article` with verdicts from the data layer's own loaders (the snapshot on disk): a job for
    components.isolated, which runs it in a worker process with nothing but these arguments."""
    from components import data

    context = memoised(
        evidence.Context(
            get_series=data.load_series, get_points=data.load_points, get_meta=data.series_meta, events=case_events
        )
    )
    return scan_article(
        text, case_actors=case_actors, case_events=case_events, catalog=catalog, context=context, published=published
    )


def text_network(actors: pd.DataFrame, relations: pd.DataFrame, height: int):
    """The network of who did what to whom in a scanned text, drawn as the network page draws a case's
    (components.network.render's HTML, drawn graph, centrality and notes): a job for components.isolated."""
    from components import network

    graph = network.build_graph(actors, relations.drop(columns=["sentences"], errors="ignore"))
    return network.render(graph, network.View(centrality="degree", colour="kind"), {}, height=height)
