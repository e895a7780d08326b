"""Prices for the event-study tests: synthetic series with known properties (deterministic), and a committed
snapshot series read straight from its CSV (independently of components.data)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
EVENT = pd.Timestamp("2025-03-07")


def market_pair(seed: int = 11) -> tuple[pd.Series, pd.Series]:
    """A daily price that loads on a benchmark (β = 0.8, α = 0.0002, σ_ε = 1.2 %), business days 2022-2025."""
    index = pd.bdate_range("2022-01-03", "2025-06-30")
    rng = np.random.default_rng(seed)
    market = rng.normal(0.0003, 0.011, len(index))
    own = 0.0002 + 0.8 * market + rng.normal(0, 0.012, len(index))
    benchmark = pd.Series(100 * np.exp(np.cumsum(market)), index=index, name="bench")
    series = pd.Series(70 * np.exp(np.cumsum(own)), index=index, name="price")
    return series, benchmark


def iid_returns_series(
    jump_sigmas: float | None = 0.0, *, seed: int = 0, n: int = 1300, sigma: float = 0.01, event=EVENT
) -> pd.Series:
    """A price whose log returns are iid N(0, σ²) up to ``event``; with ``jump_sigmas`` set, the return at the
    event is exactly jump_sigmas·σ (the noise on that day set to zero, so t ≈ k holds to sampling error in σ̂)."""
    index = pd.bdate_range(end=pd.Timestamp(event), periods=n - 40).append(
        pd.bdate_range(pd.Timestamp(event) + pd.offsets.BDay(1), periods=40)
    )
    rng = np.random.default_rng(seed)
    returns = rng.normal(0.0, sigma, len(index))
    if jump_sigmas is not None:
        returns[n - 41] = jump_sigmas * sigma
    return pd.Series(50 * np.exp(np.cumsum(returns)), index=index, name="iid")


def snapshot_series(series_id: str) -> pd.Series:
    """A committed snapshot series read straight from its CSV (independently of components.data)."""
    frame = pd.read_csv(ROOT / "data" / "series" / f"{series_id}.csv", parse_dates=["date"])
    return pd.Series(frame["value"].to_numpy(dtype="float64"), index=pd.DatetimeIndex(frame["date"]), name=series_id)


def calm_then_wild(seed: int = 5, jump: float = 0.04, event=EVENT) -> pd.Series:
    """Log returns N(0, 1 %) in the default estimation window (offsets -130..-11) and N(0, 4 %) everywhere
    else, with a move of ``jump`` at the event: unusual for the t-test (σ̂ from the calm window), ordinary for
    the placebo test (most random dates are wild)."""
    index = pd.bdate_range(end=pd.Timestamp(event), periods=1200).append(
        pd.bdate_range(pd.Timestamp(event) + pd.offsets.BDay(1), periods=40)
    )
    rng = np.random.default_rng(seed)
    returns = rng.normal(0.0, 0.04, len(index))
    at = 1199
    returns[at - 130 : at - 10] = rng.normal(0.0, 0.01, 120)
    returns[at - 10 : at + 6] = 0.0
    returns[at] = jump
    return pd.Series(50 * np.exp(np.cumsum(returns)), index=index, name="wild")


def event_frame(*rows: tuple[str, str, str]) -> pd.DataFrame:
    """Case-shaped events (id, date, title) for rule tests."""
    return pd.DataFrame(
        [{"id": i, "date": pd.Timestamp(d), "title": t, "category": "statement", "actors": []} for i, d, t in rows]
    )
