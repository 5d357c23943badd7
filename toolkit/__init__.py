"""narrative-toolkit: how news coverage frames the actors of a conflict.

The flat public API (textacy-style): load a corpus, extract quotes, mentions and hedges, score
target sentiment, ``analyze`` a corpus into tidy DataFrames and ``compare`` groups with confidence
intervals. Names are imported lazily so ``import toolkit`` stays fast.
"""

from __future__ import annotations

import importlib
import sys
import types

__version__ = "0.1.0"

_EXPORTS = {
    "load_corpus": "corpus", "Corpus": "corpus", "Article": "corpus", "Section": "corpus",
    "sentences": "text", "tokens": "text",
    "load_actors": "actors", "find_mentions": "actors", "Actor": "actors", "Mention": "actors",
    "extract_quotes": "quotes", "Quote": "quotes", "quote_share": "quotes",
    "target_sentiment": "sentiment", "TargetSentiment": "sentiment", "register_backend": "sentiment",
    "portrayal": "sentiment", "voice": "sentiment", "available_backends": "sentiment",
    "find_hedges": "hedging", "Hedge": "hedging", "load_hedges": "hedging", "is_uncertain": "hedging",
    "analyze": "pipeline", "Results": "pipeline", "concat_results": "pipeline",
    "cache_entries": "pipeline", "prune_cache": "pipeline", "CacheEntry": "pipeline",
    "StorageError": "pipeline", "WorkerDied": "pipeline",
    "compare": "compare", "quote_share_by": "compare", "difference_test": "compare", "stance_shares": "compare",
    "highlight": "display", "evidence": "display",
    "LexiconError": "lexicon",
    "unresolved_speakers": "speakers",
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


class _Package(types.ModuleType):
    """``toolkit.analyze`` and ``toolkit.compare`` stay the functions of those names.

    Importing a submodule binds it on its package (``from toolkit.analyze import Results`` would
    make ``toolkit.analyze`` the module and ``toolkit.analyze(corpus)`` fail); the public function
    of the module's name is bound instead. The modules stay importable by their dotted names.
    """

    def __setattr__(self, name: str, value) -> None:
        if isinstance(value, types.ModuleType) and _EXPORTS.get(name) == name:
            value = getattr(value, name)
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
