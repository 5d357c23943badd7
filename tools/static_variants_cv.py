"""Issue 20 round 4: CV variants around the shipped static model (dense block x0.18), by name.

The same 5 NewsMTSC train-article folds, fits and scaling as ``toolkit.sentiment.selection --groups``
(one JSON line per variant, with the CPU seconds used so far). Usage, from the repository root:
``python tools/static_variants_cv.py dist dist_025 rule2 no_s no_tot l2_2 l2_4.5 win12 word08 word12``.
Limits: each variant is best-of-many on one grid; no nesting, so a winner's mean is optimistic.
"""
import json, sys, resource
from toolkit.datasets import load_newsmtsc
from toolkit.paths import shared_path
from toolkit.sentiment.linear_fit import feature_rows
from toolkit.sentiment.static import StaticSet, static_rows
from toolkit.sentiment.selection import SHIPPED, fold_of, _fold_scores, _group

which = sys.argv[1:]
ex = load_newsmtsc(shared_path("gold", "newsmtsc", "train.jsonl"))
fs, _l2, mc = SHIPPED
folds = [fold_of(e) for e in ex]; labels = [e.label for e in ex]
base = feature_rows(ex, fs)
P = ("left", "right", "clause", "target")
def rows_for(weighting, **kw):
    return [b + s for b, s in zip(base, static_rows(ex, StaticSet(parts=P, weighting=weighting, **kw)))]
def scaled(rows, dense=0.18, rule=1.0, drop=(), word=1.0):
    sc = (dense, word, rule, 1.0)
    return [[(f, v * sc[_group(f)], t) for f, v, t in r if not f.startswith(drop)] for r in rows]
V = {
 "dist": lambda: (scaled(rows_for("distance")), 3.0),
 "l2_2": lambda: (scaled(rows_for("sif")), 2.0),
 "l2_4.5": lambda: (scaled(rows_for("sif")), 4.5),
 "rule2": lambda: (scaled(rows_for("sif"), rule=2.0), 3.0),
 "no_s": lambda: (scaled(rows_for("sif"), drop=("s:",)), 3.0),
 "no_tot": lambda: (scaled(rows_for("sif"), drop=("tot:",)), 3.0),
 "dist_012": lambda: (scaled(rows_for("distance"), dense=0.12), 3.0),
 "dist_025": lambda: (scaled(rows_for("distance"), dense=0.25), 3.0),
 "win12": lambda: (scaled(rows_for("sif", window=12)), 3.0),
 "dims32": lambda: (scaled(rows_for("sif", dims=32)), 3.0),
 "word08": lambda: (scaled(rows_for("sif"), word=0.8), 3.0),
 "word12": lambda: (scaled(rows_for("sif"), word=1.2), 3.0),
}
for name in which:
    rows, l2 = V[name]()
    r = _fold_scores(rows, labels, folds, l2, mc, 5)
    ru = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps({"variant": name, "l2": l2, **r, "cpu_s": round(ru.ru_utime + ru.ru_stime)}), flush=True)
