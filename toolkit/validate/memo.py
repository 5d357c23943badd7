"""Validator results kept in the cache folder: a notebook or report that asks twice computes once.

:func:`memoised` runs a validator call, or returns the result an earlier call with the same key
stored in ``<cache folder>/validate/<key>.pickle`` (:func:`toolkit.paths.cache_dir`). The key:
the function's module and name, its arguments, the toolkit's code fingerprint (every ``.py``,
``.yml`` and ``.json`` file of the package, as the analysis cache keys on:
``toolkit.pipeline.keys._code_fingerprint``), the package's gold files (``toolkit/validate/gold``,
``.jsonl``, which that fingerprint leaves out), and the content of each path in ``inputs`` (a
file's bytes; for a folder, every file under it with its relative path; files over
:data:`BIG_FILE` bytes, such as model weights, by size and modification time). A changed gold
file, corpus or toolkit file therefore gives a new key and a fresh computation.

Limits: a file the validator reads that neither the package nor ``inputs`` holds is not in the
key (the caller names what the validator reads); a figure the validator times (PolNeAR's words per
second) would be the first run's, so such calls are not memoised; entries are never pruned
(``python -m toolkit cache --prune`` removes analysis entries only); an unwritable cache folder
computes and stores nothing.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from ..paths import cache_dir
from ..pipeline.keys import _code_fingerprint

__all__ = ["memoised", "memo_key", "BIG_FILE"]

BIG_FILE = 16 * 2**20
"""Files larger than this (16 MiB) enter the key by size and modification time, not content."""
_PACKAGE_GOLD = Path(__file__).resolve().parent / "gold"


def _digest(path: Path) -> str:
    """SHA-256 of a file's bytes, or of a folder's files and their relative paths; ``absent`` when missing."""
    if not path.exists():
        return "absent"
    h = hashlib.sha256()
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
    for f in files:
        st = f.stat()
        h.update(str(f.relative_to(path) if f != path else f.name).encode() + b"\0")
        if st.st_size > BIG_FILE:
            h.update(f"{st.st_size} {st.st_mtime_ns}".encode())
        else:
            h.update(f.read_bytes())
        h.update(b"\0")
    return h.hexdigest()


def memo_key(fn: Callable, args: tuple, kwargs: dict, inputs: Iterable, salt: str = "") -> str:
    """The key of ``fn(*args, **kwargs)`` reading ``inputs`` (paths; ``None`` entries are skipped)."""
    h = hashlib.sha256(f"{fn.__module__}.{fn.__qualname__}\0{_code_fingerprint()}\0{salt}\0".encode())
    h.update(repr((tuple(map(str, args)), sorted((k, str(v)) for k, v in kwargs.items()))).encode())
    for p in [_PACKAGE_GOLD, *(Path(p) for p in inputs if p is not None)]:
        h.update(f"\0{p.resolve()}\0{_digest(p)}".encode())
    return h.hexdigest()[:32]


def memoised(fn: Callable, *args, inputs: Iterable = (), salt: str = "", **kwargs):
    """``fn(*args, **kwargs)``, computed once per key (see the module docstring) and stored in the
    cache folder. ``inputs``: the files and folders the call reads besides the package and the path
    arguments; ``salt``: anything else the result depends on, as text (e.g. whether a model can run)."""
    inputs = list(inputs) + [a for a in (*args, *kwargs.values()) if isinstance(a, (str, Path)) and Path(a).exists()]
    path = cache_dir() / "validate" / f"{memo_key(fn, args, kwargs, inputs, salt)}.pickle"
    with contextlib.suppress(OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        with open(path, "rb") as fh:
            return pickle.load(fh)
    result = fn(*args, **kwargs)
    with contextlib.suppress(OSError, pickle.PicklingError, TypeError):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(result, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    return result
