"""Source tiers: one documented rule that rates every cited page (see data/source_tiers.toml for the lists).

Why a tier per page and not per provider: the same Kpler figure reaches us through an agency wire, a national
paper, an aggregator or a mirror copy on an unrelated host, and a reader must see which one we actually read.
A mirror copy is rated below the outlet it copies, whoever that is. No streamlit here.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlparse

TIERS_FILE = Path(__file__).resolve().parent.parent / "data" / "source_tiers.toml"

OFFICIAL, WIRE, SECONDARY, LOWEST = 1, 2, 3, 4
TIER_NAMES = {
    OFFICIAL: "official statistics or agency release",
    WIRE: "wire or major outlet",
    SECONDARY: "secondary or aggregator",
    LOWEST: "mirror copy or unknown outlet",
}
# Wording in a page's title or provider line that says the page is a copy of someone else's story.
_MIRROR_WORDS = re.compile(r"\bmirror\b|\bcopy of\b|reworded copy|automated copy", re.I)


@dataclass(frozen=True)
class Tier:
    rank: int  # 1 (official) .. 4 (mirror copy or unknown outlet); lower is stronger
    kind: str  # 'official' | 'wire' | 'secondary' | 'mirror' | 'unknown' | 'none'
    why: str  # the rule that placed the page here, in words

    @property
    def name(self) -> str:
        if self.kind == "mirror":
            return "mirror copy"
        if self.kind == "unknown":
            return "unknown outlet"
        return TIER_NAMES[self.rank]

    @property
    def label(self) -> str:
        """'tier 4 · mirror copy' — short enough for a table cell."""
        return f"tier {self.rank} · {self.name}"


NO_SOURCE = Tier(LOWEST, "none", "no page is cited for this figure")


@lru_cache(maxsize=4)  # one tiers file
def _lists(path: Path = TIERS_FILE) -> dict:
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    mirrors = {_bare(m["host"]): m.get("copies", "") for m in raw.get("mirror", {}).get("hosts", [])}
    return {
        "official": {_bare(h) for h in raw.get("official", {}).get("hosts", [])},
        "suffixes": tuple(raw.get("official", {}).get("suffixes", [])),
        "wire": {_bare(h) for h in raw.get("wire", {}).get("hosts", [])},
        "secondary": {_bare(h) for h in raw.get("secondary", {}).get("hosts", [])},
        "mirror": mirrors,
    }


def _bare(host: str) -> str:
    host = (host or "").strip().lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host


def host_of(url: str) -> str:
    """'https://www.tass.com/x' -> 'tass.com'; '' when the value is not an http(s) URL."""
    try:
        parsed = urlparse(str(url or "").strip())
    except ValueError:
        return ""
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        return ""
    return _bare(parsed.hostname)


def _listed(host: str, hosts: set[str] | dict) -> str:
    """The entry `host` falls under (itself or a parent domain), or ''."""
    parts = host.split(".")
    for i in range(len(parts) - 1):
        candidate = ".".join(parts[i:])
        if candidate in hosts:
            return candidate
    return ""


@lru_cache(maxsize=4096)  # cited pages: about 300 in the snapshot and cases; uploads bring their own
def tier_of(url: str, title: str = "", provider: str = "") -> Tier:
    """The tier of one cited page, by the rule in data/source_tiers.toml (first match wins)."""
    host = host_of(url)
    if not host:
        return NO_SOURCE
    lists = _lists()
    mirror = _listed(host, lists["mirror"])
    if mirror:
        copies = lists["mirror"][mirror]
        return Tier(LOWEST, "mirror", f"{host} is a mirror copy" + (f" of {copies}" if copies else ""))
    if _MIRROR_WORDS.search(f"{title} {provider}"):
        return Tier(LOWEST, "mirror", f"the citation says the page on {host} is a copy of another outlet's story")
    if _listed(host, lists["official"]) or host.endswith(lists["suffixes"]):
        return Tier(OFFICIAL, "official", f"{host} publishes its own official figures")
    if _listed(host, lists["wire"]):
        return Tier(WIRE, "wire", f"{host} is a news agency or major outlet")
    if _listed(host, lists["secondary"]):
        return Tier(SECONDARY, "secondary", f"{host} reposts or aggregates other outlets' reporting")
    return Tier(LOWEST, "unknown", f"{host} is not an outlet we could identify")


def weakest(tiers: list[Tier]) -> Tier | None:
    """The weakest (highest-ranked) tier of a list, or None for an empty list."""
    return max(tiers, key=lambda t: t.rank) if tiers else None


def rule_text() -> str:
    """The tier rule in words (Methodology page, evidence pack)."""
    return (
        "Every cited page gets one tier, by the first rule that fits: a mirror copy of another outlet's story "
        "(a known mirror host, or a citation that says 'mirror' or 'copy of') is tier 4 whatever it copies; "
        "a statistics office, ministry, central bank, customs office or research institute publishing its own "
        "figures is tier 1; a news agency or a national or international outlet with its own newsroom is tier 2; "
        "a repost, aggregator, local affiliate, law-firm or market-news page is tier 3; any other host is "
        "tier 4 (unknown outlet). A figure without a cited page takes its series' source."
    )
