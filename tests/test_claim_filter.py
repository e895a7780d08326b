"""Claim filtering, counting and paging (components.claim_filter), on claims built in code."""

from types import SimpleNamespace

from components.claim_filter import (
    ClaimFilter,
    filter_claims,
    filter_options,
    outcome_options,
    page_count,
    page_of,
    page_span,
    sort_claims,
    status_counts,
)


def claim(cid, kind, actors, status):
    return SimpleNamespace(id=cid, kind=kind, actors=list(actors), verdict=SimpleNamespace(status=status))


CLAIMS = [
    claim("a", "event", ["us", "russia"], "happened"),
    claim("b", "quantitative", ["india"], "supported"),
    claim("c", "quantitative", ["india", "russia"], "contradicted"),
    claim("d", "scenario", ["china"], "supported"),
]


def ids(claims):
    return [c.id for c in claims]


def test_options_are_what_the_claims_hold():
    kinds, actors, statuses = filter_options(CLAIMS)
    assert kinds == ["event", "quantitative", "scenario"]
    assert actors == ["china", "india", "russia", "us"]
    assert statuses == ["contradicted", "happened", "supported"]


def test_no_filter_keeps_every_claim_in_order():
    assert ids(filter_claims(CLAIMS, ClaimFilter())) == ["a", "b", "c", "d"]


def test_filters_combine_and_an_actor_matches_any_chosen_actor():
    assert ids(filter_claims(CLAIMS, ClaimFilter(kinds=("quantitative",)))) == ["b", "c"]
    assert ids(filter_claims(CLAIMS, ClaimFilter(actors=("russia", "china")))) == ["a", "c", "d"]
    assert ids(filter_claims(CLAIMS, ClaimFilter(kinds=("quantitative",), verdicts=("supported",)))) == ["b"]
    assert ids(filter_claims(CLAIMS, ClaimFilter(only="c", kinds=("event",)))) == []
    assert ids(filter_claims(CLAIMS, ClaimFilter(only="c"))) == ["c"]


def test_status_counts_add_up():
    counts = status_counts(CLAIMS)
    assert counts == {"contradicted": 1, "happened": 1, "supported": 2}
    assert list(counts) == sorted(counts) and sum(counts.values()) == len(CLAIMS)
    assert status_counts([]) == {}


def test_paging_covers_every_claim_once():
    assert page_count(0, 5) == 1 and page_count(5, 5) == 1 and page_count(6, 5) == 2
    items = list(range(12))
    pages = [page_of(items, p, 5) for p in range(1, page_count(len(items), 5) + 1)]
    assert [len(p) for p in pages] == [5, 5, 2] and sum(pages, []) == items
    assert page_span(3, 5, 12) == (11, 12) and page_span(1, 5, 0) == (0, 0)


def test_search_needs_every_word_in_title_paraphrase_or_actor_name():
    claims = [
        SimpleNamespace(**vars(c), short=f"Claim {c.id}", paraphrase=f"about {c.kind}", paragraph=i)
        for i, c in enumerate(CLAIMS, 1)
    ]
    labels = {"india": "India", "us": "United States"}
    assert ids(filter_claims(claims, ClaimFilter(text="united"), labels)) == ["a"]
    assert ids(filter_claims(claims, ClaimFilter(text="QUANTITATIVE india"), labels)) == ["b", "c"]
    assert ids(filter_claims(claims, ClaimFilter(text="scenario india"), labels)) == []
    assert not ClaimFilter().active and ClaimFilter(text="x").active


def test_sorting_keeps_article_order_within_groups():
    claims = [
        SimpleNamespace(**{**vars(c), "verdict": SimpleNamespace(status=c.verdict.status, strength=s)}, paragraph=p)
        for c, p, s in zip(
            CLAIMS,
            [4, 2, 3, 1],
            [None, SimpleNamespace(level="thin"), SimpleNamespace(level="strong"), SimpleNamespace(level="thin")],
        )
    ]
    assert ids(sort_claims(claims, "article")) == ["d", "b", "c", "a"]
    assert ids(sort_claims(claims, "verdict")) == ["c", "a", "d", "b"]
    assert ids(sort_claims(claims, "kind")) == ["a", "b", "c", "d"]
    assert ids(sort_claims(claims, "strength")) == ["c", "d", "b", "a"]


def test_outcome_options_offer_the_whole_scale_then_the_other_statuses_present():
    scored = [claim("s1", "scenario", [], "partly"), claim("s2", "prediction", [], "not testable")]
    assert outcome_options(scored) == ["happened", "did not happen", "partly", "too early", "not testable"]
    assert outcome_options([]) == []  # nothing to score: nothing to offer
