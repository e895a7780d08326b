"""Actors named in a text, each with the reason it was found.

Where names come from, in order of trust: the case's own actors (labels and aliases), countries from
pycountry (official, common and everyday names, plus adjectives such as 'Russian'), a short list of
organisations and companies of the oil trade, then capitalised names read by their shape: a title before
them makes a person (the title is dropped from the name), a company or organisation word after them says
which. Topic words are never actors: crude grades, tickers, months, days, units, datelines and the data
providers (Kpler, Reuters, ...) that a sentence cites as its source.

One pass of one compiled pattern per sentence (linear in the text); no pair-wise work here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd
import pycountry

from components.claimscan.periods import MONTHS

# Everyday names pycountry lacks or spells formally (pycountry name -> extra names).
COUNTRY_EXTRA = {
    "US": ("United States", "US", "U.S.", "USA", "America", "Washington"),
    "GB": ("United Kingdom", "UK", "U.K.", "Britain", "Great Britain", "London"),
    "RU": ("Russia", "Moscow", "Kremlin"),
    "CN": ("China", "Beijing", "PRC"),
    "IN": ("India", "New Delhi"),
    "TR": ("Turkey", "Türkiye", "Turkiye", "Ankara"),
    "AE": ("UAE", "U.A.E.", "Emirates"),
    "UA": ("Ukraine", "Kyiv", "Kiev"),
    "IR": ("Iran", "Tehran"),
    "SA": ("Saudi Arabia", "Riyadh"),
    "KR": ("South Korea", "Seoul"),
    "KP": ("North Korea", "Pyongyang"),
    "JP": ("Japan", "Tokyo"),
    "DE": ("Germany", "Berlin"),
    "FR": ("France", "Paris"),
}
ADJECTIVES = {
    "US": ("American",),
    "GB": ("British",),
    "RU": ("Russian",),
    "CN": ("Chinese",),
    "IN": ("Indian",),
    "TR": ("Turkish",),
    "AE": ("Emirati",),
    "UA": ("Ukrainian",),
    "IR": ("Iranian",),
    "IQ": ("Iraqi",),
    "SA": ("Saudi",),
    "KZ": ("Kazakh",),
    "KR": ("South Korean",),
    "KP": ("North Korean",),
    "JP": ("Japanese",),
    "DE": ("German",),
    "FR": ("French",),
    "PL": ("Polish",),
    "NL": ("Dutch",),
    "ES": ("Spanish",),
    "PK": ("Pakistani",),
    "BD": ("Bangladeshi",),
    "IL": ("Israeli",),
    "QA": ("Qatari",),
    "KW": ("Kuwaiti",),
    "OM": ("Omani",),
    "VN": ("Vietnamese",),
    "TH": ("Thai",),
    "GR": ("Greek",),
    "NO": ("Norwegian",),
    "SE": ("Swedish",),
    "FI": ("Finnish",),
    "HU": ("Hungarian",),
    "AZ": ("Azerbaijani",),
    "CH": ("Swiss",),
    "BR": ("Brazilian",),
    "MX": ("Mexican",),
    "VE": ("Venezuelan",),
    "NG": ("Nigerian",),
    "AO": ("Angolan",),
    "LY": ("Libyan",),
    "EG": ("Egyptian",),
    "CA": ("Canadian",),
    "AU": ("Australian",),
    "IT": ("Italian",),
    "SY": ("Syrian",),
}
ORGANISATIONS = {
    "eu": ("European Union", "bloc", ("European Union", "EU", "E.U.", "Brussels", "European Commission")),
    "nato": ("NATO", "bloc", ("NATO", "North Atlantic Treaty Organization")),
    "opec": ("OPEC", "bloc", ("OPEC", "Organization of the Petroleum Exporting Countries")),
    "opec_plus": ("OPEC+", "bloc", ("OPEC+", "OPEC Plus")),
    "g7": ("G7", "bloc", ("G7", "G-7", "Group of Seven")),
    "g20": ("G20", "bloc", ("G20", "G-20")),
    "brics": ("BRICS", "bloc", ("BRICS",)),
    "un": ("United Nations", "organisation", ("United Nations", "UN", "U.N.")),
    "imf": ("IMF", "organisation", ("IMF", "International Monetary Fund")),
    "wto": ("WTO", "organisation", ("WTO", "World Trade Organization")),
    "iea": ("IEA", "organisation", ("IEA", "International Energy Agency")),
    "ofac": ("OFAC", "organisation", ("OFAC", "Office of Foreign Assets Control")),
    "us_treasury": ("US Treasury", "organisation", ("US Treasury", "U.S. Treasury", "Treasury Department")),
}
COMPANIES = {
    "rosneft": ("Rosneft", ("Rosneft",)),
    "lukoil": ("Lukoil", ("Lukoil", "LUKOIL")),
    "gazprom_neft": ("Gazprom Neft", ("Gazprom Neft",)),
    "gazprom": ("Gazprom", ("Gazprom",)),
    "surgutneftegas": ("Surgutneftegas", ("Surgutneftegas", "Surgutneftegaz")),
    "reliance": ("Reliance Industries", ("Reliance Industries", "Reliance")),
    "nayara": ("Nayara Energy", ("Nayara Energy", "Nayara")),
    "ioc": ("Indian Oil Corporation", ("Indian Oil Corporation", "Indian Oil Corp", "Indian Oil", "IOC")),
    "bpcl": ("Bharat Petroleum", ("Bharat Petroleum", "BPCL")),
    "hpcl": ("Hindustan Petroleum", ("Hindustan Petroleum", "HPCL")),
    "mrpl": ("Mangalore Refinery", ("Mangalore Refinery", "MRPL")),
    "sinopec": ("Sinopec", ("Sinopec",)),
    "petrochina": ("PetroChina", ("PetroChina", "CNPC")),
    "aramco": ("Saudi Aramco", ("Saudi Aramco", "Aramco")),
    "sovcomflot": ("Sovcomflot", ("Sovcomflot",)),
}
# Sources a sentence cites: check-worthy, never actors.
DATA_PROVIDERS = (
    "Kpler",
    "Vortexa",
    "Reuters",
    "Bloomberg",
    "Argus",
    "Platts",
    "S&P Global",
    "LSEG",
    "Refinitiv",
    "CREA",
    "EIA",
    "Energy Information Administration",
    "Centre for Research on Energy and Clean Air",
    "PTI",
    "Economic Times",
    "Business Standard",
)
TOPIC_WORDS = frozenset(
    """Urals Brent WTI ESPO Murban Sokol Basrah Varandey Arab Light Heavy Medium Dated Dubai Oman CPC Blend
    Crude Oil Gas LNG Diesel Naphtha Fuel Friday Monday Tuesday Wednesday Thursday Saturday Sunday
    Mt Bpd Kb GDP CEO CFO Q1 Q2 Q3 Q4 FY AM PM OK AP AFP Western Eastern Northern Southern European Asian
    African Arab Gulf Middle East West Asia Europe Africa Europeans Westerners""".split()
) | frozenset(MONTHS)
TITLES = (
    "President",
    "Vice President",
    "Prime Minister",
    "Deputy Prime Minister",
    "Foreign Minister",
    "Oil Minister",
    "Energy Minister",
    "Finance Minister",
    "Petroleum Minister",
    "Minister",
    "Secretary of State",
    "Treasury Secretary",
    "Secretary",
    "Chancellor",
    "Senator",
    "Sen.",
    "Rep.",
    "Governor",
    "Ambassador",
    "Envoy",
    "Special Envoy",
    "Chairman",
    "Chief Executive",
    "CEO",
    "Spokesperson",
    "Spokesman",
    "General",
    "Gen.",
    "King",
    "Crown Prince",
    "Prince",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
)
COMPANY_WORDS = frozenset(
    "Corp Corp. Corporation Inc Inc. Ltd Ltd. Limited PLC plc Industries Energy Petroleum Refinery Refining "
    "Bank Group Holdings Co Co. AG SA Oil Gas Neft Shipping Airlines Motors Steel".split()
)
ORG_WORDS = frozenset(
    "Ministry Department Treasury Commission Council Agency Office Bureau Fund Organisation Organization "
    "Union Parliament Congress Senate Court Committee Institute Centre Center Authority Board".split()
)
STOP_WORDS = frozenset(
    """A An The This That These Those There Then Thus Though However But And Or Nor So Yet For If In On At By Of
    To From With Without Within As After Before While When Where Which Who Whom Whose What Why How It Its He She
    They We I You His Her Their Our My Your Us Them Him Me Is Are Was Were Be Been Has Have Had Do Does Did Will
    Would Shall Should Can Could May Might Must Not No Yes All Any Some Each Every Many Most More Less Few Other
    Another Such Also Only Even Still Just Now Today Yesterday Tomorrow Meanwhile Moreover Furthermore Indeed
    Since Until Unless Although Because Despite During Against Between Among Into Over Under About Above Below
    Again Further Here Once Both Either Neither One Two Three First Second Last Next New According Said Says Let
    See Read Note Please Analysts Officials Sources Data Imports Exports Prices Refiners Traders Buyers""".split()
)
_CONNECT = r"(?:of|the|de|al|bin|von|van|da|du|la|le|for|and)"
_CAP = r"[A-Z][\w'’&\-]*\+?"
_NAME_RE = re.compile(rf"{_CAP}(?:(?:\s+{_CONNECT})*\s+{_CAP})*")
_TICKER_RE = re.compile(r"^(?:\^?[A-Z0-9]{1,6}(?:=F|=X|\.NS|\.BO)|[A-Z]{2,5}\d+)$")
_DATELINE_RE = re.compile(
    r"^\s*(?:[A-Z][A-Z.'\-]+\s?){1,4}(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\(\w+\))?\s*[-—–:]\s+"
)
MAX_NAME_WORDS = 6


@dataclass
class Actor:
    id: str
    label: str
    kind: str  # state | person | bloc | organisation | company | unknown
    reason: str
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
            add(name, aid, Actor(aid, label, "company", "known oil or refining company"))
    for name, aid, label, reason, code in _country_entries():
        target = by_country.get(code, aid)
        if target in g.actors and g.actors[target].known and name not in g.names:
            g.names[name] = target  # a country the case knows: its pycountry names count as the case actor
            continue
        add(name, target, Actor(target, label, "state", reason, country=code))
    alternatives = sorted(g.names, key=lambda n: (-len(n), n))
    g.pattern = re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(n) for n in alternatives) + r")(?![\w+])")
    return g


def gazetteer_for(actors: pd.DataFrame | None) -> Gazetteer:
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


_PROVIDER_RE = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(p) for p in DATA_PROVIDERS) + r")(?![\w])")
_TITLE_RE = re.compile(r"^(?:" + "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True)) + r")\s+")


def providers(sentence: str) -> list[str]:
    """Data providers and news agencies a sentence cites (never actors)."""
    return list(dict.fromkeys(m.group(0) for m in _PROVIDER_RE.finditer(sentence)))


def strip_dateline(sentence: str) -> int:
    """Length of a leading dateline ('NEW DELHI, Nov 25 (Reuters) - '), 0 when there is none."""
    m = _DATELINE_RE.match(sentence)
    return m.end() if m else 0


def _classify(words: list[str]) -> tuple[list[str], str, str]:
    """(name words, kind, reason) of a capitalised run, titles stripped; kind '' = not an actor."""
    text = " ".join(words)
    title = _TITLE_RE.match(text + " ")
    title_word = ""
    if title:
        title_word = title.group(0).strip()
        words = text[title.end() :].split() if title.end() <= len(text) else []
    while words and words[0] in STOP_WORDS:
        words = words[1:]
    while words and words[-1].lower() in ("of", "the", "and", "for", "de", "al"):
        words = words[:-1]
    if not words or len(words) > MAX_NAME_WORDS:
        return [], "", ""
    name = " ".join(words)
    if all(w.split("-")[0] in TOPIC_WORDS or w.lower() in ("crude", "oil") for w in words) or _TICKER_RE.match(name):
        return [], "", ""
    if title_word:
        return words, "person", f"follows the title '{title_word}' (title dropped from the name)"
    if any(w in ORG_WORDS for w in words):
        return words, "organisation", f"name containing '{next(w for w in words if w in ORG_WORDS)}'"
    if words[-1] in COMPANY_WORDS and len(words) > 1:
        return words, "company", f"name ending in '{words[-1]}'"
    return words, "unknown", "capitalised name (kind not known)"


def _split_and(words: list[str]) -> list[list[str]]:
    """'Iraq and Kazakhstan' -> two names; 'Bank of England' stays one (no 'and' in it)."""
    groups, current = [], []
    for w in words:
        if w == "and":
            if current:
                groups.append(current)
            current = []
        else:
            current.append(w)
    if current:
        groups.append(current)
    return groups


ADJECTIVE_SUFFIXES = ("-era", "-led", "-backed", "-style", "-based", "-owned", "-linked", "-made", "-bound")


def _common_phrase(words: list[str], lower_words: set[str]) -> bool:
    """'Banking Sanctions' in a heading: every word also appears in lowercase in the text, so it is ordinary
    English in title case, not a name."""
    return all(w.lower() in lower_words for w in words)


def find(
    sentence: str, gaz: Gazetteer, mid_caps: set[str], lower_words: set[str] | None = None
) -> tuple[list[Mention], list[Actor]]:
    """Mentions in one sentence (known and shape-read names) and the new actors they introduce."""
    lower_words = lower_words or set()
    headline = is_title_case(sentence)
    skip_to = strip_dateline(sentence)
    mentions: list[Mention] = []
    taken: list[tuple[int, int]] = []
    new: list[Actor] = []
    for m in gaz.pattern.finditer(sentence, skip_to):
        mentions.append(Mention(gaz.names[m.group(0)], m.start(), m.end(), m.group(0)))
        taken.append(m.span())
    for m in _PROVIDER_RE.finditer(sentence, skip_to):
        taken.append(m.span())
    taken.sort()
    for m in _NAME_RE.finditer(sentence, skip_to):
        a, b = m.span()
        if any(a < y and x < b for x, y in taken):
            continue
        for group in _split_and(m.group(0).replace("’s", "").replace("'s", "").split()):
            words, kind, reason = _classify(group)
            if not kind:
                continue
            name = " ".join(words)
            if kind == "unknown" and (
                headline or _common_phrase(words, lower_words) or words[-1].lower().endswith(ADJECTIVE_SUFFIXES)
            ):
                continue  # a headline capitalises every word; a title-case common phrase is not a name
            if len(words) == 1 and kind == "unknown":
                if a == skip_to and name not in mid_caps:
                    continue  # a lone capitalised word seen only at sentence starts: probably not a name
                if len(name) < 3:
                    continue
            aid = "name_" + slug(name)
            new.append(Actor(aid, name, kind, reason))
            mentions.append(Mention(aid, a, b, name))
    mentions.sort(key=lambda x: x.start)
    return mentions, new


def is_title_case(sentence: str) -> bool:
    """A headline ('Trump Threatens Russia With Banking Sanctions'): short, most longer words capitalised
    (a long run of capitalised words is a list of names, not a headline)."""
    if len(sentence) > 160:
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w'’\-]*", sentence) if len(w) >= 4]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def lowercase_words(text: str) -> set[str]:
    """Words the text writes in lowercase (see _common_phrase)."""
    return set(re.findall(r"\b[a-z][a-z'’\-]+\b", text))


def mid_sentence_capitals(text: str) -> set[str]:
    """Capitalised words seen after a lowercase word: real names, as opposed to sentence-initial words."""
    return {m.group(1) for m in re.finditer(r"(?<=[a-z,;:] )([A-Z][\w'’\-]+)", text)}
