"""Where the real (third-party) data lives: ``../shared`` by default, or ``$NARRATIVE_SHARED``.

That data is never copied into this repository; code reads it at run time from here, and tests that
need it skip when :func:`shared_path` returns ``None``.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["shared_root", "shared_path"]

_REPO = Path(__file__).resolve().parent.parent


def shared_root() -> Path:
    """The shared-data folder: ``$NARRATIVE_SHARED`` if set, else ``<repo>/../shared``."""
    env = os.environ.get("NARRATIVE_SHARED")
    return Path(env).expanduser() if env else _REPO.parent / "shared"


def shared_path(*parts: str) -> Path | None:
    """``shared_root()/parts`` if it exists, else ``None``."""
    p = shared_root().joinpath(*parts)
    return p if p.exists() else None
