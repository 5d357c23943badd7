"""LinearTargetBackend.targets scores all mentions of a text in one pass: the same records, bit for bit, as the
plain loop over the named features (the algorithm it replaced, kept here as the reference). Sentences are our own."""

from __future__ import annotations

import math
import random

import numpy as np
import pytest

from mention_stubs import spans_of

from toolkit.sentiment import linear
from toolkit.sentiment.context import target_context
from toolkit.sentiment.features import FeatureSet, showable
from toolkit.sentiment.linear import LinearTargetBackend
from toolkit.sentiment.linear_fit import row_logits
from toolkit.sentiment.records import LABELS, TargetSentiment
from toolkit.sentiment.rules import evidence

TEXTS = [
    'Orlov slammed the council, but the council did not blame Orlov; "Orlov is a liar," Vance said of Orlov.',
    "Vance wasn't praised by Orlov. The so-called council in Varna was accused by Vance of raids on Orlov's farms.",
    'Critics of the "council" say Orlov never helped Varna, although Vance warmly thanked Orlov -- twice!',
    "Orlov.",
]
NAMES = ("Orlov", "Vance", "council", "Varna")
SETS = [FeatureSet(), FeatureSet(framing=True, passive_agent=True), FeatureSet(clause=1, function_words=False),
        FeatureSet(clause=2, bigrams=True, window=3)]


def _spans(text: str) -> list[tuple[int, int]]:
    return spans_of(text, *NAMES)


def _backend(fs: FeatureSet) -> LinearTargetBackend:
    """A model with random weights on most features the texts produce (some left out, as a fit drops them)."""
    probe = LinearTargetBackend({}, settings={"features": fs.__dict__})
    names = sorted({f for text in TEXTS for s, e in _spans(text) for iq in (False, True)
                    for f, _v, _t in probe.features(text, s, e, iq)})
    rng = random.Random(7)
    weights = {f: [rng.uniform(-2, 2) for _ in range(3)] for f in names if rng.random() < 0.85}
    return LinearTargetBackend(weights, settings={"features": fs.__dict__})


def _reference(backend: LinearTargetBackend, text: str, start: int, end: int, ignore_quotes: bool) -> TargetSentiment:
    """The target sentiment as the loop over named features computes it."""
    feats, ctx = backend.features(text, start, end, ignore_quotes), target_context(text, start, end)
    logits = row_logits(backend.weights, feats)
    contrib, cued = {}, set()
    for name, value, tok in feats:
        coef = backend.weights.get(name)
        if coef is None or tok < 0:
            continue
        contrib[tok] = contrib.get(tok, 0.0) + value * (coef[2] - coef[0])
        if name.startswith(("lex:", "role:")):
            cued.add(tok)
    show = showable(ctx.sent)
    shown = [(i, v) for i, v in contrib.items() if show[i] and (i in cued or abs(v) >= 0.5)]
    top = max(logits)
    exp = [math.exp(v - top) for v in logits]
    probs = [v / sum(exp) for v in exp]
    label = LABELS[max(range(3), key=probs.__getitem__)]
    return TargetSentiment(label, round(probs[2] - probs[0], 4), evidence(ctx, shown), start, end, backend.name)


@pytest.mark.parametrize("fs", SETS, ids=["default", "framing", "clause1-nofunction", "clause2-bigrams"])
@pytest.mark.parametrize("ignore_quotes", [False, True])
def test_sentiment_linear_targets_equal_the_named_feature_loop(fs, ignore_quotes, monkeypatch):
    backend = _backend(fs)
    seen = []
    label_score = linear._label_score
    monkeypatch.setattr(linear, "_label_score", lambda *logits: (seen.append(list(logits)), label_score(*logits))[1])
    for text in TEXTS:
        spans = _spans(text)
        seen.clear()
        got = backend.targets(text, spans, ignore_quotes)
        assert got == [_reference(backend, text, s, e, ignore_quotes) for s, e in spans]
        # the logits themselves, not only their rounded score: the same additions in the same order
        assert seen == [row_logits(backend.weights, backend.features(text, s, e, ignore_quotes)) for s, e in spans]


def test_sentiment_linear_targets_batch_equals_one_at_a_time():
    backend = _backend(SETS[1])
    text = " ".join(TEXTS)
    spans = _spans(text)
    assert len(spans) > 10
    assert backend.targets(text, spans, True) == [backend.target(text, s, e, ignore_quotes=True) for s, e in spans]
    assert backend.targets(text, [], True) == []


def test_sentiment_linear_targets_words_outside_the_model_add_nothing():
    fs = FeatureSet()
    backend = LinearTargetBackend({"bias": [0.5, 0.0, -0.5], "s:blamed": [1.0, 0.0, -1.0]},
                                  settings={"features": fs.__dict__})
    text = "Orlov blamed the zyzzyvas of Varna."
    got = backend.target(text, 0, 5)
    want = row_logits(backend.weights, backend.features(text, 0, 5))
    probs = np.exp(np.array(want) - max(want))
    probs /= probs.sum()
    assert got.label == "negative"
    assert got.score == round(float(probs[2] - probs[0]), 4)
