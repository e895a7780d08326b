"""The two tail probabilities the event study needs, in the standard library: Student's t and a fair coin's.

scipy has both (`special.stdtr`, `special.bdtr`), but importing `scipy.special` takes 0.3-0.5 s of a server's
first Event study page, more than the study itself. Student's t tail is the regularized incomplete beta
function, evaluated by its continued fraction (modified Lentz; Press et al., Numerical Recipes, 6.4), and the
binomial tail at p = 1/2 is an exact sum of binomial coefficients. tests/test_distributions.py checks both
against scipy, which the tests keep, to 1e-9 relative (1e-12 for the coin).
"""

from __future__ import annotations

import math

_TINY = 1e-300
_EPS = 1e-15
_MAX_TERMS = 10_000


def _beta_fraction(a: float, b: float, x: float) -> float:
    """The continued fraction of the incomplete beta function (converges fast for x < (a + 1) / (a + b + 2))."""
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > _TINY else _TINY)
    h = d
    for m in range(1, _MAX_TERMS + 1):
        m2 = 2 * m
        for numerator in (
            m * (b - m) * x / ((qam + m2) * (a + m2)),
            -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2)),
        ):
            d = 1.0 + numerator * d
            d = 1.0 / (d if abs(d) > _TINY else _TINY)
            c = 1.0 + numerator / c
            c = c if abs(c) > _TINY else _TINY
            h *= d * c
        if abs(d * c - 1.0) < _EPS:
            break
    return h


def regularized_beta(a: float, b: float, x: float, y: float | None = None) -> float:
    """I_x(a, b) for a, b > 0 and 0 <= x <= 1; `y` = 1 - x when the caller has it without rounding (x near 1)."""
    y = 1.0 - x if y is None else y
    if x <= 0.0:
        return 0.0
    if y <= 0.0:
        return 1.0
    log_front = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log(y)
    if x < (a + 1.0) / (a + b + 2.0):
        return math.exp(log_front) * _beta_fraction(a, b, x) / a
    return 1.0 - math.exp(log_front) * _beta_fraction(b, a, y) / b


def t_two_sided_p(t: float, df: float) -> float:
    """P(|T| >= |t|) for Student's t with `df` degrees of freedom (nan for a nan t or df <= 0)."""
    if math.isnan(t) or not df > 0:
        return math.nan
    if math.isinf(t):
        return 0.0
    return regularized_beta(df / 2.0, 0.5, df / (df + t * t), t * t / (df + t * t))


def fair_coin_cdf(k: int, n: int) -> float:
    """P(X <= k) for X ~ Binomial(n, 1/2), exact (scipy's bdtr(k, n, 0.5))."""
    if k < 0:
        return 0.0
    if k >= n:
        return 1.0
    return sum(math.comb(n, i) for i in range(k + 1)) / 2**n  # int / int: one correctly rounded division


def fair_coin_sf(k: int, n: int) -> float:
    """P(X > k) for X ~ Binomial(n, 1/2), exact (scipy's bdtrc(k, n, 0.5))."""
    return fair_coin_cdf(n - k - 1, n)  # symmetric at p = 1/2: P(X > k) = P(X < n - k) = P(X <= n - k - 1)
