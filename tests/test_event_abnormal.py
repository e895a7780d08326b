"""Abnormal returns (MacKinlay 1997) against an independent statsmodels fit, known answers on synthetic series,
and bad input that must come back as a message, never an exception."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
from scipy import stats

from components import event_tests
from components.eventstudy import abnormal
from tests.factories.event_returns import (
    iid_returns_series,
    market_pair,
    snapshot_series,
)

EVENT = "2025-03-07"


# ------------------------------------------------------------------ independent computation (statsmodels)
def independent(series, benchmark, event, model, estimation, window):
    """Log returns, windows and the OLS fit computed from scratch: pandas for the returns, statsmodels for the fit."""
    frame = pd.DataFrame({"y": series}) if benchmark is None else pd.concat({"y": series, "x": benchmark}, axis=1)
    frame = np.log(frame.dropna()).diff().dropna()
    t0 = frame.index[frame.index <= pd.Timestamp(event)][-1]
    pos = frame.index.get_loc(t0)
    est = frame.iloc[pos + estimation[0] : pos + estimation[1] + 1]
    win = frame.iloc[pos + window[0] : pos + window[1] + 1]
    if model == "market":
        fit = sm.OLS(est["y"], sm.add_constant(est["x"])).fit()
        ar = win["y"] - fit.predict(sm.add_constant(win["x"], has_constant="add"))
        alpha, beta, r2 = fit.params["const"], fit.params["x"], fit.rsquared
    else:
        target = est["y"] - (est["x"] if model == "market_adjusted" else 0.0)
        fit = sm.OLS(target.to_numpy(), np.ones(len(target))).fit()
        normal = win["x"] if model == "market_adjusted" else fit.params[0]
        ar = win["y"] - normal
        alpha = beta = r2 = None
    sigma = float(np.sqrt(fit.scale))
    car = float(ar.sum())
    t = car / (sigma * np.sqrt(len(win)))
    return {
        "ar": ar.to_numpy(),
        "car": car,
        "sigma": sigma,
        "alpha": alpha,
        "beta": beta,
        "r2": r2,
        "t": t,
        "p": 2 * stats.t.sf(abs(t), fit.df_resid),
        "n": int(fit.nobs),
    }


def assert_matches(result, expected):
    assert result.problem == ""
    assert result.n_estimation == expected["n"]
    np.testing.assert_allclose(result.ar.to_numpy(), expected["ar"], rtol=1e-9, atol=1e-12)
    for name in ("car", "sigma", "t", "p", "alpha", "beta", "r2"):
        if expected[name] is None:
            assert getattr(result, name) is None, name
        else:
            assert getattr(result, name) == pytest.approx(expected[name], rel=1e-9, abs=1e-12), name


@pytest.mark.parametrize("model", ["mean", "market_adjusted", "market"])
@pytest.mark.parametrize("window", [(0, 0), (-1, 1), (0, 5)])
def test_matches_statsmodels_on_a_fixture(model, window):
    series, benchmark = market_pair()
    bench = benchmark if model != "mean" else None
    result = abnormal(series, EVENT, model=model, benchmark=bench, estimation=(-130, -11), window=window)
    assert_matches(result, independent(series, bench, EVENT, model, (-130, -11), window))
    assert list(result.ar.index) == list(range(window[0], window[1] + 1))
    assert result.car == pytest.approx(result.ar.sum(), rel=1e-12)


def test_benchmark_holidays_are_left_out_of_both_series():
    series, benchmark = market_pair()
    gappy = benchmark.drop(benchmark.index[[-40, -35, -20, -3]])  # holidays in the benchmark's market
    result = abnormal(series, EVENT, model="market", benchmark=gappy, window=(-1, 1))
    assert_matches(result, independent(series, gappy, EVENT, "market", (-130, -11), (-1, 1)))
    assert any("left out" in note for note in result.notes)


def test_matches_statsmodels_on_the_snapshot_brent_against_wti():
    brent, wti = snapshot_series("brent_spot_eia"), snapshot_series("wti_spot_eia")
    wti = wti[wti > 0]  # the independent side drops WTI's negative April 2020 print up front
    result = abnormal(brent, EVENT, model="market", benchmark=wti, window=(0, 5), kind="log", benchmark_kind="log")
    assert_matches(result, independent(brent, wti, EVENT, "market", (-130, -11), (0, 5)))
    assert result.t0_date == pd.Timestamp(EVENT)


def test_offsets_count_observations_and_t0_is_last_on_or_before():
    series, _ = market_pair()
    saturday = abnormal(series, "2025-03-08", window=(0, 1))
    friday = abnormal(series, "2025-03-07", window=(0, 1))
    assert saturday.t0_date == friday.t0_date == pd.Timestamp("2025-03-07")
    assert saturday.car == friday.car
    assert list(friday.ar_dates) == [pd.Timestamp("2025-03-07"), pd.Timestamp("2025-03-10")]  # weekend skipped


# ------------------------------------------------------------------ known answers
@pytest.mark.parametrize("k", [2.0, 3.0, 5.0, -4.0])
def test_a_jump_of_k_sigma_gives_t_near_k(k):
    series = iid_returns_series(jump_sigmas=k, seed=3)
    result = abnormal(series, EVENT, estimation=(-1010, -11), window=(0, 0))
    assert result.t == pytest.approx(k, rel=0.05)
    assert (result.p < 0.05) == (abs(k) >= 2.0)
    # the same jump inside a 4-observation window is diluted by √4
    wide = abnormal(series, EVENT, estimation=(-1010, -11), window=(0, 3))
    assert wide.t == pytest.approx(k / 2, abs=0.75)


def test_a_big_jump_is_rare_among_placebo_dates_and_noise_is_not():
    jump = abnormal(iid_returns_series(jump_sigmas=6, seed=1), EVENT, window=(0, 0), placebo=1000, seed=7)
    assert jump.placebo_n == 1000 and jump.placebo_p < 0.01
    flat = abnormal(iid_returns_series(jump_sigmas=0, seed=1), EVENT, window=(0, 0), placebo=1000, seed=7)
    assert flat.placebo_p > 0.05
    assert event_tests.verdict_words(jump.p) == "unusual at the 5 % level"
    assert event_tests.verdict_words(flat.p) == "within normal variation"


def test_placebo_p_values_on_noise_are_roughly_uniform_over_seeds():
    p_values = []
    for seed in range(200):
        series = iid_returns_series(jump_sigmas=None, seed=1000 + seed, n=700)
        result = abnormal(series, "2025-01-15", window=(-1, 1), placebo=199, seed=seed)
        assert result.placebo_n == 199
        p_values.append(result.placebo_p)
    p_values = np.array(p_values)
    assert stats.kstest(p_values, "uniform").pvalue > 0.01
    assert 0.02 <= (p_values < 0.05).mean() <= 0.10


def test_placebo_is_seeded_and_none_without_draws():
    series, _ = market_pair()
    a = abnormal(series, EVENT, placebo=300, seed=4)
    b = abnormal(series, EVENT, placebo=300, seed=4)
    c = abnormal(series, EVENT, placebo=300, seed=5)
    assert a.placebo_p == b.placebo_p and np.array_equal(a.placebo_cars, b.placebo_cars)
    assert not np.array_equal(a.placebo_cars, c.placebo_cars)
    assert a.seed == 4
    assert abnormal(series, EVENT).placebo_p is None


def test_placebo_cars_match_a_loop_of_single_fits():
    """The vectorised placebo equals calling the model at each placebo date one by one."""
    series, benchmark = market_pair()
    study = event_tests.study(series, EVENT, model="market", benchmark=benchmark, windows=[(0, 2)], placebo=25, seed=2)
    result = study.results[0]
    returns = np.log(pd.concat({"y": series, "x": benchmark}, axis=1).dropna()).diff().dropna()
    from components import event_models
    from components.event_returns import build_returns

    ret = build_returns(series, EVENT, benchmark=benchmark)
    positions, _ = event_models.placebo_positions(ret, (-130, -11), (0, 2), 25, 2)
    one_by_one = [
        abnormal(series, returns.index[p], model="market", benchmark=benchmark, window=(0, 2)).car for p in positions
    ]
    np.testing.assert_allclose(result.placebo_cars, one_by_one, rtol=1e-9, atol=1e-12)


# ------------------------------------------------------------------ several events
def test_cross_section_tests_match_scipy():
    series, _ = market_pair()
    dates = ["2024-11-04", "2024-12-16", "2025-01-21", "2025-03-07", "2025-04-14"]
    results = [abnormal(series, d, window=(-1, 1)) for d in dates]
    cars = np.array([r.car for r in results])
    cs = event_tests.cross_section(results)
    assert cs.n == 5 and cs.caar == pytest.approx(cars.mean(), rel=1e-12)
    expected = stats.ttest_1samp(cars, 0.0)
    assert cs.t_cs == pytest.approx(expected.statistic, rel=1e-9)
    assert cs.p_cs == pytest.approx(expected.pvalue, rel=1e-9)
    standardised = [r.car / (r.sigma * np.sqrt(3 + 9 / r.n_estimation)) for r in results]
    bmp = stats.ttest_1samp(standardised, 0.0)
    assert cs.t_bmp == pytest.approx(bmp.statistic, rel=1e-9) and cs.p_bmp == pytest.approx(bmp.pvalue, rel=1e-9)
    assert cs.positive == int((cars > 0).sum())
    assert cs.p_sign == pytest.approx(stats.binomtest(cs.positive, 5, 0.5).pvalue, rel=1e-9)
    assert event_tests.cross_section(results[:1]).problem  # one event: said, no numbers


def test_contamination_names_other_events_and_dropping_changes_the_fit():
    series, _ = market_pair()
    others = {
        "same_week": (pd.Timestamp("2025-03-10"), "A strike the next Monday"),
        "earlier": (pd.Timestamp("2024-12-02"), "A tariff in the estimation window"),
        "far": (pd.Timestamp("2023-01-02"), "Long before"),
    }
    kept = event_tests.study(series, EVENT, windows=[(0, 0), (-1, 1)], other_events=others)
    where = {c.event_id: c.where for c in kept.contaminants}
    assert where == {"same_week": "event window -1..+1", "earlier": "estimation window"}
    dropped = event_tests.study(series, EVENT, windows=[(0, 0), (-1, 1)], other_events=others, drop_contaminated=True)
    assert dropped.results[0].n_estimation == kept.results[0].n_estimation - 3  # its -1..+1 observations
    assert dropped.results[0].sigma != kept.results[0].sigma
    assert any("left out" in n for n in dropped.notes)


# ------------------------------------------------------------------ bad input: a message, never an exception
@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        ({"window": (-20, 1)}, "overlaps the event window"),
        ({"window": (3, 1)}, "ends before it starts"),
        ({"estimation": (-5, -1), "window": (0, 0)}, "at least 12"),
        ({"model": "capm"}, "unknown model"),
        ({"model": "market"}, "needs a benchmark"),
        ({"window": ("a", "b")}, "whole numbers"),
        ({"placebo": "many"}, "whole numbers"),
        ({"event_date": "2019-03-07"}, "before the series starts"),
        ({"event_date": "not a date"}, "not a date"),
        ({"event_date": "2027-01-04"}, "ends"),
        ({"series": "short"}, "too few observations"),
        ({"series": "empty"}, "fewer than two observations"),
        ({"model": "market", "benchmark": "disjoint"}, "no dates in common"),
        ({"window": (0, 60), "event_date": "2025-06-20"}, "after the event"),
    ],
)
def test_bad_input_gives_a_message_naming_the_problem(kwargs, words):
    series, benchmark = market_pair()
    kwargs = dict(kwargs)
    event = kwargs.pop("event_date", EVENT)
    chosen = kwargs.pop("series", None)
    if chosen == "short":
        series = series.loc["2025-02-01":]
    elif chosen == "empty":
        series = series.iloc[:0]
    if kwargs.get("benchmark") == "disjoint":
        kwargs["benchmark"] = benchmark.loc[:"2022-12-30"]
        series = series.loc["2023-01-02":]
    result = abnormal(series, event, **kwargs)
    assert words in result.problem
    assert result.car is None and result.t is None and not result.ok


def test_non_positive_levels_are_left_out_of_log_returns_with_a_note():
    series, _ = market_pair()
    broken = series.copy()
    broken.iloc[100] = -5.0  # like WTI on 20 April 2020
    result = abnormal(broken, EVENT, kind="log", window=(0, 0))
    assert result.ok and any("zero or negative" in n for n in result.notes)


def test_placebo_requests_are_bounded():
    series, _ = market_pair()
    result = abnormal(series, EVENT, placebo=10**9)
    assert result.ok and result.placebo_n <= len(series)
    assert any("capped" in n or "all used" in n for n in result.notes)
