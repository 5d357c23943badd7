"""narrative-toolkit: how news coverage frames the actors of a conflict.

The flat public API (textacy-style): load a corpus, extract quotes, mentions and hedges, score
target sentiment, ``analyze`` a corpus into tidy DataFrames and ``compare`` groups with confidence
intervals. Names are imported on first use (a module ``__getattr__``, PEP 562), so ``import toolkit``
stays fast; ``toolkit.plots``, ``toolkit.display`` and every other submodule load the same way.
The package is a plain module: no submodule shares a name with an exported function, so
``import toolkit.pipeline`` leaves ``toolkit.analyze`` the function.
"""

from __future__ import annotations

import importlib
import pkgutil

__version__ = "0.1.0"

# exported name -> the submodule that defines it
_EXPORTS = {
    "load_corpus": "corpus", "Corpus": "corpus", "Article": "corpus", "Section": "corpus",
    "sentences": "text", "tokens": "text",
    "load_actors": "actors", "find_mentions": "actors", "Actor": "actors", "Mention": "actors",
    "extract_quotes": "quotes", "Quote": "quotes",
    "target_sentiment": "sentiment", "TargetSentiment": "sentiment", "register_backend": "sentiment",
    "portrayal": "sentiment", "entity_portrayal": "sentiment", "voice": "sentiment", "available_backends": "sentiment",
    "find_hedges": "hedging", "Hedge": "hedging", "load_hedges": "hedging", "is_uncertain": "hedging",
    "analyze": "pipeline", "Results": "pipeline", "concat_results": "pipeline",
    "cache_entries": "pipeline", "prune_cache": "pipeline", "CacheEntry": "pipeline",
    "StorageError": "pipeline", "WorkerDied": "pipeline",
    "compare": "comparison", "quote_share_by": "comparison", "difference_test": "comparison",
    "stance_shares": "comparison", "label_shares": "comparison", "article_labels": "comparison",
    "correction_against_gold": "comparison", "correction_error": "comparison",
    "annotation_sample": "annotation", "write_annotation_sheet": "annotation", "load_annotations": "annotation",
    "find_labels": "labels", "load_labels": "labels", "Label": "labels",
    "highlight": "display", "evidence": "display",
    "LexiconError": "lexicon",
    "unresolved_speakers": "quotes",
}
# submodules exported as modules (``from toolkit import plots``)
_MODULES = ("plots", "display")

__all__ = sorted([*_EXPORTS, *_MODULES]) + ["__version__"]


def __getattr__(name: str):
    if name in _EXPORTS:
        value = getattr(importlib.import_module(f"toolkit.{_EXPORTS[name]}"), name)
    elif name in _submodules():
        value = importlib.import_module(f"toolkit.{name}")
    else:
        raise AttributeError(f"module 'toolkit' has no attribute {name!r}")
    globals()[name] = value
    return value


def _submodules() -> set[str]:
    return {m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_")}


def __dir__():
    return sorted({*__all__, *_submodules()})
