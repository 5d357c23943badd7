"""The backend registry: sentiment backends by name, created on first use.

Built in: ``default`` (the linear target model of :mod:`toolkit.sentiment.linear` with the dense
static-vector features of :mod:`toolkit.sentiment.static`, ``toolkit/models/sentiment_static.json``;
``static`` is the same model under its own name; both with the packaged model's portrayal band,
:func:`toolkit.sentiment.static.load_packaged`), ``stacked`` (gradient-boosted trees stacked on that model,
:mod:`toolkit.sentiment.stacked`, ``toolkit/models/sentiment_stack.json``; issue 20 round 5, not the default:
it labels one dev portrayal spot mention fewer right; with its own entity band since round 14, PerSenT's nested
held-out fold macro-F1 is 0.432 +- 0.031 against 0.372 +- 0.027 at +-0.05 and the default's 0.401 +- 0.020 in the
same folds, ``tools/static_persent_band.py``), ``linear`` (the linear model alone, the default before issue 20's
second round, ``toolkit/models/sentiment_linear.json``), ``vader`` and ``textblob`` (the rule
scorer, :mod:`toolkit.sentiment.rules`, over :mod:`toolkit.sentiment.lexical`), and ``trained``
(:mod:`toolkit.sentiment.trained`, imported only when that backend is asked for: it needs torch).
:func:`register_backend` adds one, :func:`unregister_backend` removes one again.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from . import lexical
from .linear import MODEL_PATH, LinearTargetBackend
from .rules import TEXTBLOB_PARAMS, RuleTargetBackend
from .static import MODEL_PATH as STATIC_MODEL_PATH
from .static import load_packaged

__all__ = ["register_backend", "unregister_backend", "available_backends", "get_backend", "packaged_backend",
           "resolve"]

def _trained() -> object:
    """The ``trained`` backend: the newest model written by ``python -m toolkit train sentiment``."""
    try:
        from .trained import trained_backend

        return trained_backend()
    except ImportError as err:
        raise ImportError(f"sentiment backend 'trained' needs the optional dependencies ({err}); install them "
                          "with: pip install torch==2.13.0 && pip install 'narrative-toolkit[trained]'") from err


def _stacked() -> object:
    """The ``stacked`` backend (its module imported on first use)."""
    from .stacked import STACK_PATH, StackedBackend

    return StackedBackend.load(STACK_PATH, name="stacked", linear_path=STATIC_MODEL_PATH)


_BUILT_IN: dict[str, Callable[[], object]] = {
    "vader": lambda: RuleTargetBackend(lexical.vader()),
    "textblob": lambda: RuleTargetBackend(lexical.textblob(), TEXTBLOB_PARAMS),
    "default": lambda: load_packaged("default"),
    "stacked": _stacked,
    "static": lambda: load_packaged("static"),
    "linear": lambda: LinearTargetBackend.load(MODEL_PATH, name="linear"),
    "trained": _trained,
}
_FACTORIES: dict[str, Callable[[], object] | object] = dict(_BUILT_IN)
# lexicon/model in the package
_PACKAGED = {name: _BUILT_IN[name] for name in ("vader", "textblob", "default", "static", "stacked", "linear")}
_INSTANCES: dict[str, object] = {}
_LOCK = threading.RLock()


def packaged_backend(name: str) -> bool:
    """Whether ``name`` is still one of the backends whose lexicon or model ships inside the package
    (``default``, ``static``, ``stacked``, ``linear``, ``vader``, ``textblob``, not replaced by :func:`register_backend`): the package's
    own files then identify it, without loading it."""
    return name in _PACKAGED and _FACTORIES.get(name) is _PACKAGED[name]


def register_backend(name: str, backend) -> None:
    """Make ``backend`` available as ``name`` (replacing any backend of that name).

    Args:
        name: the name to pass as ``backend=`` to :func:`toolkit.sentiment.target_sentiment`,
            :func:`~toolkit.sentiment.portrayal`, :func:`~toolkit.sentiment.voice`.
        backend: an object with ``name`` and ``score(text)`` (see
            :class:`toolkit.sentiment.records.SentimentBackend`), or a zero-argument factory returning
            one (called lazily, once). A backend with ``word_score`` but no ``target`` method is
            wrapped in :class:`toolkit.sentiment.rules.RuleTargetBackend`.
    """
    if not isinstance(name, str) or not name:
        raise ValueError("backend name must be a non-empty string")
    if not (callable(backend) or hasattr(backend, "score")):
        raise TypeError(f"backend {name!r} must have a score(text) method or be a factory")
    with _LOCK:
        _FACTORIES[name] = backend
        _INSTANCES.pop(name, None)


def unregister_backend(name: str) -> None:
    """Undo :func:`register_backend`: a built-in name (``default``, ``static``, ``stacked``, ``linear``,
    ``vader``, ``textblob``, ``trained``) gets its built-in backend back, any other name is removed.

    Raises:
        KeyError: no backend of that name is registered.
    """
    with _LOCK:
        if name not in _FACTORIES:
            raise KeyError(f"unknown sentiment backend {name!r}; registered: {', '.join(available_backends())}")
        if name in _BUILT_IN:
            _FACTORIES[name] = _BUILT_IN[name]
        else:
            del _FACTORIES[name]
        _INSTANCES.pop(name, None)


def available_backends() -> list[str]:
    """Names of the registered backends."""
    return sorted(_FACTORIES)


def get_backend(name: str = "default"):
    """The backend registered as ``name``, created on first use and cached.

    Raises:
        KeyError: no backend of that name (the message lists the registered ones).
    """
    with _LOCK:
        backend = _INSTANCES.get(name)
        if backend is not None:
            return backend
        if name not in _FACTORIES:
            raise KeyError(f"unknown sentiment backend {name!r}; registered: {', '.join(available_backends())}")
        made = _FACTORIES[name]
        if not hasattr(made, "score"):
            made = made()
        if not hasattr(made, "score"):
            raise TypeError(f"backend {name!r} has no score(text) method")
        if not hasattr(made, "target") and hasattr(made, "word_score"):
            made = RuleTargetBackend(made)
        _INSTANCES[name] = made
        return made


def resolve(backend) -> object:
    """``backend`` itself, or the registered backend of that name when it is a string."""
    return get_backend(backend) if isinstance(backend, str) else backend


