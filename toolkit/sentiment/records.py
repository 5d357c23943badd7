"""The records of target sentiment and the protocol a backend implements.

A :class:`TargetSentiment` is the sentiment toward one mention ``text[start:end]``: a label of
:data:`LABELS`, a signed score and the :class:`Evidence` words, with offsets into the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

__all__ = ["LABELS", "Evidence", "TargetSentiment", "SentimentBackend", "label_of"]

LABELS = ("negative", "neutral", "positive")
"""The three classes, in the order of the models' coefficients and probabilities."""


@dataclass(frozen=True)
class Evidence:
    """A word that moved the score: ``text[start:end]`` and its signed contribution."""

    start: int
    end: int
    text: str
    weight: float


@dataclass(frozen=True)
class TargetSentiment:
    """Sentiment toward the mention ``[start, end)``.

    Attributes:
        label: ``negative``, ``neutral`` or ``positive``.
        score: signed strength in [-1, 1] (negative < 0 < positive).
        evidence: the words that drove the score, strongest first, with offsets into the text.
        start: mention start offset.
        end: mention end offset.
        backend: name of the backend that scored it.
    """

    label: str
    score: float
    evidence: tuple[Evidence, ...]
    start: int
    end: int
    backend: str


@runtime_checkable
class SentimentBackend(Protocol):
    """What a sentiment backend provides.

    Required: ``name`` and ``score(text) -> float`` in [-1, 1] (sentence-level, target-blind).
    Optional: ``word_score(word) -> float`` in [-1, 1] for lowercased single words; a backend that
    has it gets the target-aware rules of :mod:`toolkit.sentiment.rules` (distance, negation, quotes, roles). A backend
    may instead implement ``target(text, start, end, ignore_quotes) -> TargetSentiment`` itself.
    Optional: ``entity_band: float``, the half-width of the neutral band that
    :func:`toolkit.sentiment.entity_portrayal` applies to the mean of the backend's mention scores (read by
    :func:`toolkit.sentiment.api.entity_band`; without it the fixed :data:`toolkit.sentiment.api.ENTITY_BAND`,
    0.05). It suits a backend whose scores run more extreme (``stacked``: 0.25, chosen by nested PerSenT
    document folds, ``tools/static_persent_band.py``). Being optional it is not a protocol member, so
    ``isinstance(backend, SentimentBackend)`` does not ask for it.
    """

    name: str

    def score(self, text: str) -> float:
        """Sentence-level polarity in [-1, 1]."""
        ...


def label_of(score: float, neg_threshold: float, pos_threshold: float) -> str:
    """``negative`` below ``neg_threshold``, ``positive`` above ``pos_threshold``, else ``neutral``."""
    return "negative" if score < neg_threshold else "positive" if score > pos_threshold else "neutral"

