"""Choosing portrayal's news labels (:mod:`toolkit.sentiment.news`) by leave-one-set-out over spot sets.

The decision rule (issue 20 round 15, fixed in commit 093ef0e before any fold figure): in each fold the
follower-noun rule is adopted when, on the training sets, it changes at least one label and lowers
neither any set's accuracy nor its macro-F1; the band is the value of :data:`GRID` with the highest pooled
macro-F1 on the training sets (ties: higher pooled accuracy, then the smaller band); the held-out set is
scored with the fold's choice. A change ships when the held-out macro-F1 beats the unchanged model's in
at least 2 of 3 folds and the pooled held-out accuracy does not fall. The sets are the three dev sets
``portrayal_real``, ``portrayal_fresh`` and ``portrayal_fresh2`` of ``toolkit/validate/gold/`` (never the
held-out ``portrayal_fresh3``) read by :func:`toolkit.validate.spot.read_spot` (``python
tools/portrayal_band_loso.py`` prints every figure of docs/training.md); the scorer is passed in
(``metric(gold, predicted) -> (accuracy, macro_f1)``), so this module stays below :mod:`toolkit.validate`.
Limit: three sets of 40, one mention moves a set by 0.025; the rule was read off all three sets and the
pooled in-sample band curve had been seen before the decision rule was written, so the fold figures are
optimistic (the held-out set is the forward check).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from .api import portrayal
from .context import target_context
from .news import follower_modifier, news_label
from .records import TargetSentiment

__all__ = ["GRID", "SpotMention", "Choice", "Fold", "spot_mention", "news_predictions", "choose",
           "leave_one_set_out"]

GRID = tuple(round(0.05 * i, 2) for i in range(17))
"""The bands tried: 0.00 to 0.80 in steps of 0.05."""

Metric = Callable[[Sequence[str], Sequence[str]], tuple[float, float]]


@dataclass(frozen=True)
class SpotMention:
    """One labelled mention: its gold label, the backend's own result and whether the follower rule fires."""

    gold: str
    result: TargetSentiment
    follower: bool


@dataclass(frozen=True)
class Choice:
    """A setting of the news labels: the band and whether the follower-noun rule is on."""

    band: float
    rule: bool


@dataclass(frozen=True)
class Fold:
    """One fold: the held-out set, the choice made on the others, its held-out and baseline figures."""

    held_out: str
    choice: Choice
    accuracy: float
    macro_f1: float
    base_accuracy: float
    base_macro_f1: float
    predicted: tuple[str, ...]


def spot_mention(text: str, start: int, end: int, gold: str, backend="default") -> SpotMention:
    """The mention ``text[start:end]`` with its gold label, the backend's own portrayal result
    (``news=False``) and the follower rule's reading."""
    result = portrayal(text, [(start, end)], backend=backend, news=False)[0]
    return SpotMention(gold, result, follower_modifier(target_context(text, start, end)))


def news_predictions(rows: Sequence[SpotMention], choice: Choice) -> list[str]:
    """The news label of each mention under ``choice``."""
    return [news_label(m.result, choice.band, choice.rule and m.follower).label for m in rows]


def _score(rows: Sequence[SpotMention], choice: Choice, metric: Metric) -> tuple[float, float]:
    return metric([m.gold for m in rows], news_predictions(rows, choice))


def choose(sets: Mapping[str, Sequence[SpotMention]], metric: Metric, grid: Sequence[float] = GRID) -> Choice:
    """The decision rule on ``sets`` (the training sets of a fold): the rule, then the band."""
    off, on = Choice(0.0, False), Choice(0.0, True)
    changed = any(a != b for rows in sets.values()
                  for a, b in zip(news_predictions(rows, off), news_predictions(rows, on)))
    rule = changed and all(x >= y for rows in sets.values()
                           for x, y in zip(_score(rows, on, metric), _score(rows, off, metric)))
    pooled = [m for rows in sets.values() for m in rows]

    def key(band: float) -> tuple[float, float, float]:
        acc, f1 = _score(pooled, Choice(band, rule), metric)
        return f1, acc, -band

    return Choice(max(grid, key=key), rule)


def leave_one_set_out(sets: Mapping[str, Sequence[SpotMention]], metric: Metric,
                      grid: Sequence[float] = GRID) -> list[Fold]:
    """Each set held out in turn, scored with :func:`choose` of the others, beside the unchanged labels."""
    folds = []
    for held, rows in sets.items():
        choice = choose({n: r for n, r in sets.items() if n != held}, metric, grid)
        acc, f1 = _score(rows, choice, metric)
        base_acc, base_f1 = metric([m.gold for m in rows], [m.result.label for m in rows])
        folds.append(Fold(held, choice, acc, f1, base_acc, base_f1, tuple(news_predictions(rows, choice))))
    return folds
