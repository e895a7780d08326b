"""Student's t and fair-coin tails against scipy and closed forms (independent computations)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import special

from components import distributions

DEGREES = [1, 2, 3, 4, 5, 7, 10, 19, 30, 59, 120, 499, 1000, 5000, 0.5, 1.5]
T_VALUES = [*np.linspace(-60, 60, 241), 1e-6, 1e-3, 0.25, 200.0, 1e4]


@pytest.mark.parametrize("df", DEGREES)
def test_t_two_sided_p_matches_scipy(df):
    for t in T_VALUES:
        expected = 2 * special.stdtr(df, -abs(t))
        if expected > 1e-290:
            assert distributions.t_two_sided_p(float(t), df) == pytest.approx(expected, rel=1e-9), t


@pytest.mark.parametrize("t", [0.0, 1e-12, 1e-8, 0.3, 1.0, 4.0, 1e3])
def test_t_two_sided_p_matches_the_closed_forms_for_one_and_two_degrees(t):
    cauchy = 1 - 2 / math.pi * math.atan(abs(t))
    assert distributions.t_two_sided_p(t, 1) == pytest.approx(cauchy, rel=1e-12, abs=1e-300)
    assert distributions.t_two_sided_p(t, 2) == pytest.approx(1 - abs(t) / math.sqrt(2 + t * t), rel=1e-12)


def test_t_two_sided_p_edges():
    assert distributions.t_two_sided_p(0.0, 10) == 1.0
    assert distributions.t_two_sided_p(math.inf, 10) == 0.0
    assert math.isnan(distributions.t_two_sided_p(math.nan, 10))
    assert math.isnan(distributions.t_two_sided_p(1.0, 0))
    assert distributions.t_two_sided_p(-2.5, 12) == distributions.t_two_sided_p(2.5, 12)


@pytest.mark.parametrize("n", [0, 1, 2, 5, 12, 40, 150])
def test_fair_coin_tails_match_scipy(n):
    assert distributions.fair_coin_cdf(-1, n) == 0.0 and distributions.fair_coin_sf(n, n) == 0.0
    for k in range(n + 1):
        assert distributions.fair_coin_cdf(k, n) == pytest.approx(special.bdtr(k, n, 0.5), rel=1e-12, abs=1e-300)
        assert distributions.fair_coin_sf(k, n) == pytest.approx(special.bdtrc(k, n, 0.5), rel=1e-12, abs=1e-300)


def test_the_event_study_pages_do_not_import_scipy():
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "import sys, numpy as np, pandas as pd\n"
        "from components import event_models, event_tests\n"
        "index = pd.bdate_range('2024-01-01', periods=300)\n"
        "values = pd.Series(70 + np.cumsum(np.random.default_rng(1).normal(0, 1, 300)), index=index)\n"
        "meta = {'id': 's', 'unit': 'USD/bbl', 'frequency': 'daily', 'name': 's'}\n"
        "studies = event_tests.study_many({'s': values}, {'a': index[200], 'b': index[250]}, metas={'s': meta},\n"
        "    model='mean', benchmark=None, benchmark_id='s', benchmark_meta=meta, estimation=(-120, -11),\n"
        "    windows=[(0, 0), (-1, 1)], placebo=50, seed=0, other_events={}, drop_contaminated=False)\n"
        "results = [s.results[0] for s in studies]\n"
        "assert all(r.ok and r.p is not None for r in results), results\n"
        "assert event_tests.cross_section(results).p_sign is not None\n"
        "assert 'scipy' not in sys.modules, 'scipy was imported'\n"
    )
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
