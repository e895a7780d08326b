"""Bring your own article: find the claims worth checking in a text and check them against the data.

Modules by concern: text_input (limits, encodings), sentences, quantities (quantulum3), periods
(dateparser), actors (case actors, pycountry, organisations, names read by shape), relations (typed by
verb, bounded), worthiness (ranking with reasons), measures (catalog series and case events), suggest (a
named rule with parameters), scan (the whole pass, bounded in time). No streamlit here.
"""

from components.claimscan.scan import ArticleScan, Candidate, evaluate, scan_article, scan_with_data, text_network
from components.claimscan.text_input import MAX_BYTES, TextInputError, check_text, read_upload

__all__ = [
    "MAX_BYTES",
    "ArticleScan",
    "Candidate",
    "TextInputError",
    "check_text",
    "evaluate",
    "read_upload",
    "scan_article",
    "scan_with_data",
    "text_network",
]
