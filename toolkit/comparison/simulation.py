"""Simulated corpora with known camp shares and a known, camp-dependent extractor: the check that the
corrected interval of :mod:`toolkit.comparison.correction` covers the truth where the raw one does not.

Each article gets an effect ``m ~ Gamma(dispersion, 1 / dispersion)`` (mean 1; articles differ in
length and quote density, so quotes cluster by article) and ``Poisson(m * rate_k)`` true quotes of
camp ``k``: the true share of camp ``k`` is ``rate_k / sum(rate)``. The extractor finds each true
quote of camp ``k`` with probability ``recall_k``, credits a found quote to another camp (chosen at
random) with probability ``confusion``, and adds ``Poisson(m * false_positives)`` spurious quotes
credited to the first camp: the raw shares are biased, in a direction that depends on the camp.

:func:`coverage_study` draws corpora, annotates a random sample of ``n_labelled`` articles and
records, per draw and camp, the raw and corrected estimates and 95% intervals (used by
``tests/test_comparison_correction.py`` and ``benchmarks/correction.py``). The truth an interval
should hold is the share in the drawn corpus (``finite_population=True``, what a researcher asks of
their corpus) or the model's share ``rate_k / sum(rate)`` (``finite_population=False``); both are
recorded (``truth_corpus``, ``truth_model``). Limits: errors are
independent across quotes given the article; real extractors also err by article (a whole article
in an unusual style), which widens the true interval but not the method's validity.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .correction import ppi_ratio
from .intervals import share_intervals


@dataclass(frozen=True)
class ExtractionModel:
    """True quote rates per camp and the extractor's errors (see the module docstring)."""

    rates: tuple[float, ...] = (3.0, 1.5, 0.5)
    recall: tuple[float, ...] = (0.9, 0.6, 0.3)
    confusion: float = 0.15
    false_positives: float = 0.4
    dispersion: float = 2.0

    def true_shares(self) -> np.ndarray:
        rates = np.asarray(self.rates, dtype=float)
        return rates / rates.sum()


def simulate_corpus(model: ExtractionModel, n_articles: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """``(predicted, true)`` quote counts per article x camp, each ``(n_articles, K)``."""
    k = len(model.rates)
    effect = rng.gamma(model.dispersion, 1 / model.dispersion, size=n_articles)
    true = rng.poisson(np.outer(effect, model.rates))
    found = rng.binomial(true, np.asarray(model.recall))
    moved = rng.binomial(found, model.confusion)
    pred = (found - moved).astype(float)
    for j in range(k):  # each moved quote goes to one of the other camps at random
        others = [c for c in range(k) if c != j]
        pred[:, others] += rng.multinomial(moved[:, j], np.full(k - 1, 1 / (k - 1)))
    pred[:, 0] += rng.poisson(effect * model.false_positives)
    return pred, true.astype(float)


def coverage_study(model: ExtractionModel = ExtractionModel(), *, n_articles: int = 300, n_labelled: int = 100,
                   draws: int = 200, seed: int = 0, n_resamples: int = 500, confidence: float = 0.95,
                   power: float | None = 1.0, finite_population: bool = False,
                   raw_interval: bool = True) -> pd.DataFrame:
    """Raw and corrected shares and intervals over ``draws`` simulated corpora.

    ``n_resamples`` is the raw (bootstrap) interval's (``raw_interval=False``: not computed, NaN,
    the same draws otherwise); ``power`` and ``finite_population`` go to
    :func:`toolkit.comparison.correction.ppi_ratio`.

    Returns:
        One row per draw x camp: ``draw``, ``camp`` (index), ``truth`` (the corpus's share or the
        model's, as ``finite_population``), ``truth_corpus``, ``truth_model``, ``raw``, ``raw_low``,
        ``raw_high``, ``corrected``, ``low``, ``high``, ``power``, ``raw_covers``, ``covers``,
        ``width``, ``n_labelled``.
    """
    model_shares = model.true_shares()
    rows = []
    for draw, stream in enumerate(np.random.SeedSequence([seed, n_labelled]).spawn(draws)):
        rng = np.random.default_rng(stream)
        pred, true = simulate_corpus(model, n_articles, rng)
        labelled = np.zeros(n_articles, dtype=bool)
        labelled[rng.choice(n_articles, size=n_labelled, replace=False)] = True
        kept = pred.sum(1) > 0
        raw_low = raw_high = np.full(len(model_shares), np.nan)
        if raw_interval:
            raw_low, raw_high, _, _ = share_intervals(pred[kept], n_resamples=n_resamples, confidence=confidence,
                                                      ci_method="percentile", rng=rng)
        est, low, high, _, lam = ppi_ratio(pred, pred.sum(1), labelled, true, true.sum(1), confidence=confidence,
                                           power=power, finite_population=finite_population)
        raw, corpus = pred.sum(0) / pred.sum(), true.sum(0) / true.sum()
        truth = corpus if finite_population else model_shares
        for k in range(len(truth)):
            rows.append({"draw": draw, "camp": k, "truth": truth[k], "truth_corpus": corpus[k],
                         "truth_model": model_shares[k], "raw": raw[k], "raw_low": raw_low[k],
                         "raw_high": raw_high[k], "corrected": est[k], "low": low[k], "high": high[k], "power": lam})
    out = pd.DataFrame(rows)
    return out.assign(raw_covers=out["raw_low"].le(out["truth"]) & out["raw_high"].ge(out["truth"]),
                      covers=out["low"].le(out["truth"]) & out["high"].ge(out["truth"]),
                      width=out["high"] - out["low"], n_labelled=n_labelled)
