"""Tables of the event study (no streamlit): the results a user reads and the CSV with every parameter.

The shown table puts returns in the unit the charts use (log returns in %, differences in the series' unit);
the CSV keeps the raw values at full precision (log points or the series' unit) beside every parameter used.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from components import event_charts, event_models, event_returns, event_tests
from components.event_tests import CrossSection, Study

VERDICT_RULE = (
    "Verdict: 'unusual at the 5 % level' when the placebo p-value (if placebo dates were drawn, else the "
    "t-test p-value) is below 0.05; otherwise 'within normal variation'."
)


@dataclass(frozen=True)
class StudyNames:
    """How the tables name what a study refers to: events by title and date, series by name and unit (ids that
    are missing are shown as they are)."""

    event_titles: Mapping[str, str] = field(default_factory=dict)
    event_dates: Mapping[str, pd.Timestamp] = field(default_factory=dict)
    series_labels: Mapping[str, str] = field(default_factory=dict)
    units: Mapping[str, str] = field(default_factory=dict)


RESULT_COLUMNS = [
    "event",
    "event date",
    "series",
    "returns",
    "window",
    "L",
    "CAR",
    "unit",
    "t",
    "p (t-test)",
    "placebo p",
    "verdict",
    "α",
    "β",
    "R²",
    "σ̂",
    "N",
    "other events in the windows",
    "problem",
]


def verdict_of(result: event_models.Abnormal) -> str:
    if not result.ok:
        return ""
    return event_tests.verdict_words(result.placebo_p if result.placebo_p is not None else result.p)


def _window_text(window: tuple[int, int]) -> str:
    return f"{window[0]:+d}..{window[1]:+d}" if window[0] != window[1] else f"{window[0]:+d}"


def contaminants_text(study: Study) -> str:
    """'Title (07 Mar 2025, event window -1..+1); ...' for the other events inside the study's windows."""
    return "; ".join(f"{c.title} ({c.date:%d %b %Y}, {c.where})" for c in study.contaminants)


def results_frame(studies: Sequence[Study], names: StudyNames) -> pd.DataFrame:
    """One row per event x series x window, in display units (see the module docstring)."""
    rows = []
    for study in studies:
        factor, unit = event_charts.scale_of(study.kind, names.units.get(study.series_id, ""))
        for result in study.results:
            ok = result.ok

            def scaled(value: float | None, ok: bool = ok, factor: float = factor) -> float | None:
                return value * factor if ok and value is not None else None

            rows.append(
                {
                    "event": names.event_titles.get(study.event_id, study.event_id),
                    "event date": names.event_dates.get(study.event_id),
                    "series": names.series_labels.get(study.series_id, study.series_id),
                    "returns": event_returns.KIND_TEXT.get(study.kind, ""),
                    "window": _window_text(result.window),
                    "L": result.length if ok else None,
                    "CAR": scaled(result.car),
                    "unit": unit,
                    "t": result.t if ok else None,
                    "p (t-test)": result.p if ok else None,
                    "placebo p": result.placebo_p if ok else None,
                    "verdict": verdict_of(result),
                    "α": scaled(result.alpha),
                    "β": result.beta if ok else None,
                    "R²": result.r2 if ok else None,
                    "σ̂": scaled(result.sigma),
                    "N": result.n_estimation if ok else None,
                    "other events in the windows": contaminants_text(study),
                    "problem": result.problem,
                }
            )
    return pd.DataFrame(rows, columns=RESULT_COLUMNS)


def csv_frame(studies: Sequence[Study], names: StudyNames, parameters: Mapping[str, object]) -> pd.DataFrame:
    """Raw values at full precision, one row per event x series x window, every parameter in its own column."""
    rows = []
    for study in studies:
        for result in study.results:
            rows.append(
                {
                    "event_id": study.event_id,
                    "event": names.event_titles.get(study.event_id, study.event_id),
                    "event_date": names.event_dates.get(study.event_id),
                    "t0_date": study.t0_date,
                    "series_id": study.series_id,
                    "return_kind": study.kind,
                    "return_unit": "log points"
                    if study.kind == event_returns.LOG
                    else names.units.get(study.series_id, ""),
                    "model": result.model,
                    "estimation_from": result.estimation[0],
                    "estimation_to": result.estimation[1],
                    "window_from": result.window[0],
                    "window_to": result.window[1],
                    "L": result.length,
                    "n_estimation": result.n_estimation,
                    "alpha": result.alpha,
                    "beta": result.beta,
                    "r2": result.r2,
                    "mean": result.mean,
                    "sigma": result.sigma,
                    "df": result.df,
                    "car": result.car,
                    "t": result.t,
                    "p": result.p,
                    "placebo_p": result.placebo_p,
                    "placebo_n": result.placebo_n,
                    "seed": result.seed,
                    "verdict": verdict_of(result),
                    "contamination": contaminants_text(study),
                    "notes": "; ".join(result.notes),
                    "problem": result.problem,
                    **{f"param_{k}": v for k, v in parameters.items()},
                }
            )
    return pd.DataFrame(rows)


def path_frame(studies: Sequence[Study]) -> pd.DataFrame:
    """AR, CAR and band by offset for every event x series (raw values), for the CSV behind the charts."""
    parts = []
    for study in studies:
        if study.problem or len(study.path) == 0:
            continue
        part = study.path.copy()
        part.insert(0, "series_id", study.series_id)
        part.insert(0, "event_id", study.event_id)
        part["return_kind"] = study.kind
        parts.append(part)
    if not parts:
        return pd.DataFrame(columns=["event_id", "series_id", "offset", "date", "ar", "car", "band", "return_kind"])
    return pd.concat(parts, ignore_index=True)


def cross_section_frame(
    by_series_window: Mapping[tuple[str, tuple[int, int]], CrossSection], names: StudyNames, kinds: Mapping[str, str]
) -> pd.DataFrame:
    """One row per series x window: N events, CAAR (display unit), the three tests and their p-values."""
    rows = []
    for (series_id, window), cs in by_series_window.items():
        factor, unit = event_charts.scale_of(kinds.get(series_id, ""), names.units.get(series_id, ""))
        rows.append(
            {
                "series": names.series_labels.get(series_id, series_id),
                "window": _window_text(window),
                "events": cs.n,
                "CAAR": cs.caar * factor if cs.caar is not None else None,
                "unit": unit,
                "cross-sectional t": cs.t_cs,
                "p (cross-sectional)": cs.p_cs,
                "BMP t": cs.t_bmp,
                "p (BMP)": cs.p_bmp,
                "positive CARs": cs.positive if not cs.problem else None,
                "p (sign test)": cs.p_sign,
                "verdict": event_tests.verdict_words(cs.p_bmp) if cs.p_bmp is not None else "",
                "problem": cs.problem,
            }
        )
    return pd.DataFrame(rows)


def computed_only(frame: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """The rows that have a result, without the columns no row fills (α, β, R² of other models; placebo p when
    no placebo was drawn), so that no cell on screen reads 'None'; and the problems of the other rows, said
    once each."""
    problem = [str(v) for v in frame["problem"].tolist()]
    failed = np.array([text != "" for text in problem], dtype=bool)
    problems = list(dict.fromkeys(text for text in problem if text))
    shown = frame.loc[~failed].drop(columns=["problem"])
    # one pass over the cells as objects, not a pandas call per column: this runs on every slider move
    cells = shown.to_numpy(dtype=object)
    missing = pd.isna(cells)
    keep = []
    for j, (column, dtype) in enumerate(shown.dtypes.items()):
        texts = pd.api.types.is_string_dtype(dtype) or pd.api.types.is_object_dtype(dtype)
        filled = not missing[:, j].all() and (
            not texts or any(bool(v) for v, gone in zip(cells[:, j], missing[:, j]) if not gone)
        )
        if filled or column in ("event", "series"):
            keep.append(column)
    return shown[keep].reset_index(drop=True), problems
