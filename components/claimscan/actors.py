"""Actors named in a text, each with the reason it was found.

An actor is one of: a case actor, a country (pycountry, with everyday names and adjectives), a known
organisation, company or person (components.claimscan.gazetteer), or a capitalised name of two or more words
with a cue that says what it is: a title before it makes a person (the title is dropped from the name), a
speech verb right after it ('Jane Doe said') a person, an organisation word in it ('Finance Ministry') an
organisation, a company word at its end ('Acme Holdings') a company. Anything else capitalised is not an
actor: single words ('Détente', 'Based', 'Link'), title-case phrases ('Banking Sanctions'), headline words,
and topic words (crude grades, tickers, months, datelines, the data providers a sentence cites).

One pass of one compiled pattern per sentence (linear in the text); no pair-wise work here.
"""

from __future__ import annotations

import re

from components.claimscan.gazetteer import Actor, Gazetteer, Mention, gazetteer_for, slug
from components.claimscan.names import (
    COMPANY_WORDS,
    DATA_PROVIDERS,
    ORG_WORDS,
    SPEECH_VERBS,
    STOP_WORDS,
    TIME_WORDS,
    TITLES,
    TOPIC_WORDS,
)

__all__ = ["Actor", "Gazetteer", "Mention", "find", "gazetteer_for", "is_title_case", "providers", "slug"]

_CONNECT = r"(?:of|the|de|al|bin|von|van|da|du|la|le|for|and)"
_CAP = r"[A-Z][\w'’&\-]*\+?"
_NAME_RE = re.compile(rf"{_CAP}(?:(?:\s+{_CONNECT})*\s+{_CAP})*")
_TICKER_RE = re.compile(r"^(?:\^?[A-Z0-9]{1,6}(?:=F|=X|\.NS|\.BO)|[A-Z]{2,5}\d+)$")
_DATELINE_RE = re.compile(
    r"^\s*(?:[A-Z][A-Z.'\-]+\s?){1,4}(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\(\w+\))?\s*[-—–:]\s+"
)
_SPEECH_AFTER = re.compile(r"\s+(" + "|".join(sorted(SPEECH_VERBS)) + r")\b")
_PROVIDER_RE = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(p) for p in DATA_PROVIDERS) + r")(?![\w])")
_TITLE_RE = re.compile(r"^(?:" + "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True)) + r")\s+")
MAX_NAME_WORDS = 6
MAX_PERSON_WORDS = 4


def providers(sentence: str) -> list[str]:
    """Data providers and news agencies a sentence cites (never actors)."""
    return list(dict.fromkeys(m.group(0) for m in _PROVIDER_RE.finditer(sentence)))


def strip_dateline(sentence: str) -> int:
    """Length of a leading dateline ('NEW DELHI, Nov 25 (Reuters) - '), 0 when there is none."""
    m = _DATELINE_RE.match(sentence)
    return m.end() if m else 0


def _is_topic(words: list[str]) -> bool:
    name = " ".join(words)
    return all(w.split("-")[0] in TOPIC_WORDS or w.lower() in ("crude", "oil") for w in words) or bool(
        _TICKER_RE.match(name)
    )


def _person_shaped(words: list[str]) -> bool:
    """Words that can be a person's name: each capitalised and alphabetic, none an organisation word."""
    return all(w[:1].isupper() and re.sub(r"[-'’.]", "", w).isalpha() for w in words) and not any(
        w in ORG_WORDS or w in COMPANY_WORDS for w in words
    )


def classify(words: list[str], speech_verb: str = "") -> tuple[list[str], str, str]:
    """(name words, kind, reason) of a capitalised run with its cue, titles stripped; kind '' = not an actor.
    `speech_verb` is the verb of speech right after the run, if any."""
    text = " ".join(words)
    title = _TITLE_RE.match(text + " ")
    title_word = ""
    if title:
        title_word = title.group(0).strip()
        words = text[title.end() :].split() if title.end() <= len(text) else []
    while words and (words[0] in STOP_WORDS or words[0] in TIME_WORDS or words[0].islower()):  # 'On Monday'
        words = words[1:]
    while words and words[-1].lower() in ("of", "the", "and", "for", "de", "al"):
        words = words[:-1]
    if not words or len(words) > MAX_NAME_WORDS or _is_topic(words):
        return [], "", ""
    if words[-1] in COMPANY_WORDS and (len(words) > 1 or title_word):
        words = words if not title_word else [*title_word.split(), *words]  # 'General Motors': no title there
        return words, "company", f"a name ending in the company word '{words[-1]}'"
    if title_word and len(words) <= MAX_PERSON_WORDS and _person_shaped(words):
        return words, "person", f"follows the title '{title_word}' (title dropped from the name)"
    if len(words) < 2:
        return [], "", ""  # one capitalised word, not a known name: no cue says what it is
    org_word = next((w for w in words if w in ORG_WORDS), "")
    if org_word:
        return words, "organisation", f"a name containing the organisation word '{org_word}'"
    if speech_verb and len(words) <= 3 and _person_shaped(words):
        return words, "person", f"a name of {len(words)} words followed by '{speech_verb}'"
    return [], "", ""  # a title-case phrase ('Banking Sanctions') with no cue: not a name


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


def find(sentence: str, gaz: Gazetteer) -> tuple[list[Mention], list[Actor]]:
    """Mentions in one sentence (known names and cued names) and the new actors they introduce."""
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
    if not headline:  # a headline capitalises every word: its names are the known ones only
        masked = list(sentence)
        for x, y in taken:  # known names split a capitalised run ('OPEC and the Commerce Ministry')
            masked[x:y] = "#" * (y - x)
        for m in _NAME_RE.finditer("".join(masked), skip_to):
            a, b = m.span()
            speech = _SPEECH_AFTER.match(sentence, b)
            groups = _split_and(m.group(0).replace("’s", "").replace("'s", "").split())
            for n, group in enumerate(groups):
                cue = speech.group(1) if speech and n == len(groups) - 1 else ""
                words, kind, reason = classify(group, cue)
                if kind:
                    name = " ".join(words)
                    aid = "name_" + slug(name)
                    new.append(Actor(aid, name, kind, reason))
                    mentions.append(Mention(aid, a, b, name))
    mentions.sort(key=lambda x: x.start)
    return mentions, new


def is_title_case(sentence: str) -> bool:
    """A headline ('Trump Threatens Russia With Banking Sanctions'): short, most longer words capitalised
    (a long run of capitalised words is a list of names, not a headline)."""
    if len(sentence) > 160 or sentence.rstrip().endswith("."):  # a headline has no full stop
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w'’\-]*", sentence) if len(w) >= 4]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)
