"""Target-dependent sentiment: how a sentence portrays the actor mentioned at ``[start, end)``.

Sentence-level sentiment ignores the target: in "X slammed Y" the sentence is negative, but the
criticism is about Y, not X. Following the target-dependent sentiment literature (Jiang et al. 2011,
"Target-dependent Twitter Sentiment Classification", ACL; Hamborg & Donnay 2021, "NewsMTSC:
(Multi-)Target-dependent Sentiment Classification in News Articles", EACL), the backends score the
target from what sits around it. One module per job, imports only downward:

* :mod:`~toolkit.sentiment.records`: :class:`TargetSentiment`, :class:`Evidence`, :data:`LABELS`,
  the :class:`SentimentBackend` protocol;
* :mod:`~toolkit.sentiment.lexical`: VADER and TextBlob word and sentence polarity;
* :mod:`~toolkit.sentiment.context`: the target's sentence, tokens, negation, quotations and roles;
* :mod:`~toolkit.sentiment.rules`: the rule scorer (backends ``vader`` and ``textblob``);
* :mod:`~toolkit.sentiment.features`: the linear model's features (lexicon and role cues, window words, framing);
* :mod:`~toolkit.sentiment.linear`: the linear target model (backend ``linear``, shipped weights)
  and :func:`train` to refit it;
* :mod:`~toolkit.sentiment.static`: the same model with static word-vector features (backend ``default``, also
  ``static``); :mod:`~toolkit.sentiment.selection` chooses both models' settings by train-article CV;
* :mod:`~toolkit.sentiment.stacked`: gradient-boosted trees stacked on that model (backend ``stacked``, not the
  default);
* :mod:`~toolkit.sentiment.registry`: backends by name (:func:`register_backend`,
  :func:`unregister_backend`);
* :mod:`~toolkit.sentiment.news`: portrayal's news labels (a neutral band on the mention score, the
  follower-noun rule), chosen by leave-one-set-out over the real-news spot sets in
  :mod:`~toolkit.sentiment.news_choice`;
* :mod:`~toolkit.sentiment.api`: :func:`target_sentiment`, :func:`portrayal`, :func:`entity_portrayal`, :func:`voice`;
* :mod:`~toolkit.sentiment.trained` (backend ``trained``, imported only when asked for) and
  :mod:`~toolkit.sentiment.finetune` (its training): the optional fine-tuned encoder, which needs torch.

The gold targets (:class:`Example`) and their NewsMTSC loader live in :mod:`toolkit.datasets`.
"""

from __future__ import annotations

from ..datasets import Example
from .api import entity_portrayal, portrayal, target_sentiment, voice
from .lexical import TextBlobBackend, VaderBackend
from .linear import MODEL_PATH, LinearTargetBackend
from .linear_fit import train
from .records import LABELS, Evidence, SentimentBackend, TargetSentiment, label_of
from .registry import available_backends, get_backend, packaged_backend, register_backend, unregister_backend
from .rules import RuleParams, RuleTargetBackend

__all__ = [
    "LABELS",
    "Evidence",
    "TargetSentiment",
    "Example",
    "SentimentBackend",
    "VaderBackend",
    "TextBlobBackend",
    "RuleParams",
    "RuleTargetBackend",
    "LinearTargetBackend",
    "register_backend",
    "unregister_backend",
    "get_backend",
    "available_backends",
    "packaged_backend",
    "target_sentiment",
    "portrayal",
    "entity_portrayal",
    "voice",
    "label_of",
    "train",
    "MODEL_PATH",
]
