"""The case picker on every page: `case=` in the URL, the sidebar choice, fallbacks with a notice, and the
second real case shown by the pages that draw claims, events and actors."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components import case as case_module
from components import routes

ROOT = Path(__file__).resolve().parent.parent
SECOND = "2025-11-india-december-low"


def _run(script: str, **query) -> AppTest:
    at = AppTest.from_file(str(ROOT / script), default_timeout=60)
    for k, v in query.items():
        at.query_params[k] = v
    at.run()
    return at


def _text(at) -> str:
    return "\n".join(str(e.value) for e in (*at.markdown, *at.caption, *at.info, *at.subheader, *at.title))


@pytest.mark.parametrize("page", routes.PAGES, ids=lambda p: p.key)
def test_every_page_has_the_picker_and_follows_the_url(page):
    at = _run(page.script, case=SECOND)
    assert not at.exception
    assert at.selectbox(key="case_pick").value == SECOND
    assert (
        set(at.selectbox(key="case_pick").options)
        >= {
            "Would Washington squeeze Russia through India's oil purchases? A March 2025 commentary tested",
        }
        or case_module.DEFAULT_CASE in at.selectbox(key="case_pick").options
    )


def test_claims_home_and_hindsight_show_the_second_case():
    claims = _run("pages/1_Claims.py", case=SECOND)
    assert "three years" in _text(claims) or "three-year" in _text(claims)
    home = _run("pages/0_Home.py", case=SECOND)
    assert "NDTV Profit" in _text(home)
    hindsight = _run("pages/7_Hindsight.py", case=SECOND)
    assert not hindsight.exception and "December" in _text(hindsight)


def test_default_case_without_a_parameter_and_picking_writes_the_url():
    at = _run("pages/1_Claims.py")
    assert at.selectbox(key="case_pick").value == case_module.DEFAULT_CASE
    assert "case" not in at.query_params
    at.selectbox(key="case_pick").select(SECOND).run()
    assert not at.exception
    assert SECOND in str(at.query_params["case"])
    assert "NDTV" in _text(_run("pages/0_Home.py", case=SECOND))


@pytest.mark.parametrize(
    "value,words",
    [
        ("no-such-case", "No case"),
        ("session-0123456789ab", "another session"),
        ("![x](http://e.example/x.png)", "No case"),
    ],
)
def test_bad_or_vanished_case_falls_back_with_a_notice(value, words):
    at = _run("pages/1_Claims.py", case=value)
    assert not at.exception
    assert at.selectbox(key="case_pick").value == case_module.DEFAULT_CASE
    notices = [c.value for c in at.caption if words in c.value]
    assert notices and all("](http" not in n for n in notices)
