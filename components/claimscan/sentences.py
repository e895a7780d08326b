"""Text -> sentences with their paragraph numbers (linear: a few regular-expression passes, no backtracking).

Paragraphs are counted as blocks separated by blank lines (or single lines when the text has no blank
lines), which is how case files number them (`paragraph` in claims.toml).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ABBREVIATIONS = (
    "Mr Mrs Ms Dr Prof St Jr Sr U.S U.K U.N E.U e.g i.e etc vs No Gen Sen Rep Gov Inc Ltd Co Corp Jan Feb Mar "
    "Apr Jun Jul Aug Sep Sept Oct Nov Dec approx est"
).split()
_ABBR_RE = re.compile(r"\b(" + "|".join(re.escape(a) for a in ABBREVIATIONS) + r")\.", re.IGNORECASE)
_SPLIT_RE = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_PLACEHOLDER = "\u2024"  # one-dot leader: stands in for abbreviation dots while splitting
_HEADING_RE = re.compile(r"^\s{0,3}#+\s*")
_BULLET_RE = re.compile(r"^\s*[-*+]\s+")
MAX_SENTENCE_CHARS = 2000  # a 'sentence' longer than this (a list without full stops) is cut into pieces


@dataclass(frozen=True)
class Sentence:
    no: int  # 1-based position in the text
    paragraph: int  # 1-based paragraph
    text: str


def paragraphs(text: str) -> list[str]:
    blocks = [b for b in re.split(r"\n\s*\n", text) if b.strip()]
    if len(blocks) <= 1:
        blocks = [line for line in text.splitlines() if line.strip()]
    return blocks


def _pieces(block: str) -> list[str]:
    out = []
    for line in block.splitlines():
        if _HEADING_RE.match(line):  # a heading is a sentence of its own, full stop or not
            out += ["\n", _HEADING_RE.sub("", line), "\n"]
            continue
        if _BULLET_RE.match(line):  # a bullet starts a new sentence
            out.append("\n")
        out.append(_BULLET_RE.sub("", line))
    joined = " ".join(out)
    protected = _ABBR_RE.sub(lambda m: m.group(1).replace(".", _PLACEHOLDER) + _PLACEHOLDER, joined)
    parts = []
    for chunk in protected.split("\n"):
        parts.extend(_SPLIT_RE.split(chunk))
    return parts


def split(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    for para_no, block in enumerate(paragraphs(text), start=1):
        for part in _pieces(block):
            s = " ".join(part.replace(_PLACEHOLDER, ".").split())
            while s:
                piece, s = s[:MAX_SENTENCE_CHARS], s[MAX_SENTENCE_CHARS:]
                sentences.append(Sentence(len(sentences) + 1, para_no, piece))
    return sentences
