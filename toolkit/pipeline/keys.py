"""The cache key of a run: settings, the toolkit's own files, lexicon files, sentiment models, chunk
hashes and corpus-level fields."""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path

from .. import __version__
from ..lexicon import DEFAULT_DIR
from .source import _Source


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """SHA-256 of the package's own files (code, lexicons, models): a changed toolkit recomputes
    even where the version number was not bumped (a development checkout)."""
    root = Path(__file__).resolve().parent.parent
    h = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.suffix in (".py", ".yml", ".json") and p.is_file()):
        h.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def _backend_fingerprint(name: str) -> str:
    """What identifies a sentiment backend's model beyond its name (a trained model's manifest);
    a packaged backend is identified by the package's files, so a cached run need not load it."""
    from ..sentiment import get_backend, packaged_backend

    if packaged_backend(name):
        return ""
    manifest = getattr(get_backend(name), "manifest", None)
    return json.dumps(manifest, sort_keys=True, default=str) if manifest is not None else ""


class _Key:
    """The cache key, fed with the settings, the package's files, lexicon files, chunk hashes and
    corpus-level fields."""

    def __init__(self, settings: dict) -> None:
        self._h = hashlib.sha256(f"narrative-toolkit {__version__} {code_fingerprint()}\n".encode())
        self._h.update(json.dumps(settings, sort_keys=True, default=str).encode())
        for name in settings["backends"]:
            self._h.update(name.encode() + b"\0" + _backend_fingerprint(name).encode() + b"\0")
        for name in ("actors", "verbs", "hedges", "labels"):
            path = Path(settings["lexicons"].get(name) or DEFAULT_DIR / f"{name}.yml")
            self._h.update(name.encode() + b"\0" + (path.read_bytes() if path.exists() else b"") + b"\0")

    def add_chunk(self, chunk_hash: str) -> None:
        self._h.update(chunk_hash.encode() + b"\0")

    def finish(self, source: _Source) -> str:
        h = self._h.copy()
        h.update(json.dumps(source.alignment, sort_keys=True).encode())
        h.update(json.dumps([p.__dict__ for p in source.problems], sort_keys=True, default=str).encode())
        return h.hexdigest()[:24]
