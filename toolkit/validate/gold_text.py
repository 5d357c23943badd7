"""Whether a loaded article is the text a gold file was annotated on.

Gold files in this repository keep offsets, not text (the text stays in ``../shared``), so each
record carries the SHA-256 of the UTF-8 article text, and most carry its length: offsets into a
changed text would point elsewhere. :func:`same_text` is the one check every loader uses.
"""

from __future__ import annotations

import hashlib


def same_text(text: str, sha256: str, n_chars: int | None = None) -> bool:
    """``True`` when ``text`` has the recorded SHA-256 (of its UTF-8 bytes) and, if given, length."""
    return (n_chars is None or len(text) == n_chars) and hashlib.sha256(text.encode("utf-8")).hexdigest() == sha256
