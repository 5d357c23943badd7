"""Per-group estimates (:func:`compare`) and two-group differences (:func:`difference_test`)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy import stats

from .frame import (MIN_ARTICLES, Filter, _as_tuple, _BATCH, _clusters, _group_rng, _ids, _keys, _method,
                    _prepare, _with_corpus)
from .correction import corrected_compare
from .intervals import BOOTSTRAP, _ratio, mover_difference, ratio_interval


def _is_count(frame: pd.DataFrame, measure: str, per: str | None) -> bool:
    """The measure (and ``per``) are integer counts: zero and near-zero rates get score intervals."""
    return all(pd.api.types.is_integer_dtype(frame[c]) or pd.api.types.is_bool_dtype(frame[c])
               for c in [measure] + ([per] if per else []))


def compare(results, measure: str, by: str | Sequence[str], *, per: str | None = None, filter: Filter = None,
            annotations=None, n_resamples: int = 2000, confidence: float = 0.95, seed: int = 0,
            min_articles: int = MIN_ARTICLES, ci_method: str = "percentile") -> pd.DataFrame:
    """Estimate a measure per group with an article-level bootstrap confidence interval.

    The estimate is ``sum(measure) / sum(per)`` over the group's rows (``per=None``: the mean over
    article x actor rows). Its CI comes from the nonparametric bootstrap (Efron & Tibshirani 1993)
    applied to articles as clusters (Davison & Hinkley 1997, sec. 3.8): whole articles are drawn
    with replacement, with ``scipy.stats.bootstrap`` (paired numerator/denominator sums).

    Args:
        results: a ``Results``-like object (its ``actor_measures`` is used) or a DataFrame with
            ``article_id``, the measure and the grouping columns.
        measure: numeric column, e.g. ``"portrayal"``, ``"quotes"``, ``"distancing_verbs"``.
        by: grouping column(s): ``outlet``, ``alignment``, ``camp``, ``actor``, any other column,
            or a period from ``date`` (``week``, ``month``, ... see ``PERIODS``).
        per: denominator column for a rate (``"quotes"`` gives the measure per quote).
        filter: ``{column: value or list}`` or a callable on the frame returning a boolean mask.
        n_resamples: bootstrap resamples.
        confidence: confidence level of the interval.
        seed: seed of the random streams; recorded in the output.
        min_articles: groups with fewer articles are flagged ``small``.
        ci_method: ``"percentile"``, ``"basic"`` or ``"BCa"`` (see ``scipy.stats.bootstrap``).
        annotations: hand-annotated statements of a random sample of whole articles (see
            :func:`quote_share_by`). Only for ``measure="quotes"`` (the measure the annotations
            observe): ``estimate``, ``ci_low``, ``ci_high`` become the prediction-powered ones
            (the numerator corrected, the denominator ``per`` or rows as measured), the raw ones
            move to ``estimate_raw``, ``ci_low_raw``, ``ci_high_raw``, and ``n_annotated`` counts
            the group's annotated articles.

    Returns:
        One row per group, sorted by the keys, with columns: the keys, ``measure``, ``per``,
        ``n_articles``, ``n_rows``, ``estimate``, ``ci_low``, ``ci_high``, ``small``, ``interval``
        (``bootstrap``, or the score interval a zero or near-zero rate gets instead: see
        :mod:`toolkit.comparison.intervals`), ``degenerate`` (the bootstrap had no spread),
        ``confidence``, ``seed``, ``method``. Groups of one article have NaN CIs unless the measure
        is a proportion (then a Wilson interval on one observation). With a ``corpus`` column
        naming several corpora, grouping by ``outlet`` also groups by ``corpus``.

    Example:
        How does portrayal of the opposition differ across outlet alignments?

        >>> compare(results, "portrayal", by="alignment", filter={"camp": "opposition"})  # doctest: +SKIP
    """
    if annotations is not None and measure != "quotes":
        raise ValueError(f"annotations correct quote counts only; {measure!r} is not annotated")
    frame = _prepare(results, _keys(by), filter)
    keys = _with_corpus(frame, _keys(by))
    clusters = _clusters(frame, keys, measure, per)
    counts = _is_count(frame, measure, per)
    rows = []
    for key, group in clusters.groupby(keys, sort=True, observed=True):
        key = _as_tuple(key)
        num, den = group["num"].to_numpy(), group["den"].to_numpy()
        low, high, interval, degenerate = ratio_interval(num, den, n_resamples=n_resamples, confidence=confidence,
                                                         ci_method=ci_method, rng=_group_rng(seed, key),
                                                         counts=counts)
        rows.append({**dict(zip(keys, key)), "measure": measure, "per": per, "n_articles": len(group),
                     "n_rows": int(group["rows"].sum()), "estimate": float(_ratio(num, den)),
                     "ci_low": low, "ci_high": high, "small": len(group) < min_articles,
                     "interval": interval, "degenerate": degenerate})
    columns = keys + ["measure", "per", "n_articles", "n_rows", "estimate", "ci_low", "ci_high", "small",
                      "interval", "degenerate"]
    out = pd.DataFrame(rows, columns=columns).assign(confidence=confidence, seed=seed,
                                                     method=_method(ci_method, n_resamples))
    if annotations is None:
        return out
    fixed = corrected_compare(clusters, keys, annotations, n_resamples=n_resamples, confidence=confidence, seed=seed)
    raw = out.rename(columns={"estimate": "estimate_raw", "ci_low": "ci_low_raw", "ci_high": "ci_high_raw"})
    merged = raw.drop(columns=["interval", "degenerate", "method"]).merge(fixed, on=keys, how="left")
    order = keys + ["measure", "per", "n_articles", "n_rows", "estimate", "ci_low", "ci_high", "estimate_raw",
                    "ci_low_raw", "ci_high_raw", "n_annotated", "small", "interval", "degenerate", "confidence",
                    "seed", "method"]
    return merged[order]


# ----------------------------------------------------------------------------------------------
# two-group difference


def _select(clusters: pd.DataFrame, keys: list[str], value) -> pd.DataFrame:
    value = _as_tuple(value)
    if len(value) != len(keys):
        raise ValueError(f"group {value!r} does not match the grouping keys {keys!r}")
    mask = np.ones(len(clusters), dtype=bool)
    for key, v in zip(keys, value):
        mask &= (clusters[key] == v).to_numpy()
    return clusters[mask].set_index(_ids(clusters))[["num", "den"]]


def _cohens_d(x: np.ndarray, y: np.ndarray) -> float:
    """Cohen's d with the pooled standard deviation (Cohen 1988)."""
    nx, ny = len(x), len(y)
    if nx < 2 or ny < 2:
        return np.nan
    pooled = np.sqrt(((nx - 1) * x.var(ddof=1) + (ny - 1) * y.var(ddof=1)) / (nx + ny - 2))
    return float((x.mean() - y.mean()) / pooled) if pooled > 0 else np.nan


def _cliffs_delta(x: np.ndarray, y: np.ndarray) -> float:
    """Cliff's delta, P(X > Y) - P(X < Y) (Cliff 1993), from the Mann-Whitney U statistic."""
    if len(x) == 0 or len(y) == 0:
        return np.nan
    u = stats.mannwhitneyu(x, y, alternative="two-sided").statistic
    return float(2 * u / (len(x) * len(y)) - 1)


def difference_test(results, measure: str, by: str | Sequence[str], a, b, *, per: str | None = None,
                    filter: Filter = None, n_resamples: int = 9999, confidence: float = 0.95, seed: int = 0,
                    alternative: str = "two-sided", min_articles: int = MIN_ARTICLES,
                    ci_method: str = "percentile") -> pd.DataFrame:
    """Difference of a measure between groups ``a`` and ``b``: bootstrap CI, permutation p, effect sizes.

    The difference is ``estimate(a) - estimate(b)`` with the estimates of :func:`compare`.

    * When no article is in both groups (e.g. different outlets) the two groups are independent
      samples of articles: the CI comes from a stratified cluster bootstrap (articles resampled
      within each group; Efron & Tibshirani 1993, ch. 8; Davison & Hinkley 1997, sec. 3.8) and the
      p-value from a permutation test that shuffles the group labels of articles (Good 2005),
      both with ``scipy.stats``.
    * When articles hold both groups (e.g. two camps in the same outlets) the samples are paired
      by article: articles are resampled jointly and the permutation test swaps the two groups'
      rows within each article (``permutation_type="samples"``).

    Effect sizes are computed on article-level values (the measure's ratio within each article):
    Cohen's d with the pooled SD (Cohen 1988) and Cliff's delta (Cliff 1993), which needs no
    distributional assumption and suits bounded or skewed scores. The difference itself is one of
    pooled ratios (each group's sum over its articles' sum), which weights articles by their size, so
    an effect size can have the other sign when small articles differ the other way than large ones.

    Args:
        results: ``Results``-like object or DataFrame (see :func:`compare`).
        measure: numeric column.
        by: grouping column(s); ``a`` and ``b`` are values (tuples for several keys).
        a: the first group, e.g. ``"us_western"`` or ``("us_western", "russia")``.
        b: the second group.
        per: denominator column for a rate, as in :func:`compare`.
        filter: row filter, as in :func:`compare`.
        n_resamples: resamples of both the bootstrap and the permutation test (the permutation test
            is exact when there are fewer distinct permutations).
        confidence: confidence level of the difference's CI.
        seed: seed; recorded in the output.
        alternative: ``"two-sided"``, ``"greater"`` (a > b) or ``"less"``.
        min_articles: either group below this is flagged ``small``.
        ci_method: bootstrap CI method for ``scipy.stats.bootstrap``.

    Returns:
        A one-row DataFrame, like the tables of :func:`compare` (several tests ``pd.concat`` into one
        table), with the columns ``measure``, ``per``, ``by`` (the grouping columns, a list), ``a``,
        ``b``, ``estimate_a``, ``estimate_b``, ``difference``, ``ci_low``, ``ci_high``, ``interval``,
        ``degenerate``, ``p_value``, ``alternative``, ``ci_p_disagree``, ``cohens_d``,
        ``cliffs_delta``, ``n_a``, ``n_b`` (articles), ``shared_articles``, ``paired``, ``small``,
        ``confidence``, ``seed``, ``method``.

        The CI and the p-value answer different questions and ``method`` says which: the CI
        bounds the size of the difference (bootstrap); the p-value tests whether the articles'
        group labels are exchangeable (permutation). When either group is zero or near zero
        (its own interval is a score interval, see :func:`compare`) its bootstrap is not to be
        trusted and the CI is the MOVER interval built from the two groups' intervals
        (``interval`` says so). ``ci_p_disagree`` flags a two-sided test where the CI excludes 0
        but ``p_value >= 1 - confidence`` or the reverse.

    Example:
        Are Russian officials reported with more distancing verbs (per quote) in US outlets than US
        officials are in Russian outlets?

        >>> difference_test(results, "distancing_verbs", by=["alignment", "camp"], per="quotes",
        ...                 a=("us_western", "russia"), b=("russia", "us"), alternative="greater")  # doctest: +SKIP
    """
    keys = _keys(by)
    frame = _prepare(results, keys, filter)
    clusters = _clusters(frame, keys, measure, per)
    counts = _is_count(frame, measure, per)
    ga, gb = _select(clusters, keys, a), _select(clusters, keys, b)
    if len(ga) == 0 or len(gb) == 0:
        raise ValueError(f"no articles with {measure!r} in group {a if len(ga) == 0 else b!r}")
    shared = ga.index.intersection(gb.index)
    paired = len(shared) > 0
    boot_rng, perm_rng = (np.random.default_rng(s) for s in np.random.SeedSequence(seed).spawn(2))

    if paired:
        both = ga.add_suffix("_a").join(gb.add_suffix("_b"), how="outer").fillna(0.0)
        num = np.concatenate([both["num_a"].to_numpy(), both["num_b"].to_numpy()])
        den = np.concatenate([both["den_a"].to_numpy(), both["den_b"].to_numpy()])
        ia, ib = np.arange(len(both)), np.arange(len(both), 2 * len(both))
    else:
        num = np.concatenate([ga["num"].to_numpy(), gb["num"].to_numpy()])
        den = np.concatenate([ga["den"].to_numpy(), gb["den"].to_numpy()])
        ia, ib = np.arange(len(ga)), np.arange(len(ga), len(ga) + len(gb))

    def difference(x, y, axis=-1):
        x, y = x.astype(np.intp), y.astype(np.intp)
        with np.errstate(invalid="ignore", divide="ignore"):
            return _ratio(num[x], den[x], axis) - _ratio(num[y], den[y], axis)

    observed = float(difference(ia, ib))
    low = high = np.nan
    if min(len(ga), len(gb)) >= 2:
        boot = stats.bootstrap((ia, ib), difference, paired=paired, vectorized=True, n_resamples=n_resamples,
                               confidence_level=confidence, method=ci_method, rng=boot_rng, batch=_BATCH)
        low, high = float(boot.confidence_interval.low), float(boot.confidence_interval.high)
    groups = [ratio_interval(g["num"].to_numpy(), g["den"].to_numpy(), n_resamples=n_resamples,
                             confidence=confidence, ci_method=ci_method, rng=_group_rng(seed, _as_tuple(v)),
                             counts=counts)
              for g, v in ((ga, a), (gb, b))]
    interval = BOOTSTRAP
    if any(g[2] != BOOTSTRAP for g in groups):  # a zero or near-zero group: its bootstrap is not to be trusted
        interval = "MOVER (Newcombe 1998) from the groups' intervals"
        low, high = mover_difference(_ratio(ga["num"].to_numpy(), ga["den"].to_numpy()), groups[0][:2],
                                     _ratio(gb["num"].to_numpy(), gb["den"].to_numpy()), groups[1][:2])
    perm = stats.permutation_test((ia, ib), difference, permutation_type="samples" if paired else "independent",
                                  vectorized=True, n_resamples=n_resamples, alternative=alternative, rng=perm_rng,
                                  batch=_BATCH)
    xa, xb = (g["num"].to_numpy() / g["den"].to_numpy() for g in (ga, gb))
    design = "paired by article" if paired else "independent articles"
    return pd.DataFrame([{
        "measure": measure, "per": per, "by": keys, "a": a, "b": b,
        "estimate_a": float(_ratio(ga["num"].to_numpy(), ga["den"].to_numpy())),
        "estimate_b": float(_ratio(gb["num"].to_numpy(), gb["den"].to_numpy())),
        "difference": observed, "ci_low": low, "ci_high": high, "interval": interval,
        "degenerate": any(g[3] for g in groups),
        "p_value": float(perm.pvalue), "alternative": alternative,
        "ci_p_disagree": bool((low > 0 or high < 0) != (perm.pvalue < 1 - confidence)) if alternative == "two-sided"
        else False,
        "cohens_d": _cohens_d(xa, xb), "cliffs_delta": _cliffs_delta(xa, xb),
        "n_a": len(ga), "n_b": len(gb), "shared_articles": len(shared), "paired": paired,
        "small": min(len(ga), len(gb)) < min_articles, "confidence": confidence, "seed": seed,
        "method": f"CI (how large is the difference): {_method(ci_method, n_resamples)}, {design}; "
                  "p_value (could the articles' group labels be exchanged): article permutation test",
    }])

