"""components.case: validation errors name file/row/field; the real case loads; no copied article text."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from components import case
from tests.factories import case_files
from tests.factories.case_files import make_case_folder
from tests.factories.text import six_word_shingles

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "data" / "cases" / case.DEFAULT_CASE


def load(root):
    return case.load_case(case_files.CASE_ID, root, use_data_layer=False, today="2026-11-25")


def issue_of(exc: case.CaseError, file: str, field: str):
    hits = [i for i in exc.issues if i.file == file and i.field.startswith(field)]
    assert hits, f"no issue for {file}/{field} in {exc}"
    return hits[0]


def test_valid_factory_case_loads(tmp_path):
    loaded = load(make_case_folder(tmp_path))
    assert [c.id for c in loaded.claims] == ["c_low", "c_event"]
    assert loaded.events["date"].dtype.kind == "M"
    assert loaded.events.loc[0, "actors"] == ["us", "russia"]
    assert loaded.relations.loc[0, "claims"] == ["c_low"] and loaded.relations.loc[0, "directed"]
    assert loaded.claim("c_event").verdict.status == "supported"
    assert loaded.claim("c_low").verdict.status == "no data"  # no loaders injected


def _events_with(**change):
    rows = [dict(e) for e in case_files.EVENTS]
    rows[1].update(change)
    return rows


@pytest.mark.parametrize(
    "change,field,words",
    [
        ({"source_url": ""}, "source_url", "source"),
        ({"source_title": ""}, "source_title", "source"),
        ({"date": "2025-13-40"}, "date", "not a date"),
        ({"actors": "us;atlantis"}, "actors", "atlantis"),
        ({"category": "gossip"}, "category", "gossip"),
        ({"phase": "later"}, "phase", "later"),
        ({"id": "ev_a"}, "id", "duplicate"),
        ({"date_precision": "month"}, "date", "1st"),
    ],
)
def test_bad_event_row_named(tmp_path, change, field, words):
    make_case_folder(tmp_path, events=_events_with(**change))
    with pytest.raises(case.CaseError) as ei:
        load(tmp_path)
    iss = issue_of(ei.value, "events.csv", field)
    assert iss.row == 3  # header is row 1, second event is row 3
    assert words in iss.message
    assert "events.csv row 3" in str(ei.value) and f"'{field}'" in str(ei.value)


def test_bad_actor_kind(tmp_path):
    actors = [dict(a) for a in case_files.ACTORS]
    actors[0]["kind"] = "empire"
    make_case_folder(tmp_path, actors=actors)
    with pytest.raises(case.CaseError) as ei:
        load(tmp_path)
    assert issue_of(ei.value, "actors.csv", "kind").row == 2


def test_missing_column(tmp_path):
    make_case_folder(tmp_path)
    p = tmp_path / case_files.CASE_ID / "events.csv"
    df = pd.read_csv(p, dtype=str, keep_default_na=False).drop(columns=["source_url"])
    df.to_csv(p, index=False)
    with pytest.raises(case.CaseError) as ei:
        load(tmp_path)
    iss = issue_of(ei.value, "events.csv", "source_url")
    assert iss.row == 1 and "missing column" in iss.message


@pytest.mark.parametrize(
    "old,new,field",
    [
        ('kind = "quantitative"', 'kind = "rumour"', "kind"),
        ('actors = ["india", "russia"]', 'actors = ["india", "mars"]', "actors"),
        ("paragraph = 4", "paragraph = 99", "paragraph"),
        ("period_end = 2025-02-28", "period_end = 2020-01-01", "period_end"),
        ('rule = "lowest_since"', 'rule = "vibes"', "evidence.rule"),
        ("at = 2025-02-01", 'at = "soon"', "evidence.at"),
        ('id = "c_event"', 'id = "c_low"', "id"),
    ],
)
def test_bad_claim_named(tmp_path, old, new, field):
    assert old in case_files.CLAIMS_TOML
    make_case_folder(tmp_path, claims_toml=case_files.CLAIMS_TOML.replace(old, new, 1 if field != "id" else -1))
    with pytest.raises(case.CaseError) as ei:
        load(tmp_path)
    iss = issue_of(ei.value, "claims.toml", field)
    assert iss.row in (1, 2)
    assert "claims.toml row" in str(ei.value)


def test_scenario_conditions_validated(tmp_path):
    toml = (
        case_files.CLAIMS_TOML
        + """
[[claim]]
id = "c_scen"
paraphrase = "Something would follow."
kind = "scenario"
actors = ["us"]
period_start = 2025-03-09
period_end = 2025-12-31
paragraph = 3
[claim.evidence]
rule = "scenario_outcome"
  [[claim.evidence.conditions]]
  rule = "change_between"
  series = ["imp_kpler"]
"""
    )
    make_case_folder(tmp_path, claims_toml=toml)
    with pytest.raises(case.CaseError) as ei:
        load(tmp_path)
    iss = issue_of(ei.value, "claims.toml", "evidence.conditions[0]")
    assert iss.row == 3


def test_relation_needs_backing_and_known_ids(tmp_path):
    rels = [
        dict(case_files.RELATIONS[0], claims="", events=""),
        dict(case_files.RELATIONS[0], claims="c_nope", target="mars", type="loves", weight="-1"),
    ]
    make_case_folder(tmp_path, relations=rels)
    with pytest.raises(case.CaseError) as ei:
        load(tmp_path)
    e = ei.value
    assert issue_of(e, "relations.csv", "claims").row == 2
    fields = {(i.row, i.field) for i in e.issues}
    assert {(3, "claims"), (3, "target"), (3, "type"), (3, "weight")} <= fields


def test_case_toml_required_and_missing_file(tmp_path):
    make_case_folder(tmp_path, case_toml='[case]\nid = "x"\n')
    with pytest.raises(case.CaseError) as ei:
        load(tmp_path)
    assert issue_of(ei.value, "case.toml", "case.title")
    (tmp_path / case_files.CASE_ID / "actors.csv").unlink()
    with pytest.raises(case.CaseError) as ei:
        load(tmp_path)
    assert issue_of(ei.value, "actors.csv", "-").message == "file is missing"


def test_fact_needs_source(tmp_path):
    make_case_folder(tmp_path, facts=[dict(case_files.FACTS[0], source_url="")])
    with pytest.raises(case.CaseError) as ei:
        load(tmp_path)
    assert issue_of(ei.value, "facts.csv", "source_url").row == 2


# ------------------------------------------------------------------ the real case
@pytest.fixture(scope="module")
def real():
    return case.load_case(use_data_layer=False, today="2026-11-25")


def test_real_case_loads_and_is_complete(real):
    assert real.meta["published"] == pd.Timestamp("2025-03-08")
    assert "unknown" in real.meta["outlet"]
    kinds = {c.kind for c in real.claims}
    assert kinds == set(case.CLAIM_KINDS)
    ids = {c.id for c in real.claims}
    for must in (
        "trump_post_threat",
        "kellogg_secondary_sanctions",
        "india_two_year_low",
        "rosneft_reliance_deal",
        "india_arms_dependence",
        "russia_budget_oil_dependence",
        "india_china_key_buyers",
        "us_aid_intel_pause",
        "russian_strikes_followed",
        "kursk_counteroffensive",
        "france_air_truce",
        "uk_partial_no_fly",
        "hegseth_no_article5",
        "rubio_china_dependence",
        "white_house_clash",
        "another_call_needed",
        "scenario_india_complies",
        "scenario_india_defies",
        "post_will_influence_putin",
        "coming_week_clarity",
        "junior_partner_risk",
    ):
        assert must in ids
    assert len(real.events) >= 48 and real.events["source_url"].str.startswith("http").all()
    assert set(real.events["phase"]) == {"context", "article", "hindsight"}
    assert {"rosneft", "reliance", "lukoil", "gazprom_neft", "surgutneftegas", "eu", "nato", "ofac"} <= set(
        real.actors["id"]
    )
    assert all(len(a) > 0 for a in real.actors["aliases"])
    assert set(real.relations["type"]) >= {"threatens sanctions", "buys oil from", "supplies arms to", "cuts aid to"}
    for c in real.claims:
        assert c.verdict is not None and c.verdict.status in case.evidence.STATUSES


def test_real_case_event_verdicts_without_data(real):
    assert real.claim("another_call_needed").verdict.status == "happened"
    assert real.claim("us_aid_intel_pause").verdict.status == "supported"
    assert real.claim("india_arms_dependence").verdict.status == "mixed"  # 36% in 2019-23: largest, not majority
    assert real.claim("india_two_year_low").verdict.status == "no data"  # no loaders


def test_real_case_with_data_layer():
    loaded = case.load_case(today="2026-11-25")
    v = loaded.claim("india_two_year_low").verdict
    assert v.status in ("supported", "contradicted", "mixed")
    assert {p.label for p in v.parts}  # one part per provider
    for n in v.all_numbers():
        assert n["source_url"].startswith("http"), n


# ------------------------------------------------------------------ no copied sentences
def test_no_text_shares_a_six_word_run_with_the_article(real):
    fp = json.loads((REAL / "article_fingerprint.json").read_text())
    article = set(fp["hashes"])
    assert len(article) > 1000
    texts = {f"claim {c.id}": c.paraphrase + " " + c.short + " " + c.note for c in real.claims}
    texts["case summary"] = real.meta["summary"]
    texts["case title"] = real.meta["title"]
    for _, e in real.events.iterrows():
        texts[f"event {e['id']}"] = e["title"] + ". " + e["summary"]
    for _, f in real.facts.iterrows():
        texts[f"fact {f['id']}"] = f["statement"]
    bad = {k: len(six_word_shingles(v) & article) for k, v in texts.items() if six_word_shingles(v) & article}
    assert not bad, f"texts sharing a 6-word run with the article: {bad}"


def test_fingerprint_matches_importer_normalisation():
    """The test's shingling equals the importer's, so a copied run would be caught (no article text needed)."""
    from importers.case_seed import shingle_hashes

    sample = "India’s refiners, in February, bought LESS Russian crude -- per Kpler; ok?"
    assert shingle_hashes(sample) == six_word_shingles(sample) and len(six_word_shingles(sample)) == 7
    fp = json.loads((REAL / "article_fingerprint.json").read_text())
    assert fp["n"] == 6 and all(re.fullmatch(r"[0-9a-f]{40}", h) for h in fp["hashes"])
    assert fp["hashes"] == sorted(fp["hashes"])


def test_events_digest_follows_the_events_and_travels_with_a_pickled_case(tmp_path):
    import pickle

    from components.case_model import frame_digest

    loaded = load(make_case_folder(tmp_path))
    digest = loaded.events_digest
    assert digest == frame_digest(loaded.events) and len(digest) == 40
    again = pickle.loads(pickle.dumps(loaded))
    assert again.__dict__.get("_events_digest") == digest  # kept: a cache's copy is not hashed again
    other = load(make_case_folder(tmp_path / "other", events=_events_with(title="Another title")))
    assert other.events_digest != digest
