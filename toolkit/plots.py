"""Figures of framing measures per camp and outlet, with the article-bootstrap CIs of :mod:`toolkit.comparison`.

Each function takes a ``Results``-like object (or an ``actor_measures``-like DataFrame), computes the
table with :mod:`toolkit.comparison` (extra keyword arguments go there: ``filter``, ``seed``,
``n_resamples`` ...), or takes such a table directly, and returns the matplotlib ``Figure``. The
interval drawn is the table's ``ci_low``/``ci_high`` (so the figure and the table always agree),
the number of articles is written on the figure, and groups with fewer than ``min_articles``
articles are marked. Camps have one colour throughout (:data:`CAMP_PALETTE`).

Example::

    fig = quote_share(results, by="alignment")
    fig.savefig("quote_share.png", dpi=150)
"""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.figure import Figure

from .comparison import MIN_ARTICLES, compare, label_shares, quote_share_by, stance_shares
from .labels import CATEGORIES
from .vocab import STANCES

__all__ = ["CAMP_PALETTE", "STANCE_PALETTE", "CATEGORY_PALETTE", "palette", "quote_share", "sentiment",
           "hedging_heatmap", "stance_profile", "timeline", "label_mix"]

#: One colour per actor camp (``docs/CONTRACTS.md`` vocabulary), used by every figure.
CAMP_PALETTE = {
    "russia": "#d62728", "us": "#1f77b4", "opposition": "#2ca02c", "syria_government": "#8c564b",
    "iran": "#bcbd22", "turkey": "#ff7f0e", "un": "#17becf", "isis": "#9467bd", "other": "#7f7f7f",
    "unnamed": "#c7c7c7",
}
#: One colour per attribution-verb stance.
STANCE_PALETTE = {"neutral": "#bababa", "assertive": "#4dac26", "concession": "#0571b0",
                  "distancing": "#f4a582", "denial": "#ca0020"}
#: One colour per label category (``toolkit.labels.CATEGORIES``).
CATEGORY_PALETTE = {"neutral": "#bababa", "legitimising": "#4dac26", "delegitimising": "#ca0020"}
_OTHER_COLOUR = "#525252"
_FREQ_PERIODS = {"D": "day", "W": "week", "M": "month", "MS": "month", "ME": "month", "Q": "quarter",
                 "QS": "quarter", "Y": "year", "YS": "year"}


def palette(levels: Sequence[str], colours: dict[str, str] = CAMP_PALETTE) -> dict[str, str]:
    """Colours for ``levels`` from ``colours`` (camps by default); unknown levels are dark grey."""
    return {level: colours.get(level, _OTHER_COLOUR) for level in levels}


def _ordered(levels, preferred: Sequence[str]) -> list:
    """``levels`` with the ``preferred`` ones first in that order, then the rest sorted."""
    levels = list(pd.unique(pd.Series(list(levels)).dropna()))
    return [p for p in preferred if p in levels] + sorted(v for v in levels if v not in preferred)


def _label(value) -> str:
    return value.strftime("%Y-%m-%d") if isinstance(value, pd.Timestamp) else str(value).replace("_", " ")


def _is_table(data, column: str) -> bool:
    return isinstance(data, pd.DataFrame) and column in data.columns


def _axes(ax, figsize) -> tuple[Figure, plt.Axes]:
    if ax is not None:
        return ax.figure, ax
    return plt.subplots(figsize=figsize, layout="constrained")


def _yerr(value: pd.Series, low: pd.Series, high: pd.Series) -> np.ndarray:
    """Asymmetric error bar lengths; groups without a CI (one article) get none."""
    return np.nan_to_num(np.vstack([value - low, high - value]).astype(float), nan=0.0).clip(min=0)


def _footnote(fig: Figure, text: str) -> None:
    fig.supxlabel(text, x=0.01, ha="left", fontsize=7, color="#555555")


def _subset(compare_kwargs: dict) -> str:
    """Title suffix naming a dict filter, e.g. `` (camp: russia)``."""
    spec = compare_kwargs.get("filter")
    if not isinstance(spec, dict):
        return " (filtered)" if spec is not None else ""
    return " (" + "; ".join(f"{k}: {v if isinstance(v, str) else ', '.join(map(str, v))}"
                            for k, v in spec.items()) + ")"


def _legend(ax: plt.Axes, title: str) -> None:
    ax.legend(title=title, fontsize=8, title_fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)


def _ci_note(table: pd.DataFrame) -> str:
    conf = table["confidence"].iloc[0] if "confidence" in table and len(table) else 0.95
    seed = f", seed {table['seed'].iloc[0]}" if "seed" in table and len(table) else ""
    return f"bars: {conf:.0%} article-bootstrap CI{seed}; * fewer than {MIN_ARTICLES} articles"


def _bars(table: pd.DataFrame, x: str, hue: str, colours: dict[str, str], preferred: Sequence[str],
          ax: plt.Axes) -> list:
    """Grouped bars of ``share`` (x groups, hue categories) with the table's CIs; returns the x order."""
    order = _ordered(table[x], [])
    hue_order = _ordered(table[hue], preferred)
    sns.barplot(table, x=x, y="share", hue=hue, order=order, hue_order=hue_order,
                palette=palette(hue_order, colours), saturation=1, errorbar=None, ax=ax)
    indexed = table.set_index([x, hue])
    for container, level in zip(ax.containers, hue_order):
        centres = [bar.get_x() + bar.get_width() / 2 for bar in container]
        rows = indexed.loc[[(order[int(round(c))], level) for c in centres]]
        ax.errorbar(centres, rows["share"], yerr=_yerr(rows["share"], rows["ci_low"], rows["ci_high"]),
                    fmt="none", ecolor="black", elinewidth=0.8, capsize=2)
    counts = table.groupby(x, sort=False)[["n_articles", "small"]].first()
    ax.set_xticks(range(len(order)), [f"{_label(g)}\nn={counts.loc[g, 'n_articles']}"
                                      f"{'*' if counts.loc[g, 'small'] else ''}" for g in order])
    ax.set_ylim(0, min(1.0, max(0.05, float(np.nanmax(table["ci_high"].fillna(table["share"]))) * 1.1)))
    ax.set_xlabel(x.replace("_", " "))
    return order


def quote_share(data, by: str = "outlet", unit: str = "camp", weight: str = "quotes", *, ax=None,
                **compare_kwargs) -> Figure:
    """Bars of the share of quotes going to each camp within each group, with bootstrap CIs.

    Args:
        data: ``Results``-like object, ``actor_measures``-like DataFrame, or a table from
            :func:`toolkit.comparison.quote_share_by` (then ``by``/``unit`` name its columns).
        by: grouping column (one), e.g. ``"outlet"`` or ``"alignment"``.
        unit: who is quoted: ``"camp"`` or ``"actor"``.
        weight: ``"quotes"`` or ``"words"``.
        ax: axes to draw on (default: a new figure).
        **compare_kwargs: passed to :func:`toolkit.comparison.quote_share_by`.

    Returns:
        The Figure: one bar per group x unit; x labels give each group's number of articles with quotes.

    Example:
        >>> quote_share(results, by="alignment")  # doctest: +SKIP
    """
    table = data if _is_table(data, "share") else quote_share_by(data, by=by, unit=unit, weight=weight,
                                                                 **compare_kwargs)
    n_groups, n_units = table[by].nunique(), table[unit].nunique()
    fig, ax = _axes(ax, (max(6.0, 0.25 * n_groups * n_units + 2), 4.5))
    _bars(table, by, unit, CAMP_PALETTE, list(CAMP_PALETTE), ax)
    what = "quoted words" if weight == "words" else "quotes"
    ax.set_ylabel(f"share of {what}")
    ax.set_title(f"Who is quoted: share of {what} going to each {unit}, by {by.replace('_', ' ')}"
                 + _subset(compare_kwargs))
    _legend(ax, unit)
    _footnote(fig, _ci_note(table) + "; n = articles with quotes")
    return fig


def stance_profile(data, by: str = "camp", *, ax=None, **compare_kwargs) -> Figure:
    """Bars of the share of attribution verbs of each stance (columns ``stance_*``) per camp.

    Args:
        data: ``Results``-like object, ``actor_measures``-like DataFrame, or a table from
            :func:`toolkit.comparison.stance_shares`.
        by: grouping column (one), ``"camp"`` by default.
        ax: axes to draw on.
        **compare_kwargs: passed to :func:`toolkit.comparison.stance_shares` (e.g. ``filter``).

    Returns:
        The Figure: one bar per group x stance with bootstrap CIs.

    Example:
        >>> stance_profile(results, filter={"alignment": "us_western"})  # doctest: +SKIP
    """
    table = data if _is_table(data, "stance") else stance_shares(data, by=by, **compare_kwargs)
    fig, ax = _axes(ax, (max(6.0, 0.9 * table[by].nunique() + 2), 4.5))
    _bars(table, by, "stance", STANCE_PALETTE, list(STANCES), ax)
    ax.set_ylabel("share of attribution verbs")
    ax.set_title(f"How quotes are introduced: attribution-verb stance per {by.replace('_', ' ')}"
                 + _subset(compare_kwargs))
    _legend(ax, "verb stance")
    _footnote(fig, _ci_note(table) + "; n = articles with quotes")
    return fig


def sentiment(data, kind: str = "portrayal", by: str = "outlet", *, ax=None, **compare_kwargs) -> Figure:
    """Points of mean sentiment per camp within each group, with bootstrap CIs.

    ``portrayal`` is how the outlet's own sentences about an actor read, ``voice`` how the actor's
    quoted words read (see :mod:`toolkit.sentiment`); any other numeric column (e.g.
    ``portrayal_vader``) works too.

    Args:
        data: ``Results``-like object, ``actor_measures``-like DataFrame, or a
            :func:`toolkit.comparison.compare` table grouped by ``[by, "camp"]``.
        kind: the sentiment column.
        by: grouping column on the x axis.
        ax: axes to draw on.
        **compare_kwargs: passed to :func:`toolkit.comparison.compare`.

    Returns:
        The Figure: one point per group x camp, dodged, with its CI and its number of articles;
        hollow points are small groups.

    Example:
        >>> sentiment(results, kind="voice", by="alignment")  # doctest: +SKIP
    """
    table = data if _is_table(data, "estimate") else compare(data, kind, by=[by, "camp"], **compare_kwargs)
    order = _ordered(table[by], [])
    camps = _ordered(table["camp"], list(CAMP_PALETTE))
    colours = palette(camps)
    fig, ax = _axes(ax, (max(6.0, 0.5 * len(order) * len(camps) ** 0.5 + 3), 4.5))
    step = 0.8 / len(camps)
    position = {g: i for i, g in enumerate(order)}
    for k, camp in enumerate(camps):
        rows = table[table["camp"] == camp]
        xs = rows[by].map(position).to_numpy() - 0.4 + (k + 0.5) * step
        ax.errorbar(xs, rows["estimate"], yerr=_yerr(rows["estimate"], rows["ci_low"], rows["ci_high"]),
                    fmt="none", ecolor=colours[camp], elinewidth=1, capsize=2)
        ax.scatter(xs, rows["estimate"], s=30, color=colours[camp], label=camp, zorder=3,
                   facecolors=np.where(rows["small"], "white", colours[camp]))
        for x, y, n in zip(xs, rows["ci_high"].fillna(rows["estimate"]), rows["n_articles"]):
            ax.annotate(str(n), (x, y), xytext=(0, 2), textcoords="offset points", ha="center", va="bottom",
                        fontsize=6, color="#444444")
    ax.axhline(0, color="#999999", lw=0.8, ls="--")
    ax.set_xticks(range(len(order)), [_label(g) for g in order])
    ax.set_xlabel(by.replace("_", " "))
    ax.set_ylabel(f"mean {kind} score (article x actor rows)")
    ax.set_title(f"{kind.replace('_', ' ').capitalize()} sentiment toward each camp, by {by.replace('_', ' ')}"
                 + _subset(compare_kwargs))
    _legend(ax, "camp")
    _footnote(fig, _ci_note(table).replace("bars", "whiskers").replace("* fewer", "hollow: fewer")
              + "; numbers = articles")
    return fig


def hedging_heatmap(data, measure: str = "distancing_hedges", *, rows: str = "camp", columns: str = "outlet",
                    per: str | None = None, ax=None, **compare_kwargs) -> Figure:
    """Heatmap of a hedging measure, camp x outlet, annotated with the estimate and the articles.

    ``distancing_hedges`` counts hedges in the outlet's own sentences about the actor,
    ``own_hedges`` hedges inside the actor's quoted words (see ``docs/CONTRACTS.md``).

    Args:
        data: ``Results``-like object, ``actor_measures``-like DataFrame, or a
            :func:`toolkit.comparison.compare` table grouped by ``[rows, columns]``.
        measure: numeric column (any, e.g. ``"distancing_verbs"``).
        rows: grouping column on the rows.
        columns: grouping column on the columns.
        per: denominator (e.g. ``"mentions"``), as in :func:`toolkit.comparison.compare`.
        ax: axes to draw on.
        **compare_kwargs: passed to :func:`toolkit.comparison.compare`.

    Returns:
        The Figure: cells coloured by the estimate, annotated ``estimate``, ``[CI]`` and
        ``n=articles`` (``*`` marks small groups); empty cells have no rows.

    Example:
        >>> hedging_heatmap(results, measure="own_hedges", per="quotes")  # doctest: +SKIP
    """
    table = data if _is_table(data, "estimate") else compare(data, measure, by=[rows, columns], per=per,
                                                              **compare_kwargs)
    row_order = _ordered(table[rows], list(CAMP_PALETTE))
    col_order = _ordered(table[columns], [])
    grid = table.pivot(index=rows, columns=columns, values="estimate").reindex(index=row_order, columns=col_order)
    text = table.assign(text=[
        f"{r.estimate:.2f}\n[{r.ci_low:.2f}, {r.ci_high:.2f}]\nn={r.n_articles}{'*' if r.small else ''}"
        for r in table.itertuples()])
    labels = text.pivot(index=rows, columns=columns, values="text").reindex(index=row_order, columns=col_order)
    fig, ax = _axes(ax, (1.3 * len(col_order) + 3, 0.8 * len(row_order) + 2))
    what = measure.replace("_", " ") + (f" per {per.rstrip('s')}" if per else " per article x actor row")
    sns.heatmap(grid, annot=labels.fillna(""), fmt="", cmap="mako_r", annot_kws={"fontsize": 6},
                cbar_kws={"label": what}, linewidths=0.5, ax=ax)
    ax.set_yticks(np.arange(len(row_order)) + 0.5, [_label(r) for r in row_order], rotation=0)
    ax.set_xticks(np.arange(len(col_order)) + 0.5, [_label(c) for c in col_order])
    ax.set_xlabel(columns.replace("_", " "))
    ax.set_ylabel(rows.replace("_", " "))
    ax.set_title(f"{what.capitalize()}, {rows.replace('_', ' ')} x {columns.replace('_', ' ')}"
                 + _subset(compare_kwargs))
    _footnote(fig, _ci_note(table).replace("bars", "brackets"))
    return fig


def timeline(data, measure: str, freq: str = "W", *, hue: str | None = "camp", per: str | None = None,
             smooth: int = 1, **compare_kwargs) -> Figure:
    """A measure over time (period from ``date``) with a bootstrap CI band, and articles per period.

    Args:
        data: ``Results``-like object, ``actor_measures``-like DataFrame, or a
            :func:`toolkit.comparison.compare` table grouped by ``[period, hue]``.
        measure: numeric column.
        freq: ``"D"``, ``"W"``, ``"M"``, ``"Q"`` or ``"Y"``.
        hue: one line per value of this column (``None``: one line for everything).
        per: denominator, as in :func:`toolkit.comparison.compare`.
        smooth: draw the centred rolling mean over this many periods of each line's estimate and
            CI bounds (1: none); the counts panel stays unsmoothed. A display aid: the table is not.
        **compare_kwargs: passed to :func:`toolkit.comparison.compare` (``filter={"camp": [...]}``
            keeps the main camps only).

    Returns:
        The Figure: top axes the estimate per period (hollow markers: small groups), bottom axes
        the number of articles per period.

    Example:
        >>> timeline(results, "quotes", freq="M", filter={"alignment": "russia"})  # doctest: +SKIP
    """
    if freq not in _FREQ_PERIODS:
        raise ValueError(f"freq must be one of {', '.join(_FREQ_PERIODS)}, not {freq!r}")
    period = _FREQ_PERIODS[freq]
    keys = [period] + ([hue] if hue else [])
    table = data if _is_table(data, "estimate") else compare(data, measure, by=keys, per=per, **compare_kwargs)
    table = table.assign(_line=table[hue] if hue else measure)
    if smooth > 1:
        table = table.sort_values(period)
        rolled = table.groupby("_line")[["estimate", "ci_low", "ci_high"]].transform(
            lambda s: s.rolling(smooth, center=True, min_periods=1).mean())
        table = table.assign(**{c: rolled[c] for c in rolled.columns})
    lines = _ordered(table["_line"], list(CAMP_PALETTE))
    colours = palette(lines)
    fig, (top, bottom) = plt.subplots(2, 1, sharex=True, figsize=(9, 5.5), height_ratios=(3, 1), layout="constrained")
    sns.lineplot(table, x=period, y="estimate", hue="_line", hue_order=lines, palette=colours, errorbar=None,
                 ax=top, legend=bool(hue))
    for line in lines:
        rows = table[table["_line"] == line].sort_values(period)
        top.fill_between(rows[period], rows["ci_low"], rows["ci_high"], color=colours[line], alpha=0.2, lw=0)
        top.scatter(rows[period], rows["estimate"], s=14, color=colours[line], zorder=3,
                    facecolors=np.where(rows["small"], "white", colours[line]))
    sns.lineplot(table, x=period, y="n_articles", hue="_line", hue_order=lines, palette=colours, errorbar=None,
                 ax=bottom, legend=False, drawstyle="steps-mid")
    what = measure.replace("_", " ") + (f" per {per.rstrip('s')}" if per else " per article x actor row")
    top.set_ylabel(what)
    top.set_title(f"{what.capitalize()} by {period}" + (f" and {hue}" if hue else "") + _subset(compare_kwargs)
                  + (f", rolling mean of {smooth} {period}s" if smooth > 1 else ""))
    if hue:
        _legend(top, hue)
    bottom.set_ylabel("articles")
    bottom.set_xlabel(period)
    _footnote(fig, _ci_note(table).replace("bars", "bands").replace("* fewer", "hollow: fewer"))
    return fig


def label_mix(data, camp: str, by: str = "outlet", **compare_kwargs) -> Figure:
    """How each group names one camp: the share of each label category, own voice beside quoted.

    Two panels, one above the other: labels in the outlet's own voice (top) and inside quotes
    (bottom), one group of bars per ``by`` value, one bar per category (neutral, legitimising,
    delegitimising) with its article-bootstrap CI from :func:`toolkit.comparison.label_shares`.

    Args:
        data: ``Results``-like object, or a :func:`toolkit.comparison.label_shares` table (or two
            concatenated, one per voice) with ``by``, ``camp``, ``category`` and ``voice`` columns.
        camp: the camp named, e.g. ``"opposition"``.
        by: grouping column (one), ``"outlet"`` or ``"alignment"``.
        **compare_kwargs: passed to :func:`toolkit.comparison.label_shares` (``filter``, ``seed`` ...).

    Returns:
        The Figure; x labels give each group's number of articles with labels naming the camp in
        that voice; a panel without any such label says so.

    Example:
        >>> label_mix(results, camp="opposition", by="outlet")  # doctest: +SKIP
    """
    if _is_table(data, "share"):
        table = data[data["camp"] == camp]
    else:
        table = pd.concat([label_shares(data, by=by, camp=camp, voice=v, **compare_kwargs) for v in ("own", "quoted")],
                          ignore_index=True)
    n_groups = max(int(table[by].nunique()), 1)
    fig, axes = plt.subplots(2, 1, figsize=(max(8.0, 0.85 * n_groups + 2), 8), layout="constrained")
    for ax, voice, title in zip(axes, ("own", "quoted"), ("in the outlet's own voice", "inside quotes")):
        part = table[table["voice"] == voice]
        if len(part):
            _bars(part, by, "category", CATEGORY_PALETTE, CATEGORIES, ax)
            ax.get_legend().remove()
        else:
            ax.text(0.5, 0.5, "no labels", ha="center", va="center", transform=ax.transAxes, color="#555555")
        ax.set_title(title, fontsize=10, loc="left")
        ax.set_ylabel("share of labels")
        ax.set_ylim(0, 1)
    handles = [plt.Rectangle((0, 0), 1, 1, color=CATEGORY_PALETTE[c]) for c in CATEGORIES]
    axes[0].legend(handles, CATEGORIES, title="category", fontsize=8, title_fontsize=8, loc="upper left",
                   bbox_to_anchor=(1.01, 1), frameon=False)
    fig.suptitle(f"How each {by.replace('_', ' ')} names {_label(camp)}: label categories" + _subset(compare_kwargs))
    _footnote(fig, _ci_note(table) + "; n = articles with labels naming the camp")
    return fig
