"""Every written name the actor finder recognises, and the actor each one stands for.

In order of trust: the case's own actors (labels and aliases from actors.csv), then organisations,
companies and people of the story (components.claimscan.names), then every country pycountry knows with
its everyday names and adjectives ('Russian', 'Indians'). A country the case knows keeps the case's actor id,
so 'Russian' in a pasted text is the case's Russia. One compiled pattern, longest names first, so one pass per
sentence finds them all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd
import pycountry

from components.claimscan.names import ADJECTIVES, COMPANIES, COUNTRY_EXTRA, ORGANISATIONS, PEOPLE


@dataclass
class Actor:
    id: str
    label: str
    kind: str  # state | person | bloc | organisation | company
    reason: str  # why it was found, shown beside it
    known: bool = False  # in the case's actors.csv
    mentions: int = 0
    country: str = ""


@dataclass(frozen=True)
class Mention:
    actor_id: str
    start: int
    end: int
    text: str


@dataclass
class Gazetteer:
    names: dict[str, str] = field(default_factory=dict)  # written name -> actor id
    actors: dict[str, Actor] = field(default_factory=dict)
    pattern: re.Pattern | None = None


def slug(name: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "_", name.lower().replace("+", " plus")).strip("_")
    return s[:60] or "name"


def _country_entries() -> list[tuple[str, str, str, str, str]]:
    """(written name, actor id, label, reason, alpha-2) for every country, everyday names first."""
    out = []
    for c in pycountry.countries:
        code = c.alpha_2
        common = getattr(c, "common_name", None)
        extra = COUNTRY_EXTRA.get(code, ())
        label = extra[0] if extra else common or c.name
        if "," in label:
            continue
        aid = slug(label)
        for name in (*extra, common, c.name):
            if name and "," not in name:
                out.append((name, aid, label, f"country ({label}, pycountry {code})", code))
        adjectives = ADJECTIVES.get(code)
        if adjectives is None and label.endswith("ia"):
            adjectives = (label + "n",)  # Nigeria -> Nigerian, Colombia -> Colombian
        for adj in adjectives or ():
            out.append((adj, aid, label, f"adjective '{adj}' -> country {label}", code))
            if adj.endswith(("an", "ian")):  # 'Russians', 'Indians': the people of the country
                out.append((adj + "s", aid, label, f"'{adj}s' -> country {label}", code))
    return out


# A name followed by one of these describes a time or a style ('the Biden-era rules'), not the actor acting.
_NOT_ACTING = r"(?!-(?:era|style|esque)\b)"


@lru_cache(maxsize=16)
def _gazetteer(known: tuple[tuple[str, str, str, str, tuple[str, ...]], ...]) -> Gazetteer:
    """Every written name we recognise -> actor; the case's own actors take precedence."""
    g = Gazetteer()
    by_country: dict[str, str] = {}

    def add(name: str, aid: str, actor: Actor) -> None:
        if len(name) < 2 or name in g.names:
            return
        g.names[name] = aid
        g.actors.setdefault(aid, actor)

    for aid, label, kind, country, aliases in known:
        actor = Actor(aid, label, kind, "case actor (actors.csv)", known=True, country=country)
        for name in (label, *aliases):
            add(name, aid, actor)
        if kind == "state" and country:
            by_country[country.upper()] = aid
    for aid, (label, kind, names) in ORGANISATIONS.items():
        for name in names:
            add(name, aid, Actor(aid, label, kind, "known organisation"))
    for aid, (label, names) in COMPANIES.items():
        for name in names:
            add(name, aid, Actor(aid, label, "company", f"known company ({label})"))
    for aid, (label, country, names) in PEOPLE.items():
        for name in names:
            add(name, aid, Actor(aid, label, "person", f"known person ({label})", country=country))
    for name, aid, label, reason, code in _country_entries():
        target = by_country.get(code, aid)
        if target in g.actors and g.actors[target].known and name not in g.names:
            g.names[name] = target  # a country the case knows: its pycountry names count as the case actor
            continue
        add(name, target, Actor(target, label, "state", reason, country=code))
    alternatives = sorted(g.names, key=lambda n: (-len(n), n))
    g.pattern = re.compile(
        r"(?<![\w.])(?:" + "|".join(re.escape(n) for n in alternatives) + r")(?![\w+])" + _NOT_ACTING
    )
    return g


def gazetteer_for(actors: pd.DataFrame | None) -> Gazetteer:
    """The gazetteer for a case's actors table (None: no case actors); cached per distinct table."""
    known = []
    if actors is not None and len(actors):
        for row in actors.to_dict("records"):
            aliases = row.get("aliases")
            if isinstance(aliases, str):
                aliases = aliases.split(";")
            aliases = tuple(str(a).strip() for a in (aliases if isinstance(aliases, (list, tuple)) else []) if a)
            known.append(
                (
                    str(row.get("id", "")).strip(),
                    str(row.get("label", "")).strip(),
                    str(row.get("kind", "")).strip(),
                    str(row.get("country", "") or "").strip(),
                    aliases,
                )
            )
    return _gazetteer(tuple(k for k in known if k[0]))
