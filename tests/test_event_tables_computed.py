"""event_tables.computed_only (one pass over the cells) against the plain column-by-column pandas reading of the
same rule: rows with a problem go, their problems are said once each, and a column no shown row fills goes."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from components.event_tables import computed_only


def results(**overrides) -> pd.DataFrame:
    """A results frame shaped like event_tables.results_frame's (three rows), with columns overridden."""
    frame = pd.DataFrame(
        {
            "event": ["Threat", "Strike", "Talks"],
            "event date": [pd.Timestamp("2025-03-07").date()] * 3,
            "series": ["Brent"] * 3,
            "window": ["+0..+1", "+0..+5", "-1..+10"],
            "L": [2, 6, 12],
            "CAR": [0.01, -0.02, 0.03],
            "placebo p": [np.nan] * 3,
            "α": [None] * 3,
            "β": [None, 0.9, None],
            "verdict": ["", "", ""],
            "other events in the windows": ["", "Strike", ""],
            "problem": ["", "", ""],
        }
    )
    return frame.assign(**overrides)


def column_by_column(frame: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    failed = frame["problem"].astype(str) != ""
    problems = list(dict.fromkeys(frame.loc[failed, "problem"].astype(str)))
    shown = frame.loc[~failed].drop(columns=["problem"])
    empty = {c for c in shown.columns if shown[c].isna().all()}
    texts = [c for c in shown.columns if pd.api.types.is_string_dtype(shown[c]) or shown[c].dtype == object]
    empty |= {c for c in texts if not shown[c].fillna("").astype(bool).any()}
    keep = [c for c in shown.columns if c not in empty or c in ("event", "series")]
    return shown[keep].reset_index(drop=True), problems


@pytest.mark.parametrize(
    "overrides",
    [
        {},
        {"problem": ["", "too few observations", "too few observations"]},
        {"problem": ["no data", "no data", "outside the series"]},
        {"verdict": ["significant", "", ""], "placebo p": [0.2, np.nan, 0.4]},
        {"β": [None, 0, None], "other events in the windows": [None, "", None]},
    ],
    ids=["all computed", "two failed", "none computed", "filled text and numbers", "zero and empty text"],
)
def test_the_same_rows_columns_and_problems_as_column_by_column(overrides):
    frame = results(**overrides)
    shown, problems = computed_only(frame)
    expected, expected_problems = column_by_column(frame)
    pd.testing.assert_frame_equal(shown, expected)
    assert problems == expected_problems


def test_columns_no_row_fills_are_dropped_but_event_and_series_stay():
    shown, problems = computed_only(results())
    assert problems == []
    assert {"placebo p", "α", "verdict"}.isdisjoint(shown.columns)
    assert {"event", "series", "β", "other events in the windows"} <= set(shown.columns)
    empty, _ = computed_only(results(problem=["x", "y", "x"]))
    assert list(empty.columns) == ["event", "series"] and empty.empty
