"""narrative-toolkit: how news coverage frames the actors of a conflict.

The flat public API (textacy-style): load a corpus, extract quotes, mentions and hedges, score
target sentiment, ``analyze`` a corpus into tidy DataFrames and ``compare`` groups with confidence
intervals. Names are imported lazily so ``import toolkit`` stays fast.
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

_EXPORTS = {
    "load_corpus": "corpus", "Corpus": "corpus", "Article": "corpus", "Section": "corpus",
    "sentences": "text", "tokens": "text",
    "load_actors": "actors", "find_mentions": "actors", "Actor": "actors", "Mention": "actors",
    "extract_quotes": "quotes", "Quote": "quotes", "quote_share": "quotes",
    "target_sentiment": "sentiment", "TargetSentiment": "sentiment", "register_backend": "sentiment",
    "portrayal": "sentiment", "voice": "sentiment", "available_backends": "sentiment",
    "find_hedges": "hedging", "Hedge": "hedging", "load_hedges": "hedging", "is_uncertain": "hedging",
    "analyze": "analyze", "Results": "analyze",
    "compare": "compare", "quote_share_by": "compare", "difference_test": "compare", "stance_shares": "compare",
    "highlight": "display", "evidence": "display",
    "LexiconError": "lexicon",
}

__all__ = sorted(_EXPORTS) + ["__version__"]


def __getattr__(name: str):
    if name in _EXPORTS:
        value = getattr(importlib.import_module(f"toolkit.{_EXPORTS[name]}"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'toolkit' has no attribute {name!r}")


def __dir__():
    return __all__
