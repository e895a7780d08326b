"""Source tiers: the documented rule, the mirror copies named in the sources README, every cited host rated."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from components import source_tiers as tiers

ROOT = Path(__file__).resolve().parent.parent
MIRROR_HOSTS = (
    "947631.windlasstrade-hk.tech",
    "w55e78q8w78qejyz-s-a2157.bj.tsgdht.cn",
    "test2.t247.win",
    "crimetodaynews.com",
)


@pytest.mark.parametrize(
    ("url", "title", "rank", "kind"),
    [
        ("https://www.eia.gov/dnav/pet/hist/RBRTED.htm", "", 1, "official"),
        ("https://tradestat.commerce.gov.in/x", "", 1, "official"),
        ("https://www.tass.com/economy/1", "", 2, "wire"),
        ("https://tass.com/economy/1", "", 2, "wire"),
        ("https://www.moneycontrol.com/news/1", "", 2, "wire"),
        ("https://finance.yahoo.com/news/x", "", 3, "secondary"),
        ("https://example-unheard-of.net/story", "", 4, "unknown"),
        # a wire host is still a mirror when the citation says it is a copy
        ("https://www.tass.com/x", "Some story (copy of Reuters)", 4, "mirror"),
        (
            "https://brameur.co.uk/x",
            "India second largest arms importer (Brameur, copy of The Hindu report)",
            4,
            "mirror",
        ),
        ("", "", 4, "none"),
        ("javascript:alert(1)", "", 4, "none"),
    ],
)
def test_tier_rule(url, title, rank, kind):
    tier = tiers.tier_of(url, title)
    assert (tier.rank, tier.kind) == (rank, kind)
    assert tier.why and tier.label.startswith(f"tier {rank} · ")


@pytest.mark.parametrize("host", MIRROR_HOSTS)
def test_readme_mirror_hosts_are_lowest_and_say_so(host):
    tier = tiers.tier_of(f"https://{host}/some/page", "An ordinary headline (Outlet)")
    assert tier.rank == tiers.LOWEST and tier.kind == "mirror"
    assert tier.name == "mirror copy" and "mirror copy" in tier.why


def test_mirror_ranks_below_the_outlet_it_copies():
    outlet = tiers.tier_of("https://www.thehindubusinessline.com/story", "")
    copy = tiers.tier_of(
        "https://crimetodaynews.com/story", "India's crude oil imports (Crime Today News, via Businessline)"
    )
    assert copy.rank > outlet.rank


def _cited_urls() -> list[tuple[str, str]]:
    out = []
    for path in sorted((ROOT / "data" / "series").glob("*.csv")) + sorted((ROOT / "data" / "cases").glob("*/*.csv")):
        with path.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                if row.get("source_url", "").startswith("http"):
                    out.append((row["source_url"], row.get("source_title", "")))
    return out


def test_every_cited_page_gets_a_tier_and_the_mirrors_in_the_snapshot_are_found():
    cited = _cited_urls()
    assert len(cited) > 100
    found = {tiers.host_of(url) for url, title in cited if tiers.tier_of(url, title).kind == "mirror"}
    assert {"947631.windlasstrade-hk.tech", "crimetodaynews.com", "test2.t247.win"} <= found
    assert all(1 <= tiers.tier_of(url, title).rank <= 4 for url, title in cited)


def test_weakest_and_rule_text():
    a, b = tiers.tier_of("https://www.eia.gov/x"), tiers.tier_of("https://crimetodaynews.com/x")
    assert tiers.weakest([a, b]) is b and tiers.weakest([]) is None
    assert "mirror" in tiers.rule_text() and "tier 1" in tiers.rule_text()
