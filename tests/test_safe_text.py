"""components.style.safe_text leaves no way for a value to become a link: GFM autolinks bare URLs, 'www.'
hosts and e-mail addresses even when their punctuation is escaped, so those are broken with a word joiner."""

from __future__ import annotations

import re

import pytest

from components.style import safe_text

# what GFM's autolink literal extension starts a link on, once backslash escapes are resolved
AUTOLINK_START = re.compile(r"(?i)(?:https?|ftp)://|www\.|[a-z0-9]@[a-z0-9]")


@pytest.mark.parametrize(
    "value",
    [
        "http://elsewhere.example/x.png",
        "see https://elsewhere.example",
        "www.elsewhere.example",
        "mail me: someone@elsewhere.example",
        "![x](http://elsewhere.example/x.png)",
        "[Log in again](http://elsewhere.example)",
        "(http://elsewhere.example)",
    ],
)
def test_no_link_survives(value):
    escaped = safe_text(value)
    unescaped = re.sub(r"\\(.)", r"\1", escaped)
    assert not AUTOLINK_START.search(unescaped), escaped
    assert not re.search(r"(?<!\\)[\[\]()!]", escaped), "a bracket or bang left unescaped"


def test_plain_words_are_unchanged_apart_from_escapes():
    assert safe_text("brent_spot_eia") == "brent\\_spot\\_eia"
    assert safe_text("Brent at 70 USD") == "Brent at 70 USD"
