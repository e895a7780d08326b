"""The event study as users run it: one event and several windows, contamination by other events, and the tests
across several events (CAAR, cross-sectional t, Boehmer–Musumeci–Poulsen, sign test). Pure, no streamlit.

``abnormal`` is the public entry point (re-exported by components.eventstudy); see docs/CONTRACT.md.
Bad input never raises: the result's ``problem`` names what is wrong, in words a user knows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from components import distributions
from components import event_models as models
from components import event_returns as returns_mod
from components.event_models import Abnormal

DEFAULT_ESTIMATION = (-130, -11)
DEFAULT_WINDOWS = ((0, 0), (-1, 1), (0, 5))
ALPHA = 0.05
UNUSUAL = "unusual at the 5 % level"
NORMAL = "within normal variation"
LOW_POWER = (
    "Monthly data: a window of one or a few months mixes the event with everything else that happened in "
    "those months, and the estimation window holds few observations, so this test has little power: a move "
    "'within normal variation' here is weak evidence of no reaction."
)


@dataclass(frozen=True)
class Contaminant:
    """Another case event whose t = 0 falls inside a window of the studied event."""

    event_id: str
    title: str
    date: pd.Timestamp
    where: str  # 'event window −1..+1' | 'estimation window'
    offset: int


@dataclass
class Study:
    """One event x one series: the returns used, the fitted model, one result per event window."""

    event_id: str
    series_id: str
    results: list[Abnormal]
    kind: str = ""
    benchmark_kind: str | None = None
    t0_date: pd.Timestamp | None = None
    problem: str = ""
    notes: list[str] = field(default_factory=list)
    contaminants: list[Contaminant] = field(default_factory=list)
    path: pd.DataFrame = field(default_factory=pd.DataFrame)  # offset, date, ar, car, band (±1.96 σ̂ √L)


def verdict_words(p: float | None) -> str:
    if p is None or not np.isfinite(p):
        return ""
    return UNUSUAL if p < ALPHA else NORMAL


def _position(dates: pd.DatetimeIndex, when) -> int | None:
    pos = int(dates.searchsorted(pd.Timestamp(when), side="right")) - 1
    return pos if pos >= 0 else None


def contamination(
    returns: returns_mod.Returns,
    estimation: tuple[int, int],
    windows: Sequence[tuple[int, int]],
    other_events: Mapping[str, tuple[pd.Timestamp, str]],
) -> list[Contaminant]:
    """Other events (id -> (date, title)) whose t = 0 on this series falls in an event or the estimation window."""
    if returns.anchor is None or not other_events:
        return []
    lo_w = min(w[0] for w in windows)
    hi_w = max(w[1] for w in windows)
    found = []
    for event_id, (when, title) in other_events.items():
        pos = _position(returns.dates, when)
        if pos is None or (pd.Timestamp(when) - returns.dates[pos]).days > returns_mod.MAX_STALE_DAYS["daily"]:
            continue
        offset = pos - returns.anchor
        if lo_w <= offset <= hi_w:
            inside = [w for w in windows if w[0] <= offset <= w[1]]
            where = "event window " + ", ".join(f"{w[0]:+d}..{w[1]:+d}" for w in inside)
        elif estimation[0] <= offset <= estimation[1]:
            where = "estimation window"
        else:
            continue
        found.append(Contaminant(event_id, title, pd.Timestamp(when), where, offset))
    return sorted(found, key=lambda c: c.offset)


def _failed_study(event_id: str, series_id: str, windows, model, estimation, problem, **extra) -> Study:
    results = [Abnormal(model, tuple(estimation), tuple(w), problem=problem) for w in windows]
    return Study(event_id, series_id, results, problem=problem, **extra)


def study(
    series: pd.Series,
    event_date,
    *,
    model: str = "mean",
    benchmark: pd.Series | None = None,
    estimation: tuple[int, int] = DEFAULT_ESTIMATION,
    windows: Sequence[tuple[int, int]] = DEFAULT_WINDOWS,
    placebo: int = 0,
    seed: int = 0,
    kind: str | None = None,
    benchmark_kind: str | None = None,
    frequency: str = "daily",
    label: str = "the series",
    benchmark_label: str = "the benchmark",
    other_events: Mapping[str, tuple[pd.Timestamp, str]] | None = None,
    drop_contaminated: bool = False,
    event_id: str = "",
    series_id: str = "",
) -> Study:
    """Fit once, evaluate every window, run one set of placebo dates for all windows (same seed, same dates).

    ``drop_contaminated`` leaves the event-window observations of other events (``other_events``) out of
    the estimation sample and keeps placebo dates off them; kept, they are only named."""
    try:
        windows = [(int(w[0]), int(w[1])) for w in windows] or [DEFAULT_WINDOWS[1]]
        estimation = (int(estimation[0]), int(estimation[1]))
        placebo, seed = int(placebo), int(seed)
    except (TypeError, ValueError, IndexError):
        problem = "windows, placebo count and seed must be whole numbers (a window: first and last offset)"
        return _failed_study(event_id, series_id, [(0, 0)], model, (0, 0), problem)
    for w in windows:
        problem = models.check_windows(estimation, w, model)
        if problem:
            return _failed_study(event_id, series_id, windows, model, estimation, problem)
    if model in ("market", "market_adjusted") and benchmark is None:
        problem = f"the {models.MODELS[model]} needs a benchmark series"
        return _failed_study(event_id, series_id, windows, model, estimation, problem)
    use_benchmark = benchmark if model in ("market", "market_adjusted") else None
    ret = returns_mod.build_returns(
        series,
        event_date,
        kind=kind,
        benchmark=use_benchmark,
        benchmark_kind=benchmark_kind,
        frequency=frequency,
        label=label,
        benchmark_label=benchmark_label,
    )
    extra = {"kind": ret.kind, "benchmark_kind": ret.benchmark_kind}
    if not ret.problem and model == "market_adjusted" and ret.benchmark_kind != ret.kind:
        words = returns_mod.KIND_TEXT
        ret = replace(
            ret,
            problem=f"market-adjusted returns subtract like from like: {label} uses {words[ret.kind]}, "
            f"{benchmark_label} {words[ret.benchmark_kind]} (use the market model)",
        )
    if ret.problem:
        return _failed_study(event_id, series_id, windows, model, estimation, ret.problem, **extra)
    notes = [ret.note] if ret.note else []
    others = {k: v for k, v in (other_events or {}).items() if k != event_id}
    contaminants = contamination(ret, estimation, windows, others)
    span = (min(w[0] for w in windows), max(w[1] for w in windows))
    drop = []
    if drop_contaminated:  # the other event's own event window leaves the estimation sample
        for c in contaminants:
            if c.where == "estimation window":
                pos = ret.anchor + c.offset
                drop += range(pos + span[0], pos + span[1] + 1)
    fit = models.fit_model(ret, model, estimation, drop)
    extra["t0_date"] = ret.dates[ret.anchor]
    if isinstance(fit, str):
        return _failed_study(event_id, series_id, windows, model, estimation, fit, contaminants=contaminants, **extra)
    if fit.dropped:
        notes.append(f"{fit.dropped} estimation observation(s) near other events left out")
    positions, placebo_note = np.array([], dtype=int), ""
    n_placebo = max(0, min(int(placebo), models.MAX_PLACEBO))
    if int(placebo) > models.MAX_PLACEBO:
        notes.append(f"placebo draws capped at {models.MAX_PLACEBO:,}")
    if n_placebo:
        avoid = [ret.anchor + c.offset for c in contaminants] if drop_contaminated else []
        positions, placebo_note = models.placebo_positions(ret, estimation, span, n_placebo, seed, avoid)
        if placebo_note:
            notes.append(placebo_note)
    results = []
    for w in windows:
        result = Abnormal(model, estimation, w, kind=ret.kind, t0_date=ret.dates[ret.anchor], seed=int(seed))
        result.n_estimation, result.sigma, result.df = fit.n, fit.sigma, fit.df
        result.alpha, result.beta, result.r2, result.mean = fit.alpha, fit.beta, fit.r2, fit.mean
        models.apply_window(result, ret, fit)
        if result.ok and n_placebo:
            result.placebo_cars = models.placebo_cars(ret, model, estimation, w, positions)
            result.placebo_n = len(result.placebo_cars)
            result.placebo_p = models.empirical_p(result.car, result.placebo_cars)
        result.notes = list(notes)
        results.append(result)
    out = Study(event_id, series_id, results, notes=notes, contaminants=contaminants, **extra)
    out.path = car_path(ret, fit, span)
    return out


def car_path(ret: returns_mod.Returns, fit: models.Fit, span: tuple[int, int]) -> pd.DataFrame:
    """AR and CAR from the first offset of the widest window to the last observation it reaches, with the
    ±1.96 σ̂ √L band (L = observations summed so far)."""
    lo = ret.anchor + span[0]
    hi = min(ret.anchor + span[1], len(ret.r) - 1)
    if hi < lo:
        return pd.DataFrame(columns=["offset", "date", "ar", "car", "band"])
    ar = ret.r[lo : hi + 1] - models.normal_returns(fit, ret, lo, hi)
    length = np.arange(1, hi - lo + 2)
    return pd.DataFrame(
        {
            "offset": np.arange(lo, hi + 1) - ret.anchor,
            "date": ret.dates[lo : hi + 1],
            "ar": ar,
            "car": np.cumsum(ar),
            "band": 1.96 * fit.sigma * np.sqrt(length),
        }
    )


def abnormal(
    series: pd.Series,
    event_date,
    *,
    model: str = "mean",
    benchmark: pd.Series | None = None,
    estimation: tuple[int, int] = DEFAULT_ESTIMATION,
    window: tuple[int, int] = (0, 1),
    placebo: int = 0,
    seed: int = 0,
    **options,
) -> Abnormal:
    """Abnormal returns of ``series`` around ``event_date`` over one event window (see the module docstrings).

    Returns an ``Abnormal`` with car, t, p, sigma, n_estimation, alpha, beta (None for models without them),
    ar (Series indexed by offset), placebo_p (None when placebo=0) and problem ('' when computed).
    ``options`` are study()'s: kind, benchmark_kind, frequency, label, benchmark_label, other_events,
    drop_contaminated."""
    return study(
        series,
        event_date,
        model=model,
        benchmark=benchmark,
        estimation=estimation,
        windows=[window],
        placebo=placebo,
        seed=seed,
        **options,
    ).results[0]


# ------------------------------------------------------------------------------ several events
@dataclass(frozen=True)
class CrossSection:
    """Tests across N events for one window: CAAR, cross-sectional t, BMP standardised t, sign test."""

    n: int
    caar: float | None = None
    t_cs: float | None = None
    p_cs: float | None = None
    t_bmp: float | None = None
    p_bmp: float | None = None
    positive: int = 0
    p_sign: float | None = None
    problem: str = ""


def cross_section(results: Sequence[Abnormal]) -> CrossSection:
    """CAAR = mean CAR; cross-sectional t = CAAR / (s(CAR)/√N); BMP: the same t on standardised CARs
    (CAR / its forecast-error σ); sign test: number of positive CARs against Binomial(N, ½), two-sided."""
    usable = [r for r in results if r.ok and r.car is not None]
    n = len(usable)
    if n < 2:
        return CrossSection(n, problem=f"{n} event(s) with a result: the tests across events need at least two")
    cars = np.array([r.car for r in usable])
    scars = np.array([r.car / r.car_se_adjusted for r in usable])
    caar = float(cars.mean())

    def t_of(values: np.ndarray) -> tuple[float | None, float | None]:
        spread = float(values.std(ddof=1))
        if spread <= 0:
            return None, None
        t = float(values.mean() / (spread / np.sqrt(n)))
        return t, distributions.t_two_sided_p(t, n - 1)

    t_cs, p_cs = t_of(cars)
    t_bmp, p_bmp = t_of(scars)
    nonzero = int(np.count_nonzero(cars))
    positive = int((cars > 0).sum())
    low = distributions.fair_coin_cdf(positive, nonzero)
    high = 1.0 if positive == 0 else distributions.fair_coin_sf(positive - 1, nonzero)
    p_sign = float(min(1.0, 2 * min(low, high))) if nonzero else None
    return CrossSection(n, caar, t_cs, p_cs, t_bmp, p_bmp, positive, p_sign)


def average_path(studies: Sequence[Study]) -> pd.DataFrame:
    """Mean AR and CAR by offset over the events with a path (offset, caar, n)."""
    paths = [s.path[["offset", "ar"]] for s in studies if not s.problem and len(s.path)]
    if not paths:
        return pd.DataFrame(columns=["offset", "aar", "caar", "n"])
    both = pd.concat(paths).groupby("offset")["ar"].agg(["mean", "count"]).reset_index()
    both = both.rename(columns={"mean": "aar", "count": "n"})
    both["caar"] = both["aar"].cumsum()
    return both[["offset", "aar", "caar", "n"]]


def study_many(
    series_by_id: Mapping[str, pd.Series],
    events: Mapping[str, pd.Timestamp],
    *,
    metas: Mapping[str, dict],
    model: str = "mean",
    benchmark: pd.Series | None = None,
    benchmark_id: str = "",
    benchmark_meta: dict | None = None,
    **options,
) -> list[Study]:
    """One Study per series x event (series first), each series with its own return kind (from its catalog row),
    frequency and name; ``options`` go to study() (estimation, windows, placebo, seed, other_events,
    drop_contaminated)."""
    use_benchmark = model in ("market", "market_adjusted")
    bench_kind = returns_mod.return_kind(benchmark_meta or {}, benchmark)[0] if use_benchmark else None
    bench_label = str((benchmark_meta or {}).get("name") or "the benchmark")
    out = []
    for series_id, values in series_by_id.items():
        meta = dict(metas.get(series_id, {}))
        kind = returns_mod.return_kind(meta, values)[0]
        for event_id, when in events.items():
            if use_benchmark and series_id == benchmark_id:
                problem = "the benchmark is the series itself: pick another benchmark"
                windows = options.get("windows", DEFAULT_WINDOWS)
                estimation = options.get("estimation", DEFAULT_ESTIMATION)
                out.append(_failed_study(event_id, series_id, windows, model, estimation, problem, kind=kind))
                continue
            out.append(
                study(
                    values,
                    when,
                    model=model,
                    benchmark=benchmark,
                    kind=kind,
                    benchmark_kind=bench_kind,
                    frequency=str(meta.get("frequency") or "daily"),
                    label=str(meta.get("name") or series_id),
                    benchmark_label=bench_label,
                    event_id=event_id,
                    series_id=series_id,
                    **options,
                )
            )
    return out


def cross_sections(studies: Sequence[Study]) -> dict[tuple[str, tuple[int, int]], CrossSection]:
    """The tests across events, per series and event window (only for series studied at two or more events)."""
    out = {}
    for series_id in dict.fromkeys(s.series_id for s in studies):
        mine = [s for s in studies if s.series_id == series_id]
        if len(mine) < 2:
            continue
        for i, result in enumerate(mine[0].results):
            out[(series_id, result.window)] = cross_section([s.results[i] for s in mine])
    return out
