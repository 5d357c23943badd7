"""Validator results kept in the cache folder: a notebook or report that asks twice computes once.

:func:`memoised` runs a validator call, or returns the result an earlier call with the same key
stored in ``<cache folder>/validate/<key>.json`` (:func:`toolkit.paths.cache_dir`). The key:
the function's module and name, its arguments, the toolkit's code fingerprint (every ``.py``,
``.yml`` and ``.json`` file of the package, as the analysis cache keys on:
``toolkit.pipeline.keys.code_fingerprint``), the package's gold files (``toolkit/validate/gold``,
``.jsonl``, which that fingerprint leaves out), and the content of each path in ``inputs`` (a
file's bytes; for a folder, every file under it with its relative path; files over
:data:`BIG_FILE` bytes, such as model weights, by size and modification time). A changed gold
file, corpus or toolkit file therefore gives a new key and a fresh computation.

Places: a path under the repository or the shared-data folder (:func:`toolkit.paths.shared_root`),
as given or resolved, enters the key relative to that folder, and the result's text that names a
place under one of them is stored relative to it and read back under the folders of the run that
reads it. Two copies of the repository (a clone, the suite's fresh copies) with the same files
and shared data therefore share entries, and a report echoing its gold path still names its own.
A path elsewhere enters the key as its absolute path (a result may name it).

Two processes asking for the same key at once (the suite's report runs, two notebooks) compute it
once: a miss takes an exclusive ``flock`` on ``<key>.lock`` beside the entry, looks again, and only
then computes; the other waits on the lock and reads the entry (no lock on Windows, where the
second computes too; an unwritable folder computes without one).

Limits: a file the validator reads that neither the package nor ``inputs`` holds is not in the
key (the caller names what the validator reads); a figure the validator times (PolNeAR's words per
second) would be the first run's, so such calls are not memoised; entries are never pruned
(``python -m toolkit cache --prune`` removes analysis entries only); an unwritable cache folder
computes and stores nothing. Results are stored as JSON (tuples, sets and mappings with keys
that are not text tagged so they read back equal; no unpickling); a result that does not read back
equal to itself is returned and not stored. A place is recognised in a result's text as the
folder's path followed by anything but a name character (``/``, a line break, ``:``), so a
folder written another way (relative, ``~``) is stored as written.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import json
import re
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no flock; two processes asking at once then both compute
    fcntl = None

from ..paths import cache_dir, shared_root
from ..pipeline.keys import code_fingerprint

__all__ = ["memoised", "memo_key", "BIG_FILE"]

BIG_FILE = 16 * 2**20
"""Files larger than this (16 MiB) enter the key by size and modification time, not content."""
_PACKAGE_GOLD = Path(__file__).resolve().parent / "gold"
_REPO = Path(__file__).resolve().parent.parent.parent


def _places() -> list[tuple[str, str, str]]:
    """(name, token, folder) of the folders whose place a key and a stored result leave out: the
    shared-data folder and the repository, each as given and resolved (one token each, so a result
    reads back in the form it named), longest first (a folder inside another is matched first)."""
    out = {}
    for name, root in (("shared", shared_root()), ("repo", _REPO)):
        out.setdefault(os.path.abspath(root), (name, f"\0~{name}\0"))
        out.setdefault(str(Path(root).resolve()), (name, f"\0~{name}-resolved\0"))
    return sorted(((name, token, folder) for folder, (name, token) in out.items()), key=lambda p: -len(p[2]))


def _relocation(places: list[tuple[str, str, str]], back: bool) -> Callable[[str], str]:
    """A function that writes each folder of ``places`` in a text as its token (a folder's path
    followed by anything but a name character), or (``back``) each token as its folder."""
    table = {token: folder for _name, token, folder in places}
    if not back:
        table = {folder: token for token, folder in table.items()}
    pattern = re.compile("|".join(re.escape(t) for t in table) if back else
                         "|".join(f"{re.escape(f)}(?![\\w.-])" for f in table))
    return lambda text: pattern.sub(lambda m: table[m.group(0)], text)


def _strings(x, fn: Callable[[str], str]):
    """``x`` (JSON values, as :func:`_encode` gives) with ``fn`` applied to every text, keys too."""
    if isinstance(x, str):
        return fn(x)
    if isinstance(x, list):
        return [_strings(v, fn) for v in x]
    if isinstance(x, dict):
        return {fn(k): _strings(v, fn) for k, v in x.items()}
    return x


def _place(path: Path, places: list[tuple[str, str, str]]) -> str:
    """How ``path`` enters the key: ``name:relative path`` under the first folder of ``places`` it lies
    in (as given, then resolved), else its resolved absolute path."""
    for form in (os.path.abspath(path), str(path.resolve())):
        for name, _token, folder in places:
            if form == folder or form.startswith(folder.rstrip(os.sep) + os.sep):
                return f"{name}:{Path(os.path.relpath(form, folder)).as_posix()}"
    return str(path.resolve())


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
    """The key of ``fn(*args, **kwargs)`` reading ``inputs`` (paths; ``None`` entries are skipped):
    paths under the repository or the shared-data folder by their place relative to it (module docstring)."""
    places = _places()

    def word(v) -> str:
        return _place(Path(v), places) if isinstance(v, (str, Path)) and Path(v).exists() else str(v)

    h = hashlib.sha256(f"{fn.__module__}.{fn.__qualname__}\0{code_fingerprint()}\0{salt}\0".encode())
    h.update(repr((tuple(map(word, args)), sorted((k, word(v)) for k, v in kwargs.items()))).encode())
    for p in [_PACKAGE_GOLD, *(Path(p) for p in inputs if p is not None)]:
        h.update(f"\0{_place(p, places)}\0{_digest(p)}".encode())
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
    places = _places()
    with contextlib.suppress(OSError, ValueError):
        return _read(path, places)
    with _key_lock(path):
        with contextlib.suppress(OSError, ValueError):
            return _read(path, places)  # stored by a process that held the lock first
        return _compute_and_store(fn, args, kwargs, path, places)


def _read(path: Path, places: list[tuple[str, str, str]]):
    return _decode(_strings(json.loads(path.read_text(encoding="utf-8")), _relocation(places, back=True)))


@contextlib.contextmanager
def _key_lock(path: Path):
    """An exclusive ``flock`` on ``<key>.lock`` beside the entry while it is computed and stored;
    none where flock or the folder is missing (then the call computes unlocked)."""
    fd = None
    if fcntl is not None:
        with contextlib.suppress(OSError):
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path.with_suffix(".lock"), os.O_RDWR | os.O_CREAT, 0o644)
            fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        yield
    finally:
        if fd is not None:
            os.close(fd)  # releases the lock


def _compute_and_store(fn: Callable, args: tuple, kwargs: dict, path: Path, places: list[tuple[str, str, str]]):
    result = fn(*args, **kwargs)
    try:
        text = json.dumps(_strings(_encode(result), _relocation(places, back=False)), allow_nan=True)
        if _decode(_strings(json.loads(text), _relocation(places, back=True))) != result:
            return result  # a value JSON cannot carry (a Path, an object, a token's text): computed each time
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
