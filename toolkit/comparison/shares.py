"""Shares of categories within groups: quotes per camp or actor (:func:`quote_share_by`) and
attribution-verb stances (:func:`stance_shares`)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..vocab import STANCES
from .frame import (MIN_ARTICLES, WEIGHTS, Filter, _as_tuple, _cluster_keys, _group_rng, _keys, _method,
                    _prepare, _with_corpus)
from .correction import corrected_quote_shares
from .intervals import share_intervals

RAW = {"share": "share_raw", "ci_low": "ci_low_raw", "ci_high": "ci_high_raw"}

def _share_table(wide: pd.DataFrame, keys: list[str], label: str, count_name: str, *, n_resamples: int,
                 confidence: float, seed: int, min_articles: int, ci_method: str) -> pd.DataFrame:
    """Long table of shares per group from ``wide`` (index: keys + article_id; columns: categories)."""
    wide = wide[wide.sum(axis=1) > 0]
    categories = list(wide.columns)
    parts = []
    for key, group in wide.groupby(level=keys, sort=True, observed=True):
        key = _as_tuple(key)
        counts = group.to_numpy(dtype=float)
        totals = counts.sum(axis=0)
        low, high, interval, degenerate = share_intervals(counts, n_resamples=n_resamples, confidence=confidence,
                                                          ci_method=ci_method, rng=_group_rng(seed, key))
        part = pd.DataFrame({label: categories, "share": totals / totals.sum(), "ci_low": low, "ci_high": high,
                             count_name: np.rint(totals).astype(np.int64), "n_articles": len(group),
                             "small": len(group) < min_articles, "interval": interval, "degenerate": degenerate})
        for name, value in zip(keys, key):
            part.insert(keys.index(name), name, value)
        parts.append(part)
    columns = keys + [label, "share", "ci_low", "ci_high", count_name, "n_articles", "small", "interval", "degenerate"]
    out = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=columns)
    return out[columns].assign(confidence=confidence, seed=seed, method=_method(ci_method, n_resamples))


def quote_share_by(results, by: str | Sequence[str] = "alignment", unit: str = "camp", weight: str = "quotes", *,
                   filter: Filter = None, annotations=None, n_resamples: int = 2000, confidence: float = 0.95,
                   seed: int = 0, min_articles: int = MIN_ARTICLES, ci_method: str = "percentile",
                   finite_population: bool = False, power: float | None = 1.0) -> pd.DataFrame:
    """Share of quotes (or quoted words) going to each camp or actor within each group.

    The share of unit k in a group is ``sum of k's quotes / sum of all quotes`` over the group's
    articles; its CI comes from the cluster bootstrap over articles (Efron & Tibshirani 1993;
    Davison & Hinkley 1997, sec. 3.8), all units' shares computed from the same resampled articles
    (``scipy.stats.bootstrap``, multi-output statistic). Articles without any quote in the group
    are left out. Every unit seen anywhere in the filtered table gets a row in every group (share
    0 where it is never quoted), so shares within a group sum to 1.

    Args:
        results: ``Results``-like object or an ``actor_measures``-like DataFrame.
        by: grouping column(s) or period (see :func:`compare`).
        unit: ``"camp"`` or ``"actor"`` (any column naming who is quoted).
        weight: ``"quotes"`` (count of quotes) or ``"words"`` (quoted words).
        filter, n_resamples, confidence, seed, min_articles, ci_method: as in :func:`compare`.
        annotations: hand-annotated statements of a random sample of whole articles
            (:func:`toolkit.load_annotations` reads them; a path or records work too). Then
            ``share``, ``ci_low``, ``ci_high`` are the prediction-powered estimate and interval
            (:mod:`toolkit.comparison.correction`), which hold despite extraction errors, and
            ``share_raw``, ``ci_low_raw``, ``ci_high_raw`` are the uncorrected ones; the extra
            columns ``quotes_gold`` (statements in the annotated articles), ``n_annotated`` and
            ``power`` (the estimator's lambda) come with it, ``n_articles`` counts every article of
            the group and ``small`` flags fewer than ``min_articles`` annotated ones. Only ``weight="quotes"``; ``by`` must name
            article columns (outlet, alignment, corpus, a period) and ``filter`` be a mapping.
        finite_population, power: with annotations, the share of these articles rather than of the
            process they sample, and the estimator's lambda (1: plain PPI, ``None``: tuned; see
            :func:`toolkit.comparison.correction.ppi_ratio`).

    Returns:
        Columns: the keys, ``unit``'s name, ``share``, ``ci_low``, ``ci_high``, ``quotes`` or
        ``quoted_words`` (the unit's total), ``n_articles`` (articles with quotes in the group),
        ``small``, ``interval`` (``bootstrap`` or ``cluster Wilson`` for a unit quoted in fewer than
        5 articles, or never), ``degenerate``, ``confidence``, ``seed``, ``method``.

    Example:
        Which camp gets the largest share of quotes in Russian-state vs US outlets?

        >>> share = quote_share_by(results, by="alignment", filter={"alignment": ["russia", "us_western"]})  # doctest: +SKIP
        >>> share.loc[share.groupby("alignment")["share"].idxmax()]  # doctest: +SKIP
    """
    if weight not in WEIGHTS:
        raise ValueError(f"weight must be one of {', '.join(WEIGHTS)}, not {weight!r}")
    if annotations is not None:
        if weight != "quotes":
            raise ValueError("annotations correct quote counts: use weight='quotes'")
        fixed = corrected_quote_shares(results, annotations, _keys(by), unit, filter=filter, confidence=confidence,
                                       seed=seed, min_articles=min_articles, power=power,
                                       finite_population=finite_population)
        raw = quote_share_by(results, by, unit, weight, filter=filter, n_resamples=n_resamples,
                             confidence=confidence, seed=seed, min_articles=min_articles, ci_method=ci_method)
        on = [c for c in fixed.columns[:list(fixed.columns).index(unit) + 1]]
        out = fixed.merge(raw[on + list(RAW)].rename(columns=RAW), on=on, how="left")
        out["share_raw"] = out["share_raw"].fillna(0.0)  # a unit the extractor never quoted in the group
        columns = on + ["share", "ci_low", "ci_high", *RAW.values()]
        return out[columns + [c for c in out.columns if c not in columns]]
    frame = _prepare(results, _keys(by), filter)
    keys = _with_corpus(frame, _keys(by))
    column = WEIGHTS[weight]
    wide = frame.pivot_table(index=_cluster_keys(keys, frame), columns=unit, values=column, aggfunc="sum",
                             fill_value=0, observed=True)
    wide.columns = list(wide.columns)
    return _share_table(wide, keys, unit, column, n_resamples=n_resamples, confidence=confidence, seed=seed,
                        min_articles=min_articles, ci_method=ci_method)


def stance_shares(results, by: str | Sequence[str] = "camp", *, stances: Sequence[str] = STANCES,
                  filter: Filter = None, n_resamples: int = 2000, confidence: float = 0.95, seed: int = 0,
                  min_articles: int = MIN_ARTICLES, ci_method: str = "percentile") -> pd.DataFrame:
    """Share of attribution verbs of each stance (columns ``stance_*``) within each group.

    Same estimator and article-level bootstrap as :func:`quote_share_by`, with the stances as the
    categories: within a group the stance shares sum to 1.

    Args:
        results: ``Results``-like object or an ``actor_measures``-like DataFrame.
        by: grouping column(s) or period (see :func:`compare`).
        stances: which stances to count (``stance_<name>`` columns).
        filter, n_resamples, confidence, seed, min_articles, ci_method: as in :func:`compare`.

    Returns:
        Columns: the keys, ``stance``, ``share``, ``ci_low``, ``ci_high``, ``quotes`` (verbs of that
        stance), ``n_articles``, ``small``, ``interval``, ``degenerate``, ``confidence``, ``seed``,
        ``method``.

    Example:
        What share of Russian officials' quotes do Russian outlets introduce with distancing verbs?

        >>> stance_shares(results, by=["alignment", "camp"], filter={"camp": "russia"})  # doctest: +SKIP
    """
    frame = _prepare(results, _keys(by), filter)
    keys = _with_corpus(frame, _keys(by))
    wide = frame.groupby(_cluster_keys(keys, frame), sort=True, observed=True)[[f"stance_{s}" for s in stances]].sum()
    wide.columns = list(stances)
    return _share_table(wide, keys, "stance", "quotes", n_resamples=n_resamples, confidence=confidence, seed=seed,
                        min_articles=min_articles, ci_method=ci_method)

