"""Issue 20 round 14: nested article-fold CV of mention-level corrections to the ``stacked`` backend's decision.

The stack's out-of-fold raw class scores on NewsMTSC train are those of ``tools/static_stack_cv.py`` (the shipped
``StackSettings``: the stacker of held-out fold f learns from logits of linear fits that saw neither f nor the
row's fold), beside the static model's plain out-of-fold logits. Three corrections, each chosen per held-out
fold on the other four (pooled macro-F1; the smaller change on a tie) and scored on the fold:

- ``neutral``: a bias added to the neutral raw score (a calibrated neutral margin), -0.6 to 0.6 by 0.1;
- ``neg+neu``: biases on the negative and the neutral raw scores, the same grid each;
- ``blend``: ``lam * softmax(stack) + (1 - lam) * softmax(static)``, lam 0 to 1 by 0.1 (a shrinkage toward the
  static model).

One JSON line each: the choice per fold, held-out macro-F1 mean +- sd, the uncorrected stack's in the same folds
and the folds higher / lower. Usage: ``python tools/static_stack_mix_cv.py`` (reads ``$NARRATIVE_SHARED``; 15
linear fits and 5 stacks, about 11 CPU-minutes). Limits: one grid per correction, fixed before it was run; the
choice of which correction to keep is not nested.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from static_stack_cv import linear_logits  # noqa: E402

from toolkit.datasets import load_newsmtsc  # noqa: E402
from toolkit.paths import shared_path  # noqa: E402
from toolkit.sentiment.linear_fit import feature_rows  # noqa: E402
from toolkit.sentiment.records import LABELS  # noqa: E402
from toolkit.sentiment.selection import FOLDS, fold_of  # noqa: E402
from toolkit.sentiment.stacked import (StackSettings, dense_matrix, fit_forest, rule_names, rule_values,  # noqa: E402
                                       stack_matrix)
from toolkit.sentiment.static import MODEL_PATH, StaticLinearBackend, static_rows  # noqa: E402
from toolkit.validate.metrics import macro_f1  # noqa: E402

STEPS = [round(x, 1) for x in np.arange(-0.6, 0.61, 0.1)]
LAMS = [round(x, 1) for x in np.arange(0.0, 1.01, 0.1)]


def _softmax(x: np.ndarray) -> np.ndarray:
    e = np.exp(x - x.max(1, keepdims=True))
    return e / e.sum(1, keepdims=True)


def corrections(outer: np.ndarray, raw: np.ndarray) -> dict[str, tuple[list, Callable, Callable]]:
    """Per correction its grid, the class scores of a setting and the setting's size (ties go to the smaller)."""
    p_stack, p_static = _softmax(raw), _softmax(outer)
    return {"neutral": ([(0.0, d) for d in STEPS], lambda o: raw + [o[0], o[1], 0.0], lambda o: abs(o[1])),
            "neg+neu": ([(a, b) for a in STEPS for b in STEPS], lambda o: raw + [o[0], o[1], 0.0],
                        lambda o: abs(o[0]) + abs(o[1])),
            "blend": (LAMS, lambda lam: lam * p_stack + (1 - lam) * p_static, lambda lam: 1 - lam)}


def nested(y: np.ndarray, folds: np.ndarray, grid: Sequence, scores: Callable, size: Callable) -> dict:
    """Per held-out fold the setting best on the other folds and its held-out macro-F1 (unrounded)."""
    def f1(mask, setting):
        pred = scores(setting).argmax(1)
        return macro_f1([LABELS[v] for v in y[mask]], [LABELS[v] for v in pred[mask]], LABELS)

    chosen, held = [], []
    for f in range(FOLDS):
        best = max(grid, key=lambda s: (round(f1(folds != f, s), 9), -size(s)))
        chosen.append(best)
        held.append(f1(folds == f, best))
    return {"chosen": chosen, "held_out": held}


def report(y: np.ndarray, folds: np.ndarray, outer: np.ndarray, raw: np.ndarray) -> list[dict]:
    """One row per correction, with the uncorrected stack's fold figures beside it; a fold is higher or lower by
    the unrounded figures (only the printed ones are rounded, to 4 places)."""
    base = [macro_f1([LABELS[v] for v in y[folds == f]], [LABELS[v] for v in raw[folds == f].argmax(1)], LABELS)
            for f in range(FOLDS)]
    rows = []
    for name, (grid, scores, size) in corrections(outer, raw).items():
        row = nested(y, folds, grid, scores, size)
        held = row["held_out"]
        diff = [a - b for a, b in zip(held, base)]
        rows.append({"correction": name, "chosen": row["chosen"], "held_out": [round(x, 4) for x in held],
                     "mean": round(statistics.mean(held), 4), "sd": round(statistics.stdev(held), 4),
                     "stack_mean": round(statistics.mean(base), 4),
                     "stack_sd": round(statistics.stdev(base), 4), "higher": sum(d > 0 for d in diff),
                     "lower": sum(d < 0 for d in diff)})
    return rows


def out_of_fold(path) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Labels, folds, the static model's out-of-fold logits and the stack's nested out-of-fold raw scores."""
    ex = load_newsmtsc(path)
    shipped = StaticLinearBackend.load(MODEL_PATH)
    st, ss = shipped.settings, shipped.static_set
    rows, dense = feature_rows(ex, shipped.feature_set), static_rows(ex, ss)
    labels = [e.label for e in ex]
    y, folds = np.array([LABELS.index(v) for v in labels]), np.array([fold_of(e) for e in ex])
    outer, inner = linear_logits([r + d for r, d in zip(rows, dense)], labels, folds, st["l2"], st["min_count"])
    names, named, pooled = rule_names(rows), [rule_values(r) for r in rows], dense_matrix(dense, ss)
    raw = np.zeros((len(y), 3))
    for f in range(FOLDS):
        logits = outer.copy()
        for g in range(FOLDS):
            if g != f:
                logits[folds == g] = inner[f, g]
        model = fit_forest(stack_matrix(logits, named, names, pooled)[folds != f], y[folds != f], StackSettings())
        raw[folds == f] = model.decision_function(stack_matrix(outer, named, names, pooled)[folds == f])
    return y, folds, outer, raw


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("train", nargs="?", default=None, help="NewsMTSC train.jsonl (default: the shared copy)")
    args = ap.parse_args(argv)
    path = args.train or shared_path("gold", "newsmtsc", "train.jsonl")
    if path is None:
        print("no NewsMTSC train file: pass its path", file=sys.stderr)
        return 2
    for row in report(*out_of_fold(path)):
        print(json.dumps(row), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
