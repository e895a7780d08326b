"""Who did what to whom within a sentence, typed where a verb says so, otherwise 'mentioned with'.

The verb between two actors types the link and points it from the first to the second ('The US sanctioned
India'); in the passive the actor after 'by' acts ('India was sanctioned by the US', 'sanctions on Russia by
the US'), and a passive with no 'by' says nothing of who acted, so it stays 'mentioned with'.

Bounded by construction: a sentence with up to PAIR_LIMIT actors links every pair; a longer one (a list of
names) links neighbours only, so the work is linear in the number of mentions, and the number of links
that *could* have been drawn is counted arithmetically and said in the notice. Only the MAX_LINKS
strongest links are returned ("showing the 200 strongest of 499,500 links").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from components.claimscan.actors import Mention

MENTIONED_WITH = "mentioned with"
PAIR_LIMIT = 8
MAX_LINKS = 200
MAX_GAP = 120  # characters between two actors for a verb between them to type the link
# (relation type in the case vocabulary, verb pattern, directed)
VERBS = [
    ("threatens sanctions", re.compile(r"\bthreat\w*\b.*\b(?:sanction|tariff|dut(?:y|ies))", re.I), True),
    ("sanctions", re.compile(r"\b(?:sanction(?:s|ed|ing)?|blacklist\w*|designat\w*)\b", re.I), True),
    ("tariffs", re.compile(r"\b(?:tariffs?|dut(?:y|ies)|levies|levy)\b", re.I), True),
    ("buys oil from", re.compile(r"\b(?:buy|buys|bought|buying|import\w*|purchas\w*|took|takes)\b", re.I), True),
    ("sells oil to", re.compile(r"\b(?:sell|sells|sold|selling|suppl\w+|export\w*|ship(?:s|ped)?)\b", re.I), True),
    ("strikes", re.compile(r"\b(?:strike[sd]?|struck|hits?|attack\w*|bomb\w*|shell\w*)\b", re.I), True),
    ("cuts aid to", re.compile(r"\b(?:cut|cuts|paused?|halt\w*|suspend\w*)\b.*\baid\b", re.I), True),
    ("negotiates with", re.compile(r"\b(?:talks? with|negotiat\w*|deal with)\b", re.I), False),
    ("meets", re.compile(r"\b(?:met|meets?|meeting|hosted|summit)\b", re.I), False),
]
_FROM_BEFORE = re.compile(r"\bfrom\s*$", re.I)


@dataclass
class Link:
    source: str
    target: str
    type: str
    directed: bool
    sentences: list[int] = field(default_factory=list)
    why: str = ""

    @property
    def weight(self) -> int:
        return len(self.sentences)


@dataclass
class LinkSet:
    links: list[Link]
    possible: int  # links that could have been drawn had every pair in every sentence been linked
    notice: str  # '' unless links were capped or lists were linked by neighbours only


# Passive voice: an auxiliary right before the verb ('was sanctioned'), and the actor who acts after 'by'.
_AUX_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being|gets?|got)\s+(?:\w+ly\s+)?$", re.I)
_BY = re.compile(r"\bby\b", re.I)
_ONLY_BY = re.compile(r"^\s*by\s+(?:the\s+)?$", re.I)  # 'sanctions on Russia by the US'
LOOK_BACK = 60  # characters before the first actor searched for the verb of 'sanctions on A by B'


def _verb(text: str, skip: str = "") -> tuple[str, bool, re.Match] | None:
    for rtype, rx, directed in VERBS:
        m = None if rtype == skip else rx.search(text)
        if m:
            return rtype, directed, m
    return None


def _type_of(between: str, before_first: str, before_target: str) -> tuple[str, bool, bool, str, tuple | None]:
    """(type, directed, reversed, why, verb span in `between`) of the link from the first actor to the second.
    `reversed` says the second actor acts on the first (passive voice: 'India was sanctioned by the US')."""
    plain = (MENTIONED_WITH, False, False, "named in the same sentence", None)
    if len(between) > MAX_GAP:
        return plain
    if _ONLY_BY.match(between):
        found = _verb(before_first[-LOOK_BACK:])
        if found and found[1]:
            rtype, _, m = found
            return rtype, True, True, f"'{m.group(0)[:40]} ... by' (passive: the actor after 'by' acts)", None
    found = _verb(between)
    if found is None:
        return plain
    rtype, directed, m = found
    if directed and _BY.search(between[m.end() :]):
        return (
            rtype,
            True,
            True,
            f"'{m.group(0)[:40]} ... by' between them (passive: the actor after 'by' acts)",
            m.span(),
        )
    if directed and _AUX_BEFORE.search(between[: m.start()]):
        why = f"'{m.group(0)[:40]}' in the passive with no 'by': who acted is not said"
        return MENTIONED_WITH, False, False, why, None
    if rtype == "buys oil from" and not (_FROM_BEFORE.search(before_target) or "from" in between):
        found = _verb(between, skip=rtype)  # 'India imported ... Russia' without 'from' says no seller
        if found is None:
            return plain
        rtype, directed, m = found
    return rtype, directed, False, f"'{m.group(0)[:40]}' between them", m.span()


_COORD = re.compile(r"^[\s,]*(?:(?:and|or|nor|as well as)\s+)?(?:the\s+)?$", re.I)


def _one_group(text: str, chain: list[Mention]) -> bool:
    """Mentions joined only by commas, 'and' or 'or' ('Iraq and Saudi Arabia') act, or are acted on, together."""
    return all(_COORD.match(text[x.end : y.start]) for x, y in zip(chain, chain[1:]))


def _verb_joins(text: str, a: Mention, b: Mention, verb: tuple[int, int], mentions: list[Mention]) -> bool:
    """Does the verb between a and b join those two? Not when another actor, not listed with a, stands between
    a and the verb (it is that actor's verb), or one not listed with b between the verb and b (its object)."""
    start, end = a.end + verb[0], a.end + verb[1]
    before = [m for m in mentions if a.end <= m.start and m.end <= start]
    after = [m for m in mentions if end <= m.start and m.end <= b.start]
    return _one_group(text, [a, *before]) and _one_group(text, [*after, b])


def link(sentence_mentions: list[tuple[int, str, list[Mention]]], max_links: int = MAX_LINKS) -> LinkSet:
    """sentence_mentions: (sentence number, sentence text, mentions in order). Returns the strongest links."""
    found: dict[tuple[str, str, str], Link] = {}
    possible_extra = 0
    neighbours_only = 0
    for no, text, mentions in sentence_mentions:
        seen: dict[str, Mention] = {}
        for m in mentions:
            seen.setdefault(m.actor_id, m)
        ordered = list(seen.values())
        k = len(ordered)
        if k < 2:
            continue
        if k <= PAIR_LIMIT:
            pairs = [(ordered[i], ordered[j]) for i in range(k) for j in range(i + 1, k)]
        else:
            pairs = [(ordered[i], ordered[i + 1]) for i in range(k - 1)]
            possible_extra += k * (k - 1) // 2 - len(pairs)
            neighbours_only += 1
        for a, b in pairs:
            between = text[a.end : b.start]
            rtype, directed, flipped, why, verb = _type_of(
                between, text[: a.start], text[max(0, b.start - 12) : b.start]
            )
            if verb is not None and not _verb_joins(text, a, b, verb, mentions):
                rtype, directed, flipped = MENTIONED_WITH, False, False
                why = f"named in the same sentence ({why.split(' between')[0]} joins other actors)"
            src, dst = (b.actor_id, a.actor_id) if flipped else (a.actor_id, b.actor_id)
            if not directed:
                src, dst = sorted((src, dst))
            key = (src, dst, rtype)
            if key not in found:
                found[key] = Link(src, dst, rtype, directed, [], why)
            if not found[key].sentences or found[key].sentences[-1] != no:
                found[key].sentences.append(no)
    links = sorted(found.values(), key=lambda x: (-x.weight, x.type == MENTIONED_WITH, x.source, x.target))
    possible = len(links) + possible_extra
    notes = []
    if len(links) > max_links:
        notes.append(f"showing the {max_links:,} strongest of {possible:,} links")
        links = links[:max_links]
    elif possible_extra:
        notes.append(f"showing {len(links):,} of {possible:,} possible links")
    if neighbours_only:
        notes.append(
            f"{neighbours_only:,} sentence(s) name more than {PAIR_LIMIT} actors: there, only names next to each "
            "other are linked"
        )
    notice = ("Links capped: " + "; ".join(notes) + ".") if notes else ""
    return LinkSet(links, possible, notice)
