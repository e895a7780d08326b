"""Text for the tests: an article written for them (not copied from any case's article) for the network page's
bring-your-own-article tab, and the shingles the no-copied-text checks compare."""

from __future__ import annotations

import hashlib
import re
import unicodedata

# no known actor: the scanner still finds proper nouns and draws their co-occurrence
UNKNOWN_ACTORS_ARTICLE = "Alpha Corp met Beta Group in Geneva on 3 May 2024."


def six_word_shingles(text: str, n: int = 6) -> set[str]:
    """SHA-1 of every run of n words, normalised as the case importer does (NFKC, lower case, curly apostrophe
    straightened, punctuation dropped): a case text sharing one with an article's fingerprint copies it."""
    t = unicodedata.normalize("NFKC", text).lower().replace("\u2019", "'")
    words = re.sub(r"[^\w\s]", " ", t).split()
    return {hashlib.sha1(" ".join(words[i : i + n]).encode()).hexdigest() for i in range(len(words) - n + 1)}
