"""StaticLinearBackend scores the dense block of all targets of a text together: each part's average is the
per-target float32 product, the logits one float64 product with all parts' coefficients stacked, so they are
within 1e-12 of the per-target sum (another summation order), and the records equal one-at-a-time scoring.
Sentences and vectors are our own."""

from __future__ import annotations

import numpy as np
import pytest

from mention_stubs import spans_of

from toolkit.sentiment.context import target_context
from toolkit.sentiment.static import PARTS, StaticLinearBackend, load_vectors

WORDS = ("the", "praised", "warmly", "blamed", "harshly", "mayor", "council", "said", "and", "but", "orlov")
TEXT = ('The council, and the mayor, praised Orlov warmly but "the council blamed Orlov harshly" said the mayor '
        'and Orlov praised the council. Orlov.')


@pytest.fixture()
def backend(tmp_path):
    rng = np.random.default_rng(3)
    path = tmp_path / "v.npz"
    np.savez(path, words=np.array(WORDS), vectors=rng.normal(size=(len(WORDS), 6)).astype(np.float16))
    weights = {f"sv:{p}:{k}": rng.normal(size=3).tolist() for p in PARTS for k in range(6)}
    weights.update({"bias": [0.1, 0.0, -0.1], "s:praised": [-1.0, 0.0, 1.0], "wL:blamed": [1.0, 0.0, -1.0]})
    ss = {"dims": 6, "parts": list(PARTS), "window": 3, "weighting": "sif", "scale": 4.0}
    return StaticLinearBackend(weights, settings={"static": ss}, vectors=load_vectors(path))


def _spans():
    return spans_of(TEXT, "Orlov")


@pytest.mark.parametrize("ignore_quotes", [False, True])
def test_sentiment_static_batch_logits_match_the_named_feature_sum(backend, ignore_quotes):
    ctxs = [target_context(TEXT, s, e) for s, e in _spans()]
    got = np.array(backend._extra_logits_batch(ctxs, ignore_quotes))
    want = np.array([backend._extra_logits(c, ignore_quotes) for c in ctxs])  # the weight-dictionary sum
    assert np.abs(want).max() > 0.1
    np.testing.assert_allclose(got, want, rtol=0, atol=1e-12)


def test_sentiment_static_batch_records_equal_one_at_a_time(backend):
    spans = _spans()
    assert backend.targets(TEXT, spans, True) == [backend.target(TEXT, s, e, ignore_quotes=True) for s, e in spans]
