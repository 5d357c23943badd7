"""Report figures that scale with the corpus: top-N outlets, one small panel per group, main camps only.

The figures of :mod:`toolkit.plots` put every group on one axis, which on real corpora (95
outlets, ten camps) gave PNGs 15,000 pixels wide. Here:

* :func:`pool_outlets` keeps the ``top`` outlets by article count and pools the rest as
  ``"other outlets"`` (in ``articles`` and ``actor_measures``; the other tables have no outlet);
* :func:`main_camps` picks the camps with most mentions and quotes (never ``other``/``unnamed``);
* :func:`share_panels` (quote shares) and :func:`score_panels` (portrayal, voice) draw one small
  panel per group or per camp, bars and points horizontal, so the figure grows downwards, never
  wider than :data:`WIDTH` inches (1,000 pixels at the report's 100 dpi).

The intervals are the tables' ``ci_low``/``ci_high`` (:mod:`toolkit.comparison`), small groups
(``small``) are hatched or hollow, and every panel states its articles.
"""

from __future__ import annotations

import math
from types import SimpleNamespace

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from ..comparison import MIN_ARTICLES
from ..plots import CAMP_PALETTE, palette

__all__ = ["WIDTH", "OTHER_OUTLETS", "pool_outlets", "realign", "main_camps", "share_panels", "score_panels", "TABLES"]

WIDTH = 10.0  # inches: the widest figure of the report
OTHER_OUTLETS = "other outlets"
TABLES = ("articles", "sentences", "mentions", "quotes", "hedges", "labels", "actor_measures", "problems")
_LEAST = ("other", "unnamed")


def pool_outlets(results, top: int = 10, other: str = OTHER_OUTLETS):
    """A ``Results``-like object whose ``outlet`` keeps the ``top`` outlets by articles, the rest ``other``.

    Ties at the cut are broken by name, so the choice is deterministic. ``settings`` are kept and
    gain ``pooled_outlets`` (the outlets kept). With several corpora stacked (a ``corpus`` column),
    an outlet that more than one corpus holds, ``other`` included, is named with its corpus
    (``"sputnik (fakes)"``): the comparison functions group by corpus too, and a figure has one
    panel or point per name.
    """
    counts = results.articles["outlet"].fillna("(none)").value_counts()
    counts = counts.sort_index().sort_values(ascending=False, kind="stable")
    keep = list(counts.index[:top])
    tables = {name: getattr(results, name) for name in TABLES}
    for name in ("articles", "actor_measures"):
        frame = tables[name].copy()
        outlet = frame["outlet"].fillna("(none)")
        frame["outlet"] = outlet.where(outlet.isin(keep), other)
        tables[name] = frame
    if "corpus" in tables["articles"]:
        shared = _in_several_corpora(tables["articles"], "outlet")  # one naming for both tables
        for name in ("articles", "actor_measures"):
            tables[name]["outlet"] = _with_corpus(tables[name], "outlet", shared)
    settings = dict(getattr(results, "settings", {}) or {}, pooled_outlets=keep)
    return SimpleNamespace(**tables, settings=settings)


def main_camps(results, n: int = 5) -> list[str]:
    """The ``n`` camps with most mentions plus quotes in ``actor_measures`` (``other``/``unnamed`` left out)."""
    am = results.actor_measures
    totals = (am.groupby("camp")[["mentions", "quotes"]].sum().sum(axis=1)
              .drop(list(_LEAST), errors="ignore").sort_index().sort_values(ascending=False, kind="stable"))
    return list(totals.index[:n])


def _grid(n_panels: int, ncols: int, row_height: float) -> tuple[Figure, list[plt.Axes]]:
    ncols = max(1, min(ncols, n_panels))
    nrows = max(1, math.ceil(n_panels / ncols))
    fig, axes = plt.subplots(nrows, ncols, figsize=(WIDTH, row_height * nrows + 1.0), squeeze=False,
                             layout="constrained")
    flat = list(axes.ravel())
    for ax in flat[n_panels:]:
        ax.set_visible(False)
    return fig, flat[:n_panels]


def _name(value) -> str:
    return str(value).replace("_", " ")


def _by_corpus(table: pd.DataFrame, by: str) -> pd.DataFrame:
    """``table`` with each ``by`` value that several corpora hold named with its corpus ("sputnik (fakes)").

    The comparison functions group by ``corpus`` too when several corpora are stacked, so an outlet in
    two corpora, or "other outlets" pooled in each, gives one row per corpus: one panel or point each.
    """
    if "corpus" not in table or table.empty:
        return table
    shared = _in_several_corpora(table, by)
    return table.assign(**{by: _with_corpus(table, by, shared)}) if shared else table


def _in_several_corpora(table: pd.DataFrame, by: str) -> set:
    """The ``by`` values that rows of more than one corpus hold."""
    n = table.groupby(by)["corpus"].nunique()
    return set(n[n > 1].index)


def _with_corpus(table: pd.DataFrame, by: str, shared: set) -> list:
    """``table[by]``, each value of ``shared`` named with its row's corpus ("sputnik (fakes)")."""
    return [f"{g} ({c})" if g in shared else g for g, c in zip(table[by], table["corpus"])]


def share_panels(table: pd.DataFrame, by: str, unit: str = "camp", *, title: str, xlabel: str,
                 ncols: int = 3, order: list | None = None, colours: dict | None = None) -> Figure:
    """One panel per ``by`` group: a horizontal bar per ``unit`` with its share and CI.

    Args:
        table: a share table (``quote_share_by``, ``stance_shares``, ``label_shares``): columns
            ``by``, ``unit``, ``share``, ``ci_low``, ``ci_high``, ``n_articles``, ``small``.
        by: the column giving the panels.
        unit: the column giving the bars (their colour from ``colours``, camps by default).
        title: the figure's title.
        xlabel: what the share is of.
        ncols: panels per row.
        order: the panels' order (default: most articles first).
        colours: colour per unit value.

    A ``by`` value that several corpora hold (a ``corpus`` column) gets a panel per corpus.
    """
    table = _by_corpus(table, by)
    groups = order or list(table.groupby(by)["n_articles"].max().sort_index()
                           .sort_values(ascending=False, kind="stable").index)
    units = [u for u in (colours or CAMP_PALETTE) if u in set(table[unit])]
    units += sorted(set(table[unit]) - set(units))
    colour = palette(units, colours or CAMP_PALETTE)
    fig, axes = _grid(len(groups), ncols, 0.28 * len(units) + 0.9)
    for ax, group in zip(axes, groups):
        rows = table[table[by] == group].set_index(unit).reindex(units)
        y = np.arange(len(units))
        share = rows["share"].fillna(0).to_numpy()
        small = bool(rows["small"].fillna(True).any())
        ax.barh(y, share, color=[colour[u] for u in units], hatch="//" if small else None,
                edgecolor="white" if small else None)
        err = np.nan_to_num(np.vstack([share - rows["ci_low"], rows["ci_high"] - share]).astype(float)).clip(min=0)
        ax.errorbar(share, y, xerr=err, fmt="none", ecolor="black", elinewidth=0.8, capsize=2)
        ax.set_yticks(y, [_name(u) for u in units], fontsize=8)
        ax.invert_yaxis()
        ax.set_xlim(0, 1)
        n = int(rows["n_articles"].max()) if rows["n_articles"].notna().any() else 0
        ax.set_title(f"{_name(group)} (n={n}{'*' if small else ''})", fontsize=9, loc="left")
        ax.tick_params(axis="x", labelsize=8)
        ax.set_xlabel(xlabel, fontsize=8)
    fig.suptitle(title, fontsize=11)
    fig.supxlabel(f"bars: 95% article-bootstrap CI; n = articles; * and hatched: fewer than {MIN_ARTICLES} "
                  "articles", x=0.01, ha="left", fontsize=7, color="#555555")
    return fig


def score_panels(table: pd.DataFrame, by: str, *, title: str, xlabel: str, camps: list[str] | None = None,
                 ncols: int = 3, order: list | None = None) -> Figure:
    """One panel per camp: a point per ``by`` group with its mean score, CI and articles (hollow: small).

    Args:
        table: a ``compare`` table grouped by ``[by, "camp"]`` (``estimate``, ``ci_low``, ``ci_high``,
            ``n_articles``, ``small``).
        by: the groups on the vertical axis of every panel (e.g. outlets, top-N pooled).
        title: the figure's title.
        xlabel: what the score is.
        camps: the panels (default: every camp of the table, in palette order).
        ncols: panels per row.
        order: the groups' order (default: most articles first).

    A ``by`` value that several corpora hold (a ``corpus`` column) gets a point per corpus.
    """
    table = _by_corpus(table, by)
    camps = camps or [c for c in CAMP_PALETTE if c in set(table["camp"])]
    table = table[table["camp"].isin(camps)]
    groups = order or list(table.groupby(by)["n_articles"].sum().sort_index()
                           .sort_values(ascending=False, kind="stable").index)
    colour = palette(camps)
    fig, axes = _grid(len(camps), ncols, 0.26 * len(groups) + 1.0)
    lo = float(np.nanmin(table["ci_low"].fillna(table["estimate"]))) if len(table) else -1
    hi = float(np.nanmax(table["ci_high"].fillna(table["estimate"]))) if len(table) else 1
    pad = 0.1 * (hi - lo or 1)
    for ax, camp in zip(axes, camps):
        rows = table[table["camp"] == camp].set_index(by).reindex(groups)
        y = np.arange(len(groups))
        est = rows["estimate"].to_numpy(dtype=float)
        err = np.nan_to_num(np.vstack([est - rows["ci_low"], rows["ci_high"] - est]).astype(float)).clip(min=0)
        ax.errorbar(est, y, xerr=err, fmt="none", ecolor=colour[camp], elinewidth=1, capsize=2)
        small = rows["small"].fillna(True).astype(bool).to_numpy()
        ax.scatter(est, y, s=22, color=colour[camp], facecolors=np.where(small, "white", colour[camp]), zorder=3)
        ax.axvline(0, color="#999999", lw=0.8, ls="--")
        labels = [f"{_name(g)} ({int(n) if not pd.isna(n) else 0})" for g, n in zip(groups, rows["n_articles"])]
        ax.set_yticks(y, labels, fontsize=7)
        ax.invert_yaxis()
        ax.set_xlim(lo - pad, hi + pad)
        ax.set_title(_name(camp), fontsize=9, loc="left", color=colour[camp])
        ax.tick_params(axis="x", labelsize=7)
        ax.set_xlabel(xlabel, fontsize=8)
    fig.suptitle(title, fontsize=11)
    fig.supxlabel(f"whiskers: 95% article-bootstrap CI; (n) = articles; hollow: fewer than {MIN_ARTICLES} articles",
                  x=0.01, ha="left", fontsize=7, color="#555555")
    return fig


def realign(results, path):
    """A ``Results``-like object whose outlets take their alignment from an outlet table (``outlets.yml`` format).

    The report's ``alignment`` option: outlets listed in ``path`` get that alignment in
    ``articles`` and ``actor_measures``; the others keep theirs.
    """
    from ..corpus import load_outlet_table

    table = load_outlet_table(path)
    tables = {name: getattr(results, name) for name in TABLES}
    for name in ("articles", "actor_measures"):
        frame = tables[name].copy()
        frame["alignment"] = [table.get(str(o).lower(), a) if o is not None else a
                              for o, a in zip(frame["outlet"], frame["alignment"])]
        tables[name] = frame
    settings = dict(getattr(results, "settings", {}) or {}, alignment_file=str(path))
    return SimpleNamespace(**tables, settings=settings)
