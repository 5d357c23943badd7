"""Which files of a corpus path are read: regular files directly inside the corpus folder, of one format.

Folder entries are checked with ``lstat``/``stat`` only, so nothing is opened before it is known to
be a regular file (a FIFO would block a reader forever). Subfolders, FIFOs, sockets, devices,
dangling symlinks and symlinks leading outside the folder (unless ``allow_outside``) are problems;
hidden names are passed over; a folder's format is the most common suffix among its files, and
files of another format are problems too (documentation and manifests excepted).
"""

from __future__ import annotations

import collections
import os
import stat
from pathlib import Path

from toolkit.corpus.records import LoadProblem
from toolkit.corpus.values import _fs

FORMATS = ("txt", "csv", "json", "jsonl")
_SUFFIXES = {".txt": "txt", ".csv": "csv", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl"}


def _inside(target: Path, root: Path) -> bool:
    """True if the resolved ``target`` is ``root`` or lies under it."""
    return target == root or root in target.parents


def _refusal(p: Path, root: Path, allow_outside: bool) -> str | None:
    """Why a folder entry is not read (``None``: a regular file to read). Uses ``lstat``/``stat`` only:
    nothing is opened, so a FIFO cannot block."""
    try:
        st = os.lstat(p)
    except OSError as exc:
        return f"cannot read ({exc.strerror or exc})"
    if stat.S_ISLNK(st.st_mode):
        try:
            target = p.resolve(strict=True)
            st = os.stat(p)
        except (OSError, RuntimeError):
            return "skipped: a dangling symlink (its target does not exist)"
        if not allow_outside and not _inside(target, root):
            return (f"refused: a symlink to {_fs(target)}, outside the corpus folder "
                    "(pass load_corpus(..., allow_outside=True) to read it)")
    mode = st.st_mode
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "skipped: a subfolder; files in subfolders are not read (load that folder on its own)"
    kind = ("a FIFO (named pipe)" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "a device file" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "a special file")
    return f"skipped: {kind}, not a regular file (never opened)"


def _folder_files(path: Path, root: Path, allow_outside: bool, problems: list) -> list[Path]:
    """The regular files directly in ``path`` (sorted; hidden names left out) and a problem for each
    other entry: subfolders, FIFOs, sockets, devices, dangling symlinks, symlinks leaving ``root``."""
    try:
        names = sorted(os.listdir(path))
    except OSError as exc:
        problems.append(LoadProblem(_fs(path), None, f"cannot list folder ({exc.strerror or exc})"))
        return []
    out = []
    for name in names:
        if name.startswith("."):
            continue
        p = path / name
        why = _refusal(p, root, allow_outside)
        if why is None:
            out.append(p)
        else:
            problems.append(LoadProblem(_fs(p), None, why))
    return out


def _detect_format(path: Path, files: list[Path] | None = None) -> str | None:
    """The format of a file from its suffix, or of a folder: the most common among its ``files``."""
    if files is None:
        return _SUFFIXES.get(path.suffix.lower())
    counts = collections.Counter(_SUFFIXES.get(p.suffix.lower()) for p in files)
    counts.pop(None, None)
    return counts.most_common(1)[0][0] if counts else None


# Files a folder may hold beside its articles without being reported (documentation, manifests).
_DOC_SUFFIXES = (".md", ".yml", ".yaml")


def _skipped_files(files: list[Path], fmt: str) -> list[LoadProblem]:
    """A problem for each file of a manifest-less folder that is not read as ``fmt``, so none is lost silently."""
    out = []
    read = {s for s, f in _SUFFIXES.items() if f == fmt or (fmt == "json" and f == "jsonl")}
    for p in files:
        suffix = p.suffix.lower()
        if suffix in read or suffix in _DOC_SUFFIXES:
            continue
        if suffix in _SUFFIXES:
            why = (f"skipped: a {_SUFFIXES[suffix]} file in a folder read as {fmt} "
                   "(load it on its own, or name the format in a corpus.yml)")
        else:
            why = f"skipped: not a corpus file ({suffix or 'no suffix'}); expected .txt, .csv, .json or .jsonl"
        out.append(LoadProblem(_fs(p), None, why))
    return out


def _data_files(files: list[Path], fmt: str) -> list[Path]:
    """The files to read as ``fmt`` (a json folder also reads its .jsonl files)."""
    suffixes = {s for s, f in _SUFFIXES.items() if f == fmt or (fmt == "json" and f == "jsonl")}
    return [p for p in files if p.suffix.lower() in suffixes]
