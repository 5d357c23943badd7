"""The toolkit's static word vectors (``models/static_vectors.npz``), read with numpy alone.

The file (built by ``tools/distill_static.py``, manifest beside it) holds a vocabulary of lowercased toolkit
tokens, most frequent first, and a float16 matrix: each word encoded alone by ``all-MiniLM-L6-v2`` and reduced
by PCA (the Model2Vec recipe, Tulkens & van Dongen 2024). :func:`load_word_vectors` reads it once per path and
scales each component to unit standard deviation over the vocabulary. This module imports nothing of the
toolkit's analyses, so any of them can read the vectors downward.

Limits: a word's vector is its context-free sense; a word outside the 25,000-word vocabulary has none.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .lexicon import LexiconError

__all__ = ["VECTORS_PATH", "WordVectors", "load_word_vectors"]

VECTORS_PATH = Path(__file__).resolve().parent / "models" / "static_vectors.npz"


@dataclass(frozen=True, eq=False)
class WordVectors:
    """A vocabulary (``index``: word -> row, rows in descending frequency) and its vectors (float32, unit sd
    per component)."""

    index: dict
    vectors: np.ndarray

    def rows(self, words: Sequence[str]) -> np.ndarray:
        """The row of each word, -1 for a word outside the vocabulary."""
        return np.fromiter(map(self.index.get, words, itertools.repeat(-1)), dtype=np.int64, count=len(words))

    def mean(self, words: Sequence[str]) -> np.ndarray:
        """The mean vector of the words in the vocabulary (the zero vector when none is)."""
        rows = self.rows(words)
        rows = rows[rows >= 0]
        return self.vectors[rows].mean(axis=0) if len(rows) else np.zeros(self.vectors.shape[1], np.float32)


@functools.lru_cache(maxsize=4)
def load_word_vectors(path: str | Path = VECTORS_PATH) -> WordVectors:
    """The static vectors of ``path`` (cached per path).

    Raises:
        toolkit.lexicon.LexiconError: the file is missing or lacks ``words``/``vectors`` of matching length.
    """
    path = Path(path)
    try:
        with np.load(path, allow_pickle=False) as data:
            words, vectors = [str(w) for w in data["words"]], data["vectors"].astype(np.float32)
    except (OSError, KeyError, ValueError) as exc:
        raise LexiconError(path, None, f"cannot read static vectors ({exc})") from exc
    if vectors.ndim != 2 or len(words) != len(vectors) or not words:
        raise LexiconError(path, None, "static vectors need one row of 'vectors' per entry of 'words'")
    sd = vectors.std(axis=0)
    return WordVectors({w: i for i, w in enumerate(words)}, vectors / np.where(sd > 0, sd, 1.0))
