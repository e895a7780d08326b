"""Normal-return models, abnormal returns and the placebo test for one event (MacKinlay 1997). Pure, no streamlit.

Windows are in observations of the returns frame (components.event_returns): the estimation window
``(e0, e1)`` and an event window ``(w0, w1)`` are offsets from t = 0 with e0 <= e1 < w0 <= w1.

Models, fitted by least squares on the estimation window (N observations):
- ``mean``: normal return = the window's mean return; σ̂² = Σ(r − r̄)² / (N − 1);
- ``market_adjusted``: normal return = the benchmark's return (no parameters); σ̂² = Σ(AR − mean AR)² / (N − 1);
- ``market``: r = α + β·rₘ + ε by OLS; σ̂² = SSR / (N − 2).

AR_t = r_t − normal return, CAR = Σ AR over the L observations of the event window, t = CAR / (σ̂·√L),
p two-sided from Student's t with the residual degrees of freedom (N − 1, or N − 2 for the market model).
The placebo test recomputes the same CAR (same model, same windows, re-estimated) at N random other dates of
the same series and reports the share of placebo |CAR| at least as large as the event's (with the event itself
counted, (1 + k) / (1 + N)): a p-value that does not assume normal returns.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from components import distributions
from components.event_returns import Returns

MODELS = {
    "mean": "constant mean",
    "market_adjusted": "market-adjusted (AR = return − benchmark return)",
    "market": "market model (OLS α, β on the benchmark)",
}
MIN_ESTIMATION_OBS = 12
MAX_PLACEBO = 20_000  # draws per request: keeps a hand-edited URL from asking for millions


@dataclass(frozen=True)
class Fit:
    """A normal-return model fitted on the estimation window."""

    model: str
    n: int
    sigma: float
    df: int
    mean: float | None = None  # constant-mean model: the mean return
    alpha: float | None = None
    beta: float | None = None
    r2: float | None = None
    x_mean: float | None = None  # market model: benchmark mean and Σ(x − x̄)², for the forecast-error variance
    sxx: float | None = None
    start: int = 0  # first and last position of the estimation window used
    end: int = 0
    dropped: int = 0  # observations left out as contaminated


@dataclass
class Abnormal:
    """One event, one series, one event window. ``problem`` names what stopped the computation ('' if none)."""

    model: str
    estimation: tuple[int, int]
    window: tuple[int, int]
    problem: str = ""
    notes: list[str] = field(default_factory=list)
    kind: str = ""
    t0_date: pd.Timestamp | None = None
    n_estimation: int = 0
    sigma: float | None = None
    alpha: float | None = None
    beta: float | None = None
    r2: float | None = None
    mean: float | None = None
    df: int | None = None
    length: int = 0
    car: float | None = None
    t: float | None = None
    p: float | None = None
    car_se_adjusted: float | None = None  # σ of CAR with the error of the estimated normal return (for BMP)
    ar: pd.Series = field(default_factory=lambda: pd.Series(dtype="float64"))
    ar_dates: pd.DatetimeIndex = field(default_factory=lambda: pd.DatetimeIndex([]))
    placebo_p: float | None = None
    placebo_cars: np.ndarray = field(default_factory=lambda: np.array([]))
    placebo_n: int = 0
    seed: int = 0

    @property
    def ok(self) -> bool:
        return not self.problem


def _p_two_sided(t: float, df: int) -> float:
    return distributions.t_two_sided_p(float(t), df)


def check_windows(estimation: Sequence[int], window: Sequence[int], model: str) -> str:
    """'' when the windows and model can be used, else one sentence naming the problem."""
    if model not in MODELS:
        return f"unknown model '{model}' (use one of: {', '.join(MODELS)})"
    try:
        e0, e1 = (int(v) for v in estimation)
        w0, w1 = (int(v) for v in window)
    except (TypeError, ValueError):
        return "windows must be two whole numbers each (first and last offset)"
    if e0 > e1:
        return f"the estimation window {e0}..{e1} ends before it starts"
    if w0 > w1:
        return f"the event window {w0:+d}..{w1:+d} ends before it starts"
    if e1 >= w0:
        return (
            f"the estimation window ({e0}..{e1}) overlaps the event window ({w0:+d}..{w1:+d}): "
            "it must end before the event window starts"
        )
    if e1 - e0 + 1 < MIN_ESTIMATION_OBS:
        return f"the estimation window has {e1 - e0 + 1} observations; at least {MIN_ESTIMATION_OBS} are needed"
    return ""


def fit_model(returns: Returns, model: str, estimation: tuple[int, int], drop: Sequence[int] = ()) -> Fit | str:
    """The model fitted on the estimation window (positions ``drop`` left out), or a sentence saying why not."""
    anchor = returns.anchor or 0
    start, end = anchor + estimation[0], anchor + estimation[1]
    if start < 0:
        have = max(end + 1, 0)
        return (
            f"too few observations: the estimation window needs {end - start + 1} returns before the event, "
            f"the series has {have} (it starts {returns.dates[0]:%d %b %Y}); shorten the estimation window"
        )
    keep = np.ones(end - start + 1, dtype=bool)
    for pos in drop:
        if start <= pos <= end:
            keep[pos - start] = False
    y = returns.r[start : end + 1][keep]
    n = len(y)
    needs_benchmark = model in ("market", "market_adjusted")
    if needs_benchmark and returns.rm is None:
        return f"the {MODELS[model]} needs a benchmark series"
    if n < MIN_ESTIMATION_OBS:
        return f"too few observations: {n} left in the estimation window (at least {MIN_ESTIMATION_OBS} are needed)"
    dropped = int((~keep).sum())
    if model == "mean":
        mean = float(y.mean())
        sigma = float(np.sqrt(((y - mean) ** 2).sum() / (n - 1)))
        fit = Fit(model, n, sigma, n - 1, mean=mean, start=start, end=end, dropped=dropped)
    else:
        x = returns.rm[start : end + 1][keep]
        if model == "market_adjusted":
            d = y - x
            sigma = float(np.sqrt(((d - d.mean()) ** 2).sum() / (n - 1)))
            fit = Fit(model, n, sigma, n - 1, start=start, end=end, dropped=dropped)
        else:
            x_mean, y_mean = float(x.mean()), float(y.mean())
            sxx = float(((x - x_mean) ** 2).sum())
            if sxx <= 0:
                return "the benchmark does not move in the estimation window: no β can be estimated"
            beta = float(((x - x_mean) * (y - y_mean)).sum() / sxx)
            alpha = y_mean - beta * x_mean
            resid = y - alpha - beta * x
            ssr = float((resid**2).sum())
            sst = float(((y - y_mean) ** 2).sum())
            sigma = float(np.sqrt(ssr / (n - 2)))
            r2 = 1.0 - ssr / sst if sst > 0 else None
            fit = Fit(model, n, sigma, n - 2, None, alpha, beta, r2, x_mean, sxx, start, end, dropped)
    if not np.isfinite(fit.sigma) or fit.sigma <= 0:
        return "the series does not move in the estimation window: no variance to test against"
    return fit


def normal_returns(fit: Fit, returns: Returns, lo: int, hi: int) -> np.ndarray:
    """The model's normal return at positions lo..hi."""
    if fit.model == "mean":
        return np.full(hi - lo + 1, fit.mean)
    x = returns.rm[lo : hi + 1]
    return x if fit.model == "market_adjusted" else fit.alpha + fit.beta * x


def apply_window(result: Abnormal, returns: Returns, fit: Fit) -> Abnormal:
    """AR, CAR, t and p over ``result.window`` (in place; a window past the series' end is a problem)."""
    anchor = returns.anchor or 0
    w0, w1 = result.window
    lo, hi = anchor + w0, anchor + w1
    if hi >= len(returns.r):
        after = len(returns.r) - 1 - anchor
        result.problem = (
            f"only {after} observation(s) after the event (to {returns.dates[-1]:%d %b %Y}); "
            f"the event window needs {w1:+d}"
        )
        return result
    ar = returns.r[lo : hi + 1] - normal_returns(fit, returns, lo, hi)
    length = hi - lo + 1
    car = float(ar.sum())
    var = fit.sigma**2 * length
    if fit.model == "mean":
        var_adj = fit.sigma**2 * (length + length**2 / fit.n)
    elif fit.model == "market":
        gap = float(returns.rm[lo : hi + 1].sum()) - length * fit.x_mean
        var_adj = fit.sigma**2 * (length + length**2 / fit.n + gap**2 / fit.sxx)
    else:
        var_adj = var
    t = car / np.sqrt(var)
    result.ar = pd.Series(ar, index=pd.RangeIndex(w0, w1 + 1, name="offset"), name="AR")
    result.ar_dates = returns.dates[lo : hi + 1]
    result.length, result.car, result.t = length, car, float(t)
    result.p = _p_two_sided(t, fit.df)
    result.car_se_adjusted = float(np.sqrt(var_adj))
    return result


def placebo_positions(
    returns: Returns, estimation: tuple[int, int], span: tuple[int, int], n: int, seed: int, avoid: Sequence[int] = ()
) -> tuple[np.ndarray, str]:
    """Up to ``n`` pseudo-event positions, drawn without replacement with ``numpy.random.default_rng(seed)``.

    Eligible: the full estimation window and the event span ``span`` (widest window) inside the series, and the
    pseudo event span clear of the real event's span and of every position in ``avoid`` (other case events)."""
    total = len(returns.r)
    first = max(-estimation[0], -span[0])
    last = total - 1 - span[1]
    if last < first:
        return np.array([], dtype=int), "the series is too short for any placebo date"
    candidates = np.arange(first, last + 1)
    blocked = np.zeros(total + span[1] - span[0] + 2, dtype=bool)
    for pos in [returns.anchor or 0, *avoid]:
        # a pseudo event at p covers p+span[0]..p+span[1]; it touches event position q's span when |p - q| <= width
        lo, hi = pos - (span[1] - span[0]), pos + (span[1] - span[0])
        blocked[max(lo, 0) : max(hi + 1, 0)] = True
    candidates = candidates[~blocked[candidates]]
    if len(candidates) == 0:
        return candidates, "every possible placebo date falls on an event"
    if len(candidates) <= n:
        return candidates, f"only {len(candidates)} eligible placebo dates: all used"
    rng = np.random.default_rng(seed)
    return np.sort(rng.choice(candidates, size=n, replace=False)), ""


def placebo_cars(
    returns: Returns, model: str, estimation: tuple[int, int], window: tuple[int, int], positions: np.ndarray
) -> np.ndarray:
    """CAR at each pseudo-event position, each with its own estimation window (vectorised; non-finite dropped)."""
    if len(positions) == 0:
        return np.array([])
    width = estimation[1] - estimation[0] + 1
    starts = positions + estimation[0]

    def window_sums(values: np.ndarray, first: np.ndarray, last: np.ndarray) -> np.ndarray:
        cumulative = np.concatenate([[0.0], np.cumsum(values)])
        return cumulative[last + 1] - cumulative[first]

    lo, hi = positions + window[0], positions + window[1]
    length = window[1] - window[0] + 1
    sum_r = window_sums(returns.r, lo, hi)
    # estimation-window sums by differences of running sums: O(series) whatever the number of draws
    est_y = window_sums(returns.r, starts, starts + width - 1)
    if model == "mean":
        cars = sum_r - length * est_y / width
    else:
        sum_m = window_sums(returns.rm, lo, hi)
        if model == "market_adjusted":
            cars = sum_r - sum_m
        else:
            # centre on the series mean first, so the sums of squares do not cancel catastrophically
            x = returns.rm - returns.rm.mean()
            y = returns.r - returns.r.mean()
            last = starts + width - 1
            sx, sy = window_sums(x, starts, last), window_sums(y, starts, last)
            sxx = window_sums(x * x, starts, last) - sx * sx / width
            sxy = window_sums(x * y, starts, last) - sx * sy / width
            with np.errstate(divide="ignore", invalid="ignore"):
                beta = sxy / sxx
            alpha = est_y / width - beta * (sx / width + returns.rm.mean())
            cars = sum_r - length * alpha - beta * sum_m
    return cars[np.isfinite(cars)]


def empirical_p(car: float, cars: np.ndarray) -> float | None:
    """Two-sided placebo p-value (1 + #{|placebo CAR| >= |CAR|}) / (1 + N); None without placebo draws."""
    if len(cars) == 0:
        return None
    return float((1 + np.count_nonzero(np.abs(cars) >= abs(car) * (1 - 1e-12))) / (1 + len(cars)))
