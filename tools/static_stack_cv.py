"""Issue 20 round 5: nested article-fold CV of second-stage learners stacked on the static linear model.

The same 5 NewsMTSC train-article folds as ``toolkit.sentiment.selection`` (fits at its ``CV_TOL``). For
held-out fold f the stacker is trained on the other folds' rows, each fold g of them carrying the logits
of the linear fit on the folds other than f and g (no row's logits come from a fit that saw it or fold f),
and fold f is scored with the logits of the fit on all folds but f (the plain out-of-fold logits, whose
argmax is the shipped model's CV figure, printed first as ``shipped``). 5 + 10 linear fits, then the
stackers. Inputs: the logits, the rule features and the dense block (``toolkit.sentiment.stacked.stack_matrix``).

Usage, from the repository root (minutes per stacker on two cores):
``python tools/static_stack_cv.py hgb:200:15:0.05:1 hgb:100:15:0.1:1 mlp:32:1 lr:1@logits``
A spec is ``learner:settings[@blocks]``, blocks ``+``-joined of logits, rule, dense (default all three):
``hgb:max_iter:max_leaf_nodes:learning_rate:l2_regularization``, ``mlp:hidden:alpha`` (decided by the
probabilities over the training prior, a balanced decision), ``lr:C`` (balanced logistic regression).
One JSON line per spec: fold macro-F1s, mean, sd, per-fold difference to ``shipped``, folds higher.
Limits: best-of-few on one grid, no nesting of the choice of learner, so a winner's mean is optimistic.
"""
import argparse
import itertools
import json
import statistics
import sys

import numpy as np

from toolkit.datasets import load_newsmtsc
from toolkit.paths import shared_path
from toolkit.sentiment.linear_fit import feature_rows, fit_rows, row_logits
from toolkit.sentiment.records import LABELS
from toolkit.sentiment.selection import CV_TOL, FOLDS, _macro_f1, fold_of
from toolkit.sentiment.stacked import StackSettings, rule_values, dense_matrix, fit_forest, rule_names, stack_matrix
from toolkit.sentiment.static import MODEL_PATH, StaticLinearBackend, static_rows


def fold_scores(y, folds, pred):
    per = [_macro_f1([LABELS[v] for v in y[folds == f]], [LABELS[p] for p in pred[folds == f]]) for f in range(FOLDS)]
    return {"folds": [round(x, 4) for x in per], "mean": round(statistics.mean(per), 4),
            "sd": round(statistics.stdev(per), 4)}


def linear_logits(rows, labels, folds, l2, min_count):
    """The out-of-fold logits (``outer``) and, per (held-out f, fold g), fold g's logits from the fit on neither."""
    def fit_on(keep):
        idx = np.flatnonzero(keep)
        return fit_rows([rows[i] for i in idx], [labels[i] for i in idx], l2, min_count, True, tol=CV_TOL)

    def score(w, fold):
        return np.array([row_logits(w, rows[i]) for i in np.flatnonzero(folds == fold)])

    outer = np.zeros((len(rows), 3))
    for f in range(FOLDS):
        outer[folds == f] = score(fit_on(folds != f), f)
    inner = {}
    for f, g in itertools.combinations(range(FOLDS), 2):
        w = fit_on((folds != f) & (folds != g))
        inner[f, g], inner[g, f] = score(w, g), score(w, f)
    return outer, inner


def learner(kind, settings):
    from sklearn.linear_model import LogisticRegression
    from sklearn.neural_network import MLPClassifier
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    if kind == "hgb":
        it, leaves, lr, l2 = settings
        return None, StackSettings(int(it), int(leaves), float(lr), float(l2))
    if kind == "mlp":
        hidden, alpha = settings
        return make_pipeline(StandardScaler(), MLPClassifier(hidden_layer_sizes=(int(hidden),), alpha=float(alpha),
                                                             max_iter=300, random_state=0)), None
    (c,) = settings
    return make_pipeline(StandardScaler(), LogisticRegression(C=float(c), class_weight="balanced", max_iter=2000)), None


def main(specs):
    ex = load_newsmtsc(shared_path("gold", "newsmtsc", "train.jsonl"))
    shipped = StaticLinearBackend.load(MODEL_PATH)
    st, ss = shipped.settings, shipped.static_set
    rows = feature_rows(ex, shipped.feature_set)
    dense = static_rows(ex, ss)
    labels = [e.label for e in ex]
    y, folds = np.array([LABELS.index(v) for v in labels]), np.array([fold_of(e) for e in ex])
    outer, inner = linear_logits([r + d for r, d in zip(rows, dense)], labels, folds, st["l2"], st["min_count"])
    base = fold_scores(y, folds, outer.argmax(1))
    print(json.dumps({"spec": "shipped", **base}), flush=True)
    names, named, pooled = rule_names(rows), [rule_values(r) for r in rows], dense_matrix(dense, ss)
    width = {"logits": 3, "rule": len(names), "dense": pooled.shape[1]}
    for spec in specs:
        head, _sep, blocks = spec.partition("@")
        kind, *settings = head.split(":")
        blocks = blocks.split("+") if blocks else ["logits", "rule", "dense"]
        keep = np.concatenate([np.full(w, b in blocks) for b, w in width.items()])
        pred = np.zeros(len(y), dtype=int)
        for f in range(FOLDS):
            train_logits = outer.copy()
            for g in range(FOLDS):
                if g != f:
                    train_logits[folds == g] = inner[f, g]
            tr, te = folds != f, folds == f
            x_tr = stack_matrix(train_logits, named, names, pooled)[tr][:, keep]
            x_te = stack_matrix(outer, named, names, pooled)[te][:, keep]
            model, hgb = learner(kind, settings)
            if hgb is not None:
                pred[te] = fit_forest(x_tr, y[tr], hgb).predict(x_te)
            elif kind == "mlp":
                prior = np.bincount(y[tr], minlength=3) / tr.sum()
                pred[te] = (model.fit(x_tr, y[tr]).predict_proba(x_te) / prior).argmax(1)
            else:
                pred[te] = model.fit(x_tr, y[tr]).predict(x_te)
        r = fold_scores(y, folds, pred)
        diff = [round(a - b, 4) for a, b in zip(r["folds"], base["folds"])]
        print(json.dumps({"spec": spec, **r, "vs_shipped": diff, "higher": sum(d > 0 for d in diff)}), flush=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("specs", nargs="+", help="learner:settings[@blocks], as in the module docstring")
    main(parser.parse_args(sys.argv[1:]).specs)
