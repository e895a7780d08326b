"""An article's fingerprint: SHA-1 hashes of its normalised 6-word shingles, and never its text.

Why: a case cites its article and paraphrases its claims; the fingerprint (article_fingerprint.json) lets a
test prove that no text of the case shares a six-word run with the article, without the project holding the
article. Used by the case seed importer (build time) and by cases built from a pasted text (run time).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

SHINGLE_WORDS = 6
NORMALISATION = (
    "NFKC, lowercase, punctuation -> space, whitespace split; sha1 of space-joined 6-word shingles of the whole article"
)


def normalise_words(text: str) -> list[str]:
    """Lowercase, strip punctuation (keeping letters/digits), split on whitespace."""
    t = unicodedata.normalize("NFKC", text).lower().replace("’", "'")
    t = re.sub(r"[^\w\s]", " ", t)
    return t.split()


def shingle_hashes(text: str, n: int = SHINGLE_WORDS) -> set[str]:
    w = normalise_words(text)
    return {hashlib.sha1(" ".join(w[i : i + n]).encode()).hexdigest() for i in range(len(w) - n + 1)}


def fingerprint(text: str) -> dict:
    """The article_fingerprint.json document of a text."""
    return {"n": SHINGLE_WORDS, "normalisation": NORMALISATION, "hashes": sorted(shingle_hashes(text))}
