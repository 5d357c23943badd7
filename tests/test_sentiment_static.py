"""Static word vectors (toolkit.sentiment.static): the loader, the dense window features' shapes, unknown words,
determinism, and the packaged file against its manifest. Sentences and vectors are our own."""

from __future__ import annotations

import hashlib
import json

import numpy as np
import pytest

from fold_examples import two_fold_examples
from toolkit.lexicon import LexiconError
from toolkit.sentiment.context import target_context
from toolkit.sentiment.static import VECTORS_PATH, StaticSet, load_vectors, static_features

WORDS = ("the", "praised", "warmly", "blamed", "harshly", "mayor")


@pytest.fixture()
def vectors(tmp_path):
    """Six words, four dimensions, rows in frequency order."""
    rng = np.random.default_rng(0)
    path = tmp_path / "v.npz"
    np.savez(path, words=np.array(WORDS), vectors=rng.normal(size=(len(WORDS), 4)).astype(np.float16))
    return load_vectors(path)


def _ctx(text: str, target: str = "Orlov"):
    start = text.index(target)
    return target_context(text, start, start + len(target))


def test_sentiment_static_loader_scales_components_and_indexes_words(vectors):
    assert vectors.vectors.shape == (6, 4)
    assert np.allclose(vectors.vectors.std(axis=0), 1.0, atol=1e-3)
    assert list(vectors.rows(["mayor", "zebra", "the"])) == [5, -1, 0]
    assert vectors.sif[0] < vectors.sif[-1]  # the most frequent word weighs least


def test_sentiment_static_loader_rejects_mismatched_file(tmp_path):
    path = tmp_path / "bad.npz"
    np.savez(path, words=np.array(["a", "b"]), vectors=np.zeros((3, 2), dtype=np.float16))
    with pytest.raises(LexiconError):
        load_vectors(path)
    with pytest.raises(LexiconError):
        load_vectors(tmp_path / "missing.npz")


def test_sentiment_static_feature_shapes_per_part(vectors):
    ctx = _ctx("The mayor praised Orlov warmly, and then blamed the harshly.")
    feats = static_features(ctx, StaticSet(dims=3, parts=("left", "right", "clause"), window=8), vectors)
    names = [f for f, _v, _t in feats]
    assert names == [f"sv:{p}:{k}" for p in ("left", "right", "clause") for k in range(3)]
    assert all(t == -1 for _f, _v, t in feats)  # dense features are never evidence
    feats = static_features(ctx, StaticSet(dims=10, parts=("left",)), vectors)
    assert len(feats) == 4  # dims beyond the file's are not made up


def test_sentiment_static_left_window_is_mean_of_known_words(vectors):
    ctx = _ctx("Zebra mayor praised Orlov today.")
    feats = static_features(ctx, StaticSet(dims=4, parts=("left",), weighting="mean"), vectors)
    expected = (vectors.vectors[5] + vectors.vectors[1]) / 2  # "zebra" is unknown: left out of the mean
    assert np.allclose([v for _f, v, _t in feats], expected, atol=1e-5)


def test_sentiment_static_unknown_words_give_no_features(vectors):
    ctx = _ctx("Zebras quickly surrounded Orlov yesterday.")
    assert static_features(ctx, StaticSet(parts=("left", "right", "clause")), vectors) == []
    target = static_features(ctx, StaticSet(parts=("target",)), vectors)
    assert target == []  # "orlov" is not in the vocabulary either


def test_sentiment_static_window_and_quotes(vectors):
    ctx = _ctx('Orlov said "the mayor blamed" someone.')
    near = static_features(ctx, StaticSet(dims=4, parts=("right",), window=1), vectors)
    assert near == []  # only "said" within one token, not in the vocabulary
    inside = static_features(ctx, StaticSet(dims=4, parts=("right",), window=8), vectors)
    skipped = static_features(ctx, StaticSet(dims=4, parts=("right",), window=8), vectors, ignore_quotes=True)
    assert inside and skipped == []  # the quoted words are someone else's


def test_sentiment_static_deterministic(vectors):
    text = "The mayor praised Orlov warmly."
    a = static_features(_ctx(text), StaticSet(dims=4), vectors)
    b = static_features(_ctx(text + " "), StaticSet(dims=4), vectors)
    assert a == b and a


def test_sentiment_static_packaged_file_matches_manifest():
    manifest = json.loads(VECTORS_PATH.with_name("static_vectors.manifest.json").read_text(encoding="utf-8"))
    assert hashlib.sha256(VECTORS_PATH.read_bytes()).hexdigest() == manifest["sha256"]
    packaged = load_vectors()
    assert packaged.vectors.shape == (manifest["words"], manifest["dims"])
    assert len(packaged.index) == manifest["words"]  # no word twice
    assert VECTORS_PATH.stat().st_size <= 4_500_000


def test_sentiment_static_backend_adds_dense_features_to_the_linear_model():
    from toolkit.sentiment import get_backend

    backend = get_backend("static")
    text = "The mayor warmly praised Orlov for the new bridge."
    start = text.index("Orlov")
    feats = backend.features(text, start, start + 5)
    dense = [f for f, _v, _t in feats if f.startswith("sv:")]
    assert dense and len(dense) % backend.static_set.dims == 0
    linear = get_backend("linear").features(text, start, start + 5)
    assert [f for f in feats if not f[0].startswith("sv:")] == linear  # the linear features unchanged
    a, b = backend.target(text, start, start + 5), backend.target(text, start, start + 5)
    assert a == b and a.label in ("negative", "neutral", "positive")


def test_sentiment_static_is_the_default_and_linear_stays_reachable():
    from toolkit.sentiment import get_backend
    from toolkit.sentiment.static import StaticLinearBackend

    default, linear = get_backend("default"), get_backend("linear")
    assert isinstance(default, StaticLinearBackend) and default.name == "default"
    assert not isinstance(linear, StaticLinearBackend) and linear.name == "linear"
    text = "The mayor warmly praised Orlov for the new bridge."
    start = text.index("Orlov")
    assert default.target(text, start, start + 5).backend == "default"
    assert any(f.startswith("sv:") for f, _v, _t in default.features(text, start, start + 5))


@pytest.mark.parametrize("text, ignore_quotes", [
    ("Mayor Orlov warmly praised the volunteers who rebuilt the bridge.", False),
    ("Critics harshly blamed Orlov, who called the report \"a disgrace\" on Tuesday.", True),
    ("The council said Orlov would not resign.", False),
])
def test_sentiment_static_dense_logits_equal_the_named_features(text, ignore_quotes):
    """The shipped model's dense logits (one product per part) are the sum over its named sv: features."""
    from toolkit.sentiment.static import MODEL_PATH, StaticLinearBackend

    backend = StaticLinearBackend.load(MODEL_PATH)
    ctx = _ctx(text)
    dense = backend._extra_logits_batch([ctx], ignore_quotes)[0]
    named = backend._extra_logits(ctx, ignore_quotes)  # the weight-dictionary sum of the named sv: features
    assert any(abs(v) > 1e-6 for v in named)
    assert dense == pytest.approx(named, abs=1e-9)


def test_sentiment_static_group_cv_unscaled_equals_static_cv_and_groups_features():
    from toolkit.sentiment.selection import _group, group_cv, static_cv

    assert [_group(f) for f in ("sv:left:3", "wL:praised", "wxR:!blamed", "s:the", "lex:vader:own:pos",
                                "role:agent_verb", "frame:place", "bias")] == [0, 1, 1, 1, 2, 2, 2, 3]
    ex = two_fold_examples()
    parts = ("left", "right", "clause", "target")
    (plain,) = group_cv(ex, ((1.0, 1.0, 1.0, 1.0),), k=2)
    (same,) = static_cv(ex, ((StaticSet(parts=parts), 1.0),), k=2)
    assert plain["folds"] == same["folds"] and (plain["dense"], plain["word"], plain["rule"]) == (1.0, 1.0, 1.0)
