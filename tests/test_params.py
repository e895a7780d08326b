"""Query-parameter parsing: valid values round-trip, tampered values fall back with a notice, nothing raises."""

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from components import params

D0 = pd.Timestamp("2024-07-01")


def test_parse_date_valid_and_absent():
    assert params.parse_date("2025-03-07", D0) == (pd.Timestamp("2025-03-07"), None)
    assert params.parse_date(None, D0) == (D0, None)
    assert params.parse_date(["2020-01-01", "2025-03-07"], D0)[0] == pd.Timestamp("2025-03-07")  # last wins


@pytest.mark.parametrize("raw", ["2025-13-01", "2025-02-30", "yesterday", "2025-3-7", "<script>", "9" * 5000])
def test_parse_date_invalid(raw):
    value, notice = params.parse_date(raw, D0, name="oil_start")
    assert value == D0
    assert notice and "oil_start" in notice and "2024-07-01" in notice
    assert len(notice) < 200


def test_parse_date_bounds():
    v, n = params.parse_date("1999-01-01", D0, min_date="2020-01-01", max_date="2026-08-18")
    assert v == D0 and "outside" in n
    assert params.parse_date("2026-08-18", D0, max_date="2026-08-18") == (pd.Timestamp("2026-08-18"), None)


def test_parse_date_range():
    d = (pd.Timestamp("2024-01-01"), pd.Timestamp("2025-01-01"))
    assert params.parse_date_range("2024-06-01..2025-03-31", d) == (
        (pd.Timestamp("2024-06-01"), pd.Timestamp("2025-03-31")),
        None,
    )
    for bad in ["2025-03-31..2024-06-01", "2024-06-01", "a..b", "2024-06-01..2024-07-01..2024-08-01"]:
        v, n = params.parse_date_range(bad, d)
        assert v == d and n, bad
    v, n = params.parse_date_range("2019-01-01..2024-07-01", d, min_date="2020-01-01")
    assert v == d and "outside" in n
    assert params.parse_date_range(params.format_date_range(d), d) == (d, None)


def test_parse_choice():
    ch = ["brent", "wti"]
    assert params.parse_choice("wti", ch, "brent") == ("wti", None)
    assert params.parse_choice("WTI", ch, "brent") == ("wti", None)
    v, n = params.parse_choice("gold", ch, "brent", name="oil_x")
    assert v == "brent" and "oil_x" in n


def test_parse_multi_keeps_known_and_reports_unknown():
    ch = ["sanctions", "tariffs", "statement"]
    assert params.parse_multi("tariffs,sanctions", ch, ch) == (["tariffs", "sanctions"], None)
    v, n = params.parse_multi("tariffs,bogus,tariffs", ch, ch, name="oil_cats")
    assert v == ["tariffs"] and "bogus" in n
    v, n = params.parse_multi("bogus", ch, ["sanctions"])
    assert v == ["sanctions"] and n
    assert params.parse_multi("", ch, ["sanctions"]) == ([], None)
    assert params.parse_multi(params.format_multi([]), ch, ["sanctions"]) == ([], None)  # 'none' = explicit empty
    v, n = params.parse_multi("", ch, ["sanctions"], allow_empty=False)
    assert v == ["sanctions"] and n
    assert params.parse_multi(None, ch, ["statement"]) == (["statement"], None)


def test_parse_int_and_range():
    assert params.parse_int("5", 0, 60, 10) == (5, None)
    for bad in ["-1", "61", "5.5", "x", "", "²", "٣"]:
        v, n = params.parse_int(bad, 0, 60, 10)
        assert v == 10 and (n is not None or bad == "")
    assert params.parse_int_range("2,8", 0, 60, (5, 10)) == ((2, 8), None)
    assert params.parse_int_range("2..8", 0, 60, (5, 10)) == ((2, 8), None)
    for bad in ["8,2", "1,99", "a,b", "3", "1,2,3"]:
        v, n = params.parse_int_range(bad, 0, 60, (5, 10))
        assert v == (5, 10) and n, bad


def test_parse_bool():
    assert params.parse_bool("1", False) == (True, None)
    assert params.parse_bool("off", True) == (False, None)
    v, n = params.parse_bool("maybe", True, name="oil_log")
    assert v is True and "oil_log" in n


def test_notice_is_safe_text():
    _, n = params.parse_choice("`**x**`\n" + "y" * 100, ["a"], "a")
    assert "`" not in n and "\n" not in n and len(n) < 200


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.none(), st.text(max_size=60), st.lists(st.text(max_size=20), max_size=3)))
def test_parsers_never_raise(raw):
    d = (pd.Timestamp("2024-01-01"), pd.Timestamp("2025-01-01"))
    for _, notice in [
        params.parse_date(raw, D0, min_date="2020-01-01"),
        params.parse_date_range(raw, d),
        params.parse_choice(raw, ["a", "b"], "a"),
        params.parse_multi(raw, ["a", "b"], ["a"]),
        params.parse_int(raw, 0, 60, 5),
        params.parse_int_range(raw, 0, 60, (1, 5)),
        params.parse_bool(raw, True),
    ]:
        assert notice is None or isinstance(notice, str)


@settings(max_examples=100, deadline=None)
@given(
    st.dates(min_value=pd.Timestamp("2000-01-01").date(), max_value=pd.Timestamp("2030-12-31").date()),
    st.integers(0, 60),
    st.integers(0, 60),
    st.booleans(),
)
def test_round_trip(day, a, b, flag):
    ts = pd.Timestamp(day)
    assert params.parse_date(params.format_date(ts), D0) == (ts, None)
    lo, hi = sorted((a, b))
    assert params.parse_int_range(params.format_int_range((lo, hi)), 0, 60, (0, 1)) == ((lo, hi), None)
    assert params.parse_bool(params.format_bool(flag), not flag) == (flag, None)
    assert params.parse_multi(params.format_multi(["b", "a"]), ["a", "b"], []) == (["b", "a"], None)
