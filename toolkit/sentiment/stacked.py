"""The ``stacked`` backend: gradient-boosted trees stacked on the static linear model (issue 20 round 5).

:class:`StackedBackend` scores a target as :class:`toolkit.sentiment.static.StaticLinearBackend` does, then
decides its label from the linear model's three logits, the rule features (lexicon terms by sign and
channel, totals, roles, position, framing: every feature of :mod:`toolkit.sentiment.features` but the
words and the bias) and the dense static-vector block, through a forest of regression trees: stacked
generalisation (Wolpert 1992) with scikit-learn's ``HistGradientBoostingClassifier`` (multinomial
gradient boosting, Friedman 2001) as the second stage. The trees can split on a dense component or a
rule feature inside one range of the logits, which a linear model cannot express.

The stacker is fitted on out-of-fold logits (:data:`toolkit.sentiment.selection.FOLDS` article folds of
NewsMTSC train, each fold scored by the linear fit on the others), so it learns how far the linear
model's scores on unseen text can be trusted; at run time the logits come from the shipped full fit.
The fitted trees ship as plain arrays in ``toolkit/models/sentiment_stack.json`` (:class:`Forest`,
evaluated in numpy, all trees of all targets at once; scikit-learn is needed only to fit), rebuilt by
:func:`train_stack`; its settings were chosen by the nested article-fold CV of ``tools/static_stack_cv.py``.

Not the ``default`` backend: on CV and NewsMTSC dev it beats ``static``, but it labels one mention fewer right
over the two dev portrayal spot sets (docs/training.md, the manifest beside the model file). Its entity-level
neutral band (:attr:`StackedBackend.entity_band`, 0.25) is its own: at the conventional 0.05 it lowered PerSenT.

Limits: the label and score (P(positive) - P(negative) of the trees) are the stacker's, the evidence words
still the linear model's contributions, so a shown word may disagree with a label the trees flipped;
the trees saw only NewsMTSC train (US political news, 2016-2020).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from ..datasets import Example, load_newsmtsc
from ..lexicon import LexiconError
from .linear import _label_score
from .records import LABELS
from .static import MODEL_PATH as STATIC_PATH
from .static import StaticLinearBackend, StaticSet, load_vectors

__all__ = ["STACK_PATH", "StackSettings", "NODE_FIELDS", "sklearn_trees", "Forest", "StackedBackend", "is_rule_feature",
           "rule_names", "rule_values", "dense_matrix", "stack_matrix", "fit_forest", "checked_export", "train_stack"]

STACK_PATH = Path(__file__).resolve().parent.parent / "models" / "sentiment_stack.json"


@dataclass(frozen=True)
class StackSettings:
    """The second stage's settings (``HistGradientBoostingClassifier``; chosen by nested article-fold CV).

    Attributes:
        max_iter: boosting rounds (one tree per class each).
        max_leaf_nodes: leaves per tree.
        learning_rate: shrinkage per round.
        l2_regularization: L2 penalty on the leaf values.
    """

    max_iter: int = 200
    max_leaf_nodes: int = 15
    learning_rate: float = 0.05
    l2_regularization: float = 1.0


def is_rule_feature(name: str) -> bool:
    """Whether a feature of :mod:`toolkit.sentiment.features` is a rule feature of the stack: not a word
    (``w*:``, ``s:``) and not the bias."""
    return not name.startswith(("w", "s:")) and name != "bias"


def rule_names(rows: Sequence[Sequence[tuple[str, float, int]]]) -> list[str]:
    """The sorted rule feature names met in feature rows (:func:`toolkit.sentiment.linear_fit.feature_rows`)."""
    return sorted({f for row in rows for f, _v, _t in row if is_rule_feature(f)})


def stack_matrix(logits: np.ndarray, named: Sequence[dict[str, float]], names: Sequence[str],
                 pooled: np.ndarray) -> np.ndarray:
    """The stacker's input, one row per target: the three logits, the rule features ``names`` (summed by
    name, 0 when absent; a name outside ``names`` is left out) and the dense block ``pooled``."""
    index = {n: j for j, n in enumerate(names)}
    rules = np.zeros((len(named), len(names)))
    for i, feats in enumerate(named):
        for name, value in feats.items():
            j = index.get(name)
            if j is not None:
                rules[i, j] = value
    return np.hstack([np.asarray(logits, dtype=np.float64).reshape(-1, 3), rules,
                      np.asarray(pooled, dtype=np.float64).reshape(len(named), -1)])


NODE_FIELDS = ("is_leaf", "feature_idx", "num_threshold", "left", "right", "value", "depth")
"""The fields of scikit-learn's tree node records that :meth:`Forest.from_sklearn` reads."""


def sklearn_trees(model) -> tuple[list[list[np.ndarray]], np.ndarray]:
    """The trees of a fitted ``HistGradientBoostingClassifier``: per boosting round, per class, its node record
    array (fields :data:`NODE_FIELDS`, each node after its parent), and the baseline raw score of each class.

    The one place that reads scikit-learn's private state (``_predictors``, each a ``TreePredictor`` with
    ``nodes``; ``_baseline_prediction``): scikit-learn exports no histogram-boosted tree (``estimators_`` and
    ``tree_`` exist only for ``GradientBoostingClassifier``, a different fit; its issue 29731 asks for the node
    layout to be documented). Written against scikit-learn 1.9.1; :func:`train_stack` checks the exported forest
    against the public ``decision_function`` on its training rows (:func:`checked_export`).

    Raises:
        RuntimeError: the installed scikit-learn lacks one of these attributes or node fields (the message names
            its version), so the export cannot be trusted.
    """
    try:
        trees = [[tree.nodes for tree in per_class] for per_class in model._predictors]
        baseline = np.asarray(model._baseline_prediction)
        missing = [f for f in NODE_FIELDS if f not in trees[0][0].dtype.names]
    except (AttributeError, IndexError, TypeError) as exc:
        missing = [str(exc)]
    if missing:
        import sklearn

        raise RuntimeError(f"cannot export the trees of scikit-learn {sklearn.__version__}'s "
                           f"HistGradientBoostingClassifier (missing: {', '.join(missing)}); "
                           "toolkit.sentiment.stacked.sklearn_trees was written against 1.9.1")
    return trees, baseline


@dataclass(frozen=True)
class Forest:
    """Regression trees as flat node arrays (all trees' nodes in one run, each tree's nodes together).

    Attributes:
        feature: per node the column it splits on, -1 for a leaf.
        threshold: per node the split value (a row goes left when its value is ``<=``).
        left, right: per node its children (node indices into these arrays).
        value: per node its leaf value (0 for a split node).
        roots: per tree its root node.
        klass: per tree the class whose raw score it adds to.
        baseline: the raw score of each class before any tree.
        depth: the deepest leaf's depth (the steps a row takes to reach a leaf).
    """

    feature: np.ndarray
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray
    roots: np.ndarray
    klass: np.ndarray
    baseline: np.ndarray
    depth: int

    def __post_init__(self) -> None:
        # the arrays raw() steps through: a leaf splits on column 0 at +inf with itself as both children, so
        # a row that reached it stays; children side by side (node * 2: left, node * 2 + 1: right); the trees
        # deepest first, so step s moves only the first active[s] trees (those deeper than s)
        leaf, own = self.feature < 0, np.arange(len(self.feature))
        child = np.stack([np.where(leaf, own, self.left), np.where(leaf, own, self.right)], axis=1).ravel()
        level = np.zeros(len(self.feature), dtype=np.intp)
        for node in range(len(self.feature)):  # a tree's nodes follow their parent (sklearn's order)
            if not leaf[node]:
                level[self.left[node]] = level[self.right[node]] = level[node] + 1
        ends = np.append(self.roots[1:], len(self.feature))
        tree_depth = np.array([level[a:b].max() for a, b in zip(self.roots, ends)], dtype=np.intp)
        order = np.argsort(-tree_depth, kind="stable")
        onehot = np.zeros((len(self.roots), len(self.baseline)))
        onehot[np.arange(len(self.roots)), self.klass[order]] = 1.0
        for name, value in (("_col", np.where(leaf, 0, self.feature)), ("_thr", np.where(leaf, np.inf, self.threshold)),
                            ("_child", child), ("_roots", self.roots[order]), ("_onehot", onehot),
                            ("_active", [int((tree_depth > s).sum()) for s in range(self.depth)])):
            object.__setattr__(self, name, value)

    def raw(self, x: np.ndarray) -> np.ndarray:
        """The raw class scores ``(rows, classes)``: the baseline plus each tree's leaf value, all trees
        and rows stepped down together (a row goes left when its value is ``<=`` the threshold and stays
        at a leaf once there; step s moves only the trees deeper than s)."""
        x = np.asarray(x, dtype=np.float64)
        flat, width = x.ravel(), x.shape[1] if x.ndim == 2 else 0
        node = np.broadcast_to(self._roots, (len(x), len(self._roots))).copy()
        base = (np.arange(len(x)) * width)[:, None]
        col, thr, child = self._col, self._thr, self._child
        for k in self._active:
            at = node[:, :k]
            node[:, :k] = child[2 * at + (flat[base + col[at]] > thr[at])]
        return self.baseline + self.value[node] @ self._onehot

    @classmethod
    def from_sklearn(cls, model) -> Forest:
        """The trees of a fitted multiclass ``HistGradientBoostingClassifier`` (numeric features, no missing
        values), read through :func:`sklearn_trees`."""
        trees, baseline = sklearn_trees(model)
        parts, roots, klass, offset = [], [], [], 0
        for per_class in trees:
            for c, nodes in enumerate(per_class):
                parts.append(nodes)
                roots.append(offset)
                klass.append(c)
                offset += len(nodes)
        nodes = np.concatenate(parts)
        starts = np.repeat(roots, [len(p) for p in parts])
        leaf = nodes["is_leaf"].astype(bool)
        return cls(feature=np.where(leaf, -1, nodes["feature_idx"]).astype(np.intp),
                   threshold=np.where(leaf, 0.0, nodes["num_threshold"]).astype(np.float64),
                   left=np.where(leaf, 0, nodes["left"] + starts).astype(np.intp),
                   right=np.where(leaf, 0, nodes["right"] + starts).astype(np.intp),
                   value=np.where(leaf, nodes["value"], 0.0).astype(np.float64),
                   roots=np.array(roots, dtype=np.intp), klass=np.array(klass, dtype=np.intp),
                   baseline=np.asarray(baseline, dtype=np.float64).ravel(),
                   depth=int(nodes["depth"].max()))

    def to_json(self) -> dict:
        """The arrays as lists (floats as Python writes them, so a reload is exact)."""
        return {k: (v.tolist() if isinstance(v, np.ndarray) else v) for k, v in asdict(self).items()}

    @classmethod
    def from_json(cls, data: dict) -> Forest:
        """The inverse of :meth:`to_json`."""
        ints = ("feature", "left", "right", "roots", "klass")
        return cls(**{k: np.array(data[k], dtype=np.intp if k in ints else np.float64) for k in
                      ("feature", "threshold", "left", "right", "value", "roots", "klass", "baseline")},
                   depth=int(data["depth"]))


class StackedBackend(StaticLinearBackend):
    """:class:`StaticLinearBackend` whose label and score come from a :class:`Forest` over
    :func:`stack_matrix` of each target (see the module docstring).

    Args:
        weights, name, settings: the static linear model's (as :class:`StaticLinearBackend`).
        forest: the second stage.
        names: the rule feature names of its columns, after the three logits.

    No news band in portrayal (the inherited ``portrayal_band`` 0, :mod:`toolkit.sentiment.news`): the packaged
    static model's 0.35 was chosen for the linear model's scores, not these trees'.
    """

    _keep_named = True

    entity_band = 0.25
    """The neutral band of :func:`toolkit.sentiment.entity_portrayal` for this backend (read by
    :func:`toolkit.sentiment.api.entity_band`): the trees' scores run more extreme than the linear model's (mean
    absolute mention score 0.41 against 0.36 on PerSenT dev), so the conventional 0.05 labels too few entities
    neutral. Chosen from 0.05-0.3 by ``tools/static_persent_band.py`` (nested folds over PerSenT documents: 0.25
    in all five; held-out fold macro-F1 0.432 +- 0.031 against 0.372 +- 0.027 at 0.05, five folds higher). Limit:
    fitted to PerSenT's label mix, the only document-level gold here."""

    def __init__(self, weights: dict[str, Sequence[float]], forest: Forest, names: Sequence[str],
                 name: str = "stacked", settings: dict | None = None) -> None:
        super().__init__(weights, name=name, settings=settings)
        self.forest, self.names = forest, tuple(names)

    @classmethod
    def load(cls, path: str | Path = STACK_PATH, name: str = "stacked",
             linear_path: str | Path = STATIC_PATH) -> StackedBackend:
        """The stack of ``path`` over the static linear weights of ``linear_path`` (raises
        :class:`LexiconError` when either is malformed)."""
        base = StaticLinearBackend.load(linear_path, name=name)
        path = Path(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            forest, names = Forest.from_json(data["forest"]), data["rule_names"]
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise LexiconError(path, None, f"cannot read stacked model ({exc})") from exc
        return cls(base.weights, forest, names, name=name, settings=base.settings)

    def save(self, path: str | Path, settings: dict | None = None) -> Path:
        """Write the forest, its rule names and ``settings`` (the linear weights stay in their own file)."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        body = {"labels": list(LABELS), "settings": dict(settings or {}), "rule_names": list(self.names),
                "forest": self.forest.to_json()}
        path.write_text(json.dumps(body, separators=(",", ":")) + "\n", encoding="utf-8")
        return path

    def _extras(self, ctxs, ignore_quotes):
        pooled = self.pooled_batch(ctxs, ignore_quotes)
        return (pooled @ self._stacked).tolist(), pooled

    def _decide(self, logits, named, aux):
        """Per target the label and score of the forest's raw class scores, read as the linear model reads its
        logits (:func:`toolkit.sentiment.linear._label_score`: arg-max, P(positive) - P(negative))."""
        raw = self.forest.raw(stack_matrix(np.array(logits), named, self.names, aux))
        return [_label_score(*row) for row in raw.tolist()]


def fit_forest(x: np.ndarray, y: np.ndarray, settings: StackSettings = StackSettings()):
    """Fit the second stage: ``HistGradientBoostingClassifier`` with ``settings``, balanced classes, no early
    stopping and ``random_state=0`` (with fewer than 200,000 rows nothing is sampled: the fit is deterministic)."""
    from sklearn.ensemble import HistGradientBoostingClassifier

    model = HistGradientBoostingClassifier(**asdict(settings), early_stopping=False, class_weight="balanced",
                                           random_state=0)
    return model.fit(x, y)


def checked_export(model, x: np.ndarray, tolerance: float = 1e-9) -> Forest:
    """:meth:`Forest.from_sklearn` of ``model``, checked against its public ``decision_function`` on the rows ``x``.

    Raises:
        RuntimeError: a row's raw class scores differ by more than ``tolerance`` (the private node layout that
            :func:`sklearn_trees` reads changed meaning), so no model is written from it.
    """
    forest = Forest.from_sklearn(model)
    gap = float(np.abs(forest.raw(x) - model.decision_function(x)).max())
    if gap > tolerance:
        raise RuntimeError(f"the exported forest scores rows {gap:.3g} away from the fitted model's "
                           "decision_function: toolkit.sentiment.stacked.sklearn_trees needs updating")
    return forest


def train_stack(examples: Sequence[Example] | str | Path, settings: StackSettings = StackSettings(),
                linear_path: str | Path = STATIC_PATH, name: str = "stacked") -> StackedBackend:
    """Fit the stack on NewsMTSC-format gold over the shipped static linear model of ``linear_path``.

    The stacker's rows are the out-of-fold logits of the linear model's settings (refitted in the
    :data:`toolkit.sentiment.selection.FOLDS` article folds, :func:`toolkit.sentiment.selection.out_of_fold`),
    the rule features and the dense block of every example; the returned backend pairs the trees with the
    weights of ``linear_path``. Minutes (five linear fits, then the trees), on one thread: with more, BLAS and
    OpenMP sums in another order moved the logits, and so the trees' thresholds, by up to 1e-8.

    Raises:
        RuntimeError: the exported trees do not score as the fitted model (:func:`checked_export`)."""
    import scipy.sparse  # noqa: F401  (loaded before the limit, so that it covers their thread pools)
    import sklearn.ensemble  # noqa: F401
    import sklearn.linear_model  # noqa: F401
    from threadpoolctl import threadpool_limits

    with threadpool_limits(1):
        return _train_stack(examples, settings, linear_path, name)


def _train_stack(examples, settings: StackSettings, linear_path, name: str) -> StackedBackend:
    """:func:`train_stack` under the thread limit."""
    from .linear_fit import feature_rows
    from .selection import fold_of, out_of_fold
    from .static import static_rows

    examples = load_newsmtsc(examples) if isinstance(examples, (str, Path)) else list(examples)
    base = StaticLinearBackend.load(linear_path, name=name)
    fs, ss, st = base.feature_set, base.static_set, base.settings
    rows = feature_rows(examples, fs)
    dense = static_rows(examples, ss, load_vectors())
    labels = [e.label for e in examples]
    logits = out_of_fold([r + d for r, d in zip(rows, dense)], labels, [fold_of(e) for e in examples],
                         st["l2"], st["min_count"], True)
    names = rule_names(rows)
    named = [rule_values(r) for r in rows]
    x = stack_matrix(np.array(logits), named, names, dense_matrix(dense, ss))
    model = fit_forest(x, np.array([LABELS.index(y) for y in labels]), settings)
    forest = checked_export(model, x)
    return StackedBackend(base.weights, forest, names, name=name, settings=base.settings)


def rule_values(row: Sequence[tuple[str, float, int]]) -> dict[str, float]:
    """A feature row's rule features summed by name."""
    out: dict[str, float] = {}
    for f, v, _t in row:
        if is_rule_feature(f):
            out[f] = out.get(f, 0.0) + v
    return out


def dense_matrix(dense_rows: Sequence[Sequence[tuple[str, float, int]]], ss: StaticSet) -> np.ndarray:
    """Dense feature rows (:func:`toolkit.sentiment.static.static_rows`) as the ``(rows, parts x dims)`` matrix of
    :meth:`StaticLinearBackend.pooled_batch` (the parts in ``ss.parts`` order, zeros for an empty part)."""
    dims = min(ss.dims, load_vectors().vectors.shape[1])
    col = {f"sv:{part}:{k}": p * dims + k for p, part in enumerate(ss.parts) for k in range(dims)}
    out = np.zeros((len(dense_rows), len(col)))
    for i, row in enumerate(dense_rows):
        for f, v, _t in row:
            out[i, col[f]] = v
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m toolkit.sentiment.stacked [TRAIN.jsonl] [--out PATH]``: refit the stack with the default
    :class:`StackSettings` over the shipped static weights and write it (default: :data:`STACK_PATH`)."""
    from ..paths import shared_path
    from .selection import FOLDS

    ap = argparse.ArgumentParser(prog="python -m toolkit.sentiment.stacked", description=main.__doc__)
    ap.add_argument("train", nargs="?", default=None, help="NewsMTSC train.jsonl (default: the shared copy)")
    ap.add_argument("--out", default=str(STACK_PATH))
    args = ap.parse_args(argv)
    path = args.train or shared_path("gold", "newsmtsc", "train.jsonl")
    if path is None:
        print("no NewsMTSC train file: pass its path", file=sys.stderr)
        return 2
    settings = StackSettings()
    model = train_stack(path, settings)
    record = {"stack": asdict(settings), "folds": FOLDS, "training_data_file_sha256":
              hashlib.sha256(Path(path).read_bytes()).hexdigest(),
              "linear_weights_sha256": hashlib.sha256(STATIC_PATH.read_bytes()).hexdigest()}
    print(model.save(args.out, record))
    return 0


if __name__ == "__main__":
    sys.exit(main())
