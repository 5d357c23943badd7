"""Portrayal's news labels: a neutral band on the mention score and the follower-noun rule.

The target models are fitted on NewsMTSC (Hamborg & Donnay 2021, EACL), whose targets were sampled to be
polar; on real news most outlet mentions are neutral (28 of 40 in each of the three dev sets,
``portrayal_real``, ``portrayal_fresh`` and ``portrayal_fresh2`` of ``toolkit/validate/gold/``), and the
arg-max label of the NewsMTSC model is too polar there. :func:`toolkit.sentiment.portrayal` therefore
relabels its mentions, and only their labels:

* **band**: a polar label whose score ``P(positive) - P(negative)`` lies within ``+-band`` becomes
  ``neutral`` (the backend's ``portrayal_band``, :func:`portrayal_band`; 0 for a backend without one, so
  only a backend that declares a band is changed);
* **follower noun**: a mention directly followed by a person noun of its followers (``follower_nouns`` of
  ``sentiment_roles.yml``: "Mara Quill supporters", "the Vale Front's allies") is labelled ``neutral``: the
  sentence judges the supporters, not the actor. Not the nouns of an act ("Mara Quill endorsement of ...",
  "the Vale Front's support for ..." judge the actor), nor a follower noun read as a verb (followed by a
  determiner or object pronoun, ``follower_verb_objects``: "Ruritania allies itself with ..."). Positional,
  no parser (as :mod:`toolkit.sentiment.context`); limit: a verb use with another object is missed.

The scores are left as the model gives them, so :func:`toolkit.sentiment.target_sentiment` (NewsMTSC),
:func:`toolkit.sentiment.entity_portrayal` (PerSenT, the mean of the scores) and the pipeline's portrayal
measures (means of the scores) are unchanged; a relabelled mention keeps its signed score.

Evidence, in sample: the band and the rule were chosen by leave-one-set-out over the three dev spot sets
(120 mentions; ``python tools/portrayal_band_loso.py``), by a decision rule fixed before the fold figures
(commit 093ef0e, docs/training.md) but written after the pooled in-sample band curve (accuracy and macro-F1
of bands 0-0.8 over all three sets, peak at 0.35) had been seen, and the rule after reading the errors of
all three; so the pooled leave-one-set-out macro-F1 (0.604 against 0.584) is optimistic. The forward check is
the held-out ``portrayal_fresh3`` set, scored once at the end of round 15: accuracy 0.725 (0.675 as drawn, before
these labels; always neutral 0.750), macro-F1 0.46 (0.52 as drawn), so the macro-F1 gain did not hold on new text.
40 mentions a set: one mention moves a set's accuracy by 0.025.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from .context import TargetContext, role_cues
from .records import TargetSentiment

__all__ = ["follower_modifier", "portrayal_band", "news_label", "news_labels"]


def portrayal_band(backend) -> float:
    """The neutral band portrayal applies to ``backend``'s mention scores: its ``portrayal_band``
    attribute, else 0.0 (no band)."""
    return float(getattr(backend, "portrayal_band", 0.0))


def follower_modifier(ctx: TargetContext) -> bool:
    """Whether the token right after the target (its possessive ``'s`` is part of the target's last
    token) is a follower noun of the roles file (``follower_nouns``: persons, never "support" or
    "endorsement") read as a noun: not followed by a word of ``follower_verb_objects`` ("allies itself",
    "fans the flames" are verbs). The target then modifies the noun of its followers."""
    cues = role_cues()
    words, nxt = ctx.sent.lower, ctx.t1 + 1
    if nxt >= len(words) or words[nxt] not in cues.followers:
        return False
    return nxt + 1 >= len(words) or words[nxt + 1] not in cues.follower_objects


def news_label(result: TargetSentiment, band: float, follower: bool) -> TargetSentiment:
    """``result`` relabelled ``neutral`` when ``follower`` or when its polar score lies within ``+-band``
    (the score and evidence are kept)."""
    if result.label != "neutral" and (follower or abs(result.score) < band):
        return replace(result, label="neutral")
    return result


def news_labels(results: Sequence[TargetSentiment], contexts: Sequence[TargetContext],
                band: float) -> list[TargetSentiment]:
    """:func:`news_label` of each result with its mention's context."""
    return [news_label(r, band, follower_modifier(c)) for r, c in zip(results, contexts)]
