"""static.part_weights finds each part's known words by binary search over the sentence's known tokens: the
same rows and weights as scanning the part token by token, for every weighting, window and quotation filter.
Sentences and vectors are our own."""

from __future__ import annotations

import numpy as np
import pytest

from toolkit.sentiment.context import target_context
from toolkit.sentiment.static import PARTS, StaticLinearBackend, StaticSet, load_vectors, part_weights

WORDS = ("the", "praised", "warmly", "blamed", "harshly", "mayor", "council", "said", "and", "but")
TEXT = ('The council, and the mayor, praised Orlov warmly but "the council blamed Orlov harshly" said the mayor '
        'and Orlov praised the council.')


@pytest.fixture()
def vectors(tmp_path):
    rng = np.random.default_rng(1)
    path = tmp_path / "v.npz"
    np.savez(path, words=np.array(WORDS), vectors=rng.normal(size=(len(WORDS), 6)).astype(np.float16))
    return load_vectors(path)


def _scan(ctx, ss, vectors, ignore_quotes):
    """The part pooling by a plain scan of each part's tokens (the reference)."""
    sent, t0, t1 = ctx.sent, ctx.t0, ctx.t1
    n = len(sent.lower)
    c0 = min(i for i in range(t0 + 1) if sent.breaks[i] == sent.breaks[t0])
    c1 = max([i for i in range(t1, n) if sent.breaks[i] == sent.breaks[t1]]) + 1
    ranges = {"left": range(max(0, t0 - ss.window), t0), "right": range(t1 + 1, min(n, t1 + 1 + ss.window)),
              "clause": [*range(c0, t0), *range(t1 + 1, c1)], "target": range(t0, t1 + 1)}
    out = []
    for part in ss.parts:
        sel = [i for i in ranges[part] if sent.lower[i] in vectors.index
               and not (ignore_quotes and sent.quote[i] >= 0 and sent.quote[i] != ctx.target_quote)]
        if not sel:
            continue
        rows = np.array([vectors.index[sent.lower[i]] for i in sel])
        if ss.weighting == "sif":
            w = vectors.sif[rows]
        elif ss.weighting == "distance":
            w = np.array([1.0 / (1.0 + (max(t0 - i if i < t0 else i - t1, 1) - 1) / 3.0) for i in sel])
        else:
            w = np.ones(len(sel))
        out.append((part, rows, w * (ss.scale / len(sel))))
    return out


@pytest.mark.parametrize("weighting", ["sif", "distance", "mean"])
@pytest.mark.parametrize("window", [1, 3, 8])
@pytest.mark.parametrize("ignore_quotes", [False, True])
def test_sentiment_static_pooling_part_weights_equal_a_plain_scan(vectors, weighting, window, ignore_quotes):
    ss = StaticSet(dims=6, parts=PARTS, window=window, weighting=weighting, scale=2.0)
    start = -1
    while (start := TEXT.find("Orlov", start + 1)) >= 0:
        ctx = target_context(TEXT, start, start + 5)
        got, want = part_weights(ctx, ss, vectors, ignore_quotes), _scan(ctx, ss, vectors, ignore_quotes)
        assert [p for p, _r, _w in got] == [p for p, _r, _w in want]
        for (_p, rows, w), (_q, rows_want, w_want) in zip(got, want):
            assert rows.tolist() == rows_want.tolist()
            np.testing.assert_allclose(w, w_want, rtol=1e-6)


def test_sentiment_static_pooling_dense_logits_are_the_pooled_vectors_times_coefficients(vectors):
    ss = {"dims": 6, "parts": list(PARTS), "window": 4, "weighting": "sif", "scale": 1.0}
    rng = np.random.default_rng(2)
    weights = {f"sv:{p}:{k}": rng.normal(size=3).tolist() for p in PARTS for k in range(6)}
    backend = StaticLinearBackend(weights, settings={"static": ss}, vectors=vectors)
    start = TEXT.index("Orlov")
    ctx = target_context(TEXT, start, start + 5)
    want = np.zeros(3)
    for part, rows, w in _scan(ctx, backend.static_set, vectors, True):
        want += (w @ vectors.vectors[rows]) @ np.array([weights[f"sv:{part}:{k}"] for k in range(6)])
    np.testing.assert_allclose(backend._extra_logits_batch([ctx], True)[0], want, rtol=1e-5)
