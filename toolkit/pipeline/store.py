"""Files of a run: atomic writes, errors naming the user's folder, folder locks, chunk records
(the resume of a killed run) and the finished entry's manifest.

Every file is written under a temporary name, ``fsync``-ed and renamed in (``os.replace``); a chunk
counts as finished once its done-record, holding each part's SHA-256, is in place. A working folder
is held with an exclusive ``flock`` (none on Windows), so two runs of the same analysis do not
compute it twice.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import hashlib
import json
import logging
import os
import shutil
import tempfile
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no flock; folder locks are skipped (one run per cache entry is then up to the user)
    fcntl = None

from .schemas import CHUNK_TABLES, TABLES, _parquet_bytes

log = logging.getLogger(__name__)

RUN_FILE = "run.json"  # in a working folder: corpus name and start time, for the listing


def _fsync_dir(path: Path) -> None:
    if os.name == "nt":  # a folder cannot be opened (nor fsynced) on Windows
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_atomic(path: Path, data: bytes) -> str:
    """Write ``data`` to ``path`` via a temporary name, ``fsync`` and ``os.replace``; return its SHA-256."""
    tmp = path.with_name(f".tmp-{uuid.uuid4().hex}-{path.name}")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    return hashlib.sha256(data).hexdigest()


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


class StorageError(OSError):
    """A folder the user named cannot be written; the message names it (not an internal temporary
    path) and says what to do."""

    def __init__(self, message: str, code: int | None = None) -> None:
        super().__init__(code, message)
        self.message = message

    def __str__(self) -> str:
        return self.message


_ADVICE = {
    errno.EROFS: "it is on a read-only file system; pass a folder on a writable disk",
    errno.ENOSPC: "the disk is full; free some space or pass a folder on another disk",
    errno.EDQUOT: "the disk quota is used up; free some space or pass a folder on another disk",
    errno.EACCES: "permission denied; pass a folder you can write to, or change its permissions",
    errno.EPERM: "permission denied; pass a folder you can write to, or change its permissions",
    errno.ENOTDIR: "a part of the path is a file, not a folder; pass another path",
    errno.EEXIST: "a file is in the way where a folder should be; pass another path",
}


def _storage_error(path: Path, what: str, exc: OSError) -> StorageError:
    reason = os.strerror(exc.errno) if exc.errno else str(exc)
    advice = _ADVICE.get(exc.errno, "pass another folder")
    if exc.errno in (errno.EEXIST, errno.ENOTDIR):  # name the file that is in the way
        blocker = next((p for p in [path, *path.parents] if p.exists() and not p.is_dir()), None)
        if blocker is not None:
            reason = f"{blocker} is a file"
    return StorageError(f"cannot write the {what} {path}: {reason}; {advice}", exc.errno)


@contextlib.contextmanager
def _writing(path: Path, what: str) -> Iterator[None]:
    """Turn a storage failure (read-only, full, not permitted, a file in the way) while writing
    under ``path`` into a :class:`StorageError` that names ``path``."""
    try:
        yield
    except StorageError:
        raise
    except OSError as exc:
        if exc.errno not in _ADVICE:
            raise
        raise _storage_error(path, what, exc) from exc


def check_writable(path: str | Path, what: str = "output folder", *, replace: bool = True) -> None:
    """Fail early, with a :class:`StorageError` naming ``path``, if it cannot be written.

    With ``replace`` (an output folder, written beside itself and renamed in) the parent folder is
    created and probed; otherwise ``path`` itself (a cache folder).
    """
    path = Path(path)
    folder = path.parent if replace else path
    with _writing(path, what):
        if replace and path.exists() and not path.is_dir():
            raise OSError(errno.EEXIST, "a file of that name exists")
        folder.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".write-test-", dir=folder)
        os.close(fd)
        os.unlink(probe)


# crash-safe save: the new folder is written beside the old, the old is renamed aside, the new
# renamed in, then the old deleted; a later save or load finishes or undoes a killed one


@contextlib.contextmanager
def _dir_lock(folder: Path) -> Iterator[None]:
    if fcntl is None:
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


def _save_leftovers(out_dir: Path, kind: str) -> list[Path]:
    """``.<name>.old-*`` (the previous output, renamed aside) or ``.<name>.tmp-*`` (a new one being
    written) beside ``out_dir``, oldest first."""
    found = out_dir.parent.glob(f".{glob.escape(out_dir.name)}.{kind}-*")
    return sorted(found, key=lambda p: (p.lstat().st_mtime, p.name))


def _remove(path: Path, *, ignore_errors: bool = False) -> None:
    """Delete a folder, or a file or symbolic link (an output that was a link to a folder)."""
    if path.is_symlink() or not path.is_dir():
        try:
            path.unlink(missing_ok=True)
        except OSError:
            if not ignore_errors:
                raise
    else:
        shutil.rmtree(path, ignore_errors=ignore_errors)


def _recover_save(out_dir: Path, *, clean: bool) -> None:
    """Finish a killed save: bring the previous output back if the new one never arrived, delete
    previous outputs left renamed aside, and with ``clean`` (a save, not a load) half-written new ones."""
    if not out_dir.parent.is_dir():
        return
    if not _save_leftovers(out_dir, "old") and not (clean and _save_leftovers(out_dir, "tmp")):
        return
    with _dir_lock(out_dir.parent):
        olds = _save_leftovers(out_dir, "old")
        if olds and not os.path.lexists(out_dir):
            os.replace(olds.pop(), out_dir)
            log.warning("restored %s, which a killed save had renamed aside", out_dir)
        for leftover in olds + (_save_leftovers(out_dir, "tmp") if clean else []):
            _remove(leftover, ignore_errors=True)


# chunk records: a chunk counts as finished once its done-record is written (a killed run resumes from them)


def _done_record(work: Path, index: int, h: str) -> Path:
    return work / "chunks" / f"{index:06d}-{h}.json"


def _write_chunk(work: Path, index: int, h: str, tables: dict[str, bytes]) -> None:
    """Write one chunk's parts atomically, then its done-record (the chunk counts as finished)."""
    record = {}
    for name in CHUNK_TABLES:
        file = f"{name}/part-{index:06d}.parquet"
        record[name] = {"file": file, "sha256": _write_atomic(work / file, tables[name])}
    record["problems"] = json.loads(tables.get("problems", b"[]"))
    _write_atomic(_done_record(work, index, h), json.dumps(record, sort_keys=True).encode())


def _check_record(work: Path, index: int, h: str) -> str | None:
    """Why a finished chunk's done-record cannot be reused (unreadable, or a part missing or not
    matching its SHA-256), or None when it is sound."""
    try:
        record = json.loads(_done_record(work, index, h).read_text())
        for name in CHUNK_TABLES:
            part = record[name]
            if _sha256(work / part["file"]) != part["sha256"]:
                return f"{part['file']} does not match its checksum"
        if not isinstance(record.get("problems", []), list):
            return "its problems are not a list"
    except FileNotFoundError as exc:
        return f"{Path(exc.filename).name if exc.filename else 'a part'} is missing"
    except (OSError, ValueError, KeyError, TypeError) as exc:
        return f"its record is damaged ({type(exc).__name__}: {exc})"
    return None


def _problem_rows(load_problems: Iterable) -> list[dict]:
    """The corpus's load problems as rows of the ``problems`` table."""
    return [{"path": p.path, "line": p.line, "unit": getattr(p, "unit", "line"), "why": p.why} for p in load_problems]


def _finish(work: Path, done: list[tuple[int, str]], load_problems: Iterable, settings: dict) -> None:
    """Write the problems table and the manifest; drop done-records and leftover temporary files.

    Problems are the corpus's load problems, then the articles that failed, in chunk order.
    """
    problems = _problem_rows(load_problems)
    tables: dict[str, list[dict]] = {name: [] for name in TABLES}
    for index, h in sorted(done):
        record = json.loads(_done_record(work, index, h).read_text())
        for name in CHUNK_TABLES:
            tables[name].append(record[name])
        problems.extend(record.get("problems", []))
    sha = _write_atomic(work / "problems.parquet", _parquet_bytes(problems, "problems"))
    tables["problems"].append({"file": "problems.parquet", "sha256": sha})
    shutil.rmtree(work / "chunks")
    (work / RUN_FILE).unlink(missing_ok=True)
    for leftover in work.rglob(".tmp-*"):
        leftover.unlink()
    manifest = {"settings": settings, "tables": tables}
    _write_atomic(work / "manifest.json", json.dumps(manifest, indent=1, sort_keys=True).encode())
    for folder in [work, *(work / name for name in CHUNK_TABLES)]:
        _fsync_dir(folder)


def _try_lock(fd: int) -> bool:
    if fcntl is None:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _claim(work: Path, entry: Path | None) -> int | None:
    """Create and lock the working folder ``work`` (an exclusive ``flock`` on the folder); wait,
    saying so, while another run holds it. Return the locked descriptor, or None when ``entry``
    (the finished cache entry) exists, e.g. because the run we waited for finished it."""
    waited = False
    while True:
        if entry is not None and entry.exists():
            return None
        work.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(work, os.O_RDONLY)
        except FileNotFoundError:  # renamed or pruned meanwhile
            continue
        if not _try_lock(fd):
            if not waited:
                log.warning("waiting for another run that is computing the same analysis in %s", work)
                waited = True
            fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            same = os.stat(work).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            same = False
        if same and entry is not None and entry.exists():  # a run finished it while we made ours
            shutil.rmtree(work, ignore_errors=True)
            same = False
        if same:
            return fd
        os.close(fd)
