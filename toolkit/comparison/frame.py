"""Shared preparation of the comparison tables: the grouping keys, filters, periods, article clusters
and per-group random streams (see :mod:`toolkit.comparison`)."""

from __future__ import annotations

import zlib
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

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


def _ids(frame: pd.DataFrame) -> list[str]:
    """The columns naming an article: ``article_id``, after ``corpus`` when the table has one (several
    corpora stacked by ``concat_results`` may reuse an id)."""
    return (["corpus"] if "corpus" in frame.columns else []) + ["article_id"]


def _cluster_keys(keys: list[str], frame: pd.DataFrame) -> list[str]:
    """Grouping keys plus the article's id columns (once, also when grouping by article)."""
    return list(dict.fromkeys(keys + _ids(frame)))


def _with_corpus(frame: pd.DataFrame, keys: list[str]) -> list[str]:
    """``keys`` with ``corpus`` in front of ``outlet`` when the table stacks several corpora.

    Two corpora may use the same outlet key for different sources; grouping by outlet keeps them
    apart. Other groupings (alignment, camp, periods) pool the corpora, as asked.
    """
    if "outlet" in keys and "corpus" not in keys and "corpus" in frame.columns and frame["corpus"].nunique() > 1:
        at = keys.index("outlet")
        return keys[:at] + ["corpus"] + keys[at:]
    return keys


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
    for column in _cluster_keys(keys, frame):
        data[column] = frame.loc[valid, column]
    clusters = data.groupby(_cluster_keys(keys, frame), sort=True, observed=True)[["num", "den", "rows"]].sum()
    return clusters[clusters["den"] != 0].reset_index()


def _method(ci_method: str, n_resamples: int) -> str:
    return f"article bootstrap ({ci_method}, {n_resamples} resamples)"

