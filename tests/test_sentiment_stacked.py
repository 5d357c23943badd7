"""The stacked backend (toolkit.sentiment.stacked): the forest exported from scikit-learn scores as the fitted
model does and survives its JSON exactly; the label is the forest's over the logits, rule features and dense block
that targets() collects, the same matrix the training path builds from feature rows. Sentences are our own."""

from __future__ import annotations

import json

import numpy as np
import pytest

from mention_stubs import spans_of

from toolkit.sentiment.context import target_context
from toolkit.sentiment.linear_fit import row_logits
from toolkit.sentiment.registry import get_backend
from toolkit.sentiment.stacked import (NODE_FIELDS, Forest, StackedBackend, StackSettings, checked_export, dense_matrix,
                                       fit_forest, rule_values, sklearn_trees, stack_matrix)
from toolkit.sentiment.static import MODEL_PATH, StaticLinearBackend, static_features

TEXT = ('The so-called Vale Front shelled a market, and Mara Quill praised the brave medics of Ruritania. '
        '"The Vale Front lies," said Mara Quill, who was not accused by the council.')
NAMES = ("Vale Front", "Mara Quill", "Ruritania")


def _spans():
    return spans_of(TEXT, *NAMES)


@pytest.fixture(scope="module")
def static():
    return StaticLinearBackend.load(MODEL_PATH)


def _small_fit():
    rng = np.random.default_rng(5)
    x = rng.normal(size=(300, 4))
    y = (x[:, 0] > 0.3).astype(int) + (x[:, 1] * x[:, 2] > 0.2).astype(int)  # an interaction a linear model lacks
    return x, fit_forest(x, y, StackSettings(max_iter=15, max_leaf_nodes=7))


def test_sentiment_stacked_sklearn_trees_reads_the_installed_sklearn():
    # fails, naming the scikit-learn version, when an upgrade drops the private state the export reads
    x, model = _small_fit()
    trees, baseline = sklearn_trees(model)
    assert len(trees) == model.n_iter_ and all(len(per_class) == 3 for per_class in trees)
    assert set(NODE_FIELDS) <= set(trees[0][0].dtype.names) and baseline.size == 3


def test_sentiment_stacked_sklearn_trees_names_the_version_when_state_is_missing():
    import sklearn

    class Renamed:  # an estimator whose private trees moved
        n_iter_ = 1

    with pytest.raises(RuntimeError, match=f"scikit-learn {sklearn.__version__}.*_predictors"):
        sklearn_trees(Renamed())


def test_sentiment_stacked_checked_export_refuses_a_forest_that_scores_otherwise(monkeypatch):
    x, model = _small_fit()
    assert np.array_equal(checked_export(model, x).raw(x), Forest.from_sklearn(model).raw(x))
    real = sklearn_trees(model)
    shifted = [[nodes.copy() for nodes in per_class] for per_class in real[0]]
    shifted[0][0]["value"] += 0.5  # as if a release stored leaf values another way
    monkeypatch.setattr("toolkit.sentiment.stacked.sklearn_trees", lambda m: (shifted, real[1]))
    with pytest.raises(RuntimeError, match="sklearn_trees needs updating"):
        checked_export(model, x)


def test_sentiment_stacked_forest_scores_as_sklearn_and_round_trips_json():
    x, model = _small_fit()
    forest = Forest.from_sklearn(model)
    np.testing.assert_allclose(forest.raw(x), model.decision_function(x), rtol=0, atol=1e-12)
    again = Forest.from_json(json.loads(json.dumps(forest.to_json())))
    assert np.array_equal(again.raw(x), forest.raw(x))
    assert (forest.raw(x).argmax(1) == model.predict(x)).all()


def test_sentiment_stacked_label_follows_a_rule_feature_split(static):
    # one tree on the negative class: +4 when frame:so_called is set, else 0; neutral otherwise (baseline)
    names = ("frame:so_called",)
    forest = Forest(feature=np.array([3, -1, -1]), threshold=np.array([0.5, 0.0, 0.0]), left=np.array([1, 0, 0]),
                    right=np.array([2, 0, 0]), value=np.array([0.0, 0.0, 4.0]), roots=np.array([0]),
                    klass=np.array([0]), baseline=np.array([0.0, 1.0, 0.0]), depth=1)
    backend = StackedBackend(static.weights, forest, names, settings=static.settings)
    first, later = (TEXT.find("Vale Front"), TEXT.find("Vale Front") + 10), TEXT.rfind("Vale Front")
    got = backend.targets(TEXT, [first, (later, later + 10)])
    assert [r.label for r in got] == ["negative", "neutral"]
    assert got[0].score < -0.5 and got[1].score == 0.0


@pytest.mark.parametrize("ignore_quotes", [False, True])
def test_sentiment_stacked_runtime_matrix_equals_the_training_rows(static, ignore_quotes):
    rng = np.random.default_rng(11)
    names = ("lex:vader:near:pos", "lex:vader:near:neg", "role:agent_subject", "frame:so_called", "pos:in_quote",
             "pos:first", "tot:vader:neg")
    spans = _spans()
    rows = [static.features(TEXT, s, e, ignore_quotes) for s, e in spans]  # linear + dense features, by name
    ss = static.static_set
    pooled = dense_matrix([static_features(target_context(TEXT, s, e), ss, ignore_quotes=ignore_quotes)
                           for s, e in spans], ss)
    x = stack_matrix(np.array([row_logits(static.weights, r) for r in rows]), [rule_values(r) for r in rows], names,
                     pooled)
    assert np.abs(x[:, 3:3 + len(names)]).sum() > 0 and np.abs(x[:, 3 + len(names):]).sum() > 0
    width = x.shape[1]
    n_trees, per = 12, 7  # random full trees of depth 2 over every column
    feature = np.tile([0, 0, 0, -1, -1, -1, -1], n_trees)
    split = np.flatnonzero(feature == 0)
    feature[split] = rng.integers(0, width, size=len(split))
    base = np.repeat(np.arange(n_trees) * per, per)
    left = base + np.tile([1, 3, 5, 0, 0, 0, 0], n_trees)
    right = base + np.tile([2, 4, 6, 0, 0, 0, 0], n_trees)
    cols = np.where(feature >= 0, feature, 0)
    threshold = np.where(feature >= 0, np.median(x, axis=0)[cols], 0.0)
    value = np.where(feature < 0, rng.normal(size=n_trees * per), 0.0)
    forest = Forest(feature, threshold, left, right, value, np.arange(n_trees) * per, np.arange(n_trees) % 3,
                    np.zeros(3), 2)
    backend = StackedBackend(static.weights, forest, names, settings=static.settings)
    raw = forest.raw(x)
    got = backend.targets(TEXT, spans, ignore_quotes)
    probs = np.exp(raw - raw.max(1, keepdims=True))
    probs /= probs.sum(1, keepdims=True)
    assert [r.label for r in got] == [("negative", "neutral", "positive")[k] for k in raw.argmax(1)]
    np.testing.assert_allclose([r.score for r in got], np.round(probs[:, 2] - probs[:, 0], 4), atol=1e-4)
    assert len({r.label for r in got}) > 1


def test_sentiment_stacked_is_registered_and_keeps_the_linear_evidence(static):
    backend = get_backend("stacked")
    assert isinstance(backend, StackedBackend) and backend.name == "stacked"
    spans = _spans()
    stacked, linear = backend.targets(TEXT, spans), static.targets(TEXT, spans)
    assert [r.evidence for r in stacked] == [r.evidence for r in linear]
    assert stacked == [backend.target(TEXT, s, e) for s, e in spans]


def _constant_stack(static, pos_logit):
    """A stack of one leaf-only tree: every target gets the raw scores (0, 0, pos_logit)."""
    forest = Forest(feature=np.array([-1]), threshold=np.array([0.0]), left=np.array([0]), right=np.array([0]),
                    value=np.array([0.0]), roots=np.array([0]), klass=np.array([0]),
                    baseline=np.array([0.0, 0.0, pos_logit]), depth=0)
    return StackedBackend(static.weights, forest, (), settings=static.settings)


def test_sentiment_stacked_entity_portrayal_uses_its_own_wider_band(static):
    from toolkit.sentiment import entity_portrayal
    from toolkit.sentiment.api import ENTITY_BAND, entity_band

    # P(pos) - P(neg) = 0.15 per mention: beyond the conventional band, inside the stack's
    backend = _constant_stack(static, float(np.log(1.3 / 0.85)))
    spans = [s for s in _spans() if TEXT[s[0]:s[1]] == "Mara Quill"]
    mentions = backend.targets(TEXT, spans, ignore_quotes=True)
    assert [r.label for r in mentions] == ["positive", "positive"] and mentions[0].score == pytest.approx(0.15)
    assert entity_band(backend) == StackedBackend.entity_band > 0.15 > ENTITY_BAND
    assert entity_portrayal(TEXT, spans, backend=backend).label == "neutral"
    assert entity_band(static) == ENTITY_BAND
    backend.entity_band = ENTITY_BAND  # the same scores under the conventional band
    assert entity_portrayal(TEXT, spans, backend=backend).label == "positive"
    strong = _constant_stack(static, 1.5)  # P(pos) - P(neg) above 0.25: positive under either band
    assert entity_portrayal(TEXT, spans, backend=strong).label == "positive"
