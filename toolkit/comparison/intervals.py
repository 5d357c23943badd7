"""Intervals of ratio estimates and shares over article clusters (see :mod:`toolkit.comparison`)."""

from __future__ import annotations

import numpy as np
from scipy import stats

from .frame import _BATCH

def _ratio(num: np.ndarray, den: np.ndarray, axis: int = -1) -> np.ndarray:
    return num.sum(axis=axis) / den.sum(axis=axis)


def _ratio_ci(num: np.ndarray, den: np.ndarray, *, n_resamples: int, confidence: float, ci_method: str,
              rng: np.random.Generator) -> tuple[float, float]:
    """Cluster-bootstrap CI of ``sum(num) / sum(den)``, resampling (num, den) pairs of articles."""
    if len(num) < 2:
        return np.nan, np.nan
    res = stats.bootstrap((num, den), _ratio, paired=True, vectorized=True, n_resamples=n_resamples,
                          confidence_level=confidence, method=ci_method, rng=rng, batch=_BATCH)
    return float(res.confidence_interval.low), float(res.confidence_interval.high)



def _share_ci(counts: np.ndarray, *, n_resamples: int, confidence: float, ci_method: str,
              rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Bootstrap CIs of ``counts.sum(0) / counts.sum()`` per column, resampling rows (articles)."""
    k = counts.shape[1]
    if len(counts) < 2:
        return np.full(k, np.nan), np.full(k, np.nan)

    def shares(*columns, axis=-1):
        sums = np.stack([c.sum(axis=axis) for c in columns])
        with np.errstate(invalid="ignore", divide="ignore"):
            return sums / sums.sum(axis=0)

    res = stats.bootstrap(tuple(counts.T), shares, paired=True, vectorized=True, n_resamples=n_resamples,
                          confidence_level=confidence, method=ci_method, rng=rng, batch=_BATCH)
    return np.atleast_1d(res.confidence_interval.low), np.atleast_1d(res.confidence_interval.high)

