"""Tuning the static vectors (tools/tune_static.py) pools exactly as the static backend does, moves the
vectors of the words it trains on only, and is deterministic. Sentences and vectors are our own."""

from __future__ import annotations

import numpy as np
import pytest
from tool_scripts import load_tool

from toolkit.datasets import Example
from toolkit.sentiment.context import target_context
from toolkit.sentiment.static import StaticSet, load_vectors, part_weights, static_features

WORDS = ("the", "praised", "warmly", "blamed", "harshly", "mayor", "zebra")
SS = StaticSet(dims=4, parts=("left", "right", "clause", "target"))


@pytest.fixture()
def vectors(tmp_path):
    rng = np.random.default_rng(1)
    path = tmp_path / "v.npz"
    np.savez(path, words=np.array(WORDS), vectors=rng.normal(size=(len(WORDS), 4)).astype(np.float16))
    return load_vectors(path)


def _example(text: str, label: str, target: str = "Orlov") -> Example:
    start = text.index(target)
    return Example(text, start, start + len(target), label, doc=text)


def test_sentiment_static_tune_part_weights_match_the_features(vectors):
    text = "The mayor warmly praised Orlov, and the zebra blamed the mayor harshly."
    ctx = target_context(text, text.index("Orlov"), text.index("Orlov") + 5)
    feats = dict((n, v) for n, v, _t in static_features(ctx, SS, vectors))
    for part, rows, w in part_weights(ctx, SS, vectors):
        pooled = w @ vectors.vectors[rows]
        assert np.allclose(pooled, [feats[f"sv:{part}:{k}"] for k in range(4)], atol=1e-6)


def test_sentiment_static_tune_moves_trained_words_only_and_is_deterministic(vectors):
    pytest.importorskip("torch")
    tool = load_tool("tune_static")
    examples = [_example("The mayor warmly praised Orlov.", "positive"),
                _example("The mayor harshly blamed Orlov.", "negative"),
                _example("Orlov met the mayor.", "neutral")] * 4
    a = tool.tune(examples, SS, vectors, epochs=3, anchor=0.0, lr=0.05, dropout=0.0)
    b = tool.tune(examples, SS, vectors, epochs=3, anchor=0.0, lr=0.05, dropout=0.0)
    assert np.array_equal(a, b)
    moved = np.abs(a - vectors.vectors).max(axis=1) > 1e-6
    assert moved[WORDS.index("praised")] and moved[WORDS.index("blamed")]
    assert not moved[WORDS.index("zebra")]  # never in a training sentence
