"""Where things live on disk: the shared third-party data and the cache folder.

Real (third-party) data lives in ``../shared`` by default, or ``$NARRATIVE_SHARED``. It is never
copied into this repository; code reads it at run time from here, and tests that need it skip when
:func:`shared_path` returns ``None``. Cached analyses and fitted models go to :func:`cache_dir`.
Both are read from the environment on each call, so setting the variable in a notebook takes effect.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["shared_root", "shared_path", "cache_dir"]

_REPO = Path(__file__).resolve().parent.parent


def shared_root() -> Path:
    """The shared-data folder: ``$NARRATIVE_SHARED`` if set, else ``<repo>/../shared``."""
    env = os.environ.get("NARRATIVE_SHARED")
    return Path(env).expanduser() if env else _REPO.parent / "shared"


def shared_path(*parts: str) -> Path | None:
    """``shared_root()/parts`` if it exists, else ``None``."""
    p = shared_root().joinpath(*parts)
    return p if p.exists() else None


def cache_dir() -> Path:
    """The cache folder: ``$NARRATIVE_CACHE`` if set, else ``~/.cache/narrative-toolkit``.

    The one place that resolves it (analysis results, cache pruning, fitted sentiment models).
    """
    env = os.environ.get("NARRATIVE_CACHE")
    return Path(env).expanduser() if env else Path.home() / ".cache" / "narrative-toolkit"
