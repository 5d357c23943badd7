"""Validator results kept in the cache folder: a notebook or report that asks twice computes once.

:func:`memoised` runs a validator call, or returns the result an earlier call with the same key
stored in ``<cache folder>/validate/<key>.json`` (:func:`toolkit.paths.cache_dir`). The key:
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
computes and stores nothing. Results are stored as JSON (tuples, sets and mappings with keys
that are not text tagged so they read back equal; no unpickling); a result that does not read back
equal to itself is returned and not stored.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import json
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


def _encode(x):
    """``x`` as JSON-able values, tuples, sets and non-text mapping keys tagged (``~tuple`` ...)."""
    if isinstance(x, dict):
        if all(isinstance(k, str) and not k.startswith("~") for k in x):
            return {k: _encode(v) for k, v in x.items()}
        return {"~items": [[_encode(k), _encode(v)] for k, v in x.items()]}
    if isinstance(x, (tuple, list)):
        items = [_encode(v) for v in x]
        return {"~tuple": items} if isinstance(x, tuple) else items
    if isinstance(x, (set, frozenset)):
        return {"~frozenset" if isinstance(x, frozenset) else "~set": [_encode(v) for v in x]}
    return x


def _decode(x):
    if isinstance(x, list):
        return [_decode(v) for v in x]
    if not isinstance(x, dict):
        return x
    if len(x) == 1 and next(iter(x)) in _TAGS:
        tag, value = next(iter(x.items()))
        if tag == "~items":
            return {_decode(k): _decode(v) for k, v in value}
        return _TAGS[tag](_decode(v) for v in value)
    return {k: _decode(v) for k, v in x.items()}


_TAGS = {"~tuple": tuple, "~set": set, "~frozenset": frozenset, "~items": dict}


def memoised(fn: Callable, *args, inputs: Iterable = (), salt: str = "", **kwargs):
    """``fn(*args, **kwargs)``, computed once per key (see the module docstring) and stored in the
    cache folder. ``inputs``: the files and folders the call reads besides the package and the path
    arguments; ``salt``: anything else the result depends on, as text (e.g. whether a model can run)."""
    inputs = list(inputs) + [a for a in (*args, *kwargs.values()) if isinstance(a, (str, Path)) and Path(a).exists()]
    path = cache_dir() / "validate" / f"{memo_key(fn, args, kwargs, inputs, salt)}.json"
    with contextlib.suppress(OSError, ValueError):
        return _decode(json.loads(path.read_text(encoding="utf-8")))
    result = fn(*args, **kwargs)
    try:
        text = json.dumps(_encode(result), allow_nan=True)
        if _decode(json.loads(text)) != result:
            return result  # a value JSON cannot carry (a Path, an object): computed each time
    except (TypeError, ValueError):
        return result
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
            os.replace(tmp, path)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    return result
