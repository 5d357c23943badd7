"""Intervals of ratio estimates and shares over article clusters (see :mod:`toolkit.comparison`).

The default interval is the cluster bootstrap (articles resampled; Davison & Hinkley 1997, sec. 3.8).
It collapses where it has nothing to resample: a group whose measure is 0 in every article gets
``[0, 0]``, and with a handful of articles holding any event the percentile interval has far less
than its nominal coverage. Such groups get a score interval instead:

* a **proportion** (counts: every article's numerator an integer between 0 and its denominator:
  shares, verbs of a stance per quote, a 0/1 measure per row) gets a **cluster-aware Wilson interval** (Wilson 1927):
  the Wilson score interval on an effective sample size ``n_eff = p(1 - p) / var(p)``, with
  ``var(p)`` the linearised variance of the ratio estimator over articles (Cochran 1977, sec. 6.4;
  the design-effect correction of Kish 1965). At ``p = 0`` or ``1`` the variance cannot be
  estimated and ``n_eff`` is the number of articles (every article counted as one observation:
  the most clustered case), so 7 articles with no event give ``[0, 0.35]`` at 95%;
* a rate whose numerator is 0 everywhere may be a proportion or a count rate (quotes per mention):
  the data cannot tell, so it gets the wider of that Wilson interval and the exact Poisson
  (Garwood 1936) interval of a zero count over the group's denominator (which assumes independent
  events: no information on overdispersion is left when there is no event);
* anything else whose bootstrap is degenerate (a constant score) gets no interval (NaN).

``interval`` names which one a row got and ``degenerate`` flags a bootstrap with no spread.
"""

from __future__ import annotations

import numpy as np
from scipy import stats

from .frame import _BATCH

BOOTSTRAP, WILSON, GARWOOD, NONE = "bootstrap", "cluster Wilson", "Poisson (Garwood)", "none"
FEW_EVENTS = 5  # a proportion with fewer articles holding an event (or a non-event) gets a Wilson interval


def _ratio(num: np.ndarray, den: np.ndarray, axis: int = -1) -> np.ndarray:
    return num.sum(axis=axis) / den.sum(axis=axis)


def _bootstrap(data: tuple[np.ndarray, ...], statistic, *, n_resamples: int, confidence: float, ci_method: str,
               rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``scipy.stats.bootstrap`` over paired article rows: (low, high, degenerate) per output."""
    res = stats.bootstrap(data, statistic, paired=True, vectorized=True, n_resamples=n_resamples,
                          confidence_level=confidence, method=ci_method, rng=rng, batch=_BATCH)
    spread = np.atleast_2d(res.bootstrap_distribution)
    degenerate = np.nanmax(spread, axis=-1) - np.nanmin(spread, axis=-1) <= 1e-12
    return (np.atleast_1d(res.confidence_interval.low), np.atleast_1d(res.confidence_interval.high),
            np.atleast_1d(degenerate))


def is_proportion(num: np.ndarray, den: np.ndarray) -> bool:
    """Counts of events out of counts of chances: integer numerators in ``[0, den]``, integer denominators
    (a score such as portrayal that happens to lie in [0, 1] is no proportion)."""
    num, den = np.asarray(num, dtype=float), np.asarray(den, dtype=float)
    counts = np.all(num == np.round(num)) and np.all(den == np.round(den))
    return bool(len(num)) and bool(counts and np.all(num >= 0) and np.all(num <= den))


def cluster_wilson(num: np.ndarray, den: np.ndarray, confidence: float = 0.95) -> tuple[float, float]:
    """Wilson score interval of ``sum(num) / sum(den)`` on the effective sample size of clustered data.

    ``n_eff = p(1 - p) / var`` with ``var`` the linearised (Taylor) variance of the ratio estimator
    over articles, ``n/(n-1) * sum((num - p den)^2) / sum(den)^2`` (Cochran 1977, sec. 6.4), bounded
    by the number of events' opportunities ``sum(den)``; at ``p`` = 0 or 1 (no variance to estimate)
    ``n_eff`` is the number of articles. Limits: the effective size is itself estimated, so with a
    few articles the interval is approximate; a per-article denominator below 1 is allowed.
    """
    num, den = np.asarray(num, dtype=float), np.asarray(den, dtype=float)
    total, n = den.sum(), len(num)
    p = float(num.sum() / total)
    n_eff = float(n)
    if 0 < p < 1 and n >= 2:
        var = n / (n - 1) * float(((num - p * den) ** 2).sum()) / total ** 2
        n_eff = min(p * (1 - p) / var, total) if var > 0 else total
    z = stats.norm.ppf(0.5 + confidence / 2)
    centre = (p + z * z / (2 * n_eff)) / (1 + z * z / n_eff)
    half = z / (1 + z * z / n_eff) * np.sqrt(p * (1 - p) / n_eff + z * z / (4 * n_eff * n_eff))
    return (0.0 if p == 0 else max(0.0, centre - half)), (1.0 if p == 1 else min(1.0, centre + half))


def garwood_zero(den: np.ndarray, confidence: float = 0.95) -> tuple[float, float]:
    """Exact Poisson interval of a rate with no event over exposure ``sum(den)`` (Garwood 1936)."""
    return 0.0, float(stats.chi2.ppf(0.5 + confidence / 2, 2) / 2 / np.sum(den))


def _few_events(num: np.ndarray, den: np.ndarray) -> bool:
    return min(int(np.sum(num > 0)), int(np.sum(num < den))) < FEW_EVENTS


def ratio_interval(num: np.ndarray, den: np.ndarray, *, n_resamples: int, confidence: float, ci_method: str,
                   rng: np.random.Generator, counts: bool = True) -> tuple[float, float, str, bool]:
    """CI of ``sum(num) / sum(den)`` over articles: ``(low, high, interval, degenerate)``.

    The cluster bootstrap where it has spread and enough events; else the score intervals of the
    module docstring. A single article gets a Wilson interval when the ratio is a proportion and
    NaN otherwise. ``counts=False`` (a score column, e.g. portrayal) keeps the bootstrap and gives
    NaN where it is degenerate.
    """
    degenerate = True
    if len(num) >= 2:
        low, high, flags = _bootstrap((num, den), _ratio, n_resamples=n_resamples, confidence=confidence,
                                      ci_method=ci_method, rng=rng)
        degenerate = bool(flags[0])
        proportion = counts and is_proportion(num, den)
        if not degenerate and not (proportion and _few_events(num, den)):
            return float(low[0]), float(high[0]), BOOTSTRAP, False
    if not counts:
        return np.nan, np.nan, NONE, degenerate
    if len(num) and np.all(num == 0):  # a proportion or a count rate: the data cannot tell, take the wider
        wilson, garwood = cluster_wilson(num, den, confidence), garwood_zero(den, confidence)
        return (*wilson, WILSON, degenerate) if wilson[1] >= garwood[1] else (*garwood, GARWOOD, degenerate)
    if is_proportion(num, den):
        return (*cluster_wilson(num, den, confidence), WILSON, degenerate)
    return np.nan, np.nan, NONE, degenerate


def share_intervals(counts: np.ndarray, *, n_resamples: int, confidence: float, ci_method: str,
                    rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, list[str], np.ndarray]:
    """CIs of ``counts.sum(0) / counts.sum()`` per column (category), resampling rows (articles).

    All categories' shares come from the same bootstrap resamples; a category with few articles
    holding it (or a degenerate bootstrap) gets the cluster Wilson interval of its proportion.
    """
    k = counts.shape[1]
    low, high, degenerate = np.full(k, np.nan), np.full(k, np.nan), np.ones(k, dtype=bool)
    if len(counts) >= 2:
        def shares(*columns, axis=-1):
            sums = np.stack([c.sum(axis=axis) for c in columns])
            with np.errstate(invalid="ignore", divide="ignore"):
                return sums / sums.sum(axis=0)

        low, high, degenerate = _bootstrap(tuple(counts.T), shares, n_resamples=n_resamples,
                                           confidence=confidence, ci_method=ci_method, rng=rng)
    den = counts.sum(axis=1)
    kinds = []
    for j in range(k):
        if len(counts) < 2 or degenerate[j] or _few_events(counts[:, j], den):
            low[j], high[j] = cluster_wilson(counts[:, j], den, confidence)
            kinds.append(WILSON)
        else:
            kinds.append(BOOTSTRAP)
    return low, high, kinds, degenerate


def mover_difference(estimate_a: float, interval_a: tuple[float, float], estimate_b: float,
                     interval_b: tuple[float, float]) -> tuple[float, float]:
    """CI of ``a - b`` from the two groups' own intervals (MOVER: Newcombe 1998; Zou & Donner 2008).

    ``low = d - sqrt((a - la)^2 + (ub - b)^2)``, ``high = d + sqrt((ua - a)^2 + (b - lb)^2)``; exact for
    independent groups, conservative for positively correlated (paired) ones.
    """
    (la, ua), (lb, ub) = interval_a, interval_b
    d = estimate_a - estimate_b
    return (d - float(np.hypot(estimate_a - la, ub - estimate_b)),
            d + float(np.hypot(ua - estimate_a, estimate_b - lb)))
