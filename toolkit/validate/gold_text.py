"""Whether a loaded article is the text a gold file was annotated on.

Gold files in this repository keep offsets, not text (the text stays in ``../shared``), so each
record carries the SHA-256 of the UTF-8 article text, and most carry its length: offsets into a
changed text would point elsewhere. :func:`same_text` is the one check every loader uses;
:func:`gold_articles` gives the labels and spot-set records their articles, checked.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..corpus import load_corpus


def same_text(text: str, sha256: str, n_chars: int | None = None) -> bool:
    """``True`` when ``text`` has the recorded SHA-256 (of its UTF-8 bytes) and, if given, length."""
    return (n_chars is None or len(text) == n_chars) and hashlib.sha256(text.encode("utf-8")).hexdigest() == sha256


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
            loaded[r["corpus"]] = load_corpus(folder)
        article = loaded[r["corpus"]].get(r["doc_id"])
        if article is None:
            raise LookupError(f"{name}: document not found in {folder}")
        if not same_text(article.text, r["sha256"], r.get("n_chars")):
            raise LookupError(f"{name}: the text differs from the annotated one (length or SHA-256); not scored")
        yield r, article
