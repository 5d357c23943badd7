"""Does the correction work here? Raw vs corrected quote shares against a corpus's full gold.

On a corpus with gold for **every** article (the demo corpus, ``corpora/demo/gold.jsonl``) the true
shares are known, so a random fraction of the articles can play the annotated sample and the raw
and corrected shares can both be compared with the truth:

* :func:`correction_against_gold` - one random sample: per camp (and group) the raw share, the
  corrected share (prediction-powered, :mod:`toolkit.comparison.correction`) with both intervals,
  and the full-gold share;
* :func:`correction_error` - many random samples: the mean absolute error of the raw and corrected
  shares over camps, per sample (``benchmarks/correction.py`` prints their means).

Limits: the demo corpus has 18 articles, so a third is 6 annotated articles and the corrected
interval of one sample is rough (the bootstrap of 6 articles understates its spread); the mean
error over many samples is the figure to read. The truth counts every gold statement of a camp,
including those the extractor cannot see.
"""

from __future__ import annotations

import pandas as pd

from ..annotation import annotation_sample, load_annotations
from .correction import gold_counts
from .shares import quote_share_by

_ALL = "_all"  # the grouping column standing for "the whole corpus" when by is None


class _Whole:
    """The results' tables with one constant grouping column (the whole corpus as one group)."""

    def __init__(self, results):
        self.articles = results.articles.assign(**{_ALL: "all"})
        self.actor_measures = results.actor_measures.assign(**{_ALL: "all"})
        self.quotes = results.quotes


def _gold_shares(results, gold: pd.DataFrame, keys: list[str], unit: str) -> pd.DataFrame:
    counts, _ = gold_counts(gold, unit, ["article_id"])
    long = counts.stack().rename("n").reset_index()
    long.columns = ["article_id", unit, "n"]
    long = long.merge(results.articles[["article_id", *keys]], on="article_id", how="inner")
    total = long.groupby([*keys, unit], observed=True)["n"].sum().rename("share_gold").reset_index()
    total["share_gold"] /= total.groupby(keys, observed=True)["share_gold"].transform("sum")
    return total


def correction_against_gold(results, gold, fraction: float = 1 / 3, seed: int = 0, by: str | None = None,
                            unit: str = "camp", n_resamples: int = 2000, confidence: float = 0.95,
                            **correction) -> pd.DataFrame:
    """Raw and corrected quote shares from a random ``fraction`` of annotated articles, beside the truth.

    Args:
        results: ``Results`` of a corpus with gold for every article (e.g. ``corpora/demo``).
        gold: the full gold (path, records or a :func:`toolkit.load_annotations` frame).
        fraction: share of the articles taken as the annotated sample (drawn at random with
            :func:`toolkit.annotation_sample`, ``fraction x n`` per stratum when ``by`` is given).
        seed: seed of the sample (and of the bootstrap).
        by: an article column to compare groups by (``None``: the whole corpus).
        unit, n_resamples, confidence: as in :func:`toolkit.quote_share_by`.
        correction: ``finite_population``, ``power`` of :func:`toolkit.quote_share_by`.

    Returns:
        One row per group x camp: the keys, ``camp``, ``share_raw``, ``ci_low_raw``, ``ci_high_raw``,
        ``share``, ``ci_low``, ``ci_high`` (corrected), ``share_gold`` (full-gold truth),
        ``n_articles``, ``n_annotated``, ``fraction``, ``seed``, ``method``.
    """
    if not 0 < fraction <= 1:
        raise ValueError(f"fraction must be in (0, 1], not {fraction}")
    gold = load_annotations(gold)
    data = results if by is not None else _Whole(results)
    keys = [by if by is not None else _ALL]
    sizes = data.articles.groupby(keys, observed=True).size()
    n = max(1, round(fraction * int(sizes.min() if by is not None else sizes.sum())))
    sample = annotation_sample(data, n, by=by, seed=seed)
    annotated = gold[gold["article_id"].isin(set(sample.article_ids))]
    shares = quote_share_by(data, by=keys, unit=unit, annotations=annotated, n_resamples=n_resamples,
                            confidence=confidence, seed=seed, **correction)
    out = shares.merge(_gold_shares(data, gold, keys, unit), on=[*keys, unit], how="left")
    out["share_gold"] = out["share_gold"].fillna(0.0)
    columns = [*keys, unit, "share_raw", "ci_low_raw", "ci_high_raw", "share", "ci_low", "ci_high", "share_gold",
               "n_articles", "n_annotated"]
    out = out[columns].assign(fraction=fraction, seed=seed, method=shares["method"].iloc[0])
    return out.drop(columns=[_ALL]) if by is None else out


def correction_error(results, gold, fraction: float = 1 / 3, n_samples: int = 50, seed: int = 0,
                     by: str | None = None, unit: str = "camp", n_resamples: int = 200, **correction) -> pd.DataFrame:
    """Mean absolute error of raw and corrected shares against the full gold, per random sample.

    Sample ``i`` uses seed ``seed + i``. The error is averaged over every group x camp row of
    :func:`correction_against_gold` (camps never quoted nor annotated count with error 0 for both),
    which gets ``correction`` (``finite_population``, ``power``).

    Returns:
        One row per sample: ``sample``, ``seed``, ``mae_raw``, ``mae_corrected``, ``covered_raw`` and
        ``covered`` (the share of rows whose interval holds the gold share), ``width`` (the corrected
        interval's mean width), ``n_annotated``.
    """
    gold = load_annotations(gold)
    rows = []
    for i in range(n_samples):
        t = correction_against_gold(results, gold, fraction, seed + i, by, unit, n_resamples, **correction)
        rows.append({"sample": i, "seed": seed + i,
                     "mae_raw": float((t["share_raw"] - t["share_gold"]).abs().mean()),
                     "mae_corrected": float((t["share"] - t["share_gold"]).abs().mean()),
                     "covered_raw": float(t["share_gold"].between(t["ci_low_raw"], t["ci_high_raw"]).mean()),
                     "covered": float(t["share_gold"].between(t["ci_low"], t["ci_high"]).mean()),
                     "width": float((t["ci_high"] - t["ci_low"]).mean()),
                     "n_annotated": int(t["n_annotated"].drop_duplicates().sum())})
    return pd.DataFrame(rows)
