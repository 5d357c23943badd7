"""Joining adjacent labels into one ("ISIS fighters", "opposition militants"): the last step of
:func:`toolkit.labels.find_labels`, after :mod:`.resolve` has decided each label's camp.

Limits: adjacency is only spaces or tabs between two labels; the first names the camp only when the lexicon
or a modifier decided it (see :func:`merge_adjacent`).
"""

from __future__ import annotations

from .match import Hit, category_of
from .records import MARKED

__all__ = ["merge_adjacent"]


def merge_adjacent(norm: str, hits: list[Hit]) -> list[Hit]:
    """Join a label right before another ("ISIS fighters") into one: the first names the camp when it
    is decided by the lexicon or a modifier; the more marked category (and its term) is kept."""
    out: list[Hit] = []
    for h in hits:
        prev = out[-1] if out else None
        if prev is not None and not prev.anti and h.start > prev.end and norm[prev.end:h.start].strip(" \t") == "":
            camp, how = h.camp, h.how
            if prev.how in ("lexicon", "modifier"):  # the first label names the camp
                camp = prev.camp
                how = "lexicon" if h.how == "lexicon" and h.camp == prev.camp else "modifier"
            keep = prev if MARKED[prev.category] > MARKED[h.category] else h
            out[-1] = Hit(prev.start, h.end, keep.term, prev.prefixed or h.prefixed, camp,
                           category_of(keep.term, camp), how)
            continue
        out.append(h)
    return out
