"""Comparisons corrected by a hand-annotated random sample of articles (prediction-powered inference).

The extracted quotes are predictions with systematic, camp-dependent errors, so a bootstrap over
them gives a tight interval around the wrong value. With the true statements of a random sample
``L`` of ``n`` whole articles (:mod:`toolkit.annotation`) out of the ``N`` of a group, the total of a
per-article count ``y`` (quotes going to a camp; prediction ``f``) in **this corpus** is estimated by
the model-assisted difference estimator (Särndal, Swensson & Wretman 1992, ch. 6; the
finite-population form of the prediction-powered mean of Angelopoulos, Bates, Fannjiang, Jordan &
Zrnic 2023, *Science* 382, and of the design-based estimator of Egami, Hinck, Stewart & Wei 2023):

    ``T = sum_L y + lambda sum_U f + (|U| / n) sum_L (y - lambda f)``  (``U``: the other articles)

It is algebraically the PPI total ``lambda sum_N f + (N / n) sum_L (y - lambda f)``: gold on the
annotated articles and the rectifier on the rest give the same number as the prediction everywhere
and the rectifier weighted ``N / n`` (so the finite-population form changes the interval, not the
estimate). ``lambda`` is the **power tuning** of PPI++ (Angelopoulos, Duchi & Zrnic 2023, arXiv
2311.01453): ``lambda = 1`` (the default) is plain PPI, ``lambda = 0`` the gold-only expansion
estimator ``(N / n) sum_L y``; ``power=None`` tunes it to the plug-in value minimising the
estimate's variance on the annotated articles (summed over the shares of a group, so one
``lambda`` per group and the shares still sum to 1), clipped to [0, 1]: predictions unrelated to
the truth get ``lambda`` near 0. A share is the ratio of two such totals, the camp's and the group's.

The interval is the estimate +- the Student-t quantile on ``n - 1`` degrees of freedom times the
linearised (Taylor) standard error of the ratio (Särndal et al. 1992, sec. 5.6). With ``u = y - R
y_total`` and ``v = f - R f_total`` per article (``R`` the estimated share) and ``e = u - lambda
v``: ``var = N^2 [(1 - n / N) S^2_L(e) / n + S^2(u) / N] / T_total^2`` for the share of the process
the corpus is a sample of (the default; ``S^2(u)`` takes the predictions' part from every article,
as a bootstrap over the ``N`` articles would), and without the ``S^2(u) / N`` term for the share
of **these** articles (``finite_population=True``: the finite-population correction, exact, width
0, when every article is annotated). A tuned ``lambda``'s residuals ``e`` are taken out of sample
(each annotated article's with ``lambda`` tuned on the others), so the tuning's optimism does not
narrow the interval.

Measured (``benchmarks/correction.py``, 1000 draws of simulation seed 0; choices made on seed 1;
300 articles): the default covers the process's share in 0.94-0.96 per camp with 25 annotated
articles, 0.945-0.953 overall with 25-200 (as the article bootstrap with t quantile it replaces);
the finite-population interval covers the corpus's share in 0.937-0.947 overall, 6-46% narrower
(25 to 200 annotated); the tuned lambda (median 0.58) narrows the main camp's by 2-5% but covers
0.937-0.952 (0.929 on the main camp at 25) and left the real-news error a little higher (0.0125
vs 0.0123 from 10 of 30, round 14), so it is not the default. On the demo corpus (18 articles, 6 or 9
annotated) the finite-population interval covers the full-gold share in only 0.83 / 0.88 of camp
rows (rare errors the sample misses), the default in all: hence the default.

Limits: the annotated articles must be a random sample of each group (:func:`toolkit.annotation_sample`, stratified by the
grouping when groups are compared); with a handful of them the variance, and so the interval, is
itself rough; the point estimate is unbiased, but with a good extractor and a handful of annotated
articles its noise can exceed the raw share's bias; a share is clipped to [0, 1].
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from typing import NamedTuple

import numpy as np
import pandas as pd
from scipy import stats

from ..annotation import load_annotations
from .frame import _apply_filter, _as_tuple, _group_rng, _ids, _prepare, _table, _with_corpus
from .intervals import WILSON, cluster_wilson, ratio_interval

PPI = "prediction-powered, linearised"
EXACT = "exact (every article annotated)"


def _method(finite_population: bool, power: float | None) -> str:
    tuned = ("lambda tuned (PPI++, plug-in, clipped to [0, 1])" if power is None
             else "lambda = 1 (plain PPI)" if power == 1 else f"lambda = {power:g}")
    target = "the corpus (finite-population correction)" if finite_population else "the sampled process"
    return (f"model-assisted difference estimate (prediction-powered, Angelopoulos et al. 2023), {tuned}; "
            f"share of {target}, linearised standard error x t quantile on annotated articles - 1 df")


class PPIEstimate(NamedTuple):
    """Per ratio: ``estimate``, ``low``, ``high``, ``degenerate`` (a variance of 0, except for the
    corpus's share with every article annotated, where it is exact) and the group's ``power``."""

    estimate: np.ndarray
    low: np.ndarray
    high: np.ndarray
    degenerate: np.ndarray
    power: float


def power_tuning(u: np.ndarray, v: np.ndarray) -> float:
    """PPI++ lambda minimising ``sum_k S^2(u_k - lambda v_k)`` over annotated articles (rows), in [0, 1].

    ``u``, ``v``: ``(n, K)`` linearised gold and predictions. Predictions with no spread leave the
    variance unchanged by lambda: 1 (plain PPI)."""
    u, v = u - u.mean(0), v - v.mean(0)
    spread = float((v * v).sum())
    return 1.0 if spread <= 1e-12 else float(np.clip((u * v).sum() / spread, 0.0, 1.0))


def ppi_ratio(pred_num: np.ndarray, pred_den: np.ndarray, labelled: np.ndarray, gold_num: np.ndarray,
              gold_den: np.ndarray, *, confidence: float = 0.95, power: float | None = 1.0,
              finite_population: bool = False) -> PPIEstimate:
    """Difference (prediction-powered) estimate and CI of ``sum num_k / sum den`` over a group's articles.

    Args:
        pred_num: ``(N, K)`` predicted numerators of every article of the group.
        pred_den: ``(N,)`` predicted denominators.
        labelled: ``(N,)`` True for the annotated articles.
        gold_num, gold_den: true numerators and denominators (read only where ``labelled``).
        confidence: of the interval.
        power: lambda: 1 plain PPI, 0 gold only, ``None`` tuned (:func:`power_tuning`).
        finite_population: the ratio in these ``N`` articles (True) or in the process they sample.

    Returns:
        A :class:`PPIEstimate` (see the module docstring); NaN without an annotated article, NaN
        interval with one.
    """
    pred_num = np.asarray(pred_num, dtype=float).reshape(len(pred_den), -1)
    gold_num = np.asarray(gold_num, dtype=float).reshape(pred_num.shape)
    pred_den, gold_den = np.asarray(pred_den, dtype=float), np.asarray(gold_den, dtype=float)
    lab = np.asarray(labelled, dtype=bool)
    k, n_all, n = pred_num.shape[1], len(pred_den), int(lab.sum())
    nan = np.full(k, np.nan)
    if not n:
        return PPIEstimate(nan, nan.copy(), nan.copy(), np.zeros(k, dtype=bool), np.nan)
    f = np.column_stack([pred_num, pred_den])  # K numerators, then the denominator
    y = np.column_stack([gold_num, gold_den])[lab]

    def totals(lam: float) -> np.ndarray:
        return lam * f.sum(0) + n_all / n * (y - lam * f[lab]).sum(0)

    def linearised(lam: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The ratios, ``u`` (gold, annotated articles) and ``v`` (predictions, every article)."""
        t = totals(lam)
        with np.errstate(invalid="ignore", divide="ignore"):
            ratio = t[:k] / t[k]
        ratio_ = np.nan_to_num(ratio)
        return ratio, y[:, :k] - np.outer(y[:, k], ratio_), f[:, :k] - np.outer(f[:, k], ratio_)

    if power is not None:
        lam = power
    elif n >= 2:  # tuned on the annotated articles' linearised values at lambda = 1
        _, u1, v1 = linearised(1.0)
        lam = power_tuning(u1, v1[lab])
    else:
        lam = 1.0
    estimate, u, v_all = linearised(lam)
    if n < 2:
        return PPIEstimate(estimate, nan, nan.copy(), np.ones(k, dtype=bool), lam)
    v = v_all[lab]
    e = u - lam * v if power is not None else u - _leave_one_out(u, v)[:, None] * v
    var = (1 - n / n_all) / n * e.var(axis=0, ddof=1)
    if not finite_population:  # + S^2(u) / N, its prediction part from every article (as a bootstrap over N)
        cross = ((v - v.mean(0)) * (e - e.mean(0))).sum(0) / (n - 1)
        spread = lam ** 2 * v_all.var(axis=0, ddof=1) + e.var(axis=0, ddof=1) + 2 * lam * cross
        var = var + np.clip(spread, 0, None) / n_all
    with np.errstate(invalid="ignore", divide="ignore"):
        se = n_all * np.sqrt(var) / totals(lam)[k]
    half = stats.t.ppf(0.5 + confidence / 2, n - 1) * se
    degenerate = (var <= 1e-24) & (n < n_all or not finite_population)
    return PPIEstimate(estimate, estimate - half, estimate + half, degenerate, lam)


def _leave_one_out(u: np.ndarray, v: np.ndarray) -> np.ndarray:
    """Per annotated article, :func:`power_tuning` on the others: its residual for the variance is
    then out of sample, so the tuned lambda's optimism does not shrink the interval."""
    n = len(u)
    mu, mv = (u.sum(0) - u) / (n - 1), (v.sum(0) - v) / (n - 1)
    suv = ((u * v).sum() - (u * v).sum(1)) - (n - 1) * (mu * mv).sum(1)
    svv = ((v * v).sum() - (v * v).sum(1)) - (n - 1) * (mv * mv).sum(1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(svv > 1e-12, np.clip(suv / svv, 0.0, 1.0), 1.0)


def gold_counts(annotations, unit: str | None, ids: list[str]) -> tuple[pd.DataFrame, list[str]]:
    """Statements per annotated article x ``unit`` value (``unit=None``: one column ``all``, every
    statement), and the id columns they are matched on (``corpus`` only when the annotations have it)."""
    gold = annotations if isinstance(annotations, pd.DataFrame) and "statement" in annotations.columns \
        else load_annotations(annotations)
    ids = [c for c in ids if c in gold.columns] or ["article_id"]
    counted = gold[gold["statement"] & (gold[unit].notna() if unit else True)]
    every = gold[ids].drop_duplicates().set_index(ids).index
    if not len(counted):
        return pd.DataFrame(index=every), ids
    column = counted[unit] if unit else pd.Series("all", index=counted.index)
    wide = pd.crosstab([counted[c] for c in ids], column).reindex(every, fill_value=0)
    wide.columns = list(wide.columns)
    return wide.astype(float), ids


def _index(frame: pd.DataFrame, ids: list[str]) -> pd.Index:
    return pd.MultiIndex.from_frame(frame[ids]) if len(ids) > 1 else pd.Index(frame[ids[0]])


def _article_frame(results, keys: list[str], filter: Mapping | None, unit: str) -> tuple[pd.DataFrame, list]:
    """The articles table with the grouping columns; a filter on ``unit`` returns the kept unit values."""
    if filter is not None and not isinstance(filter, Mapping):
        raise TypeError("with annotations, filter must be a {column: values} mapping (article columns or the unit)")
    filter = dict(filter or {})
    units = filter.pop(unit, None)
    if units is not None:
        units = list(units) if isinstance(units, (list, tuple, set, frozenset)) else [units]
    articles = _prepare(_apply_filter(_table(results, "articles"), filter), keys, None, "articles")
    return articles, units


def corrected_quote_shares(results, annotations, keys: list[str], unit: str, *, filter=None,
                           confidence: float = 0.95, seed: int = 0, min_articles: int = 5,
                           power: float | None = 1.0, finite_population: bool = False) -> pd.DataFrame:
    """Corrected share of quotes per ``unit`` within each group of articles (see the module docstring).

    The population of a group is every article of it in ``results.articles`` (also those with no
    predicted quote: a missed statement there is an error too). Predicted counts come from
    ``actor_measures``; the annotated articles are those of ``annotations`` found in the group.
    A unit with no variance among the annotated articles (never quoted in them) gets their cluster
    Wilson interval, widened to hold the estimate; ``power`` is the group's lambda.
    """
    articles, units = _article_frame(results, keys, filter, unit)
    missing = [k for k in keys if k not in articles.columns]
    if missing:
        raise KeyError(f"with annotations, group by article columns ({', '.join(articles.columns)}); not {missing}")
    keys = _with_corpus(articles, keys)
    ids = _ids(articles)
    measures = _table(results)
    pred = measures.pivot_table(index=[c for c in ids if c in measures.columns], columns=unit, values="quotes",
                                aggfunc="sum", fill_value=0, observed=True)
    gold, match = gold_counts(annotations, unit, ids)
    index, matched = _index(articles, ids), _index(articles, match)
    known = gold.index.isin(matched)
    if not known.all():
        warnings.warn(f"{int((~known).sum())} annotated articles are not in the results and are ignored",
                      stacklevel=3)
    categories = sorted(set(pred.columns) | set(gold.columns), key=str)
    if units is not None:
        categories = [c for c in categories if c in units]
    pred = pred.reindex(index=index, columns=categories, fill_value=0).to_numpy(dtype=float)
    labelled = matched.isin(gold.index)
    truth = gold.reindex(index=matched, columns=categories, fill_value=0).to_numpy(dtype=float)
    parts = []
    for key, rows in articles.reset_index(drop=True).groupby(keys, sort=True, observed=True).indices.items():
        key = _as_tuple(key)
        p, g, lab = pred[rows], truth[rows], labelled[rows]
        share, low, high, degenerate, lam = ppi_ratio(p, p.sum(1), lab, g, g.sum(1), confidence=confidence,
                                                      power=power, finite_population=finite_population)
        whole = EXACT if finite_population and lab.all() else PPI
        interval = np.array([whole] * len(categories), dtype=object)
        has = lab & (g.sum(1) > 0)  # annotated articles with a statement
        for j in np.flatnonzero(degenerate & has.any()):  # never quoted: a real interval, not [0, 0]
            wilson = cluster_wilson(g[has, j], g[has].sum(1), confidence)
            low[j], high[j] = min(wilson[0], share[j]), max(wilson[1], share[j])
            interval[j] = WILSON
        part = pd.DataFrame({unit: categories, "share": np.clip(share, 0, 1), "ci_low": np.clip(low, 0, 1),
                             "ci_high": np.clip(high, 0, 1), "quotes": p.sum(0).astype(np.int64),
                             "quotes_gold": g[lab].sum(0).astype(np.int64), "n_articles": len(rows),
                             "n_annotated": int(lab.sum()), "small": int(lab.sum()) < min_articles,
                             "interval": interval, "degenerate": degenerate, "power": lam})
        for name, value in zip(keys, key):
            part.insert(keys.index(name), name, value)
        parts.append(part)
    out = pd.concat(parts, ignore_index=True)
    return out.assign(confidence=confidence, seed=seed, method=_method(finite_population, power))


def corrected_compare(clusters: pd.DataFrame, keys: list[str], annotations, *, n_resamples: int,
                      confidence: float, seed: int) -> pd.DataFrame:
    """Corrected ``estimate``, ``ci_low``, ``ci_high`` of a quote count per group of :func:`compare`.

    ``clusters`` holds one row per group x article (``num`` the predicted quotes, ``den`` the
    denominator). The true numerator of an annotated article is its statements for the group's
    camp or actor when ``camp``/``actor`` is a grouping key, else all its statements; the
    denominator (rows or ``per``) is taken as measured. Articles outside ``clusters`` (no row of
    the group) are not in the group's population.
    """
    unit = next((u for u in ("actor", "camp") if u in keys), None)
    gold, match = gold_counts(annotations, unit, _ids(clusters))
    rows = []
    for key, group in clusters.groupby(keys, sort=True, observed=True):
        key = _as_tuple(key)
        index = _index(group, match)
        lab = index.isin(gold.index)
        value = key[keys.index(unit)] if unit else "all"
        true = (gold[value] if value in gold.columns else pd.Series(0.0, index=gold.index))
        true = true.reindex(index, fill_value=0).to_numpy()
        den = group["den"].to_numpy()
        est, low, high, degenerate, _ = ppi_ratio(group["num"].to_numpy(), den, lab, true, den,
                                                  confidence=confidence)
        low, high = float(low[0]), float(high[0])
        interval = EXACT if lab.all() else PPI
        if degenerate[0]:  # no spread: the annotated articles' own score interval, widened to the estimate
            low, high, interval, _ = ratio_interval(true[lab], den[lab], n_resamples=n_resamples,
                                                    confidence=confidence, ci_method="percentile",
                                                    rng=_group_rng(seed, key))
            low, high = min(low, float(est[0])), max(high, float(est[0]))
        rows.append({**dict(zip(keys, key)), "estimate": float(est[0]), "ci_low": low, "ci_high": high,
                     "n_annotated": int(lab.sum()), "interval": interval, "degenerate": bool(degenerate[0])})
    return pd.DataFrame(rows).assign(method=_method(False, 1.0))
