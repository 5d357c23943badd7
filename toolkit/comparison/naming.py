"""How outlets name the camps: label counts per article x camp and label-category shares."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..labels import CATEGORIES
from .frame import MIN_ARTICLES, VOICES, Filter, _cluster_keys, _keys, _ids, _prepare, _table, _with_corpus
from .shares import _share_table

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
        Columns (``corpus`` when the articles have one), ``article_id``, ``outlet``, ``alignment``, ``date``, ``camp``, one count column per
        category (``neutral``, ``legitimising``, ``delegitimising``) and ``labels`` (their sum);
        one row per article x camp with at least one label in that voice.
    """
    if voice not in VOICES:
        raise ValueError(f"voice must be one of {', '.join(VOICES)}, not {voice!r}")
    labels, articles = _table(results, "labels"), _table(results, "articles")
    labels = labels[labels["camp"].notna()]
    if voice != "all":
        labels = labels[labels["in_quote"].astype(bool) == (voice == "quoted")]
    ids = [c for c in _ids(articles) if c in labels.columns] or ["article_id"]
    corpus = ["corpus"] if "corpus" in articles.columns else []
    columns = [*corpus, "article_id", "outlet", "alignment", "date", "camp", *CATEGORIES, "labels"]
    if not len(labels):
        return pd.DataFrame(columns=columns).astype({c: np.int64 for c in (*CATEGORIES, "labels")})
    counts = pd.crosstab([labels[c] for c in ids] + [labels["camp"]], labels["category"])
    counts = counts.reindex(columns=list(CATEGORIES), fill_value=0).astype(np.int64)
    counts.columns = list(CATEGORIES)
    counts["labels"] = counts.sum(axis=1)
    meta = articles[[*corpus, "article_id", "outlet", "alignment", "date"]]
    return meta.merge(counts.reset_index(), on=ids, how="inner")[columns]


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
        ``interval``, ``degenerate``, ``voice``, ``confidence``, ``seed``, ``method``.

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
    keys = _with_corpus(frame, keys)
    wide = frame.groupby(_cluster_keys(keys, frame), sort=True, observed=True)[list(CATEGORIES)].sum()
    out = _share_table(wide, keys, "category", "n", n_resamples=n_resamples, confidence=confidence, seed=seed,
                       min_articles=min_articles, ci_method=ci_method)
    return out.assign(voice=voice)[[*out.columns[:-3], "voice", *out.columns[-3:]]]
