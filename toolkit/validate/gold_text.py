"""Whether a loaded article is the text a gold file was annotated on.

Gold files in this repository keep offsets, not text (the text stays in ``../shared``), so each
record carries the SHA-256 of the UTF-8 article text, and most carry its length: offsets into a
changed text would point elsewhere. :func:`same_text` is the one check every loader uses;
:func:`gold_articles` gives the labels and spot-set records their articles, checked;
:func:`read_corpus` is the one place validators read a corpus folder.

One read per process: a report's validity notebook runs about ten validators, each reading the same
shared corpora (most of its time went to reading them again). :func:`read_corpus` keeps the last
:data:`KEPT` corpora read, keyed on the folder and each file's relative path, size and modification
time, so an edited, added or removed file is read afresh. Limits: an edit keeping a file's size
and modification time (to the nanosecond) is not seen; the corpora are kept in memory (the shared
ones: about 24,000 articles).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..corpus import load_corpus

KEPT = 8
"""How many corpora :func:`read_corpus` keeps (the shared corpora are three)."""


def same_text(text: str, sha256: str, n_chars: int | None = None) -> bool:
    """``True`` when ``text`` has the recorded SHA-256 (of its UTF-8 bytes) and, if given, length."""
    return (n_chars is None or len(text) == n_chars) and hashlib.sha256(text.encode("utf-8")).hexdigest() == sha256


def _files(folder: Path) -> tuple:
    """Each file under ``folder`` (or ``folder`` itself) as (relative path, size, modification time)."""
    if folder.is_file():
        st = folder.stat()
        return ((folder.name, st.st_size, st.st_mtime_ns),)
    out = []
    for root, _dirs, names in os.walk(folder):
        for name in names:
            path = os.path.join(root, name)
            with contextlib.suppress(OSError):
                st = os.stat(path)
                out.append((os.path.relpath(path, folder), st.st_size, st.st_mtime_ns))
    return tuple(sorted(out))


@functools.lru_cache(maxsize=KEPT)
def _read(folder: Path, where: str, files: tuple):
    return load_corpus(folder)


def read_corpus(folder: str | Path):
    """``load_corpus(folder)`` with its default options, read once per process while its files are
    unchanged (module docstring). The :class:`~toolkit.corpus.Corpus` is shared by every caller: read-only."""
    folder = Path(folder)  # read as given (an article's path names it so), kept by where it is
    return _read(folder, os.path.abspath(folder), _files(folder))


def gold_articles(rows: Iterable[dict], corpora: str | Path, loaded: dict | None = None) -> Iterator[tuple[dict, object]]:
    """Each gold row (``corpus``, ``doc_id``, ``sha256``, optional ``n_chars``) with its article from
    ``corpora/<corpus>``, each corpus read once: into ``loaded`` (folder name -> Corpus), which a caller
    scoring several gold sets on the same ``corpora`` passes to every call.

    Raises:
        LookupError: a document is not in its corpus, or its text differs from the annotated one.
    """
    loaded = {} if loaded is None else loaded
    for r in rows:
        name, folder = f"{r['corpus']}/{r['doc_id']}", Path(corpora) / r["corpus"]
        if r["corpus"] not in loaded:
            loaded[r["corpus"]] = read_corpus(folder)
        article = loaded[r["corpus"]].get(r["doc_id"])
        if article is None:
            raise LookupError(f"{name}: document not found in {folder}")
        if not same_text(article.text, r["sha256"], r.get("n_chars")):
            raise LookupError(f"{name}: the text differs from the annotated one (length or SHA-256); not scored")
        yield r, article
