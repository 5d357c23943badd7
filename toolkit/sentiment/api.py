"""The sentiment API: sentiment toward a mention, the outlet's portrayal of mentions, a quote's voice.

``backend=`` is a registered name (:mod:`toolkit.sentiment.registry`) or a backend object. A backend
with a ``target`` method scores the target itself; one with only ``score`` is scored on the
mention's sentence, target-blind.
"""

from __future__ import annotations

from collections.abc import Iterable

from .context import sentence_of, target_context
from .news import news_labels, portrayal_band
from .records import TargetSentiment, label_of
from .registry import resolve

__all__ = ["target_sentiment", "portrayal", "entity_portrayal", "ENTITY_BAND", "entity_band", "voice"]

ENTITY_BAND = 0.05
"""An entity's mean mention score within +-ENTITY_BAND is neutral (VADER's conventional band, fixed a priori),
unless the backend names its own band (:func:`entity_band`)."""


def entity_band(backend) -> float:
    """The neutral band :func:`entity_portrayal` applies to ``backend``'s mean mention score: the backend's
    ``entity_band`` attribute where it has one (a backend whose scores run more extreme, e.g.
    :class:`toolkit.sentiment.stacked.StackedBackend`), else :data:`ENTITY_BAND`."""
    return float(getattr(resolve(backend), "entity_band", ENTITY_BAND))


def _check_span(text: str, start: int, end: int) -> None:
    if not (0 <= start < end <= len(text)):
        raise ValueError(f"mention span [{start}, {end}) outside text of length {len(text)}")


def _sentence_fallback(backend, text: str, start: int, end: int) -> TargetSentiment:
    """Score a backend without word scores on the target's sentence (target-blind)."""
    s, e = sentence_of(text, start, end)
    score = max(-1.0, min(1.0, float(backend.score(text[s:e]))))
    return TargetSentiment(label_of(score, -0.05, 0.05), round(score, 4), (), start, end, getattr(backend, "name", "?"))


def target_sentiment(text: str, start: int, end: int, backend="default") -> TargetSentiment:
    """Sentiment toward the mention ``text[start:end]``.

    Words inside someone else's quotation are damped, not dropped (use :func:`portrayal` for the
    outlet's own voice only).

    Args:
        text: the raw text (offsets index it).
        start: mention start.
        end: mention end (exclusive).
        backend: a registered backend name or a backend object.

    Returns:
        The label, a score in [-1, 1] and the evidence words with offsets into ``text``.
    """
    _check_span(text, start, end)
    b = resolve(backend)
    if hasattr(b, "target"):
        return b.target(text, start, end, ignore_quotes=False)
    return _sentence_fallback(b, text, start, end)


def portrayal(text: str, spans: Iterable[tuple[int, int]], backend="default",
              news: bool = True) -> list[TargetSentiment]:
    """How the outlet portrays each mention: sentiment toward every ``(start, end)`` in ``spans``.

    Sentiment words inside quotations that do not contain the mention (someone else speaking) are
    ignored. Sentence splits and token analyses are cached per text, so many spans over one
    article cost one split. The labels are news labels (:mod:`toolkit.sentiment.news`): a polar label
    within the backend's neutral band (:func:`toolkit.sentiment.news.portrayal_band`) and a mention
    directly followed by a noun of its supporters ("X supporters") are ``neutral``; the scores are
    the backend's. ``news=False`` gives the backend's own labels (for choosing those settings,
    :mod:`toolkit.sentiment.news_choice`).
    """
    b = resolve(backend)
    spans = list(spans)
    for start, end in spans:
        _check_span(text, start, end)
    out = _scored(b, text, spans)
    if not news:
        return out
    return news_labels(out, [target_context(text, start, end) for start, end in spans], portrayal_band(b))


def _scored(b, text: str, spans: list[tuple[int, int]]) -> list[TargetSentiment]:
    """The backend's own results for ``spans`` of ``text``, in the outlet's voice."""
    if hasattr(b, "target_batch"):  # a model scores all mentions of the article in batched passes
        return list(b.target_batch([(text, start, end) for start, end in spans]))
    if hasattr(b, "targets"):  # the linear models score all mentions of the text in one pass
        return b.targets(text, spans, ignore_quotes=True)
    out = []
    for start, end in spans:
        if hasattr(b, "target"):
            out.append(b.target(text, start, end, ignore_quotes=True))
        else:
            out.append(_sentence_fallback(b, text, start, end))
    return out


def entity_portrayal(text: str, spans: Iterable[tuple[int, int]], backend="default") -> TargetSentiment:
    """How one document portrays one entity, from all its mentions ``spans`` (``(start, end)`` pairs).

    Method: each mention is scored as in :func:`portrayal` (the outlet's voice: other speakers'
    quotations that do not hold the mention are ignored); the entity's score is the mean of the
    mention scores, its label ``negative`` / ``positive`` beyond the backend's band (:func:`entity_band`:
    :data:`ENTITY_BAND` unless the backend sets its own), else ``neutral``. The mean is the simplest document aggregate of target-level scores (the PerSenT
    baselines of Bastan et al. 2020, COLING, pool paragraph evidence likewise); it weighs every
    mention alike, so a document that names the entity often in neutral facts dilutes the one
    sentence that judges it, and pronouns count only when they are among ``spans``.

    Args:
        text: the document (offsets index it).
        spans: the entity's mention spans; at least one.
        backend: a registered backend name or a backend object.

    Returns:
        A :class:`TargetSentiment` over ``[first start, last end)``, its evidence the mentions'
        evidence words, strongest first (at most 10).

    Raises:
        ValueError: ``spans`` is empty or a span lies outside ``text``.
    """
    spans = sorted(spans)
    if not spans:
        raise ValueError("entity_portrayal needs at least one mention span")
    backend = resolve(backend)
    scored = portrayal(text, spans, backend, news=False)  # the scores only: news labels are not needed
    score = sum(r.score for r in scored) / len(scored)
    band = entity_band(backend)
    seen, evidence = set(), []
    for ev in sorted((e for r in scored for e in r.evidence), key=lambda e: -abs(e.weight)):
        if (ev.start, ev.end) not in seen:
            seen.add((ev.start, ev.end))
            evidence.append(ev)
    name = scored[0].backend
    return TargetSentiment(label_of(score, -band, band), round(score, 4), tuple(evidence[:10]),
                           spans[0][0], max(e for _s, e in spans), name)


def voice(quote_text: str, backend="default") -> float:
    """Sentiment of an actor's own words (a quote) in [-1, 1], target-blind."""
    b = resolve(backend)
    return max(-1.0, min(1.0, float(b.score(quote_text)))) if quote_text.strip() else 0.0

