"""The analysis cache: a listing of its entries and pruning."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from ..paths import cache_dir as cache_dir_default
from .store import RUN_FILE, _try_lock

log = logging.getLogger(__name__)

_ENTRY = re.compile(r"(?P<key>[0-9a-f]{24})|\.(?P<partial>[0-9a-f]{24}|stream-[0-9a-f]{32})\.partial")


@dataclass(frozen=True)
class CacheEntry:
    """One entry of the analysis cache (see :func:`cache_entries`)."""

    key: str  # the cache key (``stream-...`` for a run over a one-shot iterator)
    path: Path
    corpus: str  # the corpus name ("" when unknown)
    size: int  # bytes
    age_days: float  # since the entry was last written or read
    finished: bool  # False: the working folder of a run that was killed, failed or is running
    locked: bool  # a run is using it now (never pruned)


def _entry_of(path: Path, now: float) -> CacheEntry | None:
    m = _ENTRY.fullmatch(path.name)
    if m is None or not path.is_dir() or path.is_symlink():
        return None
    finished = m.group("key") is not None
    corpus = ""
    with contextlib.suppress(OSError, ValueError, KeyError, TypeError, AttributeError):
        info = json.loads((path / ("manifest.json" if finished else RUN_FILE)).read_text())
        corpus = str((info["settings"] if finished else info).get("corpus", ""))
    try:  # a run may finish (rename) or a prune delete the folder while it is listed
        size, latest = 0, path.stat().st_mtime
        for p in path.rglob("*"):
            with contextlib.suppress(OSError):
                st = p.lstat()
                size += st.st_size if p.is_file() else 0
                latest = max(latest, st.st_mtime)
    except FileNotFoundError:
        return None
    locked = False
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            locked = not _try_lock(fd)
        finally:
            os.close(fd)
    return CacheEntry(m.group("key") or m.group("partial"), path, corpus, size, max(now - latest, 0.0) / 86400,
                      finished, locked)


def cache_entries(cache: str | Path | None = None) -> list[CacheEntry]:
    """The finished entries and working (``.partial``) folders of the analysis cache, oldest first.

    ``cache`` is the cache folder, as :func:`toolkit.analyze` takes it (default
    :func:`toolkit.paths.cache_dir`). Other things in the cache folder (e.g. ``models/``) are not entries and are left alone.
    """
    cache_dir = Path(cache) if cache is not None else cache_dir_default()
    if not cache_dir.is_dir():
        return []
    now = time.time()
    entries = [e for e in (_entry_of(p, now) for p in sorted(cache_dir.iterdir())) if e is not None]
    return sorted(entries, key=lambda e: (-e.age_days, e.key))


def prune_cache(cache: str | Path | None = None, *, older_than_days: float | None = None,
                dry_run: bool = False) -> list[CacheEntry]:
    """Delete cache entries (finished or partial) not used for ``older_than_days`` days (all when
    None); return the ones deleted (with ``dry_run``, the ones that would be). An entry a run holds
    locked is never deleted."""
    pruned = []
    for entry in cache_entries(cache):
        if entry.locked or (older_than_days is not None and entry.age_days < older_than_days):
            continue
        if dry_run:
            pruned.append(entry)
            continue
        try:
            fd = os.open(entry.path, os.O_RDONLY)
        except FileNotFoundError:
            continue
        try:
            if not _try_lock(fd):  # a run took it since the listing
                continue
            try:
                shutil.rmtree(entry.path)
            except OSError as exc:  # e.g. a file in it the user may not delete: say so, go on
                log.warning("could not remove cache entry %s: %s", entry.path, exc)
                continue
            pruned.append(entry)
        finally:
            os.close(fd)
    return pruned
