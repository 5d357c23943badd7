"""Span matching and precision/recall/F1 shared by the validators.

Quote matching follows the PolNeAR/PARC convention used in this project: a predicted span matches a
gold span when their *token* overlap has F >= 0.5 (Pareti 2016; Newell et al. 2018), and matching
is one-to-one (greedy by best overlap).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..text import tokens

__all__ = ["token_set", "overlap_f", "match_spans", "prf", "spans_overlap"]


def token_set(text: str, start: int, end: int) -> frozenset[int]:
    """Start offsets of the word tokens in ``text[start:end]`` (punctuation ignored)."""
    return frozenset(t.start for t in tokens(text, start, end) if t.text[0].isalnum())


def overlap_f(a: frozenset[int], b: frozenset[int]) -> float:
    """Dice/F1 overlap of two token sets."""
    if not a or not b:
        return 0.0
    common = len(a & b)
    return 2 * common / (len(a) + len(b))


def spans_overlap(a_start, a_end, b_start, b_end) -> bool:
    """True when two half-open spans share at least one character (None never overlaps)."""
    if None in (a_start, a_end, b_start, b_end):
        return False
    return a_start < b_end and b_start < a_end


def match_spans(text: str, pred: Sequence[tuple[int, int]], gold: Sequence[tuple[int, int]],
                threshold: float = 0.5) -> list[tuple[int, int, float]]:
    """One-to-one matches ``(pred_index, gold_index, f)`` with token-overlap F >= ``threshold``."""
    p_tok = [token_set(text, s, e) for s, e in pred]
    g_tok = [token_set(text, s, e) for s, e in gold]
    candidates = []
    for i, (ps, pe) in enumerate(pred):
        for j, (gs, ge) in enumerate(gold):
            if ps < ge and gs < pe:
                f = overlap_f(p_tok[i], g_tok[j])
                if f >= threshold:
                    candidates.append((f, i, j))
    used_p, used_g, out = set(), set(), []
    for f, i, j in sorted(candidates, reverse=True):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((i, j, f))
    return out


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    """Precision, recall and F1 from counts (0 where undefined)."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "n_pred": n_pred, "n_gold": n_gold}
