"""Fitting the ``default`` backend's linear target model: feature rows, the logistic regression, the cached refit.

:func:`train` refits :class:`toolkit.sentiment.linear.LinearTargetBackend` from a NewsMTSC-format file
(Hamborg & Donnay 2021, EACL); :func:`fit_rows` fits any feature rows (the ``static`` backend adds dense ones);
:func:`row_logits` / :func:`predict_row` score one row under fitted weights (cross-validation in
:mod:`toolkit.sentiment.selection`). The fit is scikit-learn's ``LogisticRegression``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from pathlib import Path

import numpy as np

from ..datasets import Example, load_newsmtsc
from ..paths import cache_dir
from .features import FeatureSet
from .linear import LinearTargetBackend
from .records import LABELS

__all__ = ["train", "feature_rows", "fit_rows", "predict_row", "row_logits"]

_TOL = 1e-6  # L-BFGS stops when the largest gradient entry of the mean loss is below this


def feature_rows(examples: Sequence[Example], fs: FeatureSet = FeatureSet()) -> list[list[tuple[str, float, int]]]:
    """The model's feature triples for every example (computed once, reused across folds and settings)."""
    probe = LinearTargetBackend({}, settings={"features": asdict(fs)})
    return [probe.features(e.text, e.start, e.end) for e in examples]


def fit_rows(rows: Sequence[list], labels: Sequence[str], l2: float = 3.0, min_count: int = 3,
             balanced: bool = True, tol: float = _TOL) -> dict[str, list[float]]:
    """Fit the multinomial logistic regression on feature rows; ``{feature: [neg, neu, pos]}`` weights.

    Word features (``wL:``/``wR:``/``s:``) seen in fewer than ``min_count`` rows are dropped; ``bias``
    is the unpenalised intercept. The fit is scikit-learn's ``LogisticRegression`` (L-BFGS to a
    gradient of ``tol``, ``C = 1 / l2``, classes weighted inversely to their frequency when ``balanced``).
    """
    from scipy import sparse
    from sklearn.linear_model import LogisticRegression

    missing = [label for label in LABELS if label not in set(labels)]
    if missing:
        raise ValueError(f"fitting needs examples of every label; none of {', '.join(missing)}")
    counts: dict[str, int] = {}
    for feats in rows:
        for f in {f for f, _v, _t in feats}:
            counts[f] = counts.get(f, 0) + 1
    # "bias" (1.0 for every target) is the intercept, not a column
    vocab = sorted(f for f, c in counts.items() if f != "bias" and (c >= min_count or not f.startswith(("w", "s:"))))
    index = {f: j for j, f in enumerate(vocab)}
    data, ri, ci = [], [], []
    for r, feats in enumerate(rows):
        acc: dict[int, float] = {}
        for f, v, _t in feats:
            j = index.get(f)
            if j is not None:
                acc[j] = acc.get(j, 0.0) + v
        for j, v in acc.items():
            ri.append(r)
            ci.append(j)
            data.append(v)
    x = sparse.csr_matrix((data, (ri, ci)), shape=(len(rows), len(vocab)))
    y = np.array([LABELS.index(label) for label in labels])
    fit = LogisticRegression(C=1.0 / l2, class_weight="balanced" if balanced else None, tol=tol, max_iter=5000)
    fit.fit(x, y)
    w = fit.coef_.T  # one row per feature, one column per label of LABELS (fit.classes_ is 0, 1, 2)
    weights = {f: w[j].tolist() for f, j in index.items() if np.abs(w[j]).max() >= 5e-4}
    weights["bias"] = fit.intercept_.tolist()
    return weights


def row_logits(weights: dict[str, Sequence[float]], feats: list[tuple[str, float, int]]) -> list[float]:
    """The logits ``[neg, neu, pos]`` of one feature row under ``weights`` (no intercept)."""
    logits = [0.0, 0.0, 0.0]
    for name, value, _tok in feats:
        coef = weights.get(name)
        if coef is not None:
            for c in range(3):
                logits[c] += coef[c] * value
    return logits


def predict_row(weights: dict[str, Sequence[float]], feats: list[tuple[str, float, int]]) -> str:
    """The arg-max label of one feature row under ``weights``."""
    logits = row_logits(weights, feats)
    return LABELS[max(range(3), key=logits.__getitem__)]


def train(examples: Iterable[Example] | str | Path, l2: float = 3.0, min_count: int = 3,
          balanced: bool = True, name: str = "default", cache: bool = True,
          features: FeatureSet = FeatureSet()) -> LinearTargetBackend:
    """Fit the linear target model on gold targets (NewsMTSC format or :class:`Example` objects).

    A path is read as NewsMTSC JSONL (:func:`toolkit.datasets.load_newsmtsc`). The fit is
    :func:`fit_rows` over :func:`feature_rows`: the class-weighted mean log-loss plus ``l2 / 2``
    times the squared coefficients over the number of examples, the intercept (feature ``bias``)
    unpenalised. With ``cache`` the weights are written to
    ``sentiment-lr-<sha256 of the data>-<settings>.json`` in :func:`toolkit.paths.cache_dir` and
    reused on the next call with the same data and settings. The shipped settings were chosen by
    cross-validation over NewsMTSC train articles (:mod:`toolkit.sentiment.selection`).

    Args:
        examples: gold targets, or the path of a NewsMTSC-format JSONL file; all three labels must occur.
        l2: L2 penalty per coefficient (scaled by the number of examples; ``C = 1 / l2``).
        min_count: drop word features seen in fewer examples.
        balanced: weight the classes inversely to their frequency (macro-F1 counts them equally).
        name: name of the returned backend (register it with :func:`toolkit.sentiment.register_backend`).
        cache: read/write the fitted weights in the cache folder.
        features: the feature groups (:class:`FeatureSet`), saved with the weights.

    Returns:
        The fitted backend.

    Raises:
        ValueError: a label of :data:`LABELS` has no example.
    """
    source = None
    if isinstance(examples, (str, Path)):
        source = Path(examples)
        examples = load_newsmtsc(source)
    examples = list(examples)
    missing = [label for label in LABELS if not any(e.label == label for e in examples)]
    if missing:
        where = f" in {source}" if source else ""
        raise ValueError(f"training needs examples of every label; none of {', '.join(missing)}{where}")
    digest = hashlib.sha256("\n".join(f"{e.start}:{e.end}:{e.label}:{e.text}" for e in examples).encode()).hexdigest()
    settings = {"l2": l2, "min_count": min_count, "balanced": balanced, "window_words": features.window,
                "features": asdict(features),
                "examples": len(examples), "examples_sha256": digest, "source": str(source) if source else None,
                "fit": f"sklearn LogisticRegression(lbfgs, C=1/l2, tol={_TOL})"}
    fs_key = "".join(str(int(v)) for v in asdict(features).values())
    cached = cache_dir() / f"sentiment-lr-{digest[:16]}-l2{l2}-m{min_count}-b{int(balanced)}-f{fs_key}.json"
    if cache and cached.exists():
        model = LinearTargetBackend.load(cached, name=name)
        if model.settings.get("examples_sha256") == digest and model.settings.get("fit") == settings["fit"]:
            return model
    weights = fit_rows(feature_rows(examples, features), [e.label for e in examples], l2, min_count, balanced)
    model = LinearTargetBackend(weights, name=name, settings=settings)
    if cache:
        model.save(cached)
    return model
