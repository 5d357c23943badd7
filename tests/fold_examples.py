"""Labelled examples for the tests of the sentiment settings' cross-validation (toolkit.sentiment.selection): three
sentences of our own, each label twice in each of two article folds."""

from __future__ import annotations

from toolkit.datasets import Example
from toolkit.sentiment.selection import fold_of

TEXTS = (("The generous Orlov won warm praise.", "positive"), ("The cruel Orlov faced harsh blame.", "negative"),
         ("Orlov arrived on Tuesday.", "neutral"))


def two_fold_examples() -> list[Example]:
    """Twelve examples whose article ids fall two per label in each of two folds of ``fold_of(..., 2)``."""
    docs: dict[int, list[str]] = {0: [], 1: []}  # article ids falling in each of the two folds
    n = 0
    while min(len(v) for v in docs.values()) < 2 * len(TEXTS):
        d = f"doc_{n}"
        n += 1
        f = fold_of(Example("", 0, 1, "neutral", doc=d), 2)
        if len(docs[f]) < 2 * len(TEXTS):
            docs[f].append(d)
    return [Example(t, t.index("Orlov"), t.index("Orlov") + 5, label, doc=docs[f][2 * i + j])
            for f in (0, 1) for i, (t, label) in enumerate(TEXTS) for j in (0, 1)]
