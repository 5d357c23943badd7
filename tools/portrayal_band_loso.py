"""Issue 20 round 15: portrayal's news labels chosen by leave-one-set-out over the three dev portrayal spot sets.

Prints every figure docs/training.md states for :mod:`toolkit.sentiment.news` (one labelled line each):

* the sets: mentions per gold class, the mentions the follower-noun rule fires on (with the noun);
* the baseline (the backend's own arg-max labels, ``news=False``) per set and pooled, always-neutral pooled,
  and how many of the baseline's wrong labels are polar labels of neutral mentions;
* the folds of :func:`toolkit.sentiment.news_choice.leave_one_set_out` (choice, held-out accuracy / macro-F1
  against the baseline), pooled over the 120 held-out labels;
* the band alone in the same folds (the rule switched off before choosing);
* the choice on all three sets and its in-sample figures per set and pooled, with the per-class recall of
  the baseline and of the shipped setting (in sample).

Usage: ``python tools/portrayal_band_loso.py [--backend default]`` (reads ``$NARRATIVE_SHARED``). Only the
dev sets of :data:`SETS` are read; the held-out ``portrayal_fresh3`` is never opened. Limits: 40 mentions a
set (one mention moves a set's accuracy by 0.025); the band curve pooled over the three sets had been seen
before the decision rule was written, so the fold figures are optimistic.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import replace

from toolkit.paths import shared_path
from toolkit.sentiment import LABELS
from toolkit.sentiment.context import target_context
from toolkit.sentiment.news_choice import SpotMention, choose, leave_one_set_out, news_predictions, spot_mention
from toolkit.validate import spot
from toolkit.validate.metrics import accuracy, macro_f1

SETS = ("portrayal_real.jsonl", "portrayal_fresh.jsonl", "portrayal_fresh2.jsonl")
"""The dev portrayal sets (never the held-out one)."""


def metric(gold: Sequence[str], pred: Sequence[str]) -> tuple[float, float]:
    """Accuracy and macro-F1 over the three labels."""
    return accuracy(gold, pred), macro_f1(gold, pred, tuple(LABELS))


def _fig(pair: tuple[float, float]) -> str:
    return f"{pair[0]:.3f} / {pair[1]:.3f}"


def _recall(gold: Sequence[str], pred: Sequence[str]) -> str:
    return ", ".join(f"{label} {sum(g == p == label for g, p in zip(gold, pred))} of {gold.count(label)}"
                     for label in LABELS)


def load_sets(corpora, backend: str) -> tuple[dict[str, list[SpotMention]], dict[str, list[str]]]:
    """Each dev set's mentions (gold, the backend's own result, the rule's reading) and the noun the rule
    fires on per firing mention."""
    loaded: dict = {}
    sets, fired = {}, {}
    for name in SETS:
        rows, nouns = [], []
        for r, a in spot.read_spot(name, corpora, loaded):
            m = spot_mention(a.masked_text, r["start"], r["end"], r["label"], backend)
            rows.append(m)
            if m.follower:
                ctx = target_context(a.masked_text, r["start"], r["end"])
                nouns.append(ctx.sent.lower[ctx.t1 + 1])
        sets[name], fired[name] = rows, nouns
    return sets, fired


def report(sets: dict[str, list[SpotMention]], fired: dict[str, list[str]]) -> list[str]:
    """The printed lines (see the module docstring)."""
    out = []
    gold = [m.gold for name in SETS for m in sets[name]]
    base = [m.result.label for name in SETS for m in sets[name]]
    for name in SETS:
        g = [m.gold for m in sets[name]]
        out.append(f"set {name}: {len(g)} mentions, " + ", ".join(f"{lab} {g.count(lab)}" for lab in LABELS)
                   + f"; follower rule fires on {len(fired[name])} {sorted(fired[name])}")
        out.append(f"baseline {name}: {_fig(metric(g, [m.result.label for m in sets[name]]))}")
    wrong = sum(g != p for g, p in zip(gold, base))
    polar_neutral = sum(g == "neutral" != p for g, p in zip(gold, base))
    out.append(f"baseline pooled ({len(gold)}): {_fig(metric(gold, base))}; always neutral: "
               f"{_fig(metric(gold, ['neutral'] * len(gold)))}; wrong {wrong}, of which polar labels of neutral "
               f"mentions {polar_neutral}")
    no_rule = {n: [replace(m, follower=False) for m in rows] for n, rows in sets.items()}
    for label, sets_used in (("rule and band", sets), ("band alone", no_rule)):
        folds = leave_one_set_out(sets_used, metric)
        for f in folds:
            out.append(f"LOSO {label}: held out {f.held_out}, chosen band {f.choice.band:.2f} rule "
                       f"{'on' if f.choice.rule else 'off'}: {f.accuracy:.3f} / {f.macro_f1:.3f} against "
                       f"{f.base_accuracy:.3f} / {f.base_macro_f1:.3f}")
        higher = sum(f.macro_f1 > f.base_macro_f1 for f in folds)
        out.append(f"LOSO {label}: pooled held out {_fig(metric(gold, [p for f in folds for p in f.predicted]))}; "
                   f"macro-F1 higher in {higher} of {len(folds)} folds")
    shipped = choose(sets, metric)
    out.append(f"chosen on all three: band {shipped.band:.2f} rule {'on' if shipped.rule else 'off'}")
    pred = []
    for name in SETS:
        p = news_predictions(sets[name], shipped)
        pred += p
        out.append(f"in sample {name}: {_fig(metric([m.gold for m in sets[name]], p))}")
    out.append(f"in sample pooled: {_fig(metric(gold, pred))}")
    out.append(f"per-class right, baseline: {_recall(gold, base)}")
    out.append(f"per-class right, shipped (in sample): {_recall(gold, pred)}")
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", default="default", help="the registered sentiment backend (default: default)")
    args = parser.parse_args(argv)
    corpora = shared_path("corpora")
    if corpora is None:
        print("shared corpora not found (set NARRATIVE_SHARED)", file=sys.stderr)
        return 1
    print("\n".join(report(*load_sets(corpora, args.backend))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
