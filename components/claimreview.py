"""schema.org ClaimReview JSON-LD per claim, one file for the case, and an evidence pack (zip).

Why ClaimReview: it is the format fact-checkers publish in (Google Fact Check Tools, the Duke Reporters' Lab
database read it), so a verdict made here can be reused there with its rule, its numbers and its sources.
Everything is built from the case as loaded (verdicts computed, never typed in). Pure: no streamlit.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import date, datetime
from typing import Any

import pandas as pd

from components import point_flags, routes, source_tiers, strength
from components.version import app_version

SCHEMA = "https://schema.org"
DEFAULT_BASE_URL = "http://localhost:8501"
REVIEWER = {"@type": "Organization", "name": "Claim Lens"}
# A number for the claim scale only (1 = false .. 5 = true, as ClaimReview publishers use it); outcomes of
# scenarios and "not testable" carry only their words: a number would suggest a precision we do not have.
RATING_VALUES = {"supported": 5, "mixed": 3, "contradicted": 1}


def card_url(claim_id: str, base_url: str = DEFAULT_BASE_URL, case_id: str | None = None) -> str:
    """The claim card's address on the Claims page: `claims_id` selects the card, `case` the case when it is not
    the default one (components.routes builds the link, as every other link in the app)."""
    from components.case_model import DEFAULT_CASE

    query = {"claims_id": claim_id, "case": case_id if case_id != DEFAULT_CASE else None}
    return f"{base_url.rstrip('/')}/{routes.page_url('claims', query)}"


def _iso(value: Any) -> str:
    if value is None or value == "":
        return ""
    try:
        stamp = pd.Timestamp(value)
    except (ValueError, TypeError):
        return str(value)
    return "" if pd.isna(stamp) else stamp.date().isoformat()


def _person(name: str) -> dict:
    """'Andrew Korybko (attributed by style; ...)' -> a Person with the name and the caveat as description."""
    name = str(name or "").strip()
    main, _, rest = name.partition(" (")
    out = {"@type": "Person", "name": main or "unknown"}
    if rest:
        out["description"] = rest.rstrip(")")
    return out


def _appearance(meta: dict) -> dict:
    out = {
        "@type": "OpinionNewsArticle",
        "headline": str(meta.get("title", "")),
        "description": str(meta.get("article_ref", "")),
        "author": _person(meta.get("author", "")),
        "datePublished": _iso(meta.get("published")),
    }
    if str(meta.get("article_url", "")).startswith("http"):
        out["url"] = meta["article_url"]
    if meta.get("outlet") and not str(meta["outlet"]).lower().startswith("unknown"):
        out["publisher"] = {"@type": "Organization", "name": str(meta["outlet"])}
    return out


def verdict_strength(claim: Any) -> strength.Strength:
    """The verdict's strength: the one computed on load, or assessed now for verdicts made without it."""
    found = getattr(claim.verdict, "strength", None)
    return found if isinstance(found, strength.Strength) else strength.assess(claim.verdict)


def _citations(numbers: list[dict]) -> list[dict]:
    out, seen = [], set()
    for n in numbers:
        url = str(n.get("source_url") or "")
        if not url.startswith("http") or url in seen:
            continue
        seen.add(url)
        tier = source_tiers.tier_of(url, str(n.get("source_title") or ""), str(n.get("provider") or ""))
        out.append(
            {
                "@type": "CreativeWork",
                "name": str(n.get("source_title") or url),
                "url": url,
                "description": f"Source {tier.label}: {tier.why}.",
            }
        )
    return out


def _datasets(claim: Any, series_meta: dict[str, dict]) -> list[dict]:
    out = []
    for sid in claim.series:
        meta = series_meta.get(sid, {})
        item = {"@type": "Dataset", "name": str(meta.get("name") or sid), "identifier": sid}
        if meta.get("provider"):
            item["creator"] = {"@type": "Organization", "name": str(meta["provider"])}
        if str(meta.get("source_url", "")).startswith("http"):
            item["url"] = meta["source_url"]
        if meta.get("licence"):
            item["license"] = str(meta["licence"])
        out.append(item)
    return out


def claim_review(
    case: Any,
    claim: Any,
    *,
    base_url: str = DEFAULT_BASE_URL,
    reviewed_on: Any = None,
    series_meta: dict[str, dict] | None = None,
    context: bool = True,
) -> dict:
    """One claim as a schema.org ClaimReview (with `@context` unless it goes into a case `@graph`)."""
    verdict = claim.verdict
    weight = verdict_strength(claim)
    url = card_url(claim.id, base_url, getattr(case, "id", None))
    explanation = f"Rule {verdict.rule}: {verdict.rule_text} Result: {verdict.detail}".strip()
    if weight.level:
        explanation += f" Evidence strength: {weight.explain()}"
    rating = {
        "@type": "Rating",
        "alternateName": weight.with_status(verdict.status),
        "ratingExplanation": explanation,
    }
    if verdict.status in RATING_VALUES:
        rating.update(ratingValue=RATING_VALUES[verdict.status], bestRating=5, worstRating=1)
    review = {
        "@type": "ClaimReview",
        "@id": url,
        "url": url,
        "claimReviewed": claim.paraphrase,
        "datePublished": _iso(reviewed_on or date.today()),
        "author": REVIEWER,
        "itemReviewed": {
            "@type": "Claim",
            "author": _person(case.meta.get("author", "")),
            "datePublished": _iso(case.meta.get("published")),
            "appearance": _appearance(case.meta),
            "description": f"Paraphrased from paragraph {claim.paragraph} of the article; not its wording.",
        },
        "reviewRating": rating,
        "isBasedOn": _datasets(claim, series_meta or {}),
        "citation": _citations(verdict.all_numbers()),
    }
    return {"@context": SCHEMA, **review} if context else review


def case_reviews(case: Any, **kwargs: Any) -> dict:
    """Every claim of the case as one JSON-LD document (`@graph` of ClaimReviews)."""
    kwargs.pop("context", None)
    return {"@context": SCHEMA, "@graph": [claim_review(case, c, context=False, **kwargs) for c in case.claims]}


def to_json(document: dict) -> str:
    return json.dumps(document, ensure_ascii=False, indent=1, default=str) + "\n"


# ------------------------------------------------------------------------------------------ evidence pack
POINT_FIELDS = (
    "claim",
    "part",
    "label",
    "value",
    "unit",
    "date",
    "provider",
    "series",
    "flag",
    "flag_meaning",
    "source_title",
    "source_url",
    "source_tier",
    "source_tier_reason",
)


def _plain(value: Any) -> Any:
    if isinstance(value, (date, datetime, pd.Timestamp)):
        return _iso(value)
    return value


def _verdict_record(verdict: Any) -> dict:
    return {
        "status": verdict.status,
        "label": verdict.label,
        "rule": verdict.rule,
        "rule_text": verdict.rule_text,
        "detail": verdict.detail,
        "parts": [_verdict_record(p) for p in verdict.parts],
    }


def _point_rows(claim: Any) -> list[dict]:
    rows = []
    parts = claim.verdict.parts or [claim.verdict]
    for part in parts:
        for n in part.all_numbers() if part is not claim.verdict else part.numbers:
            tier = source_tiers.tier_of(str(n.get("source_url") or ""), str(n.get("source_title") or ""))
            row = {k: _plain(n.get(k, "")) for k in POINT_FIELDS if k in n}
            row.update(claim=claim.id, part=part.label, source_tier=tier.rank, source_tier_reason=tier.why)
            row["flag_meaning"] = point_flags.describe(n.get("flag"))
            rows.append(row)
    return rows


def evidence_pack(
    case: Any,
    *,
    base_url: str = DEFAULT_BASE_URL,
    reviewed_on: Any = None,
    series_meta: dict[str, dict] | None = None,
    as_of: Any = None,
) -> bytes:
    """A zip with the claims, rules and their parameters, verdicts with strength, the ClaimReview file, every
    cited point with its source and tier, and the app version: enough to check every verdict offline."""
    claims = [
        {
            "id": c.id,
            "short": c.short,
            "paraphrase": c.paraphrase,
            "kind": c.kind,
            "actors": list(c.actors),
            "period_start": _iso(c.period_start),
            "period_end": _iso(c.period_end),
            "paragraph": c.paragraph,
            "note": c.note,
        }
        for c in case.claims
    ]
    rules = [
        {"claim": c.id, "rule": c.verdict.rule, "rule_text": c.verdict.rule_text, "parameters": c.evidence}
        for c in case.claims
    ]
    verdicts = [
        {
            "claim": c.id,
            **_verdict_record(c.verdict),
            "strength": verdict_strength(c).as_dict(),
            "card_url": card_url(c.id, base_url, getattr(case, "id", None)),
        }
        for c in case.claims
    ]
    points = io.StringIO()
    writer = csv.DictWriter(points, fieldnames=POINT_FIELDS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for c in case.claims:
        writer.writerows(_point_rows(c))
    manifest = {
        "app": "Claim Lens",
        "version": app_version(),
        "case": case.id,
        "case_title": case.meta.get("title", ""),
        "built": _iso(reviewed_on or date.today()),
        "data_as_of": _iso(as_of),
        "files": ["claims.json", "rules.json", "verdicts.json", "claimreview.jsonld", "points.csv", "methodology.txt"],
    }
    methodology = "\n\n".join([strength.RULE_TEXT, point_flags.methodology_text(), source_tiers.rule_text()]) + "\n"
    reviews = case_reviews(case, base_url=base_url, reviewed_on=reviewed_on, series_meta=series_meta)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as pack:
        pack.writestr("manifest.json", to_json(manifest))
        pack.writestr("claims.json", to_json({"claims": claims}))
        pack.writestr("rules.json", to_json({"rules": rules}))
        pack.writestr("verdicts.json", to_json({"verdicts": verdicts}))
        pack.writestr("claimreview.jsonld", to_json(reviews))
        pack.writestr("points.csv", points.getvalue())
        pack.writestr("methodology.txt", methodology)
    return buffer.getvalue()
