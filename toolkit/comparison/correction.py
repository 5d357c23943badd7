"""Comparisons corrected by a hand-annotated random sample of articles (prediction-powered inference).

The extracted quotes are predictions with systematic, camp-dependent errors, so a bootstrap over
them gives a tight interval around the wrong value. With the true statements of a random sample of
whole articles (:mod:`toolkit.annotation`), the corpus-wide estimate is corrected by the mean
prediction error on the sample: for a per-article total ``y`` (quotes going to a camp) with
prediction ``f`` on all ``N`` articles of a group and gold on the ``n`` annotated ones,

    ``theta = mean_N(f) + mean_n(y - f)``

(the prediction-powered mean: Angelopoulos, Bates, Fannjiang, Jordan & Zrnic 2023, *Science* 382;
with the annotated sample drawn at random from the group it is the design-based estimator of
Egami, Hinck, Stewart & Wei 2023, NeurIPS). A share is the ratio of two such means, the camp's and
the total's, so the shares of a group sum to 1. The estimate is unbiased whatever the extractor's
errors; its interval is wide when the sample is small or the predictions poor, and shrinks as the
annotated sample grows.

The interval comes from a **cluster bootstrap over articles** that resamples the group's articles
together with their annotated-or-not flag (the prediction-powered bootstrap of Zrnic 2024, here with
articles as the resampled units, since the quotes of one article are not independent): the estimate
plus or minus the bootstrap standard error times the Student-t quantile on ``n - 1`` degrees of
freedom (the correction's variance is estimated from the ``n`` annotated articles). On the
simulation of :mod:`toolkit.comparison.simulation` (seed 1, 1000 draws; seed 0 is the benchmark's)
the percentile interval covered 0.92 with 25 annotated articles of 300, the t interval 0.94.
``ppi-python`` implements the PPI means, but neither ratios of means nor clustered data, hence this
implementation. Limits: the annotated articles must be a random sample of each group
(:func:`toolkit.annotation_sample`, stratified by the grouping when groups are compared); no power
tuning (PPI++), so with predictions unrelated to the truth the interval is wider than the gold-only
one; a corrected share is clipped to [0, 1].
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping

import numpy as np
import pandas as pd
from scipy import stats

from ..annotation import load_annotations
from .frame import _apply_filter, _as_tuple, _group_rng, _ids, _prepare, _table, _with_corpus
from .intervals import WILSON, cluster_wilson, ratio_interval

PPI = "prediction-powered bootstrap"
_PPI_BATCH = 250  # bootstrap resamples weighted at once


def _method(n_resamples: int) -> str:
    return (f"prediction-powered ratio estimate (Angelopoulos et al. 2023), {PPI} over articles "
            f"({n_resamples} resamples; standard error x t quantile on annotated articles - 1 df)")


def ppi_ratio(pred_num: np.ndarray, pred_den: np.ndarray, labelled: np.ndarray, gold_num: np.ndarray,
              gold_den: np.ndarray, *, n_resamples: int = 2000, confidence: float = 0.95,
              rng: np.random.Generator | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Prediction-powered estimate and bootstrap CI of ``E[num_k] / E[den]`` over articles.

    Args:
        pred_num: ``(N, K)`` predicted numerators of every article of the group.
        pred_den: ``(N,)`` predicted denominators.
        labelled: ``(N,)`` True for the annotated articles.
        gold_num, gold_den: true numerators and denominators (read only where ``labelled``).
        n_resamples, confidence, rng: bootstrap settings.

    Returns:
        ``(estimate, low, high, degenerate)``, each of length ``K``: the interval is the estimate
        +- the bootstrap standard error times the t quantile on (annotated articles - 1) degrees of
        freedom; NaN without an annotated article.
    """
    pred_num = np.asarray(pred_num, dtype=float).reshape(len(pred_den), -1)
    gold_num = np.asarray(gold_num, dtype=float).reshape(pred_num.shape)
    pred_den, gold_den = np.asarray(pred_den, dtype=float), np.asarray(gold_den, dtype=float)
    lab = np.asarray(labelled, dtype=bool)
    k, n_all = pred_num.shape[1], len(pred_den)
    if not lab.any():
        nan = np.full(k, np.nan)
        return nan, nan.copy(), nan.copy(), np.zeros(k, dtype=bool)
    # columns: K numerators then the denominator; rectifier (gold - prediction) only on labelled articles
    pred = np.column_stack([pred_num, pred_den])
    rect = np.where(lab[:, None], np.column_stack([gold_num, gold_den]) - pred, 0.0)

    def ratio(weights: np.ndarray) -> np.ndarray:
        with np.errstate(invalid="ignore", divide="ignore"):
            theta = weights @ pred / weights.sum(-1, keepdims=True) + weights @ rect / (weights @ lab)[..., None]
            return theta[..., :k] / theta[..., k:]

    estimate = ratio(np.ones(n_all))
    rng = rng or np.random.default_rng(0)
    draws = []
    for start in range(0, n_resamples, _PPI_BATCH):
        size = min(_PPI_BATCH, n_resamples - start)
        picks = rng.integers(0, n_all, size=(size, n_all)) + n_all * np.arange(size)[:, None]
        draws.append(ratio(np.bincount(picks.ravel(), minlength=size * n_all).reshape(size, n_all).astype(float)))
    boot = np.concatenate(draws)
    boot = boot[np.isfinite(boot).all(axis=1)]  # resamples without an annotated article say nothing
    if len(boot) < 2:
        nan = np.full(k, np.nan)
        return estimate, nan, nan.copy(), np.ones(k, dtype=bool)
    half = stats.t.ppf(0.5 + confidence / 2, max(int(lab.sum()) - 1, 1)) * boot.std(axis=0, ddof=1)
    return estimate, estimate - half, estimate + half, np.ptp(boot, axis=0) <= 1e-12


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
                           n_resamples: int = 2000, confidence: float = 0.95, seed: int = 0,
                           min_articles: int = 5) -> pd.DataFrame:
    """Corrected share of quotes per ``unit`` within each group of articles (see the module docstring).

    The population of a group is every article of it in ``results.articles`` (also those with no
    predicted quote: a missed statement there is an error too). Predicted counts come from
    ``actor_measures``; the annotated articles are those of ``annotations`` found in the group.
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
        share, low, high, degenerate = ppi_ratio(p, p.sum(1), lab, g, g.sum(1), n_resamples=n_resamples,
                                                 confidence=confidence, rng=_group_rng(seed, key))
        interval = np.array([PPI] * len(categories), dtype=object)
        has = lab & (g.sum(1) > 0)  # annotated articles with a statement
        for j in np.flatnonzero(degenerate & has.any()):  # never quoted: a real interval, not [0, 0]
            low[j], high[j] = cluster_wilson(g[has, j], g[has].sum(1), confidence)
            interval[j] = WILSON
        part = pd.DataFrame({unit: categories, "share": np.clip(share, 0, 1), "ci_low": np.clip(low, 0, 1),
                             "ci_high": np.clip(high, 0, 1), "quotes": p.sum(0).astype(np.int64),
                             "quotes_gold": g[lab].sum(0).astype(np.int64), "n_articles": len(rows),
                             "n_annotated": int(lab.sum()), "small": int(lab.sum()) < min_articles,
                             "interval": interval, "degenerate": degenerate})
        for name, value in zip(keys, key):
            part.insert(keys.index(name), name, value)
        parts.append(part)
    out = pd.concat(parts, ignore_index=True)
    return out.assign(confidence=confidence, seed=seed, method=_method(n_resamples))


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
        est, low, high, degenerate = ppi_ratio(group["num"].to_numpy(), den, lab, true, den,
                                               n_resamples=n_resamples, confidence=confidence,
                                               rng=_group_rng(seed, key))
        low, high, interval = float(low[0]), float(high[0]), PPI
        if degenerate[0] and lab.any():  # no spread: the annotated articles' own score interval, if any
            low, high, interval, _ = ratio_interval(true[lab], den[lab], n_resamples=n_resamples,
                                                    confidence=confidence, ci_method="percentile",
                                                    rng=_group_rng(seed, key))
        rows.append({**dict(zip(keys, key)), "estimate": float(est[0]), "ci_low": low, "ci_high": high,
                     "n_annotated": int(lab.sum()), "interval": interval, "degenerate": bool(degenerate[0])})
    return pd.DataFrame(rows).assign(method=_method(n_resamples))
