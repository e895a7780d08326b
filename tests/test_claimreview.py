"""ClaimReview JSON-LD and the evidence pack: required fields, a JSON-LD expansion (pyld, offline context), the
pack's files and that every cited point carries its source and tier."""

from __future__ import annotations

import csv
import io
import json
import zipfile

import pytest
from pyld import jsonld

from components import claimreview
from components.case import load_case

SCHEMA = "https://schema.org/"


@pytest.fixture(scope="module")
def case():
    return load_case()


def _offline_loader(url, options=None):
    """schema.org's context, reduced to its vocabulary: enough to expand the terms, no network."""
    if url.rstrip("/") in ("https://schema.org", "http://schema.org"):
        return {
            "contentType": "application/ld+json",
            "contextUrl": None,
            "documentUrl": url,
            "document": {"@context": {"@vocab": SCHEMA}},
        }
    raise jsonld.JsonLdError("offline", "loading document failed", {"url": url}, code="loading document failed")


def _expand(document: dict) -> list:
    return jsonld.expand(json.loads(claimreview.to_json(document)), {"documentLoader": _offline_loader})


@pytest.mark.parametrize(
    "claim_id", ["india_two_year_low", "us_aid_intel_pause", "scenario_india_defies", "trust_deficit"]
)
def test_claim_review_has_the_required_fields_and_expands(case, claim_id):
    claim = case.claim(claim_id)
    doc = claimreview.claim_review(case, claim, base_url="https://claims.example/", reviewed_on="2026-12-01")
    assert doc["@context"] == "https://schema.org" and doc["@type"] == "ClaimReview"
    assert doc["claimReviewed"] == claim.paraphrase
    assert doc["url"] == f"https://claims.example/Claims?claims_id={claim_id}"
    assert doc["datePublished"] == "2026-12-01" and doc["author"]["name"] == "Claim Lens"
    item = doc["itemReviewed"]
    assert item["@type"] == "Claim" and item["datePublished"] == "2025-03-08"
    assert item["appearance"]["author"]["name"] == "Andrew Korybko" and item["appearance"]["datePublished"]
    rating = doc["reviewRating"]
    assert rating["alternateName"].startswith(claim.verdict.status)
    assert claim.verdict.rule in rating["ratingExplanation"]
    expanded = _expand(doc)
    assert len(expanded) == 1
    node = expanded[0]
    assert node["@type"] == [SCHEMA + "ClaimReview"]
    for key in ("claimReviewed", "itemReviewed", "reviewRating", "author", "datePublished", "url"):
        assert SCHEMA + key in node, key
    assert node[SCHEMA + "itemReviewed"][0]["@type"] == [SCHEMA + "Claim"]
    assert SCHEMA + "appearance" in node[SCHEMA + "itemReviewed"][0]


def test_quantitative_review_cites_series_and_pages_and_rates_numerically(case):
    claim = case.claim("india_two_year_low")
    doc = claimreview.claim_review(
        case,
        claim,
        series_meta={
            "india_imports_russia_kpler": {
                "name": "India-Kpler",
                "provider": "Kpler",
                "source_url": "https://k.example",
            }
        },
    )
    assert {d["identifier"] for d in doc["isBasedOn"]} == set(claim.series)
    assert doc["citation"] and all(c["url"].startswith("http") and "tier" in c["description"] for c in doc["citation"])
    assert doc["reviewRating"]["ratingValue"] in (1, 3, 5)
    not_testable = claimreview.claim_review(case, case.claim("trust_deficit"))
    assert "ratingValue" not in not_testable["reviewRating"]


def test_case_file_is_one_graph(case):
    doc = claimreview.case_reviews(case)
    assert doc["@context"] == "https://schema.org" and len(doc["@graph"]) == len(case.claims)
    assert all("@context" not in r for r in doc["@graph"])
    assert len(_expand(doc)) == len(case.claims)


def test_evidence_pack(case):
    pack = zipfile.ZipFile(io.BytesIO(claimreview.evidence_pack(case, as_of="2026-11-25")))
    names = set(pack.namelist())
    assert {"manifest.json", "claims.json", "rules.json", "verdicts.json", "claimreview.jsonld", "points.csv"} <= names
    manifest = json.loads(pack.read("manifest.json"))
    assert manifest["version"].startswith("0.") and manifest["data_as_of"] == "2026-11-25"
    verdicts = {v["claim"]: v for v in json.loads(pack.read("verdicts.json"))["verdicts"]}
    assert set(verdicts) == {c.id for c in case.claims}
    assert all("label" in v["strength"] and v["status"] for v in verdicts.values())
    rules = json.loads(pack.read("rules.json"))["rules"]
    assert all(r["parameters"]["rule"] == r["rule"] for r in rules)
    rows = list(csv.DictReader(io.StringIO(pack.read("points.csv").decode("utf-8"))))
    assert rows and {r["claim"] for r in rows} >= {"india_two_year_low", "us_aid_intel_pause"}
    cited = [r for r in rows if r["source_url"]]
    assert cited and all(r["source_tier"] in "1234" and r["source_tier_reason"] for r in cited)
    flagged = [r for r in rows if r["flag"]]
    assert flagged and all(r["flag_meaning"].startswith(r["flag"].split(";")[0].split(":")[0]) for r in flagged)
    json.loads(pack.read("claimreview.jsonld"))


def test_card_urls_of_another_case_name_the_case():
    second = load_case("2025-11-india-december-low")
    doc = claimreview.claim_review(second, second.claims[0], base_url="https://claims.example")
    assert doc["url"] == (
        f"https://claims.example/Claims?claims_id={second.claims[0].id}&case=2025-11-india-december-low"
    )
    first = load_case()
    assert "case=" not in claimreview.claim_review(first, first.claims[0])["url"]
