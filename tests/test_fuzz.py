"""Bad-input fuzzing with hypothesis through AppTest: random text, unicode and huge values in every page's known
URL parameters, and random uploads to the network page's bring-your-own-article uploader. No exception may
reach the user and nothing may be written to the committed data/ folder.

Known parameters come from the page registry (components/routes.py), so new pages and parameters are fuzzed
as they are registered; a page cannot read an unregistered parameter (ui.url_persist refuses it). Examples per
page: CLAIMLENS_FUZZ_EXAMPLES (default 10; AppTest runs take 0.5-2 s each).
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from components import routes
from tests.apptest_helpers import PAGES, ROOT, app_test
from tests.factories.snapshot import snapshot_digest

pytestmark = pytest.mark.filterwarnings("ignore:The recursion limit will not be reset")
EXAMPLES = int(os.environ.get("CLAIMLENS_FUZZ_EXAMPLES", "10"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def known_params(page: str) -> list[str]:
    """Query parameter names a page reads, from the registry."""
    return sorted(routes.page(page).param_names)


PARAMS = {page: known_params(page) for page in PAGES}
FUZZED = [p for p in PAGES if PARAMS[p]]

# values: arbitrary unicode (no surrogates: a URL cannot carry them), huge, numeric edge cases, near-valid forms
_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60)
_nasty = st.sampled_from(
    [
        "",
        " ",
        ",",
        ",,,",
        "..",
        "...",
        "%",
        "%00",
        "\x00",
        "\n",
        "-1",
        "0",
        "1e309",
        "nan",
        "NaN",
        "inf",
        "-inf",
        "99999999999999999999",
        "2025-13-45",
        "2025-02-30..2025-01-01",
        "2025-03-07..",
        "..2025-03-07",
        "1900-01-01..2999-12-31",
        "true",
        "TRUE",
        "yes",
        "2",
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        "../../etc/passwd",
        "🛢️🇷🇺",
        "ﷺ" * 50,
        "a" * 5000,
        "x," * 2000,
        "0" * 400,
    ]
)


_value = st.one_of(_nasty, _text, st.integers(-(10**12), 10**12).map(str), _text.map(lambda t: t * 200))


@pytest.fixture(scope="module", autouse=True)
def _committed_data_unchanged():
    before = snapshot_digest(ROOT / "data")
    yield
    assert snapshot_digest(ROOT / "data") == before, "fuzzing changed files under data/"


def _run(page: str, params: dict[str, str]):
    at = app_test(page, params).run()
    assert not at.exception, (page, {k: v[:80] for k, v in params.items()}, [e.message for e in at.exception])
    return at


@pytest.mark.parametrize("page", FUZZED)
def test_random_query_parameters_never_raise(page):
    names = PARAMS[page]

    @FUZZ
    @given(st.dictionaries(st.sampled_from(names), _value, min_size=1, max_size=len(names)))
    def check(params):
        _run(page, params)

    check()


@pytest.mark.parametrize("page", FUZZED)
def test_every_known_parameter_huge_at_once(page):
    """All parameters at once, each 20,000 characters of mixed junk."""
    _run(page, {name: ("é,%2C;.." * 2500) for name in PARAMS[page]})


def test_params_were_found_for_the_pages_that_have_them():
    for page in PAGES:
        src = (ROOT / page).read_text(encoding="utf-8")
        if "url_" in src or "_controls(" in src or "query_params" in src:
            assert PARAMS[page], f"{page} reads query parameters but none are registered"


# ---------------------------------------------------------------- bring-your-own-article uploader
# the uploader is drawn by the page itself or by the bring-your-own-article tab (components/ui/article.py)
UPLOAD_PAGES = [
    p
    for p in PAGES
    if any(call in (ROOT / p).read_text(encoding="utf-8") for call in ("file_uploader(", "article_tab("))
]

_upload_bytes = st.one_of(
    st.binary(max_size=4000),
    _text.map(lambda t: t.encode("utf-8")),
    st.text(max_size=3000).map(lambda t: t.encode("utf-16")),
    st.sampled_from(
        [
            b"",
            b"\xff\xfe\x00",
            b"\x00" * 1000,
            b"PK\x03\x04zipzip",
            b"Trump Putin Modi. " * 500,
            ("India bought 1.9 mb/d of Russian crude in March 2025, Reuters said. " * 40).encode(),
            b"A" * (250 * 1024),
        ]
    ),
)
_upload_name = st.sampled_from(
    ["article.txt", "notes.md", "x.txt", "../../evil.txt", "a" * 300 + ".md", "🛢️.txt", "no_extension"]
)


def test_the_uploader_page_is_found():
    assert any("Actor_network" in p for p in UPLOAD_PAGES), UPLOAD_PAGES


@pytest.mark.parametrize("page", UPLOAD_PAGES)
def test_random_uploads_never_raise_and_write_nothing(page, tmp_path):
    before = snapshot_digest(ROOT / "data")

    @FUZZ
    @given(_upload_bytes, _upload_name)
    def check(content, name):
        at = app_test(page).run()
        assert not at.exception
        uploader = at.get("file_uploader")
        assert uploader, "uploader not found on the page"
        uploader[0].set_value((name, content, "text/plain"))
        at.run()
        assert not at.exception, (name, content[:60], [e.message for e in at.exception])

    check()
    assert snapshot_digest(ROOT / "data") == before
