"""Compare framing measures between groups, with article-level uncertainty.

Rows of ``actor_measures`` (one per article x actor) are not independent: actors of one article share
its outlet, author, topic and tone. Every interval and test here therefore resamples or permutes
**articles** (clusters), never rows (the cluster bootstrap: Davison & Hinkley 1997, sec. 3.8;
Field & Welsh 2007).

An estimate is a ratio of sums over the rows of a group,
``sum(measure) / sum(per)``, where ``per=None`` counts rows (so the estimate is the mean of the
measure over article x actor rows) and e.g. ``per="quotes"`` gives distancing verbs per quote.
Rows where the measure (or ``per``) is missing are left out, and so are articles whose
denominator is 0 (they carry no information about the ratio).

Functions:

* :func:`compare` - estimate and bootstrap CI per group;
* :func:`difference_test` - difference between two groups with a bootstrap CI, a permutation
  p-value and effect sizes (Cohen's d, Cliff's delta) on article-level values;
* :func:`quote_share_by` - share of quotes (or quoted words) going to each camp or actor within a
  group, with bootstrap CIs; shares within a group sum to 1;
* :func:`stance_shares` - share of attribution verbs of each stance within a group;
* :func:`article_labels` - label counts per article x camp and category (from the ``labels`` table);
* :func:`label_shares` - share of each label category (neutral, legitimising, delegitimising)
  among the labels naming a camp within a group, in the outlet's own voice or inside quotes.

Groups are named by any column (``outlet``, ``alignment``, ``camp``, ``actor`` ...) or by a period
derived from ``date``: ``day``, ``week``, ``month``, ``quarter``, ``year`` (the column holds the
period's start). Groups with fewer than ``min_articles`` articles are kept and flagged
``small=True``. Each group gets its own random stream, derived from ``seed`` and the group's key,
so a group's interval does not change when other groups are filtered out, and the same inputs and
seed give identical tables.

Example (on an analysed corpus ``results``)::

    compare(results, "portrayal", by=["alignment", "camp"], filter={"camp": "opposition"})
    quote_share_by(results, by="alignment", unit="camp")
    difference_test(results, "distancing_verbs", by=["alignment", "camp"], per="quotes",
                    a=("us_western", "russia"), b=("russia", "us"))
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

from .labels import CATEGORIES
from .vocab import STANCES

__all__ = ["compare", "difference_test", "quote_share_by", "stance_shares", "article_labels", "label_shares",
           "VOICES", "PERIODS", "MIN_ARTICLES"]

PERIODS = {"day": "D", "week": "W", "month": "M", "quarter": "Q", "year": "Y"}
MIN_ARTICLES = 5
WEIGHTS = {"quotes": "quotes", "words": "quoted_words"}
VOICES = ("own", "quoted", "all")  # labels in the outlet's own voice, inside quotes, or both
_BATCH = 1000  # resamples evaluated at once: bounds memory to _BATCH x articles indices

Filter = Mapping[str, Any] | Callable[[pd.DataFrame], Any] | None


# ----------------------------------------------------------------------------------------------
# preparing the frame


def _table(results, table: str = "actor_measures") -> pd.DataFrame:
    """The DataFrame itself, or ``results.<table>`` for a ``Results``-like object."""
    if isinstance(results, pd.DataFrame):
        return results
    frame = getattr(results, table, None)
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"expected a DataFrame or an object with a .{table} DataFrame, got {type(results).__name__}")
    return frame


def _keys(by: str | Sequence[str]) -> list[str]:
    keys = [by] if isinstance(by, str) else list(by)
    if not keys:
        raise ValueError("by must name at least one grouping column")
    return keys


def _apply_filter(frame: pd.DataFrame, filter: Filter) -> pd.DataFrame:
    """Keep rows matching ``{column: value or list of values}`` or a callable returning a mask."""
    if filter is None:
        return frame
    if callable(filter):
        mask = filter(frame)
        return mask if isinstance(mask, pd.DataFrame) else frame[np.asarray(mask, dtype=bool)]
    mask = np.ones(len(frame), dtype=bool)
    for column, value in filter.items():
        if column not in frame.columns:
            raise KeyError(f"filter column {column!r} not in the table (columns: {', '.join(frame.columns)})")
        values = value if isinstance(value, (list, tuple, set, frozenset)) else [value]
        mask &= frame[column].isin(values).to_numpy()
    return frame[mask]


def _prepare(results, keys: list[str], filter: Filter, table: str = "actor_measures") -> pd.DataFrame:
    """Filtered copy of the table with period columns derived from ``date`` where asked for."""
    frame = _apply_filter(_table(results, table), filter).copy()
    for key in keys:
        if key in frame.columns:
            continue
        if key not in PERIODS:
            raise KeyError(f"cannot group by {key!r}: not a column and not one of {', '.join(PERIODS)}")
        if "date" not in frame.columns:
            raise KeyError(f"grouping by {key!r} needs a 'date' column")
        dates = pd.to_datetime(frame["date"], errors="coerce", utc=True).dt.tz_convert(None)
        frame[key] = dates.dt.to_period(PERIODS[key]).dt.start_time
    if "article_id" not in frame.columns:
        raise KeyError("the table needs an 'article_id' column (the bootstrap resamples articles)")
    return frame


def _cluster_keys(keys: list[str]) -> list[str]:
    """Grouping keys plus ``article_id`` (once, also when grouping by article)."""
    return list(dict.fromkeys(keys + ["article_id"]))


def _group_rng(seed: int, key: tuple) -> np.random.Generator:
    """A random stream for one group, from the seed and a stable digest of the group's key."""
    digest = zlib.crc32(repr(tuple(str(k) for k in key)).encode())
    return np.random.default_rng([seed, digest])


def _as_tuple(key) -> tuple:
    return key if isinstance(key, tuple) else (key,)


def _clusters(frame: pd.DataFrame, keys: list[str], measure: str, per: str | None) -> pd.DataFrame:
    """One row per group x article: ``num`` (sum of measure), ``den`` (sum of per, or rows), ``rows``."""
    for column in [measure] + ([per] if per else []):
        if column not in frame.columns:
            raise KeyError(f"measure {column!r} not in the table (columns: {', '.join(frame.columns)})")
    valid = frame[measure].notna() & (frame[per].notna() if per else True)
    data = pd.DataFrame({"num": frame.loc[valid, measure].astype(float),
                         "den": frame.loc[valid, per].astype(float) if per else 1.0,
                         "rows": 1}, index=frame.index[valid])
    for column in _cluster_keys(keys):
        data[column] = frame.loc[valid, column]
    clusters = data.groupby(_cluster_keys(keys), sort=True, observed=True)[["num", "den", "rows"]].sum()
    return clusters[clusters["den"] != 0].reset_index()


def _method(ci_method: str, n_resamples: int) -> str:
    return f"article bootstrap ({ci_method}, {n_resamples} resamples)"


# ----------------------------------------------------------------------------------------------
# group estimates


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


def compare(results, measure: str, by: str | Sequence[str], *, per: str | None = None, filter: Filter = None,
            n_resamples: int = 2000, confidence: float = 0.95, seed: int = 0,
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

    Returns:
        One row per group, sorted by the keys, with columns: the keys, ``measure``, ``per``,
        ``n_articles``, ``n_rows``, ``estimate``, ``ci_low``, ``ci_high``, ``small``,
        ``confidence``, ``seed``, ``method``. Groups of one article have NaN CIs.

    Example:
        How does portrayal of the opposition differ across outlet alignments?

        >>> compare(results, "portrayal", by="alignment", filter={"camp": "opposition"})  # doctest: +SKIP
    """
    keys = _keys(by)
    clusters = _clusters(_prepare(results, keys, filter), keys, measure, per)
    rows = []
    for key, group in clusters.groupby(keys, sort=True, observed=True):
        key = _as_tuple(key)
        num, den = group["num"].to_numpy(), group["den"].to_numpy()
        low, high = _ratio_ci(num, den, n_resamples=n_resamples, confidence=confidence, ci_method=ci_method,
                              rng=_group_rng(seed, key))
        rows.append({**dict(zip(keys, key)), "measure": measure, "per": per, "n_articles": len(group),
                     "n_rows": int(group["rows"].sum()), "estimate": float(_ratio(num, den)),
                     "ci_low": low, "ci_high": high, "small": len(group) < min_articles})
    columns = keys + ["measure", "per", "n_articles", "n_rows", "estimate", "ci_low", "ci_high", "small"]
    out = pd.DataFrame(rows, columns=columns)
    return out.assign(confidence=confidence, seed=seed, method=_method(ci_method, n_resamples))


# ----------------------------------------------------------------------------------------------
# two-group difference


def _select(clusters: pd.DataFrame, keys: list[str], value) -> pd.DataFrame:
    value = _as_tuple(value)
    if len(value) != len(keys):
        raise ValueError(f"group {value!r} does not match the grouping keys {keys!r}")
    mask = np.ones(len(clusters), dtype=bool)
    for key, v in zip(keys, value):
        mask &= (clusters[key] == v).to_numpy()
    return clusters[mask].set_index(clusters["article_id"][mask])[["num", "den"]]


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
    distributional assumption and suits bounded or skewed scores.

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
        ``b``, ``estimate_a``, ``estimate_b``, ``difference``, ``ci_low``, ``ci_high``, ``p_value``,
        ``alternative``, ``cohens_d``, ``cliffs_delta``, ``n_a``, ``n_b`` (articles),
        ``shared_articles``, ``paired``, ``small``, ``confidence``, ``seed``, ``method``.

    Example:
        Are Russian officials reported with more distancing verbs (per quote) in US outlets than US
        officials are in Russian outlets?

        >>> difference_test(results, "distancing_verbs", by=["alignment", "camp"], per="quotes",
        ...                 a=("us_western", "russia"), b=("russia", "us"), alternative="greater")  # doctest: +SKIP
    """
    keys = _keys(by)
    clusters = _clusters(_prepare(results, keys, filter), keys, measure, per)
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
    perm = stats.permutation_test((ia, ib), difference, permutation_type="samples" if paired else "independent",
                                  vectorized=True, n_resamples=n_resamples, alternative=alternative, rng=perm_rng,
                                  batch=_BATCH)
    xa, xb = (g["num"].to_numpy() / g["den"].to_numpy() for g in (ga, gb))
    design = "paired by article" if paired else "independent articles"
    return pd.DataFrame([{
        "measure": measure, "per": per, "by": keys, "a": a, "b": b,
        "estimate_a": float(_ratio(ga["num"].to_numpy(), ga["den"].to_numpy())),
        "estimate_b": float(_ratio(gb["num"].to_numpy(), gb["den"].to_numpy())),
        "difference": observed, "ci_low": low, "ci_high": high,
        "p_value": float(perm.pvalue), "alternative": alternative,
        "cohens_d": _cohens_d(xa, xb), "cliffs_delta": _cliffs_delta(xa, xb),
        "n_a": len(ga), "n_b": len(gb), "shared_articles": len(shared), "paired": paired,
        "small": min(len(ga), len(gb)) < min_articles, "confidence": confidence, "seed": seed,
        "method": f"{_method(ci_method, n_resamples)} + article permutation test, {design}",
    }])


# ----------------------------------------------------------------------------------------------
# shares


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
        low, high = _share_ci(counts, n_resamples=n_resamples, confidence=confidence, ci_method=ci_method,
                              rng=_group_rng(seed, key))
        part = pd.DataFrame({label: categories, "share": totals / totals.sum(), "ci_low": low, "ci_high": high,
                             count_name: np.rint(totals).astype(np.int64), "n_articles": len(group), "small": len(group) < min_articles})
        for name, value in zip(keys, key):
            part.insert(keys.index(name), name, value)
        parts.append(part)
    columns = keys + [label, "share", "ci_low", "ci_high", count_name, "n_articles", "small"]
    out = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=columns)
    return out[columns].assign(confidence=confidence, seed=seed, method=_method(ci_method, n_resamples))


def quote_share_by(results, by: str | Sequence[str] = "alignment", unit: str = "camp", weight: str = "quotes", *,
                   filter: Filter = None, n_resamples: int = 2000, confidence: float = 0.95, seed: int = 0,
                   min_articles: int = MIN_ARTICLES, ci_method: str = "percentile") -> pd.DataFrame:
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

    Returns:
        Columns: the keys, ``unit``'s name, ``share``, ``ci_low``, ``ci_high``, ``quotes`` or
        ``quoted_words`` (the unit's total), ``n_articles`` (articles with quotes in the group),
        ``small``, ``confidence``, ``seed``, ``method``.

    Example:
        Which camp gets the largest share of quotes in Russian-state vs US outlets?

        >>> share = quote_share_by(results, by="alignment", filter={"alignment": ["russia", "us_western"]})  # doctest: +SKIP
        >>> share.loc[share.groupby("alignment")["share"].idxmax()]  # doctest: +SKIP
    """
    if weight not in WEIGHTS:
        raise ValueError(f"weight must be one of {', '.join(WEIGHTS)}, not {weight!r}")
    keys = _keys(by)
    frame = _prepare(results, keys, filter)
    column = WEIGHTS[weight]
    wide = frame.pivot_table(index=_cluster_keys(keys), columns=unit, values=column, aggfunc="sum",
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
        stance), ``n_articles``, ``small``, ``confidence``, ``seed``, ``method``.

    Example:
        What share of Russian officials' quotes do Russian outlets introduce with distancing verbs?

        >>> stance_shares(results, by=["alignment", "camp"], filter={"camp": "russia"})  # doctest: +SKIP
    """
    keys = _keys(by)
    frame = _prepare(results, keys, filter)
    wide = frame.groupby(_cluster_keys(keys), sort=True, observed=True)[[f"stance_{s}" for s in stances]].sum()
    wide.columns = list(stances)
    return _share_table(wide, keys, "stance", "quotes", n_resamples=n_resamples, confidence=confidence, seed=seed,
                        min_articles=min_articles, ci_method=ci_method)


# ----------------------------------------------------------------------------------------------
# labels


def article_labels(results, voice: str = "all") -> pd.DataFrame:
    """Label counts per article x camp: one column per category of :data:`toolkit.labels.CATEGORIES`.

    The per-article x camp counts of issue 18 live here, computed from the ``labels`` table on
    demand, rather than as columns of ``actor_measures``: a label names a camp, not an actor, and
    an article may label a camp it never mentions (SANA's "terrorists"), so the rows would not
    match ``actor_measures``' article x actor rows. Labels naming no camp (``how="unresolved"``)
    are left out.

    Args:
        results: ``Results``-like object with ``labels`` and ``articles`` tables.
        voice: ``"own"`` (labels in the outlet's own voice), ``"quoted"`` (inside quotes) or ``"all"``.

    Returns:
        Columns ``article_id``, ``outlet``, ``alignment``, ``date``, ``camp``, one count column per
        category (``neutral``, ``legitimising``, ``delegitimising``) and ``labels`` (their sum);
        one row per article x camp with at least one label in that voice.
    """
    if voice not in VOICES:
        raise ValueError(f"voice must be one of {', '.join(VOICES)}, not {voice!r}")
    labels, articles = _table(results, "labels"), _table(results, "articles")
    labels = labels[labels["camp"].notna()]
    if voice != "all":
        labels = labels[labels["in_quote"].astype(bool) == (voice == "quoted")]
    columns = ["article_id", "outlet", "alignment", "date", "camp", *CATEGORIES, "labels"]
    if not len(labels):
        return pd.DataFrame(columns=columns).astype({c: np.int64 for c in (*CATEGORIES, "labels")})
    counts = pd.crosstab([labels["article_id"], labels["camp"]], labels["category"])
    counts = counts.reindex(columns=list(CATEGORIES), fill_value=0).astype(np.int64)
    counts.columns = list(CATEGORIES)
    counts["labels"] = counts.sum(axis=1)
    meta = articles[["article_id", "outlet", "alignment", "date"]]
    return meta.merge(counts.reset_index(), on="article_id", how="inner")[columns]


def label_shares(results, by: str | Sequence[str] = "outlet", camp: str | Sequence[str] | None = None,
                 voice: str = "own", *, filter: Filter = None, n_resamples: int = 2000, confidence: float = 0.95,
                 seed: int = 0, min_articles: int = MIN_ARTICLES, ci_method: str = "percentile") -> pd.DataFrame:
    """Share of each label category among the labels naming a camp, within each group.

    How each outlet names each camp (Entman 1993 on naming as framing): of the labels naming the
    opposition in SANA, the share that is delegitimising ("terrorists") vs neutral ("rebels") vs
    legitimising ("revolutionaries"). Same estimator and article-level bootstrap as
    :func:`quote_share_by` (shared code): within a group x camp the category shares sum to 1 and
    the CIs resample that group's articles. The labels and the camp each names come from
    :func:`toolkit.labels.find_labels` (a dictionary method; its precision is
    ``python -m toolkit validate labels``).

    Args:
        results: ``Results``-like object with ``labels`` and ``articles`` tables.
        by: grouping column(s) of the articles (``outlet``, ``alignment``) or a period from ``date``.
        camp: a camp or list of camps to keep (``None``: every camp a label names).
        voice: ``"own"`` (the outlet's own voice, the default), ``"quoted"`` (inside quotes) or ``"all"``.
        filter, n_resamples, confidence, seed, min_articles, ci_method: as in :func:`compare`
            (the filter applies to :func:`article_labels`' rows).

    Returns:
        Columns: the keys, ``camp``, ``category``, ``share``, ``ci_low``, ``ci_high``, ``n`` (labels
        of that category), ``n_articles`` (articles with such labels in the group), ``small``,
        ``voice``, ``confidence``, ``seed``, ``method``.

    Example:
        How do outlets name the opposition in their own voice?

        >>> label_shares(results, by="outlet", camp="opposition")  # doctest: +SKIP
    """
    keys = _keys(by)
    frame = article_labels(results, voice)
    if camp is not None:
        frame = frame[frame["camp"].isin([camp] if isinstance(camp, str) else list(camp))]
    keys = keys + (["camp"] if "camp" not in keys else [])
    frame = _prepare(frame, keys, filter)
    wide = frame.groupby(_cluster_keys(keys), sort=True, observed=True)[list(CATEGORIES)].sum()
    out = _share_table(wide, keys, "category", "n", n_resamples=n_resamples, confidence=confidence, seed=seed,
                       min_articles=min_articles, ci_method=ci_method)
    return out.assign(voice=voice)[[*out.columns[:-3], "voice", *out.columns[-3:]]]
